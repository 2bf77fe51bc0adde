"""What is checked once every file is read: ids unique across files, and references to what another file defines."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from bootcamp.content.loading.fields import ID_PATTERN, ITEMS_WRITTEN_OUT, FieldReader
from bootcamp.content.loading.head import ProgramHead
from bootcamp.content.model import AptitudePoker, Exercise, RoleCheck, Session


def cross_check(
    reader: FieldReader,
    head: ProgramHead | None,
    sessions: list[tuple[Session, int, str]],
    exercises: list[tuple[Exercise, int, str]],
    kind_unknown: list[tuple[str, int, str]],
    unparsed_folders: set[str],
    not_mappings: set[str],
) -> None:
    """Each session and exercise id is used once, and each reference (:attr:`.FieldReader.refs`) names what another
    file defines; ``unparsed_folders`` hold a file that did not parse, so what is missing from them is not known.
    ``kind_unknown`` are the exercises whose kind is wrong, (id, line, file): their ids are taken, and a step naming
    one is not also told it is unknown (the kind is the one mistake); nor is one naming a file in ``not_mappings``, read
    but empty or no mapping of fields."""
    exercise_ids = [(e.id, line, name) for e, line, name in exercises] + kind_unknown
    for ids, what in (
        ([(s.id, line, "id", name) for s, line, name in sessions], "session"),
        ([(ident, line, "id", name) for ident, line, name in sorted(exercise_ids, key=lambda e: e[2])], "exercise"),
    ):
        seen: dict[str, str] = {}
        for ident, line, field, name in ids:
            if ident in seen:
                reader.file = name
                reader.problem(line, field, f"duplicate {what} id '{ident}' (also in {seen[ident]})")
            else:
                seen[ident] = name
    known = {
        "session": {s.id for s, _, _ in sessions},
        "role-check exercise": {e.id for e, _, _ in exercises if isinstance(e, RoleCheck)},
        "poker exercise": {e.id for e, _, _ in exercises if isinstance(e, AptitudePoker)},
    }
    if head is not None:
        known |= {
            "scale": {s.id for s in head.scales},
            "item list": {li.id for li in head.lists},
            "dimension": {d.id for d in head.dimensions},
        }
        for what in head.unread:
            del known[what]
    defined_in = {"session": "sessions", "role-check exercise": "exercises", "poker exercise": "exercises"}
    # what a reference may name that is known only to be wrong, its own problem the one said: an exercise whose kind
    # is wrong, and a session or exercise whose id is missing or not valid (Id:, id: Basics), or whose file defines
    # nothing, by its file's name
    maybe_named = {
        "sessions": _named_by_file(sessions),
        "exercises": {ident for ident, _, _ in kind_unknown} | _named_by_file(exercises),
    }
    for name in not_mappings:
        maybe_named.setdefault(name.split("/")[0], set()).add(PurePosixPath(name).stem)
    for file, line, field, what, value in reader.refs:
        if defined_in.get(what) in unparsed_folders:
            continue
        if value in maybe_named.get(defined_in.get(what, ""), ()):
            continue
        if what == ITEMS_WRITTEN_OUT:
            reader.file = file
            lists = ""  # the lists are known only from a program file (and its lists) that was read
            if "item list" in known:
                lists = f" (known: {', '.join(sorted(known['item list'])) or 'none defined'})"
            reader.problem(
                line,
                field,
                f"must be the id of one of the lists in sessions/program.yaml{lists}, not the items "
                "themselves: write them there, under lists, with an id, a title and a text each",
            )
            continue
        if what not in known:
            continue  # defined in the program file, which is missing or broken: that is the one problem said
        if value not in known[what]:
            reader.file = file
            if other := _the_other_exercise_kind(what, value, known):
                reader.problem(line, field, other)
                continue
            options = ", ".join(sorted(filter(None, known[what]))) or "none defined"  # an id left out is said apart
            reader.problem(line, field, f"unknown {what} '{value}' (known: {options})")


def _named_by_file(read: Iterable[tuple[Session | Exercise, int, str]]) -> set[str]:
    """The file names of those whose id is missing or not valid: the name a reference to one most likely uses."""
    return {PurePosixPath(name).stem for entry, _, name in read if not ID_PATTERN.match(entry.id)}


# The step kind that runs each kind of exercise: a role check named on a kind: exercise step exists, so "unknown" would
# send the author looking for a missing file.
_RUN_BY = {"role-check exercise": "check", "poker exercise": "exercise"}


def _the_other_exercise_kind(what: str, value: str, known: dict[str, set[str]]) -> str:
    """What to say when an exercise of the other kind was named: which step kind runs it."""
    if what not in _RUN_BY:
        return ""
    other = next((kind for kind in _RUN_BY if kind != what), "")
    if value not in known[other]:
        return ""
    return f"'{value}' is a {other}, run by a step of kind: {_RUN_BY[other]}, not kind: {_RUN_BY[what]}"

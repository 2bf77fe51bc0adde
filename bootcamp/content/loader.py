"""Load and validate boot camp content in one pass.

Content is a set of YAML files (``.yaml`` or ``.yml``): ``sessions/program.yaml`` (title, agendas,
scales, item lists, commitment dimensions, levels), one file per session in ``sessions/``
and one per exercise in ``exercises/``. :func:`load_sources` works on a mapping of
relative path to text, so a workshop's stored copy of its content loads the same
way as a folder on disk. Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from bootcamp.content.errors import ContentError, ContentProblem
from bootcamp.content.loading.exercises import read_exercise
from bootcamp.content.loading.fields import FieldReader
from bootcamp.content.loading.head import ProgramHead, read_program_head
from bootcamp.content.loading.sessions import read_session
from bootcamp.content.loading.sources import content_hash, read_content_folder, read_sources
from bootcamp.content.model import (
    AptitudePoker,
    Exercise,
    Program,
    RoleCheck,
    Session,
)
from bootcamp.content.yamlnodes import Located, YamlSyntaxError, parse

# read_sources and content_hash too: their callers import them from here
__all__ = ["content_hash", "load_dir", "load_sources", "read_sources"]

PROGRAM_FILE = "sessions/program.yaml"
# program.yml names the program too: a content author saving .yml means YAML, as every YAML tool reads it.
PROGRAM_FILES = (PROGRAM_FILE, "sessions/program.yml")


def load_dir(content_dir: Path) -> Program:
    """Load and validate the content in a folder; raise :class:`ContentError` listing every problem."""
    sources, unread = read_content_folder(content_dir)
    # a file that cannot be read is one problem among the others
    return _Loader(sources, unread, stored_copy=False).load()


def load_sources(sources: Mapping[str, str], *, stored_copy: bool = True) -> Program:
    """Load content given as ``{relative path: text}``: by default a workshop's stored copy (or an export's), which
    was accepted when the workshop was made, so the rules added since (:attr:`.FieldReader.stored_copy`) are not
    applied to it: a workshop run with it must still open."""
    return _Loader(sources, stored_copy=stored_copy).load()


class _Loader:
    def __init__(self, sources: Mapping[str, str], unread: Iterable[ContentProblem] = (), *, stored_copy: bool) -> None:
        self.sources = dict(sources)
        self.problems: list[ContentProblem] = list(unread)
        self.reader = FieldReader(self.problems, stored_copy=stored_copy)
        # files (and folders, "sessions/") that could not be read: not also reported as missing
        self.unread = {problem.file for problem in self.problems}
        # folders with a file that did not parse: what it defines is unknown, so references
        # into it are not reported as missing (one mistake, one message)
        self.unparsed_folders: set[str] = {name.split("/")[0] for name in self.unread}

    # -- the whole program -------------------------------------------------

    def load(self) -> Program:
        documents: dict[str, Located] = {}
        for name in sorted(self.sources):
            self.reader.file = name
            try:
                document = parse(self.sources[name])
            except YamlSyntaxError as error:
                self.problems.append(ContentProblem(name, error.line, "", error.message, error.column))
                self.unparsed_folders.add(name.split("/")[0])
                continue
            if document is None:
                self.reader.problem(1, "", "the file is empty")
                continue
            node = self.reader.mapping(document, 1, "")
            if node is not None:
                documents[name] = node

        program_file = next((name for name in PROGRAM_FILES if name in self.sources or name in self.unread), None)
        if program_file is None and "sessions/" not in self.unread:
            self.reader.file = PROGRAM_FILE
            self.reader.problem(0, "", "missing: it names the boot camp, its agendas, scales, lists and dimensions")
        for extra in PROGRAM_FILES:
            if extra != program_file and extra in self.sources:
                self.reader.file = extra
                self.reader.problem(0, "", f"a second program file beside {program_file}: keep one of the two")
                documents.pop(extra, None)
        program_doc = documents.pop(program_file, None) if program_file else None
        self.reader.file = program_file or PROGRAM_FILE
        head = read_program_head(self.reader, program_doc) if program_doc is not None else None

        sessions: list[tuple[Session, int, str]] = []
        exercises: list[tuple[Exercise, int, str]] = []
        for name, node in documents.items():
            self.reader.file = name
            if name.startswith("sessions/"):
                session = read_session(self.reader, node)
                if session is not None:
                    sessions.append((session, node.line_of("id"), name))
            else:
                exercise = read_exercise(self.reader, node)
                if exercise is not None:
                    exercises.append((exercise, node.line_of("id"), name))

        self.cross_check(head, sessions, exercises)
        if self.problems:
            raise ContentError(self.problems)
        assert head is not None
        title, agendas, scales, lists, dimensions, levels = head
        return Program(
            title=title,
            sessions=tuple(s for s, _, _ in sessions),
            agendas=agendas,
            scales=scales,
            lists=lists,
            dimensions=dimensions,
            levels=levels,
            exercises=tuple(e for e, _, _ in exercises),
            content_hash=content_hash(self.sources),
            sources=dict(self.sources),
        )


    # -- references between files -----------------------------------------

    def cross_check(
        self,
        head: ProgramHead | None,
        sessions: list[tuple[Session, int, str]],
        exercises: list[tuple[Exercise, int, str]],
    ) -> None:
        for ids, what in (
            ([(s.id, line, "id", name) for s, line, name in sessions], "session"),
            ([(e.id, line, "id", name) for e, line, name in exercises], "exercise"),
        ):
            seen: dict[str, str] = {}
            for ident, line, field, name in ids:
                if ident in seen:
                    self.reader.file = name
                    self.reader.problem(line, field, f"duplicate {what} id '{ident}' (also in {seen[ident]})")
                else:
                    seen[ident] = name
        if head is None:
            return
        _, _, scales, lists, dimensions, _ = head
        known = {
            "session": {s.id for s, _, _ in sessions},
            "scale": {s.id for s in scales},
            "item list": {li.id for li in lists},
            "dimension": {d.id for d in dimensions},
            "role-check exercise": {e.id for e, _, _ in exercises if isinstance(e, RoleCheck)},
            "poker exercise": {e.id for e, _, _ in exercises if isinstance(e, AptitudePoker)},
        }
        defined_in = {"session": "sessions", "role-check exercise": "exercises", "poker exercise": "exercises"}
        for file, line, field, what, value in self.reader.refs:
            if defined_in.get(what) in self.unparsed_folders:
                continue
            if value not in known[what]:
                self.reader.file = file
                if other := _the_other_exercise_kind(what, value, known):
                    self.reader.problem(line, field, other)
                    continue
                options = ", ".join(sorted(known[what])) or "none defined"
                self.reader.problem(line, field, f"unknown {what} '{value}' (known: {options})")


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

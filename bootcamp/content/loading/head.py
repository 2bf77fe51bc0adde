"""Reading the program file, ``sessions/program.yaml``: the boot camp's title, its agendas, scales, item lists,
commitment dimensions and levels."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from bootcamp.content.loading.fields import FieldReader, describe
from bootcamp.content.model import AGENDA_IDS, Agenda, Dimension, Item, ItemList, Level, Scale, ScaleOption
from bootcamp.content.yamlnodes import Located, LocatedList

# Keys the console's answers take for themselves whatever the scale (bootcamp/ui/widgets/answers): an option given
# one could not be answered with it, though the slide offered it ("x Partly").
_ANSWERING_KEYS = {"c": "write a comment", "x": "clear an answer"}


# The program's sections that steps and exercises name an entry of: (section, what a reference names, its shape)
_SECTIONS_NAMED = (
    ("scales", "scale", Located),
    ("lists", "item list", Located),
    ("dimensions", "dimension", LocatedList),
)


class ProgramHead(NamedTuple):
    """What the program file defines, for the sessions and exercises to name (and for the Program)."""

    title: str
    agendas: tuple[Agenda, ...]
    scales: tuple[Scale, ...]
    lists: tuple[ItemList, ...]
    dimensions: tuple[Dimension, ...]
    levels: tuple[Level, ...]
    # what a reference names whose section was not read (missing, misspelled, not a mapping or list): such a
    # reference is not checked, the section's own problem being the one to fix
    unread: frozenset[str] = frozenset()


def read_program_head(reader: FieldReader, node: Located) -> ProgramHead:
    reader.fields(node, "", ["title", "agendas", "scales", "lists", "dimensions", "levels"], [])
    title = reader.text(node, "title", "")
    agendas = reader.named_mapping(node, "agendas", partial(_agenda, reader))
    for agenda_id in ("full",):
        if "agendas" in node and agenda_id not in {a.id for a in agendas}:
            reader.problem(node.line_of("agendas"), "agendas.full", "missing required agenda")
    for agenda in agendas:
        if agenda.id not in AGENDA_IDS:
            reader.problem(
                node["agendas"].line_of(agenda.id),
                f"agendas.{agenda.id}",
                f"unknown agenda (expected one of: {', '.join(AGENDA_IDS)})",
            )
    scales = reader.named_mapping(node, "scales", partial(_scale, reader))
    lists = reader.named_mapping(node, "lists", partial(_item_list, reader))
    dimensions = reader.listed(node, "dimensions", "", partial(_dimension, reader), "dimension")
    levels = reader.listed(node, "levels", "", partial(_level, reader), "level")
    if levels and 0 not in {level.min_score for level in levels}:
        reader.problem(node.line_of("levels"), "levels", "one level must start at min_score 0")
    _levels_in_order(reader, node)
    lowest_first = tuple(sorted(levels, key=lambda level: level.min_score))
    unread = frozenset(what for key, what, container in _SECTIONS_NAMED if not isinstance(node.get(key), container))
    return ProgramHead(title, tuple(agendas), tuple(scales), tuple(lists), tuple(dimensions), lowest_first, unread)


def _agenda(reader: FieldReader, agenda_id: str, node: Located, field: str) -> Agenda | None:
    reader.fields(node, field, ["title", "sessions"], [])
    session_ids = []
    for value, line, entry_field in reader.sequence(node, "sessions", field) if "sessions" in node else []:
        if not isinstance(value, str):
            reader.problem(line, entry_field, f"must be a session id, got {describe(value)}")
            continue
        session_ids.append((value, line, entry_field))
    reader.unique(session_ids, "session")
    for session_id, line, entry_field in session_ids:
        reader.refs.append((reader.file, line, entry_field, "session", session_id))
    return Agenda(agenda_id, reader.text(node, "title", field), tuple(s for s, _, _ in session_ids))


def _scale(reader: FieldReader, scale_id: str, node: Located, field: str) -> Scale | None:
    reader.fields(node, field, ["title", "options"], [])
    options = reader.listed(node, "options", field, partial(_scale_option, reader), "option")
    entries = node.get("options")
    keys_at: dict[str, int] = {}  # each key's first line: the option a second one collides with
    for i, entry in enumerate(entries if isinstance(entries, LocatedList) else []):
        key = entry.get("key") if isinstance(entry, Located) else None
        if not isinstance(key, str) or not key:
            continue
        line = entry.line_of("key")
        if key in keys_at:
            message = f"the key '{key}' is taken (line {keys_at[key]}): each option needs its own key"
            reader.problem(line, f"{field}.options[{i + 1}].key", message)
        else:
            keys_at[key] = line
    if "options" in node:
        if len([o for o in options if o.dont_know]) > 1:
            reader.problem(node.line_of("options"), f"{field}.options", "only one option may be dont_know")
        if len([o for o in options if not o.dont_know]) < 2:
            reader.problem(node.line_of("options"), f"{field}.options", "needs at least two scored options")
    return Scale(scale_id, reader.text(node, "title", field), tuple(options))


def _scale_option(reader: FieldReader, node: Located, field: str) -> ScaleOption | None:
    reader.fields(node, field, ["id", "label", "key"], ["value", "dont_know"])
    dont_know = reader.boolean(node, "dont_know", field, False)
    value: float | None = None
    if dont_know:
        if "value" in node:
            reader.problem(node.line_of("value"), f"{field}.value", "a dont_know option has no value")
    elif "value" not in node:
        reader.problem(node.line, f"{field}.value", "missing required field (only a dont_know option has none)")
    else:
        value = reader.number(node, "value", field, positive=False)
    key = reader.text(node, "key", field)
    if key and len(key) != 1:
        reader.problem(node.line_of("key"), f"{field}.key", f"must be a single key, got '{key}'")
    elif key in _ANSWERING_KEYS and not reader.stored_copy:
        message = f"'{key}' is the console's key to {_ANSWERING_KEYS[key]} on every answering step: choose another"
        reader.problem(node.line_of("key"), f"{field}.key", message)
    return ScaleOption(reader.ident(node, "id", field), reader.text(node, "label", field), value, key, dont_know)


def _item_list(reader: FieldReader, list_id: str, node: Located, field: str) -> ItemList:
    reader.fields(node, field, ["title", "items"], [])
    items = reader.listed(node, "items", field, partial(_item, reader), "item")
    return ItemList(list_id, reader.text(node, "title", field), tuple(items))


def _item(reader: FieldReader, node: Located, field: str) -> Item:
    reader.fields(node, field, ["id", "title", "text"], ["short"])
    return Item(
        reader.ident(node, "id", field),
        reader.text(node, "title", field),
        reader.text(node, "text", field),
        reader.text(node, "short", field, default=""),
    )


def _levels_in_order(reader: FieldReader, node: Located) -> None:
    """Levels are listed lowest first, each from a higher min_score than the one before: a level out of order
    or on the same score as another would be passed over when a score is ranked."""
    entries = node.get("levels")
    before: float | None = None
    for i, entry in enumerate(entries if isinstance(entries, LocatedList) else []):
        score = entry.get("min_score") if isinstance(entry, Located) else None
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            continue
        if before is not None and score <= before:
            reader.problem(
                entry.line_of("min_score"),
                f"levels[{i + 1}].min_score",
                f"{score:g} is not above the level before's {before:g}: list levels lowest first, each higher",
            )
        before = score if before is None else max(before, score)


def _dimension(reader: FieldReader, node: Located, field: str) -> Dimension:
    reader.fields(node, field, ["id", "title", "text"], [])
    return Dimension(
        reader.ident(node, "id", field), reader.text(node, "title", field), reader.text(node, "text", field)
    )


def _level(reader: FieldReader, node: Located, field: str) -> Level:
    reader.fields(node, field, ["id", "title", "min_score", "text"], [])
    min_score = reader.number(node, "min_score", field, positive=False)
    if not 0 <= min_score <= 100:
        reader.problem(node.line_of("min_score"), f"{field}.min_score", "must be between 0 and 100")
    return Level(
        reader.ident(node, "id", field), reader.text(node, "title", field), min_score, reader.text(node, "text", field)
    )


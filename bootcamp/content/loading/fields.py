"""Reading the typed fields of content (text, ids, numbers, lists, references to what another file defines), each
problem reported with the file, line and field it was found at."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from bootcamp.content.errors import ContentProblem
from bootcamp.content.yamlnodes import Located, LocatedList

# Bold, italics, a link or code in text shown as typed: "**promise**", "*always*", "[charter](https://…)", "`x`"
_MARKDOWN_MARK = re.compile(r"\*\*|__|(?<![\w*])\*(?=[^\s*])|\[[^\]]{1,200}\]\(|`")
# A body that is only a file's name ("hopes.md", "slides/welcome.markdown"), as if the slide's text were read from it
_FILE_NAME = re.compile(r"^[\w./-]+\.(md|markdown|txt)$", re.IGNORECASE)
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Fields of words, where a ' #' is the author's text ("Priority #1"), never a comment on the value: YAML drops it.
_PROSE = frozenset(
    {"title", "question", "label", "summary", "text", "ask_next", "do_next", "rated_for", "why", "short"}
)
# What ref records for items written out where the id of a named list belongs: said with the lists there are
ITEMS_WRITTEN_OUT = "items written out"
# A step (or a Poker card) longer than the day it is part of is a typo: 100000 for 10.
MAX_STEP_MINUTES = 24 * 60


class FieldReader:
    """Reads fields of the file being read (:attr:`file`), collecting a problem for each that is wrong."""

    def __init__(self, problems: list[ContentProblem], *, stored_copy: bool) -> None:
        # A stored copy is loaded with the rules it was accepted under: a number where text is expected, and a step
        # longer than a day, are refused only in content being written (a folder: validate, new, the app).
        self.stored_copy = stored_copy
        self.problems = problems
        self.file = ""
        # (file, line, field, what, id): references checked once every file is read
        self.refs: list[tuple[str, int, str, str, str]] = []

    # -- reporting ---------------------------------------------------------

    def problem(self, line: int, field: str, message: str) -> None:
        self.problems.append(ContentProblem(self.file, line, field, message))

    # -- typed field access -----------------------------------------------

    def mapping(self, value: Any, line: int, field: str) -> Located | None:
        if isinstance(value, Located):
            for key, key_line in getattr(value, "duplicate_keys", []):
                self.problem(key_line, _join(field, key), "appears twice in the same mapping")
            return value
        self.problem(line, field, f"must be a mapping of fields, got {describe(value)}")
        return None

    def fields(self, node: Located, field: str, required: Iterable[str], optional: Iterable[str]) -> bool:
        """Report missing and unknown fields; True when every required field is there."""
        required = tuple(required)
        allowed = set(required) | set(optional)
        missing = [key for key in required if key not in node]
        unknown = [key for key in node if key not in allowed]
        meant = _meant_for(unknown, missing)
        for key in unknown:
            self.problem(node.line_of(key), _join(field, key), _unknown_field(node, key, allowed, meant.get(key)))
        for key in missing:
            if key not in meant.values():  # said once, where the misspelling is
                self.problem(node.line, _join(field, key), "missing required field")
        return not missing

    def text(self, node: Located, key: str, field: str, default: str | None = None) -> str:
        if key not in node:
            return default or ""
        value = node[key]
        if isinstance(value, bool):  # what was typed (Yes, off) is already lost: each way YAML has is named
            message = (
                f"must be text, got {str(value).lower()}: YAML reads yes, no, on, off, true and false as true or false "
                'unless they are in quotes ("yes")'
            )
            self.problem(node.line_of(key), _join(field, key), message)
            return ""
        if not isinstance(value, (str, int, float)):
            self.problem(node.line_of(key), _join(field, key), f"must be text, got {describe(value)}")
            return ""
        if not isinstance(value, str) and not self.stored_copy:
            # YAML reads 010 as 8 and 1.10 as 1.1: what the author typed is already lost, so it is not guessed at
            message = f"must be text, got the number {value}; put it in quotes"
            self.problem(node.line_of(key), _join(field, key), message)
            return ""
        text = str(value).strip()
        if not text and default is None:
            self.problem(node.line_of(key), _join(field, key), "must not be empty")
        comment = getattr(node, "commented", {}).get(key)
        if comment and key in _PROSE and not self.stored_copy:
            message = (
                f"YAML reads the ' #' and what follows as a comment, so only '{text}' is kept: "
                'put the whole value in quotes ("…")'
            )
            self.problems.append(ContentProblem(self.file, node.line_of(key), _join(field, key), message, comment))
        return text

    def markdown(self, node: Located, key: str, field: str, default: str | None = None) -> str:
        """Markdown shown to the room (a body): folded with '>', its list or table would be run into one line."""
        text = self.text(node, key, field, default)
        folded = getattr(node, "folded", {}).get(key)
        if folded and not self.stored_copy:
            indicator, line = folded
            message = (
                f"written with '{indicator}', which joins this line to the one before it, so the list or table there "
                f"loses its lines: write '{key}: |' to keep each line"
            )
            self.problem(line, _join(field, key), message)
        if _FILE_NAME.match(text) and not self.stored_copy:  # it would reach the wall as the file's name
            message = (
                f"'{text}' is the name of a file, and a body is the Markdown itself (no file is read for it): "
                "put the file's text under 'body: |'"
            )
            self.problem(node.line_of(key), _join(field, key), message)
        return text

    def plain_text(self, node: Located, key: str, field: str) -> str:
        """Text shown as typed (a step's title, a question): Markdown marks in it would reach the wall as typed."""
        text = self.text(node, key, field)
        mark = _MARKDOWN_MARK.search(text)
        if mark and not self.stored_copy:
            self.problem(
                node.line_of(key),
                _join(field, key),
                f"is shown as plain text, so the Markdown '{mark.group()}' would show as typed: write it plain, "
                "or put it in the step's body",
            )
        return text

    def ident(self, node: Located, key: str, field: str) -> str:
        value = self.text(node, key, field)
        if value and not ID_PATTERN.match(value):
            self.problem(
                node.line_of(key),
                _join(field, key),
                f"'{value}' is not a valid id (lower-case letters, digits and hyphens)",
            )
        return value

    def number(self, node: Located, key: str, field: str, *, positive: bool) -> float:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(node.line_of(key), _join(field, key), f"must be a number, got {describe(value)}")
            return 0.0
        if positive and value <= 0:
            self.problem(node.line_of(key), _join(field, key), f"must be a positive number, got {value}")
        return float(value)

    def minutes(self, node: Located, key: str, field: str) -> float:
        minutes = self.number(node, key, field, positive=True)
        if minutes > MAX_STEP_MINUTES and not self.stored_copy:
            message = f"{minutes:g} minutes is longer than a day (at most {MAX_STEP_MINUTES})"
            self.problem(node.line_of(key), _join(field, key), message)
        return minutes

    def boolean(self, node: Located, key: str, field: str, default: bool) -> bool:
        if key not in node:
            return default
        value = node[key]
        if not isinstance(value, bool):
            self.problem(node.line_of(key), _join(field, key), f"must be true or false, got {describe(value)}")
            return default
        return value

    def sequence(self, node: Located, key: str, field: str) -> list[tuple[Any, int, str]]:
        """The entries of a list field as (value, line, field path)."""
        value = node.get(key)
        if not isinstance(value, LocatedList):
            self.problem(node.line_of(key), _join(field, key), f"must be a list, got {describe(value)}")
            return []
        if not value:
            self.problem(node.line_of(key), _join(field, key), "must not be empty")
        return [(entry, value.item_lines[i], f"{_join(field, key)}[{i + 1}]") for i, entry in enumerate(value)]

    def ref(self, node: Located, key: str, field: str, what: str) -> str:
        """Read an id that must name something defined elsewhere; checked once every file is read."""
        if what == "item list" and isinstance(node.get(key), LocatedList):  # the items themselves, written here
            self.refs.append((self.file, node.line_of(key), _join(field, key), ITEMS_WRITTEN_OUT, ""))
            return ""
        value = self.text(node, key, field)
        if value:
            self.refs.append((self.file, node.line_of(key), _join(field, key), what, value))
        return value

    def unique(self, entries: Iterable[tuple[str, int, str]], what: str) -> None:
        seen: dict[str, int] = {}
        for ident, line, field in entries:
            if not ident:
                continue
            if ident in seen:
                self.problem(line, field, f"duplicate {what} id '{ident}' (first at line {seen[ident]})")
            else:
                seen[ident] = line

    # -- entries, each a mapping of fields ---------------------------------

    def named_mapping(self, node: Located, key: str, build: Callable[[str, Located, str], Any]) -> list[Any]:
        """What ``build`` makes of each entry of a mapping keyed by id (``scales: {strength: …}``)."""
        if key not in node:
            return []
        container = self.mapping(node[key], node.line_of(key), key)
        if container is None:
            return []
        built = []
        for name, value in container.items():
            field = f"{key}.{name}"
            if not ID_PATTERN.match(name):
                self.problem(container.line_of(name), field, f"'{name}' is not a valid id")
            entry = self.mapping(value, container.line_of(name), field)
            if entry is not None:
                result = build(name, entry, field)
                if result is not None:
                    built.append(result)
        return built

    def listed(self, node: Located, key: str, field: str, build: Callable[[Located, str], Any], what: str) -> list[Any]:
        """What ``build`` makes of each entry of a list of mappings, each with an id of its own."""
        if key not in node:
            return []
        built, ids = [], []
        for value, line, entry_field in self.sequence(node, key, field):
            entry = self.mapping(value, line, entry_field)
            if entry is None:
                continue
            result = build(entry, entry_field)
            if result is not None:
                built.append(result)
            # an entry not built (a step of an unknown kind) still has its id: a second one is said now, not later
            ident = result.id if result is not None else entry.get("id")
            if isinstance(ident, str):
                ids.append((ident.strip(), entry.line_of("id"), f"{entry_field}.id"))
        self.unique(ids, what)
        return built


def _meant_for(unknown: list[str], missing: list[str]) -> dict[str, str]:
    """The required field each unknown one most likely misspells: the closest by its letters, or, one of each, the
    one left (`promt:` where `question:` is missing)."""
    meant: dict[str, str] = {}
    left = list(missing)
    for key in unknown:
        close = difflib.get_close_matches(key, left, n=1, cutoff=0.6)
        if close:
            meant[key] = close[0]
            left.remove(close[0])
    if len(unknown) - len(meant) == 1 and len(left) == 1:
        meant[next(key for key in unknown if key not in meant)] = left[0]
    return meant


def _unknown_field(node: Located, key: str, allowed: set[str], meant: str | None) -> str:
    """What to say of a field not expected here: the comma that made it, the required one it misspells, or the
    field it is close to."""
    if getattr(node, "braced", False) and node[key] is None and " " in key.strip():
        return (
            f"in {{…}} a comma ends a field, so '{key}' was read as a field name: put the text that holds the "
            'comma in quotes ("…")'
        )
    if meant:
        return f"unknown field, and the required {meant} is missing: is {key} meant to be {meant}?"
    expected = f"(expected one of: {', '.join(sorted(allowed))})"
    close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.75)
    return f"unknown field: did you mean {close[0]}? {expected}" if close else f"unknown field {expected}"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def describe(value: Any) -> str:
    """A wrong value as a problem names it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return f"'{value}'"

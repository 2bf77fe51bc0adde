"""A sweep of the mistakes a facilitator makes editing a copy of the shipped content, one at a time.

For each shipped YAML file, mechanical edits (a key deleted, a value blanked or of the wrong type, an id used twice
or naming nothing, the file cut short, a tab, a stray ':' or quote, other line endings and encodings, an empty file)
are applied to a copy, and loading it must either succeed or raise a ContentError whose every problem is one line
that names a file, in the author's words (no None, no Python list), with the edited file among them and, where the
edit has a line, a line near it. Keys are sampled so the sweep stays fast (about 1,000 edits, 15 s): the first key of
each kind among the files of its kind (a step's keys for each kind of step), each given a third of the wrong values
in turn.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from bootcamp.content import ContentError, load_dir
from bootcamp.content.loading.sources import CONTENT_FOLDERS
from bootcamp.locations import default_content_dir

SHIPPED = default_content_dir()
# each as the user names it, relative to the content folder: "sessions/opening.yaml"
FILES = sorted(f"{p.parent.name}/{p.name}" for p in SHIPPED.glob("*/*.yaml") if p.parent.name in CONTENT_FOLDERS)
# What a value is turned into: nothing (null to YAML, as "null" is), an empty text, a list where text is, text where a
# list is, a number and a mapping.
WRONG_VALUES = ("", '""', "[one, two]", "some words", "42", "{wrong: type}")
# Keys whose value names what another file (or another step) defines.
REFERENCES = ("shows", "scale", "items", "dimension", "exercise", "deck")
NOWHERE = "no-such-thing"
# How far from the edited line a problem may point and still be near it: a missing field is said at the line of the
# mapping it is missing from, which the sweep allows separately.
NEAR = 3


@dataclass(frozen=True)
class Edit:
    """One mistake: the file's new bytes, what was done, and the lines a problem about it may point at (empty when
    the edit is the whole file's)."""

    what: str
    data: bytes
    lines: range = range(0)
    taken: str = ""  # the quoted id of a definition the edit took away or renamed


@dataclass(frozen=True)
class _Key:
    """A key of a mapping in the file, with character offsets: where the key starts, where its value ends (trailing
    blank lines and comments left out), where the next key of the same mapping starts (or -1), and the mapping's
    lines."""

    path: str
    start: int
    key_end: int
    value_end: int
    next_start: int
    line: int
    parent_lines: range
    value: yaml.Node


def _last_end(node: yaml.Node) -> int:
    """Where a value's own text ends: a block collection's end mark is at the next key, past blank lines."""
    if isinstance(node, yaml.MappingNode) and node.value and node.flow_style is not True:
        return _last_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and node.flow_style is not True:
        return _last_end(node.value[-1])
    return node.end_mark.index


def _keys(text: str) -> list[_Key]:
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python loader: its marks count characters
    found: list[_Key] = []

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            kind = next((v.value for k, v in node.value if k.value == "kind" and isinstance(v, yaml.ScalarNode)), "")
            here = f"{path}({kind})" if kind and path else path
            lines = range(node.start_mark.line + 1, node.end_mark.line + 2)
            for i, (key, value) in enumerate(node.value):
                end = _last_end(value)
                end = len(text[:end].rstrip())
                following = node.value[i + 1][0].start_mark.index if i + 1 < len(node.value) else -1
                where = (key.start_mark.index, key.end_mark.index, end, following, key.start_mark.line + 1, lines)
                found.append(_Key(f"{here}.{key.value}", *where, value))
                walk(value, f"{here}.{key.value}")
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                walk(child, f"{path}[]")

    walk(root, "")
    return found


@cache
def _sample(name: str) -> tuple[str, list[_Key]]:
    """The file's text and the first key of each kind in its folder (a step's key counts apart for each kind of step):
    a session's keys are the same in every session file, so the files sorted first give most of them."""
    text = (SHIPPED / name).read_text(encoding="utf-8")
    seen = _seen_before(name)
    sample = []
    for key in _keys(text):
        if key.path not in seen:
            seen.add(key.path)
            sample.append(key)
    return text, sample


def _seen_before(name: str) -> set[str]:
    """The kinds of key the files of its kind sorted before ``name`` sample (the program file is of a kind of its
    own)."""
    return {key.path for other in FILES if _kind(other) == _kind(name) and other < name for key in _sample(other)[1]}


def _kind(name: str) -> str:
    return name if name.endswith("/program.yaml") else name.split("/")[0]


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _near(text: str, index: int) -> range:
    line = _line_of(text, index)
    return range(max(line - NEAR, 1), line + NEAR + 1)


def _deleted(text: str, key: _Key) -> str:
    if key.next_start >= 0:  # up to the next key: what was before this key (its indent, a list's '- ') stays
        return text[: key.start] + text[key.next_start :]
    line_start = text.rfind("\n", 0, key.start) + 1
    start = line_start if not text[line_start : key.start].strip() else key.start
    return text[:start] + text[key.value_end :]


def key_edits(name: str) -> Iterator[Edit]:
    text, keys = _sample(name)
    for number, key in enumerate(keys):
        lines = range(min(key.parent_lines.start, key.line - NEAR), max(key.parent_lines.stop, key.line + NEAR + 1))
        taken = f"'{key.path.rsplit('.', 1)[-1]}'"  # a scale, a list or an agenda, named by its key
        yield Edit(f"{key.path} deleted", _deleted(text, key).encode(), lines, taken)
        for value in WRONG_VALUES[number % 3 :: 3]:  # each key a third of them, in turn
            edited = text[: key.key_end] + ": " + value + text[key.value_end :]
            yield Edit(f"{key.path} set to {value!r}", edited.encode(), lines, taken)


def reference_edits(name: str) -> Iterator[Edit]:
    """An id used twice in one list, and a reference (an agenda's session, a step's scale…) to nothing."""
    text, keys = _sample(name)
    every = _keys(text)
    for key in every:
        if key.path.endswith(".sessions") and isinstance(key.value, yaml.SequenceNode) and key.value.value:
            first = key.value.value[0]
            edited = text[: first.start_mark.index] + NOWHERE + text[first.end_mark.index :]
            yield Edit(f"{key.path}[1] names nothing", edited.encode(), _near(text, first.start_mark.index))
    for key in keys:
        if key.path.rsplit(".", 1)[-1] in REFERENCES and isinstance(key.value, yaml.ScalarNode):
            edited = text[: key.key_end] + ": " + NOWHERE + text[key.value_end :]
            yield Edit(f"{key.path} names nothing", edited.encode(), _near(text, key.start))
    ids_by_list: dict[str, list[_Key]] = {}
    for key in every:
        if key.path.rsplit(".", 1)[-1] == "id" and "[]" in key.path:
            ids_by_list.setdefault(key.path.rsplit("[]", 1)[0], []).append(key)
    for list_path, ids in ids_by_list.items():
        if len(ids) > 1:
            first, second = ids[0], ids[1]
            edited = text[: second.key_end] + ": " + first.value.value + text[second.value_end :]
            what = f"{list_path}: the second id made '{first.value.value}'"
            yield Edit(what, edited.encode(), _near(text, second.start))
    top_id = next((k for k in every if k.path == ".id"), None)
    if top_id is not None:
        other = "role" if name != "sessions/role.yaml" else "opening"
        if name.startswith("exercises/"):
            other = "aptitude-poker" if "role-check" in name else "role-check"
        edited = text[: top_id.key_end] + ": " + other + text[top_id.value_end :]
        yield Edit(f"id made '{other}', another file's", edited.encode(), _near(text, top_id.start), f"'{other}'")


def _middle_lines(text: str, count: int) -> list[int]:
    """``count`` indented lines spread over the file (0-based), each with text on it."""
    lines = text.splitlines()
    indented = [i for i, line in enumerate(lines) if line.startswith("  ") and line.strip()[:1] not in ("", "#")]
    if not indented:
        return []
    step = max(len(indented) // count, 1)
    return indented[step // 2 :: step][:count]


def text_edits(name: str) -> Iterator[Edit]:
    text, keys = _sample(name)
    lines = text.splitlines(keepends=True)

    def joined(changed: list[str]) -> bytes:
        return "".join(changed).encode()

    def around(number: int) -> range:  # number: 0-based
        return range(max(number + 1 - NEAR, 1), number + 1 + NEAR + 1)

    for fraction in (4, 2):
        cut = len(lines) // fraction
        yield Edit(f"cut after line {cut}", joined(lines[:cut]), range(1, cut + 2))
        middle = lines[cut]
        half = middle[: len(middle) // 2]
        yield Edit(f"cut in the middle of line {cut + 1}", joined([*lines[:cut], half]), range(1, cut + 2))
    for number in _middle_lines(text, 3):
        changed = list(lines)
        changed[number] = "\t" + changed[number].lstrip(" ")
        yield Edit(f"a tab indents line {number + 1}", joined(changed), around(number))
        changed = list(lines)
        changed[number] = changed[number][:2] + "\t" + changed[number][2:]
        yield Edit(f"a tab among the spaces of line {number + 1}", joined(changed), around(number))
    for number, key in enumerate(keys):
        if not (isinstance(key.value, yaml.ScalarNode) and key.value.style is None and key.value.value):
            continue
        if key.value.start_mark.line != key.value.end_mark.line:
            continue
        start, end = key.value.start_mark.index, key.value.end_mark.index
        value = text[start:end]
        cut = start + max(len(value) // 2, 1)
        strays = (
            ("a stray ':' ends", text[:end] + ":" + text[end:]),
            ("a stray '\"' opens", text[:start] + '"' + text[start:]),
            ("a stray ': ' inside", text[:cut] + ": " + text[cut:]),
            ("a stray \"'\" opens", text[:start] + "'" + text[start:]),
            ("a stray '\"' inside", text[:cut] + '"' + text[cut:]),
        )
        for what, edited in strays[number % 2 :: 2]:  # each value half of them, in turn
            yield Edit(f"{what} the value of {key.path}", edited.encode(), _near(text, start))
    yield Edit("Windows line endings", text.replace("\n", "\r\n").encode())
    yield Edit("a byte-order mark", codecs.BOM_UTF8 + text.encode())
    yield Edit("Windows line endings after a byte-order mark", codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode())
    for number in _middle_lines(text, 2):  # saved as Latin-1: its first letter that is not ASCII is the first bad byte
        changed = list(lines)
        changed[number] = changed[number].rstrip("\n") + " café\n"
        latin = "".join(changed)
        first = next(i for i, character in enumerate(latin) if ord(character) > 127)
        yield Edit(f"Latin-1 bytes on line {number + 1}", latin.encode("latin-1", "replace"), _near(latin, first))
    yield Edit("an empty file", b"")
    yield Edit("only blank lines", b"\n\n  \n")
    yield Edit("only a comment", b"# my own session, to write tomorrow\n")
    yield Edit("only its comments", "".join(line for line in lines if line.startswith("#")).encode() or b"# x\n")
    yield Edit("a list at the top", b"- id: x\n  title: X\n", range(1, 2))
    yield Edit("a text at the top", b"just some words\n", range(1, 2))


FAMILIES = {"keys": key_edits, "references": reference_edits, "text": text_edits}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("every-edit") / "content"
    shutil.copytree(SHIPPED / "sessions", folder / "sessions")
    shutil.copytree(SHIPPED / "exercises", folder / "exercises")
    return folder


def wrong_with(edit: Edit, name: str, copy: Path) -> str:
    """What is wrong with what loading the copy with ``edit`` in ``name`` says; "" when nothing is."""
    path = copy / name
    original = path.read_bytes()
    path.write_bytes(edit.data)
    try:
        load_dir(copy)
    except ContentError as error:
        return _wrong_in(error, edit, name)
    except Exception as error:  # noqa: BLE001 - any other error is a traceback to the user
        return f"{type(error).__name__}: {error}"
    finally:
        path.write_bytes(original)
    return ""


# What a problem never says: Python's None, or a list or mapping as Python writes it ("unknown kind '['teach']'").
_PYTHONS_WORDS = re.compile(r"\bNone\b|\['|\{'")


def _wrong_in(error: ContentError, edit: Edit, name: str) -> str:
    said = [str(p) for p in error.problems]
    if any("\n" in line or "\r" in line for line in said):
        return f"a problem of more than one line: {said}"
    if any(_PYTHONS_WORDS.search(p.message) for p in error.problems):
        return f"a problem in Python's words, not the author's: {said}"
    if not all(p.file for p in error.problems):
        return f"a problem without a file: {said}"
    ours = [p for p in error.problems if p.file == name]
    # a definition taken away is missed where it is used; an id made another file's is said where that one is, "(also
    # in sessions/lunch.yaml)"
    taken_away = edit.taken and all(edit.taken in line for line in said)
    if not ours and not any(name in line for line in said) and not taken_away:
        return f"no problem names {name}: {said}"
    if edit.lines and ours and not any(p.line in edit.lines for p in ours):
        return f"no line in {edit.lines.start}-{edit.lines.stop - 1}: {said}"
    return ""


# (a session file whose every kind of key an earlier one has makes no key edits)
@pytest.mark.parametrize(
    ("family", "name"),
    [(family, name) for family in sorted(FAMILIES) for name in FILES if family != "keys" or _sample(name)[1]],
)
def test_every_edit_loads_or_says_what_and_where_in_one_line(family: str, name: str, copy: Path) -> None:
    failures = []
    count = 0
    for edit in FAMILIES[family](name):
        count += 1
        wrong = wrong_with(edit, name, copy)
        if wrong:
            failures.append(f"{name}, {edit.what}: {wrong}")
    assert count, f"no {family} edits made of {name}"
    assert not failures, f"{len(failures)} of {count} edits:\n" + "\n".join(failures[:12])


def test_the_sweep_makes_hundreds_of_edits() -> None:
    counts = {family: sum(1 for name in FILES for _ in make(name)) for family, make in FAMILIES.items()}
    assert len(FILES) >= 12, FILES
    assert sum(counts.values()) > 500, counts


# (file, the start of the edit's description, its family): the first such edit of the file
VALIDATED = [
    ("sessions/opening.yaml", "a tab indents line", "text"),
    ("sessions/program.yaml", "cut in the middle of line", "text"),
    ("exercises/aptitude-poker.yaml", "an empty file", "text"),
    ("sessions/lunch.yaml", "Latin-1 bytes", "text"),
    ("sessions/role.yaml", "a stray '\"' opens", "text"),
    ("sessions/afternoon-break.yaml", ".steps[](teach).kind deleted", "keys"),
]


@pytest.mark.parametrize(("name", "what", "family"), VALIDATED)
def test_validate_says_each_problem_on_one_line_and_no_traceback(
    name: str, what: str, family: str, tmp_path: Path
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(SHIPPED / "sessions", folder / "sessions")
    shutil.copytree(SHIPPED / "exercises", folder / "exercises")
    edit = next(e for e in FAMILIES[family](name) if e.what.startswith(what))
    (folder / name).write_bytes(edit.data)
    result = subprocess.run(
        [sys.executable, "-m", "bootcamp", "validate", "--content", str(folder)], capture_output=True, text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    *problems, total = result.stdout.splitlines()
    assert re.fullmatch(rf"\d+ problems? in {re.escape(str(folder))}", total), result.stdout
    assert problems and all(re.match(r"[\w/.-]+\.yaml:\d+(:\d+)?: ", line) for line in problems), result.stdout
    assert any(line.startswith(f"{name}:") for line in problems), result.stdout

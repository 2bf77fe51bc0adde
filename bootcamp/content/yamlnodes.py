"""YAML parsing that remembers where each value came from.

Mappings load as :class:`Located` dicts that know their own line and each key's
line, so a validation message can point at the exact line an author must fix.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import yaml

try:  # the C parser is several times faster; the constructor stays in Python
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class Located(dict):
    """A mapping from YAML with the line of the mapping and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.lines: list[str] = stream.splitlines() if isinstance(stream, str) else []

    def comment_after(self, node: yaml.Node) -> int:
        """The column (1-based) of a comment on the line a plain text value ends on, 0 when none: in
        ``title: Priority #1 for us`` YAML reads ``Priority``, and ``#1 for us`` as a comment."""
        if type(node) is not yaml.ScalarNode or node.style or node.tag != _TEXT_TAG:  # plain: None, or "" from libyaml
            return 0
        end = node.end_mark
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        if rest[:1] not in (" ", "\t") or not rest.lstrip(" \t").startswith("#"):
            return 0
        return end.column + len(rest) - len(rest.lstrip(" \t")) + 1

    def folded_block_line(self, node: yaml.Node) -> int:
        """The line (1-based) of the first list item, table row, heading or quote that a folded text value (``>``,
        ``>-``) joins to the line before it, 0 when none: Markdown written so reaches the wall run into one line."""
        if type(node) is not yaml.ScalarNode or node.style != ">":
            return 0
        indent = None
        joins = False  # whether this line is joined to the one before: both at the value's own indentation
        for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(self.lines))):
            line = self.lines[number]
            if not line.strip():
                joins = False
                continue
            here = len(line) - len(line.lstrip(" "))
            indent = here if indent is None else indent
            if here < indent:
                break
            if here == indent and joins and _MARKDOWN_BLOCK.match(line, here):
                return number + 1
            joins = here == indent
        return 0


_TEXT_TAG = "tag:yaml.org,2002:str"
# Lines that begin a block of their own in Markdown: a list item, a table row, a heading, a quote.
_MARKDOWN_BLOCK = re.compile(r"\||[-*+] |\d{1,3}[.)] |#{1,6} |> ")
_FOLDED_INDICATOR = re.compile(r">[-+0-9]*")


def _constructed(loader: _LineLoader, node: yaml.Node) -> Any:
    """``loader.construct_object(node, deep=True)``, with plain text taken as it is: most of content is text, and
    the constructor's bookkeeping per node (aliases, recursion) was most of the time a content copy took to load."""
    if node.tag == _TEXT_TAG and type(node) is yaml.ScalarNode:
        return node.value  # what SafeConstructor.construct_yaml_str gives
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Located:
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    duplicates: list[tuple[str, int]] = []
    mapping.commented = {}  # type: ignore[attr-defined]
    mapping.folded = {}  # type: ignore[attr-defined]
    mapping.braced = bool(node.flow_style)  # type: ignore[attr-defined]  # written {a: 1, b: 2}: a comma ends a field
    for key_node, value_node in node.value:
        key = _constructed(loader, key_node)
        key = str(key) if not isinstance(key, str) else key
        if key in mapping:
            duplicates.append((key, key_node.start_mark.line + 1))
        mapping[key] = _constructed(loader, value_node)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        column = loader.comment_after(value_node)
        if column:
            mapping.commented[key] = column  # type: ignore[attr-defined]
        folded_line = loader.folded_block_line(value_node)
        if folded_line:  # with the indicator as typed ('>-'), for the problem to quote
            start = value_node.start_mark
            indicator = _FOLDED_INDICATOR.match(loader.lines[start.line], start.column)
            mapping.folded[key] = (indicator.group() if indicator else ">", folded_line)  # type: ignore[attr-defined]
    mapping.duplicate_keys = duplicates  # type: ignore[attr-defined]
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(_constructed(loader, child) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.column = column


def parse(text: str) -> Any:
    """Parse one YAML document, raising :class:`YamlSyntaxError` with a line number."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        said = _open_quote(text, error) or _pasted(text, line, mark.column + 1 if mark else 0, error.problem or "")
        if said or (said := _no_colon(text, error)) or (said := _colon_between_braces(text, error)):
            return _raise(*said)
        problem = error.problem or error.context or "not valid YAML"
        return _raise(line, f"not valid YAML: {problem}")
    except yaml.reader.ReaderError as error:  # a character YAML refuses (a control character): no line, an offset
        index = error.position
        if _BaseLoader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text, not characters
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        return _raise_at(text, index, f"not valid YAML: character U+{error.character:04X} ({error.reason})")
    except UnicodeEncodeError as error:  # libyaml's way of refusing half a surrogate pair (a stored copy may hold one)
        return _raise_at(text, error.start, f"not valid YAML: character U+{ord(text[error.start]):04X} is not allowed")
    except yaml.YAMLError as error:
        return _raise(0, "not valid YAML: " + " ".join(str(error).split()))  # one line, whatever PyYAML wrote


# What a word processor pastes, or a typist types, that YAML does not read as meant. A no-break space (Word's, and
# the narrow one French typography puts before ; ! ?) is text to YAML: in the indentation, or after a key's colon or
# a list's dash, it makes the line something else, and the parser complains a line or two later.
_NO_BREAK = "\u00a0\u202f"
_INDENT_NO_BREAK = re.compile(rf"^ *[{_NO_BREAK}]")
_AFTER_MARK_NO_BREAK = re.compile(rf"^ *(?:- +)*(?:-|[^\s:#'\"{_NO_BREAK}][^:#]*?:)([{_NO_BREAK}])")
# A value opening with a curly quote is plain text to YAML, so a ': ' or ' #' in it is not quoted.
_CURLY_VALUE = re.compile(r"^ *(?:- +)*(?:[^\s:#'\"][^:#]*?: +)?([“‘„‚«‹”’»›])")
# A key and a plain value: the parser's "mapping values are not allowed" there is a second ': ' in the value.
_PLAIN_VALUE = re.compile(r"^ *(?:- +)*[^\s:#'\"][^:#]*?: +(?![\s'\"|>\[{&*!%@`])")
# A tab in a line's indentation (an editor's Tab key): the parser names it in three ways, one of them without a word
# about a tab ("found character that cannot start any token").
_INDENT_TAB = re.compile(r"^[ \t]*?\t")


def _pasted(text: str, line: int, column: int, problem: str) -> tuple[int, str, int] | None:
    """The line, message and column of what was pasted or typed that made ``text`` invalid at ``line``: a tab in its
    indentation, a no-break space where YAML needs a space (on that line or the two before it), a value in curly
    quotes, or a ': ' inside a value; None when it is none of these."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    tab = _INDENT_TAB.match(lines[line - 1])
    if tab and lines[line - 1].strip(" \t"):
        message = "not valid YAML: a tab indents this line, and YAML indents with spaces only: indent it with spaces"
        return line, message, tab.end()
    for number in range(line, max(line - 3, 0), -1):
        match = _INDENT_NO_BREAK.match(lines[number - 1]) or _AFTER_MARK_NO_BREAK.match(lines[number - 1])
        if match:
            at = match.end() - 1
            message = (
                f"not valid YAML: a no-break space (U+{ord(lines[number - 1][at]):04X}, as pasted from a word processor)"
                " where YAML needs an ordinary space: type an ordinary space"
            )
            return number, message, at + 1
    for number in range(line, max(line - 2, 0), -1):
        match = _CURLY_VALUE.match(lines[number - 1])
        if match:
            message = (
                f"not valid YAML: a curly quote {match.group(1)} (as a word processor types it) opens this value, "
                'and YAML reads it as text, not as a quote: use straight quotes ("…") around the value'
            )
            return number, message, match.start(1) + 1
    value = _PLAIN_VALUE.match(lines[line - 1])
    # the ': ' past the line's own key's (at it, the line is indented as if it went on with the line before)
    if problem.startswith("mapping values are not allowed") and value and column > value.end():
        message = (
            "not valid YAML: a ': ' inside a value reads as the start of another field: "
            'put the whole value in quotes ("…")'
        )
        return line, message, column
    return None


def _open_quote(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str, int] | None:
    """The line, message and column of a quote that opens a value and is not closed on its line, when the parser
    stopped because of it: it reads the lines after as part of the value, and complains where that value ends (at the
    end of the file, or at the next quote, an apostrophe further on), far from the quote to fix."""
    problem, context = error.problem_mark, error.context_mark
    if problem is None:
        return None
    if "quoted scalar" in (error.context or "") and context is not None and problem.line > context.line:
        start = context  # the scanner, still in the value: at the end of the file, or at a backslash it refuses
        if error.problem == "found unexpected end of stream":
            reads = "is never closed, so YAML reads the rest of the file as part of it"
        else:
            reads = f"is not closed on this line, so YAML reads on as part of it to line {problem.line + 1}"
    elif quoted := _quoted_over_lines_to(text, problem):
        start = quoted.start_mark
        reads = f"is closed only on line {quoted.end_mark.line + 1}, so YAML reads the lines between as part of it"
    else:
        return None
    lines = text.splitlines()
    quote = lines[start.line][start.column : start.column + 1] if start.line < len(lines) else '"'
    message = (
        f"not valid YAML: the quote {quote} that opens this value {reads}: "
        "close it on this line, or leave the quote out"
    )
    return start.line + 1, message, start.column + 1


def _quoted_over_lines_to(text: str, problem: yaml.Mark) -> yaml.ScalarToken | None:
    """The quoted value that runs over more than one line and ends just before where the parser stopped, if the
    last thing before it is one."""
    last = None
    with contextlib.suppress(yaml.YAMLError):  # the scanner fails at the problem: the tokens before it are read
        for token in yaml.scan(text, Loader=_BaseLoader):
            if (token.start_mark.line, token.start_mark.column) >= (problem.line, problem.column):
                break
            last = token
    if not isinstance(last, yaml.ScalarToken) or last.style not in ("'", '"'):
        return None
    return last if last.start_mark.line < last.end_mark.line else None


def _no_colon(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str, int] | None:
    """A line of text where a field is expected, with no ':' after it (a file cut short, a field half typed): the
    parser says so on the line after, or past the end of the file."""
    start = error.context_mark
    if error.context != "while scanning a simple key" or start is None:
        return None
    lines = text.splitlines()
    words = lines[start.line][start.column :].strip() if start.line < len(lines) else ""
    shown = words if len(words) <= 40 else words[:39] + "…"
    message = f"not valid YAML: '{shown}' has no ':' after it, and a field is written as 'name: value'"
    return start.line + 1, message, start.column + 1


def _colon_between_braces(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str, int] | None:
    """A ':' inside a value written between braces or brackets ({id: maybe, label: Maybe: sometimes}), where the
    parser says it did not find the ',' or '}' it expected, or found an unexpected ':'."""
    mark = error.problem_mark
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or lines[mark.line][mark.column : mark.column + 1] != ":":
        return None
    if not (error.problem or "").startswith(("did not find expected ','", "found unexpected ':'")):
        return None
    message = (
        "not valid YAML: a ':' inside a value between { } or [ ] reads as the start of another field: "
        'put the whole value in quotes ("…")'
    )
    return mark.line + 1, message, mark.column + 1


def _raise(line: int, message: str, column: int = 0) -> Any:
    raise YamlSyntaxError(line, message, column)


def _raise_at(text: str, index: int, message: str) -> Any:
    start = text.rfind("\n", 0, index) + 1
    return _raise(text.count("\n", 0, index) + 1, message, index - start + 1)

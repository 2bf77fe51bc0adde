"""The pasted text read as lines, each of a kind (blank, heading, item or text) with its marks and decoration taken
off, and what was taken off it kept to be said."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from bootcamp.content.posting.duties import _is_duty_verb, _starts_with_duty_verb, reads_as_duty
from bootcamp.content.posting.labels import _inline_heading, _lead_in_label
from bootcamp.content.posting.marks import (
    _BOLD_LINE,
    _BULLET,
    _EMOJI_MARK,
    _LINK,
    _MARKDOWN_HEADING,
    _NUMBER,
    _PIPE_RULE,
    _QUOTE,
    _RULE,
    _SETEXT_UNDERLINE,
    _undecorated,
)
from bootcamp.content.posting.page_furniture import PAGE_FURNITURE, _page_edges, _page_furniture, _without_page_control
from bootcamp.content.posting.prose import _ends_open
from bootcamp.content.posting.result import LeftOut, LeftOutKind
from bootcamp.content.posting.sections import _DESCRIBED, _DUTY_HEADING_PHRASE, _WRAPPER_HEADING, section_kind
from bootcamp.content.posting.tables import _table_row
from bootcamp.content.posting.text import _plain, _tidy


class _LineKind(Enum):
    BLANK = "blank"
    HEADING = "heading"
    ITEM = "item"  # starts with a bullet or a number
    TEXT = "text"


@dataclass(frozen=True)
class _Line:
    kind: _LineKind
    text: str  # without its mark, indentation or Markdown decoration
    indent: int = 0
    width: int = 0  # as pasted, mark and indentation included: a long line may have been wrapped
    set_aside: tuple[LeftOut, ...] = ()  # what was taken off it: a table row's other cells, a bold label
    group_label: bool = False  # a bullet that labels the sub-bullets under it: a sub-heading, whatever it says


def _lines(text: str) -> list[_Line]:
    rows = [
        (part, cells)
        for pasted in text.splitlines()
        for line in _bullets_run_together(pasted)
        for part, cells in _inline_heading(*_table_row(line))
    ]
    cut = [_without_page_control(line.expandtabs(4).rstrip()) for line, _ in rows]
    # A PDF's page headers and footers go, said where they stood, and a duty wrapped across the page is joined again.
    furniture = _page_furniture([line for line, _ in cut], _page_edges(text))
    pending: tuple[LeftOut, ...] = ()
    kept_rows = []
    for number, (line, set_aside) in enumerate(cut):
        if number in furniture:
            pending += (*set_aside, LeftOut(_tidy(line), LeftOutKind.BOILERPLATE, PAGE_FURNITURE))
        else:
            kept_rows.append((line, rows[number][1], pending + set_aside))
            pending = ()
    if pending:
        kept_rows.append(("", (), pending))
    raw = [line for line, _, _ in kept_rows]
    lines: list[_Line] = []
    for number, (line, cells, set_aside) in enumerate(kept_rows):
        following = raw[number + 1].strip() if number + 1 < len(raw) else ""
        previous = lines[-1] if lines else None
        read = _line(line, following, previous)
        other_cells = tuple(
            LeftOut(_tidy(cell), LeftOutKind.OUTSIDE_DUTIES, "another column of a table") for cell in cells
        )
        if read.kind is _LineKind.BLANK:
            other_cells = ()  # a Markdown table's "|---|:---:|" has no cells to report
        lines.append(replace(read, set_aside=other_cells + read.set_aside + set_aside))
    return _group_labels(lines)


# A list pasted flat from a web page: "• Lead … • Manage …" (not "·", which joins a title's parts: "Full time · Leeds").
_BULLET_BETWEEN = re.compile(r"\s+[•▪●■◦\uf0b7]\s+")


def _bullets_run_together(line: str) -> list[str]:
    """A line with bullets between its items, as one line per item."""
    parts = _BULLET_BETWEEN.split(line)
    if len(parts) < 2:
        return [line]
    return [parts[0], *(f"• {part}" for part in parts[1:])]


def _group_labels(lines: list[_Line]) -> list[_Line]:
    """ "* Customer strategy" over more indented items labels them: a sub-heading, not a duty (unless it says one)."""
    labelled = list(lines)
    for number, line in enumerate(lines):
        after = next(
            (lines[later] for later in range(number + 1, len(lines)) if lines[later].kind is not _LineKind.BLANK), None
        )
        if (
            line.kind is _LineKind.ITEM
            and after is not None
            and after.kind is _LineKind.ITEM
            and after.indent > line.indent
            and not _starts_with_duty_verb(line.text)
            and not _says_more_of_the_item_above(after.text)  # "* Customer data" over "* such as NPS …" is one item
        ):
            labelled[number] = replace(line, kind=_LineKind.HEADING, group_label=True)
    return labelled


def _line(raw: str, following: str, previous: _Line | None) -> _Line:
    indent, width = len(raw) - len(raw.lstrip()), len(raw)
    text = _QUOTE.sub("", raw.strip()).strip()
    if not text or _RULE.match(text) or _PIPE_RULE.match(text):
        return _Line(_LineKind.BLANK, "")
    text = _LINK.sub(r"\1", text)
    if _MARKDOWN_HEADING.match(text):
        return _Line(_LineKind.HEADING, _MARKDOWN_HEADING.sub("", text).strip("#* _"), indent)
    bold = _BOLD_LINE.match(text)
    if bold:
        return _Line(_LineKind.HEADING, bold.group(2).strip(), indent)
    mark = _BULLET.match(text) or _NUMBER.match(text)
    if mark:
        label, rest = _lead_in_label(text[mark.end() :])
        item = _undecorated(rest)
        # "- Customer strategy:" introduces the items under it, like any line ending in a colon; "🎯 What you'll do"
        # decorates a heading with an emoji, as LinkedIn posts do
        emoji_heading = bool(_EMOJI_MARK.match(text)) and _is_bare_heading(item, previous)
        kind = _LineKind.HEADING if item.endswith(":") or emoji_heading else _LineKind.ITEM
        return _Line(kind, item, indent, width, set_aside=label)
    label, text = _lead_in_label(text)
    text = _undecorated(text)
    if _is_heading(text, following, previous):
        return _Line(_LineKind.HEADING, text, indent, set_aside=label)
    return _Line(_LineKind.TEXT, text, indent, width, set_aside=label)


# A numbered label of a few words: "KRA 1: Customer Strategy", "Key result area 2 - People", "Objective 3. Growth"
_NUMBERED_LABEL = re.compile(r"^[A-Za-z][A-Za-z ]{0,30} \d{1,2}\s*[:.\-–]\s*(?:\S+\s*){1,5}$")


def _is_heading(text: str, following: str, previous: _Line | None) -> bool:
    if text.endswith(":") and (not following[:1].islower() or _NUMBER.match(following) or _BULLET.match(following)):
        # a lead-in to what follows ("… not limited to:" + "i. Developing …"); "… the whole company:" + "in the
        # stores …" is one sentence
        return True
    if _SETEXT_UNDERLINE.match(following):
        return True
    if _NUMBERED_LABEL.match(text) and not _starts_with_duty_verb(text):
        return True  # "KRA 1: Customer Strategy", "Objective 2 – Service operations": a label over its duties
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 3 and not any(ch.islower() for ch in letters) and len(text.split()) <= 8:
        return True  # ALL CAPS
    return _is_bare_heading(text, previous)


def _is_bare_heading(text: str, previous: _Line | None) -> bool:
    """A short line that names a known section, with nothing that marks it as a heading ("Benefits")."""
    words = text.split()
    longest = 8 if _DUTY_HEADING_PHRASE.match(_plain(text)) else 5  # "Key accountabilities by share of time"
    if not 0 < len(words) <= longest or not text[0].isupper() or re.search(r"[.,;!?]$", text):
        return False
    if previous is not None and previous.kind in (_LineKind.ITEM, _LineKind.TEXT) and _ends_open(previous.text):
        return False  # the second half of a wrapped line
    if _DESCRIBED.match(text):
        return False  # "Competitive salary and annual bonus" is a benefit in a list, not the heading "Salary"
    if re.search(r":\s*\S", text):
        return False  # "Job type: Full time", "Location: Leeds" are the job's terms, not the heading "Job" or "Location"
    if _is_duty_verb(words[0]) and (
        (len(words) >= 3 and words[1].lower() not in ("and", "&", "or", "/"))
        or (len(words) == 2 and words[1].lower() in ("the", "a", "an", "all", "our", "every", "each"))
    ):
        return False  # "Own all customer responsibilities" is a duty that names a heading word; "Rewards" is not
    return section_kind(text) is not None or bool(_WRAPPER_HEADING.search(_plain(text)))


# A sub-bullet that opens so says more of the item above it ("* Map the journey" over "* Including billing").
_SAYS_MORE = re.compile(r"(?:including|incl\.|such as|e\.g\.|i\.e\.|for example|from|across|with)(?!\w)", re.IGNORECASE)


def _says_more_of_the_item_above(text: str) -> bool:
    """A sub-bullet in lower case ("across EMEA"), or opening with "Including", "Such as", "From" …, but not a duty of
    its own with a lead-in ("With finance, set the targets") or a duty's verb ("Share insights …")."""
    return text[:1].islower() or (bool(_SAYS_MORE.match(text)) and not reads_as_duty(text))

"""Participant text made safe to show in any output, as :func:`plain` text or :func:`one_line` for a cell.

Participant text is data. Before it reaches any output it goes through :func:`plain`:
control characters (NUL, the ESC of a terminal escape sequence …) become their visible
Unicode "control pictures" (␀, ␛), so a report printed to a terminal cannot drive it; and
explicit bidirectional controls are balanced, so right-to-left text typed in one cell
cannot reorder the cells after it. Each format then adds its own escaping on top
(Markdown backslashes, HTML entities, CSV formula guards).
"""

from __future__ import annotations

import re

_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI
_PDF, _PDI = "\u202c", "\u2069"
# Any of the above: one regex search per text (a report of 200 people has thousands of cells).
_ANY_BIDI = re.compile("[" + "".join(sorted(_EMBEDDINGS | _ISOLATES)) + _PDF + _PDI + "]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line breaks are text, the rest is not
CARRIAGE_RETURNS = re.compile(r"\r\n?")  # a bare CR would let text overwrite its own line on a terminal


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls (0x80–0x9f) have no picture; some terminals obey them


def balanced_bidi(text: str) -> str:
    """``text`` with unmatched bidi closers dropped and unclosed openers closed at its end."""
    if not _ANY_BIDI.search(text):
        return text
    out: list[str] = []
    open_: list[str] = []
    for ch in text:
        if ch in _EMBEDDINGS:
            open_.append(_PDF)
        elif ch in _ISOLATES:
            open_.append(_PDI)
        elif ch == _PDF:
            if not open_ or open_[-1] != _PDF:
                continue  # nothing of its kind to close: it could only close something outside
            open_.pop()
        elif ch == _PDI:
            if _PDI not in open_:
                continue
            # A PDI also closes the embeddings opened inside its isolate: everything from its last isolate on.
            del open_[len(open_) - 1 - open_[::-1].index(_PDI) :]
        out.append(ch)
    out.extend(reversed(open_))
    return "".join(out)


# What plain() changes: a carriage return, a control character, a bidi control. Most texts of a report hold none:
# one search hands them back as they are (a report of 200 people has tens of thousands of texts to show).
_PLAIN_CHANGES = re.compile(r"[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What one_line() changes besides: any white space but a single space between words.
_ONE_LINE_CHANGES = re.compile(_PLAIN_CHANGES.pattern + r"|[^\S ]|  |^ | $")


def plain(text: str) -> str:
    """Participant text safe for any output: visible control characters, balanced bidi controls."""
    return _made_plain(text) if _PLAIN_CHANGES.search(text) else text


def _made_plain(text: str) -> str:
    return balanced_bidi(_CONTROLS.sub(_picture, CARRIAGE_RETURNS.sub("\n", text)))


def one_line(text: str) -> str:
    """:func:`plain`, with line breaks and tabs as spaces: for table cells and list items."""
    return _made_one_line(text) if _ONE_LINE_CHANGES.search(text) else text


def _made_one_line(text: str) -> str:
    return " ".join(_made_plain(text).split())

"""The one way text typed by people reaches a widget: as plain text, never as markup or escapes.

Textual's ``Static``, ``Label``, DataTable cells, Tree labels and ``notify`` read a
``str`` as markup, so ``[bold red]`` in a participant's name would be styled, and
``[link=…]`` would become a link. Everything a participant, facilitator or content
author typed goes through :func:`plain` (a Rich ``Text``, accepted by every widget)
or :func:`safe` (a ``str`` for the few APIs that only take strings, used with
``markup=False``). Control characters, the start of every terminal escape sequence,
are shown as visible symbols instead of being sent to the terminal.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from rich.text import Text

# C0 controls except tab and newline, DEL, and the C1 controls (which include CSI, 0x9b).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the Unicode "control pictures"
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def safe(text: object) -> str:
    """The text with control characters made visible; still to be shown with markup off."""
    return _CONTROL.sub(_visible, str(text))


def plain(text: object, style: str = "", *, end: str = "") -> Text:
    """Plain, styled-as-a-whole text for any widget: markup characters are just characters."""
    return Text(safe(text), style=style, end=end)


def joined(*parts: tuple[object, str] | object) -> Text:
    """Several pieces of plain text, each optionally ``(text, style)``, as one line.

    A ``Text`` part is taken as it is: it was made here (by :func:`plain` or :func:`joined`) already.
    """
    line = Text(end="")
    for part in parts:
        if isinstance(part, Text):
            line.append_text(part)
        elif isinstance(part, tuple):
            value, style = part
            line.append(safe(value), style=style)
        else:
            line.append(safe(part))
    return line


LINE_BREAK = "⏎"  # a line break typed into a name or a comment, where a table has one line to show it
_LINE_BREAKS = re.compile(r"\s*(?:\r\n|\r|\n)\s*")


def one_line(text: str, width: int) -> str:
    """Text on one line of at most ``width`` terminal cells: line breaks shown as ⏎, cut with an ellipsis.

    Measured in cells, not characters: an emoji takes two, and a cut never leaves half of one.
    """
    line = f" {LINE_BREAK} ".join(" ".join(part.split()) for part in _LINE_BREAKS.split(text.strip()))
    if cell_len(line) <= width:
        return line
    return set_cell_size(line, max(0, width - 1)).rstrip() + "…"


def names_in(names: dict[str, str], width: int) -> dict[str, str]:
    """Each name on one line of ``width`` cells, the cut ones still told apart: two names that cut to the same text
    ("Mohammed Al-R…" for Al-Rashid and Al-Rashidi, or a role cut off) keep their ends instead ("Mohamm…Rashidi");
    any still alike are numbered in their order."""
    cut = {key: one_line(name, width) for key, name in names.items()}
    alike: dict[str, list[str]] = {}
    for key, shown in cut.items():
        alike.setdefault(shown, []).append(key)
    for keys in (group for group in alike.values() if len(group) > 1):
        for key in keys:
            cut[key] = _ends(one_line(names[key], 10_000), width)
        seen: dict[str, list[str]] = {}
        for key in keys:
            seen.setdefault(cut[key], []).append(key)
        for same in (group for group in seen.values() if len(group) > 1):
            for number, key in enumerate(same, start=1):
                cut[key] = set_cell_size(cut[key], max(0, width - len(str(number)) - 1)).rstrip() + f" {number}"
    return cut


def _ends(line: str, width: int) -> str:
    """The start and the end of ``line`` around a … in ``width`` cells."""
    if cell_len(line) <= width:
        return line
    head = max(1, (width - 1) // 2)
    tail = width - 1 - head
    end = line[::-1]
    kept = ""
    for character in end:  # the end, by cells (an emoji takes two)
        if cell_len(kept) + cell_len(character) > tail:
            break
        kept = character + kept
    return set_cell_size(line, head).rstrip() + "…" + kept.lstrip()


def drawn_as(text: Text) -> tuple[str, str, tuple[object, ...]]:
    """What a cell looks like, to know when to redraw it: Rich's ``Text ==`` ignores the base style, so a
    pending answer turning saved (dim to not dim) would compare equal and stay drawn as pending."""
    return (text.plain, str(text.style), tuple(text.spans))

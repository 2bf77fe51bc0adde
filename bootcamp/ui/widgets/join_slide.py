"""The join slide for the wall: a QR code of the join URL, the URL as text and the short code.

The QR code is drawn black on white whatever the theme (a camera needs the contrast, and a white quiet
zone round the code on a black projector background), two modules a cell with half blocks, so a
25×25 code with its quiet zone takes 33 columns and 17 rows (29×29, a longer URL's, 37 and 19): the
slide fits 80×24. While joining is on
and the slide is down, the URL stays in the slide's top corner for latecomers (:func:`show_invite`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from bootcamp.ui.text import joined, plain

if TYPE_CHECKING:
    from bootcamp.join.invite import Invite
    from bootcamp.ui.widgets.slide import Slide

BLACK_ON_WHITE = "#000000 on #ffffff"  # explicit colours: no theme may turn the code grey or invert it
# A cell's upper and lower module (True: black) → its character and style. Where both are alike the cell's
# background is the module's colour, with no glyph at all; a glyph draws only the black half of a mixed cell.
HALF_BLOCKS = {
    (False, False): (" ", "on #ffffff"),
    (True, True): (" ", "on #000000"),
    (True, False): ("▀", BLACK_ON_WHITE),
    (False, True): ("▄", BLACK_ON_WHITE),
}


def half_block_rows(matrix: Sequence[Sequence[bool]]) -> Text:
    """The modules two rows to a line; an odd last row gets a white row below it (more quiet zone).

    Each cell is its own span: an SVG renderer then places every cell where the terminal would, instead of
    running a row's glyphs together at its font's width (and dropping a row's leading spaces).
    """
    rows = [tuple(row) for row in matrix]
    if len(rows) % 2:
        rows.append((False,) * len(rows[0]))
    lines = Text(end="", no_wrap=True)
    for number in range(0, len(rows), 2):
        if number:
            lines.append("\n")
        for pair in zip(rows[number], rows[number + 1]):
            character, style = HALF_BLOCKS[pair]
            lines.append(character, style=style)
    return lines


class QrCode(Static):
    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.url = ""

    def show(self, url: str) -> None:
        if url != self.url:
            from bootcamp.join.qr import qr_matrix  # segno, only once there is a code to draw

            self.url = url
            self.update(half_block_rows(qr_matrix(url)))


class JoinSlide(Horizontal):
    """What the wall shows while the facilitator asks the room to join: the code, then how to type it."""

    DEFAULT_CSS = """
    JoinSlide {
        width: 1fr;
        max-width: 100;
        height: 1fr;
        align-horizontal: center;
        display: none;
        /* Each column centred on the slide's middle line: the code, and the words beside it. */
        & > Vertical { width: auto; height: 1fr; align-vertical: middle; }
        & > #join-words { max-width: 44; padding: 0 0 0 3; }
        #join-words > Static { width: auto; }
        #join-heading { text-style: bold; color: $text-primary; margin: 0 0 1 0; }
        #join-how { color: $text-muted; }
        #join-url { text-style: bold; margin: 0 0 1 0; }
        #join-code { margin: 0 0 1 0; }
        #join-network { color: $text-muted; }
    }
    JoinSlide.-up {
        display: block;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="join-picture"):
            yield QrCode(id="join-qr")
        with Vertical(id="join-words"):
            yield Static(plain("Answer from your phone"), id="join-heading")
            yield Static(plain("Scan the code, or open"), id="join-how")
            yield Static(id="join-url")
            yield Static(id="join-code")
            yield Static(plain("on the same network as this laptop"), id="join-network")

    def show(self, invite: Invite) -> None:
        self.query_one(QrCode).show(invite.url)
        self.query_one("#join-url", Static).update(plain(invite.url))
        self.query_one("#join-code", Static).update(joined(("code  ", "dim"), (" ".join(invite.code), "bold")))


def corner_text(invite: Invite) -> Text:
    """The URL a latecomer types, small, in the slide's top corner."""
    return joined(("join ", "dim"), (invite.typed, "bold"))


def show_invite(slide: Slide, join_slide: JoinSlide, invite: Invite | None, step_key: str) -> None:
    """The join slide instead of the step while it is up on this step; else the step, the URL in its corner."""
    up = invite is not None and invite.slide_over(step_key)
    if invite is not None:
        join_slide.show(invite)
    join_slide.set_class(up, "-up")
    slide.set_class(up, "-under-join")  # a class, not display: blank's own rules must still hide both
    slide.show_join(corner_text(invite) if invite is not None else None)

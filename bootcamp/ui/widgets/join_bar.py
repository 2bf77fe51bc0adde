"""One line on the console while phones can join: the join URL, how many hold a seat, who waits to be let in;
a second when no phone has reached the page for a while, saying why that may be."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from bootcamp.ui.phones import PHONE
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic

if TYPE_CHECKING:
    from bootcamp.join.console import Joining


class JoinBar(SteadyStatic):
    DEFAULT_CSS = """
    JoinBar {
        height: auto;
        padding: 0 1;
        background: $boost;
        display: none;
    }
    JoinBar.-on {
        display: block;
    }
    """

    _shown: tuple[Joining | None, int, str] | None = None  # what show() was last given, for a resize

    def show(self, joining: Joining | None, *, present: int, step_key: str) -> None:
        self._shown = (joining, present, step_key)
        self.set_class(joining is not None, "-on")
        if joining is None:
            self.show_text(Text())
            return
        # The URL first: a narrow console cuts the line's end, never the address the room needs.
        parts: list[object] = [
            f"{PHONE} ",
            (joining.url, "bold"),
            ("  ·  ", "dim"),
            f"{len(joining.phones)} of {present} on phones",
        ]
        if joining.waiting:
            parts += [("  ·  ", "dim"), (f"{len(joining.waiting)} waiting: F2 lets them in", "bold reverse")]
        slide = "join slide up: J takes it down" if joining.invite.slide_over(step_key) else "J puts the join slide up"
        line = joined(*parts)
        # One line: a hint wrapped onto a second pushed the step down a row whenever someone came to wait. Hints that
        # do not fit are left out whole, the footer's j first (the footer shows it too); what is left is cut, never
        # wrapped.
        for hint in (slide, "j stops joining"):
            with_hint = joined(line, ("  ·  ", "dim"), (hint, "dim"))
            if self.content_size.width and with_hint.cell_len > self.content_size.width:
                break
            line = with_hint
        line.no_wrap, line.overflow = True, "ellipsis"
        if joining.hint:  # a line of its own, so a narrow console does not cut it
            line = joined(line, "\n", ("⚠ " + joining.hint, "bold"))
        self.show_text(line)

    def on_resize(self) -> None:
        if self._shown is not None:  # which hints fit depends on the width
            joining, present, step_key = self._shown
            self.show(joining, present=present, step_key=step_key)

"""A Static redrawn only when what it shows changes, and laid out again only when its height changes.

Textual's ``Static.update`` always repaints and asks for a new layout of the screen: the console's
status bar, tally, hints and side panels are told what to show after every answer, every second
and every step, mostly the same as before. A layout pass of the console cost about a fifth of an
answer key (profiled); text of the same height in a widget whose width its container sets needs
only a repaint of the widget itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from bootcamp.ui.text import drawn_as


class SteadyStatic(Static):
    def __init__(self, content: Text | str = "", **kwargs: object) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._shown_as: object = _drawn(content)
        self.text_updates = 0  # how many times what it shows changed (tests count redraws by it)

    def show_text(self, content: Text | str) -> bool:
        """Show ``content``; False (nothing redrawn) when it is what is shown already."""
        drawn = _drawn(content)
        if drawn == self._shown_as:
            return False
        self._shown_as = drawn
        self.text_updates += 1
        if self.is_mounted and not self.display:
            self.update(content, layout=False)  # hidden: showing it again lays it out (the narrow console's strip)
            return True
        width = self.content_size.width
        if not (self.is_mounted and width) or _width_follows_text(self):
            self.update(content)
            return True
        before = self.visual.get_height(self.styles, width)
        self.update(content, layout=False)
        if self.visual.get_height(self.styles, width) != before:
            self.refresh(layout=True)
        return True


def _drawn(content: Text | str) -> object:
    return drawn_as(content) if isinstance(content, Text) else content


def _width_follows_text(static: Static) -> bool:
    width = static.styles.width
    return width is not None and width.is_auto

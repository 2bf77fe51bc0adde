"""Said instead of a screen that cannot fit: which terminal size the app needs, until it has it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

# The console's footer keeps Next, Answer, Reveal, Present, Help and Quit in 50 columns; its slide,
# strip, status bar and footer need 20 lines to leave the slide a useful height.
MIN_SIZE = Size(60, 20)


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


def needs(size: Size) -> str:
    """One short line: on a small terminal a long one would wrap."""
    return f"bootcamp needs at least {MIN_SIZE.width}×{MIN_SIZE.height}; this is {size.width}×{size.height}."


class TooSmallScreen(Screen[None]):
    """Above every other screen while the terminal is too small; the app takes it away once it has grown."""

    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        yield Static(needs(self.app.size), id="too-small", markup=False)

    def on_resize(self) -> None:
        self.query_one("#too-small", Static).update(needs(self.app.size))

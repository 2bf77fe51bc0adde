"""The floors of the UI figures: a bare Textual app with one Static, the same app switching screens, and
the same app changing its Static's text on a key."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static


class BareApp(App[None]):
    """What any Textual app costs: one Static on the default screen."""

    def compose(self) -> ComposeResult:
        yield Static("bootcamp")


class NumberedScreen(Screen[None]):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        yield Static(f"step {self.number}")


class SwitchingApp(App[None]):
    """Right arrow: a new screen with one Static replaces the current one (what a step change costs at the least)."""

    BINDINGS = [Binding("right", "next", "Next")]

    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def on_mount(self) -> None:
        self.push_screen(NumberedScreen(0))

    def action_next(self) -> None:
        self.shown += 1
        self.switch_screen(NumberedScreen(self.shown))


class TypingApp(App[None]):
    """A letter key: the one Static shows it (what answering costs at the least: a key, one cell redrawn)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="typed")

    def on_key(self, event: object) -> None:
        self.shown = getattr(event, "character", "") or ""
        self.query_one("#typed", Static).update(f"answer {self.shown}")

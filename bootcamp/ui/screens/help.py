"""Help: every key of the screen it was opened from, and the app's, read from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from bootcamp.ui.commands import screen_actions
from bootcamp.ui.text import joined, plain


def key_table(screen: Screen) -> list[tuple[str, str]]:
    """(keys, what they do) for the focused widget's actions (the answer keys), the screen's, then the app's."""
    return [(" / ".join(described.keys), described.title) for described in screen_actions(screen)]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark", "close", "Close help", show=False)]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.keys = key_table(screen)
        self.title_text = getattr(screen, "HELP_TITLE", "") or screen.sub_title or "bootcamp"

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, what in self.keys:
            table.add_row(plain(keys), plain(what))
        with Vertical(id="help-dialog"):
            yield Static(joined(("Keys", "bold"), f"  ·  {self.title_text}"), id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(table)
            yield Static(
                joined(("ctrl+p", "bold"), " finds any of these by name   ", ("esc", "bold"), " closes"),
                id="help-footer",
            )

    def action_close(self) -> None:
        self.dismiss()

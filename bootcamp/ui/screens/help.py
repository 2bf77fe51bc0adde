"""Help: every key of the screen it was opened from, and the app's, read from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from bootcamp.ui.commands import nodes_in_reach, screen_actions, taken_keys, widget_actions
from bootcamp.ui.text import joined, plain


def key_table(screen: Screen) -> list[tuple[str, str]]:
    """(keys, what they do) for the focused widget's actions (the answer keys), the screen's, then the app's.

    A key a widget nearer the focus takes is not listed for the screen (on the role lines, s decides a line:
    it does not skip the step); an action left with no key here is not listed."""
    taken_before: dict[object, set[str]] = {}
    taken: set[str] = set()
    for node in nodes_in_reach(screen):
        taken_before[node] = set(taken)
        taken |= taken_keys(node)
    rows = []
    for described in screen_actions(screen):
        shadowed = taken_before.get(described.node, set())
        keys = [key for key, name in zip(described.keys, described.bound, strict=True) if name is None or name not in shadowed]
        if keys:
            rows.append((" / ".join(keys), described.title))
    return rows


def keys_nearby(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, rows) for widgets of the screen whose keys work once they have the focus, and which do not have it
    (the role check's lines, from its line field): a screen says which with ``keys_nearby``."""
    nearby = getattr(screen, "keys_nearby", None)
    if nearby is None:
        return []
    return [
        (heading, [(" / ".join(described.keys), described.title) for described in widget_actions(widget)])
        for heading, widget in nearby()
    ]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark", "close", "Close help", show=False)]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.keys = key_table(screen)
        self.nearby = keys_nearby(screen)
        self.title_text = getattr(screen, "HELP_TITLE", "") or screen.sub_title or "bootcamp"

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(joined(("Keys", "bold"), f"  ·  {self.title_text}"), id="help-title")
            with VerticalScroll(id="help-keys"):
                for heading, rows in self.nearby:
                    yield Static(plain(heading, "bold"), classes="help-heading")
                    yield Static(self._grid(rows), classes="help-nearby")
                if self.nearby:
                    yield Static(plain("Every key here", "bold"), classes="help-heading")
                yield Static(self._grid(self.keys))
            yield Static(
                joined(("ctrl+p", "bold"), " finds any of these by name   ", ("esc", "bold"), " closes"),
                id="help-footer",
            )

    # The dialog's rows around the list: its border (2), the title and its margin (2), the footer and its margin (2).
    CHROME_ROWS = 6

    def on_resize(self) -> None:
        # The list scrolls within what the screen leaves it: sized by its content, the dialog grew past a projector's
        # 24 rows and its last keys and the footer (ctrl+p, esc) could not be reached.
        self.query_one("#help-keys").styles.max_height = max(3, self.size.height - self.CHROME_ROWS)

    @staticmethod
    def _grid(rows: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, what in rows:
            table.add_row(plain(keys), plain(what))
        return table

    def action_close(self) -> None:
        self.dismiss()

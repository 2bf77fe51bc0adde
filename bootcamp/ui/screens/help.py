"""Help: every key of the screen it was opened from, and the app's, read from the bindings themselves."""

from __future__ import annotations

from collections import defaultdict

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from bootcamp.ui.text import joined


def key_table(screen: Screen) -> list[tuple[str, str]]:
    """(keys, what they do) for the screen's described bindings, then the app's; keys of one action together."""
    keys: dict[tuple[int, str], list[str]] = defaultdict(list)
    titles: dict[tuple[int, str], str] = {}
    for rank, node in enumerate((screen, screen.app)):
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.description:
                    continue
                slot = (rank, binding.action)
                display = screen.app.get_key_display(binding)
                if display not in keys[slot]:
                    keys[slot].append(display)
                titles.setdefault(slot, binding.tooltip or binding.description)
    first_seen = {slot: index for index, slot in enumerate(keys)}
    return [(" / ".join(keys[slot]), titles[slot]) for slot in sorted(keys, key=lambda s: (s[0], first_seen[s]))]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark", "close", "Close help", show=False)]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.keys = key_table(screen)
        self.title_text = screen.sub_title or screen.title or "bootcamp"

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _ in self.keys), default=4) + 2
        text = joined(*[part for keys, what in self.keys for part in ((keys.ljust(width), "bold"), what, "\n")])
        text.rstrip()
        with Vertical(id="help-dialog"):
            yield Static(joined(("Keys", "bold"), f"  ·  {self.title_text}"), id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(text)
            yield Static(
                joined(("ctrl+p", "bold"), " finds any of these by name  ·  ", ("esc", "bold"), " closes"),
                id="help-footer",
            )

    def action_close(self) -> None:
        self.dismiss()

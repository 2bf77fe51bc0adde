"""The cursor moving on by itself after an answer, said in the hint under the answers.

After a key answers, a table moves its cursor on (to the next line, or from a full column to the
next person). Unsaid, the facilitator did not know where it stood: a Down pressed to reach the
next line went one further.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from bootcamp.ui.text import joined, plain


class MovedOn(Message):
    """Posted by an answering table: where its cursor moved by itself ("" once the cursor is moved by hand)."""

    def __init__(self, table: Widget, said: str) -> None:
        super().__init__()
        self.table = table
        self.said = said

    @property
    def control(self) -> Widget:
        return self.table


class KeysHint(Static):
    """The keys that work in the answers above, and where the cursor moved on to by itself."""

    DEFAULT_CSS = """
    KeysHint {
        color: $text-muted;
    }
    """

    def __init__(self, keys: str, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(plain(keys), id=id, classes="hint")
        self.keys = keys

    def moved_on(self, said: str) -> None:
        self.update(joined(self.keys, ("  ·  ", "dim"), (f"↪ {said}", "bold")) if said else plain(self.keys))

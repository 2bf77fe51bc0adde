"""The cursor moving on by itself after an answer, said in the hint under the answers.

After a key answers, a table moves its cursor on (to the next line, or from a full column to the
next person). Unsaid, the facilitator did not know where it stood: a Down pressed to reach the
next line went one further.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.steady_static import SteadyStatic


class MovedOn(Message):
    """Posted by an answering table: where its cursor moved by itself ("" once the cursor is moved by hand)."""

    def __init__(self, table: Widget, said: str) -> None:
        super().__init__()
        self.table = table
        self.said = said

    @property
    def control(self) -> Widget:
        return self.table


class KeysHint(SteadyStatic):
    """The keys that work in the answers above while they have the focus, and where the cursor moved on to by itself."""

    DEFAULT_CSS = """
    KeysHint {
        color: $text-muted;
    }
    """

    def __init__(self, keys: str, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(plain(AWAY), id=id, classes="hint")
        self.keys = keys
        self._here = False  # the focus is in the answers: their keys work
        self._away = AWAY  # what is said instead while it is not
        self._said = ""

    def moved_on(self, said: str) -> None:
        self._said = said
        self._show()

    def focus_here(self, here: bool, away: str = "") -> None:
        """Name the answers' keys only while the focus is in them; elsewhere the letters do other things."""
        self._here, self._away = here, away or AWAY
        self._show()

    def _show(self) -> None:
        if not self._here:
            self.show_text(plain(self._away))
        elif self._said:
            self.show_text(joined(self.keys, ("  ·  ", "dim"), (f"↪ {self._said}", "bold")))
        else:
            self.show_text(plain(self.keys))


AWAY = "a goes to the answers (Esc comes back)"

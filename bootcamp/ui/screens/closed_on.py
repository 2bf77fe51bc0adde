"""Which day an action was really done or dropped: the actions view asks it with ``D`` and ``X``.

A CCO catching up weeks after the workshop marks actions closed on the days they were closed, not the day they got
round to it: the Progress page of the next run reports that day. The day is read as it is typed ("yesterday",
"friday", "3 days ago", YYYY-MM-DD) and shown under the field before Enter keeps it; a day still to come, or one
before the workshop agreed the action, is refused there in one sentence.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from bootcamp.actions import closed_day
from bootcamp.dates import spoken_day
from bootcamp.errors import UserError
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.typed_text import SafeInput

DAY_TYPED = 24  # "last wednesday", "12 weeks ago", a date: a day said in a few words


class ClosedOnScreen(ModalScreen["date | None"]):
    CSS_PATH = "closed_on.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without marking the action")]

    def __init__(self, what: str, status: str, *, today: date, agreed_on: str) -> None:
        super().__init__()
        self.what = what
        self.status = status  # "done" or "dropped"
        self.today = today
        self.agreed_on = agreed_on  # the workshop's date: nothing is closed before it

    def compose(self) -> ComposeResult:
        with Vertical(id="closed-dialog") as dialog:
            dialog.border_title = joined(f"Marked {self.status} on which day? ", (" ".join(self.what.split()), "bold"))
            dialog.border_subtitle = "Enter marks it · Esc cancels"
            yield SafeInput(
                placeholder=f"today · yesterday · friday · 3 days ago · {self.today.isoformat()}",
                max_length=DAY_TYPED,
                id="closed-day",
            )
            yield Static(id="closed-said")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._read("")

    def _read(self, text: str) -> date | None:
        """Say under the field which day the words name, or why they name none: seen before Enter keeps it."""
        said = self.query_one("#closed-said", Static)
        try:
            day = closed_day(text, self.today, agreed_on=self.agreed_on)
        except UserError as error:
            sentence = str(error)
            said.update(plain(sentence[:1].upper() + sentence[1:] + "."))
            said.add_class("-error")
            return None
        said.update(joined(("→ ", "dim"), (spoken_day(day), "bold"), (f"  ({day.isoformat()})", "dim")))
        said.remove_class("-error")
        return day

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._read(event.value)

    @on(Input.Submitted)
    def _keep(self, event: Input.Submitted) -> None:
        day = self._read(event.value)
        if day is not None:
            self.dismiss(day)

    def action_cancel(self) -> None:
        self.dismiss(None)

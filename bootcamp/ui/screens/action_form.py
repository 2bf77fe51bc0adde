"""An action's form: what, owner and due date; returns the action to save, or None when cancelled.

Used by the actions step (add, edit) and by an Aptitude Poker card (its actions). A due
date is stored YYYY-MM-DD; one said in words ("friday", "in 2 weeks") is turned into that day
and shown in the field, so the facilitator sees the day before the next Enter saves it. Anything
else is refused with one line that says so.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from bootcamp.actions import due_from_words, due_problem, what_problem
from bootcamp.clock import SystemClock, local_today
from bootcamp.dates import due_example, spoken_day
from bootcamp.limits import ACTION_OWNER, ACTION_WHAT
from bootcamp.store.model import Action
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.typed_text import SafeInput

DUE_TYPED = 20  # "next wednesday", "in 2 weeks": room for a date said in words
_DATE_SHAPED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ActionFormScreen(ModalScreen[Action | None]):
    CSS_PATH = "action_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close the form without saving"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the action"),
    ]

    def __init__(self, action: Action, *, title: str, owners: list[str], workshop_date: str = "") -> None:
        super().__init__()
        self.action = action  # the action as it stands (an empty id: a new one)
        self.form_title = title
        self.owners = owners
        self.workshop_date = workshop_date  # the due date's example is two weeks after it
        self._day_shown = ""  # the day a due date said in words was turned into, under the field

    def compose(self) -> ComposeResult:
        with Vertical(id="action-dialog") as dialog:
            dialog.border_title = plain(self.form_title)
            dialog.border_subtitle = "Enter: next field, then save · Esc: cancel"
            yield Label("What will be done")
            yield SafeInput(
                self.action.what,
                placeholder="e.g. Call five lost customers",
                max_length=ACTION_WHAT.chars,
                id="action-what",
            )
            yield Label("Owner")
            yield SafeInput(
                self.action.owner,
                placeholder="who answers for it",
                suggester=SuggestFromList(self.owners, case_sensitive=False),
                max_length=ACTION_OWNER.chars,
                id="action-owner",
            )
            yield Label("Due date")
            # "e.g." and the other ways to say it: a bare date in grey read as one already filled in
            example = f"e.g. {due_example(self.workshop_date)}, friday, in 2 weeks · empty: none"
            yield SafeInput(self.action.due, placeholder=example, max_length=DUE_TYPED, id="action-due")
            yield Static(id="action-day")
            yield Static(id="action-problem")

    def on_mount(self) -> None:
        self.query_one("#action-what", Input).focus()

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        if event.input.id == "action-due":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        what = self.query_one("#action-what", Input).value
        owner = self.query_one("#action-owner", Input).value
        due_field = self.query_one("#action-due", Input)
        due = due_field.value
        if due_problem(due) and (day := due_from_words(due, self._today())):
            self._day_shown = due_field.value = day.isoformat()  # shown before it is saved: the next Enter saves it
            self.query_one("#action-day", Static).update(f"{spoken_day(day)}: Enter saves it")
            self.query_one("#action-problem", Static).update("")
            due_field.focus()
            return
        problem = what_problem(what) or self._due_problem(due)
        if problem:
            self.query_one("#action-problem", Static).update(plain(problem))
            self.query_one("#action-due" if due_problem(due) else "#action-what", Input).focus()
            return
        self.dismiss(dataclasses.replace(self.action, what=what.strip(), owner=owner.strip(), due=due.strip()))

    def _today(self) -> date:
        return local_today(getattr(self.app, "clock", None) or SystemClock())

    def _due_problem(self, due: str) -> str | None:
        """The store's sentence for a day the calendar lacks ("2026-02-30"); the ways to say a date for other words."""
        if not due_problem(due) or _DATE_SHAPED.fullmatch(due.strip()):
            return due_problem(due)
        example = due_example(self.workshop_date)
        return f"Due date {due.strip()!r} is not a date: write YYYY-MM-DD (e.g. {example}), a weekday or \"in 2 weeks\"."

    @on(Input.Changed, "#action-due")
    def _day_no_longer_shown(self, event: Input.Changed) -> None:
        if event.value != self._day_shown:  # typed over: the day said no longer stands
            self.query_one("#action-day", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)

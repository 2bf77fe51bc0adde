"""An action's form: what, owner and due date; returns the action to save, or None when cancelled.

Used by the actions step (add, edit) and by an Aptitude Poker card (its actions). A due
date must be written YYYY-MM-DD: anything else is refused with one line that says so.
"""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from bootcamp.actions import due_problem, what_problem
from bootcamp.dates import due_example
from bootcamp.limits import ACTION_OWNER, ACTION_WHAT
from bootcamp.store.model import Action
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.typed_text import SafeInput


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
            yield Label("Due (YYYY-MM-DD)")
            yield SafeInput(self.action.due, placeholder=due_example(self.workshop_date), max_length=10, id="action-due")
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
        due = self.query_one("#action-due", Input).value
        problem = what_problem(what) or due_problem(due)
        if problem:
            self.query_one("#action-problem", Static).update(plain(problem))
            self.query_one("#action-due" if due_problem(due) else "#action-what", Input).focus()
            return
        self.dismiss(dataclasses.replace(self.action, what=what.strip(), owner=owner.strip(), due=due.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Jump: pick any step of the agenda by typing part of its title; returns the step key, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from bootcamp.flow import Flow, format_minutes
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.agenda import CURRENT, DONE, SKIPPED
from bootcamp.ui.widgets.typed_text import SafeInput

LIST_ROWS = 20  # at most, on a tall screen
DIALOG_SHARE = 0.9  # of the screen's height: jump.tcss's max-height
DIALOG_CHROME = 4  # the dialog's border, the filter and its margin


class JumpScreen(ModalScreen[str | None]):
    CSS_PATH = "jump.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next match", show=False),
        Binding("up", "move(-1)", "Previous match", show=False),
    ]

    def __init__(self, flow: Flow) -> None:
        super().__init__()
        self.flow = flow

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-dialog"):
            yield SafeInput(placeholder="Jump to… type part of a step's title", id="jump-filter", compact=True)
            yield OptionList(id="jump-steps")

    def on_mount(self) -> None:
        self._fit_list()
        self._fill("")
        self.query_one(Input).focus()

    def on_resize(self) -> None:
        self._fit_list()

    def _fit_list(self) -> None:
        """The list no taller than the dialog can show: at 80×24 a 20-row list ran past the dialog's edge, and the
        current step, scrolled into the list's view, was in the rows the dialog cut off."""
        room = int(self.app.size.height * DIALOG_SHARE) - DIALOG_CHROME
        self.query_one(OptionList).styles.max_height = max(3, min(LIST_ROWS, room))

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        needle = query.casefold().strip()
        current = self.flow.current.key
        for number, step in enumerate(self.flow.steps, start=1):
            session = self.flow.program.session(step.session_id)
            haystack = f"{step.title} {session.title if session else ''} {step.kind.value}".casefold()
            if needle and needle not in haystack:
                continue
            mark = (
                CURRENT
                if step.key == current
                else SKIPPED
                if self.flow.is_skipped(step.key)
                else DONE
                if self.flow.is_done(step.key)
                else " "
            )
            label = joined(
                (f"{number:>3} {mark} ", "dim"),
                (step.title, "bold" if step.key == current else ""),
                (f"  {step.kind.value} · {format_minutes(step.minutes)} · {session.title if session else ''}", "dim"),
            )
            options.add_option(Option(label, id=step.key))
        if options.option_count:
            keys = [options.get_option_at_index(i).id for i in range(options.option_count)]
            options.highlighted = keys.index(current) if current in keys else 0

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(options.option_count - 1, current + delta))

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Jump: pick any step of the agenda by typing its number or part of its title; returns the step key, or None.

The list shows each step's number, so a number typed puts that step first. Words rank where they match:
a title that starts with them first (``rate``: "Rate the ten aptitudes"), then a word of a title that does,
then one that holds them inside a word ("Pied piper, strategist …"), then the session or the kind;
each in the agenda's order.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from bootcamp.content.model import Step
from bootcamp.flow import Flow, format_minutes
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.agenda import CURRENT, DONE, SKIPPED
from bootcamp.ui.widgets.typed_text import SafeInput

LIST_ROWS = 20  # at most, on a tall screen
DIALOG_SHARE = 0.9  # of the screen's height: jump.tcss's max-height
DIALOG_CHROME = 4  # the dialog's border, the filter and its margin


def ranked_steps(flow: Flow, query: str) -> list[tuple[int, Step]]:
    """The steps ``query`` finds, best first, each with its number in the agenda (all of them, in order, for none)."""
    needle = query.casefold().strip()
    numbered = list(enumerate(flow.steps, start=1))
    if not needle:
        return numbered
    word_start = re.compile(rf"(?<!\w){re.escape(needle)}")
    found: list[tuple[int, int, Step]] = []
    for number, step in numbered:
        title = step.title.casefold()
        session = flow.program.session(step.session_id)
        if needle == str(number):
            rank = 0
        elif title.startswith(needle):
            rank = 1
        elif word_start.search(title):
            rank = 2
        elif needle in title:
            rank = 3
        elif needle in f"{session.title if session else ''} {step.kind.value}".casefold():
            rank = 4
        else:
            continue
        found.append((rank, number, step))
    return [(number, step) for _rank, number, step in sorted(found, key=lambda hit: hit[:2])]


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
        current = self.flow.current.key
        for number, step in ranked_steps(self.flow, query):
            session = self.flow.program.session(step.session_id)
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
            # Nothing typed: the current step, where the agenda stands; typed: the best match, which Enter takes.
            keys = [options.get_option_at_index(i).id for i in range(options.option_count)]
            options.highlighted = keys.index(current) if current in keys and not query.strip() else 0

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

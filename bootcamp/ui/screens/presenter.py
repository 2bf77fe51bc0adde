"""Presenter mode: only the slide, for the projector, at about 80×24 cells.

No header, footer, agenda or notes: a title on top, the body in a box of at least
76×16 cells (what content authors are told a body must fit), and one line at the
bottom with the step counter and the timer. The keys are a presentation clicker's:
PageDown/PageUp (and arrows, space, enter, backspace) move, b or . blanks, F5 or
Esc goes back to the console.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widgets import Static

from bootcamp.flow import ADD_MINUTES, Flow
from bootcamp.ui.running import RunningWorkshop
from bootcamp.ui.screens.walk import WalkScreen
from bootcamp.ui.text import joined, plain
from bootcamp.ui.theme import PROJECTOR_THEME
from bootcamp.ui.widgets.steps import view_for
from bootcamp.ui.widgets.timer import countdown

BODY_COLUMNS, BODY_ROWS = 76, 16  # the room's slide area at 80×24; content is written to fit it


class PresenterScreen(WalkScreen):
    CSS_PATH = "presenter.tcss"
    HELP_TITLE = "Presenter mode"

    BINDINGS = [
        Binding("pagedown,right,space,enter,down", "next", "Next", priority=True, tooltip="Next step"),
        Binding("pageup,left,backspace,up", "previous", "Back", priority=True, tooltip="Previous step"),
        Binding("g", "jump", "Jump", tooltip="Jump to a step"),
        Binding("s", "skip", "Skip", tooltip="Skip this step for time"),
        Binding("t", "toggle_timer", "Timer", tooltip="Start or pause the step timer"),
        Binding("plus,equals_sign", "add_minutes", "+2 min", key_display="+", tooltip="Add 2 minutes to the timer"),
        Binding("b,full_stop", "blank", "Blank", tooltip="Blank the screen (any key brings it back)"),
        Binding("f5,escape", "leave", "Console", tooltip="Leave presenter mode, back to the console"),
    ]

    def __init__(self, workshop: RunningWorkshop) -> None:
        super().__init__(workshop)
        self._theme_before = ""

    def compose(self) -> ComposeResult:
        yield Static(id="slide-title")
        yield Container(id="slide")
        with Horizontal(id="slide-status"):
            yield Static(id="slide-counter")
            yield Static(id="slide-timer")

    async def on_mount(self) -> None:
        self._theme_before = self.app.theme
        self.app.theme = PROJECTOR_THEME
        await self.show_state()

    async def show_step(self, flow: Flow) -> None:
        step = flow.current
        self.query_one("#slide-title", Static).update(plain(step.title))
        slide = self.query_one("#slide", Container)
        with self.app.batch_update():
            await slide.remove_children()
            await slide.mount(view_for(step, flow.program, presenter=True))

    def show_position(self, flow: Flow) -> None:
        session = flow.program.session(flow.current.session_id)
        self.query_one("#slide-counter", Static).update(
            joined((flow.counter, "bold"), ("  ·  ", "dim"), (session.title if session else "", "dim"))
        )

    def show_time(self, flow: Flow) -> None:
        timer = self.query_one("#slide-timer", Static)
        over = flow.over_time()
        if over:
            text = joined((f"over time — + adds {ADD_MINUTES:g} minutes   ", "italic"), (countdown(flow), "bold"))
        else:
            text = joined((countdown(flow), "bold"), " left")
        if not flow.running and flow.timer().elapsed:
            text.append(" · paused")
        timer.update(text if flow.state.show_timer else "")
        timer.set_class(over, "-over")

    def signal_over_time(self) -> None:
        """The bottom line already says it; no toast in front of the room."""

    def action_leave(self) -> None:
        self.app.theme = self._theme_before or self.app.theme
        self.dismiss()

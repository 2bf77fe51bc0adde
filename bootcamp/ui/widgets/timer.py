"""The current step's countdown: big digits, running or paused, and a calm over-time signal."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from bootcamp.flow import ADD_MINUTES, Flow, format_duration, format_minutes
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic

OVER_TIME = f"over time — add {ADD_MINUTES:g} minutes? press +"


def countdown(flow: Flow) -> str:
    """What the timer reads: the time left, or how far over with a leading ``+``."""
    remaining = flow.remaining()
    return f"+{format_duration(-remaining)}" if remaining <= 0 else format_duration(remaining)


def timer_state(flow: Flow) -> Text:
    timer = flow.timer()
    if flow.running:
        return joined(("▶ running", "bold"))
    if timer.elapsed:
        return joined(("‖ paused", "bold"), ("  t resumes", "dim"))
    return joined("○ not started", ("  t starts", "dim"))


def planned(flow: Flow) -> str:
    extra = flow.timer().extra_minutes
    if not extra:
        return format_minutes(flow.current.minutes)
    return format_minutes(flow.current.minutes) + (f" +{extra:g}" if extra > 0 else f" \N{MINUS SIGN}{-extra:g}")


class StepTimerPanel(Vertical):
    DEFAULT_CSS = """
    StepTimerPanel {
        height: auto;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        & > Digits { width: 1fr; text-align: center; color: $text-primary; }
        & > #timer-state { width: 1fr; text-align: center; }
        & > #over-time { width: 1fr; text-align: center; color: $text-warning; text-style: bold; display: none; }
        &.-over { border: round $warning; }
        &.-over > Digits { color: $text-warning; }
        &.-over > #over-time { display: block; }
    }
    """

    def compose(self) -> ComposeResult:
        self.border_title = "Timer · t"
        yield Digits("", id="countdown")
        yield SteadyStatic(id="timer-state")
        yield Static(OVER_TIME, id="over-time", markup=False)

    def show_flow(self, flow: Flow) -> None:
        # Told every second: each part redrawn only when it changes.
        digits, left = self.query_one(Digits), countdown(flow)
        if digits.value != left:
            digits.update(left)
        self.query_one("#timer-state", SteadyStatic).show_text(timer_state(flow))
        subtitle = planned(flow)
        if self.border_subtitle != subtitle:
            self.border_subtitle = subtitle
        self.set_class(flow.over_time(), "-over")

"""The day: planned against actual so far, and the projected finish."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from bootcamp.flow import DayClock, format_minutes
from bootcamp.ui.text import joined


def clock_time(epoch: float) -> str:
    """A time of day on the facilitator's own clock."""
    return datetime.fromtimestamp(epoch).strftime("%H:%M")


def span(minutes: float) -> str:
    """A span of the day as ``h:mm``: short enough for a narrow panel."""
    hours, mins = divmod(round(max(0.0, minutes)), 60)
    return f"{hours}:{mins:02d}"


def pace(day: DayClock) -> str:
    """How far off the plan the room is, in whole minutes."""
    if not day.started:
        return "not started"
    behind = round(day.behind)
    if behind > 0:
        return f"{format_minutes(behind)} behind"
    if behind < 0:
        return f"{format_minutes(-behind)} ahead"
    return "on time"


def plan_line(day: DayClock) -> Text:
    if not day.started:
        return joined(("plan ", "dim"), span(day.planned_total), ("  t starts the day", "dim"))
    return joined(("plan ", "dim"), span(day.planned_so_far), ("  ·  actual ", "dim"), span(day.actual))


def finish_line(day: DayClock) -> Text:
    if day.planned_finish is None:
        return joined(("ends ≈ ", "dim"), (clock_time(day.projected_finish), "bold"), ("  from now", "dim"))
    return joined(
        ("ends ≈ ", "dim"),
        (clock_time(day.projected_finish), "bold"),
        (f"  plan {clock_time(day.planned_finish)}", "dim"),
    )


class DayClockPanel(Vertical):
    DEFAULT_CSS = """
    DayClockPanel {
        height: auto;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        & > Static { width: 1fr; }
        & > #day-pace { text-style: bold; }
        & > #day-pace.-behind { color: $text-warning; }
        & > #day-pace.-ahead { color: $text-success; }
    }
    """

    def compose(self) -> ComposeResult:
        self.border_title = "Day"
        yield Static(id="day-pace")
        yield Static(id="day-plan")
        yield Static(id="day-finish")

    def show_day(self, day: DayClock) -> None:
        self.border_subtitle = f"started {clock_time(day.started_at)}" if day.started_at is not None else ""
        pace_line = self.query_one("#day-pace", Static)
        pace_line.update(pace(day))
        pace_line.set_class(day.started and day.behind >= 0.5, "-behind")
        pace_line.set_class(day.started and day.behind <= -0.5, "-ahead")
        self.query_one("#day-plan", Static).update(plan_line(day))
        self.query_one("#day-finish", Static).update(finish_line(day))

"""The timer and the day clock on one line: what the side column shows, for a console too narrow to keep it."""

from __future__ import annotations

from rich.text import Text

from bootcamp.flow import DayClock, Flow
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.day_clock import clock_time, day_of, lateness, pace
from bootcamp.ui.widgets.steady_static import SteadyStatic
from bootcamp.ui.widgets.timer import countdown, planned


def strip_text(flow: Flow, day: DayClock) -> Text:
    if flow.running:
        state = ("▶", "bold")
    elif flow.timer().elapsed:
        state = ("‖ paused", "bold")
    else:
        state = ("○ t starts", "dim")
    over = flow.over_time()
    # A workshop run over more than one day says which day: "Day 2: 23 min behind", "Day 2, 22 Sep over".
    numbered = day.number > 1
    if day.over and day.started_at is not None:
        day_of_the = f"  ·  Day {day.number}, " if numbered else "  ·  Day of "
        ends = ((day_of_the, "dim"), (day_of(day.started_at, day.utc_offset), "bold"), (" over, it ran ", "dim"), lateness(day))
    else:
        day_is = f"  ·  Day {day.number}: " if numbered else "  ·  Day "
        ends = ((day_is, "dim"), (pace(day), "bold"), (", ends ≈ ", "dim"), clock_time(day.projected_finish, day))
    return joined(
        ("Timer ", "dim"), (countdown(flow), "bold reverse" if over else "bold"), (f" / {planned(flow)} ", "dim"), state,
        *ends, ("  ·  f3 notes", "dim"),
    )  # fmt: skip


class TimeStrip(SteadyStatic):
    DEFAULT_CSS = """
    TimeStrip {
        height: 1;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_time(self, flow: Flow, day: DayClock) -> None:
        self.show_text(strip_text(flow, day))

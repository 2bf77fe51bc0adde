"""The day: planned against actual so far, and the projected finish."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from bootcamp.facilitators_day import facilitators_date, on_room_clock, room_clock_time
from bootcamp.flow import DayClock, format_minutes
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic


def clock_time(epoch: float, day: DayClock) -> str:
    """A time of the day on the room's clock ("08:30"), as the summary reads it; the panel's subtitle says the zone
    when it is not the laptop's (:func:`started`)."""
    return f"{on_room_clock(epoch, day.room_days):%H:%M}"


def started(day: DayClock) -> str:
    """"started 08:30", its zone said when the laptop's clock is not the room's ("started 08:30 UTC" in New York)."""
    return "" if day.started_at is None else f"started {room_clock_time(day.started_at, day.room_days)}"


def span(minutes: float) -> str:
    """A span of the day as ``h:mm``: short enough for a narrow panel."""
    hours, mins = divmod(round(max(0.0, minutes)), 60)
    return f"{hours}:{mins:02d}"


def day_of(epoch: float, utc_offset: int | None) -> str:
    """A day's date, short ("21 Sep"), on the room's calendar as the summary names it (a day begun in Auckland on
    8 Dec is 8 Dec in New York, where it was still the 7th)."""
    moment = facilitators_date(epoch, utc_offset)
    return f"{moment.day} {moment:%b}"


def pace(day: DayClock) -> str:
    """How far off the plan the room is, in whole minutes; a day that is over says so."""
    if not day.started:
        return "not started"
    if day.over and day.started_at is not None:
        return f"day of {day_of(day.started_at, day.utc_offset)}, over"
    return lateness(day)


def lateness(day: DayClock) -> str:
    return lateness_of(day.behind)


def lateness_of(minutes_behind: float) -> str:
    behind = round(minutes_behind)
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
    if day.over:  # as its steps took it; no finish to project
        return joined(("it ran ", "dim"), (lateness(day), "bold"))
    if day.planned_finish is None:
        return joined(("ends ≈ ", "dim"), (clock_time(day.projected_finish, day), "bold"), ("  from now", "dim"))
    return joined(
        ("ends ≈ ", "dim"),
        (clock_time(day.projected_finish, day), "bold"),
        (f"  plan {clock_time(day.planned_finish, day)}", "dim"),
    )


def earlier_lines(day: DayClock) -> str:
    """Each day before this one, as it went: "day 1, 21 Sep: 16 min behind"; "" on a workshop's first day."""
    return "\n".join(
        f"day {number}, {day_of(earlier.started_at, earlier.utc_offset)}: {lateness_of(earlier.actual - earlier.planned)}"
        for number, earlier in enumerate(day.earlier, start=1)
    )


def title(day: DayClock) -> str:
    return f"Day {day.number}" if day.number > 1 else "Day"


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
        & > #day-earlier { color: $text-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        self.border_title = "Day"
        yield SteadyStatic(id="day-pace")
        yield SteadyStatic(id="day-plan")
        yield SteadyStatic(id="day-finish")
        earlier = SteadyStatic(id="day-earlier")
        earlier.display = False  # a workshop run over more than one day: the days before, as they went
        yield earlier

    def show_day(self, day: DayClock) -> None:
        # Told every second: each line redrawn only when it changes.
        subtitle = started(day)
        if (self.border_subtitle or "") != subtitle:
            self.border_subtitle = subtitle
        named = title(day)
        if self.border_title != named:
            self.border_title = named
        earlier = self.query_one("#day-earlier", SteadyStatic)
        if earlier.display != bool(day.earlier):
            earlier.display = bool(day.earlier)
        earlier.show_text(earlier_lines(day))
        pace_line = self.query_one("#day-pace", SteadyStatic)
        pace_line.show_text(pace(day))
        running = day.started and not day.over
        pace_line.set_class(running and day.behind >= 0.5, "-behind")
        pace_line.set_class(running and day.behind <= -0.5, "-ahead")
        self.query_one("#day-plan", SteadyStatic).show_text(plan_line(day))
        self.query_one("#day-finish", SteadyStatic).show_text(finish_line(day))

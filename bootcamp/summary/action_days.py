"""When an action was closed, beside its status: "done 2026-11-18, 21 days late".

The actions view dates an action marked done or dropped (``status_at``, the day it happened). An action closed
before that day was kept has none: its status is then said alone, no day guessed. Late is done after the due
date; a dropped action is not late, it was not done.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bootcamp.plurals import counted

_CLOSED = ("done", "dropped")


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def closed_on(status: str, status_at: str) -> str:
    """The day a done or dropped action was marked so (YYYY-MM-DD), or "" when that day is not known."""
    return status_at.strip() if status in _CLOSED and _day(status_at) else ""


def days_late(status: str, status_at: str, due: str) -> int | None:
    """How many days after its due date an action was done; None when on time, not done or a day is not known."""
    done, due_day = _day(closed_on(status, status_at)), _day(due)
    if status != "done" or done is None or due_day is None or done <= due_day:
        return None
    return (done - due_day).days


def late_said(days: int | None) -> str:
    """"21 days late", or "" when not late."""
    return f"{counted(days, 'day')} late" if days else ""


def status_with_day(status: str, status_at: str, due: str) -> str:
    """"done 2026-11-18, 21 days late", "done 2026-11-18", "dropped 2026-11-02"; the status alone without a day."""
    day = closed_on(status, status_at)
    if not day:
        return status
    late = late_said(days_late(status, status_at, due))
    return f"{status} {day}, {late}" if late else f"{status} {day}"


def late_among_done(done: int, late: int) -> str:
    """"(2 of them late)", "(late)" for the one done, "(all late)", or "" when none was late."""
    if not late:
        return ""
    if late == done:
        return "(late)" if done == 1 else "(all late)"
    return f"({late} of them late)"


def done_counted(done: int, late: int) -> str:
    """"5 done (2 of them late)", "1 done (late)", "3 done (all late)", "5 done": how many were done, and how many of
    those after their due date, so a count of done does not read as on time. One done with no day kept is done and
    counted neither late nor on time: no day is guessed."""
    among = late_among_done(done, late)
    return f"{done} done {among}" if among else f"{done} done"


def done_late(actions: Iterable[DatedStatus]) -> int:
    """How many of these actions were done after their due date, as far as the days kept tell."""
    return sum(1 for action in actions if action.days_late)


class DatedStatus:
    """An action's status said with its day, for the summary's and the comparison's action rows alike."""

    status: str
    status_at: str
    due: str

    @property
    def days_late(self) -> int | None:
        """Days after its due date it was done; None when on time, not done, or either day is not known."""
        return days_late(self.status, self.status_at, self.due)

    @property
    def status_said(self) -> str:
        """Its status with the day it was done or dropped, and how late: "done 2026-11-18, 21 days late"."""
        return status_with_day(self.status, self.status_at, self.due)

"""The rules of an action's fields: due dates as YYYY-MM-DD, and the status cycle."""

from __future__ import annotations

import pytest

from bootcamp.actions import due_problem, next_status, what_problem
from bootcamp.store.model import ActionStatus


@pytest.mark.parametrize("text", ["", "  ", "2026-10-30", "2028-02-29"])
def test_a_due_date_is_a_real_date_written_out_or_nothing(text: str) -> None:
    assert due_problem(text) is None


@pytest.mark.parametrize(
    "text", ["30/10/2026", "2026-13-01", "2027-02-29", "2026-1-5", "tomorrow", "20261030", "2026-10-30T10:00"]
)
def test_anything_else_is_refused_in_one_line_naming_the_format(text: str) -> None:
    problem = due_problem(text)
    assert problem is not None and "YYYY-MM-DD" in problem and "\n" not in problem


def test_statuses_cycle_open_doing_done_dropped_and_round_again() -> None:
    seen = [ActionStatus.OPEN]
    for _ in range(4):
        seen.append(next_status(seen[-1]))
    assert [s.value for s in seen] == ["open", "doing", "done", "dropped", "open"]


def test_an_action_says_what_will_be_done() -> None:
    assert what_problem("  ") and what_problem("Call five customers") is None

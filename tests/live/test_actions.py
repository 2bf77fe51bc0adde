"""The rules of an action's fields: due dates as YYYY-MM-DD, and the status cycle."""

from __future__ import annotations

from datetime import date

import pytest

from bootcamp.actions import closed_day, due_from_words, due_problem, next_status, what_problem
from bootcamp.errors import UserError
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


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("today", "2026-12-04"),
        ("Tomorrow", "2026-12-05"),
        ("friday", "2026-12-11"),  # 4 December 2026 is a Friday: the coming one, never today
        ("next Friday", "2026-12-11"),
        ("mon", "2026-12-07"),
        ("this wednesday", "2026-12-09"),
        ("in 2 weeks", "2026-12-18"),
        ("3 days", "2026-12-07"),
        ("+10d", "2026-12-14"),
        ("+2w", "2026-12-18"),
    ],
)
def test_a_due_date_said_in_words_is_the_day_a_room_means(said: str, day: str) -> None:
    assert due_from_words(said, date(2026, 12, 4)) == date.fromisoformat(day)


@pytest.mark.parametrize("said", ["", "soon", "end of month", "2026-12-20", "fri 13", "in 2 months", "next"])
def test_other_words_are_no_due_date(said: str) -> None:
    assert due_from_words(said, date(2026, 12, 4)) is None


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("", "2026-12-06"),
        ("Today", "2026-12-06"),
        ("yesterday", "2026-12-05"),
        ("friday", "2026-12-04"),
        ("last sunday", "2026-11-29"),  # said on a Sunday: the one before, never today
        ("Sun.", "2026-11-29"),
        ("3 days ago", "2026-12-03"),
        ("a week ago", "2026-11-29"),
        ("2 weeks ago", "2026-11-22"),
        (" 2026-12-01 ", "2026-12-01"),
    ],
)
def test_the_day_an_action_was_closed_is_said_as_a_cco_catching_up_says_it(said: str, day: str) -> None:
    assert closed_day(said, date(2026, 12, 6), agreed_on="2026-11-10") == date.fromisoformat(day)


@pytest.mark.parametrize(
    ("said", "why"),
    [
        ("2026-12-07", "2026-12-07 has not come yet (today is 2026-12-06)"),
        ("tomorrow", "2026-12-07 has not come yet (today is 2026-12-06)"),
        ("soon", "'soon' is not a day: write YYYY-MM-DD, yesterday, a weekday or \"3 days ago\""),
        ("2026-02-30", "the day '2026-02-30' is not a real date (YYYY-MM-DD)"),
        ("2026-11-09", "2026-11-09 is before the workshop that agreed the action (2026-11-10)"),
        ("5 weeks ago", "2026-11-01 is before the workshop that agreed the action (2026-11-10)"),
    ],
)
def test_a_day_not_come_or_before_the_workshop_is_refused_in_one_sentence(said: str, why: str) -> None:
    with pytest.raises(UserError) as refused:
        closed_day(said, date(2026, 12, 6), agreed_on="2026-11-10")
    assert str(refused.value) == why

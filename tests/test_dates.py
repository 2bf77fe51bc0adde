"""Dates typed by people (bootcamp.dates): YYYY-MM-DD and a real day, refused in one sentence naming the field."""

from __future__ import annotations

from datetime import date

import pytest

from bootcamp.dates import EXAMPLE, due_example, parse_date
from bootcamp.errors import UserError


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-12-05", date(2026, 12, 5)), (" 2028-02-29\n", date(2028, 2, 29)), ("0001-01-01", date(1, 1, 1))],
)
def test_a_date_written_out_is_read(text: str, day: date) -> None:
    assert parse_date(text, what="the workshop date") == day


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12/5",
        "30/10/2026",
        "2026-1-5",
        "tomorrow",
        "20261030",  # what date.fromisoformat also reads since Python 3.11
        "2026-W49-6",
        "2026-10-30T10:00",
        "\u0662\u0660\u0662\u0666-\u0661\u0660-\u0663\u0660",  # Arabic-Indic digits
    ],
)
def test_anything_else_is_refused_in_one_sentence_naming_the_field_and_the_form(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_date(text, what="the workshop date")
    assert str(caught.value) == f"the workshop date {text!r} is not a date: use YYYY-MM-DD, e.g. 2026-12-05"


@pytest.mark.parametrize("text", ["2026-13-01", "2027-02-29", "2026-02-30", "2026-00-10", " 2026-04-31 "])
def test_a_day_the_calendar_does_not_have_is_refused_in_a_shorter_sentence(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_date(text, what="the workshop date")
    assert str(caught.value) == f"the workshop date {text!r} is not a real date (YYYY-MM-DD)"


def test_control_characters_in_the_message_are_shown_not_obeyed() -> None:
    with pytest.raises(UserError) as caught:
        parse_date("\x1b[31m2026\n", what="the due date")
    assert "\x1b" not in str(caught.value) and "\n" not in str(caught.value)


def test_an_actions_example_due_date_is_two_weeks_after_the_workshop() -> None:
    assert due_example("2026-12-05") == "2026-12-19"
    assert due_example("2026-12-28") == "2027-01-11"
    assert due_example("not a date") == EXAMPLE  # an unreadable date still gives a well-formed example


def test_a_workshop_of_several_days_is_dated_from_its_first_day_to_its_last_sharing_what_they_share() -> None:
    from bootcamp.dates import days_span

    assert days_span("2026-09-21") == "2026-09-21"
    assert days_span("2026-09-21", ("2026-09-21", "2026-09-22")) == "2026-09-21–22"
    assert days_span("2026-09-30", ("2026-09-30", "2026-10-01")) == "2026-09-30–10-01"
    assert days_span("2026-12-31", ("2026-12-31", "2027-01-01")) == "2026-12-31–2027-01-01"

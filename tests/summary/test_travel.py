"""A boot camp whose days are run in different time zones (day 1 in London, day 2 in New York) and reread from a
third (the CCO in Auckland): the workshop's days are the room's days, wherever the summary is read."""

from __future__ import annotations

import dataclasses
import json
import time
from datetime import datetime

import pytest
from summary_rooms import MANDATE, Room_, mandate, participants

from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store.model import RoomNote, RoomRecords, WorkshopDay, WorkshopState

pytestmark = pytest.mark.usefixtures("utc_calendar")


def epoch(moment: str) -> float:
    return datetime.fromisoformat(moment).timestamp()


LONDON_DAY_ONE = epoch("2026-12-07T08:30:00+00:00")  # 08:30 in the London room, 03:30 in New York
NEW_YORK_DAY_TWO = epoch("2026-12-08T09:00:00-05:00")
# Stored in UTC, as every note is: 18:42 in the London room on day 1, 09:10 in the New York room on day 2.
LONDON_EVENING_NOTE = RoomNote("n1", MANDATE, "Customers see one company.", at="2026-12-07T18:42:00+00:00")
NEW_YORK_MORNING_NOTE = RoomNote("n2", MANDATE, "Scorecard again.", at="2026-12-08T14:10:00+00:00", quick=True)


def read_in(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


def travelled() -> Room_:
    state = WorkshopState(
        step_key=MANDATE,
        day_started_at=NEW_YORK_DAY_TWO,
        day_utc_offset=-300,
        earlier_days=(WorkshopDay(started_at=LONDON_DAY_ONE, planned=240.0, actual=480.0, utc_offset=0),),
    )
    people = participants(3, names=("Ana", "Ben", "Chloe"))
    notes = RoomRecords(notes=(LONDON_EVENING_NOTE, NEW_YORK_MORNING_NOTE))
    return Room_(people, mandate("yes", "partly", "no"), notes, state, date="2026-12-07")


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Auckland"])
def test_the_days_met_are_the_rooms_dates_wherever_the_summary_is_read(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """Before: read in New York, day 1 (08:30 in London, 03:30 there, before its 04:00 turn) was dated 2026-12-06, a
    day the room never met, on every page and format ("2026-12-06 and 2026-12-08"; the JSON's ``days``)."""
    read_in(monkeypatch, zone)
    report = travelled().report()
    assert report.days == ("2026-12-07", "2026-12-08")
    assert "Acme · 2026-12-07 and 2026-12-08 · full-day agenda over two days" in render_markdown(report)
    assert json.loads(render_json(report))["days"] == ["2026-12-07", "2026-12-08"]


def test_days_kept_without_their_offset_are_read_on_the_readers_calendar_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A state from a bootcamp before the offset was kept: each day on the calendar of the machine reading it."""
    state = dataclasses.replace(travelled().state, day_utc_offset=None)
    state = dataclasses.replace(state, earlier_days=(dataclasses.replace(state.earlier_days[0], utc_offset=None),))
    read_in(monkeypatch, "Europe/London")
    assert state.days_met() == ("2026-12-07", "2026-12-08")
    read_in(monkeypatch, "America/New_York")
    assert state.days_met() == ("2026-12-06", "2026-12-08")


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Auckland"])
def test_a_notes_time_is_the_rooms_clock_wherever_the_summary_is_read(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """Before: read in Auckland, the note written in the London room at 18:42 on the workshop's date was said to be
    written "2026-12-08 07:42" (a day the room met in New York), and New York's 09:10 "2026-12-09 03:10"; read in New
    York, London's evening note was "13:42". Every format shows the notebook's times."""
    read_in(monkeypatch, zone)
    report = travelled().report()
    assert [note.when for note in report.notebook] == ["18:42", "2026-12-08 09:10"]
    markdown = render_markdown(report)
    assert "· 18:42" in markdown and "· 2026-12-08 09:10" in markdown
    assert [note["when"] for note in json.loads(render_json(report))["notebook"]] == ["18:42", "2026-12-08 09:10"]


def test_a_reader_in_the_rooms_zone_reads_their_own_clock_across_the_night_the_clocks_go_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An evening session in London the night the clocks go back: a note at 01:30 after the change (01:30 GMT) reads
    01:30 on a London laptop, not 02:30 at the offset the day started with (BST, +60)."""
    read_in(monkeypatch, "Europe/London")
    state = WorkshopState(step_key=MANDATE, day_started_at=epoch("2026-10-24T18:00:00+01:00"), day_utc_offset=60)
    after_the_change = RoomNote("n1", MANDATE, "Still here.", at="2026-10-25T01:30:00+00:00")
    room = Room_(participants(2), state=state, room=RoomRecords(notes=(after_the_change,)), date="2026-10-24")
    assert [note.when for note in room.report().notebook] == ["2026-10-25 01:30"]
    read_in(monkeypatch, "America/New_York")  # elsewhere, the room's offset when the day started
    assert [note.when for note in room.report().notebook] == ["2026-10-25 02:30"]

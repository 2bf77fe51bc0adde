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
from bootcamp.store.model import WorkshopDay, WorkshopState

pytestmark = pytest.mark.usefixtures("utc_calendar")


def epoch(moment: str) -> float:
    return datetime.fromisoformat(moment).timestamp()


LONDON_DAY_ONE = epoch("2026-12-07T08:30:00+00:00")  # 08:30 in the London room, 03:30 in New York
NEW_YORK_DAY_TWO = epoch("2026-12-08T09:00:00-05:00")


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
    return Room_(people, mandate("yes", "partly", "no"), state=state, date="2026-12-07")


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

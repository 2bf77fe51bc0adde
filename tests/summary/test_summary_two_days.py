"""A boot camp run over two days: where the summary names the workshop's date, it names both days."""

from __future__ import annotations

import json

import pytest
from summary_rooms import MANDATE, Room_, mandate, participants

from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store.model import WorkshopDay, WorkshopState

MONDAY_9AM = 1_789_981_200.0  # 2026-09-21 09:00 UTC
DAY = 24 * 3600.0


pytestmark = pytest.mark.usefixtures("utc_calendar")  # "the next morning" is the same on every machine


def room(state: WorkshopState) -> Room_:
    return Room_(participants(3, names=("Ana", "Ben", "Chloe")), mandate("yes", "partly", "no"), state=state)


TWO_DAYS = WorkshopState(
    step_key=MANDATE,
    day_started_at=MONDAY_9AM + DAY,
    earlier_days=(WorkshopDay(started_at=MONDAY_9AM, planned=270.0, actual=405.0),),
)


def test_a_workshop_run_over_two_days_is_dated_with_both() -> None:
    """Before: a boot camp run on Monday and Tuesday was dated Monday alone, on every page."""
    report = room(TWO_DAYS).report()
    assert report.days == ("2026-09-21", "2026-09-22")
    assert report.held_on == "2026-09-21 and 2026-09-22"
    markdown = render_markdown(report)
    assert "Acme · 2026-09-21 and 2026-09-22 · full-day agenda over two days · 3 participants" in markdown
    html = render_html(report)
    assert "2026-09-21 and 2026-09-22 · full-day agenda over two days" in html
    assert "2026\\2d 09\\2d 21 and 2026\\2d 09\\2d 22" in html  # every printed page's header (a CSS string)
    data = json.loads(render_json(report))
    assert (data["date"], data["days"]) == ("2026-09-21", ["2026-09-21", "2026-09-22"])


def test_three_days_are_listed_and_a_one_day_workshop_keeps_its_date() -> None:
    three = WorkshopState(
        day_started_at=MONDAY_9AM + 2 * DAY,
        earlier_days=(WorkshopDay(MONDAY_9AM, 60.0, 60.0), WorkshopDay(MONDAY_9AM + DAY, 60.0, 70.0)),
    )
    assert room(three).report().held_on == "2026-09-21, 2026-09-22 and 2026-09-23"
    one = room(WorkshopState(step_key=MANDATE, day_started_at=MONDAY_9AM)).report()
    assert (one.days, one.held_on) == ((), "2026-09-21")
    assert "Acme · 2026-09-21 · full day · 3 participants" in render_markdown(one)


def test_the_progress_between_runs_dates_a_two_day_run_with_both_days() -> None:
    """Before: compare and the Progress page dated a run held on Monday and Tuesday with Monday alone."""
    import dataclasses

    from bootcamp.export.comparison_html import render_comparison_html
    from bootcamp.export.comparison_markdown import render_comparison_markdown
    from bootcamp.summary.comparison import compare

    earlier = dataclasses.replace(room(TWO_DAYS), workshop_id="w0")
    later = dataclasses.replace(room(WorkshopState(step_key=MANDATE)), workshop_id="w1", date="2027-03-01")
    comparison = compare(earlier.report(), later.report())
    assert comparison.before.held_on == "2026-09-21–22" and comparison.after.held_on == "2027-03-01"
    markdown = render_comparison_markdown(comparison)
    assert "2026-09-21–22 → 2027-03-01" in markdown
    assert "**Spring boot camp**, 2026-09-21–22, full day" in markdown
    assert "2026-09-21–22" in render_comparison_html(comparison)


def test_the_sentence_naming_the_run_compared_with_dates_a_two_day_run_with_both_days() -> None:
    """Before: `compare` dated the earlier run "2026-09-21–22" in its heading and list, then said "Compared with
    Spring boot camp (2026-09-21, workshop w0)" a line below, in every format and on the Progress page."""
    import dataclasses

    from bootcamp.export.comparison_html import render_comparison_html
    from bootcamp.export.comparison_json import render_comparison_json
    from bootcamp.export.comparison_markdown import render_comparison_markdown
    from bootcamp.summary.comparison import compare
    from bootcamp.summary.lineage import choose_earlier

    earlier = dataclasses.replace(room(TWO_DAYS), workshop_id="w0")
    later = dataclasses.replace(room(WorkshopState(step_key=MANDATE)), workshop_id="w1", date="2027-03-01")
    comparison = compare(earlier.report(), later.report())
    chosen = choose_earlier([earlier.info, later.info], later.info)
    said = "Compared with Spring boot camp (2026-09-21–22, workshop w0)"
    assert chosen.notes(comparison.before)[0].startswith(said)
    assert said in render_comparison_markdown(comparison, chosen)
    assert said in render_comparison_html(comparison, chosen)
    assert json.loads(render_comparison_json(comparison, chosen))["compared_with"]["notes"][0].startswith(said)


def test_a_day_started_after_midnight_is_dated_as_the_console_counts_it() -> None:
    """Day one opened with an evening session whose first t came at 00:30 (Monday's evening on the facilitator's
    calendar, whose day turns at 04:00); the next morning at 09:00 t started day two. The console said "Day 2", the
    summary, counting plain calendar dates, said one day: Tuesday."""
    after_midnight = MONDAY_9AM + DAY - 8.5 * 3600  # Tuesday 00:30
    state = WorkshopState(
        step_key=MANDATE,
        day_started_at=MONDAY_9AM + DAY,
        earlier_days=(WorkshopDay(started_at=after_midnight, planned=60.0, actual=60.0),),
    )
    report = room(state).report()
    assert report.days == ("2026-09-21", "2026-09-22")
    assert "full-day agenda over two days" in render_markdown(report)

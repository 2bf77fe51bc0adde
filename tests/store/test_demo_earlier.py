"""The demo's earlier run: the same organisation six months before, lower in a few dimensions, actions done since."""

from __future__ import annotations

import dataclasses
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.demo import create_demo_workshop
from bootcamp.demo_earlier import DAYS_BEFORE, create_demo_runs
from bootcamp.export import data_csv
from bootcamp.locations import default_content_dir
from bootcamp.store import Store, is_ballot_id
from bootcamp.summary import build_report
from bootcamp.summary.comparison import compare
from bootcamp.summary.comparison_model import ActionState, Measured

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
CONTENTS = {"fixture": FIXTURE_CONTENT, "shipped": default_content_dir()}


@pytest.fixture(params=list(CONTENTS))
def sources(request: pytest.FixtureRequest) -> dict[str, str]:
    return read_sources(CONTENTS[request.param])


def both_runs(folder: Path, sources: dict[str, str]):
    store = Store(folder, FixedClock())
    later = create_demo_runs(store, sources)
    [earlier] = [info for info in store.list_workshops() if info.id != later.id]
    return store, store.open(earlier.id), store.open(later.id)


def report(files):
    return build_report(files.program(), files.info(), files.answers(), files.room(), files.state())


def test_the_earlier_run_is_the_same_room_about_six_months_before(tmp_path: Path, sources) -> None:
    _, earlier, later = both_runs(tmp_path / "data", sources)
    then, now = earlier.info(), later.info()
    assert (then.name, then.organisation) == (now.name, now.organisation)
    apart = date.fromisoformat(now.date) - date.fromisoformat(then.date)
    assert apart.days in (DAYS_BEFORE, DAYS_BEFORE + 1)  # the day starts early enough to be the day before
    assert [p.name for p in then.participants] == [p.name for p in now.participants if p.name != "Lars Nilsson"]
    assert not any(p.removed for p in then.participants)
    state, program = earlier.state(), earlier.program()
    keys = [s.key for s in program.steps(then.agenda)]
    assert sorted([*state.done, *state.skipped], key=keys.index) == keys  # a finished day
    assert all(timer.running_since is None for timer in state.timers.values())
    answers = earlier.answers()  # every answer passes the checks of answers collected on paper
    text = data_csv.dumps(then, program, answers)
    assert len(data_csv.loads(text, "earlier.csv", then, program, "2026-01-01T10:00:00+00:00")) == len(answers)
    assert all(a.at[:10] == then.date for a in answers if not is_ballot_id(a.participant_id))
    assert all(not a.at for a in answers if is_ballot_id(a.participant_id))  # a secret ballot keeps no time


def test_the_comparison_shows_progress_in_a_few_dimensions_and_actions_done(tmp_path: Path, sources) -> None:
    _, earlier, later = both_runs(tmp_path / "data", sources)
    comparison = compare(report(earlier), report(later))
    assert all(d.measured is Measured.BOTH for d in comparison.dimensions)
    assert comparison.overall.change is not None and comparison.overall.change > 0
    assert any((d.change or 0) >= 10 for d in comparison.dimensions)
    assert comparison.actions_in(ActionState.DONE)
    assert comparison.actions_in(ActionState.OVERDUE) or comparison.actions_in(ActionState.OPEN)
    assert not comparison.organisation_differs and not comparison.content_differs


def test_the_shipped_demo_raises_several_dimensions(tmp_path: Path) -> None:
    _, earlier, later = both_runs(tmp_path / "data", read_sources(default_content_dir()))
    comparison = compare(report(earlier), report(later))
    raised = [d.id for d in comparison.dimensions if (d.change or 0) >= 10]
    assert len(raised) >= 3, raised
    assert comparison.heat_maps and comparison.audits and comparison.role is not None


def test_the_demo_day_itself_is_unchanged_and_the_earlier_run_repeats(tmp_path: Path, sources) -> None:
    _, earlier, later = both_runs(tmp_path / "one", sources)
    store = Store(tmp_path / "alone", FixedClock())
    alone = store.open(create_demo_workshop(store, sources).id)
    assert later.info().follows == earlier.id  # the demo day is the run made again from its earlier run
    assert dataclasses.replace(later.bundle().info, id="x", follows="") == dataclasses.replace(
        alone.bundle().info, id="x"
    )
    assert (later.answers(), later.room(), later.state()) == (alone.answers(), alone.room(), alone.state())
    _, again, _ = both_runs(tmp_path / "two", sources)
    assert again.answers() == earlier.answers() and again.room() == earlier.room()


def test_a_second_demo_in_the_same_folder_is_told_apart_by_its_name(tmp_path: Path) -> None:
    sources = read_sources(FIXTURE_CONTENT)
    store = Store(tmp_path, FixedClock())
    first = create_demo_runs(store, sources)
    second = create_demo_runs(store, sources)
    third = create_demo_runs(store, sources)
    assert [first.name, second.name, third.name] == [
        "Customer leadership boot camp",
        "Customer leadership boot camp (demo 2)",
        "Customer leadership boot camp (demo 3)",
    ]
    earlier_of_second = store.open(second.follows).info()
    assert earlier_of_second.name == second.name  # each earlier run carries its demo's name: its lineage is clear
    assert len(store.list_workshops()) == 6


def test_both_runs_keep_the_rooms_offset_from_utc_as_a_real_run_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, utc_calendar: None
) -> None:
    """A demo made in New York in December: its day began at UTC-5, the earlier run's in June at UTC-4, as the console
    keeps them with each day's start. Before: neither kept an offset, so their days were dated and timed on the
    calendar of whichever laptop read them, as a workshop from before the offset was kept."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    store = Store(tmp_path / "data", FixedClock(datetime(2026, 12, 8, 20, 0, tzinfo=timezone.utc).timestamp()))
    later = create_demo_runs(store, read_sources(FIXTURE_CONTENT))
    [earlier] = [info for info in store.list_workshops() if info.id != later.id]
    assert store.open(later.id).state().day_utc_offset == -300
    assert store.open(earlier.id).state().day_utc_offset == -240

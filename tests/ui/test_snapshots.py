"""SVG snapshots of home, a teach step and presenter mode at 80×24 and 120×40 (fixture content, fixed clock).

Update after a deliberate change with ``pytest tests/ui/test_snapshots.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable
from ui_helpers import new_workshop, settle, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import StepTimer, WorkshopState
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def two_workshops(store: Store, fixture_program: Program, clock: FixedClock) -> str:
    """A workshop under way (opened in the teach-step snapshots) and one prepared for later."""
    later = new_workshop(store, fixture_program, name="Autumn boot camp", agenda="half")
    store.open(later.id).update_state(lambda state: state)
    running = store.create_workshop(
        name="Spring boot camp",
        organisation="Northwind Insurance",
        date="2026-09-14",
        participants=[("Ana Ortiz", "CEO"), ("Ben Okafor", "Sales"), ("Chloe Martin", "Service"), ("Dev Patel", "")],
        agenda="full",
        anonymous=False,
        sources=fixture_program.sources,
    )
    started = clock.now() - 4 * 60
    store.open(running.id).save_state(
        WorkshopState(
            step_key="basics/welcome",
            timers={"basics/welcome": StepTimer(elapsed=0, running_since=started)},
            day_started_at=started,
        )
    )
    return running.id


@pytest.fixture
def home_is_tmp(tmp_path, monkeypatch) -> None:
    """Home names the data folder: as ``~/data`` here, the same in every run."""
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.mark.parametrize("size", SIZES)
def test_home(size, two_workshops: str, make_app, snap_compare, home_is_tmp) -> None:
    async def ready(pilot) -> None:
        home = await wait_for_screen(pilot, HomeScreen)
        # The list arrives from a worker: wait for its rows, not for a number of turns of the loop.
        table = home.query_one(DataTable)
        # The rows come from a worker and DataTable sizes its columns when idle: wait for both.
        await wait_until(pilot, lambda: table.row_count == 2, "the two workshops listed")
        await wait_until(pilot, lambda: table.columns["name"].width >= len("Spring boot camp"), "column widths")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_empty_home(size, make_app, snap_compare, home_is_tmp, data_dir) -> None:
    data_dir.mkdir()  # empty, not missing (test_home: a missing folder is said to be)
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_teach_step(size, two_workshops: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=two_workshops), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_presenter_mode(size, two_workshops: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=two_workshops), terminal_size=size, run_before=ready)

"""SVG snapshots of the run-again form (``a`` on home) at 80×24 and 120×40: every field, Create and Cancel on
screen (fixture content, fixed clock). Reached as a facilitator meets it, back from a workshop: the workshop
screen's stylesheet is loaded then, and its ``#agenda`` list once drew the form's Agenda as a tall empty box.

Update after a deliberate change with ``pytest tests/ui/test_new_workshop_snapshots.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Button
from ui_helpers import ROOM, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.new_workshop import NewWorkshopScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def spring_run(store: Store, fixture_program: Program) -> str:
    return store.create_workshop(
        name="Spring boot camp",
        organisation="Northwind Insurance",
        date="2026-03-01",
        participants=list(ROOM),
        sources=fixture_program.sources,
    ).id


@pytest.fixture
def home_is_tmp(tmp_path, monkeypatch) -> None:
    """Home names the data folder: as ``~/data`` here, the same in every run."""
    monkeypatch.setenv("HOME", str(tmp_path))


async def run_again_after_a_workshop(pilot) -> NewWorkshopScreen:
    await wait_for_screen(pilot, WorkshopScreen)
    await pilot.press("ctrl+w")
    home = await wait_for_screen(pilot, HomeScreen)
    await wait_until(pilot, lambda: bool(home.rows), "the workshop listed")
    await pilot.press("a")
    form = await wait_for_screen(pilot, NewWorkshopScreen)
    await settle(pilot)
    return form  # type: ignore[return-value]


@pytest.mark.parametrize("size", SIZES)
async def test_the_run_again_form_fits_with_create_and_cancel_on_screen(size, spring_run: str, make_app) -> None:
    app = make_app(open_workshop=spring_run)
    async with app.run_test(size=size) as pilot:
        form = await run_again_after_a_workshop(pilot)
        width, height = size
        agenda = form.query_one("#agenda")
        assert agenda.outer_size.height == 1  # one line of choices, not a tall empty box
        for widget in (*form.query(Button), agenda, form.query_one("#anonymity")):
            region = widget.region  # on screen: inside the terminal and not scrolled away
            assert region.height >= 1 and region.bottom <= height and region.right <= width, widget.id


@pytest.mark.parametrize("size", SIZES)
def test_the_run_again_form(size, spring_run: str, make_app, snap_compare, home_is_tmp) -> None:
    assert snap_compare(make_app(open_workshop=spring_run), terminal_size=size, run_before=run_again_after_a_workshop)


async def a_new_workshop_from_home(pilot) -> NewWorkshopScreen:
    home = await wait_for_screen(pilot, HomeScreen)
    await wait_until(pilot, lambda: pilot.app.content is not None, "the content loaded")
    await pilot.press("n")
    form = await wait_for_screen(pilot, NewWorkshopScreen)
    await settle(pilot)
    assert home is not None
    return form  # type: ignore[return-value]


@pytest.mark.parametrize("size", SIZES)
def test_the_new_workshop_form(size, make_app, snap_compare, home_is_tmp) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=a_new_workshop_from_home)

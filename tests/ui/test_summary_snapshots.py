"""SVG snapshots of the summary's pages on the demo room (fixed seed, fixed clock) at 80×24 and 120×40.

The demo is stored under a fixed id: the coverage page names it.
Update after a deliberate change with ``pytest tests/ui/test_summary_snapshots.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

import dataclasses

import pytest
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program, load_dir
from bootcamp.demo import create_demo_workshop
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.summary import SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.theme import CONSOLE_LIGHT_THEME

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
PAGES = ["overview", "next-steps", "aptitudes", "competencies", "role", "actions", "coverage"]  # notes: test_notes_snapshots
DAY = 24 * 60 * 60


@pytest.fixture
def demo_id(store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    import bootcamp.store.store as store_module

    monkeypatch.setattr(store_module, "new_workshop_id", lambda: "demo0001")  # the coverage page shows it
    return create_demo_workshop(store, load_dir(SHIPPED_CONTENT).sources).id


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_summary_page(page: str, size, demo_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        screen.action_page(page)
        await settle(pilot)

    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo_id)
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_summary_on_the_projector(demo_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("p")
        await settle(pilot)

    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo_id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_summary_in_the_light_theme(demo_id: str, make_app, snap_compare) -> None:
    """The Overview in bootcamp-light, as a facilitator in a bright room sees it: the levels' names, the bars and
    their digits drawn dark on the light page (tests/ui/test_themes.py holds their contrast)."""

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        pilot.app.theme = CONSOLE_LIGHT_THEME
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        screen.action_page("overview")
        await settle(pilot)

    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo_id)
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


async def actions_page_from_home(pilot) -> None:
    """Home's s opens the highlighted workshop's saved summary: its Actions page."""
    await wait_for_screen(pilot, HomeScreen)
    await settle(pilot)
    await pilot.press("s")
    screen = await wait_for_screen(pilot, SummaryScreen)
    screen.action_page("actions")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_saved_summary_weeks_later_shows_overdue_actions(
    size, demo_id: str, make_app, clock: FixedClock, snap_compare
) -> None:
    clock.advance(30 * DAY)

    app = make_app(content_dir=SHIPPED_CONTENT)
    assert snap_compare(app, terminal_size=size, run_before=actions_page_from_home)


DATED_ACTIONS = (
    Action("a1", "Name the accountable leader", "Ana Ortiz", "2026-10-15", ActionStatus.DONE, status_at="2026-10-12"),
    Action("a2", "Draft a shared churn metric", "Ben Okafor", "2026-10-28", ActionStatus.DONE, status_at="2026-11-18"),
    Action("a3", "Book the CEO for the kick-off", "Chloe Martin", "2026-10-01", ActionStatus.DROPPED,
           status_at="2026-11-02"),
    Action("a4", "Send the scorecard to the board", "Ana Ortiz", "2026-11-01"),
)


def test_actions_page_weeks_later_with_dated_actions(
    store: Store, fixture_program: Program, make_app, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, snap_compare
) -> None:
    """The CCO back on 2026-11-30, having marked the actions in the actions view: one done on time, one done three
    weeks late, one dropped, one still open past its due date, as the room would read them on the projector."""
    import bootcamp.store.store as store_module

    monkeypatch.setattr(store_module, "new_workshop_id", lambda: "dated001")
    workshop = new_workshop(store, fixture_program).id
    store.open(workshop).update_room(lambda room: dataclasses.replace(room, actions=DATED_ACTIONS))
    clock.advance(70 * DAY)  # 2026-11-30

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=actions_page_from_home)

"""SVG snapshots of the room's records: the Poker step and the roster on the console at 120×40,
and what the room sees of the Poker deal and the action list at 80×24.

Update after a deliberate change with ``pytest tests/ui/test_room_snapshots.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

import pytest
from room_helpers import ACTIONS, POKER
from ui_helpers import new_workshop, settle, wait_for_screen

from bootcamp.clock import FixedClock, iso
from bootcamp.content import Program
from bootcamp.store import Store, roster
from bootcamp.store.model import Action, ActionStatus, PokerCard, RoomRecords, StepTimer, WorkshopState
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.roster import RosterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen


def seeded(store: Store, program: Program, clock: FixedClock, step_key: str) -> str:
    """A room mid-way through Aptitude Poker: dealt, a card under discussion for 75 seconds, notes and actions."""
    info = new_workshop(store, program)
    files = store.open(info.id)
    joined_at = iso(clock.now())
    late = files.update_info(
        lambda info: roster.add_participant(info, "Dev Patel", "Finance", joined_at=joined_at).info
    ).participants[-1]
    chloe = info.participants[2]
    files.update_info(lambda info: roster.remove_participant(info, chloe.id).info)
    ana, ben = info.participants[0], info.participants[1]
    files.update_room(
        lambda room: RoomRecords(
            poker=(
                PokerCard("persist", ana.id, {"today": "We chase renewals once a year, then go quiet."}),
                PokerCard("give-power-away", ben.id),
            ),
            actions=(
                Action("a-1", "Share churn reasons monthly", "Ana Ortiz", "2026-10-30", source="poker:persist"),
                Action("a-2", "Name one owner per key account", "Dev Patel", "2026-11-15", ActionStatus.DOING, ACTIONS),
                Action("a-3", "Publish the customer scorecard", "Ben Okafor", "2026-12-01", ActionStatus.DONE, ACTIONS),
                Action("a-4", "Drop the quarterly banner campaign", "", "", ActionStatus.DROPPED, ACTIONS),
            ),
        )
    )
    files.save_state(
        WorkshopState(
            step_key=step_key,
            poker_card="persist",
            card_timers={"persist": StepTimer(elapsed=0, running_since=clock.now() - 75)},
        )
    )
    assert late.number == 4
    return info.id


def test_poker_step_on_the_console(
    store: Store, fixture_program: Program, clock: FixedClock, make_app, snap_compare
) -> None:
    workshop_id = seeded(store, fixture_program, clock, POKER)

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=(120, 40), run_before=ready)


def test_roster(store: Store, fixture_program: Program, clock: FixedClock, make_app, snap_compare) -> None:
    workshop_id = seeded(store, fixture_program, clock, "basics/break")

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        live = pilot.app.workshop.records
        ana = live.info.present[0]  # what the room answered before the late arrival: what they missed
        live.set_answer(ana.id, "basics/rate-aptitudes", "strong", item="persist", perspective="self")
        live.set_answer(ana.id, "basics/mandate", "yes")
        live.set_answer(ana.id, "basics/role", "yes", item="reports-to-ceo")
        await pilot.press("f2")
        await wait_for_screen(pilot, RosterScreen)
        await pilot.press("down", "down")  # the late arrival, and what they missed
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=(120, 40), run_before=ready)


@pytest.mark.parametrize("step_key", [pytest.param(POKER, id="poker"), pytest.param(ACTIONS, id="actions")])
def test_presenter_view(
    step_key: str, store: Store, fixture_program: Program, clock: FixedClock, make_app, snap_compare
) -> None:
    workshop_id = seeded(store, fixture_program, clock, step_key)

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=(80, 24), run_before=ready)


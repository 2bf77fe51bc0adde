"""A console walked all day does not grow: what a screen or a step showed goes when it is closed or left.

Counted, never timed: live objects after the same thing is done many times. A soak of the full day's agenda
(there and back, with the summary, presenter mode, people, help and dialogs on the way) kept every presenter mode
and people screen ever opened, and a role line field per visit of the role check, each with its caches.
"""

from __future__ import annotations

import gc

import pytest
from room_helpers import console_at, open_console
from ui_helpers import new_workshop, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.roster import RosterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.answers.role_lines import RoleLineInput

ROUNDS = 8
ROLE, TALK = "basics/role", "basics/talk"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def alive(kind: type) -> int:
    gc.collect()
    return sum(isinstance(thing, kind) for thing in gc.get_objects())


@pytest.mark.parametrize(
    ("key", "screen", "close"),
    [
        pytest.param("f5", PresenterScreen, "f5", id="presenter mode"),
        pytest.param("f2", RosterScreen, "escape", id="people"),
    ],
)
async def test_a_screen_opened_and_closed_all_day_is_let_go(workshop_id: str, make_app, key, screen, close) -> None:
    """Presenter mode (F5) and people (F2) watched the app's joining, which Textual keeps until joining next
    changes (textual#6666): a day that never switched phones on or off kept every one ever opened."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        for round_ in range(ROUNDS):
            await pilot.press(key)
            await wait_for_screen(pilot, screen)
            await pilot.press(close)
            await wait_for_screen(pilot, WorkshopScreen)
            # The room moves on: a change (which lets go of the watches on the app's live change, as every change does).
            await console.jump_to(TALK if round_ % 2 else ROLE)
            await settle(pilot)
        assert alive(screen) <= 1  # the last one may linger in the last frame's maps; not all eight


async def test_the_role_check_visited_again_and_again_lets_its_line_fields_go(workshop_id: str, make_app) -> None:
    """The role check's line field (an Input) stayed subscribed to the console's text selection signal, which
    holds it: every visit of the role check kept one."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, ROLE)
        assert alive(RoleLineInput) >= 1
        for _ in range(ROUNDS):
            await console.jump_to(TALK)
            await settle(pilot)
            await console.jump_to(ROLE)
            await settle(pilot)
        await console.jump_to(TALK)
        await settle(pilot)
        assert alive(RoleLineInput) <= 1


async def test_a_workshop_opened_from_home_and_left_again_and_again_is_let_go(workshop_id: str, make_app) -> None:
    """Textual's Header watches the app's title, which never changes here, and keeps the watch until it changes
    (textual#6666): every console opened from home and left stayed alive with its whole screen (16 of 16)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(ROUNDS):
            await pilot.press("enter")
            await wait_for_screen(pilot, WorkshopScreen)
            await pilot.press("ctrl+w")
            await settle(pilot)
            if isinstance(pilot.app.screen, WorkshopScreen):
                await pilot.press("y")
            await settle(pilot)
        assert alive(WorkshopScreen) <= 1

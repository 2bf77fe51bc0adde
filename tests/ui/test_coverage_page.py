"""The summary's Coverage and Role pages say how far the room got: a workshop never started says so, steps gone
past with a jump are "jumped past" (never "Nothing was skipped"), and a role check nobody answered says so."""

from __future__ import annotations

import pytest
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.flow import Flow
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.summary import SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

ROLE_CHECK, ACTIONS = "basics/role", "basics/next"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def summary_page(pilot, app: BootcampApp, key: str) -> str:
    await pilot.press("f4")
    await wait_for_screen(pilot, SummaryScreen)
    await pilot.press(key)
    await settle(pilot)
    return screen_text(app)


async def test_a_workshop_never_started_says_so_on_coverage(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        text = await summary_page(pilot, app, "7")
        assert "This workshop was never started: none of its 8 steps was reached." in text
        assert "Nothing was skipped" not in text and "asked, but no scored answer" not in text


async def test_steps_jumped_past_are_listed_and_nothing_is_said_to_be_complete(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        live.move(Flow.next)
        live.move(lambda flow: flow.jump(ACTIONS))  # `g` to the last step: five steps jumped over
        text = await summary_page(pilot, app, "7")
        assert "Nothing was skipped" not in text
        assert "5 steps jumped past" in text
        assert "Of 8 steps: 1 asked, no scored answer, 2 shown, 5 jumped past." in text
        assert "Not measured: Mandate (jumped past)" in text


async def test_a_role_check_nobody_answered_says_none_was_answered(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        live.move(lambda flow: flow.jump(ROLE_CHECK))
        live.move(Flow.next)
        text = await summary_page(pilot, app, "5")
        assert "No structure question scored low" not in text
        assert "None of the structure questions has a scored answer" in text


async def test_who_answered_counts_who_left_after_answering(workshop_id: str, make_app) -> None:
    # The cover said 2 participants while the mandate question counted 3 answers: Chloe left after answering.
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        for person, value in zip(live.info.participants, ("yes", "no", "yes"), strict=True):
            live.records.set_answer(person.id, "basics/mandate", value)
        live.records.remove_participant(live.info.participants[2].id)
        text = await summary_page(pilot, app, "7")
        assert "Who answered  3 participants (1 left during the day)" in text

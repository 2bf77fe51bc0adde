"""Where the cursor stands when the answers take the focus: on whoever the room has not heard yet.

Before the reveal an answer shows only as ●, so a key pressed on an answered row overwrites it unseen.
Arriving at the answers (``a`` or Tab, after coming to the step) puts the cursor on the first row, or
cell, still unanswered, and so does every ``a``; once there, the facilitator moves it where they like and it stays.
"""

from __future__ import annotations

import pytest
from room_helpers import at_step
from test_answering import MANDATE, RATE, ROLE, console_at
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import Answer, RoleLine, RoomRecords
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid
from bootcamp.ui.widgets.answers.question_table import QuestionTable
from bootcamp.ui.widgets.answers.role_lines import RoleLinesTable


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def values(app: BootcampApp, step_key: str, item: str = "", perspective: str = "") -> list[str | None]:
    live = app.workshop.records
    answers = [live.answer(p.id, step_key, item, perspective) for p in app.workshop.info.present]
    return [answer.value if answer else None for answer in answers]


async def test_coming_back_to_a_question_the_next_key_answers_who_has_not(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("a", "p", "p", "escape", "left")
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        await pilot.press("a", "d")
        assert values(app, MANDATE) == ["partly", "partly", "dont-know"]


async def test_a_reopened_workshop_goes_on_with_who_has_not_answered(workshop_id: str, make_app, store: Store) -> None:
    files = store.open(workshop_id)
    ana, ben, _ = files.info().participants
    for person in (ana, ben):
        files.save_answer(Answer(person.id, MANDATE, value="no"))
    at_step(store, workshop_id, MANDATE)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        await pilot.press("a", "y")
        assert values(app, MANDATE) == ["no", "no", "yes"]


async def test_with_everyone_answered_the_cursor_starts_on_the_first_row(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        await pilot.press("a", "y", "y", "y", "escape", "left")
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        await pilot.press("a")
        assert console.query_one(QuestionTable).cursor_row == 0


async def test_once_there_the_cursor_stays_where_the_facilitator_put_it_and_a_goes_on(
    workshop_id: str, make_app
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("a", "p", "p", "up", "up", "n")  # back up to Ana to change her answer
        assert values(app, MANDATE) == ["no", "partly", None]
        await pilot.press("escape", "a", "y")  # a: on whoever has not answered, however the cursor was left
        assert values(app, MANDATE) == ["no", "partly", "yes"]


async def test_coming_back_to_the_ratings_the_next_key_fills_the_first_empty_cell(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, RATE)
        first, second = (item.id for item in app.workshop.program.item_list("aptitudes").items)
        await pilot.press("a", "s", "escape", "left")
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        await pilot.press("a", "w")
        assert values(app, RATE, first, "self")[0] == "strong"
        assert values(app, RATE, second, "self")[0] == "weak"


async def test_the_role_lines_take_the_focus_on_the_first_line_not_decided(
    workshop_id: str, make_app, store: Store
) -> None:
    lines = (RoleLine("l1", "Own the NPS survey", "tactical"), RoleLine("l2", "Set the customer strategy"))
    files = store.open(workshop_id)
    files.update_room(lambda room: RoomRecords(role_lines=lines))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, ROLE)
        await pilot.press("a", "tab")  # the field where lines are typed, then the lines
        assert app.focused is console.query_one(RoleLinesTable)
        await pilot.press("s")
        assert [line.decision for line in app.workshop.records.room.role_lines] == ["tactical", "strategic"]
        await pilot.press("tab")
        assert app.focused is console.query_one(AnswerGrid)


# -- a: always on the first unanswered place; undo puts the cursor on what it cleared ----------------------------


async def test_a_goes_back_to_the_first_empty_cell_after_the_cursor_was_moved_away(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        grid = console.query_one(AnswerGrid)
        await pilot.press("a", "s", "s", "s", "right", "right", "escape", "a")  # Ana's team column half done
        assert grid.cursor_coordinate == (1, 2)  # Ana, team, the second aptitude: the first cell still empty


async def test_undo_of_a_rating_puts_the_cursor_on_the_cell_it_cleared(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        first, second = (item.id for item in app.workshop.program.item_list("aptitudes").items)
        grid = console.query_one(AnswerGrid)
        await pilot.press("a", "w", "w", "w")  # Ana's self column, then the first of her team column
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert grid.cursor_coordinate == (0, 2)  # back on Ana's team rating just taken back, not below it
        await pilot.press("m", "m")
        assert values(app, RATE, first, "team")[0] == "mixed" and values(app, RATE, second, "team")[0] == "mixed"


async def test_the_count_of_who_has_rated_counts_only_whoever_rated_every_cell(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, RATE)
        await pilot.press("a", "s", "s", "s")  # Ana: three of her four cells
        await settle(pilot)
        assert "0 of 3 rated" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert "1 of 3 rated" in screen_text(app)

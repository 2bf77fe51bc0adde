"""The hint under the answers names the keys that work where the focus is, and says when the cursor moved on by
itself after an answer; keys pressed together after such a move land right."""

from __future__ import annotations

import pytest
from test_answering import MANDATE, RATE, ROLE, console_at
from textual import events
from ui_helpers import new_workshop, settle, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid
from bootcamp.ui.widgets.answers.moved_on import KeysHint
from bootcamp.ui.widgets.answers.question_table import QuestionTable
from bootcamp.ui.widgets.answers.role_lines import RoleLinesTable

LINES = (
    "Carry a personal quarterly new-business quota",
    "Lead the customer journey redesign",
    "Carry a personal quota for renewals",
)


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def burst(app: BootcampApp, *keys: str) -> None:
    """Keys posted all at once, as a terminal delivers keys pressed together (Pilot's press waits between keys)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def role_table_with_lines(pilot) -> RoleLinesTable:
    console = await console_at(pilot, ROLE)
    await pilot.press("a")
    for line in LINES:
        await pilot.press(*line, "enter")
    table = console.query_one(RoleLinesTable)
    await wait_until(pilot, lambda: table.row_count == len(LINES), "the role lines")
    table.focus()
    await pilot.press("home")
    return table


def hint(view) -> str:  # noqa: ANN001 - a step view
    return str(view.query_one(KeysHint).render())


async def test_the_answer_keys_are_named_only_while_the_focus_is_in_the_answers(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        view = console.query_one(QuestionTable).parent.parent
        assert hint(view) == "a goes to the answers (Esc comes back)"  # y, n … do nothing here
        await pilot.press("a")
        assert hint(view).startswith("a key answers for the person at the cursor")
        await pilot.press("c")  # the comment field: letters type
        assert hint(view) == "Enter or Esc goes back to the answers"
        await pilot.press("escape", "escape")
        assert hint(view) == "a goes to the answers (Esc comes back)"


async def test_the_role_hint_says_the_cursor_moved_on_to_the_next_line(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await role_table_with_lines(pilot)
        view = table.parent.parent
        assert "moved on" not in hint(view)
        await pilot.press("t")
        await settle(pilot)
        assert table.cursor_row == 1 and "↪ moved on to line 2" in hint(view)
        await pilot.press("up")  # moved by hand: no longer said
        assert "moved on" not in hint(view)


async def test_the_rating_hint_says_a_full_column_moved_on_to_the_next_person(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        await pilot.press("a", "s")
        view = console.query_one(AnswerGrid).parent.parent
        assert "moved on" not in hint(view)  # down the column, as the hint says
        await pilot.press("w")  # the fixture's two aptitudes: Ana's self column is full
        await settle(pilot)
        assert "↪ column full: moved on to Ana Ortiz (team)" in hint(view)
        await pilot.press("left")
        assert "moved on" not in hint(view)


async def test_an_undo_takes_back_what_the_hint_said_about_moving_on(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        await pilot.press("a", "s", "w")  # Ana's self column full: moved on to her team column
        await settle(pilot)
        view = console.query_one(AnswerGrid).parent.parent
        assert "↪ column full: moved on to Ana Ortiz (team)" in hint(view)
        await pilot.press("ctrl+z")  # the answer that filled the column is taken back
        await settle(pilot)
        assert "moved on" not in hint(view) and hint(view).startswith("a key rates")


async def test_down_and_k_pressed_together_decide_the_line_below(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await role_table_with_lines(pilot)
        assert [table.suggestion(text).leaning.value for text in LINES] == ["tactical", "strategic", "tactical"]
        # The first line takes its suggestion and the cursor moves on to the second by itself; Down goes past
        # it to the third, which k decides.
        burst(app, "k", "down", "k")
        await settle(pilot)
        assert [line.decision for line in app.workshop.records.room.role_lines] == ["tactical", "", "tactical"]
        assert table.cursor_row == 2  # the last line: nowhere to move on to

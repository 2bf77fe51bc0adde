"""Answers that arrive from phones while the facilitator types: the console never replaces one unseen.

Before the reveal every answer shows as ●, so a key pressed on a phone's answer replaced it with nothing to
show for it. A phone's answer landing where the cursor stands moves the cursor on, as a key does; a key on a
phone's answer stores nothing and says so in one sentence, and Enter then replaces it on purpose (a paper
answer corrected). Enter and not the same key again: a burst of one key (``33333``) must not replace it.
"""

from __future__ import annotations

import asyncio

import pytest
from test_answering import MANDATE, RATE, console_at
from test_moving_on import burst
from ui_helpers import new_workshop, settle

from bootcamp.content import Program
from bootcamp.live.actors import phone
from bootcamp.live.requests import GiveAnswer
from bootcamp.store import Store
from bootcamp.ui.app import PHONE_REDRAW_SECONDS, BootcampApp
from bootcamp.ui.widgets.answers import answer_grid
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid
from bootcamp.ui.widgets.answers.moved_on import KeysHint
from bootcamp.ui.widgets.answers.question_table import QuestionTable


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def from_phone(pilot, name: str, step_key: str, picks: list[tuple[str, str, str]]) -> None:
    """``name`` answers from their phone (``(item, perspective, value)`` each), and the console draws it."""
    app: BootcampApp = pilot.app
    person = next(p for p in app.workshop.info.present if p.name == name)
    for item, perspective, value in picks:
        app.workshop.apply(GiveAnswer(person.id, step_key, value, item, perspective), by=phone(person.id, name))
    await asyncio.sleep(2 * PHONE_REDRAW_SECONDS)  # phones' changes are drawn a few times a second
    assert await app.flush(30)  # their saves' results come back as changes of their own, drawn the same way
    for _ in range(600):  # until no redraw is held (a loaded box fires the redraw's timer late)
        if app._redraw_timer is None:
            break
        await pilot.pause(0.05)
    await settle(pilot)


def value(app: BootcampApp, name: str, step_key: str, item: str = "", perspective: str = "") -> str | None:
    person = next(p for p in app.workshop.info.present if p.name == name)
    answer = app.workshop.records.answer(person.id, step_key, item, perspective)
    return answer.value if answer else None


def notified(app: BootcampApp) -> list[str]:
    return [notice.message for notice in app._notifications]


async def test_a_column_filled_from_a_phone_under_the_cursor_moves_the_cursor_on(
    workshop_id: str, make_app, monkeypatch
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        first, second = (item.id for item in app.workshop.program.item_list("aptitudes").items)
        grid = console.query_one(AnswerGrid)
        await pilot.press("a", "s", "s")  # Ana's self column: moved on to her team column
        assert grid.cursor_coordinate == (0, 2)
        # Her phone takes her seat and answers at once: the headers get its mark in the same redraw.
        ana = app.workshop.info.present[0].id
        monkeypatch.setattr(answer_grid, "phones_of", lambda node: frozenset({ana}))
        await from_phone(pilot, "Ana Ortiz", RATE, [(first, "team", "weak"), (second, "team", "weak")])
        assert grid.cursor_coordinate == (0, 3)  # on to Ben's self column
        assert "Ana Ortiz answered from a phone" in str(console.query_one(KeysHint).render())
        await pilot.press("m")
        assert value(app, "Ana Ortiz", RATE, first, "team") == "weak"  # hers, as her phone gave it
        assert value(app, "Ben Okafor", RATE, first, "self") == "mixed"


async def test_a_key_on_a_phone_answer_stores_nothing_and_says_enter_replaces_it(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        first, _ = (item.id for item in app.workshop.program.item_list("aptitudes").items)
        grid = console.query_one(AnswerGrid)
        await pilot.press("a")
        await from_phone(pilot, "Ana Ortiz", RATE, [(first, "self", "strong")])
        assert grid.cursor_coordinate == (1, 1)  # moved on from the cell her phone filled
        await pilot.press("up")
        burst(app, "w", "w", "w", "w")  # the facilitator's burst meant for someone else
        await settle(pilot)
        assert value(app, "Ana Ortiz", RATE, first, "self") == "strong"  # not replaced, by any of the four
        assert grid.cursor_coordinate == (0, 1)
        sentence = "Ana Ortiz answered this from a phone: Enter replaces it with Weakness."
        assert notified(app).count(sentence) == 1  # said once, not once a key
        await pilot.press("m")  # another key: said again, with what Enter now stores
        assert notified(app)[-1] == "Ana Ortiz answered this from a phone: Enter replaces it with Mixed."
        await pilot.press("enter")  # on purpose: a paper answer corrected
        assert value(app, "Ana Ortiz", RATE, first, "self") == "mixed"
        assert grid.cursor_coordinate == (1, 1)


async def test_an_answer_from_a_phone_on_the_row_under_the_cursor_moves_it_on_and_is_kept(
    workshop_id: str, make_app
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        table = console.query_one(QuestionTable)
        await pilot.press("a", "y")  # Ana; the cursor on Ben
        await from_phone(pilot, "Ben Okafor", MANDATE, [("", "", "no")])
        assert table.cursor_row == 2  # on to Chloe
        await pilot.press("up", "p")
        assert value(app, "Ben Okafor", MANDATE) == "no"
        assert notified(app)[-1] == "Ben Okafor answered this from a phone: Enter replaces it with Partly."
        await pilot.press("down", "enter")  # Enter elsewhere replaces nothing
        assert value(app, "Ben Okafor", MANDATE) == "no" and value(app, "Chloe Martin", MANDATE) is None

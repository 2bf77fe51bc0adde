"""Walk every step of every agenda, forward and back, on the shipped content and on the fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import FIXTURE_CONTENT, SHIPPED_CONTENT, new_workshop, press_many, wait_for_screen

from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.walk import WalkScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.slide import BODY_COLUMNS, BODY_ROWS
from bootcamp.ui.widgets.steps import StepView

CONTENTS = {"fixture": FIXTURE_CONTENT, "shipped": SHIPPED_CONTENT}


def agendas(content_dir: Path) -> list[str]:
    return [agenda.id for agenda in load_dir(content_dir).agendas]


def recorder(moves: list[str]):
    """A message hook that keeps the step key of every move a walk screen shows."""

    seen: dict[int, WalkScreen.Moved] = {}  # holding each message keeps its id from being reused

    def hook(message) -> None:
        # A message is seen again at each node it bubbles to: count it once.
        if isinstance(message, WalkScreen.Moved) and id(message) not in seen:
            seen[id(message)] = message
            moves.append(message.step_key)

    return hook


@pytest.mark.parametrize(
    ("content", "agenda"),
    [(name, agenda) for name, folder in CONTENTS.items() for agenda in agendas(folder)],
)
async def test_walk_every_step_forward_and_back(content: str, agenda: str, store: Store, make_app) -> None:
    """Forward on the console; back on the console (half day) or in presenter mode at 80×24 (full day),
    where every slide must show whole: content authors write bodies for 76×16."""
    program = load_dir(CONTENTS[content])
    info = new_workshop(store, program, agenda=agenda)
    expected = [step.key for step in program.steps(agenda)]
    moves: list[str] = []
    app = make_app(content_dir=CONTENTS[content], open_workshop=info.id)

    async with app.run_test(size=(120, 40), message_hook=recorder(moves)) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        assert screen.flow.current.key == expected[0]
        # The first steps key by key (waiting for idle each time), the rest as fast as keys are taken.
        await pilot.press("right", "pagedown")
        assert screen.flow.current.key == expected[2]
        assert await press_many(pilot, "right", len(expected) - 3, moves) == expected[3:]
        assert screen.query_one(StepView).step.key == expected[-1]
        assert screen.flow.counter == f"step {len(expected)} of {len(expected)}"
        if agenda != "full":
            assert await press_many(pilot, "left", len(expected) - 1, moves) == expected[-2::-1]
            assert screen.query_one(StepView).step.key == expected[0]
        else:
            await pilot.resize_terminal(80, 24)
            await pilot.press("f5")
            presenter = await wait_for_screen(pilot, PresenterScreen)
            slide = presenter.query_one("#slide-body").content_region
            assert (slide.width, slide.height) >= (BODY_COLUMNS, BODY_ROWS)
            too_big: list[str] = []
            for number in range(len(expected) - 1, -1, -1):
                if number < len(expected) - 1:
                    assert await press_many(pilot, "pageup", 1, moves) == [expected[number]]
                await pilot.pause()
                view = presenter.query_one(StepView)
                assert view.step.key == expected[number]
                if view.outer_size.height > slide.height:
                    too_big.append(f"{view.step.key}: {view.outer_size.height} rows")
            assert not too_big, f"slides taller than the presenter box: {too_big}"
    # every step but the last was marked done on the way forward, and that is on disk
    assert set(store.open(info.id).state().done) == set(expected[:-1])

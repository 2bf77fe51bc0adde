"""Key presses timed in their own process; the parent collects them (see :mod:`tests.benchmarks.keypress`).

    python -m tests.benchmarks.keypress_driver switching PRESSES
    python -m tests.benchmarks.keypress_driver app DATA_DIR CONTENT_DIR WORKSHOP_ID PRESSES
    python -m tests.benchmarks.keypress_driver console DATA_DIR CONTENT_DIR WORKSHOP_ID PRESSES
    python -m tests.benchmarks.keypress_driver typing PRESSES
    python -m tests.benchmarks.keypress_driver answering DATA_DIR CONTENT_DIR WORKSHOP_ID PRESSES
    python -m tests.benchmarks.keypress_driver answering-floor DATA_DIR CONTENT_DIR WORKSHOP_ID PRESSES

Each press of the right arrow is timed from posting the key to the first frame that
shows its result: for the floor, the new screen; for bootcamp, the console after it
announced the next step (``WalkScreen.Moved``). The ``console`` floor is bootcamp's own console with
one thing changed: the step's view is one ``Static`` that stays mounted and only changes its text
(the step's title and body as plain text), so the agenda, the timer, the notes, the footer and the
status bar cost what they cost in the app (see :mod:`tests.benchmarks.floor_apps`). Between presses the app settles (its
save is on disk, it is idle), so one press never overlaps the next. Prints the seconds
of each press as one JSON list.

The answering modes time a letter key instead: for the bare floor, until its one ``Static`` shows the
letter; for the console floor, until the question's view (one ``Static`` taking the same keys through the
same live workshop) shows the answer; for bootcamp, a question whose results are revealed, until the answers table shows the
answer just given in the row of the person at the cursor (the answer then goes through the live
workshop, its writer and its change notification, as at the facilitator's keyboard).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.message import Message
from textual.pilot import Pilot
from textual.screen import Screen

from tests.benchmarks.frames import FrameWatch

SIZE = (120, 40)


async def timed_press(app: App, watch: FrameWatch, shows_it, key: str = "right") -> float:
    watch.expect(shows_it)
    pressed = time.perf_counter()
    app.simulate_key(key)
    return await watch.shown() - pressed


Press = Callable[[int], tuple[str, Callable[[Screen], bool]]]  # press number → key, and the frame that shows it


async def floor_presses(app: App, presses: int, press: Press) -> list[float]:
    """A floor app's presses: ``press(number)`` gives the key and what the frame that shows it looks like."""
    times = []
    async with app.run_test(size=SIZE) as pilot:
        watch = FrameWatch(app)
        await pilot.pause()
        for number in range(presses):
            key, shows_it = press(number)
            times.append(await timed_press(app, watch, shows_it, key))
            await pilot.pause()
    return times


async def switching(presses: int) -> list[float]:
    from tests.benchmarks.floor_apps import NumberedScreen, SwitchingApp

    def press(number: int) -> tuple[str, Callable[[Screen], bool]]:
        return "right", lambda screen: isinstance(screen, NumberedScreen) and screen.number == number + 1

    return await floor_presses(SwitchingApp(), presses, press)


async def typing(presses: int) -> list[float]:
    from tests.benchmarks.floor_apps import TypingApp

    app = TypingApp()

    def press(number: int) -> tuple[str, Callable[[Screen], bool]]:
        letter = "yn"[number % 2]
        return letter, lambda _screen: app.shown == letter

    return await floor_presses(app, presses, press)


def answer_in(cell) -> str:  # noqa: ANN001 - a Rich Text, imported only in the driver's process
    """The answer a cell shows, without the save mark that follows it ("Partly ✓", "Partly …")."""
    text = cell.plain.strip()
    head, _, mark = text.rpartition(" ")
    return head if mark in ("✓", "…", "!") else text


async def answering(data_dir: str, content_dir: str, workshop_id: str, presses: int) -> list[float]:
    """The question step's answers table: each press changes the answer of the person at the cursor."""
    from bootcamp.ui.screens.workshop import WorkshopScreen
    from bootcamp.ui.widgets.answers.question_table import QuestionTable

    app = console_app(data_dir, content_dir, workshop_id)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        watch = FrameWatch(app)
        console = await _console(pilot, WorkshopScreen)
        await pilot.press("a")  # the answers focused (the step is stored revealed: an answer's label is in its cell)
        await _settle(app, pilot)
        table = console.query_one(QuestionTable)
        scale = table.scale
        for _ in range(presses):
            seat = table.participant
            assert seat is not None
            shown = answer_in(table.get_cell(seat.id, "answer"))
            option = next(o for o in scale.options if o.label != shown)  # a change, so a frame will show it

            def shows_answer(screen: Screen, seat_id: str = seat.id, label: str = option.label) -> bool:
                return screen is console and answer_in(table.get_cell(seat_id, "answer")) == label

            times.append(await timed_press(app, watch, shows_answer, option.key))
            await _settle(app, pilot)
            if table.cursor_row == table.row_count - 1:
                table.move_cursor(row=0)  # round the room again: every press changes an answer
    return times


async def answering_floor(data_dir: str, content_dir: str, workshop_id: str, presses: int) -> list[float]:
    """The console floor of an answer key: the question's view is one ``Static`` that takes the same keys
    (:func:`tests.benchmarks.floor_apps.answer_through_one_static`); each press changes someone's answer."""
    from bootcamp.ui.screens.workshop import WorkshopScreen

    app = console_app(data_dir, content_dir, workshop_id)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        watch = FrameWatch(app)
        console = await _console(pilot, WorkshopScreen)
        floor = next(iter(console.query(".floor-step")))
        floor.focus()  # the answers focused, as the console's `a` does
        await _settle(app, pilot)
        for _ in range(presses):
            seat = floor.seats[floor.cursor]
            option = next(o for o in floor.scale.options if o.label != floor.shown[seat])  # a change: a frame shows it

            def shows_answer(screen: Screen, seat: str = seat, label: str = option.label) -> bool:
                return screen is console and floor.shown[seat] == label

            times.append(await timed_press(app, watch, shows_answer, option.key))
            await _settle(app, pilot)
    return times


async def bootcamp(data_dir: str, content_dir: str, workshop_id: str, presses: int) -> list[float]:
    from bootcamp.ui.screens.walk import WalkScreen
    from bootcamp.ui.screens.workshop import WorkshopScreen

    moved_to: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, WalkScreen.Moved):
            moved_to.append(message.step_key)

    app = console_app(data_dir, content_dir, workshop_id)
    times = []
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        watch = FrameWatch(app)
        console = await _console(pilot, WorkshopScreen)
        steps = [step.key for step in console.flow.steps]
        start = steps.index(console.flow.current.key)
        for next_key in steps[start + 1 : start + 1 + presses]:

            def shows_next(screen: Screen, next_key: str = next_key) -> bool:
                return screen is console and bool(moved_to) and moved_to[-1] == next_key

            times.append(await timed_press(app, watch, shows_next))
            await _settle(app, pilot)
    return times


def console_app(data_dir: str, content_dir: str, workshop_id: str) -> App:
    """The app as the CLI makes it, opening the workshop on start, on the real clock."""
    from bootcamp.clock import SystemClock
    from bootcamp.ui.app import create_app

    return create_app(
        data_dir=Path(data_dir), content_dir=Path(content_dir), clock=SystemClock(), open_workshop=workshop_id
    )


CONSOLE_SHOWN_WITHIN_SECONDS = 60.0  # a bound only an app that never shows it reaches, on any loaded box


async def _console(pilot: Pilot, kind: type[Screen]) -> Screen:
    # By the clock, not by a count of pauses: a pause is as short as the app is idle, so a count bounds nothing.
    deadline = time.monotonic() + CONSOLE_SHOWN_WITHIN_SECONDS
    while time.monotonic() < deadline:
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted:
            await _settle(pilot.app, pilot)
            return pilot.app.screen
        await pilot.pause(0.01)
    raise RuntimeError(f"the app never showed {kind.__name__}")


async def _settle(app: App, pilot: Pilot) -> None:
    await app.flush()  # type: ignore[attr-defined]  # the step's save is on disk before the next press
    await pilot.pause()


def main(argv: list[str]) -> int:
    if argv[0] == "console":
        from tests.benchmarks.floor_apps import show_steps_as_one_static

        show_steps_as_one_static()
    if argv[0] == "switching":
        times = asyncio.run(switching(int(argv[1])))
    elif argv[0] == "typing":
        times = asyncio.run(typing(int(argv[1])))
    elif argv[0] == "answering":
        data_dir, content_dir, workshop_id, presses = argv[1:]
        times = asyncio.run(answering(data_dir, content_dir, workshop_id, int(presses)))
    elif argv[0] == "answering-floor":
        from tests.benchmarks.floor_apps import answer_through_one_static

        answer_through_one_static()
        data_dir, content_dir, workshop_id, presses = argv[1:]
        times = asyncio.run(answering_floor(data_dir, content_dir, workshop_id, int(presses)))
    else:
        data_dir, content_dir, workshop_id, presses = argv[1:]
        times = asyncio.run(bootcamp(data_dir, content_dir, workshop_id, int(presses)))
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Key press to the next step rendered: bootcamp's console against two floors, the same console with its
step view as one ``Static`` whose text changes, and a bare app switching screens; and an answer key to the
answer shown, against the same two kinds of floor: the console with its question's view as one ``Static``
that takes the same keys, and a bare app showing the letter typed.

Each session runs in its own process (:mod:`tests.benchmarks.keypress_driver`); bootcamp's
sessions take turns with the floors'. Together bootcamp's sessions walk the whole full-day
agenda of the shipped content once, each from its own starting step, so every kind of
step is in the median; the console floor walks the same steps from the same starts.
"""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.content import load_sources
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo
from tests.benchmarks.report import Figure
from tests.benchmarks.timing import interleaved, median

CHECKOUT = Path(__file__).resolve().parents[2]
SESSION_TIMEOUT = 600.0


def session(driver_args: list[str]) -> list[float]:
    command = [sys.executable, "-m", "tests.benchmarks.keypress_driver", *driver_args]
    result = subprocess.run(command, check=False, cwd=CHECKOUT, capture_output=True, text=True, timeout=SESSION_TIMEOUT)
    if result.returncode != 0:
        raise RuntimeError(f"keypress_driver {' '.join(driver_args)} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


KEYPRESS_TARGET = 1.5  # × the console with its step view as one Static
KEYPRESS_BARE_TARGET = 5.0  # × a bare app switching screens


def keypress_figures(
    runs: int, data_dir: Path, content_dir: Path, workshop: WorkshopInfo, sources: dict[str, str], max_presses: int
) -> list[Figure]:
    """``runs`` sessions of each; bootcamp's start where the previous one stopped (at most ``max_presses`` each),
    and the console floor's session of the same round starts where bootcamp's did."""
    steps = [step.key for step in load_sources(sources).steps(workshop.agenda)]
    presses = min(max_presses, math.ceil((len(steps) - 1) / runs))
    files = Store(data_dir, SystemClock()).open(workshop.id)
    starts = list(range(0, len(steps) - 1, presses))

    def walk(mode: str, starts_left: list[int]) -> Callable[[], list[float]]:
        def one_session() -> list[float]:
            first = starts_left.pop(0) if starts_left else 0
            files.update_state(lambda state: dataclasses.replace(state, step_key=steps[first]))
            left = min(presses, len(steps) - 1 - first)
            return session([mode, str(data_dir), str(content_dir), workshop.id, str(left)])

        return one_session

    bootcamp, console, bare = interleaved(
        runs, [walk("app", list(starts)), walk("console", list(starts)), lambda: session(["switching", str(presses)])]
    )
    return against_both_floors(
        ("key press to the next step rendered", "floor: the console, step as one Static"),
        ("key press, against a bare app switching screens", "floor: a bare screen switch"),
        bootcamp,
        console,
        bare,
    )


def answering_figures(runs: int, data_dir: Path, content_dir: Path, workshop: WorkshopInfo, presses: int) -> list[Figure]:
    """``runs`` sessions of each, in turns: bootcamp answering the first question of the day, its console floor
    (the question's view as one ``Static`` taking the same keys), and the bare app typing a letter."""
    program = Store(data_dir, SystemClock()).open(workshop.id).program()
    question = next(step for step in program.steps(workshop.agenda) if step.kind.value == "question")
    files = Store(data_dir, SystemClock()).open(workshop.id)

    def on_the_question(mode: str) -> Callable[[], list[float]]:
        def one_session() -> list[float]:
            files.update_state(lambda state: dataclasses.replace(state, step_key=question.key, revealed=(question.key,)))
            return session([mode, str(data_dir), str(content_dir), workshop.id, str(presses)])

        return one_session

    bootcamp, console, bare = interleaved(
        runs,
        [on_the_question("answering"), on_the_question("answering-floor"), lambda: session(["typing", str(presses)])],
    )
    return against_both_floors(
        ("answer key to the answer shown", "floor: the console, question as one Static"),
        ("answer key, against a bare app typing a letter", "floor: a bare Static showing the key"),
        bootcamp,
        console,
        bare,
    )


def against_both_floors(
    console_row: tuple[str, str],
    bare_row: tuple[str, str],
    bootcamp: list[list[float]],
    console: list[list[float]],
    bare: list[list[float]],
) -> list[Figure]:
    """Two rows for bootcamp's sessions, each row (name, target note): against the console floor's sessions
    (≤ KEYPRESS_TARGET) and against the bare app's (≤ KEYPRESS_BARE_TARGET), each session's median press paired."""
    pressed = [median(times) for times in bootcamp]
    return [
        Figure.compared(name, pressed, [median(times) for times in floor], "ms", scale=1000, max_ratio=target,
                        target_note=note)
        for (name, note), floor, target in (
            (console_row, console, KEYPRESS_TARGET),
            (bare_row, bare, KEYPRESS_BARE_TARGET),
        )
    ]  # fmt: skip

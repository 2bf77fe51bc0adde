"""Phones answering on the room's network (loopback here): a real live workshop and its join server on this
process's loop, which stands for the console's, and the phones in a process of their own
(:mod:`tests.benchmarks.phone_driver`), so their work never stalls the loop being measured.

A room of N seats (the demo's people, copied: every file as big as a real one) sits at the commitment
test's introduction; every phone holds a seat and keeps its event stream open. Each round the benchmark
moves the room to the next question, the way the console does; each phone sees it through its stream,
waits a random time within the window and answers. Once every phone was told "saved ✓", the next round.

What it prints, for each room:

* answers stored / sent: after the workshop is closed, every answer a phone sent, read back from disk;
* post to "saved ✓" (p50, p95): from the moment a phone sends its answer to the moment it is told "saved ✓".
  "Saved" is the writer's word, not the server's: the post's answer says "saved ✓" only once the writer
  reported the save (fsync'd) back on the loop, and when that takes longer than the post waits (2 s) a
  later event of the phone's stream says it. Timed on the phone, so it holds all a person waits for: the
  HTTP exchange, the live workshop, the writer's queue and its save, and the page's part being made;
* the loop's worst delay while the room answers: a task on the loop sleeps 5 ms at a time and notes how
  late it woke. A round's answering runs from the move to the last "saved ✓"; the step change is left out:
  from the move until every phone's stream had made its part of the new step, and is printed on its own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.content import load_sources
from bootcamp.content.model import StepKind
from bootcamp.gc_tuning import collect_less_often
from bootcamp.join.phone_view import PhoneView
from bootcamp.join.server import JoinServer
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store, WorkshopBundle
from bootcamp.store.model import Answer
from tests.benchmarks import rooms
from tests.benchmarks.report import Figure

CHECKOUT = Path(__file__).resolve().parents[2]
BEFORE = "commitment/how-to-answer"  # where the room sits while the phones join: the questions come next
TICK = 0.005  # the loop-delay task's sleep
PAUSE = 0.5  # between rounds: the room reads the next question before the facilitator moves on
PHONE_TIMEOUT = 60.0  # a phone waiting this long for a step or a "saved ✓" gives up: the answer counts as lost
MAX_P95_MS = 100.0
MAX_LOOP_DELAY_MS = 50.0


@dataclass(frozen=True)
class Load:
    phones: int
    rounds: int
    within: float  # seconds: each phone answers at a random moment this long after its stream showed the question
    p95_target: bool = False  # whether p95 ≤ 100 ms is asked of this room (at 40 phones)

    @property
    def name(self) -> str:
        return f"phones: {self.phones} × {self.rounds} round{'s' if self.rounds != 1 else ''} within {self.within:g} s"


@dataclass
class LoadResult:
    load: Load
    sent: int
    told_saved: int
    stored: int
    latencies: list[float]  # seconds, post to "saved ✓", of the answers told saved
    by_events: int  # answers whose "saved ✓" came by the stream (the post's own wait ran out)
    answering_delay: float  # seconds: the loop's worst lateness while answering
    step_change_delay: float  # seconds: its worst lateness at the step changes
    saves: list[float]  # seconds each save took on the writer's thread
    joined_in: float  # seconds all phones took to take their seats
    problems: list[str] = field(default_factory=list)


class LoopDelay:
    """A small task on the loop that sleeps ``TICK`` at a time and notes how late it woke."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []  # (woke at, lateness), loop time (the monotonic clock)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            due = loop.time() + TICK
            await asyncio.sleep(TICK)
            woke = loop.time()
            self.samples.append((woke, max(0.0, woke - due)))

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def worst(self, windows: list[tuple[float, float]], leaving_out: list[tuple[float, float]] = ()) -> float:
        """The largest lateness of a sleep that overlapped one of ``windows`` and none of ``leaving_out``."""

        def overlaps(start: float, end: float, spans) -> bool:
            return any(start <= b and end >= a for a, b in spans)

        late = [
            lateness
            for woke, lateness in self.samples
            if overlaps(woke - lateness, woke, windows) and not overlaps(woke - lateness, woke, leaving_out)
        ]
        return max(late, default=0.0)


class StepChanges:
    """When each step change went out: from the move until every phone's stream had made its part anew.

    Told by the server's renderer: a step change is out once a part of the new step was made for each of
    the phones (told apart by their CSRF tokens). A phone's stream makes it first: the phone posts only
    once its stream showed the step, so the post's answer never stands in for its stream.
    """

    def __init__(self, server: JoinServer, phones: int) -> None:
        self.windows: list[tuple[float, float]] = []
        self.phones = phones
        self._moving: tuple[str, float, set[str]] | None = None  # to which step, since when, for whom made
        render = server.pages.view

        def rendered(view: PhoneView, csrf: str) -> str:
            if self._moving is not None and view.step_key == self._moving[0]:
                _, moved_at, made_for = self._moving
                made_for.add(csrf)
                if len(made_for) >= self.phones:
                    self._moving = None
                    self.windows.append((moved_at, asyncio.get_running_loop().time()))
            return render(view, csrf)

        server.pages.view = rendered

    def moving(self, step_key: str) -> None:
        self._moving = (step_key, asyncio.get_running_loop().time(), set())


def percentile(samples: list[float], percent: float) -> float:
    """Nearest rank: the smallest sample at or above ``percent`` of them."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


def answered_steps(bundle: WorkshopBundle, program, count: int) -> list[str]:
    """The ``count`` questions after :data:`BEFORE` that are not secret ballots."""
    steps = program.steps(bundle.info.agenda)
    keys = [s.key for s in steps]
    after = steps[keys.index(BEFORE) + 1 :]
    chosen = [
        s.key
        for s in after
        if s.kind is StepKind.QUESTION and program.asks(s) is not None and s.key not in bundle.state.secret
    ]
    if len(chosen) < count:
        raise ValueError(f"the content has {len(chosen)} plain questions after {BEFORE}, not {count}")
    return chosen[:count]


def room_for(demo: WorkshopBundle, seats: int, steps: list[str]) -> WorkshopBundle:
    """The demo room with ``seats`` seats, all present (the demo has someone who left), before ``steps`` were
    asked: none answered, none revealed."""
    room = rooms.room_of(demo, seats)
    people = tuple(dataclasses.replace(p, removed=False) for p in room.info.participants)
    state = dataclasses.replace(room.state, revealed=tuple(k for k in room.state.revealed if k not in steps))
    answers = tuple(a for a in room.answers if a.step_key not in steps)
    info = dataclasses.replace(room.info, participants=people)
    return dataclasses.replace(room, info=info, state=state, answers=answers)


async def _line(stream: asyncio.StreamReader, timeout: float, what: str) -> dict:
    line = await asyncio.wait_for(stream.readline(), timeout)
    if not line:
        raise RuntimeError(f"the phones' process ended before {what}")
    return json.loads(line)


async def run_load(load: Load, demo: WorkshopBundle, data_dir: Path, seed: int = 12) -> LoadResult:
    """One room: its workshop opened as the console opens it, joining on, the phones' process, the rounds."""
    program = load_sources(demo.content.sources)
    steps = answered_steps(demo, program, load.rounds)
    info = rooms.stored_workshop(data_dir, room_for(demo, load.phones, steps))
    files = Store(data_dir, SystemClock()).open(info.id)
    workshop = await asyncio.to_thread(LiveWorkshop.open, files, SystemClock())
    workshop.start()
    workshop.move(lambda flow: flow.jump(BEFORE))
    save_times: list[float] = []
    save_answer = workshop.files.save_answer

    def timed_save(answer: Answer) -> Answer:  # on the writer's thread
        began = time.perf_counter()
        try:
            return save_answer(answer)
        finally:
            save_times.append(time.perf_counter() - began)

    workshop.files.save_answer = timed_save
    server = await JoinServer.start(workshop, "127.0.0.1", 0, data_dir / "join.log")
    changes = StepChanges(server, load.phones)
    delay = LoopDelay()
    values = [[o.id for o in program.asks(program.step(key)).scale.options] for key in steps]
    plan = {
        "url": server.url,
        "seats": [p.id for p in info.participants[: load.phones]],
        "rounds": [{"step": key, "values": v} for key, v in zip(steps, values)],
        "within": load.within,
        "seed": seed,
        "timeout": PHONE_TIMEOUT,
    }
    answered: list[dict] = []
    answering: list[tuple[float, float]] = []
    problems: list[str] = []
    ready = {"ready": float("nan")}
    with tempfile.TemporaryFile() as errors:
        phones = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.benchmarks.phone_driver",
            json.dumps(plan),
            cwd=CHECKOUT,
            stdout=asyncio.subprocess.PIPE,
            stderr=errors,
            env={**os.environ, "PYTHONPATH": str(CHECKOUT)},
        )
        assert phones.stdout is not None
        try:
            ready = await _line(phones.stdout, PHONE_TIMEOUT + load.phones, "every phone joined")
            delay.start()
            for key in steps:
                await asyncio.sleep(PAUSE)
                changes.moving(key)
                moved_at = asyncio.get_running_loop().time()
                workshop.move(lambda flow, key=key: flow.jump(key))
                done = await _line(phones.stdout, 2 * PHONE_TIMEOUT + load.within, f"the round at {key}")
                answered += done["phones"]
                last = max((a["saved"] or a["answered"]) for a in done["phones"])
                answering.append((moved_at, last))
            await asyncio.wait_for(phones.wait(), PHONE_TIMEOUT)
        except (TimeoutError, RuntimeError, json.JSONDecodeError) as error:
            errors.seek(0)
            problems.append(f"{error or type(error).__name__}: {errors.read().decode(errors='replace')[-2000:]}")
            if phones.returncode is None:
                phones.kill()
                await phones.wait()
        finally:
            delay.stop()
            await server.stop()
            closed = await workshop.close()
    if not closed:
        problems.append("the workshop did not close: some saves were not done")
    on_disk = {(a.participant_id, a.step_key): a.value for a in Store(data_dir).open(info.id).answers()}
    stored = sum(on_disk.get((a["seat"], a["step"])) == a["value"] for a in answered)
    told = [a for a in answered if a["saved"]]
    sent = load.phones * load.rounds
    return LoadResult(
        load=load,
        sent=sent,
        told_saved=len(told),
        stored=stored,
        latencies=[a["saved"] - a["posted"] for a in told],
        by_events=sum(a["via"] == "events" for a in told),
        answering_delay=delay.worst(answering, leaving_out=changes.windows),
        step_change_delay=delay.worst(changes.windows),
        saves=list(save_times),
        joined_in=ready["ready"],
        problems=problems,
    )


def measure_load(load: Load, demo: WorkshopBundle, data_dir: Path) -> LoadResult:
    """One room on a fresh loop, with the console's garbage-collector setting (put back after)."""
    threshold = gc.get_threshold()
    collect_less_often()
    try:
        return asyncio.run(run_load(load, demo, data_dir))
    finally:
        gc.set_threshold(*threshold)


def figures_of(result: LoadResult) -> list[Figure]:
    load = result.load
    p50, p95 = percentile(result.latencies, 50) * 1000, percentile(result.latencies, 95) * 1000
    return [
        Figure(
            f"{load.name}: answers stored / sent",
            result.stored,
            "",
            shown=f"{result.stored} / {result.sent}",
            target_text="all",
            ok=result.stored == result.sent == result.told_saved,
        ),
        Figure(f'{load.name}: post to "saved ✓", p50', p50, "ms"),
        Figure(f'{load.name}: post to "saved ✓", p95', p95, "ms", max_value=MAX_P95_MS if load.p95_target else None),
        Figure(
            f"{load.name}: worst loop delay, answering",
            result.answering_delay * 1000,
            "ms",
            max_value=MAX_LOOP_DELAY_MS,
        ),
        Figure(f"{load.name}: worst loop delay, step change", result.step_change_delay * 1000, "ms"),
    ]


def notes_of(result: LoadResult) -> list[str]:
    """Where the time goes, for reading under the table."""
    saves = result.saves
    busy = sum(saves)
    lines = [
        f"{result.load.name}: {result.told_saved} told saved ({result.by_events} by a later event), "
        f"joined in {result.joined_in:.1f} s; the writer's saves: p50 {percentile(saves, 50) * 1000:.1f} ms, "
        f"p95 {percentile(saves, 95) * 1000:.1f} ms, {busy:.2f} s in all"
    ]
    lines += [f"  problem: {problem}" for problem in result.problems]
    return lines


def phone_figures(
    loads: tuple[Load, ...], demo: WorkshopBundle, scratch: Path, say: Callable[[str], None]
) -> tuple[list[Figure], list[str]]:
    figures: list[Figure] = []
    notes: list[str] = []
    for load in loads:
        say(f"  {load.name} …")
        result = measure_load(load, demo, scratch / f"phones-{load.phones}")
        figures += figures_of(result)
        notes += notes_of(result)
    return figures, notes

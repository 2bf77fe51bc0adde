"""A console killed (SIGKILL) in the middle of a round of phone answers loses no answer a phone was told was saved.

The console is a process of its own (:mod:`tests.join.console_process`: the live workshop and its join
server on one loop); the phones are HTTP clients in the test's process, each answering its question again
and again as fast as the server answers. At a random moment the console is killed, ten times over on the
same workshop, each time on the next question. After each kill the workshop's files are read back whole:
nothing is unreadable, and every phone's answer is the one it was last told was saved, or one it sent
after that (a save may finish before its "saved ✓" reaches the phone; it may not be lost once told).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from bootcamp.clock import SystemClock
from bootcamp.content import load_sources, read_sources
from bootcamp.content.model import StepKind
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.locations import default_content_dir
from bootcamp.store import Store

from .conftest import Phone

CHECKOUT = Path(__file__).resolve().parents[2]
KILLS = 10
PHONES = 6
START_SECONDS = 30.0  # a console that has not printed its URL by then has failed


@dataclass
class Console:
    """What :class:`Phone` needs of a room: the join URL and the roster."""

    url: str
    ids: dict[str, str]

    @property
    def origin(self) -> str:
        return self.url.rsplit("/", 1)[0]

    def person(self, name: str) -> str:
        return self.ids[name]


@dataclass
class Sent:
    value: str
    told_saved: bool = False


@dataclass
class Answering:
    """One phone's posts to its question, in order; ``told`` is how many it was told were saved."""

    name: str
    posts: list[Sent] = field(default_factory=list)

    @property
    def told(self) -> int:
        return sum(post.told_saved for post in self.posts)

    def may_be_on_disk(self) -> set[str] | None:
        """The values the disk may hold: the last one told saved, or any sent after it (None: no promise made)."""
        told = [n for n, post in enumerate(self.posts) if post.told_saved]
        return {post.value for post in self.posts[told[-1] :]} if told else None


def told_saved(part: str, step: str, value: str) -> bool:
    return (
        f'data-step="{step}"' in part
        and f'value="{value}" aria-pressed="true"' in part
        and 'class="saved saved-saved">saved ✓' in part
    )


async def keep_answering(phone: Phone, step: str, values: list[str], answering: Answering) -> None:
    """Answer again and again, each time another value, until the console is gone."""
    for turn in range(10_000):
        value = values[turn % len(values)]
        sent = Sent(value)
        answering.posts.append(sent)
        try:
            status, part = await phone.answer(value, step=step)
        except (aiohttp.ClientError, ConnectionError):
            return  # the console was killed while this post was out: never told saved
        sent.told_saved = status == 200 and told_saved(part, step, value)


def start_console(data_dir: Path, workshop_id: str, step: str, errors, *, quick: float = 0.0) -> subprocess.Popen[str]:
    """The console's process; ``quick``: its keep-alive in seconds (see :mod:`tests.join.console_process`)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.join.console_process", str(data_dir), workshop_id, step]
        + ([str(quick)] if quick else []),
        cwd=CHECKOUT,
        env={**os.environ, "PYTHONPATH": str(CHECKOUT)},
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )


def read_back(data_dir: Path, workshop_id: str) -> dict[tuple[str, str], str]:
    """Every file of the workshop read as the console reads it on opening: none may be unreadable."""
    files = Store(data_dir, SystemClock()).open(workshop_id)
    LiveWorkshop.load(files, SystemClock())  # the info, content, state, room records and every answer
    return {(a.participant_id, a.step_key): a.value for a in files.answers()}


@pytest.mark.slow
async def test_a_killed_console_keeps_every_answer_a_phone_was_told_was_saved(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    sources = read_sources(default_content_dir())
    program = load_sources(sources)
    questions = [s for s in program.steps() if s.kind is StepKind.QUESTION and program.asks(s) is not None]
    data_dir = tmp_path / "data"
    names = [f"Person {n}" for n in range(1, PHONES + 1)]
    info = Store(data_dir, SystemClock()).create_workshop(
        name="Killed",
        organisation="Northwind",
        date="2026-09-21",
        participants=[(name, "") for name in names],
        sources=sources,
    )
    ids = {p.name: p.id for p in info.participants}
    promised: dict[tuple[str, str], set[str]] = {}  # every cell a phone was told saved: what the disk may hold
    told_before_kill: list[int] = []

    for kill in range(KILLS):
        step = questions[kill % len(questions)]
        values = [option.id for option in program.asks(step).scale.options]
        with tempfile.TemporaryFile(mode="w+") as errors:
            console = start_console(data_dir, info.id, step.key, errors)
            try:
                url = await asyncio.wait_for(asyncio.to_thread(console.stdout.readline), START_SECONDS)
                errors.seek(0)
                assert url.startswith("http://127.0.0.1:"), f"the console did not start: {errors.read()[-2000:]}"
                room = Console(url.strip(), ids)
                phones = [Phone(room) for _ in names]  # type: ignore[arg-type]
                answering = [Answering(name) for name in names]
                try:
                    for phone, name in zip(phones, names):
                        await phone.sit(name)
                    tasks = [
                        asyncio.create_task(keep_answering(phone, step.key, values, a))
                        for phone, a in zip(phones, answering)
                    ]
                    await asyncio.sleep(rng.uniform(0.05, 1.0))  # mid-round, at a moment nobody chose
                    console.send_signal(signal.SIGKILL)
                    await asyncio.to_thread(console.wait)
                    await asyncio.wait_for(asyncio.gather(*tasks), 10)
                finally:
                    for phone in phones:
                        await phone.close()
            finally:
                if console.poll() is None:
                    console.kill()
                    console.wait()
                console.stdout.close()
        assert console.returncode == -signal.SIGKILL

        on_disk = read_back(data_dir, info.id)
        for a in answering:
            may_be = a.may_be_on_disk()
            if may_be is not None:
                promised[(ids[a.name], step.key)] = may_be
        for (person, key), may_be in promised.items():
            assert on_disk.get((person, key)) in may_be, (
                f"seed {seed}, kill {kill + 1}: {person} at {key} told saved as one of {sorted(may_be)}, "
                f"on disk {on_disk.get((person, key))!r}"
            )
        # What is on disk now is what must stay there: the next consoles answer other questions.
        promised.update({cell: {on_disk[cell]} for cell in promised if cell[1] == step.key})
        told_before_kill.append(sum(a.told for a in answering))

    print(f"\nseed {seed}: answers told saved before each of {KILLS} kills: {told_before_kill}")
    assert sum(told_before_kill) > 0, "no phone was ever told its answer was saved: the kills proved nothing"

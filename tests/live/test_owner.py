"""Who may change a workshop: one live owner at a time; a dead owner's lock is taken over; a short-lived
owner (a command) is refused while a console holds it, in one sentence, and nothing stored changes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.live.requests import GiveAnswer
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.owner_lock import WorkshopBusy, holder_of

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
CONSOLE = Path(__file__).with_name("console_process.py")
ROOT = Path(__file__).resolve().parents[2]
MANDATE = "basics/mandate"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", FixedClock())


@pytest.fixture
def files(store: Store) -> WorkshopFiles:
    program = load_dir(FIXTURE_CONTENT)
    info = store.create_workshop(
        name="Spring", organisation="Northwind", date="2026-09-21", participants=[("Ana", "")], sources=program.sources
    )
    return store.open(info.id)


class Console:
    """``console_process.py``: a live owner in another process."""

    def __init__(self, store: Store, workshop_id: str) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.process = subprocess.Popen(
            [sys.executable, str(CONSOLE), str(store.data_dir), workshop_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def said(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)


@pytest.fixture
def consoles() -> Iterator[list[Console]]:
    started: list[Console] = []
    yield started
    for console in started:
        console.end()


async def test_a_second_owner_is_refused_naming_who_holds_it(files: WorkshopFiles) -> None:
    first = LiveWorkshop.open(files, FixedClock())
    first.start()
    with pytest.raises(WorkshopBusy) as refused:
        LiveWorkshop.open(WorkshopFiles(files.path, FixedClock()), FixedClock())
    said = str(refused.value)
    assert f"process {os.getpid()}" in said and "console" in said and "\n" not in said
    assert await first.close()
    second = LiveWorkshop.open(WorkshopFiles(files.path, FixedClock()), FixedClock())  # free once closed
    assert second.owner is not None and second.owner.held
    second.start()
    assert await second.close()


async def test_a_lock_left_by_a_killed_console_is_taken_over(
    store: Store, files: WorkshopFiles, consoles: list[Console]
) -> None:
    console = Console(store, files.id)
    consoles.append(console)
    assert console.said() == "open"
    console.tell(f"answer {MANDATE} partly")
    assert console.said() == "saved"
    assert holder_of(files.path).pid == console.process.pid
    console.process.send_signal(signal.SIGKILL)
    console.process.wait(10)
    workshop = LiveWorkshop.open(WorkshopFiles(files.path, FixedClock()), FixedClock())
    workshop.start()
    assert holder_of(files.path).pid == os.getpid()
    ana = workshop.info.present[0]
    assert workshop.records.answer(ana.id, MANDATE).value == "partly"  # what the dead console saved is there
    workshop.apply(GiveAnswer(ana.id, MANDATE, "yes"))
    assert await workshop.close()
    assert holder_of(files.path) is None


def test_a_short_lived_owner_is_refused_while_a_console_holds_the_workshop(
    store: Store, files: WorkshopFiles, consoles: list[Console]
) -> None:
    console = Console(store, files.id)
    consoles.append(console)
    assert console.said() == "open"
    with pytest.raises(WorkshopBusy) as refused:
        with store.owned(files.id, purpose="bootcamp import-answers"):
            pytest.fail("a command got the workshop while a console had it")
    assert f"process {console.process.pid}" in str(refused.value)
    second = Console(store, files.id)
    consoles.append(second)
    said = second.said()
    assert said.startswith("busy ") and f"process {console.process.pid}" in said
    console.tell(f"answer {MANDATE} no")
    assert console.said() == "saved"
    assert console.process.stdin is not None
    console.process.stdin.close()  # the console closes the workshop
    console.process.wait(10)
    with store.owned(files.id, purpose="bootcamp import-answers") as owned:
        assert owned.answers()[0].value == "no"

"""Reliability: no acknowledged save is lost when a writer is killed, or when four write at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bootcamp.store import Store, WorkshopFiles

WRITER = Path(__file__).with_name("writer_process.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 100


@dataclass
class Acknowledged:
    answers: set[tuple[str, str]] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    joined: set[str] = field(default_factory=set)
    last_state: dict[str, int] = field(default_factory=dict)  # tag → highest acknowledged state number

    def read(self, tag: str, output: str) -> int:
        """Record every complete acknowledgement line; a line cut off by the kill does not count."""
        lines = output.split("\n")[:-1]  # the part after the last newline was not acknowledged
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind == "answer":
                owner, item = rest.split(" ")
                self.answers.add((owner, item))
            elif kind == "note":
                self.notes.add(rest)
            elif kind == "joined":
                self.joined.add(rest)
            elif kind == "state":
                self.last_state[tag] = int(rest)
        return sum(1 for line in lines if line != "ready")


def check_nothing_acknowledged_was_lost(workshop: WorkshopFiles, acked: Acknowledged, tag: str) -> None:
    stored = {(a.participant_id, a.item) for a in workshop.answers()}
    assert acked.answers <= stored, f"lost answers: {sorted(acked.answers - stored)[:5]}"
    notes = {note.id for note in workshop.room().notes}
    assert acked.notes <= notes, f"lost notes: {sorted(acked.notes - notes)[:5]}"
    roster = {p.id for p in workshop.info().participants}
    assert acked.joined <= roster, f"lost participants: {sorted(acked.joined - roster)}"
    if tag in acked.last_state:
        state_tag, _, number = workshop.state().step_key.removeprefix("basics/").rpartition("-")
        assert state_tag == tag and int(number) >= acked.last_state[tag], workshop.state()


def start_writer(store: Store, workshop_id: str, tag: str, count: int) -> subprocess.Popen[str]:
    # The writer imports this checkout's bootcamp, as the tests do, not whichever one is installed.
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(store.data_dir), workshop_id, tag, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path},
    )


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_loses_no_acknowledged_save(store: Store, workshop: WorkshopFiles) -> None:
    seed = int(os.environ.get("BOOTCAMP_CRASH_SEED", time.time_ns() % 1_000_000))
    chance = random.Random(seed)
    acked = Acknowledged()
    workshop_id = workshop.info().id
    saves = 0
    started = time.monotonic()
    for kill in range(KILLS):
        tag = f"k{kill}"
        writer = start_writer(store, workshop_id, tag, 0)
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n", writer.stderr.read() if writer.stderr else ""
        time.sleep(chance.uniform(0.0, 0.1))
        writer.send_signal(signal.SIGKILL)
        output, errors = writer.communicate(timeout=60)
        assert writer.returncode == -signal.SIGKILL, errors
        saves += acked.read(tag, output)
        reopened = Store(store.data_dir).open(workshop_id)  # a fresh process's view: nothing cached
        check_nothing_acknowledged_was_lost(reopened, acked, tag)

    elapsed = time.monotonic() - started
    print(f"\ncrash test (seed {seed}): {KILLS} kills, {saves} acknowledged saves, none lost, {elapsed:.1f} s")
    assert saves > KILLS  # the kills landed while saves were going on, not only before the first
    # Temporary files of killed writers are swept, under each file's lock, when the workshop is opened.
    Store(store.data_dir).open(workshop_id)
    assert sorted(p.name for p in workshop.path.rglob("*.tmp")) == []


@pytest.mark.slow
def test_four_processes_writing_at_once_lose_nothing(store: Store, workshop: WorkshopFiles) -> None:
    workshop_id = workshop.info().id
    count = 120
    writers = {f"w{n}": start_writer(store, workshop_id, f"w{n}", count) for n in range(4)}
    for writer in writers.values():
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers.values():  # go!
        assert writer.stdin is not None
        writer.stdin.write("\n")
        writer.stdin.flush()
    acked = Acknowledged()
    for tag, writer in writers.items():
        output, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
        assert acked.read(tag, output) == count
    reopened = Store(store.data_dir).open(workshop_id)
    stored = {(a.participant_id, a.item) for a in reopened.answers()}
    assert stored == acked.answers and len(stored) == 4 * count * 5 // 8
    # each writer's own file, and the three participants' files all four wrote to
    assert {owner for owner, _ in acked.answers} == {"own-w0", "own-w1", "own-w2", "own-w3", *(
        p.id for p in reopened.info().participants[:3])}
    assert {note.id for note in reopened.room().notes} == acked.notes and len(acked.notes) == 4 * count // 4
    assert acked.joined <= {p.id for p in reopened.info().participants} and len(acked.joined) == 4 * 5

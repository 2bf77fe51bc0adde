"""All or nothing under SIGKILL: `bootcamp import-answers` of 10,000 answers (600 files), killed at random moments.

Run alone with ``pytest tests/store/test_import_kill.py -s`` to see the figures; the seed is printed and
``BOOTCAMP_CRASH_SEED`` repeats a run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.store.import_room import ROOT, build_import_room, command_env, import_command, run_import

KILLS = 25


@pytest.mark.slow
def test_an_import_killed_at_any_moment_stores_all_or_none_of_its_answers(tmp_path: Path) -> None:
    seed = int(os.environ.get("BOOTCAMP_CRASH_SEED", time.time_ns() % 1_000_000))
    chance = random.Random(seed)
    room = build_import_room(tmp_path / "room")

    # The span kills are spread over: an undisturbed run's duration, and then the shortest run seen to end
    # before its kill (a first run is slower: nothing is cached yet; a busy machine varies it too).
    undisturbed = room.fresh_copy(tmp_path / "undisturbed")
    started = time.monotonic()
    done = run_import(undisturbed, room)
    span = first_span = time.monotonic() - started
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert room.outcome(undisturbed) == "all"

    # Where each kill landed, as the files tell it afterwards: the figures show the coverage.
    landed = {"before the commit point": 0, "while applying": 0, "after the last file": 0}
    missed = 0  # the run ended before its kill: checked all the same, but not counted as a kill
    attempt = 0
    while sum(landed.values()) < KILLS:
        attempt += 1
        assert attempt <= 2 * KILLS, f"{missed} runs ended before their kill"
        store = room.fresh_copy(tmp_path / f"run-{attempt}")
        delay = chance.uniform(0, span)
        started = time.monotonic()
        process = subprocess.Popen(
            import_command(store, room),
            cwd=ROOT,
            env=command_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            process.wait(timeout=delay)
            span = min(span, time.monotonic() - started)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
        _, errors = process.communicate(timeout=60)
        killed = process.returncode == -signal.SIGKILL
        assert killed or (process.returncode, errors) == (0, ""), errors

        seen = room.outcome(store)  # a reader: never half an import, before or after anyone finishes it
        committed = room.committed(store)
        assert seen == ("all" if committed else "none"), (attempt, seed, delay, seen, committed)
        if not killed:
            missed += 1
        elif not committed:
            landed["before the commit point"] += 1
        elif room.pending(store):
            landed["while applying"] += 1
        else:
            landed["after the last file"] += 1

        with store.owned(room.workshop_id, purpose="a test"):  # an owner opening finishes what was left
            pass
        assert room.outcome(store) == seen, (attempt, seed, delay)
        assert not room.pending(store)
        leftovers = [p.name for p in (store.workshops_dir / room.workshop_id).rglob(".*.tmp")]
        assert leftovers == [], leftovers
        shutil.rmtree(store.data_dir)

    after = landed["while applying"] + landed["after the last file"]
    print(
        f"\nimport of {room.imported} answers: an undisturbed run {first_span:.2f} s, the shortest {span:.2f} s; "
        f"{KILLS} kills (seed {seed}): "
        f"{landed['before the commit point']} before the commit point (none stored), {after} after it (all stored; "
        f"{landed['while applying']} while files were being rewritten); {missed} runs ended before their kill"
    )
    assert landed["before the commit point"] > 0 and landed["while applying"] > 0, landed

"""``bootcamp import FILE --replace`` killed (SIGKILL) at every point where it writes a file or moves a folder: the
workshop's id always opens to one whole copy, the one that was here or the file's, and the copy kept of the one
here, when there is one, is whole and archived and beside the file's copy only: a replace killed before its commit
point leaves no trace, so importing the file again keeps one copy, not two. Run with ``-s`` to see the figures."""

from __future__ import annotations

import dataclasses
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock, iso
from bootcamp.export import data_json
from bootcamp.store import Store, WorkshopBundle
from bootcamp.store.archive import is_archived
from bootcamp.store.model import Answer
from tests.store.import_room import ROOT, command_env

PROCESS = Path(__file__).with_name("replace_process.py")


def _sorted(bundle: WorkshopBundle) -> WorkshopBundle:
    """On disk answers are kept per person: the same answers, in one order."""
    return dataclasses.replace(bundle, answers=tuple(sorted(bundle.answers, key=repr)))


def _run(data: Path, file: Path, point: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROCESS), str(data), str(file), point],
        capture_output=True, text=True, cwd=ROOT, env=command_env(), timeout=120,
    )


@pytest.mark.slow
def test_a_replace_killed_at_any_point_leaves_the_workshop_whole_under_its_id_and_the_kept_copy_whole(
    tmp_path: Path, sources: dict[str, str]
) -> None:
    clock = FixedClock()
    pristine = Store(tmp_path / "pristine", clock)
    info = pristine.create_workshop(
        name="Acme boot camp", organisation="Acme", date="2026-09-21",
        participants=[("Ana Ortiz", "CEO"), ("Ben Okafor", "Sales")], sources=sources,
    )
    here = pristine.open(info.id)
    for person in info.participants:
        here.save_answer(Answer(person.id, "basics/mandate", value="yes", at=iso(clock.now())))
    old = _sorted(here.bundle())
    clock.advance(86_400)
    later = dataclasses.replace(
        old, answers=tuple(dataclasses.replace(a, value="no", at=iso(clock.now())) for a in old.answers)
    )
    handed = tmp_path / "day2.json"
    handed.write_text(data_json.dumps(later), encoding="utf-8")
    new = _sorted(data_json.loads(handed.read_text(encoding="utf-8"), str(handed)))

    counting = tmp_path / "counting"
    shutil.copytree(pristine.data_dir, counting)
    counted = _run(counting, handed, "0")
    assert counted.returncode == 0, counted.stderr
    moves = int(counted.stderr.strip().splitlines()[-1])

    seen = {"here": 0, "file": 0}  # what the id opened to after each kill
    kept_seen = 0
    for point in [*map(str, range(1, moves + 1)), "removing"]:
        data = tmp_path / f"kill-{point}"
        shutil.copytree(pristine.data_dir, data)
        done = _run(data, handed, point)
        assert done.returncode == -signal.SIGKILL, (point, done.returncode, done.stderr)

        store = Store(data, FixedClock())  # the next bootcamp to open the data folder
        found = _sorted(store.open(info.id).bundle())
        assert found in (old, new), point
        seen["here" if found == old else "file"] += 1
        others = [w for w in store.list_workshops() if w.id != info.id]
        assert len(others) <= 1, (point, others)
        assert not others or found == new, (point, "a kept copy of a replace that never happened", others)
        for kept in others:
            kept_seen += 1
            assert is_archived(store.workshops_dir / kept.id), point
            assert _sorted(store.open(kept.id).bundle()) == dataclasses.replace(old, info=kept), point
            assert kept.replaced_by == info.id
        again = _run(data, handed, "0")  # the file imported again finishes the job, or says it is done
        assert again.returncode in (0, 1), (point, again.stderr)
        after = Store(data)
        assert _sorted(after.open(info.id).bundle()) == new, point
        assert len([w for w in after.list_workshops() if w.id != info.id]) == 1, (point, "one kept copy, not two")
        leftovers = [
            p.name for p in store.workshops_dir.iterdir() if p.name.startswith((".new-", ".replac", ".keeping-", ".deleted-"))
        ]
        assert leftovers == [], (point, leftovers)
        shutil.rmtree(data)
    print(
        f"\nimport --replace killed at each of its {moves} file writes and folder moves, and once while removing the copy "
        f"moved aside ({moves + 1} kills): the id opened to the copy here after {seen['here']}, "
        f"to the file's after {seen['file']}; a kept copy, whole and archived, after {kept_seen}, each beside the file's"
    )
    assert seen["here"] > 0 and seen["file"] > 0 and kept_seen == seen["file"]

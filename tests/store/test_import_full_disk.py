"""All or nothing on a real full disk: `bootcamp import-answers` of 10,000 answers into a small tmpfs, filled
so that the import runs out of space at different points. Needs root on Linux (it mounts); skipped elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bootcamp.store import StoreError
from bootcamp.store.files import ImportJournal, import_journal_file
from tests.store.import_room import ImportRoom, build_import_room, run_import

DISK_SIZE = "24m"
# Free space left for the import, as a share of its journal's size: too little for the journal (nothing is
# stored), room for the journal but not for every file after it (stored, finished on the next open), plenty.
SHARES_OF_THE_JOURNAL = (0.0, 0.5, 0.97, 1.03, 1.5, 2.2, 4.0)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def journal_size(room: ImportRoom, folder: Path) -> int:
    """How many bytes the import's journal takes: written here once, as the import will write it."""
    pending: dict[str, list] = {}
    for answer in sorted(room.after, key=lambda a: a.participant_id):
        pending.setdefault(answer.participant_id, []).append(answer)
    journal = import_journal_file(folder)
    journal.create(ImportJournal(1, {owner: tuple(answers) for owner, answers in pending.items()}))
    return journal.path.stat().st_size


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` with one file until only ``leave`` bytes are free."""
    stats = os.statvfs(disk)
    left = stats.f_bavail * stats.f_frsize - leave
    filler = disk / "filler"
    with open(filler, "wb") as out:
        while left > 0:
            left -= out.write(b"\0" * min(left, 1 << 20))
    return filler


def clear(disk: Path) -> None:
    subprocess.run(["rm", "-rf", *[str(p) for p in disk.iterdir()]], check=True)


@pytest.mark.slow
def test_an_import_that_runs_out_of_space_stores_all_or_none_and_says_which(tmp_path: Path, small_disk: Path) -> None:
    room = build_import_room(tmp_path / "room")
    needed = journal_size(room, tmp_path)
    outcomes = []
    for share in SHARES_OF_THE_JOURNAL:
        clear(small_disk)
        store = room.fresh_copy(small_disk / "data")
        filler = fill(small_disk, int(needed * share))
        done = run_import(store, room)

        error = done.stderr
        assert done.stdout == "" or done.returncode == 0
        if done.returncode == 0:
            said = "all"
        else:
            assert error.count("\n") == 1 and "No space left on device" in error and "Traceback" not in error, error
            if error.startswith(f"bootcamp: none of the {room.imported} answers were stored: "):
                said = "none"
            else:
                assert error.startswith(f"bootcamp: all {room.imported} answers are stored, but "), error
                assert error.rstrip().endswith(f"they are applied when workshop {room.workshop_id} is next opened")
                said = "all, finished later"
        seen = room.outcome(store)
        assert seen == said.split(",")[0], (share, said, seen)

        if room.pending(store):  # still full: an owner must not open it, and says why in one sentence
            with pytest.raises(StoreError, match="has an import that is not finished: .*No space left on device; free some space"):
                with store.owned(room.workshop_id, purpose="a test"):
                    pytest.fail("opened with an import it could not finish")
            assert room.outcome(store) == "all"
        filler.unlink()
        with store.owned(room.workshop_id, purpose="a test"):  # space again: the next owner finishes it
            pass
        assert room.outcome(store) == seen
        assert not room.pending(store)
        outcomes.append((share, said))

    print(f"\nimport of {room.imported} answers, journal {needed:,} bytes; free space as a share of it → {outcomes}")
    by_share = dict(outcomes)
    assert [by_share[share] for share in (0.0, 0.5, 0.97)] == ["none"] * 3
    assert by_share[1.03] == "all, finished later"
    assert by_share[4.0] == "all"


@pytest.mark.slow
def test_a_read_only_disk_refuses_in_one_line_and_readers_still_see_all_or_none(
    tmp_path: Path, small_disk: Path
) -> None:
    room = build_import_room(tmp_path / "room")
    store = room.fresh_copy(small_disk / "data")
    filler = fill(small_disk, int(journal_size(room, tmp_path) * 1.03))
    assert "could not be rewritten yet" in run_import(store, room).stderr  # committed, then out of space
    filler.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        assert room.outcome(store) == "all"  # a reader needs no writable disk
        done = run_import(store, room)
        assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
        assert "Read-only file system" in done.stderr and room.workshop_id in done.stderr
        assert room.pending(store)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    with store.owned(room.workshop_id, purpose="a test"):
        pass
    assert room.outcome(store) == "all" and not room.pending(store)

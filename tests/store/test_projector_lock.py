"""The projector lock: a window holds it for its lifetime; the console's probe never waits and never blocks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bootcamp.store.projector_lock import PROJECTOR_LOCK, ProjectorLock, projector_following

HOLDER = """
import sys
from pathlib import Path
from bootcamp.store.projector_lock import ProjectorLock
lock = ProjectorLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.read()  # hold until killed
"""


def test_no_lock_file_means_no_one_follows(tmp_path: Path) -> None:
    assert not projector_following(tmp_path)
    assert not (tmp_path / PROJECTOR_LOCK).exists()  # the probe never creates it


def test_a_held_lock_is_seen_and_a_released_one_is_not(tmp_path: Path) -> None:
    lock = ProjectorLock(tmp_path)
    assert lock.acquire() and lock.held
    assert projector_following(tmp_path)
    assert projector_following(tmp_path)  # probing does not take the lock away
    lock.release()
    assert not lock.held and not projector_following(tmp_path)
    assert (tmp_path / PROJECTOR_LOCK).stat().st_mode & 0o777 == 0o600


def test_two_windows_share_it_and_the_console_sees_either(tmp_path: Path) -> None:
    with ProjectorLock(tmp_path) as first, ProjectorLock(tmp_path) as second:
        assert first.held and second.held
        first.release()
        assert projector_following(tmp_path)
    assert not projector_following(tmp_path)


def test_the_lock_goes_with_the_process_however_it_ends(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert projector_following(tmp_path)
    finally:
        holder.kill()
        holder.wait()
    assert not projector_following(tmp_path)


def test_a_lock_that_cannot_be_made_is_no_error_the_window_just_is_not_announced(tmp_path: Path) -> None:
    (tmp_path / PROJECTOR_LOCK).mkdir()  # in its way: opening it for writing fails, as in a read-only folder
    lock = ProjectorLock(tmp_path)
    assert not lock.acquire() and not lock.held
    lock.release()  # nothing to release, no error
    assert not projector_following(tmp_path)

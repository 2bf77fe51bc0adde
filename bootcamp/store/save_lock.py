"""The lock a read-modify-write holds: an exclusive ``flock`` on ``<file>.lock``, the one filelock takes.

Taken here with ``fcntl.flock`` (open, lock, check, unlock, close: about 10 µs) rather than through
filelock's ``FileLock``, whose bookkeeping (a registry of instances, fork tracking, soft-lock
fallbacks) cost about 0.15 ms of every save. It is the same lock on the same file, so a process
taking it either way excludes the other (an older bootcamp, a test holding a ``FileLock``).
Where there is no ``flock`` (Windows, a file system answering ENOSYS) filelock takes it instead:
it knows those cases (a marker file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable

from bootcamp.store.durable import FILE_MODE

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: filelock locks with msvcrt there
    fcntl = None  # type: ignore[assignment]

FIRST_PAUSE = 0.001  # seconds between tries while another process holds the lock: a save holds it about 1 ms
LONGEST_PAUSE = 0.05  # filelock's own pause between tries
_BUSY = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES})  # some file systems say EACCES for "held"
_OPEN_FLAGS = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0)
_WITHOUT_FLOCK: set[str] = set()  # lock files on a file system that answered ENOSYS: left to filelock


class LockBusy(Exception):
    """Another process held the lock for the whole timeout."""


def take(lock_path: str, timeout: float) -> Callable[[], None]:
    """Take the exclusive lock on ``lock_path`` (created 0600 if missing); what lets it go.

    LockBusy after ``timeout`` s; an OSError (a read-only folder, a file system refusing locks) as it is.
    """
    fd = _take_flock(lock_path, timeout) if fcntl is not None else None
    if fd is None:
        return _take_with_filelock(lock_path, timeout)

    def release() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)  # closing alone would let go too: the unlock says so before the descriptor goes

    return release


def _take_flock(lock_path: str, timeout: float) -> int | None:
    """A descriptor holding the lock, or None when this file system has no ``flock``."""
    if lock_path in _WITHOUT_FLOCK:
        return None
    deadline = time.monotonic() + timeout
    pause = FIRST_PAUSE
    while True:
        fd, created = _open(lock_path)
        if fd is None:
            continue  # created by another process between our two tries: open theirs
        no_flock = False
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as error:
                    if error.errno == errno.ENOSYS:
                        no_flock = True
                        break
                    if error.errno not in _BUSY:
                        raise
                if time.monotonic() >= deadline:
                    raise LockBusy(lock_path)
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)
            if not no_flock and _still_named(fd, lock_path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if no_flock:
            _WITHOUT_FLOCK.add(lock_path)
            if created:  # filelock's fallback would take the file this call made for a lock someone holds
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(lock_path)
            return None
        # The file was removed or replaced while we waited: lock the one the name now gives.


def _open(lock_path: str) -> tuple[int | None, bool]:
    """The lock file opened, and whether this call created it (None: someone else just did)."""
    with contextlib.suppress(FileNotFoundError):  # not there yet: made below
        return os.open(lock_path, _OPEN_FLAGS), False
    try:
        return os.open(lock_path, _OPEN_FLAGS | os.O_CREAT | os.O_EXCL, FILE_MODE), True
    except FileExistsError:
        return None, False


def _still_named(fd: int, lock_path: str) -> bool:
    """Whether ``lock_path`` still names the file open on ``fd``: a lock on a removed file excludes nobody."""
    opened = os.fstat(fd)
    try:
        named = os.stat(lock_path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


def _take_with_filelock(lock_path: str, timeout: float) -> Callable[[], None]:
    from filelock import FileLock, Timeout  # only where flock is missing

    lock = FileLock(lock_path, timeout=timeout, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise LockBusy(lock_path) from None
    return lock.release

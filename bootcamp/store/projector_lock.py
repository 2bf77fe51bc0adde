"""Whether a projector window is following a workshop, told without writing any workshop data.

A projector window holds a shared ``flock`` on ``projector.lock`` in the workshop's folder for
as long as it runs; the kernel drops it when the process ends, however it ends. The console
asks with a non-blocking exclusive lock: refused means someone is following. ``flock`` locks
belong to an open file, so the probe works between processes and within one process alike
(Linux and macOS). The lock file itself stays: it holds no data, and removing it could let a
new window lock a file the console no longer sees.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import Self

from bootcamp.store.durable import FILE_MODE
from bootcamp.store.lock_probe import when_held

PROJECTOR_LOCK = "projector.lock"
ACQUIRE_SECONDS = 1.0  # the console's probe holds its lock for microseconds; this is plenty


def lock_path(folder: Path) -> Path:
    return folder / PROJECTOR_LOCK


def projector_following(folder: Path) -> bool:
    """True while some process holds the projector lock of the workshop in ``folder``. Never waits."""
    return when_held(lock_path(folder), lambda _fd: True) is True


class ProjectorLock:
    """Held by a projector window for its lifetime: ``with ProjectorLock(folder): ...`` or acquire/release."""

    def __init__(self, folder: Path) -> None:
        self.path = lock_path(folder)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = ACQUIRE_SECONDS) -> bool:
        """Take the shared lock; False (and nothing held) when the folder is read-only or no lock came in time.

        A window that cannot take it still works; the console just does not switch to its speaker view.
        """
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
        except OSError:
            return False
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:  # a console is probing this very moment
                if time.monotonic() < deadline:
                    time.sleep(0.005)
                    continue
            except OSError:  # the file system takes no locks: no projector lock, say so below
                pass
            else:
                self._fd = fd
                return True
            os.close(fd)
            return False

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the only descriptor drops the lock

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

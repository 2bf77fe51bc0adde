"""Whether another process holds a ``flock`` on a file, asked without taking it and without waiting.

The projector lock (is a window following?) and the owner lock (who has the workshop?) ask the
same way: open the file read-only, try a non-blocking exclusive lock, and let go at once if it
was free. ``flock`` locks belong to an open file, so this works between processes and within one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def when_held(path: Path, held: Callable[[int], T]) -> T | None:
    """``held(fd)`` while another holder has the lock on ``path`` (``fd`` is open on it); None when nobody does.

    No file, or a file system that takes no locks, means nobody can hold it: None.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:  # no lock file: nobody has ever held it
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return held(fd)
        except OSError:  # a file system without flock
            return None
        fcntl.flock(fd, fcntl.LOCK_UN)  # it was free: let go at once
        return None
    finally:
        os.close(fd)

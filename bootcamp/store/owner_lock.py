"""One owner per workshop: whoever changes a workshop's files holds its owner lock (DESIGN.md, Layers).

The console that opens a workshop holds it until it closes it; a CLI command that edits an existing
workshop holds it for as long as it runs. Anyone else asking is refused with one sentence naming the
holder's host, process and since when.

The lock is an exclusive ``flock`` on ``owner.lock`` in the workshop's folder. The kernel drops a
``flock`` when its process ends, however it ends, so a lock left by a killed console needs no
clean-up: the next acquirer simply gets it. ``flock`` locks belong to an open file, so a second
acquirer in the same process (on its own descriptor) is refused just like another process.

Who holds it is written into the lock file itself once the lock is held (host, process, purpose,
since) and read by those refused. The details are not workshop data: a plain write, no fsync. A
file with details but no lock held means nobody holds it. The lock file is never removed: a new
acquirer could lock a file that others, having opened the old one, no longer see.

Locks hold on one machine: a data folder synced between machines is not for live use.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from bootcamp.clock import Clock, iso
from bootcamp.store.durable import FILE_MODE
from bootcamp.store.errors import StoreError
from bootcamp.store.lock_probe import when_held

OWNER_LOCK = "owner.lock"
CONSOLE = "console"  # the purpose of the console that has a workshop open
DETAILS_WAIT = 0.5  # seconds a refused asker waits for a new holder to write who it is (it takes microseconds)
_MAX_DETAILS = 4096


def lock_path(folder: Path) -> Path:
    return folder / OWNER_LOCK


@dataclasses.dataclass(frozen=True)
class Holder:
    """Who holds a workshop's owner lock: ``since`` is an ISO time in UTC, as stored answers' times are."""

    host: str
    pid: int
    purpose: str
    since: str

    @classmethod
    def unknown(cls) -> Holder:
        """A holder that has not (yet) said who it is: its details were missing or unreadable."""
        return cls(host="", pid=0, purpose="", since="")

    @property
    def known(self) -> bool:
        return self.pid > 0

    def to_bytes(self) -> bytes:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> Holder | None:
        """The details as written by :meth:`to_bytes`; None for anything else (empty, half written, not ours)."""
        try:
            found: Any = json.loads(raw.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is a ValueError too
            return None
        if not isinstance(found, dict):
            return None
        host, pid, purpose, since = (found.get(key) for key in ("host", "pid", "purpose", "since"))
        if not (isinstance(host, str) and isinstance(purpose, str) and isinstance(since, str)):
            return None
        if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
            return None
        return cls(host=host, pid=pid, purpose=purpose, since=since)


def describe(holder: Holder, workshop_id: str, *, now: float) -> str:
    """One sentence for someone refused: what is held, by whom (host, process) and since when.

    ``since`` is shown in local time, as HH:MM when it is today (by ``now``) and as a date otherwise.
    """
    if not holder.known:
        return (
            f"workshop {workshop_id} is being changed by another process that has not said who it is yet; "
            "try again in a moment"
        )
    where = f'on host "{_printable(holder.host)}" (process {holder.pid}) since {_when(holder.since, now)}'
    if holder.purpose == CONSOLE:
        return (
            f"workshop {workshop_id} is open in the console {where}; close it there first, "
            f"or follow it read-only with `bootcamp present {workshop_id}`"
        )
    doing = f"is being changed by {_printable(holder.purpose)}"
    return f"workshop {workshop_id} {doing} {where}; try again when it has finished"


def _when(since: str, now: float) -> str:
    try:
        at = datetime.fromisoformat(since).astimezone()  # a time without a zone is taken as local
    except ValueError:
        return "an unknown time"
    if at.date() == datetime.fromtimestamp(now).astimezone().date():
        return at.strftime("%H:%M")
    return at.date().isoformat()


def _printable(text: str) -> str:
    """The lock file is only ours to trust so far: show its text without obeying escapes, and not too much of it."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[:80])
    return shown + ("…" if len(text) > 80 else "")


class WorkshopBusy(StoreError):
    """Someone else holds the workshop's owner lock; ``str()`` is one sentence naming who, where and since when."""

    def __init__(self, workshop_id: str, holder: Holder, *, now: float) -> None:
        self.workshop_id = workshop_id
        self.holder = holder
        super().__init__(describe(holder, workshop_id, now=now))


def holder_of(folder: Path) -> Holder | None:
    """Who holds the owner lock of the workshop in ``folder`` right now, without taking it; None if nobody.

    Never waits for the lock, and never creates the lock file. On a file system that refuses ``flock``
    nobody can hold it (see :class:`OwnerLock`), so the answer is None. Details left in the file by a
    holder that has gone are old: only a held lock's details are read.
    """
    return when_held(lock_path(folder), _read_holder)


def _read_holder(fd: int) -> Holder:
    """The details of the process that holds the lock ``fd`` was refused.

    A new holder writes them just after it got the lock, so for a moment they may be missing, half
    written, or still those of a holder on this host whose process has ended: wait a little for them.
    """
    deadline = time.monotonic() + DETAILS_WAIT
    while True:
        try:
            holder = Holder.from_bytes(os.pread(fd, _MAX_DETAILS, 0))
        except OSError:
            holder = None
        if holder is not None and not _ended_here(holder):
            return holder
        if time.monotonic() >= deadline:
            return Holder.unknown()
        time.sleep(0.005)


def _ended_here(holder: Holder) -> bool:
    """Whether ``holder`` names a process on this host that no longer runs (its details outlived its lock)."""
    if holder.host != socket.gethostname():
        return False
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


class OwnerLock:
    """The owner lock of the workshop in ``folder``: ``with OwnerLock(folder, purpose=..., clock=...):``.

    :meth:`acquire` raises :class:`WorkshopBusy` while anyone else holds it. On a file system that
    refuses ``flock`` (some network and FUSE mounts) it succeeds *unguarded*: nothing is held and
    no details are written, since nobody could be kept out by them, and the workshop stays usable,
    as it was before there were owner locks; the caller may warn. ``holder`` is then None.
    """

    def __init__(self, folder: Path, *, purpose: str, clock: Clock) -> None:
        self.folder = Path(folder)
        self.path = lock_path(self.folder)
        self.purpose = purpose
        self._clock = clock
        self._fd: int | None = None
        self.held = False
        self.unguarded = False
        self.holder: Holder | None = None  # our details, as written into the lock file

    def __repr__(self) -> str:
        return f"OwnerLock({str(self.folder)!r}, purpose={self.purpose!r}, held={self.held})"

    def acquire(self) -> Self:
        """Hold the lock now or raise :class:`WorkshopBusy`; never waits. Acquiring a held lock again is a no-op."""
        if self.held:
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
        except OSError as error:
            reason = error.strerror or error
            raise StoreError(f"cannot lock workshop {self.folder.name}: {self.path}: {reason}") from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                holder = _read_holder(fd)
            finally:
                os.close(fd)
            raise WorkshopBusy(self.folder.name, holder, now=self._clock.now()) from None
        except OSError:
            os.close(fd)
            self.held, self.unguarded, self.holder = True, True, None
            return self
        holder = Holder(host=socket.gethostname(), pid=os.getpid(), purpose=self.purpose, since=iso(self._clock.now()))
        with contextlib.suppress(OSError):  # a full disk: the lock keeps others out; they cannot be told who
            _write_details(fd, holder.to_bytes())
        self._fd, self.held, self.unguarded, self.holder = fd, True, False, holder
        return self

    def release(self) -> None:
        """Let go; the details are cleared first, while the lock is still ours. Releasing twice is harmless."""
        fd, self._fd = self._fd, None
        self.held, self.unguarded, self.holder = False, False, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # so nobody reads our details as a next holder's
        os.close(fd)  # closing the only descriptor drops the lock

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _write_details(fd: int, data: bytes) -> None:
    os.ftruncate(fd, 0)
    view = memoryview(data)
    offset = 0
    while offset < len(data):  # os.pwrite is unbuffered: nothing is left to flush
        offset += os.pwrite(fd, view[offset:], offset)

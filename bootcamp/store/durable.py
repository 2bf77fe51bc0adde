"""Crash-safe file primitives: a durable atomic replace, folder sync, private folders.

A save is: a temporary file in the same folder → write → fsync(file) → rename over
the old file → fsync(folder). A kill at any moment leaves either the old file or the
new one, never a mix; after the folder's fsync the new name survives a power cut.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
TEMP_SUFFIX = ".tmp"

try:  # macOS: fsync only reaches the drive's cache; F_FULLFSYNC asks the drive to flush it.
    import fcntl

    _FULLFSYNC = getattr(fcntl, "F_FULLFSYNC", None)
except ImportError:  # pragma: no cover - not Linux or macOS
    _FULLFSYNC = None


def flush_to_disk(fd: int) -> None:
    if _FULLFSYNC is not None:
        try:
            fcntl.fcntl(fd, _FULLFSYNC)
            return
        except OSError:  # some filesystems (network, FUSE) refuse it: plain fsync is the best left
            pass
    os.fsync(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new entry in ``folder`` durable."""
    if sys.platform == "win32":  # pragma: no cover - folders cannot be opened there
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        flush_to_disk(fd)
    finally:
        os.close(fd)


def temp_prefix(path: Path) -> str:
    """Temporary files of ``path`` are ``.<name>.<random>.tmp`` beside it (hidden, and easy to find)."""
    return f".{path.name}."


def stale_temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"))


def temp_files_in(folder: Path) -> dict[Path, list[Path]]:
    """Temporary files in ``folder``, by the file they were about to replace (which may not exist yet)."""
    found: dict[Path, list[Path]] = {}
    for temp in sorted(folder.glob(f".*{TEMP_SUFFIX}")):
        target_name = temp.name[1:].rsplit(".", 2)[0]
        if target_name:
            found.setdefault(folder / target_name, []).append(temp)
    return found


def replace_durably(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably; the file ends up 0600."""
    # mkstemp creates the file 0600 and opens it O_EXCL in the target's own folder, so the rename stays atomic.
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:  # os.write is unbuffered: nothing is left to flush before the fsync
                written = os.write(fd, view)
                view = view[written:]
            flush_to_disk(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    sync_folder(path.parent)


def replace_at_once(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (a reader sees the old file or the new one), not durably: for the
    small files a console keeps while it runs and writes again with every change (``join.json``, ``phones.json``)."""
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temp_name, FILE_MODE)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def make_private_folder(folder: Path) -> bool:
    """Create ``folder`` (and missing parents) 0700; fsync each parent that gained an entry.

    Returns whether anything was created. Folders that already exist keep their mode: they may be the user's.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for new in reversed(missing):
        try:
            os.mkdir(new, FOLDER_MODE)
        except FileExistsError:  # another process made it first
            continue
        os.chmod(new, FOLDER_MODE)  # the umask may have taken bits away; never adds any
        sync_folder(new.parent)
    return bool(missing)

"""The store's errors: each names the file or workshop and what is wrong with it."""

from __future__ import annotations

from pathlib import Path

from bootcamp.errors import UserError


class StoreError(UserError):
    """Something about stored workshops the user can act on: an unknown id, an unreadable file …"""


class AlreadyHereError(StoreError):
    """An import of a workshop whose id is stored here already: nothing was imported (the message says why, of "the
    file", which the command names)."""


class UnreadableFileError(StoreError):
    """A stored file that cannot be read. It is kept byte for byte: nothing ever writes over it."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}; the file is left as it is")


class MissingFileError(UnreadableFileError):
    """A file a workshop cannot do without (its info, its copy of the content) that is not there: nothing is made in
    its place, and the way back is the file itself."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reason = "the file is missing"
        StoreError.__init__(
            self,
            f"cannot read {path}: the file is missing (moved or deleted outside bootcamp); "
            "put it back from a backup of the data folder",
        )


class FileNotSavedError(StoreError):
    """A file that could not be written (a full disk, a folder gone read-only); ``reason`` is the system's word."""

    def __init__(self, path: Path, reason: str, *, doing: str = "save") -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot {doing} {path}: {reason}")


class FileBusyError(StoreError):
    """Another process held a file's lock for too long."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        super().__init__(f"{path} stayed locked by another process for {seconds:g} s; try again")

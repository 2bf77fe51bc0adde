"""One small JSON file on disk: versioned, locked, crash-safe, never overwritten when unreadable.

:class:`DurableJSONStorage` is a TinyDB ``Storage``, used directly as the file layer
rather than under TinyDB's ``Table``: a table keys documents by its own integer ids
(with a next-id cache per process) and reads the file again on every upsert, while a
save here must be exactly one read and one write of a document keyed by our own ids
(DESIGN.md, Storage). So the storage keeps TinyDB's contract (``read``/``write``/
``close``, no caching: every read reopens the file, since another process may have
replaced it) and adds the lock, ``<file>.lock``, that TinyDB lacks. :class:`TypedFile`
does the read-modify-write under it: it reads the file every time, and decodes what it
read unless those are the very bytes it wrote last.

Every file carries ``"format"`` (what it is) and ``"version"`` (its schema). A newer
version is refused, an older one migrated when read (and written back at the current
version on the next save). A file that cannot be read raises
:class:`UnreadableFileError` and is never written over: every save reads first.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from tinydb.storages import Storage

from bootcamp.store import save_lock
from bootcamp.store.codec import ShapeError
from bootcamp.store.durable import replace_durably, stale_temp_files
from bootcamp.store.errors import FileBusyError, FileNotSavedError, MissingFileError, UnreadableFileError

LOCK_TIMEOUT = 15.0  # seconds; a save holds a lock for milliseconds
LOCK_SUFFIX = ".lock"

Document = dict[str, Any]
Migration = Callable[[Document], Document]
T = TypeVar("T")


@dataclass(frozen=True)
class FileSchema:
    """What a file is (``format``), its current schema ``version``, and how to bring older ones up to it.

    ``migrations[n]`` turns a version-``n`` document into a version-``n + 1`` one.
    """

    format: str
    version: int
    migrations: Mapping[int, Migration] = field(default_factory=dict)


# Non-ASCII text stays readable in the file. Compact on purpose: with an indent, json falls back to its
# pure-Python encoder, several times slower.
json_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def file_bytes(text: str) -> bytes:
    """A file's bytes for the JSON ``text``: surrogatepass keeps even a lone surrogate a terminal produced."""
    return text.encode("utf-8", "surrogatepass") + b"\n"


def encode_document(document: Document) -> bytes:
    return file_bytes(json_text(document))


def decode_document(raw: bytes, path: Path) -> Any:
    try:
        text = raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(path, f"not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFileError(path, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None


class DurableJSONStorage(Storage):
    """A TinyDB storage for one JSON document, written atomically and durably (see the module docstring)."""

    def __init__(
        self, path: Path, schema: FileSchema, *, lock_timeout: float = LOCK_TIMEOUT, file_time: int | None = None
    ) -> None:
        self.path = path
        self.lock_path = str(path) + LOCK_SUFFIX
        self.schema = schema
        self.lock_timeout = lock_timeout
        self.file_time = file_time  # when set, the modification time every write leaves on the file and its lock

    def read(self) -> Document | None:
        """The document at its current schema version, or None when the file does not exist yet."""
        raw = self.read_bytes()
        return None if raw is None else self.decode(raw)

    def read_bytes(self) -> bytes | None:
        """The file's bytes, or None when it does not exist yet."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise UnreadableFileError(self.path, error.strerror or str(error)) from None

    def decode(self, raw: bytes) -> Document:
        """The document in ``raw``, bytes read from this file, at its current schema version."""
        return self._upgrade(decode_document(raw, self.path))

    def write(self, data: Document) -> None:
        """Replace the file with ``data`` (stamped with format and version). Call with the lock held, after a read."""
        self.write_bytes(self.encode(data))

    def encode(self, data: Document) -> bytes:
        """The bytes of ``data`` stamped with this file's format and version, as :meth:`write` writes them."""
        document = {"format": self.schema.format, "version": self.schema.version}
        document.update((k, v) for k, v in data.items() if k not in document)
        return encode_document(document)

    def write_bytes(self, raw: bytes) -> None:
        """Replace the file with ``raw``, bytes from :meth:`encode`. Call with the lock held, after a read."""
        replace_durably(self.path, raw)
        if self.file_time is not None:
            for written in (self.path, Path(self.lock_path)):
                if written.exists():
                    os.utime(written, (self.file_time, self.file_time))

    def close(self) -> None:  # nothing is held open between calls
        pass

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold ``<file>.lock`` for a read-modify-write.

        Stale temporary files are not looked for here: finding them lists the whole folder, which
        would make every save cost more in a larger room. They are swept when a workshop is opened.
        """
        try:
            release = save_lock.take(self.lock_path, self.lock_timeout)
        except save_lock.LockBusy:
            raise FileBusyError(self.path, self.lock_timeout) from None
        except OSError as error:
            raise FileNotSavedError(self.path, str(error.strerror or error), doing="lock") from error
        try:
            yield
        finally:
            release()

    def _upgrade(self, document: Any) -> Document:
        schema, path = self.schema, self.path
        if not isinstance(document, dict):
            kind = "a list" if isinstance(document, list) else "not an object"
            raise UnreadableFileError(path, f"not a bootcamp file (expected an object with \"format\": \"{schema.format}\", found {kind})")
        found = document.get("format")
        if found != schema.format:
            what = f"format {found!r}" if found is not None else "no \"format\" field"
            raise UnreadableFileError(path, f"not a bootcamp {schema.format} file ({what}, expected {schema.format!r})")
        version = document.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise UnreadableFileError(path, f"schema version {version!r} is not a positive whole number")
        if version > schema.version:
            raise UnreadableFileError(
                path,
                f"written by a newer bootcamp (schema version {version}; this one reads up to {schema.version}): "
                "upgrade bootcamp to open it",
            )
        while version < schema.version:
            migrate = schema.migrations.get(version)
            if migrate is None:
                raise UnreadableFileError(path, f"no migration from schema version {version} to {version + 1}")
            document = migrate(dict(document))
            version += 1
            document["version"] = version
        return document


def sweep_temp_files(path: Path) -> None:
    """Remove stale temporary files of ``path`` if no one is saving it right now (never waits)."""
    if not stale_temp_files(path):
        return
    try:
        release = save_lock.take(str(path) + LOCK_SUFFIX, timeout=0)
    except (save_lock.LockBusy, OSError):
        return  # a save is under way (its temporary file is not stale), or the folder is read-only
    try:
        for stale in stale_temp_files(path):
            stale.unlink(missing_ok=True)
    finally:
        release()


class TypedFile(Generic[T]):
    """A :class:`DurableJSONStorage` holding one value: decoded strictly, encoded completely.

    ``decode(document)`` may raise :class:`ShapeError`; it becomes an :class:`UnreadableFileError` naming the file.

    A save reads the file under its lock every time. When the bytes read are the very bytes this object
    wrote last, the value they hold is the one it wrote, kept from then: no decoding. Only bytes equal to
    those written count, so another writer's change (whatever its size or time stamp) is always decoded.
    A subclass whose encoding it can vouch for turns this on in :meth:`_encoded` (see there).
    """

    def __init__(
        self,
        path: Path,
        schema: FileSchema,
        *,
        encode: Callable[[T], Document],
        decode: Callable[[Document], T],
        missing: Callable[[], T] | None = None,
        file_time: int | None = None,
    ) -> None:
        self.storage = DurableJSONStorage(path, schema, file_time=file_time)
        self._encode = encode
        self._decode = decode
        self._missing = missing
        self._written: tuple[bytes, T] | None = None  # the bytes this object wrote last, and the value they hold

    @property
    def path(self) -> Path:
        return self.storage.path

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> T:
        return self._from_document(self.storage.read())

    def parse(self, raw: bytes) -> T:
        """The value in ``raw``, bytes read from this file: for a reader that keeps them to tell whether the file moved."""
        return self._from_document(self.storage.decode(raw))

    def load_existing(self) -> T | None:
        """The stored value, or None when there is no file: for a reader that must tell "gone" from "empty"."""
        document = self.storage.read()
        return None if document is None else self._from_document(document)

    def update(self, change: Callable[[T], T]) -> T:
        """Read, change and write the value under the file's lock: one read and one write per save."""
        storage = self.storage
        with storage.locked():
            raw = storage.read_bytes()
            written = self._written
            if written is not None and raw == written[0]:
                current = written[1]
            else:  # raises if unreadable, so an unreadable file is never replaced
                current = self._from_document(None if raw is None else storage.decode(raw))
            new = change(current)
            encoded, holds_exactly = self._encoded(new)
            try:
                storage.write_bytes(encoded)
            except OSError as error:  # a full disk, a folder gone read-only: the user can act on it
                raise FileNotSavedError(self.path, str(error.strerror or error)) from error
            if holds_exactly:
                self._written = (encoded, new)
            return new

    def _encoded(self, value: T) -> tuple[bytes, bool]:
        """The file's bytes for ``value``, and whether decoding them gives back exactly ``value``.

        Only a True lets :meth:`update` skip decoding those bytes when it reads them again; a subclass
        says True only when it has checked that for this ``value``.
        """
        return self.storage.encode(self._encode(value)), False

    def replace(self, value: T) -> None:
        """Write ``value`` whatever is stored, unless the stored file is unreadable (then it is kept)."""
        self.update(lambda _current: value)

    def create(self, value: T) -> None:
        """Write the first version of a file in a folder no other process knows yet (no lock needed)."""
        self.storage.write(self._encode(value))

    def _from_document(self, document: Document | None) -> T:
        if document is None:
            if self._missing is None:
                raise MissingFileError(self.path)
            return self._missing()
        body = {k: v for k, v in document.items() if k not in ("format", "version")}
        try:
            return self._decode(body)
        except ShapeError as error:
            raise UnreadableFileError(self.path, str(error)) from None


"""Reading a content folder: the text of every content file, and one problem for each that cannot be had."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from bootcamp.content.errors import ContentError, ContentProblem

CONTENT_FOLDERS = ("sessions", "exercises")
CONTENT_SUFFIXES = (".yaml", ".yml")


def read_sources(content_dir: Path) -> dict[str, str]:
    """Every content file under ``content_dir`` as ``{"sessions/x.yaml": text}``; a :class:`ContentError`
    names each file that cannot be read or is not UTF-8 text."""
    sources, unread = _read_files(content_dir)
    if unread:
        raise ContentError(unread)
    return sources


def read_content_folder(content_dir: Path) -> tuple[dict[str, str], list[ContentProblem]]:
    """The text of every content file in a content folder, and a problem for each file that could not be had; a
    :class:`ContentError` when ``content_dir`` is no content folder at all."""
    try:
        is_content = (content_dir / "sessions").is_dir()
        is_folder = is_content or content_dir.is_dir()
        exists = is_folder or content_dir.exists()
    except OSError as error:  # is_dir lets a permission error through
        raise _folder_refused(content_dir, f"cannot read it: {_why(error)}") from None
    if not exists:  # most likely a mistyped --content: say so, not that a folder lacks sessions/
        raise _folder_refused(content_dir, "the content folder does not exist: check the path")
    if not is_folder:
        raise _folder_refused(content_dir, "not a folder: give the folder that holds sessions/")
    if not is_content:
        raise _folder_refused(content_dir, "no sessions/ folder here: not a boot camp content folder")
    return _read_files(content_dir)


def _folder_refused(content_dir: Path, message: str) -> ContentError:
    return ContentError([ContentProblem(str(content_dir), 0, "", message)])


def _read_files(content_dir: Path) -> tuple[dict[str, str], list[ContentProblem]]:
    """The text of every content file, and a problem for each one that could not be had."""
    sources: dict[str, str] = {}
    unread: list[ContentProblem] = []
    for folder in CONTENT_FOLDERS:
        try:  # scandir, not glob: glob skips a folder it may not read without a word
            names = sorted(e.name for e in os.scandir(content_dir / folder) if e.name.endswith(CONTENT_SUFFIXES))
        except (FileNotFoundError, NotADirectoryError):
            continue  # exercises/ is optional; read_content_folder reports a missing sessions/
        except OSError as error:
            unread.append(ContentProblem(f"{folder}/", 0, "", f"cannot read the folder: {_why(error)}"))
            continue
        for name in names:
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:  # bytes that are not UTF-8 in the name: it could be neither shown nor stored
                shown = os.fsencode(name).decode("utf-8", "backslashreplace")
                unread.append(ContentProblem(f"{folder}/{shown}", 0, "", "the file name is not UTF-8 text; rename it"))
                continue
            relative = f"{folder}/{name}"
            text = _read_text(content_dir / folder / name, relative)
            if isinstance(text, ContentProblem):
                unread.append(text)
            else:
                sources[relative] = text
    return sources, unread


def _read_text(path: Path, name: str) -> str | ContentProblem:
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            return ContentProblem(name, 0, "", "cannot read it: it is a folder, not a file")
        if not stat.S_ISREG(mode):  # a pipe would wait for a writer forever
            return ContentProblem(name, 0, "", "cannot read it: not a regular file")
        data = path.read_bytes()
    except OSError as error:  # permission denied, or gone since the folder was listed
        return ContentProblem(name, 0, "", f"cannot read it: {_why(error)}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # a Windows editor's "Unicode"
        return ContentProblem(name, 1, "", "UTF-16 text, not UTF-8; save it as UTF-8", column=1)
    data = data.removeprefix(codecs.BOM_UTF8)  # the byte-order mark some Windows editors write
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(data, error.start)
        byte = data[error.start]
        return ContentProblem(name, line, "", f"not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", column)
    if "\0" in text:  # UTF-16 without a byte-order mark is valid UTF-8, a NUL in every other byte
        line, column = _line_and_column(data, data.index(b"\0"))
        return ContentProblem(name, line, "", "not UTF-8 text (byte 0x00, as in UTF-16); save it as UTF-8", column)
    return text


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of the byte at ``offset``; the bytes before it are UTF-8."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8")) + 1


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def content_hash(sources: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(sources[name].encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


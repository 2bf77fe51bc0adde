"""Joining a console left on when it ended without stopping it (killed, crashed, a power cut): what brings it back.

While joining is on, the console keeps ``phones.json`` beside ``state.json``: the address it serves on, the join
code, the key its forms' CSRF tokens are made with, and each seat's token hash with its participant. Stopping
joining (``j``, leaving the workshop, quitting, a closed terminal window: every open page is told) removes it. A
console that never stopped it leaves it, and the next console to open the workshop serves the same code again,
on the same address and port when the port is free: the open pages reconnect by themselves, their forms still
good, and every phone keeps its seat. The tokens themselves are never stored, only their hashes (as the server
keeps them), so the file cannot take a seat; it is private (0600) like every file of the workshop. A seat taken by
a name (anyone may tap any free name) keeps what it hid (``by_name``: fingerprints of the answers and comments given
for that person before it sat, never the words), so its phone shows after a restart what it showed before. A file
written before ``by_name`` existed reads as before: every seat as one the console gave.

A file that cannot be read is set aside, kept as it was under the time it was set aside
(``phones.json.damaged-20260921-101502``), and said in one sentence: joining then starts only when asked, with a new
code, and the phones scan it again. The newest few copies are kept, as evidence of what went wrong; older ones go, so
a file damaged again and again does not fill the workshop's folder.

Written again at every seat change, on the console's loop, as ``join.json`` is: atomically but not fsync'd, a
small file. A killed or crashed process leaves it whole; a power cut may lose it (the phones then scan again).
Pure Python.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bootcamp.errors import UserError
from bootcamp.join.seats import Cell, Unseen
from bootcamp.store.durable import replace_at_once

LEFT_ON_FILE = "phones.json"
# How long joining left on may come back: a seat's cookie lives this long (the server's COOKIE_SECONDS), so after
# it no phone holds its seat any more, and a workshop reopened the next day (or weeks later, to reread the notes)
# serves nothing on the network unasked.
COMES_BACK_SECONDS = 16 * 3600
KEPT_DAMAGED = 3  # copies of a damaged phones.json kept, the newest
# A copy set aside: by when (and a number, twice in one second), or by the names of before (".damaged", ".damaged-2").
_DAMAGED_COPY = re.compile(re.escape(LEFT_ON_FILE) + r"\.damaged(?:-(\d{8}-\d{6})(?:-\d+)?|-\d+)?")


@dataclass(frozen=True)
class LeftOn:
    """Joining as a console left it: enough to serve the same code again, with the same seats."""

    host: str
    port: int
    code: str
    key: bytes  # the server's key for CSRF tokens: the open pages' forms stay good
    seats: tuple[tuple[str, str], ...] = ()  # (token hash, participant id), in the order they were taken
    slide_step: str = ""  # the step the join slide was up on
    written_at: float = 0.0  # the file's modification time (epoch seconds): its last seat change
    by_name: Mapping[str, Unseen] = field(default_factory=dict)  # token hash → what a seat taken by a name hides


class LeftOnUnreadable(UserError):
    """``phones.json`` was there and could not be read: one sentence, the file set aside as it was."""


def left_on_path(folder: Path) -> Path:
    return folder / LEFT_ON_FILE


def write_left_on(folder: Path, left: LeftOn) -> None:
    """Replace ``phones.json`` at once (a reader sees the old file or the new one)."""
    data = json.dumps(
        {
            "host": left.host,
            "port": left.port,
            "code": left.code,
            "key": left.key.hex(),
            "seats": [[token_hash, participant] for token_hash, participant in left.seats],
            "slide_step": left.slide_step,
            "by_name": {
                token_hash: {"answers": _rows(hidden.answers), "comments": _rows(hidden.comments)}
                for token_hash, hidden in left.by_name.items()
            },
        }
    ).encode()
    replace_at_once(left_on_path(folder), data)


def remove_left_on(folder: Path) -> None:
    left_on_path(folder).unlink(missing_ok=True)


def read_left_on(folder: Path, now: float | None = None) -> LeftOn | None:
    """Joining a console left on in ``folder``; None when it was stopped, or what is there is not one, or it was
    left more than :data:`COMES_BACK_SECONDS` before ``now`` (the system's time: a file's time is that too), when
    it is removed. A file that cannot be read is set aside and :class:`LeftOnUnreadable` says so."""
    path = left_on_path(folder)
    now = time.time() if now is None else now
    try:
        written_at = path.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error), now) from None
    if written_at < now - COMES_BACK_SECONDS:
        path.unlink(missing_ok=True)
        return None
    try:
        found = json.loads(path.read_bytes())
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error), now) from None
    except ValueError as error:  # not UTF-8, or not JSON
        where = f" at line {error.lineno}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
        raise _unreadable(path, f"not valid JSON{where}", now) from None
    try:
        left = LeftOn(
            host=str(found["host"]),
            port=int(found["port"]),
            code=str(found["code"]),
            key=bytes.fromhex(str(found["key"])),
            seats=tuple((str(token_hash), str(participant)) for token_hash, participant in found.get("seats", [])),
            slide_step=str(found.get("slide_step", "")),
            written_at=written_at,
            by_name=_by_name(found.get("by_name", {})),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _unreadable(path, "not joining as a console leaves it", now) from None
    if not (left.host and left.code and left.key and 0 < left.port <= 65535):
        raise _unreadable(path, "not joining as a console leaves it", now)
    return left


def _rows(cells: tuple[tuple[Cell, str], ...]) -> list[list[str]]:
    return [[*cell, mark] for cell, mark in cells]


def _by_name(found: Any) -> dict[str, Unseen]:
    if not isinstance(found, dict):
        raise TypeError("by_name")
    return {str(token): Unseen(_cells(seat["answers"]), _cells(seat["comments"])) for token, seat in found.items()}


def _cells(rows: Any) -> tuple[tuple[Cell, str], ...]:
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) == 4 and all(isinstance(part, str) for part in row) for row in rows
    ):
        raise TypeError("cells")
    return tuple(((step, item, perspective), mark) for step, item, perspective, mark in rows)


def _unreadable(path: Path, reason: str, now: float) -> LeftOnUnreadable:
    """Set ``path`` aside as it is, named by ``now`` (a new one is written when joining starts), keep only the newest
    :data:`KEPT_DAMAGED` copies, and say so in one sentence naming the copy."""
    stamped = f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}"
    aside = path.with_name(stamped)
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{stamped}-{number}")
    try:
        os.rename(path, aside)
        kept = f"it is kept as {aside.name}"
    except OSError:
        kept = "it is left as it is"
    else:
        _forget_old_copies(path.parent, aside)
    return LeftOnUnreadable(
        f"Joining left on by the last console did not come back: {path} could not be read ({reason}); {kept}, and "
        "j starts joining with a new code for the room to scan"
    )


def _forget_old_copies(folder: Path, newest: Path) -> None:
    """Remove all but the newest :data:`KEPT_DAMAGED` copies set aside in ``folder`` (never ``newest``, nor any file
    not named as a copy); the names of before count as older than any named by time, among them the older first."""
    copies = []
    for found in folder.iterdir():
        named = _DAMAGED_COPY.fullmatch(found.name)
        if named is None or found == newest:
            continue
        try:
            when = (1, found.name) if named.group(1) else (0, found.stat().st_mtime)
        except OSError:
            continue
        copies.append((when, found))
    copies.sort(key=lambda copy: copy[0])
    for _, old in copies[: max(0, len(copies) - (KEPT_DAMAGED - 1))]:
        try:
            old.unlink()
        except OSError:
            pass  # a copy that cannot be removed is one more kept: nothing worse


def seats_held_by(folder: Path, participant_id: str) -> int:
    """How many phones' seats left on in ``folder`` the participant holds (0 when none is left on, or unreadable)."""
    try:
        left = read_left_on(folder)
    except LeftOnUnreadable:
        return 0
    return 0 if left is None else sum(1 for _, holder in left.seats if holder == participant_id)


def forget_holder(folder: Path, participant_id: str) -> None:
    """A participant forgotten (``bootcamp forget``): their seats out of ``phones.json``, its time kept so joining
    comes back no later than it would have, and every damaged copy of that file removed, since a copy that cannot be
    read cannot have one seat taken out."""
    try:
        left = read_left_on(folder)
    except LeftOnUnreadable:  # set aside as a damaged copy: removed below
        left = None
    if left is not None and any(holder == participant_id for _, holder in left.seats):
        gone = {token for token, holder in left.seats if holder == participant_id}
        kept = dataclasses.replace(
            left,
            seats=tuple(seat for seat in left.seats if seat[1] != participant_id),
            by_name={token: hidden for token, hidden in left.by_name.items() if token not in gone},
        )
        write_left_on(folder, kept)
        os.utime(left_on_path(folder), (left.written_at, left.written_at))
    for copy in folder.glob(f"{LEFT_ON_FILE}.damaged*"):
        copy.unlink(missing_ok=True)

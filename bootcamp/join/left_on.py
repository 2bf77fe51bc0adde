"""Joining a console left on when it ended without stopping it (killed, crashed, a power cut): what brings it back.

While joining is on, the console keeps ``phones.json`` beside ``state.json``: the address it serves on, the join
code, the key its forms' CSRF tokens are made with, and each seat's token hash with its participant. Stopping
joining (``j``, leaving the workshop, quitting, a closed terminal window: every open page is told) removes it. A
console that never stopped it leaves it, and the next console to open the workshop serves the same code again,
on the same address and port when the port is free: the open pages reconnect by themselves, their forms still
good, and every phone keeps its seat. The tokens themselves are never stored, only their hashes (as the server
keeps them), so the file cannot take a seat; it is private (0600) like every file of the workshop.

Written again at every seat change, on the console's loop, as ``join.json`` is: atomically but not fsync'd, a
small file. A killed or crashed process leaves it whole; a power cut may lose it (the phones then scan again).
Pure Python.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from bootcamp.store.durable import replace_at_once

LEFT_ON_FILE = "phones.json"
# How long joining left on may come back: a seat's cookie lives this long (the server's COOKIE_SECONDS), so after
# it no phone holds its seat any more, and a workshop reopened the next day (or weeks later, to reread the notes)
# serves nothing on the network unasked.
COMES_BACK_SECONDS = 16 * 3600


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
        }
    ).encode()
    replace_at_once(left_on_path(folder), data)


def remove_left_on(folder: Path) -> None:
    left_on_path(folder).unlink(missing_ok=True)


def read_left_on(folder: Path, now: float | None = None) -> LeftOn | None:
    """Joining a console left on in ``folder``; None when it was stopped, or what is there is not one, or it was
    left more than :data:`COMES_BACK_SECONDS` before ``now`` (the system's time: a file's time is that too), when
    it is removed."""
    path = left_on_path(folder)
    try:
        written_at = path.stat().st_mtime
        if written_at < (time.time() if now is None else now) - COMES_BACK_SECONDS:
            path.unlink(missing_ok=True)
            return None
        found = json.loads(path.read_bytes())
        left = LeftOn(
            host=str(found["host"]),
            port=int(found["port"]),
            code=str(found["code"]),
            key=bytes.fromhex(str(found["key"])),
            seats=tuple((str(token_hash), str(participant)) for token_hash, participant in found.get("seats", [])),
            slide_step=str(found.get("slide_step", "")),
            written_at=written_at,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (left.host and left.code and left.key and 0 < left.port <= 65535):
        return None
    return left

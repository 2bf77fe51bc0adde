"""What the wall may show of joining: the join URL, its code, and the step the join slide is up on.

The console shows it in presenter mode; a projector window reads files only, so while joining is on
the console also keeps it in ``join.json`` beside ``state.json`` and removes it when joining stops.
Nothing secret is in it: the URL and the code are what the wall shows anyway, and the folder is
private. A file left by a console that was killed is not believed: a projector window shows it only
while a console holds the workshop, and a console removes it when it opens the workshop. Pure Python.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from bootcamp.store.durable import replace_at_once

INVITE_FILE = "join.json"


@dataclass(frozen=True)
class Invite:
    url: str  # http://HOST:PORT/CODE
    code: str
    # The step the join slide was put up on: it shows over that step only, so the room moving on takes it
    # down, on a projector window too even before this file is written again ("": not up).
    slide_step: str = ""

    def slide_over(self, step_key: str) -> bool:
        return bool(self.slide_step) and self.slide_step == step_key

    @property
    def typed(self) -> str:
        """The URL as a latecomer types it from the wall: without ``http://``, which a browser adds."""
        return self.url.removeprefix("http://")


def invite_path(folder: Path) -> Path:
    return folder / INVITE_FILE


def write_invite(folder: Path, invite: Invite) -> None:
    """Replace ``join.json`` at once (a reader sees the old file or the new one).

    Not fsync'd: it lives only while the console runs, and is written again with every change.
    """
    data = json.dumps({"url": invite.url, "code": invite.code, "slide_step": invite.slide_step}).encode()
    replace_at_once(invite_path(folder), data)


def remove_invite(folder: Path) -> None:
    invite_path(folder).unlink(missing_ok=True)


def read_invite(folder: Path) -> Invite | None:
    """The invite in ``join.json``; None when there is none, or what is there is not one."""
    try:
        found = json.loads(invite_path(folder).read_bytes())
        invite = Invite(str(found["url"]), str(found["code"]), str(found.get("slide_step", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return invite if invite.url.startswith("http://") and invite.code else None


class InviteWatch:
    """``join.json`` as a projector window polls it: read again only when the file changed (a stat otherwise)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.invite: Invite | None = None
        self._seen: tuple[int, int, int] | None = None

    def poll(self) -> bool:
        """Look again; True when the invite changed (came, went or differs)."""
        try:
            found = os.stat(invite_path(self.folder))
            now: tuple[int, int, int] | None = (found.st_ino, found.st_size, found.st_mtime_ns)
        except OSError:
            now = None
        if now == self._seen:
            return False
        self._seen = now
        invite = read_invite(self.folder) if now is not None else None
        changed = invite != self.invite
        self.invite = invite
        return changed

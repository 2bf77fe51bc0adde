"""Joining as the console runs it: the join server, ``join.json`` for a projector window, ``phones.json`` to come
back after a crash, and what the console shows.

:meth:`ConsoleJoining.start` starts the server on the running loop (the live workshop's) and tells the
console whenever :attr:`ConsoleJoining.now` changed: the invite the wall shows, whose seats phones hold,
who waits to be let in. Given what a console that did not stop joining left (:mod:`bootcamp.join.left_on`), it
serves the same code on the same address, the same port if it is free, and the phones keep their seats. This
module imports no server itself (aiohttp loads when joining starts) and no Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bootcamp.join.addresses import JoinAddress
from bootcamp.join.invite import Invite, remove_invite, write_invite
from bootcamp.join.left_on import LeftOn, remove_left_on, write_left_on
from bootcamp.join.seats import Waiting
from bootcamp.live.changes import Change, Part

if TYPE_CHECKING:
    from bootcamp.join.server import JoinServer
    from bootcamp.live.workshop import LiveWorkshop


@dataclass(frozen=True)
class Joining:
    """What the console shows of joining, as of one moment."""

    invite: Invite
    phones: frozenset[str] = frozenset()  # participant ids whose seat a phone holds
    waiting: tuple[Waiting, ...] = ()  # people not on the roster who asked to be let in, first come first
    unreached: bool = False  # joining has been on a while and no phone has opened the page

    @property
    def url(self) -> str:
        return self.invite.url

    @property
    def hint(self) -> str:
        """What the console (never the wall) says when no phone has reached the page: most often a Wi-Fi that
        keeps devices apart (hotel and guest networks), or the loopback a rehearsal used."""
        if not self.unreached:
            return ""
        host = self.url.removeprefix("http://").split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
        with contextlib.suppress(ValueError):
            if ipaddress.ip_address(host).is_loopback:
                return f"No phone has reached the page: {host} is this laptop only; j stops joining, j again to choose"
        return (
            "No phone has reached the page: if phones can't open it, the Wi-Fi may keep devices apart; "
            "a phone hotspot works"
        )


Told = Callable[[], None]  # what ``now`` gives changed (called on the loop, from the change itself)
UNREACHED_SECONDS = 90.0  # joining on this long with no phone on the page: the console says what may be wrong


class ConsoleJoining:
    def __init__(self, server: JoinServer, workshop: LiveWorkshop, told: Told) -> None:
        self.server = server
        self.workshop = workshop
        self.invite = Invite(server.url, server.code)
        self._told = told
        self._stopped = False
        self.moved_from = ""  # HOST:PORT of joining left on, when this serves its code somewhere else
        self._started = time.monotonic()
        self._unreached_after = UNREACHED_SECONDS
        self._unreached_check = asyncio.get_running_loop().call_later(self._unreached_after, self._tell)
        self._unlisten_seats = server.listen(self._seats_changed)
        self._unlisten_room = workshop.listen(self._room_changed)

    @classmethod
    async def start(
        cls,
        workshop: LiveWorkshop,
        address: JoinAddress,
        log_path: Path,
        told: Told,
        *,
        slide: bool | None = True,
        left: LeftOn | None = None,
    ) -> ConsoleJoining:
        """Serve the phone page on ``address`` (a JoinError, one sentence, if it cannot); ``slide`` puts the join
        slide up on the current step, as the facilitator starting to join the room wants.

        With ``left`` (joining a console left on), the same code, key and seats; when ``address`` is where it
        was left and its port is taken now, any free port (:attr:`moved_from` says where it was). ``slide`` None:
        the join slide as it was left, and up if joining moved."""
        from bootcamp.join.server import JoinError, JoinServer, host_in_url  # aiohttp, only now

        kept = {"code": left.code, "key": left.key, "seats": left.seats, "by_name": left.by_name} if left else {}
        try:
            server = await JoinServer.start(workshop, address.host, address.bound_port, log_path, **kept)
        except JoinError as refused:
            if left is None or not refused.port_in_use or address.bound_port == 0:
                raise
            server = await JoinServer.start(workshop, address.host, 0, log_path, **kept)
        joining = cls(server, workshop, told)
        if left is not None and (server.host, server.port) != (left.host, left.port):
            joining.moved_from = f"{host_in_url(left.host)}:{left.port}"
        if slide is None:
            slide = bool(joining.moved_from) or (left is not None and left.slide_step == workshop.flow.current.key)
        joining.show_slide(slide)
        return joining

    @property
    def now(self) -> Joining:
        unreached = not self.server.reached and time.monotonic() - self._started >= self._unreached_after
        return Joining(self.invite, frozenset(self.server.joined), self.server.waiting, unreached)

    @property
    def folder(self) -> Path:
        return self.workshop.files.path

    def show_slide(self, on: bool) -> None:
        """Put the join slide up on the current step (the wall shows it until the room moves on), or take it down."""
        self.invite = replace(self.invite, slide_step=self.workshop.flow.current.key if on else "")
        # A projector window will not show it if the invite cannot be written; the console still does, and
        # joining goes on.
        with contextlib.suppress(OSError):
            write_invite(self.folder, self.invite)
        self._keep_for_a_crash()
        self._tell()

    def _keep_for_a_crash(self) -> None:
        """``phones.json`` as joining stands: what the next console serves again if this one never stops joining."""
        if self._stopped:
            return
        server = self.server
        slide, by_name = self.invite.slide_step, server.by_name
        left = LeftOn(server.host, server.port, server.code, server.key, server.held, slide, by_name=by_name)
        # If it cannot be written, joining goes on; only coming back after a crash would need the phones to scan.
        with contextlib.suppress(OSError):
            write_left_on(self.folder, left)

    def _seats_changed(self) -> None:
        self._keep_for_a_crash()
        self._tell()

    def _room_changed(self, change: Change) -> None:
        if self.invite.slide_step and change.touches(Part.POSITION):
            if not self.invite.slide_over(self.workshop.flow.current.key):
                self.show_slide(False)

    def _tell(self) -> None:
        if not self._stopped:
            self._told()

    async def stop(self, *, keep: bool = False) -> None:
        """Stop serving (every open page is told its saved answers are kept) and take the invite off the wall.

        ``keep``: nobody chose to stop (the app ended by a signal): the pages are told nothing and keep trying, and
        ``phones.json`` stays for the next console to bring joining back, as after a crash."""
        if self._stopped:
            return
        self._stopped = True
        self._unreached_check.cancel()
        self._unlisten_seats()
        self._unlisten_room()
        # Read-only now: a projector window stops believing the invite once no console holds the workshop.
        with contextlib.suppress(OSError):
            remove_invite(self.folder)
        if not keep:
            with contextlib.suppress(OSError):  # stopped on purpose: the next console starts joining only when asked
                remove_left_on(self.folder)
        await self.server.stop(tell=not keep)

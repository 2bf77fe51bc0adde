"""The join server: the phone page on the live workshop's own asyncio loop (no second thread changes it).

``server = await JoinServer.start(workshop, host, port, log_path)`` binds exactly ``host:port`` (every
address only when the host is ``0.0.0.0``) and serves ``http://HOST:PORT/CODE``; ``await server.stop()``
ends it and tells every open page that the answers it showed as saved are kept. The console calls
:meth:`admit`, :meth:`turn_away` and :meth:`release`, reads :attr:`joined` and :attr:`waiting`, and
hears of seat changes through :meth:`listen`. Imports aiohttp: import this module only when joining starts.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import os
from collections.abc import Callable, Coroutine, Iterable, Mapping
from pathlib import Path
from typing import Any

from aiohttp import web

from bootcamp.errors import UserError
from bootcamp.join import tokens
from bootcamp.join.addresses import EVERY_ADDRESS, candidates, is_here, not_here, port_in_use
from bootcamp.join.events import ALIVE, KEEP_ALIVE_SECONDS, SILENCE_LOST_SECONDS, Streams, event
from bootcamp.join.forms import PhoneForms
from bootcamp.join.guard import Guard, add_security_headers
from bootcamp.join.join_code import new_join_code
from bootcamp.join.left_on import COMES_BACK_SECONDS
from bootcamp.join.pages import Pages
from bootcamp.join.phone_view import Screen
from bootcamp.join.room import PhoneRoom
from bootcamp.join.save_waits import SaveWaits
from bootcamp.join.seats import Unseen, Waiting
from bootcamp.join.server_log import AccessLog, close_logger, file_logger
from bootcamp.limits import COMMENT, NOTE, PERSON_NAME
from bootcamp.live.changes import Change
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store.model import Participant

COOKIE = "seat"
COOKIE_SECONDS = COMES_BACK_SECONDS  # a workshop day: a phone that slept through lunch keeps its seat
SAVE_WAIT_SECONDS = 2.0  # how long a post waits for the writer before answering "saving…"
# How long the page's script waits for a post's answer (the server answers within SAVE_WAIT_SECONDS) before it gives
# up and says the tap was not sent; a post it gave up on is not stored when it arrives later (forms.py).
POST_PATIENCE_SECONDS = SAVE_WAIT_SECONDS + 8
CLOSED_POLL_SECONDS = 0.5  # how often the server looks whether the workshop was closed under it
STOP_SECONDS = 1.0  # how long stopping waits for the open pages to be told
STOPPED = "Joining has stopped; the answers this page showed as saved are kept."
# The largest form: a note (or a ballot with its comment and every pick) percent-encoded, with room for the rest.
# A character is up to 4 bytes in UTF-8 and each byte up to 3 characters encoded.
MAX_BODY = 3 * 4 * max(NOTE.chars, COMMENT.chars, PERSON_NAME.chars) + 64 * 1024

SeatListener = Callable[[], None]


class JoinError(UserError):
    """Joining could not start (the port is in use, or the address not this machine's): one sentence for the
    console, which adds what to do."""

    def __init__(self, message: str, *, port_in_use: bool = False, not_here: bool = False) -> None:
        super().__init__(message)
        self.port_in_use = port_in_use  # the address is this machine's, its port another program's
        self.not_here = not_here  # no interface of this machine has the address (yesterday's network)


def refused(host: str, port: int, error: OSError) -> JoinError:
    """Why binding ``host:port`` failed, in the facilitator's words: asyncio's OSError carries its own long text
    (``error while attempting to bind on address ('192.168.1.20', 8765): …``) as its strerror."""
    if error.errno == errno.EADDRINUSE:
        return JoinError(port_in_use(port), port_in_use=True)
    # Python 3.13's asyncio passes over an address no interface has (as over a family not enabled), then raises with
    # no errno: "could not bind on any address out of [('192.0.2.77', 8765)]".
    if error.errno == errno.EADDRNOTAVAIL or (error.errno is None and not is_here(host)):
        return JoinError(not_here(host), not_here=True)
    why = os.strerror(error.errno) if error.errno else str(error)
    return JoinError(f"cannot serve the phone page on {host_in_url(host)}:{port}: {why}")


def host_in_url(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


class JoinServer:
    def __init__(self, workshop: LiveWorkshop, code: str, log_path: Path, key: bytes = b"") -> None:
        self.workshop = workshop
        self.code = code
        self.log_path = log_path
        self.room = PhoneRoom(workshop)
        self.pages = Pages("/" + code)
        self.streams = Streams()
        self.save_waits = SaveWaits(workshop.records)
        self.save_wait = SAVE_WAIT_SECONDS
        self.keep_alive = KEEP_ALIVE_SECONDS
        self.silence_lost = SILENCE_LOST_SECONDS  # the page's patience with a silent stream
        self.post_patience = POST_PATIENCE_SECONDS  # and with an unanswered post
        self.guard = Guard(code)  # Host, Origin and the join code, before any page
        # For CSRF tokens: a page of an earlier server is stale, unless this server takes over its key (a console
        # that came back after a crash serves the same pages again).
        self.key = key or tokens.new_key()
        self.host = ""
        self.port = 0
        self.reached = False  # a phone has opened the page (the console stops wondering whether any can)
        self._seat_listeners: list[SeatListener] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self._stopped = False
        self._silent = False  # stopping without telling the pages
        self._unlisten: Callable[[], None] = lambda: None
        # Why the log is not kept ("" when it is): the console says so once joining has started.
        self._logger, self.log_not_kept = file_logger(f"bootcamp.join.{code}.{id(self)}", log_path)

    # -- start and stop ---------------------------------------------------------------------------------------

    @classmethod
    async def start(
        cls,
        workshop: LiveWorkshop,
        host: str,
        port: int,
        log_path: Path,
        *,
        code: str = "",
        key: bytes = b"",
        seats: Iterable[tuple[str, str]] = (),
        by_name: Mapping[str, Unseen] | None = None,
    ) -> JoinServer:
        """Serve the phone page on ``host:port`` (port 0: any free one) on the running loop, the workshop's.

        ``code``, ``key``, ``seats`` (token hash, participant id) and ``by_name`` (what each seat taken by a name
        hid, by token hash) carry on joining that a console left on."""
        server = cls(workshop, code or new_join_code(), log_path, key)
        server.room.sit_again(seats, by_name)
        try:
            await server._serve(host, port)
        except OSError as error:  # in use, or not an address of this machine
            await server.stop()
            raise refused(host, port, error) from None
        except BaseException:
            await server.stop()
            raise
        return server

    async def _serve(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_BODY, logger=self._logger, middlewares=[self.guard.middleware])
        app.on_response_prepare.append(add_security_headers)
        base = "/" + self.code
        app.router.add_get(base, self._page)
        app.router.add_get(base + "/events", self._events)
        app.router.add_get(base + "/alive", self._alive)
        for name in self.pages.assets:
            app.router.add_get(f"{base}/{name}", self._asset)
        for action, handler in PhoneForms(self).routes().items():
            app.router.add_post(f"{base}/{action}", handler)
        self._runner = web.AppRunner(
            app, access_log_class=AccessLog, access_log=self._logger, logger=self._logger, shutdown_timeout=STOP_SECONDS
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self.host, self.port = host, self._runner.addresses[0][1]
        hosts = [host] if host != EVERY_ADDRESS else [c.address for c in candidates()]
        self.guard.allow(f"{host_in_url(h)}:{self.port}" for h in hosts)
        if self.port == 80:  # a browser leaves the default port out of Host and Origin
            self.guard.allow(host_in_url(h) for h in hosts)
        self._unlisten = self.workshop.listen(self._workshop_changed)
        self.keep(self._watch_closed())
        self._logger.info("joining started: %s", self.url)

    async def stop(self, *, tell: bool = True) -> None:
        """Stop serving: every open page is told that joining stopped and that its saved answers are kept.

        ``tell`` False: the open pages' streams end without a word, as when the console is killed: each page says
        it lost contact and keeps trying, for the next console that serves this code."""
        if self._stopped:
            return
        self._stopped = True
        self._silent = not tell
        if tell and not self.room.closed:
            self.room.closed = STOPPED
        self._unlisten()
        self.streams.flush()
        for _ in range(int(STOP_SECONDS / 0.05)):
            if not len(self.streams):
                break
            await asyncio.sleep(0.05)
        for task in list(self._tasks):
            task.cancel()
        self.save_waits.cancel()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        self._logger.info("joining stopped")
        close_logger(self._logger)

    @property
    def url(self) -> str:
        """``http://HOST:PORT/CODE``: what the join slide shows and its QR code holds."""
        host = self.host
        if host == EVERY_ADDRESS:
            host = next((c.address for c in candidates() if not c.loopback), "127.0.0.1")
        return f"http://{host_in_url(host)}:{self.port}/{self.code}"

    # -- what the console calls -------------------------------------------------------------------------------

    @property
    def joined(self) -> tuple[str, ...]:
        """The participant ids (of people present) whose seats a phone holds, in the order they joined."""
        present = {p.id for p in self.workshop.info.present}
        return tuple(pid for pid in self.room.seats.joined if pid in present)

    @property
    def waiting(self) -> tuple[Waiting, ...]:
        """People not on the roster who asked to be let in, first come first."""
        return self.room.seats.waiting

    @property
    def held(self) -> tuple[tuple[str, str], ...]:
        """Each seat a phone holds, as (its token's hash, the participant id): what a console keeps to come back."""
        return self.room.seats.held_by

    @property
    def by_name(self) -> dict[str, Unseen]:
        """What each seat taken by a name hides, by its token's hash: what a console keeps to come back as well."""
        return self.room.seats.by_name

    def admit(self, waiting_id: str, *, new: bool = False) -> Participant:
        """Let someone in: added to the roster (one sentence if refused), their phone holds the new seat; or the
        seat of their name (free by now, or removed and brought back) unless ``new``."""
        person = self.room.admit(waiting_id, new=new)
        self.seats_changed()
        return person

    def namesakes(self, waiting: Waiting, *, removed: bool = False) -> tuple[Participant, ...]:
        """The people present (``removed``: removed) with the name someone waiting typed (case, accents and
        spacing aside)."""
        return self.room.namesakes(waiting.name, removed=removed)

    def turn_away(self, waiting_id: str) -> None:
        """Someone asked to be let in and is not: their phone goes back to the names, told so."""
        self.room.seats.turn_away(waiting_id)
        self.seats_changed()

    def release(self, participant_id: str) -> bool:
        """Free a seat: its phone picks again, and another phone may take it."""
        released = self.room.seats.release(participant_id)
        if released:
            self.seats_changed()
        return released

    def listen(self, listener: SeatListener) -> Callable[[], None]:
        """Call ``listener`` when someone joins, asks to be let in, or a seat is released; returns what stops it."""
        self._seat_listeners.append(listener)
        return lambda: self._seat_listeners.remove(listener) if listener in self._seat_listeners else None

    def log(self, message: str) -> None:
        """A line in the server's log (in the data folder, never on the terminal)."""
        self._logger.info("%s", message)

    # -- changes ----------------------------------------------------------------------------------------------

    def _workshop_changed(self, change: Change) -> None:
        self.changed()

    def changed(self) -> None:
        """Something a phone may show changed: the open pages hear of it, waiting posts look at their saves."""
        self.streams.changed()
        self.save_waits.changed()

    def seats_changed(self) -> None:
        self.changed()
        for listener in tuple(self._seat_listeners):
            listener()

    def keep(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """Run ``work`` on the loop until it ends or the server stops."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _watch_closed(self) -> None:
        """The console may close the workshop without stopping joining first: the pages say so all the same."""
        while self.workshop.accepting and not self.room.closed:
            await asyncio.sleep(CLOSED_POLL_SECONDS)
        self.changed()

    # -- pages ------------------------------------------------------------------------------------------------

    def token_of(self, request: web.Request) -> str:
        """The browser's token: its cookie, which holds its seat once it has one."""
        return request.cookies.get(COOKIE, "")

    def render(self, token: str, *, status: int, whole: bool, message: str = "", unsent: str = "") -> web.Response:
        """The page (``whole``) or its part that follows the console, as the browser holding ``token`` sees it."""
        view = self.room.view(tokens.token_hash(token), message=message, unsent=unsent)
        csrf = tokens.csrf_token(self.key, token)
        patience = (self.silence_lost, self.post_patience)
        html = self.pages.page(view, csrf, patience) if whole else self.pages.view(view, csrf)
        return web.Response(status=status, text=html, content_type="text/html")

    async def _page(self, request: web.Request) -> web.StreamResponse:
        if not self.reached:
            self.reached = True
            self.seats_changed()  # the console hears of it as of a seat
        token = self.token_of(request)
        if token:
            return self.render(token, status=200, whole=True)
        token = tokens.new_token()  # a browser's first visit: the token its seat will be held by
        response = self.render(token, status=200, whole=True)
        response.set_cookie(
            COOKIE, token, path="/" + self.code, max_age=COOKIE_SECONDS, httponly=True, samesite="Strict"
        )
        return response

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        asset = self.pages.assets[request.path.rsplit("/", 1)[1]]
        return web.Response(body=asset.body, content_type=asset.content_type)

    async def _alive(self, request: web.Request) -> web.StreamResponse:
        """What a page that lost contact asks to see whether the laptop is back: nothing made, nothing sent (a
        stopped laptop finds these queued when it wakes, a few from each phone)."""
        return web.Response(status=204)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """The page's part again whenever it changes, until joining stops or the workshop closes."""
        token = self.token_of(request)
        token_hash, csrf = tokens.token_hash(token), tokens.csrf_token(self.key, token)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"})
        try:
            await response.prepare(request)
        except ConnectionResetError:  # a stream its page gave up on while the laptop slept, taken in only now
            return response
        wake = self.streams.open()
        shown = None
        try:
            while not self._silent:
                view = self.room.view(token_hash)
                if view != shown:
                    closed = view.screen is Screen.CLOSED
                    await response.write(event("closed" if closed else "view", self.pages.view(view, csrf)))
                    shown = view
                    if closed:
                        break
                try:
                    await asyncio.wait_for(wake.wait(), self.keep_alive)
                except TimeoutError:
                    await response.write(event(ALIVE, "still here"))  # a comment line would not reach the script
                wake.clear()
        except ConnectionResetError:  # the phone went away (asleep, closed): its next page opens a new stream
            pass
        finally:
            self.streams.close(wake)
        return response

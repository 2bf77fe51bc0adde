"""The join server: the phone page on the live workshop's own asyncio loop (no second thread changes it).

``server = await JoinServer.start(workshop, host, port, log_path)`` binds exactly ``host:port`` (every
address only when the host is ``0.0.0.0``) and serves ``http://HOST:PORT/CODE``; ``await server.stop()``
ends it and tells every open page that the answers it showed as saved are kept. The console calls
:meth:`admit`, :meth:`turn_away` and :meth:`release`, reads :attr:`joined` and :attr:`waiting`, and
hears of seat changes through :meth:`listen`. Imports aiohttp: import this module only when joining starts.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from bootcamp.errors import UserError
from bootcamp.join import tokens
from bootcamp.join.addresses import EVERY_ADDRESS, candidates
from bootcamp.join.events import KEEP_ALIVE_SECONDS, Streams, event
from bootcamp.join.guard import Guard, add_security_headers
from bootcamp.join.join_code import new_join_code
from bootcamp.join.pages import Pages
from bootcamp.join.phone_view import Screen
from bootcamp.join.room import PhoneRoom, WorkshopClosed
from bootcamp.join.seats import Seat, Waiting
from bootcamp.join.server_log import AccessLog, close_logger, file_logger
from bootcamp.limits import COMMENT, NOTE, PERSON_NAME
from bootcamp.live.changes import Change
from bootcamp.live.saving import Mark
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store.model import Participant

COOKIE = "seat"
COOKIE_SECONDS = 16 * 3600  # a workshop day: a phone that slept through lunch keeps its seat
SAVE_WAIT_SECONDS = 2.0  # how long a post waits for the writer before answering "saving…"
CLOSED_POLL_SECONDS = 0.5  # how often the server looks whether the workshop was closed under it
STOP_SECONDS = 1.0  # how long stopping waits for the open pages to be told
STOPPED = "Joining has stopped; the answers this page showed as saved are kept."
# The largest form: a note (or a ballot with its comment and every pick) percent-encoded, with room for the rest.
# A character is up to 4 bytes in UTF-8 and each byte up to 3 characters encoded.
MAX_BODY = 3 * 4 * max(NOTE.chars, COMMENT.chars, PERSON_NAME.chars) + 64 * 1024

SeatListener = Callable[[], None]


class JoinError(UserError):
    """Joining could not start (the address is in use, or not this machine's): one sentence for the console."""


def host_in_url(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


class JoinServer:
    def __init__(self, workshop: LiveWorkshop, code: str, log_path: Path) -> None:
        self.workshop = workshop
        self.code = code
        self.log_path = log_path
        self.room = PhoneRoom(workshop)
        self.pages = Pages("/" + code)
        self.streams = Streams()
        self.save_wait = SAVE_WAIT_SECONDS
        self.guard = Guard(code)  # Host, Origin and the join code, before any page
        self.host = ""
        self.port = 0
        self._key = tokens.new_key()
        self._seat_listeners: list[SeatListener] = []
        self._save_waits: list[tuple[Sequence[str], asyncio.Future[None]]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self._stopped = False
        self._unlisten: Callable[[], None] = lambda: None
        self._logger = file_logger(f"bootcamp.join.{code}.{id(self)}", log_path)

    # -- start and stop ---------------------------------------------------------------------------------------

    @classmethod
    async def start(
        cls, workshop: LiveWorkshop, host: str, port: int, log_path: Path, *, code: str = ""
    ) -> JoinServer:
        """Serve the phone page on ``host:port`` (port 0: any free one) on the running loop, the workshop's."""
        server = cls(workshop, code or new_join_code(), log_path)
        try:
            await server._serve(host, port)
        except OSError as error:  # in use, or not an address of this machine
            await server.stop()
            raise JoinError(f"cannot serve the phone page on {host_in_url(host)}:{port}: {error.strerror or error}") from None
        except BaseException:
            await server.stop()
            raise
        return server

    async def _serve(self, host: str, port: int) -> None:
        guard = self.guard
        app = web.Application(client_max_size=MAX_BODY, logger=self._logger, middlewares=[guard.middleware])
        app.on_response_prepare.append(add_security_headers)
        base = "/" + self.code
        app.router.add_get(base, self._page)
        app.router.add_get(base + "/events", self._events)
        for name in self.pages.assets:
            app.router.add_get(f"{base}/{name}", self._asset)
        for action, handler in (
            ("seat", self._seat),
            ("ask", self._ask),
            ("answer", self._answer),
            ("comment", self._comment),
            ("ballot", self._ballot),
            ("note", self._note),
            ("go", self._go),
        ):
            app.router.add_post(f"{base}/{action}", handler)
        self._runner = web.AppRunner(
            app, access_log_class=AccessLog, access_log=self._logger, logger=self._logger, shutdown_timeout=STOP_SECONDS
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host = host
        self.port = self._runner.addresses[0][1]
        hosts = [host] if host != EVERY_ADDRESS else [c.address for c in candidates()]
        guard.allow(f"{host_in_url(h)}:{self.port}" for h in hosts)
        if self.port == 80:  # a browser leaves the default port out of Host and Origin
            guard.allow(host_in_url(h) for h in hosts)
        self._unlisten = self.workshop.listen(self._changed)
        self._keep(self._watch_closed())
        self._logger.info("joining started: %s", self.url)

    async def stop(self) -> None:
        """Stop serving: every open page is told that joining stopped and that its saved answers are kept."""
        if self._stopped:
            return
        self._stopped = True
        if not self.room.closed:
            self.room.closed = STOPPED
        self._unlisten()
        self.streams.flush()
        for _ in range(int(STOP_SECONDS / 0.05)):
            if not len(self.streams):
                break
            await asyncio.sleep(0.05)
        for task in list(self._tasks):
            task.cancel()
        for _, waiting in self._save_waits:
            waiting.cancel()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        self._logger.info("joining stopped")
        close_logger(self._logger)

    @property
    def url(self) -> str:
        host = self.host if self.host != EVERY_ADDRESS else next((c.address for c in candidates() if not c.loopback), "127.0.0.1")
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

    def admit(self, waiting_id: str) -> Participant:
        """Let someone in: added to the roster (one sentence if refused), their phone holds the new seat."""
        person = self.room.admit(waiting_id)
        self._seats_changed()
        return person

    def turn_away(self, waiting_id: str) -> None:
        """Someone asked to be let in and is not: their phone goes back to the names."""
        self.room.seats.take_waiting(waiting_id)
        self._seats_changed()

    def release(self, participant_id: str) -> bool:
        """Free a seat: its phone picks again, and another phone may take it."""
        released = self.room.seats.release(participant_id)
        if released:
            self._seats_changed()
        return released

    def listen(self, listener: SeatListener) -> Callable[[], None]:
        """Call ``listener`` when someone joins, asks to be let in, or a seat is released; returns what stops it."""
        self._seat_listeners.append(listener)
        return lambda: self._seat_listeners.remove(listener) if listener in self._seat_listeners else None

    # -- changes ----------------------------------------------------------------------------------------------

    def _changed(self, change: Change | None = None) -> None:
        self.streams.changed()
        for records, waiting in list(self._save_waits):
            if not waiting.done() and self._stored(records):
                waiting.set_result(None)

    def _seats_changed(self) -> None:
        self._changed()
        for listener in tuple(self._seat_listeners):
            listener()

    def _stored(self, records: Sequence[str]) -> bool:
        return all(self.workshop.records.mark(record) in (Mark.SAVED, Mark.NONE) for record in records)

    async def _until_stored(self, records: Sequence[str], timeout: float) -> bool:
        """Wait until the writer stored every record (True), or ``timeout`` seconds (False)."""
        if self._stored(records):
            return True
        waiting: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (records, waiting)
        self._save_waits.append(entry)
        try:
            await asyncio.wait_for(asyncio.shield(waiting), timeout)
            return True
        except TimeoutError:
            return self._stored(records)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():  # this task is being cancelled, not just the wait
                raise
            return self._stored(records)  # stopping: the answer stands as stored as it is
        finally:
            self._save_waits.remove(entry)

    async def _watch_closed(self) -> None:
        """The console may close the workshop without stopping joining first: the pages say so all the same."""
        while self.workshop.accepting and not self.room.closed:
            await asyncio.sleep(CLOSED_POLL_SECONDS)
        self._changed()

    def _keep(self, work) -> asyncio.Task[None]:  # type: ignore[no-untyped-def]
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # -- pages ------------------------------------------------------------------------------------------------

    def _token(self, request: web.Request) -> str:
        return request.cookies.get(COOKIE, "")

    def _set_token(self, response: web.StreamResponse, token: str) -> None:
        response.set_cookie(
            COOKIE, token, path="/" + self.code, max_age=COOKIE_SECONDS, httponly=True, samesite="Strict"
        )

    async def _page(self, request: web.Request) -> web.StreamResponse:
        token = self._token(request)
        fresh = not token
        if fresh:
            token = tokens.new_token()
        response = self._render(token, status=200, whole=True)
        if fresh:
            self._set_token(response, token)
        return response

    def _render(self, token: str, *, status: int, whole: bool, message: str = "", unsent: str = "") -> web.Response:
        view = self.room.view(tokens.token_hash(token), message=message, unsent=unsent)
        csrf = tokens.csrf_token(self._key, token)
        html = self.pages.page(view, csrf) if whole else self.pages.view(view, csrf)
        return web.Response(status=status, text=html, content_type="text/html")

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        asset = self.pages.assets[request.path.rsplit("/", 1)[1]]
        return web.Response(body=asset.body, content_type=asset.content_type)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        token_hash = tokens.token_hash(self._token(request))
        csrf = tokens.csrf_token(self._key, self._token(request))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"})
        await response.prepare(request)
        wake = self.streams.open()
        last = None
        try:
            while True:
                view = self.room.view(token_hash)
                if view != last:
                    closed = view.screen is Screen.CLOSED
                    await response.write(event("closed" if closed else "view", self.pages.view(view, csrf)))
                    last = view
                    if closed:
                        break
                try:
                    await asyncio.wait_for(wake.wait(), KEEP_ALIVE_SECONDS)
                except TimeoutError:
                    await response.write(b": still here\n\n")
                wake.clear()
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.streams.close(wake)
        return response

    # -- forms ------------------------------------------------------------------------------------------------

    async def _form(self, request: web.Request, *, seated: bool) -> tuple[str, Seat | None, dict[str, str]]:
        """The posted form once its tokens check out: 403 without the seat token or the CSRF token."""
        token = self._token(request)
        if not token:
            raise _forbidden("This phone has no seat token; reload the page.")
        form = await request.post()
        if not tokens.csrf_matches(self._key, token, str(form.get("csrf", ""))):
            raise _forbidden("The form was out of date; reload the page.")
        seat = self.room.seat_of(tokens.token_hash(token))
        if seated and seat is None:
            raise _forbidden("This phone holds no seat; reload the page and pick your name.")
        fields = {name: value for name, value in form.items() if isinstance(value, str)}
        return token, seat, fields

    def _done(self, request: web.Request, token: str, *, message: str = "", unsent: str = "", status: int = 200) -> web.StreamResponse:
        """After a post: the page part for a script, else back to the page (or the page with why, when refused)."""
        fetched = request.headers.get("X-Phone") == "fetch"
        if not message and not fetched:
            raise web.HTTPSeeOther("/" + self.code)
        return self._render(token, status=status, whole=not fetched, message=message, unsent=unsent)

    async def _handle(self, request: web.Request, act: Act, *, seated: bool = True) -> web.StreamResponse:
        """Check the tokens, do what the form asks, wait (a little) for the writer, and answer."""
        token, seat, form = await self._form(request, seated=seated)
        try:
            done = act(seat, form, token)
        except WorkshopClosed as refused:
            return self._done(request, token, message=str(refused), unsent=_typed(form), status=503)
        except UserError as refused:  # the phone's own rules, a seat, or a check of the live workshop: one sentence
            return self._done(request, token, message=str(refused), unsent=_typed(form), status=422)
        if done.records:
            if await self._until_stored(done.records, self.save_wait):
                done.stored()
            else:
                self._keep(self._when_stored(done))
        return self._done(request, token)

    async def _when_stored(self, done: Done) -> None:
        while not await self._until_stored(done.records, 60.0):
            if self.room.closed:
                return
        done.stored()

    async def _seat(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            token_hash = tokens.token_hash(token)
            if self.workshop.info.anonymous:
                self.room.take_free_seat(token_hash)
            else:
                self.room.claim(token_hash, form.get("participant", ""))
            self._seats_changed()
            return Done()

        return await self._handle(request, act, seated=False)

    async def _ask(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            self.room.ask(tokens.token_hash(token), form.get("name", ""))
            self._seats_changed()
            return Done()

        return await self._handle(request, act, seated=False)

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            step, item, perspective = form.get("step", ""), form.get("item", ""), form.get("perspective", "")
            return Done([self.room.answer(seat, step, item, perspective, form.get("value", ""))])

        return await self._handle(request, act)

    async def _comment(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            return Done([self.room.comment(seat, form.get("step", ""), form.get("comment", ""))])

        return await self._handle(request, act)

    async def _note(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            return Done([self.room.note(seat, form.get("step", ""), form.get("text", ""))])

        return await self._handle(request, act)

    async def _go(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            position = form.get("position", "")
            self.room.go(seat, form.get("step", ""), int(position) if position.isdigit() else 1)
            self._changed()
            return Done()

        return await self._handle(request, act)

    async def _ballot(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            step_key = form.get("step", "")
            picks = []
            for name, value in form.items():
                if name.startswith("pick:") and value:
                    item, _, perspective = name.removeprefix("pick:").partition("|")
                    picks.append((item, perspective, value))
            # The ballot's records are known only here, until the writer has stored them: then the seat
            # keeps only that its ballot is saved, never which ballot is its.
            records = self.room.cast(seat, step_key, picks, form.get("comment", ""))

            def stored() -> None:
                seat.ballots[step_key] = True
                self._changed()

            return Done(records, stored)

        return await self._handle(request, act)


@dataclass
class Done:
    """What a form did: the records whose save to wait for, and what to do once they are stored."""

    records: list[str] = field(default_factory=list)
    stored: Callable[[], None] = lambda: None


Act = Callable[[Seat | None, dict[str, str], str], Done]


def _forbidden(sentence: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=sentence + "\n", content_type="text/plain")


def _typed(form: dict[str, str]) -> str:
    """What the person typed in a form that was refused, shown back so it is not lost."""
    return form.get("comment", "") or form.get("text", "") or form.get("name", "")

"""What a phone posts: a seat, a name to be let in, an answer, a comment, a ballot, a note, another item.

Every form carries the browser's seat token (its cookie) and the CSRF token made from it, or is refused
with 403. What the form asks is done by :class:`PhoneRoom`; a refusal comes back in one sentence, with
what was typed, so nothing is lost. A post is answered once the writer stored what it changed (or after
a short wait): with the page's part for the page's script, else with a redirect to the page.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiohttp import web

from bootcamp.checks import RecordRefused
from bootcamp.errors import UserError
from bootcamp.join import tokens
from bootcamp.join.room import REPLACE_SECONDS, WorkshopClosed
from bootcamp.join.seats import Seat

if TYPE_CHECKING:
    from bootcamp.join.server import JoinServer

FETCHED = ("X-Phone", "fetch")  # the header the page's script sends: answer with the page's part
STORED_AT_LAST_SECONDS = 60.0  # how long a save that outlasted the post's wait is followed, round after round


@dataclass
class Done:
    """What a form did: the records whose save to wait for, and what to do once they are stored."""

    records: list[str] = field(default_factory=list)
    stored: Callable[[], None] = lambda: None


Act = Callable[[Seat | None, dict[str, str], str], Done]


class PhoneForms:
    def __init__(self, server: JoinServer) -> None:
        self.server = server
        self.room = server.room

    def routes(self) -> dict[str, Callable[[web.Request], object]]:
        return {
            "seat": self.seat,
            "ask": self.ask,
            "answer": self.answer,
            "comment": self.comment,
            "ballot": self.ballot,
            "note": self.note,
            "go": self.go,
        }

    # -- each form --------------------------------------------------------------------------------------------

    async def seat(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            token_hash = tokens.token_hash(token)
            if self.room.workshop.info.anonymous:
                self.room.take_free_seat(token_hash)
            else:
                self.room.claim(token_hash, form.get("participant", ""))
            self.server.seats_changed()
            return Done()

        return await self._handle(request, act, seated=False)

    async def ask(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            self.room.ask(tokens.token_hash(token), form.get("name", ""))
            self.server.seats_changed()
            return Done()

        return await self._handle(request, act, seated=False)

    async def answer(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            step, item, perspective = form.get("step", ""), form.get("item", ""), form.get("perspective", "")
            with self._kept_if_hidden_changes(seat):
                record = self.room.answer(seat, step, item, perspective, form.get("value", ""))
            if record is None:  # the page asks for the tap again: once it stops asking, it says so by itself
                self.server.keep(self._changed_after(REPLACE_SECONDS))
                return Done()
            return Done([record])

        return await self._handle(request, act)

    async def comment(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            with self._kept_if_hidden_changes(seat):
                return Done([self.room.comment(seat, form.get("step", ""), form.get("comment", ""))])

        return await self._handle(request, act)

    @contextlib.contextmanager
    def _kept_if_hidden_changes(self, seat: Seat) -> Iterator[None]:
        """A seat taken by name that gives its own answer over one it hid shows it from now on: the console keeps
        that (``phones.json``) as it keeps a seat change, so a restart does not hide the phone's own answer again."""
        hidden = seat.hidden if seat.by_name else None
        try:
            yield
        finally:
            if hidden is not None and seat.hidden != hidden:
                self.server.seats_changed()

    async def note(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            return Done([self.room.note(seat, form.get("step", ""), form.get("text", ""))])

        return await self._handle(request, act)

    async def go(self, request: web.Request) -> web.StreamResponse:
        def act(seat: Seat | None, form: dict[str, str], token: str) -> Done:
            assert seat is not None
            position = form.get("position", "")
            self.room.go(seat, form.get("step", ""), int(position) if position.isdigit() else 1)
            self.server.changed()
            return Done()

        return await self._handle(request, act)

    async def ballot(self, request: web.Request) -> web.StreamResponse:
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
                self.server.changed()

            return Done(records, stored)

        return await self._handle(request, act)

    # -- every form -------------------------------------------------------------------------------------------

    async def _handle(self, request: web.Request, act: Act, *, seated: bool = True) -> web.StreamResponse:
        """Check the tokens, do what the form asks, wait (a little) for the writer, and answer."""
        token, seat, form = await self._read(request, seated=seated)
        if await _given_up(request):
            # Taken in only now, from a phone that stopped waiting: the laptop slept (its lid closed) or the network
            # dropped while the post was on its way, and the page said the tap was not sent. So it is not.
            self.server.log(f"a post to {request.path} its phone gave up on, taken in late: not kept")
            raise web.HTTPRequestTimeout()
        try:
            done = act(seat, form, token)
        except WorkshopClosed as refused:
            return self._answer(request, token, message=str(refused), unsent=_typed(form), status=503)
        except UserError as refused:  # the phone's own rules, a seat, or a check of the live workshop: one sentence
            return self._answer(request, token, message=_for_the_phone(refused), unsent=_typed(form), status=422)
        if done.records:
            if await self.server.save_waits.until_stored(done.records, self.server.save_wait):
                done.stored()
            else:
                self.server.keep(self._when_stored(done))
        return self._answer(request, token)

    async def _changed_after(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        self.server.changed()

    async def _when_stored(self, done: Done) -> None:
        while not await self.server.save_waits.until_stored(done.records, STORED_AT_LAST_SECONDS):
            if self.room.closed:
                return
        done.stored()

    async def _read(self, request: web.Request, *, seated: bool) -> tuple[str, Seat | None, dict[str, str]]:
        """The posted form once its tokens check out: 403 without the seat token or the CSRF token."""
        token = self.server.token_of(request)
        if not token:
            raise _forbidden("This phone has no seat token; reload the page.")
        form = await request.post()
        if not tokens.csrf_matches(self.server.key, token, str(form.get("csrf", ""))):
            raise _forbidden("The form was out of date; reload the page.")
        seat = self.room.seat_of(tokens.token_hash(token))
        if seated and seat is None:
            raise _forbidden("This phone holds no seat; reload the page and pick your name.")
        return token, seat, {name: value for name, value in form.items() if isinstance(value, str)}

    def _answer(
        self, request: web.Request, token: str, *, message: str = "", unsent: str = "", status: int = 200
    ) -> web.StreamResponse:
        """The page's part for its script; else back to the page, or the page saying why when refused."""
        fetched = request.headers.get(FETCHED[0]) == FETCHED[1]
        if not message and not fetched:
            raise web.HTTPSeeOther("/" + self.server.code)
        return self.server.render(token, status=status, whole=not fetched, message=message, unsent=unsent)


async def _given_up(request: web.Request) -> bool:
    """Whether the phone closed the connection of ``request`` before it was answered.

    A post and the phone's giving up on it reach a laptop that slept as one read; the loop hears of the close on
    its next turn, so the handler lets one turn go by before it looks.
    """
    await asyncio.sleep(0)
    transport = request.transport
    return transport is None or transport.is_closing()


def _forbidden(sentence: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=sentence + "\n", content_type="text/plain")


def _for_the_phone(refused: UserError) -> str:
    """Why a post was refused, as the person holding the phone reads it.

    A check's sentence names the record and its field ("the note was not kept: text: a note is needed"), which
    the console and the imports need; the phone sent one thing from one field, so the problem alone says it."""
    if not isinstance(refused, RecordRefused):
        return str(refused)
    problem = refused.problems[0].message
    more = len(refused.problems) - 1
    return f"Not kept: {problem}" + (f" (and {more} more)." if more else ".")


def _typed(form: dict[str, str]) -> str:
    """What the person typed in a form that was refused, shown back so it is not lost (only spaces: nothing to lose)."""
    typed = (form.get(field, "") for field in ("comment", "text", "name"))
    return next((text for text in typed if text.strip()), "")

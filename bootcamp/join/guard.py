"""What every request to the join server passes before a page handles it (DESIGN.md, Phones; plain HTTP).

The Host header must name the address the server was bound to (a page on another site that points a
name at this laptop gets nothing), a post's Origin must be this server, a path outside the join code is
404 and an address that keeps guessing codes is slowed and then refused (429). Every answer carries
headers that keep a browser strict: a Content Security Policy with no inline script, no sniffing, no
framing, no referrer to another site (the code is in the URL).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable

from aiohttp import web

from bootcamp.join.join_code import looks_like_a_code
from bootcamp.join.pages import NoticePage, no_workshop_page, notice_page
from bootcamp.join.wrong_codes import WrongCodes

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Same-origin, not no-referrer: with no referrer a browser sends "Origin: null" on a plain form's post, which
    # the Origin check must refuse; another site still gets no referrer (the code is in the URL).
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """On every response before it is sent, the event stream and error pages too (``on_response_prepare``)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)


def refusal(status: int, sentence: str, **headers: str) -> web.Response:
    return web.Response(status=status, text=sentence + "\n", content_type="text/plain", headers=headers)


def no_workshop() -> web.Response:
    """404 as a page a phone can read (a stale tab after joining restarted with a new code lands here)."""
    return _as_response(404, no_workshop_page())


def refused(request: web.Request, retry_after: int) -> web.Response:
    """429 for an address that guessed too many codes: for a browser asking for a page (a refused phone reloaded),
    one it can read, saying how long and reloading itself then; for a script's look, one line. Both carry
    Retry-After, which is what the phone page's script reads."""
    headers = {"Retry-After": str(retry_after)}
    if "text/html" not in request.headers.get("Accept", ""):
        return refusal(429, "Too many wrong codes; wait a while.", **headers)
    minutes = max(1, -(-retry_after // 60))
    # A page asked for reloads itself then; a form sent (a phone without the script) is not sent again by a reload
    # (its address answers only forms), so the person is told to send it again.
    again = "this page tries again then by itself" if request.method == "GET" else "go back and send it again then"
    page = notice_page(
        "Wait a few minutes",
        f"Too many wrong join codes came from this phone. The laptop answers it again in about "
        f"{minutes} minute{'' if minutes == 1 else 's'}; {again}.",
        refresh_seconds=retry_after if request.method == "GET" else 0,
    )
    response = _as_response(429, page)
    response.headers.update(headers)
    return response


def _as_response(status: int, page: NoticePage) -> web.Response:
    """The page, its stylesheet inline and allowed by hash alone; no name, no roster, no code."""
    policy = SECURITY_HEADERS["Content-Security-Policy"].replace("style-src 'self'", f"style-src {page.style_source}")
    return web.Response(
        status=status, text=page.body, content_type="text/html", headers={"Content-Security-Policy": policy}
    )


class Guard:
    def __init__(self, code: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.code = code
        self.hosts: set[str] = set()  # "HOST:PORT" values a request's Host may hold: none until the port is bound
        self.origins: set[str] = set()
        self.wrong_codes = WrongCodes()
        self._clock = clock

    def allow(self, hosts: Iterable[str]) -> None:
        for host in hosts:
            self.hosts.add(host)
            self.origins.add(f"http://{host}")

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host not in self.hosts:
            return refusal(421, "This address is not the one the join code was given for.")
        address = request.remote or ""
        now = self._clock()
        if self.wrong_codes.refused(address, now):
            return refused(request, self.wrong_codes.retry_after(address, now))
        first = request.path.split("/")[1] if request.path.startswith("/") else ""
        if first != self.code:
            return await self._not_the_code(request, first, address, now)
        origin = request.headers.get(
            "Origin"
        )  # browsers send it with every post; a script without it still needs the CSRF token
        if request.method == "POST" and origin is not None and origin not in self.origins:
            return refusal(403, "A form from another page was refused.")
        return await handler(request)

    async def _not_the_code(self, request: web.Request, first: str, address: str, now: float) -> web.StreamResponse:
        if first.upper() == self.code and request.method == "GET":  # typed in small letters
            raise web.HTTPFound("/" + self.code + request.path[len(first) + 1 :])
        if looks_like_a_code(first):  # a guess at the code, not a browser's stray /favicon.ico
            verdict = self.wrong_codes.wrong(address, now)
            if verdict.refused:
                return refused(request, self.wrong_codes.retry_after(address, now))
            if verdict.delay:
                await asyncio.sleep(verdict.delay)
        return no_workshop()

"""The phone page's tests: a real live workshop on the test's loop, its join server on 127.0.0.1, and
phones as HTTP clients with their own cookie jars (real HTTP, no test doubles of the server)."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import aiohttp
import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.flow import Flow
from bootcamp.join.server import JoinServer
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store, WorkshopFiles

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
WELCOME, RATE, MANDATE, ROLE, BREAK, POKER, TALK = (
    "basics/welcome",
    "basics/rate-aptitudes",
    "basics/mandate",
    "basics/role",
    "basics/break",
    "basics/poker",
    "basics/talk",
)
PEOPLE = [("Ana", "CEO"), ("Ben", "Sales"), ("Chloe", "")]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", FixedClock())


def create(store: Store, *, anonymous: bool = False, people: list[tuple[str, str]] = PEOPLE) -> WorkshopFiles:
    program = load_dir(FIXTURE_CONTENT)
    info = store.create_workshop(
        name="Spring",
        organisation="Northwind",
        date="2026-09-21",
        participants=people,
        sources=program.sources,
        anonymous=anonymous,
    )
    return store.open(info.id)


@pytest.fixture
def files(store: Store) -> WorkshopFiles:
    return create(store)


@pytest.fixture(autouse=True)
def no_writer_left() -> Iterator[None]:
    before = {t.name for t in threading.enumerate()}
    yield
    left = {t.name for t in threading.enumerate() if t.name.startswith("bootcamp-writer")} - before
    assert not left, f"a workshop was not closed: {left}"


class Room:
    """A console's live workshop with joining on, as a test drives it."""

    def __init__(self, workshop: LiveWorkshop, server: JoinServer, log_path: Path) -> None:
        self.workshop = workshop
        self.server = server
        self.log_path = log_path

    @classmethod
    async def open(cls, files: WorkshopFiles, tmp_path: Path, *, at: str = MANDATE) -> Room:
        workshop = LiveWorkshop.load(WorkshopFiles(files.path, FixedClock()), FixedClock(), backoff=(0.01,))
        workshop.start()
        if at:
            workshop.move(lambda flow: flow.jump(at))
        log_path = tmp_path / "data" / "join.log"
        server = await JoinServer.start(workshop, "127.0.0.1", 0, log_path)
        return cls(workshop, server, log_path)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def origin(self) -> str:
        return self.url.rsplit("/", 1)[0]

    def person(self, name: str) -> str:
        return next(p.id for p in self.workshop.info.participants if p.name == name)

    def move_on(self) -> None:
        self.workshop.move(Flow.next)

    async def close(self) -> None:
        await self.server.stop()
        assert await self.workshop.close()


class Phone:
    """One browser: its own cookies, the CSRF token of the page it last loaded, posts as forms or as its script."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))  # unsafe: cookies from an IP
        self.csrf = ""
        self.html = ""

    async def load(self) -> str:
        async with self.session.get(self.room.url) as response:
            assert response.status == 200
            self.html = await response.text()
        found = re.search(r'name="csrf" value="([^"]+)"', self.html)
        self.csrf = found.group(1) if found else self.csrf  # a page without a form has none
        return self.html

    async def post(
        self, action: str, fields: dict[str, str], *, script: bool = True, csrf: bool = True
    ) -> tuple[int, str]:
        data = {"csrf": self.csrf, **fields} if csrf else fields
        headers = {"Origin": self.room.origin, **({"X-Phone": "fetch"} if script else {})}
        async with self.session.post(f"{self.room.url}/{action}", data=data, headers=headers) as response:
            text = await response.text()
            if not script:
                self.html = text
            return response.status, text

    async def sit(self, name: str) -> None:
        await self.load()
        status, _ = await self.post("seat", {"participant": self.room.person(name)}, script=False)  # 303, then the page
        assert status == 200 and f'<p class="who">{name}</p>' in self.html

    async def answer(
        self, value: str, *, step: str = MANDATE, item: str = "", perspective: str = ""
    ) -> tuple[int, str]:
        return await self.post("answer", {"step": step, "item": item, "perspective": perspective, "value": value})

    async def events(self) -> Events:
        response = await self.session.get(f"{self.room.url}/events")
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/event-stream")
        return Events(response)

    async def close(self) -> None:
        await self.session.close()


class Events:
    """A phone's server-sent event stream, read one event at a time."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self.response = response

    async def next(self, timeout: float = 2.0) -> tuple[str, str]:
        return await asyncio.wait_for(self._next(), timeout)

    async def _next(self) -> tuple[str, str]:
        name, data = "", []
        while True:
            line = (await self.response.content.readline()).decode()
            if not line:
                raise EOFError("the stream ended")
            line = line.rstrip("\n")
            if not line:
                if name:
                    return name, "\n".join(data)
                continue
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data.append(line.removeprefix("data: "))

    async def until(self, text: str, timeout: float = 2.0) -> str:
        """The first event whose data holds ``text``."""

        async def look() -> str:
            while True:
                _, data = await self._next()
                if text in data:
                    return data

        return await asyncio.wait_for(look(), timeout)

    def close(self) -> None:
        self.response.close()


@pytest.fixture
def phones() -> list[Phone]:
    """The test's phones, closed by :func:`closing` on the test's own loop."""
    return []


async def phone_at(room: Room, made: list[Phone]) -> Phone:
    phone = Phone(room)
    made.append(phone)
    return phone


async def closing(room: Room, phones: list[Phone]) -> None:
    for phone in phones:
        await phone.close()
    await room.close()


def text_of(html: str) -> str:
    """The page's words, tags and runs of white space taken out: what a person reads."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())

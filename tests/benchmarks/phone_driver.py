"""Phones in their own process, answering a join server's current question (see :mod:`tests.benchmarks.phones`).

    python -m tests.benchmarks.phone_driver PLAN_JSON

The plan: ``{"url", "seats": [participant id, …], "rounds": [{"step", "values"}, …], "within", "seed",
"timeout"}``. Each phone is an aiohttp session of its own (its own cookies and connections): it loads
the page, takes its seat, and keeps its event stream open. Then, round after round, it waits until its
stream shows the round's step, waits a random time in ``[0, within)`` seconds, posts one answer as the
page's script does, and is told "saved ✓": in the post's answer when the writer stored it in time, else
by a later event of its stream. Prints one JSON line once every phone holds its seat and hears its
stream (``{"ready": …}``), then one per round (``{"round": n, "phones": […]}``) once every phone has
answered it. Times are ``time.monotonic()``: the system-wide clock the server's loop reads too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass

import aiohttp

JOINING_AT_ONCE = 20  # phones joining together: a room's people do not all scan the code in the same millisecond
SAVED = 'class="saved saved-saved">saved ✓'


@dataclass
class Answered:
    seat: str
    step: str
    value: str
    seen: float  # its stream showed the step
    posted: float  # the post was sent
    answered: float  # the post's answer came back
    saved: float  # the phone was told "saved ✓" (0: never)
    status: int
    via: str  # "answer": the post's own answer said "saved ✓"; "events": a later event did; "": neither


def saved_with(html: str, step: str, value: str) -> bool:
    """The page's part shows ``step`` with ``value`` chosen and "saved ✓" (a question has one row)."""
    return f'data-step="{step}"' in html and f'value="{value}" aria-pressed="true"' in html and SAVED in html


class Phone:
    def __init__(self, url: str, seat: str, timeout: float) -> None:
        self.url = url
        self.origin = url.rsplit("/", 1)[0]
        self.seat = seat
        self.timeout = timeout
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))  # unsafe: cookies from an IP
        self.csrf = ""
        self.shown = ""  # the latest part its stream sent
        self._heard = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def join(self) -> None:
        async with self.session.get(self.url) as response:
            page = await response.text()
            if response.status != 200:
                raise RuntimeError(f"the page answered {response.status}")
        self.csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, part = await self.post("seat", {"participant": self.seat})
        if status != 200 or 'class="who"' not in part:
            raise RuntimeError(f"seat {self.seat} was not taken ({status}): {part[:300]}")
        events = await self.session.get(f"{self.url}/events", timeout=aiohttp.ClientTimeout(total=None))
        if events.status != 200:
            raise RuntimeError(f"the event stream answered {events.status}")
        self._reader = asyncio.get_running_loop().create_task(self._read(events))
        await self.until(lambda shown: 'class="who"' in shown)

    async def post(self, action: str, fields: dict[str, str]) -> tuple[int, str]:
        headers = {"Origin": self.origin, "X-Phone": "fetch"}
        data = {"csrf": self.csrf, **fields}
        async with self.session.post(f"{self.url}/{action}", data=data, headers=headers) as response:
            return response.status, await response.text()

    async def _read(self, events: aiohttp.ClientResponse) -> None:
        """Every event the stream sends: the latest part is what the phone shows."""
        buffer = b""
        try:
            async for chunk in events.content.iter_any():
                buffer += chunk
                while b"\n\n" in buffer:
                    block, buffer = buffer.split(b"\n\n", 1)
                    lines = block.decode().split("\n")
                    data = [line.removeprefix("data: ") for line in lines if line.startswith("data: ")]
                    if any(line in ("event: view", "event: closed") for line in lines):  # "alive" shows nothing
                        self.shown = "\n".join(data)
                        self._heard.set()
        finally:
            events.close()

    async def until(self, shows, timeout: float | None = None) -> None:
        """Wait until the stream's latest part ``shows`` what is asked for."""

        async def look() -> None:
            while not shows(self.shown):
                self._heard.clear()
                await self._heard.wait()

        await asyncio.wait_for(look(), timeout or self.timeout)

    async def answer(self, step: str, values: list[str], within: float, rng: random.Random) -> Answered:
        await self.until(lambda shown: f'data-step="{step}"' in shown)
        seen = time.monotonic()
        await asyncio.sleep(rng.uniform(0, within))
        value = rng.choice(values)
        posted = time.monotonic()
        status, part = await self.post("answer", {"step": step, "item": "", "perspective": "", "value": value})
        answered = time.monotonic()
        saved, via = (answered, "answer") if status == 200 and saved_with(part, step, value) else (0.0, "")
        if status == 200 and not saved:  # "saving…": the stream says "saved ✓" once the writer stored it
            with contextlib.suppress(TimeoutError):  # never told: counted as not saved
                await self.until(lambda shown: saved_with(shown, step, value))
                saved, via = time.monotonic(), "events"
        return Answered(self.seat, step, value, seen, posted, answered, saved, status, via)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        await self.session.close()


async def run(plan: dict) -> None:
    rng = random.Random(plan["seed"])
    phones = [Phone(plan["url"], seat, plan["timeout"]) for seat in plan["seats"]]
    joining = asyncio.Semaphore(JOINING_AT_ONCE)

    async def join(phone: Phone) -> None:
        async with joining:
            await phone.join()

    try:
        began = time.monotonic()
        await asyncio.gather(*(join(phone) for phone in phones))
        print(json.dumps({"ready": time.monotonic() - began}), flush=True)
        # Each phone its own generator, drawn from the plan's seed: the same delays and picks every run.
        rngs = [random.Random(rng.random()) for _ in phones]
        for number, asked in enumerate(plan["rounds"]):
            answers = await asyncio.gather(
                *(p.answer(asked["step"], asked["values"], plan["within"], r) for p, r in zip(phones, rngs))
            )
            print(json.dumps({"round": number, "phones": [asdict(a) for a in answers]}), flush=True)
    finally:
        await asyncio.gather(*(phone.close() for phone in phones), return_exceptions=True)


def main() -> None:
    asyncio.run(run(json.loads(sys.argv[1])))


if __name__ == "__main__":
    main()

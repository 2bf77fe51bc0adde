"""While the laptop is out of reach, each phone looks for it less and less often, and comes back by itself.

Forty phones that each asked for the page every 2 s while the Wi-Fi was down sent the laptop twenty page renders a
second the moment it came back (and a stopped laptop found every one of them queued when it woke). The page now
looks after 2 s, then 4, 8 and every 12 s, give or take a fifth so the room does not come back in step; a look is
a bodiless HEAD the server answers without making the page; the event stream is opened again only once a look
got an answer, not every 3 s by the browser's own retry. Contact back (the network, a look, the stream) ends the
notice at once. Browser time runs on Playwright's clock here, so a lost minute takes a few seconds.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import Page, Request, expect

from bootcamp.store import WorkshopFiles

from .conftest import Room
from .test_browser import phone_on, tap


def counting(page: Page) -> list[str]:
    """What the page asks of the laptop from now on (its path), as the browser sends it."""
    asked: list[str] = []

    def note(request: Request) -> None:
        asked.append(f"{request.method} {request.url.rsplit('/', 1)[-1]}")

    page.on("request", note)
    return asked


async def a_minute_passes(page: Page) -> None:
    """Sixty seconds of the page's timers, half a second at a time, each given a moment for its request to end."""
    for _ in range(120):
        await page.clock.run_for(500)
        await asyncio.sleep(0.02)


async def test_a_phone_off_the_wifi_for_a_minute_looks_for_the_laptop_a_few_times_and_not_every_2_s(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await page.clock.install()
        await page.reload()
        await tap(page, "Ana")
        await page.context.set_offline(True)  # the Wi-Fi drops
        await tap(page, "Partly")
        offline = page.locator("#offline")
        await expect(offline).to_be_visible()
        asked = counting(page)
        await a_minute_passes(page)
        # 2, 4, 8, then every 12 s (each at most a fifth longer or shorter): seven looks at most, where it was thirty
        # asks for the whole page; and the stream, silent for 40 s, opened again once.
        looks, streams = asked.count("HEAD alive"), asked.count("GET events")
        assert 3 <= looks <= 7 and streams <= 1 and len(asked) == looks + streams, asked
        await expect(offline).to_be_visible()  # still says so, and still holds its buttons
        await expect(page.get_by_role("button", name="No", exact=True)).to_be_disabled()

        await page.context.set_offline(False)  # back on the Wi-Fi: the page looks at once, not up to 12 s later
        await expect(offline).to_be_hidden(timeout=3_000)
        await tap(page, "No")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")


async def test_a_killed_console_is_not_asked_for_its_event_stream_every_3_s(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await expect(page.locator(".who")).to_have_text("Ana")
        asked = counting(page)
        await room.server.stop(tell=False)  # nothing listens on the port: every connection is refused at once
        await expect(page.locator("#offline")).to_be_visible()
        await asyncio.sleep(10)  # the browser's own retry would open the stream three times by now
        assert "GET events" not in asked, asked  # opened again only once a look gets an answer
        assert 2 <= asked.count("HEAD alive") <= 3, asked  # after 2, 4 (and 8) seconds


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
import time
from pathlib import Path

from playwright.async_api import Page, Request, expect

from bootcamp.join.wrong_codes import WrongCodes
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


async def shown(page: Page, visible: bool) -> None:
    """The page shown or hidden, as a phone's browser tells it (a headless page is always shown)."""
    state = "visible" if visible else "hidden"
    await page.evaluate(
        f"""() => {{
            Object.defineProperty(document, "visibilityState", {{ configurable: true, get: () => "{state}" }});
            Object.defineProperty(document, "hidden", {{ configurable: true, get: () => {str(not visible).lower()} }});
            document.dispatchEvent(new Event("visibilitychange"));
        }}"""
    )


async def lost_contact_off_the_wifi(page: Page) -> None:
    """The page on Playwright's clock, Ana seated, then the Wi-Fi drops and a tap finds the laptop gone."""
    await page.clock.install()
    await page.reload()
    await tap(page, "Ana")
    await page.context.set_offline(True)
    await tap(page, "Partly")
    await expect(page.locator("#offline")).to_be_visible()


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



async def test_a_phone_put_away_while_the_laptop_is_lost_asks_nothing_and_looks_at_once_when_shown_again(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """Before, a phone locked (or another app in front) while it had lost the laptop went on looking every 12 s for
    as long as the tab lived, though nobody could read what a look found: forty pocketed phones kept asking a laptop
    back on the Wi-Fi. Now it asks nothing while the page is hidden, as a phone told joining stopped does, and looks
    at once when shown again."""
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await lost_contact_off_the_wifi(page)
        await shown(page, False)
        asked = counting(page)
        await a_minute_passes(page)
        await a_minute_passes(page)
        assert asked == [], (len(asked), asked)
        await page.context.set_offline(False)  # back on the Wi-Fi while still in the pocket: nobody reads it yet
        await a_minute_passes(page)
        assert asked == [], asked

        await shown(page, True)
        await expect(page.locator("#offline")).to_be_hidden(timeout=3_000)
        assert asked in (["HEAD alive"], ["HEAD alive", "GET events"]), asked  # the stream again if it had closed
        await tap(page, "No")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")


async def test_a_phone_put_away_while_its_stream_hangs_opens_no_stream_again_until_it_is_shown(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """A laptop asleep leaves the stream open and silent: a page notices after 40 s and opens it again (then looks).
    Hidden, that reopening every 40 s reached nobody either; shown again, the page notices within a second."""
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await page.clock.install()
        await page.route("**/events", lambda route: None)  # every stream hangs, unanswered, as to a laptop asleep
        await page.reload()
        await tap(page, "Ana")
        await shown(page, False)
        asked = counting(page)
        await a_minute_passes(page)
        await a_minute_passes(page)
        assert asked == [], (len(asked), asked)
        await shown(page, True)
        await expect(page.locator("#offline")).to_be_visible(timeout=3_000)
        await page.clock.run_for(3_000)
        await asyncio.sleep(0.5)  # the look's request on its way
        assert asked[:2] == ["GET events", "HEAD alive"], asked


REFUSED_SECONDS = 90  # how long the laptop refuses this phone's address in these tests (a room's is ten minutes)


def refuse_this_phone(room: Room) -> None:
    """The laptop refuses 127.0.0.1 for REFUSED_SECONDS, as after too many wrong codes from it: every request, the
    right code too, is 429 with Retry-After."""
    room.server.guard.wrong_codes = WrongCodes(free_tries=0, refuse_after=1, window=REFUSED_SECONDS)
    assert room.server.guard.wrong_codes.wrong("127.0.0.1", time.monotonic()).refused


async def test_a_look_refused_for_too_many_wrong_codes_waits_as_the_laptop_asks_and_says_so(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """Before, a look answered 429 (this phone's address refused: too many wrong codes) was taken for the laptop back:
    "Lost contact" went away and the buttons came back, though every tap was then refused and its row said
    "sending…" for good. Now the page waits as long as the laptop's Retry-After says, asking nothing meanwhile, and
    its notice says in one sentence until when and why; then it looks again by itself."""
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await lost_contact_off_the_wifi(page)
        refuse_this_phone(room)
        asked = counting(page)
        await page.context.set_offline(False)  # back on the Wi-Fi: the look at once is refused
        offline = page.locator("#offline")
        await expect(offline).to_contain_text("The laptop refuses this phone until ")
        await expect(offline).to_contain_text("too many wrong join codes")
        await expect(offline).to_contain_text("a tap until then is not sent")
        await expect(page.get_by_role("button", name="No", exact=True)).to_be_disabled()
        await page.screenshot(path=tmp_path / "refused.png")
        await a_minute_passes(page)
        assert asked == ["HEAD alive"], asked  # nothing more asked within the 90 s the laptop asked for

        room.server.guard.wrong_codes = WrongCodes()  # the refusal over
        await a_minute_passes(page)
        await expect(offline).to_be_hidden()
        # Once the 90 s are up, a look, or the silent stream opened again (whichever comes first ends the notice).
        assert len(asked) <= 3 and asked.count("HEAD alive") <= 2 and asked.count("GET events") <= 1, asked
        await tap(page, "No")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")


async def test_a_tap_refused_for_too_many_wrong_codes_says_it_was_not_sent_and_waits(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await page.clock.install()
        await page.reload()
        await tap(page, "Ana")
        await expect(page.get_by_role("button", name="Partly", exact=True)).to_be_enabled()
        refuse_this_phone(room)
        await tap(page, "Partly")  # before: the row said "sending Partly…" for good, the buttons working
        await expect(page.locator("#offline")).to_contain_text("The laptop refuses this phone until ")
        await expect(page.locator(".saved")).to_have_text("no answer yet")  # not "sending Partly…" for good
        await expect(page.get_by_role("button", name="Partly", exact=True)).to_be_disabled()
        assert files.answers() == []


async def test_a_look_answered_by_a_server_for_another_address_is_not_the_laptop(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """421: the server that answered on this address was not given this one (another laptop took the address on the
    Wi-Fi). Before, the page took it for its laptop back, ended "Lost contact" and gave its buttons back to taps that
    went nowhere; now it is still lost, and goes on looking."""
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await lost_contact_off_the_wifi(page)
        hosts = set(room.server.guard.hosts)
        room.server.guard.hosts.clear()  # every request: 421
        await page.evaluate(
            """() => {
                const offline = document.getElementById("offline");
                window.noticeEnded = false;
                new MutationObserver(() => { window.noticeEnded ||= offline.hidden; })
                    .observe(offline, { attributes: true });
            }"""
        )
        asked = counting(page)
        await page.context.set_offline(False)
        await a_minute_passes(page)
        assert not await page.evaluate("window.noticeEnded")  # not even for a moment
        offline = page.locator("#offline")
        await expect(offline).to_be_visible()
        await expect(offline).to_contain_text("Lost contact with the facilitator's laptop")
        await expect(page.get_by_role("button", name="No", exact=True)).to_be_disabled()
        # At once, then after 2, 4, 8 and every 12 s; the stream, silent for 40 s, opened again once (421 too).
        assert 3 <= asked.count("HEAD alive") <= 8 and asked.count("GET events") <= 1, asked

        room.server.guard.hosts.update(hosts)  # the laptop back on its address
        await a_minute_passes(page)
        await expect(offline).to_be_hidden()
        await tap(page, "No")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")

"""A phone tab left open while joining started again with a new code: it says its link is old and stops asking.

The console that stops joining tells every open page so, but a phone asleep at that moment (or a console killed,
whose ``phones.json`` is then gone or damaged) hears nothing; the next console serves a new code on the same port.
The old tab's look for the laptop (``HEAD /OLD/alive``) got a 404, which the page took for the laptop answering:
it opened its stream again (404 as well), said "Lost contact … trying again" for ever and asked twice every 12 s,
each a wrong code: after about two real minutes the laptop refused that phone the new code too ("Too many wrong
codes; wait a while.", 429, for ten minutes). A tap posted to the old code
reloaded the page onto "Old or wrong link", throwing away what had been typed. Now a 404 on a look or a post says
on the page, and to a screen reader, that the link is old and to scan the new code on the wall; the page stops
asking, keeps what was typed and holds its buttons. Browser time runs on Playwright's clock here.
"""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page, expect

from bootcamp.join.server import JoinServer
from bootcamp.store import WorkshopFiles

from .conftest import TALK, Room
from .test_browser import phone_on, tap
from .test_looking_for_the_laptop import a_minute_passes, counting, shown

OLD_LINK = "This link is old"
TYPED = "Half a thought, not sent yet"


async def restart_with_a_new_code(room: Room) -> str:
    """Joining stops without a word reaching the page, and starts again on the same port with a new code."""
    old = room.server
    await old.stop(tell=False)
    room.server = await JoinServer.start(room.workshop, "127.0.0.1", old.port, room.log_path)
    assert room.server.code != old.code and room.server.port == old.port
    return room.server.url


async def seated_then_joining_stopped(page: Page, room: Room) -> JoinServer:
    """The page on Playwright's clock, Ana seated, and joining stopped with the page told so; the stopped server."""
    await page.clock.install()
    await page.reload()
    await tap(page, "Ana")
    await expect(page.get_by_role("heading", name="What surprised you?")).to_be_visible()  # seated
    old = room.server
    await old.stop()  # told: the page says joining has stopped
    await expect(page.locator(".closed")).to_have_text(
        "Joining has stopped; the answers this page showed as saved are kept."
    )
    return old


async def typed_and_seated(page: Page) -> None:
    await tap(page, "Ana")
    await page.locator("#note").fill(TYPED)
    await expect(page.get_by_role("button", name="Send note")).to_be_enabled()


async def says_the_link_is_old(page: Page) -> None:
    alert = page.get_by_role("alert")
    await expect(alert).to_be_visible()
    await expect(alert).to_contain_text(OLD_LINK)
    await expect(alert).to_contain_text("Scan the new code on the wall to join.")
    await expect(page.locator("#offline")).to_be_hidden()  # not "trying again": nothing will come of it
    await expect(page.locator("#note")).to_have_value(TYPED)
    await expect(page.get_by_role("button", name="Send note")).to_be_disabled()
    await expect(page.get_by_role("link", name="Reload")).to_be_hidden()  # it would throw the typing away


async def test_an_old_tab_says_its_link_is_old_and_stops_looking_for_the_laptop(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        await page.clock.install()
        await page.reload()
        await typed_and_seated(page)
        asked = counting(page)
        new_url = await restart_with_a_new_code(room)
        await a_minute_passes(page)
        # One look, its 404 believed: no stream opened again, no look every 12 s (it was 8 in this minute: 4 looks,
        # 4 streams).
        assert asked == ["HEAD alive"], asked
        await says_the_link_is_old(page)
        await page.screenshot(path=tmp_path / "old-tab-light.png")
        await page.emulate_media(color_scheme="dark")
        await page.screenshot(path=tmp_path / "old-tab-dark.png")

        # The person scans the new code on the same phone: let in, not refused for the old tab's wrong codes.
        fresh = await page.context.new_page()
        response = await fresh.goto(new_url)
        assert response is not None and response.status == 200


async def test_a_tap_on_an_old_tab_says_its_link_is_old_and_keeps_what_was_typed(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        # The page's stream left hanging, never answered, as through a laptop asleep: the page has not noticed
        # anything when the tap goes, which then is the first to meet the new code.
        await page.route("**/events", lambda route: None)
        await page.reload()
        await typed_and_seated(page)
        await page.evaluate("window.sameLoad = true")
        await restart_with_a_new_code(room)
        asked = counting(page)
        await tap(page, "Send note")  # the post goes to the old code: 404
        await says_the_link_is_old(page)
        assert await page.evaluate("window.sameLoad === true")  # not reloaded onto "Old or wrong link"
        assert asked == ["POST note"], asked


async def test_a_tab_told_joining_stopped_keeps_looking_slowly_and_says_its_link_is_old_once_joining_starts_again(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """The facilitator stops joining (j) and starts it again (j, a new code). Before: the open tab said "Joining has
    stopped" and asked the laptop nothing more, ever, so it never learned of the new code. Now it looks about twice
    a minute while joining is off, and the first look at the new server (a 404 for the old code) says the link is
    old; then it asks nothing more."""
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        old = await seated_then_joining_stopped(page, room)
        asked = counting(page)
        await a_minute_passes(page)
        # Every 30 s, each a fifth longer or shorter: one or two looks a minute, to a laptop serving nothing.
        assert asked in (["HEAD alive"], ["HEAD alive"] * 2), asked
        await expect(page.get_by_role("alert")).to_be_hidden()  # nothing to say yet

        room.server = await JoinServer.start(room.workshop, "127.0.0.1", old.port, room.log_path)
        assert room.server.code != old.code
        asked.clear()
        await a_minute_passes(page)
        assert asked in (["HEAD alive"], ["HEAD alive"] * 2), asked  # the second only if the first came before it
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text(OLD_LINK)
        await expect(alert).to_contain_text("Scan the new code on the wall to join.")
        asked.clear()
        await a_minute_passes(page)
        assert asked == [], asked  # the 404 believed: no more looks, no wrong codes counted against this phone
        await page.screenshot(path=tmp_path / "stopped-then-old.png")


async def test_a_tab_told_joining_stopped_looks_at_once_when_the_phone_is_looked_at_again(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        old = await seated_then_joining_stopped(page, room)
        room.server = await JoinServer.start(room.workshop, "127.0.0.1", old.port, room.log_path)
        asked = counting(page)
        await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # the phone picked up
        await expect(page.get_by_role("alert")).to_contain_text(OLD_LINK)
        assert asked == ["HEAD alive"], asked


async def test_a_tab_told_joining_stopped_follows_again_when_the_same_code_is_served_again(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """The same code back at the same address (a console that came back serves what it left): the look finds it, and
    the page follows the room again instead of staying on "Joining has ended"."""
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        old = await seated_then_joining_stopped(page, room)
        held = old.held
        room.server = await JoinServer.start(
            room.workshop, "127.0.0.1", old.port, room.log_path, code=old.code, key=old.key, seats=held
        )
        await a_minute_passes(page)
        await expect(page.get_by_role("heading", name="What surprised you?")).to_be_visible()
        await expect(page.locator(".closed")).to_have_count(0)
        await expect(page.get_by_role("alert")).to_be_hidden()
        await expect(page.get_by_role("button", name="Send note")).to_be_enabled()


async def test_a_tab_told_joining_stopped_asks_nothing_while_the_phone_is_put_away(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """Before, a phone pocketed on "Joining has stopped" went on asking the laptop twice a minute for as long as the
    tab lived, though nobody could read what a look found; now it asks nothing while the page is hidden, and looks
    at once when it is shown again."""
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        old = await seated_then_joining_stopped(page, room)
        await shown(page, False)  # the phone locked, or another app in front
        asked = counting(page)
        await a_minute_passes(page)
        await a_minute_passes(page)
        assert asked == [], asked
        room.server = await JoinServer.start(room.workshop, "127.0.0.1", old.port, room.log_path)
        await shown(page, True)
        await expect(page.get_by_role("alert")).to_contain_text(OLD_LINK)
        assert asked == ["HEAD alive"], asked


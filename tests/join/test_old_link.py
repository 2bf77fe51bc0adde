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
from .test_looking_for_the_laptop import a_minute_passes, counting

OLD_LINK = "This link is old"
TYPED = "Half a thought, not sent yet"


async def restart_with_a_new_code(room: Room) -> str:
    """Joining stops without a word reaching the page, and starts again on the same port with a new code."""
    old = room.server
    await old.stop(tell=False)
    room.server = await JoinServer.start(room.workshop, "127.0.0.1", old.port, room.log_path)
    assert room.server.code != old.code and room.server.port == old.port
    return room.server.url


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

"""The phone page for participants who use their phone differently: a screen reader, the keyboard, large text on a
small phone, high contrast (forced colours), a slow network. Debian's Chromium driven by Playwright, as in
test_browser.py (skipped where Chromium is missing)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import Route, expect

from bootcamp.store import WorkshopFiles

from .conftest import RATE, Room
from .test_browser import SHOW_SECONDS, phone_on, tap

# A 320 × 568 phone with its text at 200 %: the page is laid out in half as many CSS pixels.
SMALL_PHONE_AT_200 = {"viewport": {"width": 160, "height": 284}, "device_scale_factor": 4}


async def test_a_keyboard_or_screen_reader_stays_on_the_answer_it_gave(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        partly = page.get_by_role("button", name="Partly", exact=True)
        await partly.focus()
        await page.keyboard.press("Enter")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        # The answered part is drawn anew; focus stays on the answer, not thrown back to the top of the page.
        await expect(partly).to_be_focused()
        await page.keyboard.press("Tab")
        await expect(page.get_by_role("button", name="No", exact=True)).to_be_focused()


async def test_a_screen_reader_hears_the_answer_saved(chromium: Path, files: WorkshopFiles, tmp_path: Path) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        # One live region that stays on the page (a region drawn anew with the part is not reliably read out).
        said = page.locator("#said")
        await expect(said).to_have_attribute("aria-live", "polite")
        await tap(page, "Partly")
        await expect(said).to_have_text("Partly: saved ✓")
        room.move_on()
        await expect(page.get_by_role("heading", name="Role check")).to_be_visible(timeout=SHOW_SECONDS)
        await expect(said).to_have_text("")  # a new step: nothing left over to read out


async def test_each_row_of_answers_is_named_by_its_question(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        # "Strength" twice on one screen: the row it belongs to says which one is for whom.
        yourself = page.get_by_role("group", name="Persist! For yourself", exact=True)
        team = page.get_by_role("group", name="Persist! For your team", exact=True)
        await expect(yourself.get_by_role("button", name="Strength", exact=True)).to_be_visible()
        await expect(team.get_by_role("button", name="Strength", exact=True)).to_be_visible()
        room.workshop.toggle("secret", RATE)  # a ballot: radio buttons, grouped the same way
        radios = page.get_by_role("radiogroup", name="Persist! For your team", exact=True)
        await expect(radios.get_by_role("radio", name="Weakness", exact=True)).to_be_visible(timeout=SHOW_SECONDS)


async def test_large_text_on_a_small_phone_fits_its_width(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    async with phone_on(room, chromium, **SMALL_PHONE_AT_200) as page:
        await tap(page, "Ana")
        await expect(page.get_by_role("heading", name="Rate the aptitudes")).to_be_visible()
        await page.screenshot(path=tmp_path / "small-200.png", full_page=True)
        # Nothing wider than the screen: a phone would zoom the whole page out, and the large text with it.
        assert await page.evaluate("[document.documentElement.scrollWidth, innerWidth]") == [160, 160]
        for button in await page.get_by_role("button").all():
            box = await button.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 160 and box["height"] >= 44


async def test_with_forced_colours_the_chosen_answer_still_stands_out(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium, forced_colors="active", color_scheme="dark") as page:
        await tap(page, "Ana")
        await tap(page, "Partly")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        await page.screenshot(path=tmp_path / "forced.png")
        background = "button => getComputedStyle(button).backgroundColor"
        chosen = await page.get_by_role("button", name="Partly", exact=True).evaluate(background)
        other = await page.get_by_role("button", name="Yes", exact=True).evaluate(background)
        assert chosen != other  # high contrast drops the page's colours: bold type alone is not enough


async def test_on_a_slow_network_the_tapped_answer_says_it_is_being_sent(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")

        looked = asyncio.Event()

        async def slowly(route: Route) -> None:
            # the network is slow until the test has looked: a fixed delay raced a busy machine
            await asyncio.wait_for(looked.wait(), 30)
            await route.continue_()

        await page.route("**/answer", slowly)
        await tap(page, "Partly")
        # Until the laptop answers, the row says what is going on rather than only greying its buttons.
        await expect(page.locator("form.row .saved")).to_have_text("sending Partly…")
        await expect(page.locator("#said")).to_have_text("Partly: sending…")
        await page.screenshot(path=tmp_path / "sending.png")
        looked.set()
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓", timeout=SHOW_SECONDS * 2)
        await expect(page.locator("#said")).to_have_text("Partly: saved ✓")


async def test_a_phone_offline_for_a_moment_says_so_and_recovers_without_a_tap(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await page.context.set_offline(True)  # new requests fail; the event stream already open stays open
        await tap(page, "Partly")
        offline = page.locator("#offline")
        await expect(offline).to_be_visible()
        # The notice says a tap now is not sent and the page is trying again: both are so.
        await expect(page.get_by_role("button", name="No", exact=True)).to_be_disabled()
        await expect(page.locator("form.row .saved")).to_have_text("no answer yet")
        await page.screenshot(path=tmp_path / "offline.png")
        await page.context.set_offline(False)
        await expect(offline).to_be_hidden(timeout=SHOW_SECONDS * 3)  # found the laptop again by itself
        await tap(page, "No")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        [answer] = files.answers()
        assert answer.value == "no"

"""A room of 60 to 200 finding their own name on the phone's "Who are you?" list: alphabetical, and for a long list a
field that narrows the buttons as one types (with the script; the plain list without it). Debian's Chromium driven by
Playwright at a phone's size, as in test_browser.py."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page, expect

from bootcamp.store import Store

from .conftest import Phone, Room, create
from .test_browser import SHOW_SECONDS, phone_on

FIRST = ["Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena"]
LAST = ["Martin", "O’Neil", "Okonkwo", "Łukasiewicz", "Dubois", "Silva", "Tanaka", "Weber", "Rossi", "Novak"]


def offsite(count: int) -> list[tuple[str, str]]:
    """``count`` different people, as a registration list has them (not in alphabetical order)."""
    return [(f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}", "") for n in range(count)][::-1]


def names_shown(page: Page):
    return page.locator(".names button:visible")


async def test_a_long_list_narrows_as_one_types_and_still_offers_to_ask(
    chromium: Path, store: Store, tmp_path: Path
) -> None:
    room = await Room.open(create(store, people=offsite(120)), tmp_path)
    other = Phone(room)
    errors: list[str] = []
    try:
        async with phone_on(room, chromium) as page:
            page.on("pageerror", lambda error: errors.append(str(error)))
            find = page.get_by_role("searchbox", name="Find your name")
            await expect(find).to_be_visible()
            await expect(names_shown(page)).to_have_count(120)
            await find.fill("chloe o")  # no accent, no apostrophe, a word begun
            await expect(names_shown(page)).to_have_text(["Chloé Okonkwo", "Chloé O’Neil"])
            said = page.locator("#said")
            await expect(said).to_have_text("2 names match.")
            await find.fill("oneil chloe")  # either order
            await expect(names_shown(page)).to_have_text(["Chloé O’Neil"])
            await expect(said).to_have_text("1 name matches: Chloé O’Neil.")

            # Someone else takes a seat meanwhile: the list is drawn anew, still narrowed, the field as it was.
            await other.sit("Chloé O’Neil")
            await expect(names_shown(page)).to_have_text(["Chloé O’Neil (joined)"], timeout=SHOW_SECONDS)
            await expect(find).to_have_value("oneil chloe")
            await expect(find).to_be_focused()

            # Nobody of that name: said, and the way to ask is right there.
            await find.fill("zed")
            await expect(names_shown(page)).to_have_count(0)
            found = page.locator("#found")
            await expect(found).to_have_text("No name on the list has “zed”. Not on the list? Ask to join below.")
            await expect(said).to_have_text("No name matches “zed”.")
            await found.get_by_role("link", name="Ask to join below").click()
            await expect(page.get_by_role("textbox", name="Your name")).to_be_focused()
            await expect(page.get_by_role("button", name="Ask to join")).to_be_in_viewport()

            await find.fill("")
            await expect(names_shown(page)).to_have_count(120)
            await expect(found).to_be_hidden()
            await find.fill("kofi weber")
            await page.get_by_role("button", name="Kofi Weber", exact=True).tap()
            await expect(page.locator(".who")).to_have_text("Kofi Weber")
        assert not errors
    finally:
        await other.close()


async def test_without_the_script_the_list_is_alphabetical_and_no_field_shows(
    chromium: Path, store: Store, tmp_path: Path
) -> None:
    room = await Room.open(create(store, people=offsite(60)), tmp_path)
    async with phone_on(room, chromium, java_script_enabled=False) as page:
        await expect(page.get_by_role("heading", name="Who are you?")).to_be_visible()
        await expect(page.get_by_role("searchbox")).to_have_count(0)  # a field that could not narrow is not shown
        shown = await names_shown(page).all_text_contents()
        assert len(shown) == 60 and shown[:3] == ["Ana Dubois", "Ana Łukasiewicz", "Ana Martin"]


async def test_a_short_list_has_no_field(chromium: Path, store: Store, tmp_path: Path) -> None:
    room = await Room.open(create(store, people=offsite(8)), tmp_path)
    async with phone_on(room, chromium) as page:
        await expect(names_shown(page)).to_have_count(8)
        await expect(page.get_by_role("searchbox")).to_have_count(0)


async def test_a_list_grown_long_while_a_phone_shows_it_gets_the_field(
    chromium: Path, store: Store, tmp_path: Path
) -> None:
    # A phone showed 'Who are you?' with 8 names when the late list was pasted on the console: the names were drawn
    # anew part by part, and the field (no part of its own) never came until the phone reloaded.
    room = await Room.open(create(store, people=offsite(8)), tmp_path)
    async with phone_on(room, chromium) as page:
        await page.get_by_role("textbox", name="Your name").fill("Zoe Late")  # typed meanwhile: kept
        await expect(page.get_by_role("searchbox")).to_have_count(0)
        with room.workshop.records.as_one_change(lambda made: f"adding {made} people"):
            for name, role in offsite(30)[:22]:
                room.workshop.records.add_participant(name, role)
        await expect(names_shown(page)).to_have_count(30, timeout=SHOW_SECONDS)
        find = page.get_by_role("searchbox", name="Find your name")
        await expect(find).to_be_visible()
        await expect(page.get_by_role("textbox", name="Your name")).to_have_value("Zoe Late")
        await find.fill("kofi o")
        await expect(names_shown(page)).to_have_text(["Kofi O’Neil"])

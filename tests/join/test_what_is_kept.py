"""A participant is told on their phone what is kept about them, where, and whom to ask to see or erase it: in one
line where they pick their name or take a seat, and again on every screen after in a "What is kept" disclosure
(a ``details`` element: it opens without the script)."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page, expect

from bootcamp.store import Store, WorkshopFiles

from .conftest import MANDATE, Phone, Room, closing, create, phone_at, text_of
from .test_browser import phone_on, tap

KEPT_NAMED = (
    "Your answers and comments are kept with your name on the facilitator's laptop, for this workshop's summary; "
    "nothing is sent anywhere else. Ask the facilitator to see or erase them."
)
KEPT_ANONYMOUS = (
    "Your answers and comments are kept without a name on the facilitator's laptop, for this workshop's summary; "
    "nothing is sent anywhere else. Ask the facilitator to see or erase them."
)


async def test_a_person_is_told_what_is_kept_before_picking_their_name_and_can_read_it_again_later(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana, dee = await phone_at(room, phones), await phone_at(room, phones)
    picking = text_of(await ana.load())
    # Said before the names, where a person reads before tapping theirs; said once.
    assert picking.count(KEPT_NAMED) == 1 and picking.index(KEPT_NAMED) < picking.index("Ana")
    assert "What is kept" not in picking

    await ana.sit("Ana")
    question = text_of(ana.html)
    assert "Who drives agreement?" in question and f"What is kept {KEPT_NAMED}" in question
    assert '<details class="kept">' in ana.html  # opens with a tap, with or without the script

    await dee.load()
    await dee.post("ask", {"name": "Dee"}, script=False)  # not on the list: waiting to be let in
    assert "Waiting to be let in" in text_of(dee.html) and f"What is kept {KEPT_NAMED}" in text_of(dee.html)
    await closing(room, phones)


async def test_an_anonymous_workshop_says_its_answers_are_kept_without_a_name(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    files = create(store, anonymous=True, people=[("", ""), ("", "")])
    room = await Room.open(files, tmp_path)
    phone = await phone_at(room, phones)
    picking = text_of(await phone.load())
    assert KEPT_ANONYMOUS in picking and "with your name" not in picking
    await phone.post("seat", {}, script=False)
    assert f"What is kept {KEPT_ANONYMOUS}" in text_of(phone.html) and "with your name" not in text_of(phone.html)
    await closing(room, phones)


async def test_a_secret_ballot_still_says_it_is_stored_without_a_name(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    page = text_of(ana.html)
    assert "Secret ballot: stored without your name." in page and f"What is kept {KEPT_NAMED}" in page
    await closing(room, phones)


def _luminance(rgb: str) -> float:
    """The relative luminance (WCAG) of a computed colour, ``rgb(r, g, b)``."""
    channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


async def _contrast(page: Page, selector: str) -> float:
    ink, back = await page.locator(selector).first.evaluate(
        "element => [getComputedStyle(element).color, getComputedStyle(document.body).backgroundColor]"
    )
    lighter, darker = sorted((_luminance(ink), _luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


async def test_on_a_phone_the_line_is_in_the_first_screen_and_readable_light_and_dark(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    shots = tmp_path / "shots"
    for scheme in ("light", "dark"):
        room = await Room.open(files, tmp_path)
        # Without the script: the disclosure is a plain details element, opened with a tap all the same.
        async with phone_on(room, chromium, color_scheme=scheme, java_script_enabled=False) as page:
            kept = page.get_by_text(KEPT_NAMED)
            await expect(kept).to_be_visible()
            box = await kept.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844 / 2  # read before the names, not scrolled to
            assert await _contrast(page, ".kept") >= 4.5
            await page.screenshot(path=shots / f"pick-{scheme}.png")

            await tap(page, "Ana")
            await expect(page.get_by_role("heading", name="Who drives agreement?")).to_be_visible()
            await expect(page.get_by_text(KEPT_NAMED)).to_be_hidden()  # folded away under the question
            await page.get_by_text("What is kept", exact=True).tap()
            await expect(page.get_by_text(KEPT_NAMED)).to_be_visible()
            assert await _contrast(page, ".kept summary") >= 4.5 and await _contrast(page, ".kept p") >= 4.5
            await page.screenshot(path=shots / f"question-{scheme}.png", full_page=True)

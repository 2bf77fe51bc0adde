"""The phone page for participants who use their phone differently: a screen reader, the keyboard, large text on a
small phone, high contrast (forced colours), a slow network. Debian's Chromium driven by Playwright, as in
test_browser.py (skipped where Chromium is missing)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from playwright.async_api import Page, Route, expect

from bootcamp.live.requests import GiveAnswer
from bootcamp.store import WorkshopFiles

from .conftest import MANDATE, RATE, TALK, Room
from .test_browser import PHONE, SHOW_SECONDS, phone_on, tap

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


async def answers_held_until_released(page: Page) -> asyncio.Event:
    """A slow network for the page's answers: each is held on its way until the event returned is set (a fixed delay
    raced a busy machine)."""
    released = asyncio.Event()

    async def held(route: Route) -> None:
        await asyncio.wait_for(released.wait(), 30)
        await route.continue_()

    await page.route("**/answer", held)
    return released


async def test_on_a_slow_network_the_tapped_answer_says_it_is_being_sent(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        looked = await answers_held_until_released(page)
        await tap(page, "Partly")
        # Until the laptop answers, the row says what is going on rather than only greying its buttons.
        await expect(page.locator("form.row .saved")).to_have_text("sending Partly…")
        await expect(page.locator("#said")).to_have_text("Partly: sending…")
        await page.screenshot(path=tmp_path / "sending.png")
        looked.set()
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓", timeout=SHOW_SECONDS * 2)
        await expect(page.locator("#said")).to_have_text("Partly: saved ✓")


# Counts the views the page's event stream brings (each one drawn), so a test can wait for one that changes nothing.
HEARD_VIEWS = """
window.viewsHeard = 0;
const HeardSource = window.EventSource;
window.EventSource = class extends HeardSource {
  constructor(...args) {
    super(...args);
    this.addEventListener("view", () => setTimeout(() => { window.viewsHeard += 1; }));
  }
};
"""


async def test_while_an_answer_is_sent_a_redraw_for_someone_elses_answer_keeps_what_is_read_out(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """Ben answered at the console while Ana's tap was on its way: the screen reader's line, built again from the row,
    found no answer pressed there yet and read "sending Partly…" in place of "Partly: sending…" (a loaded CI run)."""
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await page.add_init_script(HEARD_VIEWS)
        await page.reload()
        await tap(page, "Ana")
        looked = await answers_held_until_released(page)
        await tap(page, "Partly")
        await expect(page.locator("#said")).to_have_text("Partly: sending…")
        shown = await page.evaluate("() => window.viewsHeard")
        room.workshop.apply(GiveAnswer(room.person("Ben"), MANDATE, "yes"))
        # Ben's answer alone changes nothing Ana's phone shows while the results are hidden (the test passed on a
        # later, unrelated redraw, and failed on a loaded machine where none came): the tally revealed is redrawn.
        room.workshop.toggle("revealed", MANDATE)
        await page.wait_for_function(f"() => window.viewsHeard > {shown}", timeout=SHOW_SECONDS * 3)
        await expect(page.locator("#said")).to_have_text("Partly: sending…")
        looked.set()
        await expect(page.locator("#said")).to_have_text("Partly: saved ✓", timeout=SHOW_SECONDS * 2)


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


def luminance(css: str) -> float:
    """The relative luminance (WCAG) of a computed ``rgb(r, g, b)`` or ``rgba(...)`` colour."""
    red, green, blue = (int(part) / 255 for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


COLOURS = """element => {
  const style = getComputedStyle(element);
  let back = element;
  while (back && getComputedStyle(back).backgroundColor === "rgba(0, 0, 0, 0)") back = back.parentElement;
  return {ink: style.color, back: getComputedStyle(back || document.documentElement).backgroundColor,
          edge: style.borderLeftColor, outline: style.outlineColor};
}"""


async def test_in_dark_mode_the_page_is_dark_and_every_state_reads(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium, color_scheme="dark") as page:
        await tap(page, "Ana")
        await tap(page, "Partly")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        body = await page.locator("body").evaluate(COLOURS)
        assert luminance(body["back"]) < 0.05, body  # a white page at night glares
        assert contrast(body["ink"], body["back"]) >= 7, body
        chosen = await page.get_by_role("button", name="Partly", exact=True).evaluate(COLOURS)
        other = await page.get_by_role("button", name="Yes", exact=True).evaluate(COLOURS)
        assert contrast(chosen["ink"], chosen["back"]) >= 4.5, chosen
        assert contrast(other["ink"], other["back"]) >= 4.5, other
        assert contrast(chosen["back"], other["back"]) >= 3, (chosen, other)  # the chosen one stands out
        saved = await page.locator(".saved-saved").evaluate(COLOURS)
        assert contrast(saved["ink"], saved["back"]) >= 4.5, saved
        await page.keyboard.press("Tab")  # a focus ring, as the keyboard draws it
        focused = await page.evaluate_handle("document.activeElement")
        ring = await focused.evaluate(COLOURS)
        assert contrast(ring["outline"], body["back"]) >= 3, ring
        await page.screenshot(path=tmp_path / "dark-saved.png")

        await room.server.stop(tell=False)  # the lost-contact notice, in the dark
        offline = page.locator("#offline")
        await expect(offline).to_be_visible(timeout=SHOW_SECONDS)
        notice = await offline.evaluate(COLOURS)
        assert contrast(notice["ink"], notice["back"]) >= 7 and contrast(notice["edge"], notice["back"]) >= 3, notice
        disabled = await page.get_by_role("button", name="No", exact=True).evaluate(COLOURS)
        assert contrast(disabled["ink"], disabled["back"]) >= 3, disabled  # held, and still legible
        await page.screenshot(path=tmp_path / "dark-lost.png")


async def test_a_larger_default_font_size_grows_the_text(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        assert await page.locator("body").evaluate("body => getComputedStyle(body).fontSize") == "18px"
        # The browser's "font size" setting (Chrome's Settings > Appearance, Android's text scaling): 16 px → 24 px.
        settings = await page.context.new_cdp_session(page)
        await settings.send("Page.setFontSizes", {"fontSizes": {"standard": 24}})
        await page.reload()
        assert await page.locator("body").evaluate("body => getComputedStyle(body).fontSize") == "27px"
        await page.screenshot(path=tmp_path / "default-24.png", full_page=True)


async def test_a_screen_reader_hears_that_a_tap_would_replace_an_answer_not_shown(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    ana = room.person("Ana")
    room.workshop.apply(GiveAnswer(ana, MANDATE, "no"))  # at the keyboard, before this phone took her seat
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        row = page.locator("form.row .saved")
        await expect(row).to_have_text("answered already (not shown here)")
        await tap(page, "Yes")
        asking = "Ana answered this already. Tap “Yes” again to replace it."
        await expect(page.locator("#said")).to_have_text(asking)
        await expect(row).to_have_text(asking)
        await page.screenshot(path=tmp_path / "asking.png")
        assert room.workshop.records.answer(ana, MANDATE).value == "no"
        await asyncio.sleep(1)  # a second thought, not a double tap
        await tap(page, "Yes")
        await expect(page.locator("#said")).to_have_text("Yes: saved ✓")
        assert room.workshop.records.answer(ana, MANDATE).value == "yes"


async def test_an_old_link_reads_as_the_phone_page_does_in_light_and_dark_and_large_text(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    """A tab left open from before joining restarted with a new code: the page it lands on has the phone page's
    look (its stylesheet allowed by the page's policy, so nothing is refused), dark mode too, and fits a small phone
    with its text at 200 %."""
    room = await Room.open(files, tmp_path)
    old_link = f"{room.origin}/QQQQQ"
    looks = [("light", {}), ("dark", {"color_scheme": "dark"}), ("small-200", SMALL_PHONE_AT_200)]
    async with phone_on(room, chromium) as first:
        browser = first.context.browser
        assert browser is not None
        for name, context in looks:
            page = await (await browser.new_context(**{**PHONE, **context})).new_page()
            errors: list[str] = []
            page.on("console", lambda message, errors=errors: errors.append(message.text))
            response = await page.goto(old_link)
            assert response is not None and response.status == 404
            await expect(page.get_by_role("heading", name="Old or wrong link")).to_be_visible()
            await page.screenshot(path=tmp_path / f"old-link-{name}.png", full_page=True)
            assert not [e for e in errors if "Refused" in e]  # as a stylesheet the policy refused is said
            body = page.locator("body")
            looked = "b => [getComputedStyle(b).fontSize, getComputedStyle(b).backgroundColor]"
            size, background = await body.evaluate(looked)
            assert size == "18px"  # the phone page's 1.125rem
            assert background == ("rgb(18, 18, 18)" if name == "dark" else "rgb(255, 255, 255)")
            width = SMALL_PHONE_AT_200["viewport"]["width"] if name == "small-200" else PHONE["viewport"]["width"]
            assert await page.evaluate("[document.documentElement.scrollWidth, innerWidth]") == [width, width]


async def test_a_screen_reader_is_not_told_a_refused_note_is_saved(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await page.locator("#note").fill("Clear owners")
        await tap(page, "Send note")
        await expect(page.locator("#said")).to_have_text("Note: saved ✓")
        # Spaces pass the field's "required"; the laptop keeps no empty note, and its line at the top says so.
        await page.locator("#note").fill("   ")
        await tap(page, "Send note")
        await expect(page.locator(".message")).to_contain_text("Not kept: a note is needed.")
        # What is read out agrees with it, not with the note before ("Note: saved ✓").
        await expect(page.locator("#said")).to_have_text("Note: not kept")
        assert [note.text for note in room.workshop.records.room.notes] == ["Clear owners"]


async def test_a_screen_reader_is_not_left_hearing_sending_for_a_ballot_refused(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await tap(page, "Cast my ballot")  # nothing picked
        await expect(page.locator(".message")).to_have_text("Your ballot was not cast: pick at least one answer.")
        await expect(page.locator("#said")).to_have_text("not kept")  # the tap's "sending…" is over


async def test_a_screen_reader_hears_where_the_page_went_when_a_tap_takes_it_to_the_next_item(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        said = page.locator("#said")
        yourself = page.get_by_role("group", name="Persist! For yourself", exact=True)
        team = page.get_by_role("group", name="Persist! For your team", exact=True)
        await yourself.get_by_role("button", name="Strength", exact=True).tap()
        await expect(said).to_have_text("Strength: saved ✓")
        # The item's last row answered, the page goes on to the next: that row's "sending…" is not left to be heard.
        await team.get_by_role("button", name="Mixed", exact=True).tap()
        await expect(page.get_by_role("heading", name="Give the Power Away")).to_be_visible()
        await expect(said).to_have_text("Mixed: sent. 2 of 2: Give the Power Away")
        # "← Previous" (as "Next →") is read out as where it went, not "← Previous: sending…".
        await tap(page, "← Previous")
        await expect(page.get_by_role("heading", name="Persist!")).to_be_visible()
        await expect(said).to_have_text("1 of 2: Persist!")
        assert sorted((a.item, a.perspective, a.value) for a in room.workshop.snapshot.answers) == [
            ("persist", "self", "strong"),
            ("persist", "team", "mixed"),
        ]


SMALL_PHONE = {"viewport": {"width": 320, "height": 568}}


@pytest.mark.parametrize(
    "look", [("small", SMALL_PHONE), ("small-dark", {**SMALL_PHONE, "color_scheme": "dark"}), ("phone", {}),
             ("phone-dark", {"color_scheme": "dark"})], ids=lambda look: look[0]
)
async def test_while_contact_is_lost_a_small_phone_still_shows_its_question_and_its_send_button(
    chromium: Path, files: WorkshopFiles, tmp_path: Path, look: tuple[str, dict[str, object]]
) -> None:
    """At 320 × 568 the lost-contact notice, pinned to the foot of the screen, took about 40 % of it and covered the
    comment's Send button: the person could read neither their answer nor what they typed. The notice is one short
    line or two, the rest on a tap; read out as before, and as legible light and dark."""
    name, context = look
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium, **context) as page:
        await tap(page, "Ana")
        await tap(page, "Partly")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        await page.locator("#comment").fill("what I typed")
        await room.server.stop(tell=False)  # the console killed
        offline = page.locator("#offline")
        await expect(offline).to_be_visible(timeout=SHOW_SECONDS)
        # Read out as a status: what matters first, that a tap now is not sent.
        status = page.get_by_role("status").filter(has_text="a tap now is not sent")
        await expect(status).to_have_count(1)
        height = page.viewport_size["height"] if page.viewport_size else 0
        notice = await offline.bounding_box()
        assert notice is not None and notice["height"] <= 0.2 * height, notice
        await page.screenshot(path=tmp_path / f"lost-{name}.png")

        question = page.locator('[data-part^="asked-"] .text')
        send = page.get_by_role("button", name="Send comment", exact=True)
        for shown in (question, send):
            await shown.evaluate("element => element.scrollIntoView({block: 'center'})")
            box, notice = await shown.bounding_box(), await offline.bounding_box()
            assert box is not None and notice is not None
            assert box["y"] >= 0 and box["y"] + box["height"] <= notice["y"], (box, notice)  # not under the notice
        await expect(page.locator("#comment")).to_have_value("what I typed")
        await page.screenshot(path=tmp_path / f"lost-{name}-send.png")

        colours = await offline.locator("summary").evaluate(COLOURS)
        assert contrast(colours["ink"], colours["back"]) >= 7, colours
        await offline.locator("summary").tap()  # the rest, on a tap
        more = offline.locator("details p")
        await expect(more).to_contain_text("The answers shown as saved are kept.")
        colours = await more.evaluate(COLOURS)
        assert contrast(colours["ink"], colours["back"]) >= 7, colours
        await page.screenshot(path=tmp_path / f"lost-{name}-more.png")

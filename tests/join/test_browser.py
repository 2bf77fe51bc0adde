"""The phone page in a real browser: Debian's Chromium driven by Playwright at a phone's size, with touch.

Join from the URL, pick a name, answer the console's current question and see "saved ✓"; the console
moves on, clears, and casts nothing for the phone; a second browser cannot take the seat; a reload
keeps it; a secret ballot; the refusals. The page runs its script under the strict policy (no errors).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

from bootcamp.join.server import JoinServer
from bootcamp.live.requests import ClearAnswer, GiveAnswer
from bootcamp.store import WorkshopFiles, is_ballot_id

from .conftest import MANDATE, RATE, TALK, Room

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SHOW_SECONDS = 2_000  # ms: the page must follow the console within about a second


async def tap(page: Page, name: str) -> None:
    await page.get_by_role("button", name=name, exact=True).tap()


@asynccontextmanager
async def phone_on(room: Room, chromium: Path, **context: object) -> AsyncIterator[Page]:
    """One phone's page on the room's join address; afterwards the browser, the server and the workshop close."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            page = await (await browser.new_context(**{**PHONE, **context})).new_page()  # context: what differs
            await page.goto(room.url)
            yield page
        finally:
            await browser.close()
            await room.server.stop()
            assert await room.workshop.close()


async def test_a_phone_joins_answers_follows_the_console_and_casts_a_secret_ballot(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    shots = tmp_path / "shots"
    errors: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            context = await browser.new_context(**PHONE)
            page = await context.new_page()
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))

            # Join and pick a name.
            await page.goto(room.url)
            await expect(page.get_by_role("heading", name="Who are you?")).to_be_visible()
            await page.screenshot(path=shots / "1-names.png")
            await tap(page, "Ana")
            await expect(page.get_by_role("heading", name="Who drives agreement?")).to_be_visible()

            # Answer the current question: saved once stored, on disk and in the console's tally.
            await tap(page, "Partly")
            await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
            await expect(page.get_by_role("button", name="Partly", exact=True)).to_have_attribute(
                "aria-pressed", "true"
            )
            await page.screenshot(path=shots / "2-saved.png")
            [answer] = files.answers()
            assert (answer.participant_id, answer.value) == (room.person("Ana"), "partly")
            assert room.workshop.snapshot.answered(MANDATE, secret=False) == "1 of 3 answered"

            # A comment typed and not sent when the console moves on stays in sight.
            await page.locator("#comment").fill("half a thought")
            room.move_on()
            await expect(page.get_by_role("heading", name="Role check")).to_be_visible(timeout=SHOW_SECONDS)
            await expect(page.locator(".moved-on")).to_have_text(
                "The room moved on from “Who drives agreement?”: 1 of 1 saved.", use_inner_text=True
            )
            await expect(page.locator('[data-part="unsent-kept"] textarea')).to_have_value("half a thought")
            await page.screenshot(path=shots / "3-moved-on.png")

            # Back on the question, the console clears the answer: the phone shows it cleared.
            room.workshop.move(lambda flow: flow.jump(MANDATE))
            await expect(page.locator(".saved-saved")).to_have_text("saved ✓", timeout=SHOW_SECONDS)
            room.workshop.apply(ClearAnswer(room.person("Ana"), MANDATE))
            await expect(page.locator(".saved-none")).to_have_text("no answer yet", timeout=SHOW_SECONDS)
            await expect(page.get_by_role("button", name="Partly", exact=True)).to_have_attribute(
                "aria-pressed", "false"
            )

            # A value not on the scale is refused in one sentence; so is an answer to a step that is not current.
            await page.locator('button[value="yes"]').evaluate("button => button.value = 'maybe'")
            await tap(page, "Yes")
            await expect(page.get_by_role("alert")).to_have_text(
                "Not kept: 'maybe' is not on the scale 'commitment' (yes, partly, no, dont-know)."
            )
            await page.locator('input[name="step"]').first.evaluate("field => field.value = 'basics/rate-aptitudes'")
            await tap(page, "No")
            await expect(page.get_by_role("alert")).to_have_text(
                "The room has moved on to “Who drives agreement?”; that was not kept."
            )
            assert room.workshop.snapshot.answers == ()

            # A second browser cannot take the seat; a reload keeps it.
            other = await (await browser.new_context(**PHONE)).new_page()
            await other.goto(room.url)
            await expect(other.get_by_role("button", name="Ana (joined)")).to_be_disabled()
            status = (await other.request.post(f"{room.url}/answer", form={"step": MANDATE, "value": "yes"})).status
            assert status == 403  # no seat, no CSRF token
            await page.reload()
            await expect(page.locator(".who")).to_have_text("Ana")

            # A secret ballot: one per seat, nothing that names Ana.
            room.workshop.toggle("secret", MANDATE)
            await expect(page.get_by_text("Secret ballot: stored without your name.")).to_be_visible(
                timeout=SHOW_SECONDS
            )
            await page.get_by_text("No", exact=True).tap()
            await page.screenshot(path=shots / "4-ballot.png", full_page=True)
            await tap(page, "Cast my ballot")
            cast = page.locator("#view").get_by_text("Your ballot is cast: saved ✓")  # #said reads it out too
            await expect(cast).to_be_visible()
            [ballot] = files.answers()
            assert is_ballot_id(ballot.participant_id) and (ballot.value, ballot.at) == ("no", "")

            # A wrong code is 404.
            wrong = await other.goto(room.url.rsplit("/", 1)[0] + "/ZZZZZ")
            assert wrong is not None and wrong.status == 404

            # Joining stops: the page says so, and that its saved answers are kept.
            await room.server.stop()
            await expect(page.locator(".closed")).to_have_text(
                "Joining has stopped; the answers this page showed as saved are kept."
            )
            await expect(page.get_by_role("link", name="Reload")).to_have_count(0)  # it would lead nowhere now
            await expect(page.get_by_text("scan the new code on the wall")).to_be_visible()
            await page.screenshot(path=shots / "5-stopped.png")
        finally:
            await browser.close()
            await room.server.stop()
            assert await room.workshop.close()
    # The script ran under the policy: nothing blocked, nothing thrown (a refusal's 422 and the browser's own
    # /favicon.ico 404 are logged as failed loads, which they are meant to be).
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []


async def test_a_phone_without_scripts_joins_and_answers_through_the_plain_forms(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium, java_script_enabled=False) as page:
        await tap(page, "Ana")  # a plain form post: the browser says where it comes from, this page
        await expect(page.get_by_role("heading", name="Who drives agreement?")).to_be_visible()
        await tap(page, "Partly")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        [answer] = files.answers()
        assert (answer.participant_id, answer.value) == (room.person("Ana"), "partly")


async def test_the_lost_contact_notice_goes_once_a_tap_gets_through(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await page.route("**/answer", lambda route: route.abort())  # the laptop out of reach for one tap
        await tap(page, "Partly")
        await expect(page.locator("#offline")).to_be_visible()
        await page.unroute("**/answer")
        await tap(page, "Partly")  # once the page has found the laptop again (its first look is after 2 s) the tap goes
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        await expect(page.locator("#offline")).to_be_hidden()


async def test_a_note_sent_from_a_phone_keeps_its_line_breaks(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await page.locator("#note").fill("Line one\nline two")
        await tap(page, "Send note")
        await expect(page.locator(".notes .saved")).to_have_text("saved ✓")
        # innerText as drawn (to_have_text would fold the line break into a space either way)
        assert await page.locator(".notes span").evaluate("note => note.innerText") == "Line one\nline two"
        await page.screenshot(path=tmp_path / "note.png")


async def test_while_contact_is_lost_the_buttons_wait_and_say_a_tap_is_not_sent(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        await tap(page, "Yes")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        server = room.server
        port, code, key, seats = server.port, server.code, server.key, server.held
        await server.stop(tell=False)  # the console killed: the page's stream ends without a word
        offline = page.locator("#offline")
        await expect(offline).to_be_visible(timeout=SHOW_SECONDS)
        await expect(offline).to_contain_text("Waiting for the laptop: a tap now is not sent.")
        no = page.get_by_role("button", name="No", exact=True)
        await expect(no).to_be_disabled()  # it looks as dead as it is: nothing would reach the laptop
        await expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute("aria-pressed", "true")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")  # what the laptop has
        assert await offline.evaluate("notice => notice.getBoundingClientRect().bottom <= innerHeight")  # in sight
        await page.screenshot(path=tmp_path / "lost.png")

        # The console comes back with the same code: the page reconnects by itself and the buttons work again.
        room.server = await JoinServer.start(
            room.workshop, "127.0.0.1", port, room.log_path, code=code, key=key, seats=seats
        )
        await expect(no).to_be_enabled(timeout=10_000)
        await expect(offline).to_be_hidden()
        await tap(page, "No")
        await expect(page.get_by_role("button", name="No", exact=True)).to_have_attribute("aria-pressed", "true")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        [answer] = files.answers()
        assert answer.value == "no"


async def test_what_the_page_kept_to_copy_and_why_a_tap_was_refused_stay_through_a_redraw(
    chromium: Path, files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    async with phone_on(room, chromium) as page:
        await tap(page, "Ana")
        # A comment typed and not sent when the console moves on is kept in sight, to copy ...
        await page.locator("#comment").fill("half a thought")
        room.workshop.move(lambda flow: flow.jump(RATE))
        kept = page.locator('[data-part="unsent-kept"] textarea')
        await expect(kept).to_have_value("half a thought", timeout=SHOW_SECONDS)
        # ... and stays when the step is drawn again for a change of the console's (a secret ballot now).
        room.workshop.toggle("secret", RATE)
        await expect(page.get_by_text("Secret ballot: stored without your name.")).to_be_visible(timeout=SHOW_SECONDS)
        await expect(kept).to_be_visible()
        await expect(kept).to_have_value("half a thought")

        # Why a tap was not kept stays in sight as well, until the next tap.
        room.workshop.toggle("secret", RATE)
        await expect(page.get_by_text("Secret ballot: stored without your name.")).to_be_hidden(timeout=SHOW_SECONDS)
        room.workshop.move(lambda flow: flow.jump(MANDATE))
        await expect(page.get_by_role("heading", name="Who drives agreement?")).to_be_visible(timeout=SHOW_SECONDS)
        await page.locator('button[value="yes"]').evaluate("button => button.value = 'maybe'")
        await tap(page, "Yes")
        refused = page.get_by_role("alert")
        await expect(refused).to_contain_text("'maybe' is not on the scale")
        room.workshop.apply(GiveAnswer(room.person("Ana"), MANDATE, "no"))  # the console answers for Ana meanwhile
        await expect(page.get_by_role("button", name="No", exact=True)).to_have_attribute(
            "aria-pressed", "true", timeout=SHOW_SECONDS
        )
        await expect(refused).to_contain_text("'maybe' is not on the scale")
        await tap(page, "Partly")
        await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
        await expect(refused).to_be_hidden()  # a tap of its own: the sentence has done its job

"""A phone whose answer the laptop could not save yet says so, quietly, until it is saved, and then that it is.

The disk is made full where the store writes (``replace_durably``), as tests/ui/test_save_marks.py does: the
writer's own error, its retries and its success once there is room again are the real ones.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from playwright.async_api import expect

from bootcamp.join.held import follow
from bootcamp.join.phone_view import Held
from bootcamp.join.seats import Seat
from bootcamp.live.saving import Mark
from bootcamp.store import WorkshopFiles

from .conftest import MANDATE, RATE, TALK, Phone, Room, closing, phone_at, text_of
from .test_browser import SHOW_SECONDS, phone_on
from .test_browser_access import COLOURS, contrast

HELD_ONE = (
    "Your last answer is held on the facilitator's laptop, not saved yet: it keeps trying to save it, "
    "so you need not send it again."
)
HELD_TWO = (
    "Your last 2 answers are held on the facilitator's laptop, not saved yet: it keeps trying to save them, "
    "so you need not send them again."
)
SAVED_TWO = "Your last 2 answers held on the facilitator's laptop are saved now ✓"
UNSCRIPTED_ONE = " If this page stops loading before it says it is saved, tell the facilitator: it may be lost."
LOST_CONTACT_ONE = (
    "Your last answer may not have been saved: this page lost contact with the facilitator's laptop while it was "
    "held there. If contact does not come back, tell the facilitator."
)


async def room_quick_to_say_held(files: WorkshopFiles, tmp_path: Path, **where: str) -> Room:
    """The room, its posts waiting a fifth of a second for their saves (not the page's two): on a full disk a phone
    is told at once that its answer is held."""
    room = await Room.open(files, tmp_path, **where)
    room.server.save_wait = 0.2
    return room


async def ana_answering_without_the_script_on_a_full_disk(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> tuple[Room, Phone, int]:
    """Ana's page without its script, her Yes posted once the disk is full: the room, her phone, the post's status."""
    room = await room_quick_to_say_held(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    disk_full.set()
    status, _ = await ana.post("answer", {"step": MANDATE, "item": "", "perspective": "", "value": "yes"}, script=False)
    return room, ana, status


def held_line(html: str, *, script: bool = True) -> str:
    """The words of the page's held notice as a page in contact with the laptop shows them, with its script or
    (``script`` False) without; "" when it shows none."""
    if 'data-part="held"' not in html:
        return ""
    part = html.split('data-part="held"', 1)[1].split("</p>", 1)[0]
    if part.lstrip().startswith("hidden"):
        return ""
    part = re.sub(r'<span class="once-contact-lost">.*?</span>', "", part)  # only once contact is lost
    if script:
        part = re.sub(r'<span class="unscripted">.*?</span>', "", part)
    return text_of(part.split(">", 1)[1])


async def test_a_rating_that_moved_on_says_its_answers_are_held_until_saved_then_that_they_are(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    room = await room_quick_to_say_held(files, tmp_path, at=RATE)
    now = [100.0]
    room.server.room.clock = lambda: now[0]
    ana, ben = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    await ben.sit("Ben")
    events = await ana.events()
    await events.next()
    disk_full.set()
    await ana.answer("strong", step=RATE, item="persist", perspective="self")
    status, part = await ana.answer("weak", step=RATE, item="persist", perspective="team")
    assert status == 200 and "2 of 2" in text_of(part)  # the page moved on to the next aptitude, both rows unanswered
    assert "not saved" not in text_of(part.split('data-part="asked-2"', 1)[1])  # nothing on this item says so
    held = await events.until("Your last 2 answers")  # the first answer's failure may come as an event of its own
    assert held_line(held) == HELD_TWO
    assert held_line(await ben.load()) == ""  # another phone, with nothing of its own held, says nothing
    assert files.answers() == []

    disk_full.clear()  # room again: the writer's next retry stores them, and the phone says so
    saved = await events.until("saved now")
    assert held_line(saved) == SAVED_TWO and "not saved yet" not in saved
    assert sorted((a.item, a.perspective, a.value) for a in files.answers()) == [
        ("persist", "self", "strong"),
        ("persist", "team", "weak"),
    ]
    now[0] += 5  # she has read the aptitude the page moved on to
    status, part = await ana.answer("mixed", step=RATE, item="give-power-away", perspective="self")
    assert status == 200 and held_line(part) == ""  # her next tap: the word has done its job
    events.close()
    await closing(room, phones)


async def test_without_the_script_the_next_page_says_it_is_held_and_then_saved(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    room, ana, status = await ana_answering_without_the_script_on_a_full_disk(files, tmp_path, phones, disk_full)
    assert status == 200  # the post waited for the save, then went back to the page
    # A page without the script cannot notice the laptop gone: it says up front what that would mean.
    assert held_line(ana.html, script=False) == HELD_ONE + UNSCRIPTED_ONE
    assert "not saved yet: retrying" in text_of(ana.html)  # the row says it too
    assert held_line(await ana.load(), script=False) == HELD_ONE + UNSCRIPTED_ONE  # and again on a reload

    disk_full.clear()
    await room.workshop.settled()
    assert held_line(await ana.load()) == "Your last answer held on the facilitator's laptop is saved now ✓"
    assert [a.value for a in files.answers()] == ["yes"]
    await closing(room, phones)


async def test_a_note_held_unsaved_is_said_as_a_note(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    room = await room_quick_to_say_held(files, tmp_path, at=TALK)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    disk_full.set()
    status, part = await ana.post("note", {"step": TALK, "text": "silos again"})
    assert status == 200
    assert held_line(part) == (
        "Your note is held on the facilitator's laptop, not saved yet: it keeps trying to save it, "
        "so you need not send it again."
    )
    disk_full.clear()
    await room.workshop.settled()
    assert held_line(await ana.load()) == "Your note held on the facilitator's laptop is saved now ✓"
    await closing(room, phones)


async def test_a_ballot_held_unsaved_is_said_as_a_ballot(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    """Said as a ballot, and the ballot's own line agrees: it said "Your ballot is cast: saving…" under the held
    line's "not saved yet"."""
    room = await room_quick_to_say_held(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    await room.workshop.settled()
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    disk_full.set()
    status, part = await ana.post("ballot", {"step": MANDATE, "pick:|": "no"})
    assert status == 200
    assert held_line(part) == (
        "Your ballot is held on the facilitator's laptop, not saved yet: it keeps trying to save it, "
        "so you need not send it again."
    )
    assert "Your ballot is cast: held, not saved yet" in text_of(part) and "saving…" not in text_of(part)
    assert 'class="saved saved-failed"' in part  # amber, as a row's "not saved yet: retrying"
    disk_full.clear()
    await room.workshop.settled()
    page = await ana.load()
    assert held_line(page) == "Your ballot held on the facilitator's laptop is saved now ✓"
    assert "Your ballot is cast: saved ✓" in text_of(page)
    assert [a.value for a in files.answers()] == ["no"]
    await closing(room, phones)


async def test_when_the_room_moves_on_how_far_the_phone_got_counts_what_is_held_apart(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    room = await room_quick_to_say_held(files, tmp_path, at=RATE)
    chloe = await phone_at(room, phones)
    await chloe.sit("Chloe")
    await chloe.answer("strong", step=RATE, item="persist", perspective="self")
    disk_full.set()
    await chloe.answer("weak", step=RATE, item="persist", perspective="team")
    room.move_on()
    page = text_of(await chloe.load())
    assert "The room moved on from “Rate the aptitudes”: 1 of 4 saved, 1 more held, not saved yet." in page
    assert HELD_ONE in page  # and the line at the top says what that means
    disk_full.clear()
    await room.workshop.settled()
    page = text_of(await chloe.load())
    assert "The room moved on from “Rate the aptitudes”: 2 of 4 saved." in page
    await closing(room, phones)


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_in_a_browser_the_line_shows_at_the_top_while_held_and_turns_to_saved(
    chromium: Path, files: WorkshopFiles, tmp_path: Path, disk_full: threading.Event, scheme: str
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    async with phone_on(room, chromium, color_scheme=scheme) as page:
        await page.get_by_role("button", name="Ana", exact=True).tap()
        held = page.locator('[data-part="held"]')
        await expect(held).to_be_hidden()
        disk_full.set()
        rows = page.locator("form.row")
        await rows.nth(0).get_by_role("button", name="Strength", exact=True).tap()
        await expect(rows.nth(0).locator(".saved")).to_have_text("not saved yet: retrying", timeout=SHOW_SECONDS * 2)
        await rows.nth(1).get_by_role("button", name="Weakness", exact=True).tap()
        await expect(page.get_by_text("2 of 2")).to_be_visible(timeout=SHOW_SECONDS * 2)  # moved on by itself
        await expect(held).to_have_text(HELD_TWO, timeout=SHOW_SECONDS, use_inner_text=True)
        box = await held.bounding_box()
        assert box is not None and box["y"] < 120 and box["width"] <= 390  # at the top, within the phone's width
        colours = await held.evaluate(COLOURS)
        assert contrast(colours["ink"], colours["back"]) >= 7 and contrast(colours["edge"], colours["back"]) >= 3
        await page.screenshot(path=tmp_path / f"held-{scheme}.png")

        disk_full.clear()
        await expect(held).to_have_text(SAVED_TWO, timeout=SHOW_SECONDS * 3, use_inner_text=True)
        colours = await held.evaluate(COLOURS)
        assert contrast(colours["ink"], colours["back"]) >= 7 and contrast(colours["edge"], colours["back"]) >= 3
        await page.screenshot(path=tmp_path / f"saved-{scheme}.png")
        assert len(files.answers()) == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_in_a_browser_a_page_that_loses_the_laptop_while_it_holds_an_answer_says_it_may_not_be_saved(
    chromium: Path, files: WorkshopFiles, tmp_path: Path, disk_full: threading.Event, scheme: str
) -> None:
    """The console killed during the outage (no chance to say anything): the page said "Lost contact … trying
    again" at its foot while its line at the top still promised the laptop "keeps trying to save it"."""
    room = await room_quick_to_say_held(files, tmp_path, at=RATE)
    async with phone_on(room, chromium, color_scheme=scheme) as page:
        await page.get_by_role("button", name="Ana", exact=True).tap()
        held = page.locator('[data-part="held"]')
        disk_full.set()
        await page.locator("form.row").nth(0).get_by_role("button", name="Strength", exact=True).tap()
        await expect(held).to_have_text(HELD_ONE, timeout=SHOW_SECONDS * 2, use_inner_text=True)

        await room.server.stop(tell=False)  # as the console killed: the streams end without a word
        await expect(page.locator("#offline")).to_be_visible(timeout=SHOW_SECONDS * 3)
        await expect(held).to_have_text(LOST_CONTACT_ONE, timeout=SHOW_SECONDS, use_inner_text=True)
        box = await held.bounding_box()
        assert box is not None and box["y"] < 120 and box["width"] <= 390
        colours = await held.evaluate(COLOURS)
        assert contrast(colours["ink"], colours["back"]) >= 7 and contrast(colours["edge"], colours["back"]) >= 3
        await page.screenshot(path=tmp_path / f"lost-contact-{scheme}.png")
        disk_full.clear()  # for the workshop to close after


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_in_a_browser_quitting_anyway_leaves_the_page_saying_what_is_lost_in_red(
    chromium: Path, files: WorkshopFiles, tmp_path: Path, disk_full: threading.Event, scheme: str
) -> None:
    room = await room_quick_to_say_held(files, tmp_path, at=RATE)
    async with phone_on(room, chromium, color_scheme=scheme) as page:
        await page.get_by_role("button", name="Ana", exact=True).tap()
        disk_full.set()
        await page.locator("form.row").nth(0).get_by_role("button", name="Strength", exact=True).tap()
        held = page.locator('[data-part="held"]')
        await expect(held).to_have_text(HELD_ONE, timeout=SHOW_SECONDS * 2, use_inner_text=True)

        room.workshop.abandon_saves()  # quitting anyway, then joining stopped
        await room.server.stop()
        lost = page.get_by_role("alert").filter(has_text="lost")
        await expect(lost).to_have_text(
            "The workshop closed before your last answer could be saved, so it is lost: tell the facilitator.",
            timeout=SHOW_SECONDS,
        )
        colours = await lost.evaluate(COLOURS)
        assert contrast(colours["ink"], colours["back"]) >= 7 and contrast(colours["edge"], colours["back"]) >= 3
        await page.screenshot(path=tmp_path / f"lost-{scheme}.png")
        disk_full.clear()


async def test_without_the_script_in_a_browser_the_held_line_says_what_a_page_that_stops_loading_means(
    chromium: Path, files: WorkshopFiles, tmp_path: Path, disk_full: threading.Event
) -> None:
    room = await room_quick_to_say_held(files, tmp_path)
    async with phone_on(room, chromium, java_script_enabled=False) as page:
        await page.get_by_role("button", name="Ana", exact=True).tap()
        disk_full.set()
        await page.get_by_role("button", name="Yes", exact=True).tap()
        held = page.locator('[data-part="held"]')
        await expect(held).to_have_text(HELD_ONE + UNSCRIPTED_ONE, use_inner_text=True)
        await page.screenshot(path=tmp_path / "held-without-script.png")
        disk_full.clear()


def test_what_is_held_is_named_as_a_person_reads_it() -> None:
    assert Held(answers=1).what == "Your last answer" and not Held(answers=1).many
    assert Held(answers=3, notes=1).what == "Your last 3 answers and your note" and Held(answers=3, notes=1).many
    assert Held(answers=1, notes=2, ballot=True).what == "Your last answer, your 2 notes and your ballot"
    assert not Held() and Held(ballot=True)


class Marks:
    """How each record stands on disk, as the live workshop's records say it (``mark``), set by the test."""

    def __init__(self, **marks: Mark) -> None:
        self.marks = {f"answer:{key}": mark for key, mark in marks.items()}

    def mark(self, record: str) -> Mark:
        return self.marks.get(record, Mark.NONE)


def test_saved_now_names_all_that_was_held_though_the_saves_land_one_by_one() -> None:
    """The writer stores held answers one after the other: a page drawn between two of them says the one left is held,
    and once both are on disk, that both are saved now (not only the last one it said)."""
    seat = Seat("p1", "hash")
    seat.sent = {"answer:a", "answer:b"}
    marks = Marks(a=Mark.FAILED, b=Mark.FAILED)
    assert follow(seat, marks) == (Held(answers=2), Held())  # type: ignore[arg-type]
    marks.marks["answer:a"], marks.marks["answer:b"] = Mark.SAVED, Mark.PENDING  # room again: the first is stored
    assert follow(seat, marks) == (Held(answers=1), Held())  # type: ignore[arg-type]
    marks.marks["answer:b"] = Mark.SAVED
    assert follow(seat, marks) == (Held(), Held(answers=2))  # type: ignore[arg-type]
    assert seat.sent == set()  # stored: no longer followed


LOST_TWO = "The workshop closed before your last 2 answers could be saved, so they are lost: tell the facilitator."


def closed_words(html: str) -> str:
    """The words of a closed page's part: what a phone shows once joining has ended."""
    return text_of(html.split('data-part="closed"', 1)[1].split("</section>", 1)[0])


async def test_quitting_anyway_tells_each_open_phone_in_its_last_page_which_of_its_answers_are_lost(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    """The facilitator quit anyway (q, y twice) on a disk still full: the console said "ended with 2 changes … not
    saved, now lost", while Ana's phone, whose line had said the laptop "keeps trying to save them", closed saying
    only that what it showed as saved is kept. Its last page now says which of hers are lost; Ben's, with nothing
    held, says nothing of it."""
    room = await room_quick_to_say_held(files, tmp_path, at=RATE)
    now = [100.0]
    room.server.room.clock = lambda: now[0]
    ana, ben = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    await ben.sit("Ben")
    anas, bens = await ana.events(), await ben.events()
    await anas.next()
    await bens.next()
    disk_full.set()
    await ana.answer("strong", step=RATE, item="persist", perspective="self")
    await ana.answer("weak", step=RATE, item="persist", perspective="team")
    await anas.until("Your last 2 answers")

    room.workshop.abandon_saves()  # quitting anyway gives the saves up, then stops joining
    await room.server.stop()
    anas_last = closed_words(await anas.until('data-part="closed"'))
    assert LOST_TWO in anas_last and "keeps trying" not in anas_last
    assert "the answers this page showed as saved are kept" in anas_last  # still true of the rest
    bens_last = closed_words(await bens.until('data-part="closed"'))
    assert "lost" not in bens_last and "not saved" not in bens_last
    anas.close()
    bens.close()
    await closing(room, phones)


async def test_without_the_script_a_page_loaded_once_the_saves_are_given_up_says_they_are_lost(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    room, ana, _ = await ana_answering_without_the_script_on_a_full_disk(files, tmp_path, phones, disk_full)
    assert held_line(ana.html).startswith("Your last answer is held")
    room.workshop.abandon_saves()
    closed = closed_words(await ana.load())
    assert "The workshop closed before your last answer could be saved, so it is lost: tell the facilitator." in closed
    await closing(room, phones)


async def test_joining_stopped_while_an_answer_is_held_says_the_laptop_still_tries_to_save_it(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], disk_full: threading.Event
) -> None:
    """j stops joining during the outage: the workshop stays open and its writer retries, but the phone, on its
    closed page, can no longer follow the save; it says where its answer stands as joining stopped."""
    room = await room_quick_to_say_held(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    events = await ana.events()
    await events.next()
    disk_full.set()
    await ana.answer("yes")
    await events.until("Your last answer is held")
    await room.server.stop()
    last = closed_words(await events.until('data-part="closed"'))
    assert (
        "Your last answer was still held on the facilitator's laptop, not saved yet, as joining stopped: "
        "it keeps trying to save it." in last
    )
    assert "lost" not in last
    disk_full.clear()
    assert await room.workshop.settled()
    assert [a.value for a in files.answers()] == ["yes"]
    events.close()
    await closing(room, phones)

"""Phones in the room, from the console: ``j`` asks which address and serves the phone page on the app's own
loop; the console shows the join URL, who holds a seat by phone and every phone's answer; People lets
latecomers in; ``j`` again, leaving the workshop or quitting stops it, and the open pages are told.

The server is real (127.0.0.1, a free port) and so is HTTP: the phones are ``tests.join``'s, aiohttp
clients with their own cookies, on the test's loop, which is the app's.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import re
import signal
import sys
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from test_keys import palette_titles
from textual.pilot import Pilot
from tmux_helpers import DEADLINE, Tmux
from ui_helpers import FIXTURE_CONTENT, new_workshop, screen_text, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.join.addresses import Candidate, JoinAddress
from bootcamp.join.console import Joining
from bootcamp.join.invite import INVITE_FILE, Invite
from bootcamp.join.left_on import read_left_on, write_left_on
from bootcamp.join.room import LATE_TAP_SECONDS
from bootcamp.live.changes import Change
from bootcamp.store import Store
from bootcamp.store.model import Answer, WorkshopState
from bootcamp.ui.app import PHONE_REDRAW_SECONDS, BootcampApp, create_app
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.join_address import JoinAddressScreen
from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen
from bootcamp.ui.screens.roster import PeopleTable, RosterScreen, WaitingTable
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.answers.question_table import QuestionTable
from bootcamp.ui.widgets.join_bar import JoinBar
from tests.join.conftest import Phone, text_of

MANDATE = "basics/mandate"  # the fixture's question: yes, partly, no, don't know
RATE = "basics/rate-aptitudes"  # the fixture's rating: Persist! first, for yourself and your team
LOOPBACK = JoinAddress("127.0.0.1", 0)
SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


class ConsoleRoom:
    """What a ``tests.join`` phone needs of a room: the join URL, and whose seat a name is, as the console has them."""

    def __init__(self, app: BootcampApp) -> None:
        self.app = app

    @property
    def url(self) -> str:
        assert self.app.joining is not None, "joining is off"
        return self.app.joining.url

    @property
    def origin(self) -> str:
        return self.url.rsplit("/", 1)[0]

    def person(self, name: str) -> str:
        assert self.app.workshop is not None
        return next(p.id for p in self.app.workshop.info.present if p.name == name)


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    info = new_workshop(store, fixture_program)
    store.open(info.id).save_state(WorkshopState(step_key=MANDATE))
    return info.id


def joining_app(
    data_dir: Path, clock: FixedClock, workshop_id: str, join: JoinAddress | None = LOOPBACK
) -> BootcampApp:
    """The app as ``bootcamp open ID --join 127.0.0.1:0`` starts it."""
    return create_app(data_dir=data_dir, content_dir=FIXTURE_CONTENT, clock=clock, open_workshop=workshop_id, join=join)


async def eventually(pilot: Pilot, done: Callable[[], object], what: str, *, within: float = 20.0) -> float:
    """Turn the loop until ``done()``; the seconds it took. Real time, as a phone's answer travels over HTTP and
    the console draws phones' changes at most every :data:`PHONE_REDRAW_SECONDS`. ``within`` is a bound only a
    change that never comes reaches, not a speed: on a loaded CI box a second is not promised (how fast an answer
    reaches the console is the phones benchmark's to measure)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not done():
        if loop.time() - start > within:
            raise AssertionError(f"{what} did not happen within {within} s")
        await pilot.pause(0.02)
    return loop.time() - start


async def joined_console(pilot: Pilot) -> WorkshopScreen:
    screen = await wait_for_screen(pilot, WorkshopScreen)
    await eventually(pilot, lambda: pilot.app.joining is not None, "joining to start")
    await settle(pilot)
    return screen  # type: ignore[return-value]


async def phone_of(app: BootcampApp, phones: list[Phone]) -> Phone:
    phone = Phone(ConsoleRoom(app))  # type: ignore[arg-type]
    phones.append(phone)
    return phone


async def served(url: str) -> bool:
    """Whether anything answers on the join URL's address now."""
    try:
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            return response.status < 500
    except aiohttp.ClientConnectionError:
        return False


def notified(app: BootcampApp) -> list[str]:
    return [notice.message for notice in app._notifications]


# -- starting and stopping ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_j_asks_which_address_serves_the_page_on_it_and_j_again_stops_it(
    size: tuple[int, int], workshop_id: str, make_app, data_dir: Path, store: Store
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        await pilot.press("j")
        picker = await wait_for_screen(pilot, JoinAddressScreen)
        labels = [candidate.label for candidate in picker.candidates]  # type: ignore[attr-defined]
        assert labels[-1] == "127.0.0.1 (loopback: this machine only)"  # loopback last
        assert not any(label.startswith("0.0.0.0") for label in labels)  # every address only when typed
        if size == (120, 40):
            await pilot.press("end", "enter")  # the loopback, from the list: said to be this machine only first
            await settle(pilot)
            assert app.joining is None and "rehearsal" in str(picker.query_one("#join-problem").render())
            await pilot.press("enter")  # Enter again: any free port
        else:
            await pilot.press("tab", *"0.0.0.O", "enter")  # a typo is said, nothing starts
            await settle(pilot)
            assert "is not an IP address" in str(picker.query_one("#join-problem").render())
            await pilot.press("ctrl+u", *"127.0.0.1:0", "enter", "enter")  # typed loopback: Enter again, too
        await joined_console(pilot)
        joining = app.joining
        assert joining is not None and re.fullmatch(r"http://127\.0\.0\.1:\d+/[A-Z]{5}", joining.url)
        assert joining.url in screen_text(app)  # the join bar, its URL first so a narrow console keeps it
        assert await served(joining.url)
        folder = store.open(workshop_id).path
        assert json.loads((folder / INVITE_FILE).read_text())["url"] == joining.url  # for a projector window
        assert (data_dir / "logs" / f"join-{workshop_id}.log").read_text().count("joining started") == 1

        await pilot.press("j")
        await settle(pilot)
        assert app.joining is None and app.console_joining is None
        assert await app.flush()  # the server's stop is waited for, as quitting does
        assert not await served(joining.url)
        assert not (folder / INVITE_FILE).exists()
        assert joining.url not in screen_text(app)
        assert "Joining stopped" in notified(app)[-1]


async def test_with_no_room_network_the_picker_says_so_and_loopback_asks_before_the_wall_shows_it(
    workshop_id: str, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bootcamp.join.addresses.candidates", lambda: [Candidate("127.0.0.1", "lo", "loopback")])
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        await pilot.press("j")
        picker = await wait_for_screen(pilot, JoinAddressScreen)
        await settle(pilot)
        why = str(picker.query_one("#join-why").render())
        assert why.startswith("This laptop is on no network phones can reach: join the room's Wi-Fi or a phone's hotspot")
        await pilot.press("enter")  # the loopback: said first, nothing on the wall yet
        await settle(pilot)
        problem = str(picker.query_one("#join-problem").render())
        assert "127.0.0.1 is this laptop only: no phone can reach it" in problem and "rehearsal" in problem
        assert app.joining is None and app.screen is picker
        await pilot.press("tab", *"192.0.2.77", "enter")  # TEST-NET-1: never this laptop's
        await settle(pilot)
        problem = str(picker.query_one("#join-problem").render())
        assert problem == "192.0.2.77 is not an address of this laptop (its addresses: 127.0.0.1 loopback): choose one above"
        await pilot.press("shift+tab", "enter")  # back on the loopback: asked again
        await settle(pilot)
        assert app.joining is None and "rehearsal" in str(picker.query_one("#join-problem").render())
        await pilot.press("enter")  # Enter again: a rehearsal on this laptop
        await joined_console(pilot)
        assert app.joining is not None and app.joining.url.startswith("http://127.0.0.1:")


async def test_the_console_says_when_no_phone_has_reached_the_page_for_a_while(
    workshop_id: str, data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bootcamp.join.console.UNREACHED_SECONDS", 0.5)
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        # Every state joining is shown in: the test's loop may first look more than the half second later (CI).
        shown: list[Joining | None] = []
        app.watch(app, "joining", lambda joining: shown.append(joining), init=False)
        await wait_for_screen(pilot, WorkshopScreen)
        await eventually(pilot, lambda: app.joining is not None, "joining to start")
        first = next(joining for joining in shown if joining is not None)
        assert not first.unreached  # not at once: the room has not been asked yet
        said = "No phone has reached the page: 127.0.0.1 is this laptop only"
        await eventually(pilot, lambda: said in screen_text(app), "the console to say no phone reached the page")
        ana = await phone_of(app, phones)
        await ana.load()  # a phone opened the page: the hint goes, though nobody has picked a name yet
        await eventually(pilot, lambda: said not in screen_text(app), "the hint to go")
        for phone in phones:
            await phone.close()


def test_the_hint_for_a_room_network_names_isolating_wi_fi_and_the_hotspot() -> None:
    invite = Invite("http://192.168.1.20:8765/ACDEF", "ACDEF")
    assert Joining(invite).hint == ""
    assert Joining(invite, unreached=True).hint == (
        "No phone has reached the page: if phones can't open it, the Wi-Fi may keep devices apart; "
        "a phone hotspot works"
    )
    loopback = Joining(Invite("http://127.0.0.1:8765/ACDEF", "ACDEF"), unreached=True)
    assert loopback.hint.startswith("No phone has reached the page: 127.0.0.1 is this laptop only")


async def test_the_palette_starts_joining_too(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        titles = await palette_titles(console)
        assert titles["Let the room answer from their phones, or stop it"] == "key: j"
        assert titles["Show or hide the join slide (QR code) on the wall"] == "key: J"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"answer from their phones", "enter")
        await wait_for_screen(pilot, JoinAddressScreen)
        await pilot.press("escape")  # cancelled: nothing starts
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.joining is None


async def test_open_with_join_starts_joining_and_an_address_in_use_is_one_sentence(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        assert app.joining is not None
        port = int(app.joining.url.rsplit(":", 1)[1].split("/")[0])
        app.stop_joining()
        await app.flush()
        blocker = await asyncio.start_server(lambda reader, writer: None, "127.0.0.1", port)  # taken meanwhile
        try:
            assert not await app.start_joining(JoinAddress("127.0.0.1", port))
        finally:
            blocker.close()
            await blocker.wait_closed()
        await settle(pilot)
        assert app.joining is None
        [message] = [m for m in notified(app) if "in use" in m]
        assert message == (
            f"port {port} is in use by another program: press j and type the address with another port "
            "(ADDRESS:0 for any free one)"
        )
        assert not await app.start_joining(JoinAddress("192.0.2.77", 0))  # TEST-NET-1: never this laptop's
        await settle(pilot)
        [message] = [m for m in notified(app) if "not an address" in m]
        assert message.startswith("192.0.2.77 is not an address of this laptop (its addresses: ")
        assert message.endswith("127.0.0.1 loopback); press j to choose one")


async def test_joining_starts_without_its_log_when_the_data_folder_cannot_take_it_and_says_so(
    workshop_id: str, make_app, data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk refuses the logs folder (the first j of the day on a full laptop), as a read-only data folder
    refuses the log: j used to end the console with a traceback, the room's unsaved answers with it. The log is
    not the workshop's: the phones join without it, and the console says so in one sentence."""

    def disk_full(folder: Path) -> bool:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder))

    monkeypatch.setattr("bootcamp.join.server_log.make_private_folder", disk_full)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        assert await app.start_joining(LOOPBACK)
        await settle(pilot)
        joining = app.joining
        assert joining is not None and await served(joining.url)
        log = data_dir / "logs" / f"join-{workshop_id}.log"
        [message] = [m for m in notified(app) if "log" in m]
        assert message == f"Phones can join, but their log is not kept: cannot write {log}: No space left on device"
        phone = Phone(ConsoleRoom(app))  # type: ignore[arg-type]
        try:
            await phone.sit("Ana Ortiz")
            status, part = await phone.answer("yes")
            assert status == 200 and "saved ✓" in part
        finally:
            await phone.close()
        assert [answer.value for answer in store.open(workshop_id).answers()] == ["yes"]
        assert not log.exists()


# -- what the console shows -----------------------------------------------------------------------------------


async def test_a_phone_answer_shows_on_the_console_within_a_second_and_undo_names_the_phone(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await joined_console(pilot)
        table = screen.query_one(QuestionTable)
        ana_id = ConsoleRoom(app).person("Ana Ortiz")
        ana = await phone_of(app, phones)
        await ana.sit("Ana Ortiz")
        await eventually(pilot, lambda: "1 of 3 on phones" in screen_text(app), "the join bar counting Ana")
        assert str(table.get_row(ana_id)[0]) == "Ana Ortiz 📱"  # who holds a seat by phone is marked

        status, part = await ana.answer("partly", step=MANDATE)
        assert status == 200 and "saved ✓" in part
        await eventually(pilot, lambda: "1 of 3 answered" in screen_text(app), "the tally counting Ana")
        assert str(table.get_row(ana_id)[1]).startswith("● ")  # answered, hidden until revealed; then its save mark

        await pilot.press("ctrl+z")
        await settle(pilot)
        said = "Undone: the answer of Ana Ortiz on 'Who drives agreement?' (from Ana Ortiz's phone)."
        assert notified(app)[-1] == said
        await eventually(pilot, lambda: "0 of 3 answered" in screen_text(app), "the undo shown")
        assert await app.flush()
        assert store.open(workshop_id).answers() == []
        for phone in phones:
            await phone.close()


async def test_a_burst_of_phone_answers_redraws_the_console_a_few_times_a_second(
    store: Store, fixture_program: Program, data_dir: Path, clock: FixedClock
) -> None:
    people = [(f"Person {number:02}", "") for number in range(1, 31)]
    info = store.create_workshop(
        name="Big room",
        organisation="Northwind",
        date="2026-09-21",
        participants=people,
        sources=fixture_program.sources,
    )
    store.open(info.id).save_state(WorkshopState(step_key=MANDATE))
    app = joining_app(data_dir, clock, info.id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await joined_console(pilot)
        room = [await phone_of(app, phones) for _ in people]
        await asyncio.gather(*(phone.sit(name) for phone, (name, _) in zip(room, people)))
        await eventually(pilot, lambda: "30 of 30 on phones" in screen_text(app), "everyone seated")
        await settle(pilot)
        loop = asyncio.get_running_loop()
        redraws: list[float] = []

        def redrawn(change: Change | None) -> None:
            redraws.append(loop.time())

        screen.watch(app, "live_change", redrawn, init=False)
        start = loop.time()
        answered = await asyncio.gather(*(phone.answer("yes", step=MANDATE) for phone in room))
        assert all(status == 200 for status, _ in answered)
        await eventually(pilot, lambda: "30 of 30 answered" in screen_text(app), "every answer counted")
        await pilot.pause(2 * PHONE_REDRAW_SECONDS)
        seconds = max(redraws) - start
        # 60 changes came in (30 answers, 30 saves): drawn a few times a second, not 60 times.
        assert len(redraws) <= 2 + seconds / PHONE_REDRAW_SECONDS, (len(redraws), seconds)
        assert len(redraws) < 15
        for phone in phones:
            await phone.close()


async def test_a_latecomer_waits_in_people_and_is_let_in_and_a_seat_is_freed(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        ben = await phone_of(app, phones)
        await ben.sit("Ben Okafor")
        dee, eve = await phone_of(app, phones), await phone_of(app, phones)
        for phone, name in ((dee, "Dee Late"), (eve, "Eve Later")):
            await phone.load()
            status, _ = await phone.post("ask", {"name": name}, script=False)
            assert status == 200 and "Waiting to be let in" in text_of(phone.html)
        await eventually(pilot, lambda: "2 waiting: F2 lets them in" in screen_text(app), "the join bar's call")
        # One line still: the call must not push the step down a row, nor break a hint over two lines.
        assert app.screen.query_one(JoinBar).region.height == 1

        await pilot.press("f2")
        roster = await wait_for_screen(pilot, RosterScreen)
        waiting = roster.query_one(WaitingTable)
        assert waiting.display and waiting.row_count == 2
        assert "Waiting to be let in (2) · y lets in · n turns away" in screen_text(app)
        present = roster.query_one("#present", PeopleTable)
        assert [str(present.get_row_at(n)[0]) for n in range(present.row_count)] == ["", "📱", ""]  # Ben's phone

        events = await dee.events()
        await events.next()
        await pilot.press("y")  # the first to ask: Dee
        await settle(pilot)
        assert notified(app)[-1] == "Dee Late is in: their phone holds the new seat."
        admitted = await events.until('<p class="who">Dee Late</p>')
        assert "Who drives agreement?" in text_of(admitted)
        assert [str(present.get_row_at(n)[0]) for n in range(present.row_count)] == ["", "📱", "", "📱"]
        assert waiting.row_count == 1

        await pilot.press("n")  # Eve
        await settle(pilot)
        assert not waiting.display and "Turned away Eve Later" in notified(app)[-1]
        await eve.load()
        assert "Who are you?" in text_of(eve.html)  # back to the names

        present.focus()
        present.move_cursor(row=1)  # Ben
        await pilot.press("p")
        await settle(pilot)
        assert notified(app)[-1] == "Ben Okafor's seat is free: their phone picks again."
        assert [str(present.get_row_at(n)[0]) for n in range(present.row_count)] == ["", "", "", "📱"]
        await ben.load()
        assert "Who are you?" in text_of(ben.html)
        events.close()
        for phone in phones:
            await phone.close()


async def test_an_anonymous_room_gives_a_phone_a_seat_nobody_answered_for_and_people_lets_the_rest_in(
    data_dir: Path, clock: FixedClock, store: Store, fixture_program: Program
) -> None:
    """P1 answered at the keyboard: the first phone takes P2, the second P3, the third waits and ``y`` gives it P4."""
    info = store.create_workshop(
        name="Anon",
        organisation="Northwind",
        date="2026-09-21",
        participants=[("", ""), ("", ""), ("", "")],
        anonymous=True,
        sources=fixture_program.sources,
    )
    store.open(info.id).save_state(WorkshopState(step_key=MANDATE))
    app = joining_app(data_dir, clock, info.id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        await pilot.press("a", "y")  # P1, at the keyboard
        await settle(pilot)
        assert app.workshop is not None and app.workshop.records.answer(info.participants[0].id, MANDATE) is not None
        seated = []
        for number in (2, 3):
            phone = await phone_of(app, phones)
            await phone.load()
            status, _ = await phone.post("seat", {}, script=False)
            assert status == 200 and f'<p class="who">P{number}</p>' in phone.html
            assert 'aria-pressed="true"' not in phone.html  # nobody's answer but its own, and it has none yet
            seated.append(phone)
        late = await phone_of(app, phones)
        assert "Ask for a seat</button>" in await late.load()
        await late.post("seat", {}, script=False)
        assert "Waiting to be let in" in text_of(late.html)
        await eventually(pilot, lambda: "1 waiting: F2 lets them in" in screen_text(app), "the join bar's call")

        await pilot.press("f2")
        roster = await wait_for_screen(pilot, RosterScreen)
        present = roster.query_one("#present", PeopleTable)
        assert [str(present.get_row_at(n)[0]) for n in range(present.row_count)] == ["", "📱", "📱"]
        assert "someone without a seat (1)" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert notified(app)[-1] == "P4 is in: their phone holds the new seat."
        assert '<p class="who">P4</p>' in await late.load()
        assert [str(present.get_row_at(n)[0]) for n in range(present.row_count)] == ["", "📱", "📱", "📱"]

        present.focus()
        present.move_cursor(row=1)  # P2's phone is lost: its seat is handed to the next phone, answers and all
        await pilot.press("p")
        await settle(pilot)
        assert notified(app)[-1] == "P2's seat is free: the next phone to take a seat gets it, with its answers."
        for phone in phones:
            await phone.close()


async def test_people_warns_before_letting_in_a_second_person_of_a_roster_name_whose_seat_is_on_a_phone(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        ben, again = await phone_of(app, phones), await phone_of(app, phones)
        await ben.sit("Ben Okafor")
        await again.load()
        status, _ = await again.post("ask", {"name": "ben  okafor"}, script=False)
        assert status == 200 and "Waiting to be let in" in text_of(again.html)

        await pilot.press("f2")
        roster = await wait_for_screen(pilot, RosterScreen)
        await eventually(pilot, lambda: roster.query_one(WaitingTable).row_count == 1, "the waiting list")
        assert "ben okafor  ⚠ P2 has this name" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert notified(app)[-1].startswith("P2 Ben Okafor is on the roster and their seat is on a phone already.")
        assert [p.name for p in app.workshop.info.participants] == ["Ana Ortiz", "Ben Okafor", "Chloe Martin"]
        await pilot.press("y")  # asked twice: the facilitator means a second person of that name
        await settle(pilot)
        assert notified(app)[-1] == "ben okafor is in: their phone holds the new seat."
        assert [p.name for p in app.workshop.info.participants][-1] == "ben okafor"
        for phone in phones:
            await phone.close()


# -- stopping with the workshop -------------------------------------------------------------------------------


async def test_leaving_the_workshop_stops_joining_and_the_open_pages_are_told(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        url = app.joining.url  # type: ignore[union-attr]
        ana = await phone_of(app, phones)
        await ana.sit("Ana Ortiz")
        events = await ana.events()
        await events.next()
        await pilot.press("ctrl+w")  # phones are joined: leaving asks first
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await pilot.press("y")
        await wait_for_screen(pilot, HomeScreen)
        name, data = await events.next()
        assert name == "closed" and "the answers this page showed as saved are kept" in text_of(data)
        assert await app.flush()
        assert app.joining is None and not await served(url)
        assert not (store.open(workshop_id).path / INVITE_FILE).exists()
        events.close()
        for phone in phones:
            await phone.close()


async def test_quitting_while_phones_are_joined_asks_first_then_stops_joining(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        console = await joined_console(pilot)
        url = app.joining.url  # type: ignore[union-attr]
        assert await served(url)
        await pilot.press("q")  # a stray q would end joining for the whole room: asked first, as ctrl+w does
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.screen is console and app.is_running and await served(url)
        await pilot.press("q", "q")  # a second q while asked is any other key: it stays, asking nothing more
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.screen is console and app.is_running and await served(url)
        await pilot.press("q")
        await wait_for_screen(pilot, LeaveConfirmScreen)
        assert sum(isinstance(screen, LeaveConfirmScreen) for screen in app.screen_stack) == 1
        await pilot.press("y")  # every save finished first, and the server stopped
        await eventually(pilot, lambda: app.return_code is not None, "the app to end")
    assert not await served(url)


async def test_quitting_anyway_on_a_full_disk_tells_each_open_phone_what_of_its_own_is_lost(
    workshop_id: str, data_dir: Path, clock: FixedClock, disk_full, monkeypatch: pytest.MonkeyPatch
) -> None:
    """q, y twice while the disk refused Ana's answer from her phone: the terminal said the change was lost, while her
    phone, whose line had said the laptop "keeps trying to save it", closed on "the answers this page showed as saved
    are kept". The saves are now given up before joining stops, so her phone's last page says hers is lost."""
    monkeypatch.setattr("bootcamp.ui.app.QUIT_FLUSH_SECONDS", 0.3)
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await joined_console(pilot)
        app.console_joining.server.save_wait = 0.2  # type: ignore[union-attr]
        ana = await phone_of(app, phones)
        await ana.sit("Ana Ortiz")
        events = await ana.events()
        await events.next()
        disk_full.set()
        status, part = await ana.answer("partly", step=MANDATE)
        assert status == 200 and "Your last answer is held" in text_of(part)
        await pilot.press("q", "y")
        await eventually(pilot, lambda: "Still saving" in screen_text(app), "the refused quit")
        await pilot.press("q", "y")  # quits anyway
        last = await events.until('data-part="closed"', timeout=5)
        await eventually(pilot, lambda: app.return_code is not None, "the app to end", within=5)
        events.close()
        for phone in phones:
            await phone.close()
    assert "The workshop closed before your last answer could be saved, so it is lost: tell the facilitator." in (
        text_of(last)
    )
    assert app.unsaved_at_quit.startswith("ended with 1 change to ") and "not saved, now lost" in app.unsaved_at_quit


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["window closed", "SIGTERM"])
async def test_an_ending_signal_leaves_joining_for_the_next_console_as_a_crash_does(
    signum: signal.Signals, workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    """Nobody chose to stop the phones (a terminal window closed, the system stopping the app): the server stops
    without telling the pages, which keep trying, and the next console brings joining back."""
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        url = app.joining.url  # type: ignore[union-attr]
        ana = await phone_of(app, phones)
        await ana.sit("Ana Ortiz")
        ana.room = Url(url, {"Ana Ortiz": ConsoleRoom(app).person("Ana Ortiz")})  # type: ignore[assignment]
        events = await ana.events()
        await events.next()
        app.end_on_signal(signum)
        await eventually(pilot, lambda: app.return_code is not None, "the app to end")
        with pytest.raises(EOFError):  # the stream ends without "closed": the page says it lost contact, retries
            await events.next()
        assert not await served(url)
    assert app.return_code == 128 + signum
    assert (store.open(workshop_id).path / "phones.json").exists()
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        assert app.joining is not None and app.joining.url == url
        assert '<p class="who">Ana Ortiz</p>' in await ana.load()
    for phone in phones:
        await phone.close()


# -- the command ----------------------------------------------------------------------------------------------


def test_open_join_takes_the_address_and_a_mistyped_one_is_one_line(
    workshop_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bootcamp import cli

    started: list[JoinAddress | None] = []
    monkeypatch.setattr(BootcampApp, "run", lambda app: started.append(app.join_on_open))
    base = ["open", workshop_id, "--data-dir", str(data_dir), "--content", str(FIXTURE_CONTENT)]
    assert cli.main([*base, "--join", "127.0.0.1:0"]) == 0
    assert cli.main([*base, "--join"]) == 0  # the console asks which address
    assert cli.main([*base, "--join", ":8765"]) == 0
    assert cli.main(base) == 0
    assert started == [JoinAddress("127.0.0.1", 0), JoinAddress(), JoinAddress("", 8765), None]
    assert cli.main([*base, "--join", "laptop.local"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("bootcamp: 'laptop.local' is not an IP address") and error.count("\n") == 1
    assert cli.main([*base, "--join", "192.0.2.77:8765"]) == 1  # well formed, and not this laptop's: said before
    error = capsys.readouterr().err
    assert error.startswith("bootcamp: 192.0.2.77 is not an address of this laptop (its addresses: ")
    assert error.count("\n") == 1 and len(started) == 4


@pytest.mark.slow
def test_bootcamp_open_join_serves_the_phone_page_from_a_real_console(
    tmux: Tmux, tmp_path: Path, workshop_id: str, data_dir: Path, store: Store
) -> None:
    command = [
        sys.executable,
        "-m",
        "bootcamp",
        "open",
        workshop_id,
        "--data-dir",
        str(data_dir),
        "--join",
        "127.0.0.1:0",
    ]
    console = tmux.start("one", command, tmp_path)
    screen = tmux.wait_for("one", lambda text: re.search(r"http://127\.0\.0\.1:\d+/[A-Z]{5}", text), "the join URL")
    url = re.search(r"http://127\.0\.0\.1:\d+/[A-Z]{5}", screen)[0]  # type: ignore[index]
    with urllib.request.urlopen(url, timeout=DEADLINE) as page:
        assert page.status == 200 and "Who are you?" in text_of(page.read().decode())
    folder = store.open(workshop_id).path
    assert (folder / INVITE_FILE).exists()
    os.kill(console, signal.SIGTERM)
    assert tmux.ended("one") == str(128 + signal.SIGTERM)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=DEADLINE)
    assert not (folder / INVITE_FILE).exists()


# -- a console that never stopped joining ---------------------------------------------------------------------


class Url:
    """A room that is only a join URL, for a phone of a console in another process."""

    def __init__(self, url: str, ids: dict[str, str]) -> None:
        self.url = url
        self.ids = ids

    @property
    def origin(self) -> str:
        return self.url.rsplit("/", 1)[0]

    def person(self, name: str) -> str:
        return self.ids[name]


JOIN_URL = re.compile(r"http://127\.0\.0\.1:\d+/[A-Z]{5}")


@pytest.mark.slow
async def test_a_console_killed_while_phones_are_joined_comes_back_on_the_same_code_and_the_phones_keep_their_seats(
    tmux: Tmux, tmp_path: Path, workshop_id: str, data_dir: Path, store: Store
) -> None:
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    opening = [sys.executable, "-m", "bootcamp", "open", workshop_id, "--data-dir", str(data_dir)]
    console = tmux.start("one", [*opening, "--join", "127.0.0.1:0"], tmp_path)
    url = JOIN_URL.search(tmux.wait_for("one", JOIN_URL.search, "the join URL"))[0]  # type: ignore[index]
    ana = Phone(Url(url, ids))  # type: ignore[arg-type]
    try:
        await ana.sit("Ana Ortiz")
        events = await ana.events()
        await events.next()
        os.kill(console, signal.SIGKILL)  # no time to stop joining, nor to tell the pages
        assert tmux.ended("one") == str(128 + signal.SIGKILL)
        with pytest.raises((EOFError, aiohttp.ClientError)):
            await events.next(timeout=DEADLINE)  # the page's stream breaks: it says it lost contact, and retries
        assert not await served(url)

        loop = asyncio.get_running_loop()
        started = loop.time()
        tmux.start("two", opening, tmp_path)  # reopened as after a crash: no --join
        while not await served(url):  # the page's stream tries again as EventSource does (every few seconds)
            assert loop.time() - started < DEADLINE, f"nothing served on {url}:\n{tmux.screen('two')}"
            await asyncio.sleep(0.05)
        back = loop.time() - started
        tmux.wait_for_text("two", "Joining is back", f"📱 {url}  ·  1 of 3 on phones")
        events = await ana.events()  # the page's stream, again: Ana's seat, the step the room is on
        name, part = await events.next()
        assert name == "view" and '<p class="who">Ana Ortiz</p>' in part and "Who drives agreement?" in part
        status, part = await ana.answer("partly", step=MANDATE)  # the form of the page loaded before the crash
        assert status == 200 and "saved ✓" in part
        events.close()
        print(f"\njoining back {back:.2f} s after the console was started again")
    finally:
        await ana.close()


async def joined_then_killed(
    app: BootcampApp,
    phones: list[Phone],
    folder: Path,
    ids: dict[str, str],
    seated: Callable[[BootcampApp, Phone], Awaitable[None]] | None = None,
) -> Phone:
    """Joining on, Ana seated by phone (``seated``: then what the phone and the console do), then the console gone
    as a killed one goes: every file it kept stays as it was (quitting here stops the server and frees its port, as
    a killed process does). Ana's phone, its room the URL."""
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        ana = await phone_of(app, phones)
        ana.room = Url(app.joining.url, ids)  # type: ignore[union-attr,assignment]
        await ana.sit("Ana Ortiz")
        await eventually(pilot, lambda: "1 of 3 on phones" in screen_text(app), "Ana on her phone")
        if seated is not None:
            await seated(app, ana)
        kept = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    for name, data in kept.items():
        (folder / name).write_bytes(data)
    return ana


async def test_a_workshop_whose_console_never_stopped_joining_opens_joining_on_the_same_code_and_port(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    folder = store.open(workshop_id).path
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    phones: list[Phone] = []
    ana = await joined_then_killed(joining_app(data_dir, clock, workshop_id), phones, folder, ids)
    url = ana.room.url
    kept = (folder / "phones.json").read_text()
    cookie = next(c for c in ana.session.cookie_jar if c.key == "seat")
    assert url.rsplit("/", 1)[1] in kept and cookie.value not in kept  # the code, a hash of the token, never the token
    app = make_app(open_workshop=workshop_id)  # no --join: joining comes back by itself
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        assert app.joining is not None and app.joining.url == url  # the same code, the same port
        await eventually(pilot, lambda: "1 of 3 on phones" in screen_text(app), "Ana's seat kept")
        assert notified(app)[-1] == (
            f"Joining is back on {url}, as it was: open phone pages reconnect by themselves; "
            "the seated phone keeps its seat."
        )
        status, part = await ana.answer("no", step=MANDATE)  # the page loaded before: its form is still good
        assert status == 200 and "saved ✓" in part
        assert app.joining.invite.slide_over(MANDATE)  # the join slide as it was left: up
        await pilot.press("j")  # stopped on purpose: the next console does not bring it back
        await settle(pilot)
        assert await app.flush()
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        assert app.joining is None and not await served(url)
    for phone in phones:
        await phone.close()


async def test_a_phone_that_took_a_seat_by_name_still_hides_what_was_given_before_once_the_console_is_back(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    """Anyone may tap any free name: Ana's answers and comment typed at the console before the phone tapped her name
    showed on it as "answered already (not shown here)", and replacing one took two taps. After the console was
    killed and reopened the phone, seated again from phones.json, showed her No and her comment, and one tap
    replaced an answer. Now it shows what it showed before: hidden what was hidden, and what it gave itself."""
    folder = store.open(workshop_id).path
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    ana_id = ids["Ana Ortiz"]
    entry = store.open(workshop_id)
    entry.save_answer(Answer(ana_id, MANDATE, value="no", comment="Not for anyone's phone"))  # private entry, say
    entry.save_answer(Answer(ana_id, RATE, "persist", "team", "weak"))
    phones: list[Phone] = []

    async def tapped_over_her_no_with_no(app: BootcampApp, phone: Phone) -> None:
        page = await phone.load()
        assert "answered already (not shown here)" in text_of(page) and "Not for anyone" not in page
        await phone.answer("no")  # asked first; the same tap again, not a double tap's, gives it as its own
        await asyncio.sleep(LATE_TAP_SECONDS + 0.1)
        status, part = await phone.answer("no")
        assert status == 200 and 'value="no" aria-pressed="true"' in part

    ana = await joined_then_killed(
        joining_app(data_dir, clock, workshop_id), phones, folder, ids, seated=tapped_over_her_no_with_no
    )
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        await eventually(pilot, lambda: "1 of 3 on phones" in screen_text(app), "the phone's seat kept")
        page = await ana.load()
        assert 'value="no" aria-pressed="true"' in page  # its own answer, shown as before
        assert "Not for anyone" not in page and "a comment is stored (not shown here)" in text_of(page)
        assert app.workshop is not None
        app.workshop.move(lambda flow: flow.jump(RATE))
        await ana.post("go", {"step": RATE, "position": "1"})
        page = await ana.load()
        assert "Persist!" in text_of(page) and "answered already (not shown here)" in text_of(page)
        status, part = await ana.answer("strong", step=RATE, item="persist", perspective="team")
        assert status == 200 and "Tap “Strength” again to replace it." in text_of(part)
        answer = app.workshop.records.answer(ana_id, RATE, "persist", "team")
        assert answer is not None and answer.value == "weak"  # one tap replaced nothing
    for phone in phones:
        await phone.close()


async def test_joining_left_on_comes_back_on_a_new_port_when_its_own_is_taken_and_the_console_says_so(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    folder = store.open(workshop_id).path
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    phones: list[Phone] = []
    ana = await joined_then_killed(joining_app(data_dir, clock, workshop_id), phones, folder, ids)
    url = ana.room.url
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    blocker = await asyncio.start_server(lambda reader, writer: None, "127.0.0.1", port)  # taken meanwhile
    try:
        app = make_app(open_workshop=workshop_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await joined_console(pilot)
            assert app.joining is not None
            moved = app.joining.url
            assert moved != url and moved.endswith(url[-6:])  # the same code, another port
            [said] = [m for m in notified(app) if "new address" in m]
            assert said.startswith(f"Phones can join again, with the same code, at a new address: {moved} ")
            assert f"(127.0.0.1:{port} is taken now)" in said
            assert app.joining.invite.slide_over(MANDATE)  # the join slide is up, with the new address
            ana.room = Url(moved, ids)  # type: ignore[assignment]
            page = await ana.load()  # scanned again: the cookie is the same (a cookie knows no port)
            assert '<p class="who">Ana Ortiz</p>' in page
    finally:
        blocker.close()
        await blocker.wait_closed()
    for phone in phones:
        await phone.close()


# -- a removed person joining again -----------------------------------------------------------------------------


async def waiting_in_people(app: BootcampApp, pilot: Pilot, phones: list[Phone], typed: str) -> tuple[Phone, RosterScreen]:
    """Chloe Martin removed in People, then a phone typing ``typed`` asks to be let in; People open on the wait."""
    chloe = ConsoleRoom(app).person("Chloe Martin")
    app.workshop.records.remove_participant(chloe)  # type: ignore[union-attr]
    phone = await phone_of(app, phones)
    await phone.load()
    status, _ = await phone.post("ask", {"name": typed}, script=False)
    assert status == 200 and "Waiting to be let in" in text_of(phone.html)  # a removed seat is not taken by itself
    await pilot.press("f2")
    roster = await wait_for_screen(pilot, RosterScreen)
    await eventually(pilot, lambda: roster.query_one(WaitingTable).row_count == 1, "the waiting list")
    return phone, roster  # type: ignore[return-value]


async def test_a_removed_person_asking_again_by_phone_is_brought_back_for_that_phone_not_made_twice(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        phone, _ = await waiting_in_people(app, pilot, phones, "chloé  MARTIN")
        assert "chloé MARTIN  ↺ P3 removed: y restores" in screen_text(app)
        assert "Waiting to be let in (1) · y lets in · n turns away · Y as a new person" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert notified(app)[-1] == "Chloe Martin is back, with their answers: their phone holds P3's seat."
        people = app.workshop.info.participants  # type: ignore[union-attr]
        assert [(p.name, p.removed) for p in people] == [("Ana Ortiz", False), ("Ben Okafor", False), ("Chloe Martin", False)]
        assert app.joining is not None and people[2].id in app.joining.phones
        assert '<p class="who">Chloe Martin</p>' in await phone.load()
        assert await app.flush()
    for phone in phones:
        await phone.close()


async def test_shift_y_lets_in_a_new_person_as_typed_even_when_a_removed_person_has_the_name_and_warns(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    phones: list[Phone] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        phone, _ = await waiting_in_people(app, pilot, phones, "chloe martin")
        await pilot.press("Y")
        await settle(pilot)
        assert notified(app)[-1] == (
            "chloe martin is in as a new person, P4; P3 Chloe Martin, removed, has this name too (u restores them)."
        )
        people = app.workshop.info.participants  # type: ignore[union-attr]
        assert [(p.name, p.removed) for p in people][2:] == [("Chloe Martin", True), ("chloe martin", False)]
        # named as the summary will name them beside the removed Chloe Martin, whose answers still count
        assert '<p class="who">chloe martin (P4)</p>' in await phone.load()
    for phone in phones:
        await phone.close()


async def test_joining_left_on_longer_ago_than_a_seat_cookie_lives_does_not_come_back(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    """Reopened the next day (or weeks later, to reread the notes): no phone holds its seat any more, and nothing
    is served on the network unasked."""
    folder = store.open(workshop_id).path
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    phones: list[Phone] = []
    await joined_then_killed(joining_app(data_dir, clock, workshop_id), phones, folder, ids)
    left = folder / "phones.json"
    day_before = left.stat().st_mtime - 17 * 3600
    os.utime(left, (day_before, day_before))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.joining is None and not left.exists()
    for phone in phones:
        await phone.close()


async def test_a_damaged_phones_json_is_said_in_one_sentence_and_kept_and_j_still_starts_joining(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    """A power cut half-wrote phones.json: the console said nothing, joining did not come back, and the next j wrote
    over it. Now the console says why in one sentence, the file is kept beside as it was, and j starts joining."""
    folder = store.open(workshop_id).path
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    phones: list[Phone] = []
    await joined_then_killed(joining_app(data_dir, clock, workshop_id), phones, folder, ids)
    left = folder / "phones.json"
    damaged = left.read_bytes()[:20]
    left.write_bytes(damaged)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        assert app.joining is None
        [said] = [m for m in notified(app) if "phones.json" in m]
        [kept] = [p for p in folder.iterdir() if p.name.startswith("phones.json.damaged-")]  # named by when
        assert said == (
            f"Joining left on by the last console did not come back: {left} could not be read (not valid JSON "
            f"at line 1, column 21); it is kept as {kept.name}, and j starts joining with a new code for the "
            "room to scan"
        )
        assert kept.read_bytes() == damaged
        await pilot.press("j")
        await wait_for_screen(pilot, JoinAddressScreen)
        await pilot.press("end", "enter", "enter")  # the loopback, for a rehearsal
        await joined_console(pilot)
        assert read_left_on(folder) is not None and kept.read_bytes() == damaged
    for phone in phones:
        await phone.close()


async def test_joining_left_on_an_address_this_machine_no_longer_has_is_said_and_j_serves_its_code_elsewhere(
    workshop_id: str, data_dir: Path, clock: FixedClock, store: Store, make_app
) -> None:
    """The laptop came back on another network: joining cannot come back where it was; j asks where, and serves
    the same code there, the seats kept."""
    folder = store.open(workshop_id).path
    ids = {p.name: p.id for p in store.open(workshop_id).info().participants}
    phones: list[Phone] = []
    ana = await joined_then_killed(joining_app(data_dir, clock, workshop_id), phones, folder, ids)
    left = read_left_on(folder)
    assert left is not None
    gone = "192.0.2.77"  # TEST-NET-1: never this machine's
    write_left_on(folder, replace(left, host=gone))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await eventually(pilot, lambda: any("not an address" in m for m in notified(app)), "the console to say why")
        [said] = [m for m in notified(app) if "not an address" in m]
        assert said.startswith(f"{gone} is not an address of this laptop (its addresses: ")
        assert said.endswith(f"j starts joining again (code {left.code}): the phones keep their seats")
        assert app.joining is None
        await pilot.press("j")
        await wait_for_screen(pilot, JoinAddressScreen)
        await pilot.press("end", "enter", "enter")  # the loopback, for a rehearsal
        await joined_console(pilot)
        assert app.joining is not None and app.joining.url.endswith("/" + left.code)
        ana.room = Url(app.joining.url, ids)  # type: ignore[assignment]
        assert '<p class="who">Ana Ortiz</p>' in await ana.load()
    for phone in phones:
        await phone.close()

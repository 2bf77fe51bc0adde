"""Phones in the room, from the console: ``j`` asks which address and serves the phone page on the app's own
loop; the console shows the join URL, who holds a seat by phone and every phone's answer; People lets
latecomers in; ``j`` again, leaving the workshop or quitting stops it, and the open pages are told.

The server is real (127.0.0.1, a free port) and so is HTTP: the phones are ``tests.join``'s, aiohttp
clients with their own cookies, on the test's loop, which is the app's.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest
from test_keys import palette_titles
from textual.pilot import Pilot
from tmux_helpers import DEADLINE, Tmux
from ui_helpers import FIXTURE_CONTENT, new_workshop, screen_text, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.join.addresses import JoinAddress
from bootcamp.join.invite import INVITE_FILE
from bootcamp.live.changes import Change
from bootcamp.store import Store
from bootcamp.store.model import WorkshopState
from bootcamp.ui.app import PHONE_REDRAW_SECONDS, BootcampApp, create_app
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.join_address import JoinAddressScreen
from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen
from bootcamp.ui.screens.roster import PeopleTable, RosterScreen, WaitingTable
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.answers.question_table import QuestionTable
from tests.join.conftest import Phone, text_of

MANDATE = "basics/mandate"  # the fixture's question: yes, partly, no, don't know
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


async def eventually(pilot: Pilot, done: Callable[[], object], what: str, *, within: float = 2.0) -> float:
    """Turn the loop until ``done()``; the seconds it took. Real time, as a phone's answer travels over HTTP and
    the console draws phones' changes at most every :data:`PHONE_REDRAW_SECONDS`."""
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
            await pilot.press("end", "enter")  # the loopback, from the list: any free port
        else:
            await pilot.press("tab", *"0.0.0.O", "enter")  # a typo is said, nothing starts
            await settle(pilot)
            assert "is not an IP address" in str(picker.query_one("#join-problem").render())
            await pilot.press("ctrl+u", *"127.0.0.1:0", "enter")
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
        [message] = [m for m in notified(app) if "cannot serve" in m]
        assert message.startswith(f"cannot serve the phone page on 127.0.0.1:{port}:") and "\n" not in message


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
        took = await eventually(pilot, lambda: "1 of 3 answered" in screen_text(app), "the tally counting Ana")
        assert took < 1.0
        assert str(table.get_row(ana_id)[1]).startswith("● ")  # answered, hidden until revealed; then its save mark

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert notified(app)[-1] == "Undone: the answer of Ana Ortiz (from Ana Ortiz's phone)."
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
        took = await eventually(pilot, lambda: "30 of 30 answered" in screen_text(app), "every answer counted")
        assert took < 1.0  # within a second of the last phone's answer
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
        await pilot.press("q", "q")  # a second q while asked asks nothing more
        await wait_for_screen(pilot, LeaveConfirmScreen)
        assert sum(isinstance(screen, LeaveConfirmScreen) for screen in app.screen_stack) == 1
        await pilot.press("y")  # every save finished first, and the server stopped
        await eventually(pilot, lambda: app.return_code is not None, "the app to end")
    assert not await served(url)


async def test_an_ending_signal_stops_joining_as_q_does(workshop_id: str, data_dir: Path, clock: FixedClock) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await joined_console(pilot)
        url = app.joining.url  # type: ignore[union-attr]
        app.end_on_signal(signal.SIGHUP)  # the terminal window closed
        await eventually(pilot, lambda: app.return_code is not None, "the app to end")
        assert not await served(url)
    assert app.return_code == 128 + signal.SIGHUP


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

"""The projector window follows the console through the workshop's files: two apps, one event loop.

The console saves through its ordered writer; once that save is on disk (``app.flush()``) a single
poll of the projector must show it. The projector never shows notes or results the room may not see,
and keeps its last view when the files cannot be read.
"""

from __future__ import annotations

import asyncio
import dataclasses
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import Static
from ui_helpers import new_workshop, screen_text, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.files import STATE_FILE
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.projector_app import ProjectorApp, create_projector_app
from bootcamp.ui.screens.help import key_table
from bootcamp.ui.screens.jump import JumpScreen
from bootcamp.ui.screens.projector import (
    NO_CONSOLE_HINT,
    SILENCE_HINT,
    SILENCE_SECONDS,
    WORKSHOP_GONE,
    ProjectorScreen,
)
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.theme import PROJECTOR_THEME
from bootcamp.ui.widgets.next_step import NextStep
from bootcamp.ui.widgets.slide import BODY_COLUMNS, Slide
from bootcamp.ui.widgets.steps import StepView
from bootcamp.ui.widgets.steps.question import QuestionView

WELCOME, RATE, MANDATE, ROLE = "basics/welcome", "basics/rate-aptitudes", "basics/mandate", "basics/role"
# Facilitator-only words of the steps walked here: notes, and a question's "ask next" / "do next".
NOTES = [
    "SECRET-FACILITATOR-NOTE",
    "Watch for the loudest voice",
    "Who decides when two leaders disagree",
    "Name one accountable leader",
    "Not projected",
]


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


class Room:
    """The console and the projector window on one workshop, each with its pilot."""

    def __init__(self, console: BootcampApp, console_pilot, projector: ProjectorApp, projector_pilot) -> None:
        self.console, self.console_pilot = console, console_pilot
        self.projector, self.projector_pilot = projector, projector_pilot
        self.seen_notes: list[str] = []

    @property
    def screen(self) -> WorkshopScreen:
        return self.console.screen  # type: ignore[return-value]

    @property
    def wall(self) -> ProjectorScreen:
        return self.projector.screen  # type: ignore[return-value]

    async def press(self, *keys: str) -> None:
        with self.console._context():
            await self.console_pilot.press(*keys)
            await self.console_pilot.pause()

    async def follow(self) -> str:
        """Wait for the console's saves to reach the disk, then poll the projector once; its screen text."""
        with self.console._context():
            assert await self.console.flush()
        polls = self.wall.polls
        self.wall.poll()
        await wait_until(self.projector_pilot, lambda: self.wall.polls == polls + 1, "one poll")
        await self.projector_pilot.pause()
        text = self.wall_text()
        self.seen_notes += [note for note in NOTES if note in text]
        return text

    def wall_text(self) -> str:
        return screen_text(self.projector)  # type: ignore[arg-type]

    def wall_step(self) -> str:
        return self.wall.query_one(Slide).query_one(StepView).step.key


@asynccontextmanager
async def console_and_projector(make_app, data_dir: Path, clock: FixedClock, workshop_id: str, **options):
    console = make_app(open_workshop=workshop_id)
    async with console.run_test(size=(120, 40)) as console_pilot:
        await wait_for_screen(console_pilot, WorkshopScreen)
        projector = create_projector_app(
            data_dir=data_dir, workshop_id=workshop_id, clock=clock, poll_seconds=options.get("poll_seconds")
        )
        async with projector.run_test(size=(80, 24), message_hook=options.get("message_hook")) as projector_pilot:
            await wait_for_screen(projector_pilot, ProjectorScreen)
            yield Room(console, console_pilot, projector, projector_pilot)


@asynccontextmanager
async def projector_followed_by(pilot, data_dir: Path, workshop_id: str, clock: FixedClock):
    """A projector window at 80×24 on the workshop of ``pilot``'s console, the console following it as its
    one-second tick would find it; inside the console's app context (the projector's test run made its own the
    active app), where the test then presses its keys."""
    projector = create_projector_app(data_dir=data_dir, workshop_id=workshop_id, clock=clock, poll_seconds=None)
    async with projector.run_test(size=(80, 24)) as projector_pilot:
        await wait_for_screen(projector_pilot, ProjectorScreen)
        with pilot.app._context():
            pilot.app.screen._follow_projector()  # what the console's one-second tick calls
            yield


def record_show_room(monkeypatch: pytest.MonkeyPatch, app_of_interest) -> list[tuple[str, object, object]]:
    """Every ``show_room(data, state)`` a question view gets in ``app_of_interest``: (step, data, state)."""
    calls: list[tuple[str, object, object]] = []
    original = QuestionView.show_room

    def spy(view: QuestionView, data, state) -> None:
        if view.app is app_of_interest():
            calls.append((view.step.key, data, state))
        original(view, data, state)

    monkeypatch.setattr(QuestionView, "show_room", spy)
    return calls


async def test_the_projector_follows_next_previous_jump_reveal_and_blank_and_never_shows_notes_or_hidden_answers(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    rooms: list[Room] = []
    shown = record_show_room(monkeypatch, lambda: rooms[0].projector if rooms else None)
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        rooms.append(room)
        assert room.projector.theme == PROJECTOR_THEME
        assert room.wall_step() == WELCOME and "Why we are here" in room.wall_text()

        await room.press("right")
        text = await room.follow()
        assert room.wall_step() == RATE and "Rate the aptitudes" in text and "step 2 of 8" in text

        await room.press("right")
        await room.follow()
        assert room.wall_step() == MANDATE

        await room.press("left")
        await room.follow()
        assert room.wall_step() == RATE

        await room.press("g")
        with room.console._context():
            await wait_for_screen(room.console_pilot, JumpScreen)
        await room.press(*"agreement", "enter")
        text = await room.follow()
        assert room.wall_step() == MANDATE and "Do leaders let one person drive agreement" in text

        # An answer and its comment: on the console at once, on the wall not before the reveal.
        before_answers = text
        workshop = room.console.workshop
        assert workshop is not None
        ana = workshop.info.participants[0]
        with room.console._context():
            workshop.records.set_answer(ana.id, MANDATE, "partly", comment="HIDDEN-COMMENT")
        text = await room.follow()
        # The wall counts who has answered, never what: no tally, no comment, until the reveal.
        assert "1 of 3 answered" in text and "results hidden" in text
        assert "█" not in text and "HIDDEN-COMMENT" not in text
        assert text.replace("1 of 3", "0 of 3") == before_answers
        data, state = shown[-1][1], shown[-1][2]
        assert [a.value for a in data.answers_for(MANDATE)] == ["partly"]  # type: ignore[attr-defined]
        assert MANDATE not in state.revealed  # type: ignore[attr-defined]

        polls = room.wall.polls
        workshop.toggle("revealed", MANDATE)
        text = await room.follow()
        assert room.wall.polls == polls + 1
        assert "█" in text and "Partly" in text  # the tally, on the wall at the reveal
        key, data, state = shown[-1]
        assert key == MANDATE and MANDATE in state.revealed  # type: ignore[attr-defined]
        assert [a.value for a in data.answers_for(MANDATE)] == ["partly"]  # type: ignore[attr-defined]

        workshop.set_private_entry(True)
        text = await room.follow()
        assert shown[-1][2].private_entry  # type: ignore[attr-defined]
        assert "█" not in text  # while someone answers unseen, the wall hides the tally again
        workshop.set_private_entry(False)

        with room.console._context():
            room.screen._follow_projector()  # what the console's one-second tick calls: a projector follows
        await room.press("b")
        text = await room.follow()
        assert room.wall.has_class("-blank") and not room.wall.query_one(Slide).display
        assert text.split() == ["bootcamp", "projector"]  # only the SVG's own title: the screen is black
        # The wall is black; the console stays, notes and timer in view, and says so.
        assert isinstance(room.console.screen, WorkshopScreen)
        assert "projector blanked" in str(room.screen.query_one("#status-bar", Static).render())
        await room.press("b")  # b again brings the wall back
        text = await room.follow()
        assert not room.wall.has_class("-blank") and "Do leaders let one person drive agreement" in text

        await room.press("right")
        await room.follow()
        assert room.wall_step() == ROLE
        assert room.seen_notes == [] and "HIDDEN-COMMENT" not in room.wall_text()


async def test_help_says_how_the_blank_comes_back_with_and_without_a_projector_window(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    """Help said b blanks and "any key brings it back"; with a projector window following only the wall goes black
    and only b brings it back (the console is worked as before: a key that unblanked would show the room whatever
    the facilitator was doing). Help now says what b does where it is pressed."""
    console = make_app(open_workshop=workshop_id)
    async with console.run_test(size=(120, 40)) as pilot:
        screen: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        alone = dict((what, keys) for keys, what in key_table(screen))
        assert alone["Blank the screen (any key brings it back)"] == "b / ."
        async with projector_followed_by(pilot, data_dir, workshop_id, clock):
            await pilot.pause()
            followed = dict((what, keys) for keys, what in key_table(screen))
            assert not any("any key" in what for what in followed)
            assert followed["Blank the projector window, the console stays as it is (b brings the wall back)"] == (
                "b / ."
            )
            await pilot.press("b", "right")  # the console goes on, the wall stays black
            await pilot.pause()
            assert console.workshop.state.blank
            await pilot.press("b")
            await pilot.pause()
            assert not console.workshop.state.blank


async def test_a_blanked_wall_goes_with_its_projector_window_and_the_console_says_so(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    """b with a projector window following blanked the wall; the window closed (the day's last slide, a cable) and
    the blank stayed stored: the console, the wall again, showed nothing of it, and the next projector window opened
    black, the room looking at nothing with no key pressed. The blank goes with the window that was blanked, and the
    console's status line says so until the step moves on."""
    console = make_app(open_workshop=workshop_id)
    async with console.run_test(size=(120, 40)) as pilot:
        screen: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        async with projector_followed_by(pilot, data_dir, workshop_id, clock):
            await pilot.press("b")
            await pilot.pause()
            assert console.workshop.state.blank
        screen._follow_projector()  # the window closed: the lock went with it
        await pilot.pause()
        assert not screen.projected and not console.workshop.state.blank
        await wait_until(pilot, lambda: not console.workshop.files.state().blank, "the blank off on disk")  # read there
        status = str(screen.query_one("#status-bar", Static).render())
        assert "projector window closed while blanked: its blank went with it" in status
        again = create_projector_app(data_dir=data_dir, workshop_id=workshop_id, clock=clock, poll_seconds=None)
        async with again.run_test(size=(80, 24)) as again_pilot:
            wall: ProjectorScreen = await wait_for_screen(again_pilot, ProjectorScreen)  # type: ignore[assignment]
            assert not wall.has_class("-blank") and wall.query_one(Slide).display
        await pilot.press("right")  # said once, where it happened
        await pilot.pause()
        assert "blanked" not in str(screen.query_one("#status-bar", Static).render())


async def test_the_console_shows_the_speaker_view_while_a_projector_follows(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    console = make_app(open_workshop=workshop_id)
    async with console.run_test(size=(120, 40)) as pilot:
        screen: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        assert not screen.projected and not screen.query_one(NextStep).display
        async with projector_followed_by(pilot, data_dir, workshop_id, clock):
            await pilot.pause()
            assert screen.projected and screen.has_class("-projected")
            assert not screen.query_one("#agenda-column").display
            # the step wraps as the wall does: 76 columns, the slide's body at 80×24
            assert screen.query_one("#step-body").content_region.width == BODY_COLUMNS
            next_step = screen.query_one(NextStep)
            assert next_step.display and "Rate the aptitudes" in str(next_step.render())
            assert "rate · 10 min" in str(next_step.render())
            assert "projector window following" in str(screen.query_one("#status-bar", Static).render())
            await pilot.press("right")
            assert "Who drives agreement?" in str(screen.query_one(NextStep).render())
        screen._follow_projector()  # the window closed: the lock went with it
        await pilot.pause()
        assert not screen.projected and not screen.has_class("-projected")
        await pilot.press("left")  # off the rating grid, which takes the console's width whether projected or not
        await pilot.pause()
        assert screen.query_one("#agenda-column").display
        assert "projector window following" not in str(screen.query_one("#status-bar", Static).render())


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.unlink(), id="missing"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:40]), id="half-written"),
        pytest.param(lambda path: path.write_text('{"format": "someone-else", "version": 3}'), id="foreign"),
        pytest.param(
            lambda path: path.write_text('{"format": "bootcamp/state", "version": 1, "state": []}'), id="wrong-shape"
        ),
    ],
)
async def test_an_unreadable_state_file_keeps_the_last_view_quietly(
    damage, workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        await room.press("right", "right")
        before = await room.follow()
        assert room.wall_step() == MANDATE
        damage(room.console.workshop.files.path / STATE_FILE)  # type: ignore[union-attr]
        for _ in range(3):
            assert await room.follow() == before
        room.wall.tick()
        assert list(room.projector._notifications) == [] and SILENCE_HINT not in room.wall_text()

        clock.advance(SILENCE_SECONDS)  # a long silence: a dim word in the corner, nothing more
        room.wall.tick()
        await room.projector_pilot.pause()
        hint = room.wall.query_one("#projector-hint", Static)
        assert hint.display and SILENCE_HINT in room.wall_text() and room.wall_step() == MANDATE

        (room.console.workshop.files.path / STATE_FILE).unlink(missing_ok=True)
        await room.press("right")  # the console's next save writes a good file again
        await room.follow()
        assert room.wall_step() == ROLE and not hint.display


async def test_the_projector_polls_on_its_own_within_a_few_polls(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    polls: list[ProjectorScreen.Polled] = []
    arrived = asyncio.Event()

    def hook(message) -> None:
        if isinstance(message, ProjectorScreen.Polled) and not any(message is seen for seen in polls):
            polls.append(message)
            if message.workshop is not None and message.workshop.state.step_key == RATE:
                arrived.set()

    async with console_and_projector(
        make_app, data_dir, clock, workshop_id, poll_seconds=0.2, message_hook=hook
    ) as room:
        with room.console._context():
            await room.console_pilot.press("right")
        started = len(polls)
        await asyncio.wait_for(arrived.wait(), timeout=5)
        await room.projector_pilot.pause()
        assert room.wall_step() == RATE
        assert len(polls) - started <= 3  # a 0.2 s poll and a save: within about half a second


async def test_f6_offers_the_command_when_no_window_can_be_opened_and_opens_one_when_it_can(
    workshop_id: str, make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp import terminal_window

    opened: list[list[str]] = []
    monkeypatch.setattr(terminal_window, "window_launcher", lambda command: None)
    monkeypatch.setattr(terminal_window, "open_window", lambda launcher: opened.append(launcher) or True)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f6")
        expected = terminal_window.shown(terminal_window.present_command(workshop_id, data_dir))
        assert expected.endswith(f"present {workshop_id} --data-dir {data_dir}")
        [notice] = list(app._notifications)
        assert expected in notice.message and "second terminal" in notice.message and not notice.markup
        assert app.clipboard == expected
        assert opened == []

        monkeypatch.setattr(terminal_window, "window_launcher", lambda command: ["some-terminal", "-e", *command])
        await pilot.press("f6")
        assert opened == [["some-terminal", "-e", *terminal_window.present_command(workshop_id, data_dir)]]
        assert "Opening in a new terminal" in list(app._notifications)[-1].message


async def test_f6_says_so_when_a_projector_already_follows(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp import terminal_window

    monkeypatch.setattr(terminal_window, "open_window", lambda launcher: pytest.fail("opened a second window"))
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        with room.console._context():
            room.screen._follow_projector()
            await room.console_pilot.press("f6")
        assert "already follows" in list(room.console._notifications)[-1].message


async def test_the_projector_window_never_writes_the_workshop(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock, store: Store
) -> None:
    folder = store.open(workshop_id).path

    def files() -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    before = files()
    projector = create_projector_app(data_dir=data_dir, workshop_id=workshop_id, clock=clock, poll_seconds=None)
    async with projector.run_test(size=(80, 24)) as pilot:
        screen: ProjectorScreen = await wait_for_screen(pilot, ProjectorScreen)  # type: ignore[assignment]
        store.open(workshop_id).update_state(lambda state: dataclasses.replace(state, step_key=RATE))
        before = files()
        screen.poll()
        await wait_until(pilot, lambda: screen.polls == 1)
        await pilot.press("q")
    assert files() == {**before, "projector.lock": b""}


async def test_the_projector_window_is_offered_in_help_and_the_palette(workshop_id: str, make_app) -> None:
    from bootcamp.ui.commands import BootcampCommands
    from bootcamp.ui.screens.help import key_table

    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        title = "Projector window: only the slide, on a second screen"
        assert ("f6", title) in key_table(console)
        palette = {hit.text: hit.help async for hit in BootcampCommands(console).discover()}  # type: ignore[attr-defined]
        assert palette[title] == "key: f6"


async def test_keys_typed_in_a_burst_in_the_projector_window_are_handled_in_order(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    """The projector window keeps key order as the console does: the palette opened and typed into in one burst."""
    from textual import events
    from textual.command import CommandInput

    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        for key, character in [("ctrl+p", None), *[(c, c) for c in "help"], ("backspace", None), ("x", "x")]:
            room.projector.post_message(events.Key(key, character))
        await wait_until(room.projector_pilot, lambda: bool(room.projector.screen.query(CommandInput)), "the palette")
        typed = room.projector.screen.query_one(CommandInput)
        await wait_until(room.projector_pilot, lambda: typed.value == "helx", f"every key typed in order ({typed.value!r})")


async def test_a_projector_on_a_workshop_deleted_says_so_on_the_wall_and_closes_on_q(
    store: Store, fixture_program: Program, data_dir: Path, clock: FixedClock
) -> None:
    """bootcamp delete removed the workshop its window followed: the wall went on showing its last slide (the room's
    answers, names and notes are the client's) with no word that it had gone. It now says so in one line, and shows
    nothing else."""
    from bootcamp.store.delete import delete_workshop

    workshop = new_workshop(store, fixture_program)
    projector = create_projector_app(data_dir=data_dir, workshop_id=workshop.id, clock=clock, poll_seconds=None)
    async with projector.run_test(size=(80, 24)) as pilot:
        screen: ProjectorScreen = await wait_for_screen(pilot, ProjectorScreen)  # type: ignore[assignment]
        assert "step 1 of 8" in screen_text(projector) and WORKSHOP_GONE not in screen_text(projector)
        delete_workshop(store, workshop.id)
        screen.poll()
        await wait_until(pilot, lambda: screen.polls == 1)
        screen.tick()
        await pilot.pause()
        wall = screen_text(projector)
        assert f"{WORKSHOP_GONE}: q closes this window" in wall
        assert "step 1 of 8" not in wall and NO_CONSOLE_HINT not in wall
        shown = [line.strip() for line in wall.splitlines() if line.strip() and line.strip() != projector.title]
        assert shown == [f"{WORKSHOP_GONE}: q closes this window"]  # the SVG's title aside, nothing else
        await pilot.press("q")
        await wait_until(pilot, lambda: not projector.is_running, "the window to close")


async def test_the_wall_says_when_a_question_is_a_secret_ballot(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    """The console said "Secret ballot: answers are stored without a name", the phones said so, and the wall the
    room reads said nothing of it: only its count lost "of 3"."""
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        with room.console._context():
            await room.screen.jump_to(MANDATE)
        text = await room.follow()
        assert room.wall_step() == MANDATE and "Secret ballot" not in text
        await room.press("v")
        text = await room.follow()
        assert "Secret ballot: your answer is stored without your name." in text
        await room.press("v")  # named again
        text = await room.follow()
        assert "Secret ballot" not in text

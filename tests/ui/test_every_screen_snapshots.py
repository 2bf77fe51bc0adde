"""SVG snapshots of the console on each kind of step and of every screen and dialog it opens, at 80×24 and 120×40.

The fixture content (one step of each kind), a room with answers, a comment, role lines and actions,
and the fixed clock: the same picture every run. Home and the summary pages have their own snapshots
(test_snapshots.py, test_summary_snapshots.py).

Update after a deliberate change with ``pytest tests/ui/test_every_screen_snapshots.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from room_helpers import ACTIONS, POKER, TALK, WELCOME, open_console
from textual.pilot import Pilot
from ui_helpers import FIXTURE_CONTENT, new_workshop, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.live.requests import GiveAnswer, PutAction, PutRoleLine
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus
from bootcamp.ui.screens.blank import BlankScreen
from bootcamp.ui.screens.content_errors import ContentErrorsScreen
from bootcamp.ui.screens.help import HelpScreen
from bootcamp.ui.screens.jump import JumpScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.private_entry import PrivateEntryScreen
from bootcamp.ui.screens.roster import RosterScreen
from bootcamp.ui.screens.too_small import TooSmallScreen

RATE, MANDATE, ROLE = "basics/rate-aptitudes", "basics/mandate", "basics/role"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def seed_room(pilot: Pilot) -> None:
    """What a room has said by mid-morning: answers (one with a comment), role lines, actions."""
    app = pilot.app
    ana, ben, chloe = app.workshop.info.present
    for person, value in ((ana, "yes"), (ben, "partly"), (chloe, "dont-know")):
        comment = "Only on paper: each director still sets their own targets." if person is ana else None
        app.request(GiveAnswer(person.id, MANDATE, value, comment=comment))
    app.request(PutRoleLine("Own the customer strategy and report on it to the board", decision="strategic"))
    app.request(PutRoleLine("Run the call centre rota", decision="tactical"))
    app.request(PutRoleLine("Manage the CRM licences"))
    app.request(PutAction(Action("", "Share churn reasons monthly", "Ana Ortiz", "2026-10-30", source=ACTIONS)))
    app.request(PutAction(Action("", "Name one owner per key account", "Ben Okafor", "", ActionStatus.DOING, ACTIONS)))
    await settle(pilot)


def at(step_key: str, *keys: str, reveal: bool = False) -> Callable[[Pilot], Awaitable[None]]:
    """Open the console on ``step_key`` with the room seeded, then press ``keys``."""

    async def ready(pilot: Pilot) -> None:
        console = await open_console(pilot)
        await seed_room(pilot)
        await console.jump_to(step_key)
        if reveal:
            pilot.app.workshop.toggle("revealed", step_key)
            console.show_room()
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)

    return ready


CONSOLE_STEPS = [
    pytest.param(at(WELCOME), id="teach"),
    pytest.param(at(RATE, "a", "right", "right", "right"), id="rate"),
    pytest.param(at(MANDATE, reveal=True), id="question"),
    pytest.param(at(ROLE), id="role-check"),
    pytest.param(at(POKER), id="poker"),
    pytest.param(at(TALK), id="discuss"),
    pytest.param(at(ACTIONS), id="actions"),
]


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("ready", CONSOLE_STEPS)
def test_the_console_on_each_kind_of_step(size, ready, workshop_id: str, make_app, snap_compare) -> None:
    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=ready)


def opened(step_key: str, keys: tuple[str, ...], screen: type) -> Callable[[Pilot], Awaitable[None]]:
    async def ready(pilot: Pilot) -> None:
        await at(step_key)(pilot)
        await pilot.press(*keys)
        await wait_for_screen(pilot, screen)
        await settle(pilot)

    return ready


SCREENS = [
    pytest.param(opened(MANDATE, ("e",), PrivateEntryScreen), id="private-entry"),
    pytest.param(opened(WELCOME, ("E", "enter", "s", "tab", *"see p.7", "enter"), PrivateEntryScreen), id="paper-sheet"),
    pytest.param(opened(MANDATE, ("g",), JumpScreen), id="jump"),
    pytest.param(opened(WELCOME, ("question_mark",), HelpScreen), id="help"),
    pytest.param(opened(WELCOME, ("f2",), RosterScreen), id="people"),
    pytest.param(opened(MANDATE, ("f5",), PresenterScreen), id="presenter"),
    pytest.param(opened(WELCOME, ("b",), BlankScreen), id="blank"),
]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("ready", SCREENS)
def test_every_screen_and_dialog_of_the_console(size, ready, workshop_id: str, make_app, snap_compare) -> None:
    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_the_notes_behind_f3_on_a_narrow_console(size, workshop_id: str, make_app, snap_compare) -> None:
    """At 80 columns f3 opens the notes beside the slide; at 120 they are always there (f3 says so)."""
    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=at(MANDATE, "f3"))


@pytest.fixture
def broken_content(tmp_path: Path) -> Path:
    copy = tmp_path / "broken"
    shutil.copytree(FIXTURE_CONTENT, copy)
    basics = copy / "sessions" / "basics.yaml"
    basics.write_text(basics.read_text().replace("minutes: 5\n", "minutes: soon\n", 1).replace("kind: rate", "kind: rant"))
    return copy


@pytest.mark.parametrize("size", SIZES)
def test_content_errors(size, broken_content: Path, make_app, snap_compare, monkeypatch) -> None:
    async def ready(pilot: Pilot) -> None:
        await wait_for_screen(pilot, ContentErrorsScreen)
        await settle(pilot)

    monkeypatch.chdir(broken_content.parent)  # the list names the folder as given: the same in every run
    app = make_app(content_dir=Path(broken_content.name))
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_a_terminal_too_small_says_which_size_it_needs(workshop_id: str, make_app, snap_compare) -> None:
    async def ready(pilot: Pilot) -> None:
        await wait_for_screen(pilot, TooSmallScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=(50, 16), run_before=ready)

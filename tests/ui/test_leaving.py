"""Leaving a workshop is always deliberate: Esc never leaves it; ctrl+w does, asking first while the room watches."""

from __future__ import annotations

import pytest
from room_helpers import POKER, at_step, open_console
from test_poker_step import deal_and_pick
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.projector_lock import ProjectorLock
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.widgets.poker.cards import PokerNoteField


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    workshop_id = new_workshop(store, fixture_program).id
    at_step(store, workshop_id, POKER)
    return workshop_id


async def test_escape_twice_in_a_poker_note_stays_in_the_workshop(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        await deal_and_pick(pilot)
        note = app.screen.query(PokerNoteField).first()
        note.focus()
        await pilot.press(*"we say it", "escape", "escape", "escape")
        await settle(pilot)
        assert app.screen is console and app.workshop is not None


async def test_ctrl_w_leaves_at_once_when_nothing_watches(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("ctrl+w")
        await wait_for_screen(pilot, HomeScreen)
        assert app.workshop is None


async def test_leaving_while_presenting_asks_first(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("ctrl+w")
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await pilot.press("escape")  # stays: the slide is still on the wall
        await wait_for_screen(pilot, PresenterScreen)
        assert app.workshop is not None
        await pilot.press("ctrl+w")
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await pilot.press("y")
        await wait_for_screen(pilot, HomeScreen)
        assert app.workshop is None and console not in app.screen_stack


async def test_leaving_while_a_projector_window_follows_asks_first(workshop_id: str, make_app, store: Store) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        with ProjectorLock(store.open(workshop_id).path):
            await pilot.press("ctrl+w")
            await wait_for_screen(pilot, LeaveConfirmScreen)
            await pilot.press("n")
            await wait_until(pilot, lambda: app.screen is console, "back on the console")
            assert app.workshop is not None


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_snapshot_the_leave_confirm_over_presenter_mode(size, workshop_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await open_console(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("ctrl+w")
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=ready)


# -- q on the console ---------------------------------------------------------------------------------------


def notified(app) -> list[str]:
    return [notice.message for notice in app._notifications]


@pytest.mark.parametrize("stray", ["u", "x", "escape", "n"])
async def test_q_on_the_console_asks_first_and_any_other_key_stays(workshop_id: str, make_app, stray: str) -> None:
    """Text typed on the console by mistake ("…queue") closed the app in front of the room: q asks first."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        await pilot.press("q")
        dialog = await wait_for_screen(pilot, LeaveConfirmScreen)
        assert "saved" in screen_text(app)  # the answers are on disk either way: said in the dialog
        await pilot.press(stray)
        await wait_until(pilot, lambda: app.screen is console, "back on the console")
        assert app.is_running and app.workshop is not None and dialog not in app.screen_stack


@pytest.mark.parametrize("key", ["y", "enter"])
async def test_q_on_the_console_then_y_or_enter_quits(workshop_id: str, make_app, key: str) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("q")
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await pilot.press(key)
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")


async def test_q_during_private_entry_only_says_how_it_ends(workshop_id: str, make_app, store: Store) -> None:
    """The participant holds the keyboard: q neither quits nor asks; the footer does not offer it."""
    from bootcamp.ui.screens.private_entry import PrivateEntryScreen

    at_step(store, workshop_id, "basics/mandate")
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("e")
        entry = await wait_for_screen(pilot, PrivateEntryScreen)
        assert "q Quit" not in screen_text(app)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and app.screen is entry
        assert any("Esc" in message and "private entry" in message for message in notified(app)), notified(app)


async def test_q_on_home_still_quits_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")


async def test_a_word_typed_on_the_console_by_mistake_goes_no_further_than_the_question(
    workshop_id: str, make_app, store: Store
) -> None:
    """"…queue" in one burst: q asks, u stays, and the rest of the burst (e: private entry) goes nowhere."""
    from test_key_bursts import burst

    from bootcamp.ui.screens.private_entry import PrivateEntryScreen

    at_step(store, workshop_id, "basics/mandate")  # a question: e there would start private entry
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        burst(app, *"queue")
        await wait_until(pilot, lambda: not app._keys_waiting and not app._key_busy, "the burst to be handled")
        await settle(pilot)
        assert app.screen is console and app.is_running
        assert not any(isinstance(screen, PrivateEntryScreen) for screen in app.screen_stack)
        assert not app.workshop.state.private_entry

"""A second console on a workshop open elsewhere: told who has it, offered to follow read-only, never writing."""

from __future__ import annotations

from room_helpers import open_console
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store
from bootcamp.ui.screens.follow_offer import FollowOfferScreen
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.projector import ProjectorScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

MANDATE = "basics/mandate"


async def test_a_workshop_open_elsewhere_is_offered_read_only_and_its_state_stays(
    make_app, store: Store, fixture_program: Program
) -> None:
    info = new_workshop(store, fixture_program)
    elsewhere = LiveWorkshop.open(store.open(info.id), FixedClock())  # the other console, in this process
    elsewhere.start()
    elsewhere.move(lambda flow: flow.jump(MANDATE))
    elsewhere.toggle("revealed", MANDATE)
    assert await elsewhere.settled()
    before = store.open(info.id).state()
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        offer = await wait_for_screen(pilot, FollowOfferScreen)
        text = screen_text(app)
        assert "Open in another console" in text and "is open in the console" in text and "process" in text
        assert app.workshop is None  # nothing was opened for writing
        await pilot.press("f")
        following = await wait_for_screen(pilot, ProjectorScreen)
        await settle(pilot)
        assert following.flow.current.key == MANDATE  # where the other console is
        assert "following read-only" in screen_text(app) and "Esc back to the workshops" in screen_text(app)
        await pilot.press("right", "t", "r", "b")  # a follower's keys change nothing
        await settle(pilot)
        assert store.open(info.id).state() == before
        elsewhere.move(lambda flow: flow.next())  # the owner moves on: the follower sees it
        assert await elsewhere.settled()
        await wait_until(pilot, lambda: (following.poll(), following.flow.current.key != MANDATE)[1], "the move")
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        assert offer is not app.screen
    assert await elsewhere.close()


async def test_back_from_the_offer_and_the_workshop_opens_once_the_other_console_has_closed(
    make_app, store: Store, fixture_program: Program
) -> None:
    info = new_workshop(store, fixture_program)
    elsewhere = LiveWorkshop.open(store.open(info.id), FixedClock())
    elsewhere.start()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, FollowOfferScreen)
        await pilot.press("escape")
        assert app.screen is home
        assert await elsewhere.close()
        await pilot.press("enter")
        console = await open_console(pilot)
        assert isinstance(console, WorkshopScreen) and app.workshop is not None
        assert app.workshop.owner is not None and app.workshop.owner.held
        await pilot.press("ctrl+w")  # leaving the workshop lets go of it
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: not app.workshop_closing, "the workshop to close")
    from bootcamp.store.owner_lock import holder_of

    assert holder_of(store.open(info.id).path) is None


async def test_opened_on_start_but_held_elsewhere_home_still_lists_and_loads_behind_the_offer(
    make_app, store: Store, fixture_program: Program
) -> None:
    """`bootcamp open ID` on a workshop another console has: after Esc on the offer, home had no list and no
    content for good ("Still loading the boot camp content"), until the app was started again."""
    info = new_workshop(store, fixture_program)
    elsewhere = LiveWorkshop.open(store.open(info.id), FixedClock())
    elsewhere.start()
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, FollowOfferScreen)
        await pilot.press("escape")
        home = await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: any(row.info.id == info.id for row in home.rows), "the workshops listed")
        await wait_until(pilot, lambda: app.content is not None, "the content loaded")
        await settle(pilot)
        assert "Loading the boot camp content" not in screen_text(app)
    assert await elsewhere.close()


async def test_following_a_workshop_deleted_once_its_console_left_says_so_and_esc_goes_back(
    make_app, store: Store, fixture_program: Program
) -> None:
    """The follower went on showing the last slide of a workshop bootcamp delete had removed, with no word."""
    from bootcamp.store.delete import delete_workshop
    from bootcamp.ui.screens.projector import WORKSHOP_GONE

    info = new_workshop(store, fixture_program)
    elsewhere = LiveWorkshop.open(store.open(info.id), FixedClock())
    elsewhere.start()
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, FollowOfferScreen)
        await pilot.press("f")
        following = await wait_for_screen(pilot, ProjectorScreen)
        await settle(pilot)
        assert await elsewhere.close()  # its console left: now it may be deleted
        delete_workshop(store, info.id)
        polls = following.polls
        following.poll()
        await wait_until(pilot, lambda: following.polls > polls, "a poll")
        await pilot.pause()
        assert f"{WORKSHOP_GONE}: Esc goes back to the workshops" in screen_text(app)
        assert "step 1 of" not in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)

"""The step timer across a closed lid or a clock set right, and the keys that take time back (- and T).

The app's clock is injected: ``clock.jump`` moves the wall clock without monotonic time, as a laptop asleep or NTP
does; the screen's tick is called by hand where the test needs it at once.
"""

from __future__ import annotations

from textual.widgets import Digits
from ui_helpers import new_workshop, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.screens.help import key_table
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.timer import StepTimerPanel

MINUTE = 60.0
STOOD_STILL = "The timer stood still for the 45 min the laptop slept or its clock jumped"


def said(app, words: str) -> list[str]:
    return [n.message for n in app._notifications if words in n.message]


def countdown(screen: WorkshopScreen) -> str:
    return screen.query_one(StepTimerPanel).query_one(Digits).value


def planned_said(screen: WorkshopScreen) -> str:
    return str(screen.query_one(StepTimerPanel).border_subtitle)


async def test_a_lid_closed_at_lunch_holds_the_step_timer_still_said_once_and_stored(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Before: the lid closed 4 minutes into the 5-minute welcome, opened 45 minutes later: the timer read +44:00."""
    workshop_id = new_workshop(store, fixture_program).id
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(4 * MINUTE)
        screen.tick()  # the last tick before the lid closed
        clock.jump(45 * MINUTE)
        screen.tick()  # awake
        screen.tick()
        await pilot.pause()
        assert screen.flow.running and screen.flow.elapsed() == 4 * MINUTE
        assert countdown(screen) == "1:00"
        assert len(said(app, STOOD_STILL)) == 1
        clock.advance(30)
        screen.tick()
        await pilot.pause()
        assert countdown(screen) == "0:30"  # it runs on from the wake-up
    # A console reopened later reads the same: stored as a pause over the sleep.
    timer = store.open(workshop_id).state().timers["basics/welcome"]
    assert timer.elapsed_at(clock.now()) == 4.5 * MINUTE


async def test_a_clock_set_back_moves_no_running_timer(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Before: NTP set the clock back 5 minutes 3 minutes into a step, and the timer read 5:00 again (then 3:00 over
    the next minutes, counting the same two minutes twice)."""
    workshop_id = new_workshop(store, fixture_program).id
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(3 * MINUTE)
        screen.tick()
        clock.jump(-5 * MINUTE)
        screen.tick()
        await pilot.pause()
        assert screen.flow.elapsed() == 3 * MINUTE and countdown(screen) == "2:00"
        assert said(app, "The laptop's clock was set back 5 min: the timer kept its count.")


async def test_a_kill_stop_is_time_the_room_spent(store: Store, fixture_program: Program, make_app, clock: FixedClock) -> None:
    """A process stopped (monotonic time running on) is no jump: the room went on, and so does the timer."""
    workshop_id = new_workshop(store, fixture_program).id
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(3 * MINUTE)
        screen.tick()
        await pilot.pause()
        assert screen.flow.elapsed() == 3 * MINUTE and not said(app, "stood still")


async def test_in_presenter_mode_the_notice_waits_for_the_console(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    workshop_id = new_workshop(store, fixture_program).id
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("t")
        clock.advance(4 * MINUTE)
        presenter.tick()
        clock.jump(45 * MINUTE)
        presenter.tick()
        await pilot.pause()
        assert presenter.flow.elapsed() == 4 * MINUTE
        assert not said(app, "stood still")  # nothing over the slide the room sees
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.pause()
        assert len(said(app, STOOD_STILL)) == 1


async def test_minus_takes_two_minutes_off_and_shift_t_starts_the_timer_over(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    workshop_id = new_workshop(store, fixture_program).id
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(7 * MINUTE)
        await pilot.press("plus", "plus", "minus")
        await pilot.pause()
        assert screen.flow.elapsed() == 7 * MINUTE and countdown(screen) == "+0:00"  # 5 planned, +2 +2 -2: time up
        assert planned_said(screen) == "5 min +2"
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert countdown(screen) == "+4:00" and planned_said(screen) == "5 min −2"  # the room told to wrap up
        await pilot.press("minus", "minus", "minus")
        await pilot.pause()
        assert screen.flow.allowed_seconds() == 0 and screen.flow.running  # never below none
        clock.advance(MINUTE)
        await pilot.press("T")
        await pilot.pause()
        assert screen.flow.elapsed() == 0 and screen.flow.running and countdown(screen) == "5:00"
        table = dict((what, keys) for keys, what in key_table(screen))
        assert table["Take 2 minutes off the step timer (undoes +)"] == "-"
        assert table["Start the step timer over: nothing counted, no minutes added"] == "T"


async def test_presenter_mode_takes_time_back_too(store: Store, fixture_program: Program, make_app, clock: FixedClock) -> None:
    workshop_id = new_workshop(store, fixture_program).id
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("t")
        clock.advance(3 * MINUTE)
        await pilot.press("minus")
        await pilot.pause()
        assert presenter.flow.elapsed() == 3 * MINUTE and presenter.flow.allowed_seconds() == 3 * MINUTE
        await pilot.press("T")
        await pilot.pause()
        assert presenter.flow.elapsed() == 0 and presenter.flow.running
        table = dict((what, keys) for keys, what in key_table(presenter))
        assert "-" in table.values() and "T" in table.values()

"""A boot camp over two days on the console: day one's record, and day two's own clock once t starts it."""

from __future__ import annotations

from textual.widgets import Static
from ui_helpers import new_workshop, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow
from bootcamp.store import Store
from bootcamp.store.model import WorkshopState
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.day_clock import DayClockPanel
from bootcamp.ui.widgets.time_strip import TimeStrip

MONDAY_9AM = 1_789_981_200.0  # 2026-09-21 09:00 UTC (the UI tests' time zone)
DAY = 24 * 3600


def day_one_in_store(store: Store, program: Program, clock: FixedClock) -> str:
    """Day one, through the app's own API: welcome (5 min) took 10, the ratings (10) took 20, 5 minutes into the
    mandate (4) the console quit at 09:35, the clock paused."""
    info = new_workshop(store, program)
    clock.at = MONDAY_9AM
    state = Flow(program, "full", WorkshopState(), clock).start()
    for minutes in (10, 20):
        clock.advance(minutes * 60)
        state = Flow(program, "full", state, clock).next()
    clock.advance(5 * 60)
    store.open(info.id).save_state(Flow(program, "full", state, clock).pause())
    return info.id


def panel_lines(screen: WorkshopScreen) -> list[str]:
    return [str(line.render()) for line in screen.query_one(DayClockPanel).query(Static) if line.display]


async def test_the_next_morning_day_one_is_over_and_t_starts_day_two_on_its_own_clock(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Before: t the next morning said "23 h 41 behind" and "plan 10:06", day one's planned finish, on day two."""
    workshop_id = day_one_in_store(store, fixture_program, clock)
    clock.at = MONDAY_9AM + DAY - 15 * 60  # Tuesday 08:45
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        panel = screen.query_one(DayClockPanel)
        assert panel.border_title == "Day"
        assert panel_lines(screen) == ["day of 21 Sep, over", "plan 0:19  ·  actual 0:35", "it ran 16 min behind"]

        clock.at = MONDAY_9AM + DAY  # Tuesday 09:00
        await pilot.press("t")
        clock.advance(2 * 60)  # the mandate, over its time since yesterday, two more minutes: late by two
        await pilot.press("right")
        assert (panel.border_title, panel.border_subtitle) == ("Day 2", "started 09:00")
        assert panel_lines(screen) == [
            "2 min behind",
            "plan 0:00  ·  actual 0:02",
            # 47 minutes left of the plan when day two started at 09:00; two minutes late
            "ends ≈ 09:49  plan 09:47",
            "day 1, 21 Sep: 16 min behind",
        ]


async def test_on_a_narrow_console_the_strip_names_day_two(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    workshop_id = day_one_in_store(store, fixture_program, clock)
    clock.at = MONDAY_9AM + DAY
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        assert "Day of 21 Sep over, it ran 16 min behind" in str(screen.query_one(TimeStrip).render())
        await pilot.press("t")
        await pilot.pause()
        assert "Day 2: on time, ends ≈ 09:47" in str(screen.query_one(TimeStrip).render())


async def test_a_console_asleep_overnight_with_its_clock_running_stops_it_when_it_was_last_seen(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """The lid closed at 17:30 with the console open and the clock running; it woke at 08:30 and read a step timer
    of fifteen hours and "day 15 h behind"."""
    workshop_id = new_workshop(store, fixture_program).id
    clock.at = MONDAY_9AM + 8 * 3600
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(30 * 60)
        screen.tick()  # 17:30, the last second it ticked
        clock.advance(15 * 3600)
        screen.tick()  # 08:30: awake again
        await pilot.pause()
        assert not screen.flow.running and screen.flow.elapsed() == 30 * 60
        assert screen.flow.day_clock().over
        assert any("21 Sep at 17:30" in n.message and "stopped then" in n.message for n in app._notifications)
    assert all(timer.running_since is None for timer in store.open(workshop_id).state().timers.values())


def paused_at_half_past_twelve(store: Store, program: Program, clock: FixedClock) -> str:
    """Monday from 09:00: welcome took 10 minutes, then the ratings until the clock was paused at 12:30."""
    info = new_workshop(store, program)
    clock.at = MONDAY_9AM
    state = Flow(program, "full", WorkshopState(), clock).start()
    clock.advance(10 * 60)
    state = Flow(program, "full", state, clock).next()
    clock.at = MONDAY_9AM + 3.5 * 3600
    store.open(info.id).save_state(Flow(program, "full", state, clock).pause())
    return info.id


def said(app: object) -> list[str]:
    """What the console said of the day (the step's own "Over time" toast aside)."""
    return [n.message for n in app._notifications if "day" in n.message.lower()]  # type: ignore[attr-defined]


def paused_at_half_past_one(store: Store, program: Program, clock: FixedClock) -> str:
    """An evening session from Monday 20:00: welcome took 10 minutes, then the ratings until the clock was paused at
    01:30, Monday's evening still (a facilitator's day turns at 04:00)."""
    info = new_workshop(store, program)
    clock.at = MONDAY_9AM + 11 * 3600
    state = Flow(program, "full", WorkshopState(), clock).start()
    clock.advance(10 * 60)
    state = Flow(program, "full", state, clock).next()
    clock.at = MONDAY_9AM + 16.5 * 3600
    store.open(info.id).save_state(Flow(program, "full", state, clock).pause())
    return info.id


async def test_after_a_pause_across_the_days_turn_t_says_what_t_again_and_d_do_before_starting_anything(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Before: a pause under six hours carried the day on without a word, one of six hours or more on a later date
    started day two without a word, whichever the room was in. Changed deliberately from five hours in the afternoon
    (now the same day, as the summary dates it) to five hours from 01:30 to 06:30, past the day's turn."""
    workshop_id = paused_at_half_past_one(store, fixture_program, clock)
    clock.at = MONDAY_9AM + 21.5 * 3600  # Tuesday 06:30
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        await pilot.pause()
        assert said(app) == ["Paused 5 h 00 since 01:30: t again carries on day 1; D starts day 2, day 1 kept as it went."]
        assert not screen.flow.running

        await pilot.press("t")
        await pilot.pause()
        assert screen.flow.running and screen.flow.state.earlier_days == ()
        assert screen.query_one(DayClockPanel).border_title == "Day"
        assert len(said(app)) == 1


async def test_after_a_pause_across_the_days_turn_d_starts_day_two_with_day_one_as_it_went(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    workshop_id = paused_at_half_past_one(store, fixture_program, clock)
    clock.at = MONDAY_9AM + 21.5 * 3600
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t", "D")
        await pilot.pause()
        assert screen.flow.running and screen.flow.state.day_started_at == clock.now()
        assert screen.query_one(DayClockPanel).border_title == "Day 2"
        assert panel_lines(screen)[-1] == "day 1, 21 Sep: 5 h 15 behind"  # 5 h 30 its steps took, 15 min planned
        assert said(app)[-1] == "Day 2 starts: day 1 kept as it went."
    state = store.open(workshop_id).state()
    assert state.earlier_days[0].actual == 330 and state.days_met() == ("2026-09-21", "2026-09-22")


async def test_after_five_hours_in_the_afternoon_t_carries_day_one_on_and_d_says_why_it_starts_nothing(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Paused 12:30, back at 17:30: t asked, and D started day two on day one's date, so the console said "Day 2"
    where the summary named one date. A day is a date, the first too: t carries the day on without asking, and D
    says why it starts nothing."""
    workshop_id = paused_at_half_past_twelve(store, fixture_program, clock)
    clock.at = MONDAY_9AM + 8.5 * 3600  # 17:30
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("D")
        await pilot.pause()
        assert said(app) == ["Day 1 started today at 09:00: D starts day 2 on a later date; t carries day 1 on."]
        assert not screen.flow.running and screen.flow.state.earlier_days == ()

        await pilot.press("t")
        await pilot.pause()
        assert screen.flow.running and screen.flow.state.earlier_days == ()
        assert screen.query_one(DayClockPanel).border_title == "Day"
        assert not any(line.startswith("Paused") for line in said(app))
    state = store.open(workshop_id).state()
    assert state.earlier_days == () and state.days_met() == ()  # one day, to the console and to the summary


async def test_the_next_morning_t_says_day_two_starts(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    workshop_id = day_one_in_store(store, fixture_program, clock)
    clock.at = MONDAY_9AM + DAY
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        await pilot.pause()
        assert said(app) == ["Day 2 starts: day 1 kept as it went."]


async def test_an_evening_session_paused_after_midnight_carries_on_without_a_word(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Opened at 18:00, paused at 00:30: the console read "day of 21 Sep, over", and t started day two."""
    info = new_workshop(store, fixture_program)
    clock.at = MONDAY_9AM + 9 * 3600
    state = Flow(fixture_program, "full", WorkshopState(), clock).start()
    clock.at = MONDAY_9AM + 15.5 * 3600
    store.open(info.id).save_state(Flow(fixture_program, "full", state, clock).pause())
    clock.advance(5 * 60)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        assert not any("over" in line for line in panel_lines(screen))
        await pilot.press("t")
        await pilot.pause()
        assert screen.flow.running and screen.flow.state.earlier_days == () and said(app) == []
        assert screen.query_one(DayClockPanel).border_title == "Day"


async def test_in_presenter_mode_t_after_a_pause_across_the_days_turn_carries_the_day_on(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Presenter mode keeps its notices for the console (the room sees its screen): a question there would go unseen
    and t would seem to do nothing, so it carries the day on, as before (now after a pause across the day's turn, the
    one pause that asks)."""
    from bootcamp.ui.screens.presenter import PresenterScreen

    workshop_id = paused_at_half_past_one(store, fixture_program, clock)
    clock.at = MONDAY_9AM + 21.5 * 3600
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("t")
        await pilot.pause()
        assert presenter.flow.running and presenter.flow.state.earlier_days == () and said(app) == []


async def test_d_typed_in_the_answers_starts_no_day(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Before: D typed in the ratings' answers (Caps Lock on, or Shift held for d, don't know) after lunch started day 2
    and the step timer, with no undo; in the answers D now says where it works and changes nothing."""
    workshop_id = paused_at_half_past_twelve(store, fixture_program, clock)
    clock.at = MONDAY_9AM + 4.5 * 3600  # 13:30, back from lunch
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        before = screen.flow.state
        await pilot.press("a", "D")
        await pilot.pause()
        assert not screen.flow.running and screen.flow.state.earlier_days == ()
        assert screen.flow.state.day_started_at == before.day_started_at
        assert said(app) == ["D starts the next day from the step, not from its answers: Esc first."]
    assert store.open(workshop_id).state().earlier_days == ()


async def test_d_again_on_the_date_day_two_started_starts_nothing_and_says_so(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Tuesday: t started day two at 09:00; paused at 10:30, D, t, D again: the console said "Day 4", the summary
    "over two days". Now D keeps day two and says why; back after five hours that day, t carries day two on without
    offering a D that would start nothing."""
    workshop_id = day_one_in_store(store, fixture_program, clock)
    clock.at = MONDAY_9AM + DAY  # Tuesday 09:00
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(90 * 60)
        await pilot.press("t")  # 10:30, paused
        for _ in range(2):
            clock.advance(60)
            await pilot.press("D")
            await pilot.pause()
            assert not screen.flow.running and len(screen.flow.state.earlier_days) == 1
        assert screen.query_one(DayClockPanel).border_title == "Day 2"
        waits = "Day 2 started today at 09:00: D starts day 3 on a later date; t carries day 2 on."
        assert said(app)[-2:] == [waits, waits]

        clock.advance(5 * 3600)  # 15:32, five hours paused: the same day two, not a question
        await pilot.press("t")
        await pilot.pause()
        assert screen.flow.running and screen.query_one(DayClockPanel).border_title == "Day 2"
        assert not any(line.startswith("Paused") for line in said(app))
    state = store.open(workshop_id).state()
    assert len(state.earlier_days) + 1 == 2 == len(state.days_met())  # the console's day, the summary's dates


async def test_d_after_midnight_on_the_date_day_two_started_says_when_it_started_truly(
    store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Day two begun with an evening session at 23:30; D at 00:35 said "Day 2 started today at 23:30", yesterday by
    then, and "on a later date" of a date that had come (the facilitator's day turns at 04:00)."""
    workshop_id = day_one_in_store(store, fixture_program, clock)
    clock.at = MONDAY_9AM + DAY + 14.5 * 3600  # Tuesday 23:30
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        clock.advance(60 * 60)
        await pilot.press("t")  # 00:30, paused
        clock.advance(5 * 60)
        await pilot.press("D")
        await pilot.pause()
        assert said(app)[-1] == (
            "Day 2 started yesterday at 23:30, and a day turns at 04:00: D starts day 3 after that; t carries day 2 on."
        )
        assert screen.query_one(DayClockPanel).border_title == "Day 2" and not screen.flow.running

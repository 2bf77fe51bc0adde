"""The console: timer, over-time signal, day clock, skip, jump, presenter mode, blank, resume, saving."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Static
from ui_helpers import new_workshop, screen_text, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.blank import BlankScreen
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.jump import JumpScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.walk import WalkScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.theme import CONSOLE_THEME, PROJECTOR_THEME
from bootcamp.ui.widgets.agenda import Agenda
from bootcamp.ui.widgets.day_clock import DayClockPanel
from bootcamp.ui.widgets.notes import FacilitatorNotes
from bootcamp.ui.widgets.timer import OVER_TIME, StepTimerPanel

WELCOME, RATE, MANDATE = "basics/welcome", "basics/rate-aptitudes", "basics/mandate"
SECRET = "SECRET-FACILITATOR-NOTE"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def open_console(pilot) -> WorkshopScreen:
    return await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[return-value]


def countdown(screen: WalkScreen) -> str:
    return screen.query_one(StepTimerPanel).query_one(Digits).value


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_timer_starts_pauses_signals_over_time_and_takes_added_minutes(
    workshop_id: str, make_app, clock: FixedClock
) -> None:
    signals: list[WalkScreen.OverTime] = []

    def hook(message) -> None:
        if isinstance(message, WalkScreen.OverTime) and not any(message is seen for seen in signals):
            signals.append(message)  # once, though it is seen at every node it bubbles to

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        screen = await open_console(pilot)
        panel = screen.query_one(StepTimerPanel)
        assert countdown(screen) == "5:00" and not screen.flow.running

        await pilot.press("t")
        assert screen.flow.running
        clock.advance(90)
        screen.tick()  # what the one-second interval calls
        assert countdown(screen) == "3:30"

        await pilot.press("t")
        clock.advance(600)  # paused: the time does not count
        screen.tick()
        assert countdown(screen) == "3:30" and not screen.flow.running

        await pilot.press("t")
        clock.advance(3 * 60 + 30)
        screen.tick()
        await pilot.pause()
        assert countdown(screen) == "+0:00"
        assert panel.has_class("-over")
        signal = panel.query_one("#over-time", Static)
        assert signal.display and text_of(signal) == OVER_TIME
        assert "over time" in screen_text(app)
        assert [signal.step_key for signal in signals] == [WELCOME]
        assert any(OVER_TIME.capitalize() in n.message for n in app._notifications)
        assert app.screen is screen  # a toast, never a modal in front of the room

        clock.advance(1)
        screen.tick()  # the signal is given once, not every second
        await pilot.pause()
        assert len(signals) == 1

        clock.advance(29)
        await pilot.press("plus")
        screen.tick()
        await pilot.pause()
        assert countdown(screen) == "1:30" and not panel.has_class("-over")
        assert screen.flow.timer().extra_minutes == 2
        assert panel.border_subtitle == "5 min +2"


async def test_day_clock_shows_planned_against_actual_and_the_projected_finish(
    workshop_id: str, make_app, clock: FixedClock
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        day = screen.query_one(DayClockPanel)
        assert text_of(day.query_one("#day-pace", Static)) == "not started"
        start = clock.now()  # 14:13 UTC
        await pilot.press("t")
        clock.advance(9 * 60)  # the 5-minute welcome took 9
        await pilot.press("right")
        pace = day.query_one("#day-pace", Static)
        assert text_of(pace) == "4 min behind" and pace.has_class("-behind")
        assert text_of(day.query_one("#day-plan", Static)) == "plan 0:05  ·  actual 0:09"
        # 66 planned minutes from 14:13 end at 15:19; four minutes late: 15:23
        assert text_of(day.query_one("#day-finish", Static)) == "ends ≈ 15:23  plan 15:19"
        assert day.border_subtitle == "started 14:13"
        assert screen.flow.day_clock().projected_finish == start + (66 + 4) * 60


async def test_skip_marks_the_step_skipped_for_time_in_the_agenda_and_on_disk(
    workshop_id: str, make_app, store: Store
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("s")
        assert screen.flow.current.key == RATE
        assert screen.flow.is_skipped(WELCOME)
        agenda = screen.query_one(Agenda)
        assert str(agenda._step_nodes[WELCOME].label).startswith("↷ ")
        assert agenda.cursor_node is agenda._step_nodes[RATE]
        await pilot.press("left")
        assert "skipped for time" in text_of(screen.query_one("#status-bar", Static))
        await app.flush()
    assert store.open(workshop_id).state().skipped == (WELCOME,)


async def test_jump_picker_filters_and_moves_there(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("g")
        await wait_for_screen(pilot, JumpScreen)
        await pilot.press(*"poker")
        await pilot.press("enter")
        await wait_for_screen(pilot, WorkshopScreen)
        assert screen.flow.current.key == "basics/poker"
        assert screen.flow.counter == "step 6 of 8"
        assert not screen.flow.is_done(WELCOME)  # a jump passes steps by without marking them


async def test_jump_picker_finds_a_step_by_its_number(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("g")
        await wait_for_screen(pilot, JumpScreen)
        await pilot.press("7", "enter")  # the numbers the list shows: 7 is "What surprised you?"
        await wait_for_screen(pilot, WorkshopScreen)
        assert screen.flow.counter == "step 7 of 8" and screen.flow.current.key == "basics/talk"


async def test_jump_picker_ranks_a_title_that_starts_with_the_word_first(store: Store, make_app) -> None:
    from ui_helpers import SHIPPED_CONTENT

    from bootcamp.content import load_dir

    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("g")
        await wait_for_screen(pilot, JumpScreen)
        await pilot.press(*"rate", "enter")  # not "Pied piper, strategist, illusionist", earlier in the agenda
        await wait_for_screen(pilot, WorkshopScreen)
        assert screen.flow.current.title == "Rate the ten aptitudes"


async def test_choosing_a_step_in_the_agenda_jumps_there(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        agenda = screen.query_one(Agenda)
        agenda.focus()
        await pilot.press("down", "down", "enter")  # from the current step, two down
        await wait_until(pilot, lambda: screen.flow.current.key == MANDATE, "the jump")
        assert "done" not in text_of(screen.query_one("#status-bar", Static))


async def test_presenter_mode_hides_the_chrome_and_never_shows_notes(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_console(pilot)
        assert SECRET not in screen_text(app)  # at 80 columns the notes wait behind f3 …
        await pilot.press("f3")
        assert SECRET in screen_text(app)  # … the console shows the facilitator's notes …
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        assert app.theme == PROJECTOR_THEME
        assert SECRET not in screen_text(app)  # … the projector never does
        assert not presenter.query(FacilitatorNotes) and not presenter.query("Header, Footer, Agenda")
        assert "Why we are here" in screen_text(app)
        assert "step 1 of 8" in screen_text(app)
        assert app.workshop is not None and app.workshop.state.presenter

        await pilot.press("pagedown", "space")
        assert presenter.flow.current.key == MANDATE
        assert SECRET not in screen_text(app)
        await pilot.press("pageup")
        assert presenter.flow.current.key == RATE

        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.theme == CONSOLE_THEME
        assert screen.flow.current.key == RATE  # the console follows what happened in presenter mode
        assert not app.workshop.state.presenter


async def test_blank_shows_a_black_screen_until_any_key(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("b")
        await wait_for_screen(pilot, BlankScreen)
        assert screen_text(app).replace(app.title, "").strip() == ""  # only the SVG's window title
        assert app.workshop is not None and app.workshop.state.blank
        await pilot.press("pagedown")  # any key only brings the slide back; it does not move on
        await wait_for_screen(pilot, PresenterScreen)
        assert screen.flow.current.key == WELCOME
        assert not app.workshop.state.blank
        assert "Why we are here" in screen_text(app)


async def test_quit_and_reopen_resumes_at_the_same_step_and_timer(
    workshop_id: str, make_app, store: Store, clock: FixedClock
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("right", "right", "t")
        clock.advance(75)
        await pilot.press("q", "y")  # asked first: y quits
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    state = store.open(workshop_id).state()
    assert state.step_key == MANDATE and state.timers[MANDATE].elapsed == 75
    assert state.timers[MANDATE].running_since is None  # paused on quit: the room was not timed while closed

    clock.advance(3600)
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: bool(pilot.app.screen.rows), "the workshop list")
        await pilot.press("enter")
        screen = await open_console(pilot)
        assert screen.flow.current.key == MANDATE
        assert countdown(screen) == "2:45"  # 4 minutes less the 75 seconds spent
        assert screen.flow.is_done(WELCOME) and screen.flow.is_done(RATE)


async def test_leaving_a_workshop_shows_where_it_stopped(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("right", "ctrl+w")
        home = await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: home.rows and home.rows[0].stopped_at != "not started", "the list")
        assert home.rows[0].stopped_at == "Rate the aptitudes (2/8)"


async def test_a_failing_save_is_shown_and_cleared_once_it_succeeds(
    workshop_id: str, make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp.store import WorkshopFiles

    disk = {"full": True}
    original = WorkshopFiles.save_state

    def flaky(self, state):
        if disk["full"]:
            raise OSError("disk full")
        original(self, state)

    monkeypatch.setattr(WorkshopFiles, "save_state", flaky)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        status = screen.query_one("#status-bar", Static)
        await pilot.press("right")
        await wait_until(pilot, lambda: app.save_status.error == "disk full", "the failure")
        await pilot.pause()
        # First after the counter, where a long title of the next step cannot cut it off.
        assert status.has_class("-unsaved") and text_of(status).startswith("step 2 of 8  ·  not saved: disk full — retrying")
        assert screen.flow.current.key == RATE  # the room moves on; the writer keeps trying

        disk["full"] = False
        await wait_until(pilot, lambda: app.save_status.label == "saved", "the retry")
        await pilot.pause()
        assert not status.has_class("-unsaved") and text_of(status).endswith("saved")
    assert store.open(workshop_id).state().step_key == RATE


async def test_the_status_bar_says_saved_once_each_move_is_on_disk(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        status = screen.query_one("#status-bar", Static)
        for key in ("right", "left", "right"):
            await pilot.press(key)
            assert await app.flush()
            await wait_until(pilot, lambda: text_of(status).endswith("  ·  saved"), f"'saved' after {key}")


async def test_typed_names_are_shown_as_typed_on_the_console(store: Store, fixture_program: Program, make_app) -> None:
    info = new_workshop(store, fixture_program, name="[b red]Spring[/] \x1b[2J[link=x]camp")
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        assert "[b red]Spring[/] ␛[2J[link=x]camp" in screen_text(app)


async def test_the_over_time_signal_waits_while_another_screen_is_in_front(
    workshop_id: str, make_app, clock: FixedClock
) -> None:
    from bootcamp.ui.screens.summary import SummaryScreen

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("t", "f4")
        await wait_for_screen(pilot, SummaryScreen)
        clock.advance(6 * 60)
        screen.tick()  # the console's interval keeps running behind the summary
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert OVER_TIME.capitalize() not in said  # nothing pops up over the summary, which may be on the projector
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        screen.tick()
        await pilot.pause()
        assert OVER_TIME.capitalize() in [n.message for n in app._notifications]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_jump_list_shows_the_current_step_one_line_each_at_every_size(size, store: Store, make_app) -> None:
    """At 80×24 the list ran past the dialog's edge, so the current step (step 72 of the demo) was in rows the dialog
    cut off; and half the lines wrapped onto a second one."""
    from textual.widgets import OptionList
    from ui_helpers import SHIPPED_CONTENT

    from bootcamp.content import load_dir
    from bootcamp.demo import create_demo_workshop

    demo = create_demo_workshop(store, load_dir(SHIPPED_CONTENT).sources)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo.id)
    async with app.run_test(size=size) as pilot:
        screen = await open_console(pilot)
        current = screen.flow.current.key
        await pilot.press("g")
        jump = await wait_for_screen(pilot, JumpScreen)
        await pilot.pause()
        steps = jump.query_one(OptionList)
        dialog = jump.query_one("#jump-dialog")
        at = steps.highlighted
        assert at is not None and steps.get_option_at_index(at).id == current
        shown_from = steps.region.y - int(steps.scroll_y)  # each option one line: its row is its index
        row = shown_from + at
        assert steps.region.y <= row < steps.region.bottom and steps.region.bottom <= dialog.region.bottom - 1, size
        assert steps.virtual_size.height == steps.option_count  # not one option on two lines


async def test_over_time_on_the_wall_says_so_without_the_facilitators_key_and_keeps_the_step_counter(
    workshop_id: str, make_app, clock: FixedClock
) -> None:
    """A tester at 80×24 saw "over time — + adds 2 minutes" projected to the room, cutting the step counter to
    "step 1 of 8 · The …": the + key is the facilitator's, said on the console; the wall says it is over time."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_console(pilot)
        await pilot.press("t")
        clock.advance(60 * 60)
        screen.tick()
        await pilot.press("f5")
        wall = await wait_for_screen(pilot, PresenterScreen)
        wall.tick()
        await pilot.pause()
        timer = text_of(wall.query_one("#slide-timer", Static))
        assert timer.startswith("over time") and "adds" not in timer and "press" not in timer, timer
        counter = wall.query_one("#slide-counter", Static)
        assert counter.size.width >= len(text_of(counter)), text_of(counter)  # drawn whole beside the timer


async def test_a_workshop_reopened_months_after_its_clock_was_left_running_stops_it_and_says_so(
    workshop_id: str, make_app, store: Store, clock: FixedClock
) -> None:
    """A CCO came back six months later to reread the notes: the step timer read months and the day "4320 h 45
    behind", the console having been closed with the clock running."""
    from bootcamp.store.model import StepTimer, WorkshopState
    from bootcamp.ui.widgets.day_clock import DayClockPanel as Panel

    started = clock.now()
    clock.advance(20 * 60)  # last saved twenty minutes in (the store stamps its time)
    store.open(workshop_id).save_state(
        WorkshopState(
            step_key=WELCOME, timers={WELCOME: StepTimer(elapsed=0.0, running_since=started)}, day_started_at=started
        )
    )
    clock.advance(180 * 24 * 3600)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_console(pilot)
        await pilot.pause()
        assert not screen.flow.running
        assert screen.flow.elapsed() == 20 * 60  # stopped where the console last saved
        assert any("left running" in n.message for n in app._notifications)
        day = " ".join(str(s.render()) for s in screen.query_one(Panel).query(Static))
        assert "over" in day and "behind" in day and "4320" not in day, day
    stored_state = store.open(workshop_id).state()
    assert all(timer.running_since is None for timer in stored_state.timers.values())


async def test_stepping_back_through_steps_that_ran_over_raises_no_toast_for_each(
    workshop_id: str, make_app, clock: FixedClock
) -> None:
    """Stepping back through the demo with the timer running stacked one "Over time" toast per step passed: each
    had run over before, so each was over on arrival. The toast says a step ran out while it was shown; a step
    arrived at already over says so on its timer, and a toast goes when its step is left."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        over_time_toasts = lambda: [n for n in app._notifications if n.message == OVER_TIME.capitalize()]  # noqa: E731
        await pilot.press("t")
        clock.advance(6 * 60)  # the welcome runs over (5 min) …
        await pilot.press("right")  # … and is left before the next second's tick
        await wait_until(pilot, lambda: screen.flow.current.key == RATE, "the second step")
        screen.tick()
        clock.advance(60 * 60)  # the rating runs over while shown: said
        screen.tick()
        await pilot.pause()
        assert len(over_time_toasts()) == 1

        await pilot.press("left")  # back to the welcome, over since before: its timer says so, no toast of its own
        await wait_until(pilot, lambda: screen.flow.current.key == WELCOME, "the first step")
        screen.tick()
        await pilot.pause()
        assert screen.query_one(StepTimerPanel).has_class("-over")
        assert over_time_toasts() == []  # the rating's went when it was left

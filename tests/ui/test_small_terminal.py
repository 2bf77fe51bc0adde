"""The console on a small terminal: the side column folds into a strip with the notes behind f3, and
below the minimum size one line says which size the app needs, until the terminal grows again."""

from __future__ import annotations

from room_helpers import console_at, open_console
from textual.widgets import Static
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.screens.too_small import TooSmallScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.agenda import Agenda
from bootcamp.ui.widgets.notes import FacilitatorNotes
from bootcamp.ui.widgets.steps import StepScroll
from bootcamp.ui.widgets.time_strip import TimeStrip


async def test_at_80_columns_the_slide_keeps_70_and_the_notes_wait_behind_f3(
    store: Store, fixture_program: Program, make_app
) -> None:
    info = new_workshop(store, fixture_program)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        console = await open_console(pilot)
        assert console.query_one(StepScroll).size.width >= 70
        strip = console.query_one(TimeStrip)
        assert strip.display and "Timer 5:00" in str(strip.render()) and "f3 notes" in str(strip.render())
        notes = console.query_one(FacilitatorNotes)
        assert not notes.region  # not on screen
        await pilot.press("f3")
        assert notes.region and console.query_one(StepScroll).size.width >= 40
        await pilot.press("f3")
        assert not notes.region

        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert notes.region and not strip.display  # wide again: the side column is back


async def test_on_a_laptop_s_100_columns_the_agenda_makes_way_and_the_question_keeps_its_comments(
    store: Store, fixture_program: Program, make_app
) -> None:
    """At 100 to 119 columns the agenda and the side column left the step 28: the step's title was "…", a
    question wrapped a word a line and its answers lost the Comment column. The agenda (a key away: g) makes
    way; the timer, the day clock and the notes stay in view."""
    info = new_workshop(store, fixture_program)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(100, 30)) as pilot:
        console = await console_at(pilot, "basics/mandate")
        assert console.query_one(StepScroll).size.width >= 50  # as beside the notes at 80 columns
        assert not console.query_one(Agenda).region
        assert console.query_one(FacilitatorNotes).region and not console.query_one(TimeStrip).display
        shown = screen_text(app)
        assert "Who drives agreement?" in shown and "Comment" in shown

        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert console.query_one(Agenda).region  # wide enough for all three again


async def test_below_the_minimum_one_line_says_the_size_needed_and_the_console_comes_back(
    store: Store, fixture_program: Program, make_app
) -> None:
    info = new_workshop(store, fixture_program)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        console = await open_console(pilot)
        await pilot.resize_terminal(50, 15)
        notice = await wait_for_screen(pilot, TooSmallScreen)
        said = str(notice.query_one("#too-small", Static).render())
        assert said == "bootcamp needs at least 60×20; this is 50×15."
        assert "Welcome" not in screen_text(app)

        await pilot.resize_terminal(60, 20)
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.screen is console

"""Home: putting a finished workshop away (e), seeing the archived ones (v), and two-day workshops' dates."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.archive import archive, is_archived
from bootcamp.store.owner_lock import OwnerLock
from bootcamp.ui.screens.archive_confirm import ArchiveConfirmScreen
from bootcamp.ui.screens.home import HomeScreen
from tests.store_fixtures import met_on_two_days


async def open_home(pilot) -> HomeScreen:
    home = await wait_for_screen(pilot, HomeScreen)
    await settle(pilot)
    return home  # type: ignore[return-value]


async def test_e_asks_naming_the_workshop_then_archives_it_and_v_shows_it_again(
    make_app, store: Store, fixture_program: Program
) -> None:
    spring = new_workshop(store, fixture_program, name="Spring")
    new_workshop(store, fixture_program, name="Autumn")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 2, "both listed")
        home.workshop_list.query_one(DataTable).move_cursor(row=[r.info.id for r in home.rows].index(spring.id))
        await pilot.press("e")
        dialog = await wait_for_screen(pilot, ArchiveConfirmScreen)
        assert "Spring" in screen_text(app) and "Northwind Insurance" in screen_text(app)
        await pilot.press("n")  # a stray key archives nothing
        await settle(pilot)
        assert not is_archived(store.workshops_dir / spring.id) and app.screen is home
        await pilot.press("e")
        dialog = await wait_for_screen(pilot, ArchiveConfirmScreen)
        await pilot.press("y")
        await wait_until(pilot, lambda: len(home.rows) == 1, "the archived one gone from the list")
        assert dialog is not app.screen and is_archived(store.workshops_dir / spring.id)
        assert "1 archived" in screen_text(app) and "v shows" in screen_text(app)

        await pilot.press("v")
        await wait_until(pilot, lambda: len(home.rows) == 2, "the archived one shown")
        archived_row = [r.info.id for r in home.rows].index(spring.id)
        assert "archived" in str(home.query_one(DataTable).get_cell_at((archived_row, 3)))
        home.workshop_list.query_one(DataTable).move_cursor(row=archived_row)
        await pilot.press("e")  # on an archived one: bring it back, asked the same way
        await wait_for_screen(pilot, ArchiveConfirmScreen)
        assert "Bring back" in screen_text(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: not is_archived(store.workshops_dir / spring.id), "brought back")
        await settle(pilot)
        assert "archived" not in screen_text(app)


async def test_a_workshop_open_on_another_console_is_not_archived_and_home_says_who_has_it(
    make_app, store: Store, fixture_program: Program
) -> None:
    spring = new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "listed")
        with OwnerLock(store.workshops_dir / spring.id, purpose="the console", clock=store.clock):
            await pilot.press("e")
            await wait_for_screen(pilot, ArchiveConfirmScreen)
            await pilot.press("y")
            await wait_until(pilot, lambda: bool(app._notifications), "the refusal")
        assert not is_archived(store.workshops_dir / spring.id)
        (notice,) = list(app._notifications)
        assert "Spring" in notice.title or "archive" in notice.title.lower()
        assert "the console" in notice.message
        assert len(home.rows) == 1


async def test_home_hides_what_was_archived_elsewhere_and_says_how_many(
    make_app, store: Store, fixture_program: Program
) -> None:
    spring = new_workshop(store, fixture_program, name="Spring")
    new_workshop(store, fixture_program, name="Autumn")
    archive(store, spring.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "one listed")
        assert [r.info.name for r in home.rows] == ["Autumn"]
        assert "1 archived" in screen_text(app)


async def test_a_two_day_workshop_shows_both_dates_in_the_list_and_the_detail(
    make_app, store: Store, fixture_program: Program, utc_calendar: None
) -> None:
    workshop = new_workshop(store, fixture_program, name="Spring")
    met_on_two_days(store, workshop.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "listed")
        assert str(home.query_one(DataTable).get_cell_at((0, 2))) == "2026-09-21–22"
        assert "2026-09-21–22" in str(home.query_one("#workshop-detail", Static).render())


async def test_an_archived_row_says_so_and_where_it_stopped_in_full(make_app, store: Store, fixture_program: Program) -> None:
    spring = new_workshop(store, fixture_program, name="Spring")
    archive(store, spring.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: len(home.rows) == 1, "the archived one shown")
        assert str(home.query_one(DataTable).get_cell_at((0, 3))) == "archived · not started"


async def test_f4_opens_the_summary_on_home_as_on_the_console(make_app, store: Store, fixture_program: Program) -> None:
    """s is Summary on home but Skip on the console, whose Summary is F4: F4 now means Summary on both."""
    from bootcamp.ui.screens.summary import SummaryScreen

    new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "listed")
        await pilot.press("f4")
        await wait_for_screen(pilot, SummaryScreen)


async def test_opening_an_archived_workshop_says_it_is_archived_and_leaves_it_so(
    make_app, store: Store, fixture_program: Program
) -> None:
    """Before: Enter on an archived row (v) opened last year's run like any other, nothing said, so a facilitator
    who chose the wrong one of two runs of the same name on the day ran the room into the finished workshop."""
    from bootcamp.ui.screens.workshop import WorkshopScreen

    spring = new_workshop(store, fixture_program, name="Spring")
    archive(store, spring.id)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        home = await open_home(pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: len(home.rows) == 1, "the archived one shown")
        await pilot.press("enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await wait_until(pilot, lambda: any("archived" in n.message for n in app._notifications), "said archived")
        (said,) = [n for n in app._notifications if "archived" in n.message]
        assert "Spring" in said.message and spring.date in said.message
        assert said.severity == "warning"
        assert is_archived(store.workshops_dir / spring.id)  # opened, not brought back


async def test_a_workshop_not_archived_opens_without_a_word_about_it(
    make_app, store: Store, fixture_program: Program
) -> None:
    from bootcamp.ui.screens.workshop import WorkshopScreen

    new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "listed")
        await pilot.press("enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        assert not any("archived" in n.message for n in app._notifications)


async def test_the_run_again_form_dates_a_two_day_run_as_the_list_does(
    make_app, store: Store, fixture_program: Program, utc_calendar: None
) -> None:
    """Before: the form's header said "like the run of 2026-09-21" of a run home dates "2026-09-21–22"."""
    from bootcamp.ui.screens.new_workshop import NewWorkshopScreen

    workshop = new_workshop(store, fixture_program, name="Spring")
    met_on_two_days(store, workshop.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1 and app.content is not None, "listed, content read")
        await pilot.press("a")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        assert "like the run of 2026-09-21–22" in str(form.query_one("#dialog-title", Static).render())


async def until_shown(pilot, done, what: str, seconds: float = 5.0) -> None:
    """Turn the event loop, in steps of a twentieth of a second (home looks at the folder on a timer), until done."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def test_home_notices_a_workshop_archived_brought_back_or_made_in_another_terminal(
    make_app, store: Store, fixture_program: Program, monkeypatch
) -> None:
    """Before: `bootcamp archive NAME [--undo]` or `bootcamp new` in another terminal left home's list and its
    "N archived" as they were until r; now home looks at the folder every few seconds, keeping its highlighted row."""
    from bootcamp.store.archive import unarchive
    from bootcamp.ui.screens import home as home_module

    monkeypatch.setattr(home_module, "LOOK_EVERY", 0.1)
    spring = new_workshop(store, fixture_program, name="Spring")
    autumn = new_workshop(store, fixture_program, name="Autumn")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 2, "both listed")
        table = home.workshop_list.query_one(DataTable)
        table.move_cursor(row=[r.info.id for r in home.rows].index(autumn.id))
        await pilot.pause()
        archive(store, spring.id, purpose="bootcamp archive")
        await until_shown(pilot, lambda: [r.info.id for r in home.rows] == [autumn.id], "the archived one gone")
        assert "1 archived" in screen_text(app) and home.workshop_list.selected.info.id == autumn.id
        unarchive(store, spring.id)
        await until_shown(pilot, lambda: len(home.rows) == 2, "the one brought back")
        assert "archived" not in screen_text(app) and home.workshop_list.selected.info.id == autumn.id
        new_workshop(store, fixture_program, name="Winter")
        await until_shown(pilot, lambda: len(home.rows) == 3, "the new one")
        assert home.workshop_list.selected.info.id == autumn.id and app.screen is home


async def test_an_open_dialog_stays_while_the_folder_changes_and_the_list_catches_up_behind_it(
    make_app, store: Store, fixture_program: Program, monkeypatch
) -> None:
    from bootcamp.ui.screens import home as home_module

    monkeypatch.setattr(home_module, "LOOK_EVERY", 0.1)
    spring = new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "listed")
        await pilot.press("e")
        dialog = await wait_for_screen(pilot, ArchiveConfirmScreen)
        new_workshop(store, fixture_program, name="Autumn")
        await pilot.pause(0.5)  # five looks' worth
        assert app.screen is dialog
        await pilot.press("n")
        await until_shown(pilot, lambda: len(home.rows) == 2, "the new one, once the dialog closed")
        assert not is_archived(store.workshops_dir / spring.id)


async def test_home_looks_again_when_the_terminal_regains_focus(
    make_app, store: Store, fixture_program: Program, monkeypatch
) -> None:
    from textual import events

    from bootcamp.ui.screens import home as home_module

    monkeypatch.setattr(home_module, "LOOK_EVERY", 3600.0)  # only the focus makes it look
    new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "listed")
        app.post_message(events.AppBlur())
        await pilot.pause()
        new_workshop(store, fixture_program, name="Autumn")
        app.post_message(events.AppFocus())
        await until_shown(pilot, lambda: len(home.rows) == 2, "the new one, on focus")


@pytest.mark.parametrize("when", ["read", "unreadable"])
async def test_the_summary_of_an_archived_workshop_says_archived_as_its_exported_summary_does(
    make_app, store: Store, fixture_program: Program, when: str
) -> None:
    # Its page said "saved answers" as for any workshop; `bootcamp summary` said "Archived on DATE" (and "Archived"
    # when the archive's time could not be read, where the page still said only "saved answers").
    from bootcamp.store.archive import ARCHIVED_FILE
    from bootcamp.ui.screens.summary import SummaryScreen

    spring = new_workshop(store, fixture_program, name="Spring")
    archive(store, spring.id)
    if when == "unreadable":
        (store.open(spring.id).path / ARCHIVED_FILE).write_text("{not json")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: len(home.rows) == 1, "the archived one shown")
        await pilot.press("f4")
        summary = await wait_for_screen(pilot, SummaryScreen)
        await wait_until(pilot, lambda: summary.report is not None, "read")
        source = str(summary.query_one("#summary-source", Static).render())
        assert source.startswith("archived ") and "saved answers" in source

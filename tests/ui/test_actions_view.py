"""The actions view: every open action across workshops, overdue first; marked done or dropped as a short-lived
owner (refused while a console holds the workshop); and nothing of another client while the room watches."""

from __future__ import annotations

import pytest
from test_progress_page import earlier_run
from textual.widgets import DataTable, TabbedContent
from ui_helpers import ROOM, new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus, RoomRecords
from bootcamp.store.owner_lock import OwnerLock
from bootcamp.store.projector_lock import ProjectorLock
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.commands import screen_actions
from bootcamp.ui.screens.actions import ActionsScreen, workshop_cell
from bootcamp.ui.screens.closed_on import ClosedOnScreen
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.summary import PROGRESS, SummaryScreen
from bootcamp.ui.screens.wall_confirm import WallConfirmScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.wall import wall_organisation

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def home_is_tmp(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Home names the data folder: as ``~/data`` here, the same in every run (as in test_snapshots.py)."""
    monkeypatch.setenv("HOME", str(tmp_path))


def with_actions(store: Store, program: Program, organisation: str, day: str, *actions: Action) -> str:
    info = store.create_workshop(
        name=f"{organisation} boot camp", organisation=organisation, date=day, participants=list(ROOM), sources=program.sources
    )
    store.open(info.id).update_room(lambda room: RoomRecords(actions=actions))
    return info.id


@pytest.fixture
def two_clients(store: Store, fixture_program: Program) -> tuple[str, str]:
    """Northwind's workshop (today, 2026-09-21, on the fixed clock) and Globex's in August, each with actions."""
    northwind = with_actions(
        store,
        fixture_program,
        "Northwind Insurance",
        "2026-09-21",
        Action("n1", "Write the customer charter", owner="Ana Ortiz"),
        Action("n2", "Name the accountable leader", owner="Ben Okafor", due="2026-10-15"),
        Action("n3", "Book the CEO for the kick-off", owner="Ana Ortiz", due="2026-09-14", status=ActionStatus.DOING),
        Action("n4", "Already done", due="2026-09-01", status=ActionStatus.DONE),
    )
    globex = with_actions(
        store,
        fixture_program,
        "Globex",
        "2026-08-03",
        Action("g1", "Map the renewal journey", owner="Chloe Martin", due="2026-08-31"),
        Action("g2", "Dropped long ago", status=ActionStatus.DROPPED),
    )
    return northwind, globex


async def open_actions_view(pilot) -> ActionsScreen:
    home = await wait_for_screen(pilot, HomeScreen)
    await settle(pilot)
    offered = {action.title: action.keys for action in screen_actions(home)}
    assert offered["The open actions of every workshop, overdue first: mark them done or dropped"] == ("f",)
    await pilot.press("f")
    screen = await wait_for_screen(pilot, ActionsScreen)
    await wait_until(pilot, lambda: screen._read, "the actions read")
    await settle(pilot)
    return screen  # type: ignore[return-value]


def said(dialog: ClosedOnScreen) -> str:
    return str(dialog.query_one("#closed-said").render())


def whats(screen: ActionsScreen) -> list[str]:
    return [item.action.what for item in screen.shown]


async def test_every_open_action_overdue_first_then_by_due_date_undated_last(two_clients, make_app) -> None:
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        assert whats(screen) == [
            "Map the renewal journey",  # due 2026-08-31: overdue
            "Book the CEO for the kick-off",  # due 2026-09-14: overdue
            "Name the accountable leader",  # due 2026-10-15
            "Write the customer charter",  # no date
        ]
        table = screen.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)] == [
            "!2026-08-31",
            "Map the renewal journey",
            "Chloe Martin",
            "open",
            "Globex boot camp · 2026-08-03",
        ]
        assert table.get_cell_at((0, 0)).style == "bold red" and table.get_cell_at((2, 0)).style == ""
        text = screen_text(app)
        assert "4 open actions of every organisation · 2 overdue (! due before 2026-09-21)" in text
        assert "Already done" not in text and "Dropped long ago" not in text

        await pilot.press("o")  # only the highlighted action's organisation
        await settle(pilot)
        assert whats(screen) == ["Map the renewal journey"] and "1 open action of Globex" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        assert len(whats(screen)) == 4


async def test_an_overdue_date_is_marked_with_a_glyph_not_by_its_red_alone(two_clients, make_app) -> None:
    # Only red told an overdue date from the others: on the highlighted row the red was gone, printed in grey or to a
    # red-green colourblind eye it was a dimmer date, and under NO_COLOR nothing.
    app: BootcampApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_actions_view(pilot)
        table = screen.query_one(DataTable)
        dues = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert dues == ["!2026-08-31", "!2026-09-14", " 2026-10-15", " no date"]  # the dates stay in line
        assert "2 overdue (! due before 2026-09-21)" in screen_text(app)


async def test_with_no_open_action_anywhere_the_view_says_so_in_plain_words(
    store: Store, fixture_program: Program, make_app
) -> None:
    """A new library (workshops, no actions agreed yet): the heading read "No open actions of every organisation"."""
    new_workshop(store, fixture_program, name="Spring")
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        assert whats(screen) == []
        text = screen_text(app)
        assert "No open actions in any workshop" in text and "of every organisation" not in text


async def test_marking_done_stores_the_day_through_the_owner_lock(
    two_clients, make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    northwind, _ = two_clients
    purposes: list[str] = []
    owned = Store.owned

    def spy(self: Store, workshop_id: str, **kwargs):
        purposes.append(kwargs["purpose"])
        return owned(self, workshop_id, **kwargs)

    monkeypatch.setattr(Store, "owned", spy)
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        await pilot.press("down", "d")  # "Book the CEO for the kick-off", Northwind's
        await wait_until(pilot, lambda: "Book the CEO for the kick-off" not in whats(screen), "the list read again")
        await settle(pilot)
        assert "Marked done on 2026-09-21, 7 days late: Book the CEO for the kick-off" in screen_text(app)
    stored = {action.id: action for action in store.open(northwind).room().actions}
    assert stored["n3"].status is ActionStatus.DONE and stored["n3"].status_at == "2026-09-21"
    assert stored["n3"].what == "Book the CEO for the kick-off" and stored["n3"].owner == "Ana Ortiz"
    assert stored["n1"].status is ActionStatus.OPEN and stored["n1"].status_at == ""
    assert purposes == ["bootcamp actions view"]


async def test_an_action_is_marked_done_on_the_day_it_was_done_not_the_day_of_catching_up(
    two_clients, make_app, store: Store
) -> None:
    """A CCO catching up weeks later gives the real day (D): shown under the field before Enter keeps it; a day
    still to come or one before the workshop is refused there, and Esc marks nothing."""
    _, globex = two_clients
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        assert whats(screen)[0] == "Map the renewal journey"  # Globex's, agreed on 2026-08-03
        await pilot.press("D")
        dialog = await wait_for_screen(pilot, ClosedOnScreen)
        assert said(dialog) == "→ Monday 21 September 2026  (2026-09-21)"  # nothing typed: today
        await pilot.press(*"2026-08-01", "enter")
        await settle(pilot)
        assert app.screen is dialog
        assert said(dialog) == "2026-08-01 is before the workshop that agreed the action (2026-08-03)."
        await pilot.press(*["backspace"] * 10, *"2026-09-22", "enter")
        await settle(pilot)
        assert app.screen is dialog and said(dialog) == "2026-09-22 has not come yet (today is 2026-09-21)."
        await pilot.press(*["backspace"] * 10, *"last friday")
        await settle(pilot)
        assert said(dialog) == "→ Friday 18 September 2026  (2026-09-18)"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Map the renewal journey" not in whats(screen), "the list read again")
        await settle(pilot)
        assert "Marked done on 2026-09-18, 18 days late: Map the renewal journey" in screen_text(app)  # due 08-31

        await pilot.press("X", *"yesterday", "escape")  # cancelled: nothing marked
        await wait_for_screen(pilot, ActionsScreen)
        await settle(pilot)
        assert "Book the CEO for the kick-off" in whats(screen)
    stored = {action.id: action for action in store.open(globex).room().actions}
    assert stored["g1"].status is ActionStatus.DONE and stored["g1"].status_at == "2026-09-18"


async def test_marking_is_refused_in_one_sentence_while_a_console_holds_the_workshop(
    two_clients, make_app, store: Store
) -> None:
    northwind, _ = two_clients
    room_file = store.open(northwind).path / "room.json"
    before = room_file.read_bytes()
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        with OwnerLock(room_file.parent, purpose="bootcamp console", clock=store.clock):
            await pilot.press("down", "x")
            await wait_until(pilot, lambda: "Not marked" in screen_text(app), "the refusal")
        said = str(screen.query_one("#actions-said").render())
        assert said.startswith("Not marked: ") and northwind in said and said.count(". ") == 0 and "\n" not in said
        assert "Book the CEO for the kick-off" in whats(screen)
    assert room_file.read_bytes() == before


async def test_with_a_projector_window_following_only_its_organisation_shows_until_confirmed(
    two_clients, make_app, store: Store
) -> None:
    northwind, globex = two_clients
    app: BootcampApp = make_app(open_workshop=northwind)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        with ProjectorLock(store.open(northwind).path):
            await pilot.press("ctrl+w")
            await wait_for_screen(pilot, LeaveConfirmScreen)
            await pilot.press("y")
            home = await wait_for_screen(pilot, HomeScreen)
            await wait_until(pilot, lambda: home.rows and home.workshop_list.wall is not None, "home listed")
            await settle(pilot)
            assert wall_organisation(app) == "Northwind Insurance"
            assert [row.info.id for row in home.rows] == [northwind]
            text = screen_text(app)
            assert "Globex" not in text
            assert "Only Northwind Insurance: the room is watching.  o  shows every organisation." in text

            await pilot.press("f")
            screen = await wait_for_screen(pilot, ActionsScreen)
            await wait_until(pilot, lambda: screen._read, "the actions read")
            await settle(pilot)
            assert "Map the renewal journey" not in whats(screen) and len(whats(screen)) == 3
            assert "Globex" not in screen_text(app) and "3 open actions of Northwind Insurance" in screen_text(app)

            await pilot.press("o")
            await wait_for_screen(pilot, WallConfirmScreen)
            await pilot.press("escape")  # kept: still only Northwind
            await wait_for_screen(pilot, ActionsScreen)
            assert len(whats(screen)) == 3 and wall_organisation(app) == "Northwind Insurance"
            await pilot.press("o")
            await wait_for_screen(pilot, WallConfirmScreen)
            await pilot.press("y")
            await wait_for_screen(pilot, ActionsScreen)
            await settle(pilot)
            assert len(whats(screen)) == 4 and "Globex" in screen_text(app)

            await pilot.press("escape")
            await wait_for_screen(pilot, HomeScreen)
            await wait_until(pilot, lambda: len(home.rows) == 2, "every organisation on home")
            assert {row.info.id for row in home.rows} == {northwind, globex}
        # The projector window closed: the wall is free, and the lift ends with it.
        assert wall_organisation(app) is None


async def test_a_projector_window_left_on_an_earlier_workshop_still_keeps_the_wall(two_clients, make_app, store: Store) -> None:
    northwind, globex = two_clients
    app: BootcampApp = make_app(open_workshop=northwind)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        with ProjectorLock(store.open(northwind).path):
            await pilot.press("ctrl+w")
            await wait_for_screen(pilot, LeaveConfirmScreen)
            await pilot.press("y")
            home = await wait_for_screen(pilot, HomeScreen)
            await wait_until(pilot, lambda: home.rows and home.workshop_list.wall is not None, "home listed")
            await wait_until(pilot, lambda: not app.workshop_closing, "Northwind's saves finished")
            home.open_workshop(globex)  # the facilitator opens another client's workshop, the window still on Northwind
            await wait_for_screen(pilot, WorkshopScreen)
            assert app.workshop is not None and app.workshop.info.id == globex
            await pilot.press("ctrl+w")
            await wait_for_screen(pilot, HomeScreen)
            await settle(pilot)
            await wait_until(pilot, lambda: home.rows and not home.workshop_list.still_reading, "home listed again")
            assert wall_organisation(app) == "Northwind Insurance"
            assert [row.info.id for row in home.rows] == [northwind]


async def test_home_asks_before_showing_every_organisation(two_clients, make_app, store: Store) -> None:
    northwind, globex = two_clients
    app: BootcampApp = make_app(open_workshop=northwind)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        with ProjectorLock(store.open(northwind).path):
            await pilot.press("ctrl+w")
            await wait_for_screen(pilot, LeaveConfirmScreen)
            await pilot.press("y")
            home = await wait_for_screen(pilot, HomeScreen)
            await wait_until(pilot, lambda: home.workshop_list.wall is not None and home.rows, "home listed")
            await pilot.press("o")
            await wait_for_screen(pilot, WallConfirmScreen)
            assert "Show every organisation's workshops on the wall?" in screen_text(app)
            await pilot.press("y")
            await wait_for_screen(pilot, HomeScreen)
            await wait_until(pilot, lambda: len(home.rows) == 2, "every organisation")
            assert "Only Northwind" not in screen_text(app)


async def test_an_action_marked_done_here_is_done_on_the_next_runs_progress_page(
    store: Store, fixture_program: Program, make_app
) -> None:
    new_workshop(store, fixture_program)  # the next run, today
    earlier_run(store, fixture_program.sources)  # "Name the accountable leader" still open, overdue
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        assert whats(screen) == ["Name the accountable leader"]
        await pilot.press("d")
        await wait_until(pilot, lambda: not whats(screen) and screen._read, "marked and read again")
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("s")  # the newest workshop: the next run
        summary = await wait_for_screen(pilot, SummaryScreen)
        await wait_until(pilot, lambda: PROGRESS in summary._pages(), "the Progress page")
        summary.query_one(TabbedContent).active = PROGRESS  # its page number moves as pages are added
        await settle(pilot)
        text = screen_text(app)
        assert "2 actions from the earlier run: 2 done (1 of them late)." in text and "overdue" not in text


async def test_while_presenting_the_wall_is_the_open_workshops_organisation(two_clients, make_app) -> None:
    northwind, _ = two_clients
    app: BootcampApp = make_app(open_workshop=northwind)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert wall_organisation(app) is None  # the console alone: nobody watches
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        assert wall_organisation(app) == "Northwind Insurance"
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        assert wall_organisation(app) is None


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_the_wall_confirm_over_home(size, two_clients, make_app, store: Store, snap_compare, home_is_tmp) -> None:
    northwind, _ = two_clients
    lock = ProjectorLock(store.open(northwind).path)

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        lock.acquire()
        await pilot.press("ctrl+w")
        await wait_for_screen(pilot, LeaveConfirmScreen)
        await pilot.press("y")
        home = await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: home.workshop_list.wall is not None and home.rows, "home listed")
        await pilot.press("o")
        await wait_for_screen(pilot, WallConfirmScreen)
        await settle(pilot)

    try:
        assert snap_compare(make_app(open_workshop=northwind), terminal_size=size, run_before=ready)
    finally:
        lock.release()


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_the_actions_view(size, two_clients, make_app, snap_compare, home_is_tmp) -> None:
    async def ready(pilot) -> None:
        await open_actions_view(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=ready)


def test_a_long_workshop_name_is_shortened_but_its_date_is_kept() -> None:
    """Two runs of "Northwind CCO boot camp, autumn" were two identical cut rows: the date tells them apart."""
    name = "Northwind CCO boot camp, autumn — run 2"
    assert workshop_cell(name, "2026-12-01", 30) == "Northwind CCO bo… · 2026-12-01"
    assert len(workshop_cell(name, "2026-12-01", 30)) == 30
    assert workshop_cell("Short", "2026-12-01", 30) == "Short · 2026-12-01"
    assert len(workshop_cell(name, "2026-12-01", 12)) <= 12  # narrower than the date: cut as one text


def test_snapshot_the_day_an_action_was_done_asked(two_clients, make_app, snap_compare, home_is_tmp) -> None:
    async def ready(pilot) -> None:
        await open_actions_view(pilot)
        await pilot.press("D", *"last friday")
        await wait_for_screen(pilot, ClosedOnScreen)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize(
    ("what", "each"), [("Action {k} of a long list of things to chase", 5), ("Action {k}: fund a two-person customer insight team for next year and report on it", 40)]
)
@pytest.mark.parametrize("size", SIZES)
async def test_more_actions_than_the_screen_leave_the_detail_on_screen_and_every_date_whole(
    size, what, each, store: Store, fixture_program: Program, make_app
) -> None:
    """Two years of workshops (250 open actions) made the table as tall as the screen: the detail under it, which
    names the organisation and the keys, went below the bottom, and the screen's own scrollbar took two columns from
    the table, which cut the workshop's date ('Customer… · 2024-12-1'). With three years of them (480), the table was
    as wide as its columns, its own scrollbar took two of them and the date was cut again."""
    for n in range(12):
        with_actions(
            store, fixture_program, f"Client {n:02d}", f"2025-{n % 12 + 1:02d}-1{n % 10}",
            *(Action(f"a{n}x{k}", what.format(k=k), owner="Ana Ortiz", due="2025-12-01") for k in range(each)),
        )
    async with make_app().run_test(size=size) as pilot:
        screen = await open_actions_view(pilot)
        detail = screen.query_one("#actions-detail")
        assert screen.region.contains_region(detail.region) and detail.region.height >= 4, size
        assert not screen.scrollbars_enabled[0], size  # the screen itself does not scroll
        table = screen.query_one(DataTable)
        assert table.region.bottom <= detail.region.y
        assert table.max_scroll_x == 0, size  # every column in view, the dates whole
        # the table takes the screen's width, as the columns were reckoned for: as wide as its columns, its own
        # scrollbar took two of them
        assert table.region.width == detail.region.width, size
        dates = {f"2025-{n % 12 + 1:02d}-1{n % 10}" for n in range(12)}
        assert all(str(table.get_cell_at((row, 4)))[-10:] in dates for row in range(table.row_count)), size


async def test_every_organisations_actions_name_the_organisation_when_the_workshop_name_does_not(
    store: Store, fixture_program: Program, make_app
) -> None:
    """Two years of runs named "Customer leadership boot camp — run 2" for fifteen clients looked the same: the
    organisation was only in the detail under the table."""
    for organisation in ("Northwind Insurance", "Globex"):
        info = store.create_workshop(
            name="Customer leadership boot camp — run 2", organisation=organisation, date="2026-08-03",
            participants=list(ROOM), sources=fixture_program.sources,
        )  # fmt: skip
        store.open(info.id).update_room(lambda room, who=organisation: RoomRecords(actions=(Action("a1", f"Act for {who}"),)))
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions_view(pilot)
        table = screen.query_one(DataTable)
        cells = {str(table.get_row_at(row)[1]): str(table.get_row_at(row)[4]) for row in range(table.row_count)}
        assert cells["Act for Globex"].startswith("Globex · Customer"), cells
        assert cells["Act for Northwind Insurance"].startswith("Northwind Insurance · "), cells
        assert all(cell.endswith("2026-08-03") for cell in cells.values())
        await pilot.press("o")  # one organisation: its name is said above the table, not on every row
        await settle(pilot)
        assert str(table.get_row_at(0)[4]).startswith("Customer leadership"), table.get_row_at(0)

"""Home: the empty state, the workshop list, the new-workshop form, the demo and broken content."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, TextArea
from ui_helpers import FIXTURE_CONTENT, SHIPPED_CONTENT, new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.commands import validate
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.screens.content_errors import ContentErrorsScreen
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.new_workshop import NewWorkshopScreen, check_form
from bootcamp.ui.screens.workshop import WorkshopScreen


async def open_home(pilot) -> HomeScreen:
    home = await wait_for_screen(pilot, HomeScreen)
    await settle(pilot)
    return home  # type: ignore[return-value]


async def test_an_empty_data_folder_says_what_to_press(make_app, data_dir: Path) -> None:
    data_dir.mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await open_home(pilot)
        assert home.workshop_list.has_class("-empty")
        text = screen_text(app)
        assert "No workshops yet." in text
        empty = str(home.query_one("#empty", Static).content)  # the path is wider than the screen: unwrapped
        assert f"in {data_dir} (given with --data-dir)" in empty  # which folder is empty
        assert "Press  n  to prepare a new workshop" in text and " d  to open a demo" in text
        assert "Fixture boot camp" in text  # the content loaded in its worker


async def test_a_missing_data_folder_is_said_to_be_missing_not_shown_as_an_empty_library(
    tmp_path: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forgotten or mistyped $BOOTCAMP_DATA_DIR: home says the folder is not there, its path and how it
    was chosen, never "No workshops yet" (which reads as if the workshops were lost)."""
    from bootcamp.locations import find_data_dir
    from bootcamp.ui.app import create_app

    typo = tmp_path / "dta"
    monkeypatch.setenv("BOOTCAMP_DATA_DIR", str(typo))
    chosen = find_data_dir(None)
    app = create_app(data_dir=chosen.path, content_dir=FIXTURE_CONTENT, clock=clock, data_origin=chosen.origin)
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: home.workshop_list.missing is not None, "the listing")
        assert home.workshop_list.has_class("-empty")
        text = screen_text(app)
        assert "No workshops yet" not in text and "The data folder" in text  # the rest may wrap: read below
        empty = str(home.query_one("#empty", Static).content)  # the path is wider than the screen: unwrapped
        # A first run in a new folder reads right too: n creates it, and the sentence says so (not only "check").
        assert empty.startswith(f"The data folder {typo} does not exist yet (set by $BOOTCAMP_DATA_DIR).")
        assert "Check the path, or press  n  to create the first workshop there" in empty
        assert "prepare a new workshop" not in empty  # n is offered once
        assert not typo.exists()  # looking made nothing


async def test_the_user_data_folder_before_the_first_workshop_is_not_a_path_to_check(tmp_path: Path, clock) -> None:
    """A first start on a new machine: the user data folder is not there yet, and nobody typed a path, so home
    says there are no workshops yet and what to press, not "Check the path"."""
    from bootcamp.ui.app import create_app

    never_used = tmp_path / "share" / "bootcamp"
    app = create_app(data_dir=never_used, content_dir=FIXTURE_CONTENT, clock=clock, data_origin="default")
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: home.workshop_list.has_class("-empty"), "the listing")
        empty = str(home.query_one("#empty", Static).content)
        assert empty.startswith(f"No workshops yet in {never_used} (your user data folder).")
        assert "Check the path" not in empty
        assert "Press  n  to prepare a new workshop" in empty
        assert not never_used.exists()  # looking made nothing


async def test_a_data_folder_that_is_a_file_is_said_so_and_n_is_not_offered_to_create_it(
    tmp_path: Path, clock
) -> None:
    from bootcamp.ui.app import create_app

    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("not a folder")
    app = create_app(data_dir=not_a_folder, content_dir=FIXTURE_CONTENT, clock=clock, data_origin="flag")
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: home.workshop_list.missing is not None, "the listing")
        empty = str(home.query_one("#empty", Static).content)
        assert empty.startswith(f"The data folder {not_a_folder} is not a folder (given with --data-dir): check the path.")
        assert "create the first workshop there" not in empty


async def test_home_lists_from_the_library_index_and_shows_a_console_s_changes_on_reload(
    make_app, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    """Home reads the library index (built on the first listing, rebuilt when deleted); a workshop that a
    console moved on since shows where it stopped now, on the next listing."""
    import dataclasses

    from bootcamp.library.index_file import index_path

    info = new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "the workshop listed")
        assert home.rows[0].stopped_at == "not started"
        assert index_path(data_dir).exists()
        index_path(data_dir).unlink()  # a cache: deleting it loses nothing
        files = store.open(info.id)  # another process, a console, moves the room on
        files.update_state(lambda state: dataclasses.replace(state, done=("basics/welcome",), step_key="basics/rate-aptitudes"))
        await pilot.press("r")
        await wait_until(pilot, lambda: home.rows[0].stopped_at != "not started", "the new position")
        assert home.rows[0].stopped_at == "Rate the aptitudes (2/8)"
        assert "Rate the aptitudes (2/8)" in screen_text(app)
        assert index_path(data_dir).exists()


async def test_a_first_start_without_the_index_lists_the_names_first_then_builds_it(
    make_app, store: Store, fixture_program: Program, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp.library.index_file import index_path
    from bootcamp.ui.widgets.workshop_list import STILL_READING, WorkshopList

    new_workshop(store, fixture_program, name="Spring")
    shown: list[list[str]] = []
    original = WorkshopList.show

    def show(self, rows, problems, **kwargs):  # what each listing put on screen
        shown.append([row.stopped_at for row in rows])
        original(self, rows, problems, **kwargs)

    monkeypatch.setattr(WorkshopList, "show", show)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: bool(home.rows) and home.rows[0].stopped_at == "not started", "where it stopped")
        assert shown == [[STILL_READING], ["not started"]]
        assert index_path(data_dir).exists()
    shown.clear()
    async with make_app().run_test(size=(120, 40)) as pilot:  # the next start: from the index, at once
        home = await open_home(pilot)
        await wait_until(pilot, lambda: bool(home.rows), "the list")
        assert shown == [["not started"]]


async def test_the_list_is_titled_with_the_data_folder(
    make_app, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    new_workshop(store, fixture_program, name="Spring")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: len(home.rows) == 1, "the workshop listed")
        assert str(home.query_one(DataTable).border_title) == f"in {data_dir} (given with --data-dir)"


async def test_the_list_shows_each_workshop_plainly(make_app, store: Store, fixture_program: Program) -> None:
    new_workshop(store, fixture_program, name="[b red]Spring[/] \x1b[31m!")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        table = home.query_one(DataTable)
        assert table.row_count == 1
        name = str(table.get_cell_at((0, 0)))
        assert name == "[b red]Spring[/] ␛[31m!"  # markup and escapes shown as typed, never applied
        assert [str(cell) for cell in table.get_row_at(0)[1:]] == ["Northwind Insurance", "2026-09-21", "not started", "run 1"]
        detail = str(home.query_one("#workshop-detail", Static).render())
        assert detail.startswith(
            "[b red]Spring[/] ␛[31m!\nNorthwind Insurance · 2026-09-21 · full day · 3 participants\n"
        )
        assert "Ana Ortiz (CEO), Ben Okafor (Sales), Chloe Martin (Service)" in detail


async def test_new_workshop_form_checks_fields_inline_then_creates_and_opens(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_home(pilot)
        await pilot.press("n")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        assert form.query_one("#date", Input).value == "2026-09-21"  # today, on the fixed clock

        form.query_one("#date", Input).value = "2026-02-30"
        form.query_one("#participants", TextArea).text = "Ana Ortiz (CEO)\nana ortiz"
        await pilot.press("ctrl+s")
        assert app.screen is form  # not created: the problems are shown where they are
        problems = {
            field: str(form.query_one(f"#{field}-problem", Static).render())
            for field in ("name", "organisation", "date", "participants")
        }
        assert problems == {
            "name": "a workshop name is needed",
            "organisation": "an organisation is needed",
            "date": "the date '2026-02-30' is not a real date (YYYY-MM-DD)",
            "participants": "'Ana Ortiz' is listed twice; add an initial or a role to tell them apart; Create again to keep it",
        }
        assert app.focused is form.query_one("#name", Input)

        await pilot.press(*"Spring camp")
        form.query_one("#organisation", Input).value = "Northwind"
        form.query_one("#date", Input).value = "2026-10-01"
        form.query_one("#participants", TextArea).text = "Ana Ortiz (CEO), Ben Okafor\nChloe\nchloe"
        await pilot.click("#create")
        await settle(pilot)
        assert app.screen is form  # the name twice is said once, under its field; a second Create keeps it
        warning = form.query_one("#participants-problem", Static)
        assert warning.has_class("-warning") and "'Chloe' is listed twice" in str(warning.render())
        await pilot.click("#create")
        screen = await wait_for_screen(pilot, WorkshopScreen)
        assert screen.workshop.info.name == "Spring camp"
    [info] = store.list_workshops()
    assert (info.name, info.organisation, info.date, info.agenda) == ("Spring camp", "Northwind", "2026-10-01", "full")
    assert [(p.name, p.role) for p in info.participants] == [
        ("Ana Ortiz", "CEO"), ("Ben Okafor", ""), ("Chloe", ""), ("chloe", "")
    ]


async def test_a_column_pasted_from_a_spreadsheet_into_the_people_field_is_one_person_a_line(
    make_app, store: Store
) -> None:
    """Excel copies a column of "Smith, Ana" as lines without quotes: each line was two people, 18 names 36 seats."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_home(pilot)
        await pilot.press("n")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        field = form.query_one("#participants", TextArea)
        field.focus()
        await settle(pilot)
        app.post_message(events.Paste("Smith, Ana\r\nOkonkwo, David\r\nLee, Ben\r\n"))
        await settle(pilot)
        assert field.text == "Ana Smith\nDavid Okonkwo\nBen Lee\n"
        assert [n.message for n in app._notifications] == [
            "3 people pasted, one a line; names written surname first ('Smith, Ana') read as 'Ana Smith'"
        ]
        app.post_message(events.Paste("First Name\tLast Name\tJob Title\r\nChloé\tMartin\tCOO\r\n"))
        await settle(pilot)
        assert field.text == "Ana Smith\nDavid Okonkwo\nBen Lee\nChloé Martin (COO)\n"
        app.post_message(events.Paste("Dana, Eli"))  # a line typed the field's way is pasted as it is
        await settle(pilot)
        assert field.text.endswith("Chloé Martin (COO)\nDana, Eli")


async def test_a_pasted_column_with_its_heading_says_which_name_it_read_surname_first(make_app, store: Store) -> None:
    """The toast named the first line with a comma and the first person pasted: 'Smith, Ana' read as 'Name'."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_home(pilot)
        await pilot.press("n")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        field = form.query_one("#participants", TextArea)
        field.focus()
        await settle(pilot)
        app.post_message(events.Paste("Name\r\nBen Lee\r\nSmith, Ana\r\n"))
        await settle(pilot)
        assert field.text == "Ben Lee\nAna Smith\n"
        assert [n.message for n in app._notifications] == [
            "2 people pasted, one a line; names written surname first ('Smith, Ana') read as 'Ana Smith'"
        ]


async def test_escape_cancels_the_form(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_home(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NewWorkshopScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
    assert store.list_workshops() == []


async def test_demo_opens_a_demo_workshop(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_home(pilot)
        await pilot.press("d")
        screen = await wait_for_screen(pilot, WorkshopScreen)
        assert screen.workshop.info.participants
        await pilot.press("ctrl+w")  # back to a list that was empty: it now holds the demo and its earlier run
        home = await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: home.query_one(DataTable).row_count == 2, "the demo listed")
        assert "No workshops yet" not in screen_text(app)
    later, earlier = store.list_workshops()
    assert screen.workshop.info.id == later.id and earlier.date < later.date
    assert earlier.organisation == later.organisation


@pytest.fixture
def broken_content(tmp_path: Path) -> Path:
    copy = tmp_path / "broken"
    shutil.copytree(FIXTURE_CONTENT, copy)
    basics = copy / "sessions" / "basics.yaml"
    basics.write_text(
        basics.read_text().replace("minutes: 5\n", "minutes: soon\n", 1).replace("kind: rate", "kind: rant")
    )
    return copy


async def test_broken_content_shows_the_validate_list_and_workshops_still_open(
    broken_content: Path, make_app, store: Store, fixture_program: Program
) -> None:
    info = new_workshop(store, fixture_program)  # keeps its own copy of the content
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert validate.run(argparse.Namespace(content=str(broken_content))) == 1

    app = make_app(content_dir=broken_content)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, ContentErrorsScreen)
        listed = str(screen.query_one("#problem-list", Static).render())
        assert listed == printed.getvalue().rstrip("\n")
        assert "minutes" in listed and "rant" in listed
        assert "Traceback" not in screen_text(app)
        explanation = str(screen.query_one("#explanation", Static).render())
        assert f"bootcamp --content {broken_content} validate" in explanation  # the command to copy, not "DIR"

        await pilot.press("escape")
        home = await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: bool(home.rows), "the workshop list")
        assert "2 problems" in screen_text(app)
        await pilot.press("n")  # a new workshop needs good content: the problems again, no form
        await wait_for_screen(pilot, ContentErrorsScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("enter")  # an existing workshop still opens
        screen = await wait_for_screen(pilot, WorkshopScreen)
        assert screen.workshop.info.id == info.id


async def test_content_that_is_not_utf8_is_listed_not_a_crash(tmp_path: Path, make_app) -> None:
    copy = tmp_path / "latin1"
    shutil.copytree(FIXTURE_CONTENT, copy)
    basics = copy / "sessions" / "basics.yaml"
    basics.write_bytes(basics.read_text().replace("title: Welcome", "title: Café", 1).encode("latin-1"))
    app = make_app(content_dir=copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, ContentErrorsScreen)
        listed = str(screen.query_one("#problem-list", Static).render())
        assert "sessions/basics.yaml:" in listed and "not UTF-8 text (byte 0xe9); save it as UTF-8" in listed
        assert "Traceback" not in screen_text(app)


# -- the form's rules, without a terminal -------------------------------------------------------------------


def test_check_form_accepts_a_complete_form() -> None:
    checked = check_form(
        name="  Spring   camp ",
        organisation="Northwind",
        date="2026-10-01",
        participants="Ana",
        agenda="half",
        anonymous=False,
    )
    request = checked.request
    assert checked.problems == checked.warnings == {} and request is not None
    assert (request.name, request.agenda, request.participants) == ("Spring camp", "half", (("Ana", ""),))


def test_check_form_refuses_a_next_run_dated_before_the_run_it_follows() -> None:
    from bootcamp.store.model import WorkshopInfo

    like = WorkshopInfo("w1", "Spring", "Northwind", "2026-10-01", "full", False, (), "", "2026-10-01T09:00:00+00:00")
    fields = dict(name="Spring — run 2", organisation="Northwind", participants="Ana", agenda="full", anonymous=False)
    checked = check_form(**fields, date="2026-09-30", follows="w1", like=like)
    assert checked.request is None
    assert checked.problems == {"date": "2026-09-30 is before 2026-10-01, the date of the run it follows (workshop w1)"}
    assert check_form(**fields, date="2026-10-01", follows="w1", like=like).request is not None


def test_check_form_says_what_bootcamp_new_says_of_empty_fields_and_a_roster_over_its_limit() -> None:
    checked = check_form(
        name="   ", organisation="", date="2026-10-01", participants=" ,, ", agenda="full", anonymous=False
    )
    assert checked.request is None
    assert checked.problems == {
        "name": "a workshop name is needed",
        "organisation": "an organisation is needed",
        "participants": "nobody is listed; a workshop needs at least one participant",
    }
    checked = check_form(
        name="a", organisation="b", date="2026-10-01", participants="Ana, " + "B" * 81, agenda="full", anonymous=False
    )
    assert checked.problems == {"participants": "participant 2 name: 81 characters; a participant's name may have at most 80"}


def test_check_form_wants_an_iso_date() -> None:
    problems = check_form(
        name="a", organisation="b", date="1/10/2026", participants="Ana", agenda="full", anonymous=False
    ).problems
    assert problems == {"date": "the date '1/10/2026' is not a date: use YYYY-MM-DD, e.g. 2026-12-05"}


def test_check_form_reads_the_roster_and_says_which_line_it_cannot() -> None:
    """The roster's own rules (tests/store/test_store_roster.py), shown under the participants field."""
    fields = {"name": "a", "organisation": "b", "date": " 2026-10-01 ", "agenda": "full"}
    request = check_form(**fields, participants="Ana Ortiz (CEO), Ben", anonymous=False).request
    assert request is not None and request.date == "2026-10-01"
    assert request.participants == (("Ana Ortiz", "CEO"), ("Ben", ""))
    request = check_form(**fields, participants="3", anonymous=True).request
    assert request is not None and request.participants == (("", ""),) * 3
    problems = check_form(**fields, participants="Ana Ortiz (CEO)\n(CFO)", anonymous=False).problems
    assert problems == {"participants": "line 2: '(CFO)' has a role but no name"}
    twice = check_form(**fields, participants="Ana Ortiz (CEO)\nana  ortiz", anonymous=False)
    assert twice.request is not None and twice.problems == {}
    assert twice.warnings == {"participants": "'Ana Ortiz' is listed twice; add an initial or a role to tell them apart"}


# -- the workers' imports -----------------------------------------------------------------------------------

WORKERS_AFTER_THE_CORE = """
import json, sys, tempfile
from pathlib import Path

import bootcamp.ui.app, bootcamp.ui.screens.home  # on the way to the first frame
import bootcamp.library  # the first worker, the list, alone
started = set(sys.modules)
from bootcamp import core_imports
core_imports.import_core()  # the next worker
core = set(sys.modules) - started
import bootcamp.ui.screens.summary  # action_summary, on the app's thread
before = set(sys.modules)

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.demo_earlier import create_demo_runs
from bootcamp.library import Library
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store
from bootcamp.summary.stored_runs import stored_report
from bootcamp.ui.screens.summary import today

clock = FixedClock()
store = Store(Path(tempfile.mkdtemp()) / "data", clock)
program = load_dir(Path(sys.argv[1]))  # load_content
created = store.create_workshop(  # create_workshop
    name="Spring", organisation="Northwind", date="2026-09-21", participants=[("Ana", "CEO")], sources=program.sources
)
demo = create_demo_runs(store, program.sources)  # create_demo
Library(store.data_dir, clock).listing()  # list_workshops, read_where_stopped
workshop = LiveWorkshop.open(store.open(demo.id), clock)  # open_workshop
stored_report(store, created.id, today(clock))  # read_summary
in_the_workers = set(sys.modules) - before

async def console():  # on the app's loop, not in a worker: the writer's thread saves, its results come back
    workshop.start()
    workshop.move(lambda flow: flow.next())
    assert await workshop.close(10)

import asyncio
asyncio.run(console())
print(json.dumps({
    "new in the workers": sorted(in_the_workers),
    "Textual or Rich in the core": sorted(m for m in core if m.split(".")[0] in ("textual", "rich")),
}))
"""


def test_no_worker_imports_a_module_the_core_imports_left_out() -> None:
    """Two threads importing modules for the first time can deadlock in the import locks (core_imports)."""
    result = subprocess.run(
        [sys.executable, "-c", WORKERS_AFTER_THE_CORE, str(SHIPPED_CONTENT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout) == {"new in the workers": [], "Textual or Rich in the core": []}


async def test_nothing_is_collected_while_the_app_starts_and_collection_is_back_once_the_list_is_drawn(
    make_app, store: Store, fixture_program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    new_workshop(store, fixture_program)
    collecting_at_compose: list[bool] = []
    compose = HomeScreen.compose

    def recording_compose(self: HomeScreen):
        collecting_at_compose.append(gc.isenabled())
        return compose(self)

    monkeypatch.setattr(HomeScreen, "compose", recording_compose)
    app = make_app()
    assert gc.isenabled()  # an app made and not yet run holds nothing
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            home = await open_home(pilot)
            await wait_until(pilot, lambda: bool(home.rows))
            await settle(pilot)
            assert collecting_at_compose == [False]  # off while home was composed
            assert gc.isenabled()
    finally:
        gc.enable()  # whatever happened, the rest of the tests collect


async def test_an_app_ended_before_its_list_is_drawn_turns_collection_back_on(make_app) -> None:
    import gc

    app = make_app()
    try:
        async with app.run_test(size=(80, 24)):
            pass  # ended at once
        assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_first_frame_of_home_already_lists_the_workshops(make_app, store: Store, fixture_program: Program) -> None:
    from tests.benchmarks.frames import FrameWatch

    new_workshop(store, fixture_program)
    app = make_app()
    frames: list[tuple[int, int]] = []  # on each frame of home: the rows listed, and the table's height on screen

    def drawn(screen: Screen) -> bool:
        frames.append((len(screen.rows), screen.query_one(DataTable).size.height))
        return False

    watch = FrameWatch(app)  # before the app runs: from its first frame
    watch.expect(lambda screen: isinstance(screen, HomeScreen) and drawn(screen))
    async with app.run_test(size=(80, 24)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: bool(home.rows))
    # No empty list painted first, and the row is on screen in that frame: a header and one row, not a table
    # laid out before it measured its rows (0 lines high until the next frame).
    assert frames and frames[0] == (1, 2), frames


async def test_a_slow_disk_holds_up_the_first_frame_no_longer_than_the_wait(
    make_app, store: Store, fixture_program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    from bootcamp.ui.screens import home as home_module
    from tests.benchmarks.frames import FrameWatch

    new_workshop(store, fixture_program)
    disk = threading.Event()
    look = HomeScreen._library_indexed  # the first look at the disk on the way to the first list

    def slow_look(self: HomeScreen) -> bool:
        disk.wait(10)  # the disk answers when the test says so
        return look(self)

    monkeypatch.setattr(HomeScreen, "_library_indexed", slow_look)
    monkeypatch.setattr(home_module, "FIRST_LIST_WAIT", 0.1)
    app = make_app()
    watch = FrameWatch(app)
    watch.expect(lambda screen: isinstance(screen, HomeScreen))
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        await watch.shown(timeout=5)
        assert time.perf_counter() - started < 2  # painted while the disk was still busy
        home = app.screen
        assert isinstance(home, HomeScreen) and not home.rows
        disk.set()
        await wait_until(pilot, lambda: bool(home.rows))  # and the list came when the disk answered



def test_a_date_months_ahead_is_warned_of_once_as_a_mistyped_year() -> None:
    fields = dict(name="Spring", organisation="Northwind", participants="Ana", agenda="full", anonymous=False)
    ahead = check_form(**fields, date="2027-09-21", today="2026-09-21")
    assert ahead.request is not None and ahead.problems == {}
    assert ahead.warnings == {"date": "2027-09-21 is 365 days from today (2026-09-21): check the year"}
    assert check_form(**fields, date="2027-07-18", today="2026-09-21").warnings == {}  # 300 days: a next run planned ahead
    assert check_form(**fields, date="2025-09-21", today="2026-09-21").warnings == {}  # paper answers of a past day


async def test_a_mistyped_year_stops_the_first_create_and_a_second_keeps_it(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_home(pilot)
        await pilot.press("n")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        await pilot.press(*"Spring camp")
        form.query_one("#organisation", Input).value = "Northwind"
        form.query_one("#date", Input).value = "2027-09-21"
        form.query_one("#participants", TextArea).text = "Ana Ortiz"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and app.focused is form.query_one("#date", Input)
        warning = form.query_one("#date-problem", Static)
        assert warning.has_class("-warning")
        assert str(warning.render()) == (
            "2027-09-21 is 365 days from today (2026-09-21): check the year; Create again to keep it"
        )
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, WorkshopScreen)
    [info] = store.list_workshops()
    assert info.date == "2027-09-21"


async def test_enter_in_the_run_again_form_s_date_creates_the_run(make_app, store: Store, fixture_program: Program) -> None:
    """A CCO back weeks later pressed `a`, typed the new run's date, the one field it leaves empty, and Enter: nothing
    was made (Enter went on to the people, already filled in); only ctrl+s, said nowhere, created the run."""
    earlier = new_workshop(store, fixture_program)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        await wait_until(pilot, lambda: bool(home.rows), "the workshop listed")
        await pilot.press("a")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        form.query_one("#date", Input).focus()
        await pilot.press(*"2026-03-01", "enter")  # before the run it follows: refused where it is typed
        await settle(pilot)
        assert app.screen is form and app.focused is form.query_one("#date", Input)
        assert "2026-03-01" in str(form.query_one("#date-problem", Static).render())
        form.query_one("#date", Input).value = ""
        await pilot.press(*"2026-12-10", "enter")
        await wait_for_screen(pilot, WorkshopScreen)
    [later] = [info for info in store.list_workshops() if info.id != earlier.id]
    assert (later.date, later.follows, len(later.participants)) == ("2026-12-10", earlier.id, 3)


async def test_enter_in_the_new_workshop_form_s_date_goes_on_to_the_people_still_to_type(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_home(pilot)
        await pilot.press("n")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        form.query_one("#date", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form and app.focused is form.query_one("#participants", TextArea)
        assert not str(form.query_one("#name-problem", Static).render())  # nothing checked yet: only moved on

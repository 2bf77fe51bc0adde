"""The role check at the console as a facilitator meets it: a posting pasted on arrival, undone in one go,
the room's "undecided", and the hints and help while lines are edited and decided."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual import events
from textual.coordinate import Coordinate
from textual.widgets import Static
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import RoleLine, RoomRecords
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.help import HelpScreen, key_table
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.answers.moved_on import KeysHint
from bootcamp.ui.widgets.answers.role_lines import RoleLineInput, RoleLinesTable
from bootcamp.ui.widgets.steps import StepScroll

MANDATE, ROLE = "basics/mandate", "basics/role"
POSTING = Path(__file__).resolve().parents[1] / "fixtures" / "postings" / "bullets-with-headings.txt"
DUTIES = 5  # as tests/ui/test_answering.py has them


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def notified(app: BootcampApp) -> list[str]:
    return [notice.message for notice in app._notifications]


async def arrive(pilot, how: str) -> WorkshopScreen:
    console: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
    if how == "jump":
        await console.jump_to(ROLE)
    elif how == "right":  # from the step before, by →
        await console.jump_to(MANDATE)
        await settle(pilot)
        await pilot.press("right")
    await settle(pilot)
    assert console.flow.current.key == ROLE
    return console


@pytest.mark.parametrize("how", ["jump", "right", "reopen"])
async def test_a_posting_pasted_on_arrival_goes_to_the_line_field_and_one_undo_takes_it_back(
    workshop_id: str, make_app, store: Store, how: str
) -> None:
    if how == "reopen":  # the workshop left at the role check, opened again
        store.open(workshop_id).update_state(lambda state: dataclasses.replace(state, step_key=ROLE))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await arrive(pilot, how)
        assert isinstance(app.focused, RoleLineInput)  # the line field has the keys on arrival
        await pilot.press("escape")  # Esc gives them to the console: a paste still goes to the field
        await settle(pilot)
        assert isinstance(app.focused, StepScroll)
        app.post_message(events.Paste(POSTING.read_text(encoding="utf-8")))  # a terminal's bracketed paste
        table = console.query_one(RoleLinesTable)
        await wait_until(pilot, lambda: table.row_count == DUTIES, "the posting's duty lines")
        await settle(pilot)
        assert notified(app)[-1] == "5 duty lines added from the paste; left out: 4 headings, 10 outside the duties."
        assert isinstance(app.focused, RoleLineInput) and app.focused.value == ""  # as if pasted into the field
        await pilot.press("ctrl+z")  # one undo takes the whole paste back
        await settle(pilot)
        assert app.workshop.records.room.role_lines == ()
        assert notified(app)[-1] == "Undone: 5 role lines from a paste (from the console)."
        assert table.row_count == 0


async def test_a_paste_elsewhere_on_the_console_is_not_a_role_line(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        await console.jump_to(MANDATE)
        await settle(pilot)
        app.post_message(events.Paste(POSTING.read_text(encoding="utf-8")))
        await settle(pilot)
        assert app.workshop.records.room.role_lines == () and console.flow.current.key == MANDATE


async def test_a_line_the_room_leaves_undecided_says_so_and_is_not_still_to_decide(
    workshop_id: str, make_app, store: Store
) -> None:
    lines = tuple(RoleLine(f"l{n}", text) for n, text in enumerate(("Own the NPS survey", "Set the strategy", "Run the desk"), 1))
    store.open(workshop_id).update_room(lambda room: RoomRecords(role_lines=lines))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await arrive(pilot, "jump")
        table = console.query_one(RoleLinesTable)
        table.focus()
        await settle(pilot)
        await pilot.press("u", "t")  # the room cannot say for the first; the second is tactical
        await settle(pilot)
        assert [line.decision for line in app.workshop.records.room.role_lines] == ["undecided", "tactical", ""]
        room_column = [str(table.get_row_at(row)[3]).removesuffix(" ✓") for row in range(3)]  # then the save mark
        assert room_column == ["undecided", "tactical", "—"]  # not the dash of a line not discussed yet
        share = str(console.query_one("#share", Static).render())
        assert share == "Tactical: 1 of 1 decided lines (100%)  ·  1 undecided  ·  1 to decide"
        assert table.first_unanswered() == Coordinate(2, 0)  # the next line to decide is the third, not the first
        assert await app.flush()
    assert [line.decision for line in Store(store.data_dir).open(workshop_id).room().role_lines] == ["undecided", "tactical", ""]


def hint(console: WorkshopScreen) -> str:
    return str(console.query_one("#role-hint", KeysHint).render())


async def test_editing_a_line_the_hint_says_enter_keeps_it_and_esc_cancels(workshop_id: str, make_app, store: Store) -> None:
    lines = (RoleLine("l1", "Own the NPS survey"), RoleLine("l2", "Set the strategy"))
    store.open(workshop_id).update_room(lambda room: RoomRecords(role_lines=lines))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await arrive(pilot, "jump")
        await pilot.press("a")
        assert hint(console) == "Enter adds the line · Tab to decide the lines · Esc: console keys"
        await pilot.press("tab", "enter")  # edit the first line
        field = console.query_one(RoleLineInput)
        assert app.focused is field and field.value == "Own the NPS survey"
        assert hint(console) == "Enter keeps the edit · Esc cancels"
        await pilot.press(*" each quarter", "escape")
        await settle(pilot)
        table = console.query_one(RoleLinesTable)
        assert app.focused is table and table.cursor_row == 0  # back on the line, which is as it was
        assert field.value == "" and [line.text for line in app.workshop.records.room.role_lines] == [
            "Own the NPS survey",
            "Set the strategy",
        ]
        await pilot.press("enter", "ctrl+u", "enter")  # the text cleared, then Enter: not a silent cancel
        await settle(pilot)
        assert notified(app)[-1] == "Edit cancelled: the line is kept as it was; x removes it."
        assert [line.text for line in app.workshop.records.room.role_lines][0] == "Own the NPS survey"
        assert app.focused is table
        await pilot.press("enter", "end", *", quarterly", "enter")  # an edit kept as before
        await settle(pilot)
        assert app.workshop.records.room.role_lines[0].text == "Own the NPS survey, quarterly"
        assert hint(console) == "Enter adds the line · Tab to decide the lines · Esc: console keys"


async def test_help_on_the_role_check_lists_the_keys_of_a_line(workshop_id: str, make_app, store: Store) -> None:
    store.open(workshop_id).update_room(lambda room: RoomRecords(role_lines=(RoleLine("l1", "Own the NPS survey"),)))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await arrive(pilot, "jump")
        await pilot.press("a", "f1")  # from the line field, where ? types a question mark
        await wait_for_screen(pilot, HelpScreen)
        text = screen_text(app)
        assert "On a line (Tab from the line field)" in text
        for what in ("The room decides: this line is strategic", "The room leaves this line undecided", "Remove this line"):
            assert what in text
        await pilot.press("escape", "tab")
        await wait_for_screen(pilot, WorkshopScreen)
        assert isinstance(app.focused, RoleLinesTable)
        table = dict((what, keys) for keys, what in key_table(console))
        assert table["The room decides: this line is strategic"] == "s"
        assert table["The room takes the app's suggestion for this line"] == "k"
        assert table["Edit this line"] == "⏎" and table["Remove this line"] == "x / del"
        # s and t decide the line here: help does not offer them as skipping the step and starting its timer
        assert "Skip this step for time" not in table and "Start or pause the step timer" not in table
        assert table["Next step (marks this one done)"] == "→ / pgdn"  # the table's cursor keys let → through


async def test_at_80x24_the_paste_toast_is_one_short_line_that_soon_goes(workshop_id: str, make_app) -> None:
    from textual.widgets._toast import Toast

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        console = await arrive(pilot, "jump")
        app.post_message(events.Paste(POSTING.read_text(encoding="utf-8")))
        table = console.query_one(RoleLinesTable)
        await wait_until(pilot, lambda: table.row_count == DUTIES, "the posting's duty lines")
        await settle(pilot)
        notice = list(app._notifications)[-1]
        assert (notice.message, notice.timeout) == ("5 duty lines added; 14 lines left out.", 3)
        await wait_until(pilot, lambda: bool(app.screen.query(Toast)), "the toast")
        await pilot.pause()
        toast = app.screen.query(Toast).last()
        assert toast.outer_size.height <= 3  # one line of text: the lines' decisions stay in view


def test_a_short_paste_toast_names_a_file_only_where_it_fits_on_the_line() -> None:
    from bootcamp.ui.widgets.steps.check import short_paste_said

    assert short_paste_said(8, 0, "riverside-health.docx") == "8 duty lines added from riverside-health.docx."
    assert short_paste_said(8, 13, "riverside-health.docx") == "8 duty lines added; 13 lines left out."
    assert short_paste_said(0, 3) == "No duty lines: all 3 lines left out."
    assert short_paste_said(1, 1) == "1 duty line added; 1 line left out."


@pytest.mark.parametrize("how", ["jump", "right", "reopen"])
async def test_a_line_typed_on_arrival_is_a_role_line_not_the_consoles_keys(
    workshop_id: str, make_app, store: Store, how: str
) -> None:
    """The slide says "type a line and press Enter": typed with the focus on the step, a duty line's letters were
    the console's keys (y, p, n and d answered the structure questions, t started the clock, q quit)."""
    if how == "reopen":
        store.open(workshop_id).update_state(lambda state: dataclasses.replace(state, step_key=ROLE))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await arrive(pilot, how)
        assert isinstance(app.focused, RoleLineInput)
        await pilot.press(*"Manage the support queue and its daily targets", "enter")
        await settle(pilot)
        assert [line.text for line in app.workshop.records.room.role_lines] == [
            "Manage the support queue and its daily targets"
        ]
        assert not app.workshop.snapshot.answers_for(ROLE)
        assert not any(timer.running_since or timer.elapsed for timer in app.workshop.state.timers.values())
        assert app.is_running and console.flow.current.key == ROLE
        await pilot.press("right")  # the field is empty again: → moves on, as everywhere on the console
        await settle(pilot)
        assert console.flow.current.key != ROLE and not isinstance(app.focused, RoleLineInput)
        await pilot.press("left")
        await settle(pilot)
        assert console.flow.current.key == ROLE and isinstance(app.focused, RoleLineInput)
        await pilot.press(*"Own it", "left", "left")  # with text typed, ← moves in the line
        await settle(pilot)
        assert console.flow.current.key == ROLE and app.focused.cursor_position == len("Own it") - 2


async def test_once_the_role_has_lines_a_goes_to_the_structure_questions_at_the_first_person_to_answer(
    workshop_id: str, make_app
) -> None:
    """A facilitator typed "a ppnppn" as on every other answering step: a put the focus in the line field, and the
    answer keys became the text of a duty line one Enter away from being added."""
    from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        await console.jump_to(ROLE)
        await settle(pilot)
        ana = app.workshop.info.present[0]
        app.workshop.records.put_role_lines(("Own the customer strategy", "Run the support queue"))
        await pilot.press("escape", "a")  # the console's keys, then a: the structure questions
        await settle(pilot)
        assert isinstance(app.focused, AnswerGrid)
        await pilot.press("y")
        await settle(pilot)
        assert [a.value for a in app.workshop.snapshot.answers_for(ROLE) if a.participant_id == ana.id] == ["yes"]
        assert [line.text for line in app.workshop.records.room.role_lines] == [
            "Own the customer strategy",
            "Run the support queue",
        ]


async def test_a_line_typed_while_the_jumped_to_role_check_is_still_being_shown_goes_into_its_field(
    workshop_id: str, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed in one go with the jump dialog's Enter, on a machine slow to show the step, a duty line waits for the
    role check and goes into its field: none of its letters is a console key (s would skip the step, t start the
    clock)."""
    import asyncio

    original = WorkshopScreen.show_step

    async def slow_show_step(self: WorkshopScreen, flow) -> None:  # noqa: ANN001 - the screen's own
        await asyncio.sleep(0.3)  # a loaded machine mounting the step's view
        await original(self, flow)

    monkeypatch.setattr(WorkshopScreen, "show_step", slow_show_step)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        await settle(pilot)
        await pilot.press("g", *"role check")
        for key, character in [("enter", "\r"), *((c if c != " " else "space", c) for c in "Set the strategy")]:
            app.post_message(events.Key(key, character))  # typed in one go, as a terminal sends them: no waiting
        await asyncio.sleep(1.0)  # the slowed step views mount meanwhile
        await wait_until(
            pilot,
            lambda: isinstance(app.focused, RoleLineInput) and app.focused.value == "Set the strategy",
            "the typing to reach the role line",
        )
        await settle(pilot)
        assert console.flow.current.key == ROLE and not app.workshop.state.skipped
        assert not any(timer.running_since for timer in app.workshop.state.timers.values())
        assert isinstance(app.focused, RoleLineInput) and app.focused.value == "Set the strategy"


def test_the_tactical_share_rounds_half_up_as_every_figure_does() -> None:
    """1 of 8 is 12.5%: Python's round gave 12% on the console where the summary says 13%."""
    from bootcamp.ui.widgets.answers.role_lines import tactical_share

    lines = tuple(RoleLine(str(n), "a duty", decision="tactical" if n == 0 else "strategic") for n in range(8))
    assert tactical_share(lines).plain == "Tactical: 1 of 8 decided lines (13%)"


async def test_end_and_home_on_the_lines_go_to_the_last_and_the_first_line(
    workshop_id: str, make_app, store: Store
) -> None:
    """End did nothing on the lines (a DataTable's End scrolls sideways), so "End, x" to drop the last line of a
    long posting removed the line the cursor stood on; PgDn is the console's next step there."""
    lines = tuple(RoleLine(f"l{n}", f"Duty number {n}") for n in range(1, 21))
    store.open(workshop_id).update_room(lambda room: RoomRecords(role_lines=lines))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await arrive(pilot, "jump")
        await pilot.press("a", "tab")
        table = console.query_one(RoleLinesTable)
        assert app.focused is table and table.cursor_row == 0
        await pilot.press("end", "x")
        await settle(pilot)
        assert [line.id for line in app.workshop.records.room.role_lines] == [f"l{n}" for n in range(1, 20)]
        assert table.cursor_row == 18  # the new last line
        await pilot.press("home", "t")
        await settle(pilot)
        assert app.workshop.records.room.role_lines[0].decision == "tactical"
        assert console.flow.current.key == ROLE



async def test_deciding_a_line_draws_again_only_the_rows_that_changed(workshop_id: str, make_app) -> None:
    """A room deciding a 120-line posting in a burst watched the table lag seconds behind: every decision rebuilt
    every row. Counted, not timed: a decision draws again the one row whose decision (and save mark) changed."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await arrive(pilot, "jump")
        app.workshop.records.put_role_lines(tuple(f"Own duty number {n} for the customer" for n in range(1, 41)))
        await settle(pilot)
        table = app.screen.query_one(RoleLinesTable)
        table.focus()
        await settle(pilot)
        await pilot.press("t")  # the first decision (the table laid out at its width once its lines came in)
        await wait_until(pilot, lambda: app.workshop.records.room.role_lines[0].decision == "tactical")
        await settle(pilot)
        added, updated = [], []
        original_add, original_update = table.add_row, table.update_cell
        table.add_row = lambda *cells, **kw: added.append(kw.get("key")) or original_add(*cells, **kw)  # type: ignore[method-assign]
        table.update_cell = lambda row, column, value, **kw: updated.append(str(row)) or original_update(row, column, value, **kw)  # type: ignore[method-assign]
        await pilot.press("t")
        await wait_until(pilot, lambda: app.workshop.records.room.role_lines[1].decision == "tactical")
        await settle(pilot)
        assert added == []
        assert set(updated) == {app.workshop.records.room.role_lines[1].id}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_until_the_first_line_the_console_shows_the_slide_the_wall_shows(
    workshop_id: str, make_app, fixture_program: Program, size: tuple[int, int]
) -> None:
    """On arrival the wall shows the exercise's body, its instructions to the room, and the console did not: the
    facilitator, reading the console while the room reads the wall, had to turn round to learn what it said. The
    console shows it as long as the wall does: the first line takes its place on both."""
    wall_text = fixture_program.exercise("role-check").body
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        console = await arrive(pilot, "jump")
        assert wall_text in screen_text(app)
        assert isinstance(app.focused, RoleLineInput)  # the line field still has the keys on arrival
        await pilot.press(*"Run the call centre rota", "enter")
        await settle(pilot)
        assert console.query_one(RoleLinesTable).row_count == 1
        assert wall_text not in screen_text(app)


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_snapshot_the_role_check_on_arrival(size, workshop_id: str, make_app, snap_compare) -> None:
    """No line yet: the wall's slide above the line field."""

    async def ready(pilot) -> None:
        await arrive(pilot, "jump")
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=ready)

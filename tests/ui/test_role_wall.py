"""The role check where the room reads it: the wall follows the line under discussion, the console's table has the
width for the lines' text, and the summary's Role page shows every line in full.

A 33-line posting, as a tester pasted one: on the wall the room works from the top, so the first line not decided
is marked with the decided lines just above it, never the last 12 lines cut at 65 characters.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle, wait_for_screen

from bootcamp.content import Program, load_dir
from bootcamp.store import Store
from bootcamp.store.model import Answer, RoleLine, RoomRecords, WorkshopState
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.summary import SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.agenda import Agenda
from bootcamp.ui.widgets.answers.role_lines import RoleLineInput, RoleLinesTable
from bootcamp.ui.widgets.answers.role_wall import RoleLinesWall, window
from bootcamp.ui.widgets.report.role import RoleVerdictView
from bootcamp.ui.widgets.steps.base import StepScroll

ROLE, MANDATE = "basics/role", "basics/mandate"
POSTING = [
    "Set the vision and objectives for the customer experience, with milestones the leadership team reviews",
    "Own the quarterly upsell revenue target for the installed base",
    "Map the top five customer journeys and redesign them with the product, service and billing teams",
    "Personally handle escalated complaints from key accounts",
    "Run the 24/7 contact centre, including staffing, rotas and the telephony contract",
    "Build a voice of the customer programme that feeds product and service decisions",
    "Report a customer scorecard to the board every quarter",
    "Lead the annual sales kick-off",
    "Reporting to the CEO, lead a team of 40 across service, onboarding and support",
    "Manage the CRM licences and the vendor relationship",
    "Agree shared customer goals with the heads of sales, marketing, product and operations",
    "Chair the monthly customer council with the executive team",
    "Write the weekly complaints report for the operations director",
    "Set the service levels for every channel and hold each owner to them",
    "Approve refunds above the agents' limit",
    "Design the onboarding experience for new business customers end to end, from signature to first value",
    "Run the NPS survey and send the results to every team",
    "Fund and staff a customer insight team that the whole company can draw on",
    "Train new agents on the ticketing system",
    "Make the case for customer investments in the annual budget round",
    "Coordinate the renewal calls for the top 50 accounts",
    "Sponsor the customer data platform programme with the CIO",
    "Update the knowledge base articles after each release",
    "Define how the company measures customer lifetime value and use it in planning",
    "Attend trade shows to meet customers",
    "Hold every executive to one customer goal in their objectives",
    "Manage the social media inbox at weekends",
    "Lead the change programme that moves the company from product lines to customer segments",
    "Handle the quality checks on recorded calls",
    "Represent the customer's view in every executive decision on pricing, products and policies",
    "Run the customer advisory board and its two meetings a year",
    "Prepare the slides for the quarterly business reviews",
    "Coach the leadership team on customer-centred decision making",
]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def lines_decided(decided: int) -> tuple[RoleLine, ...]:
    """The posting with its first ``decided`` lines decided (every third strategic, the rest tactical)."""
    return tuple(
        RoleLine(f"l{n}", text, ("strategic" if n % 3 == 0 else "tactical") if n < decided else "")
        for n, text in enumerate(POSTING)
    )


def workshop_with(store: Store, program: Program, lines: tuple[RoleLine, ...], step_key: str = ROLE) -> str:
    info = new_workshop(store, program)
    files = store.open(info.id)
    files.update_room(lambda room: RoomRecords(role_lines=lines))
    files.save_state(WorkshopState(step_key=step_key))
    return info.id


def drawn(widget: Widget) -> list[str]:
    """The widget's rows as drawn, trailing spaces dropped."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def on_the_wall(pilot: Pilot) -> RoleLinesWall:
    await wait_for_screen(pilot, WorkshopScreen)
    await settle(pilot)
    await pilot.press("f5")
    screen = await wait_for_screen(pilot, PresenterScreen)
    await settle(pilot)
    return screen.query_one(RoleLinesWall)


# -- which lines the wall shows -----------------------------------------------------------------------------------


def test_the_window_keeps_two_decided_lines_above_the_line_under_discussion() -> None:
    heights = [1] * 33
    assert window(heights, 20, 12) == (18, 28)  # ↑ row, lines 19–28 (10 rows), ↓ row
    assert window(heights, 0, 12) == (0, 11)  # no ↑ row at the top: 11 lines and ↓
    assert window(heights, 1, 12) == (0, 11)  # one decided line above: no "1 more above" in its place


def test_at_the_end_the_window_shows_more_above_instead_of_empty_rows() -> None:
    heights = [1] * 33
    assert window(heights, 31, 12) == (22, 33)  # ↑ row and the last 11 lines
    assert window(heights, None, 12) == (22, 33)  # every line decided: the list's end


def test_the_window_counts_wrapped_lines_and_always_shows_the_line_under_discussion() -> None:
    heights = [2] * 10
    assert window(heights, 5, 9) == (3, 6)  # ↑, lines 4–6 (6 rows), ↓: a fourth line would need 2 more rows
    assert window([1, 1, 5, 1], 2, 3) == (2, 3)  # too tall to fit: shown anyway (cut at the bottom)
    assert window([], None, 10) == (0, 0)


@pytest.mark.parametrize("size", SIZES)
async def test_the_wall_shows_the_line_under_discussion_marked_with_the_decided_lines_above_it(
    size, store: Store, fixture_program: Program, make_app
) -> None:
    workshop_id = workshop_with(store, fixture_program, lines_decided(20))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        wall = await on_the_wall(pilot)
        rows = drawn(wall)
        assert rows[0].startswith("Tactical: 13 of 20 decided lines (65%)")
        marked = [row for row in rows if row.startswith("▶")]
        assert marked == [f"▶ 21          ·  {POSTING[20]}"]  # numbered as on the console, bold, undecided
        numbers = [int(row[:4].strip(" ▶")) for row in rows if row[:4].strip(" ▶").isdigit()]
        first, last = numbers[0], numbers[-1]
        assert first <= 19 and last > 21  # the two decided lines above it for context, the next ones below
        assert f"  19  strategic  {POSTING[18]}" in rows
        assert any(row.startswith(f"  20   tactical  {POSTING[19][:50]}") for row in rows)
        assert rows[2] == f"    ↑ {first - 1} more above"
        assert rows[-1] == (f"    ↓ {len(POSTING) - last} more below" if last < len(POSTING) else rows[-1])
        assert all(len(row) <= wall.content_size.width for row in rows)  # nothing drawn past the slide
        if size == (80, 24):
            assert first == 19  # no more above than the two: the room reads on, downwards
        assert last >= (29 if size == (120, 40) else 24)


async def test_a_long_line_wraps_onto_a_second_row_on_the_wall_rather_than_being_cut(
    store: Store, fixture_program: Program, make_app
) -> None:
    workshop_id = workshop_with(store, fixture_program, lines_decided(0))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        wall = await on_the_wall(pilot)
        rows = drawn(wall)
        first = rows.index(next(row for row in rows if row.startswith("▶ ")))
        said = " ".join(row[17:] for row in rows[first : first + 2])
        assert said == POSTING[0]  # 103 characters on two rows of 59
        assert "↑" not in "\n".join(rows)  # the first line: nothing above it
        assert "…" not in "\n".join(rows)


async def test_once_every_line_is_decided_the_wall_shows_the_end_of_the_list_and_the_share(
    store: Store, fixture_program: Program, make_app
) -> None:
    workshop_id = workshop_with(store, fixture_program, lines_decided(len(POSTING)))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        wall = await on_the_wall(pilot)
        rows = [row for row in drawn(wall) if row]
        assert rows[0] == "Tactical: 22 of 33 decided lines (67%)"
        assert not any(row.startswith("▶") for row in rows)
        assert "more below" not in "\n".join(rows)
        assert rows[-2].startswith(f"  33   tactical  {POSTING[32][:40]}")  # the last line, wrapped onto the last row
        assert "more above" in rows[1]


async def test_the_wall_follows_the_room_and_the_size_of_the_window(
    store: Store, fixture_program: Program, make_app
) -> None:
    workshop_id = workshop_with(store, fixture_program, lines_decided(5))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        wall = await on_the_wall(pilot)
        wide = drawn(wall)
        assert any(row.startswith("▶  6") for row in wide)
        line = next(line for line in app.workshop.records.room.role_lines if line.id == "l5")
        app.workshop.records.put_role_line(line.text, line_id=line.id, decision="tactical")  # decided on the console
        await settle(pilot)
        assert any(row.startswith("▶  7") for row in drawn(wall))
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        narrow = drawn(wall)
        assert len(narrow) < len(wide) and wall.content_size.width == 76
        assert any(row.startswith("▶  7") for row in narrow)
        assert all(len(row) <= 76 for row in narrow)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_the_role_wall(size, store: Store, fixture_program: Program, make_app, snap_compare) -> None:
    """Line 21 under discussion: at 80×24 lines 19–26 or so, at 120×40 the list from line 7 to its end."""
    workshop_id = workshop_with(store, fixture_program, lines_decided(20))
    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=on_the_wall)


# -- the console's table -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (100, 30), (80, 24)])
async def test_the_console_gives_the_role_lines_the_width_at_every_size(
    size, store: Store, fixture_program: Program, make_app
) -> None:
    workshop_id = workshop_with(store, fixture_program, lines_decided(8))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        table = console.query_one(RoleLinesTable)
        header, first = drawn(table)[:2]
        assert header.split() == ["#", "Line", "Suggests", "Room"]  # every column has its heading, none is cut
        assert first.endswith("strategic ✓")  # the save mark beside the room's decision, no column of its own
        assert table.region.right <= console.query_one(StepScroll).region.right
        assert table.virtual_size.width <= table.size.width  # nothing hidden past the right edge
        # Between the agenda and the side column the text had 11–16 cells at 120 columns, fewer than at 80.
        assert table._line_width >= {120: 70, 100: 50, 80: 38}[size[0]]
        assert POSTING[0][:35] in first
        assert not console.query_one("#agenda-column").display or size[0] < 100


async def test_on_the_role_check_the_agenda_and_the_side_column_make_way_and_f3_brings_the_notes(
    store: Store, fixture_program: Program, make_app
) -> None:
    workshop_id = workshop_with(store, fixture_program, lines_decided(8), step_key=MANDATE)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        agenda, side = console.query_one(Agenda), console.query_one("#side-column")
        assert agenda.display and side.display
        agenda.focus()  # the role check chosen in the agenda, which then makes way
        await pilot.press("down", "enter")
        await settle(pilot)
        assert console.flow.current.key == ROLE
        assert not console.query_one("#agenda-column").display and not side.display
        assert console.query_one("#time-strip").display  # the timer and the day clock on one line
        assert app.focused is console.query_one(RoleLineInput)  # not nowhere: the line field, which takes the keys
        width = console.query_one(RoleLinesTable)._line_width
        await pilot.press("f3")
        await settle(pilot)
        assert side.display and console.query_one("#notes").display
        assert 40 <= console.query_one(RoleLinesTable)._line_width < width
        await pilot.press("f3", "left")
        await settle(pilot)
        assert console.flow.current.key == MANDATE
        assert console.query_one("#agenda-column").display and side.display  # every other step as before


# -- the summary's Role page --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_summary_shows_every_role_line_in_full_with_its_tag_lined_up(size, store: Store, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    decided = {0: "strategic", 1: "tactical", 2: "strategic", 3: "tactical", 5: "strategic"}  # 3, 2 and 28 undecided
    lines = tuple(RoleLine(f"l{n}", text, decided.get(n, "")) for n, text in enumerate(POSTING))
    workshop_id = workshop_with(store, program, lines, step_key="")
    app: BootcampApp = make_app(content_dir=SHIPPED_CONTENT, open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        screen.action_page("role")
        await settle(pilot)
        view = screen.query_one(RoleVerdictView)
        rows = drawn(view)
        bar, key = rows[2], rows[3]
        if size == (80, 24):  # too narrow for the labels in the bar: a key under it names each part
            assert "strategic" not in bar and "tactical" not in bar
            assert key.split() == ["strategic", "3", "tactical", "2", "not", "decided", "28"]
        listed = rows[rows.index(next(row for row in rows if "role description" in row)) + 1 :]
        tags = {row[:13] for row in listed if row[:13].strip() in ("strategic", "tactical", "not decided")}
        assert tags == {" strategic   ", " tactical    ", " not decided "}  # each label one cell in
        text = " ".join(row[14:].strip() for row in listed)
        for line in POSTING:
            assert line in text  # wrapped, never cut
        assert "…" not in "\n".join(rows)


async def test_a_structural_gap_says_how_many_answers_its_score_rests_on(store: Store, make_app) -> None:
    """A CCO read "0 Is the customer leader an officer…" as the room's verdict: it came from one person's stray key."""
    program = load_dir(SHIPPED_CONTENT)
    workshop_id = workshop_with(store, program, (), step_key="")
    check_step = next(s for s in program.steps() if s.kind.value == "check")
    question = program.exercise(check_step.exercise).structure[0]
    files = store.open(workshop_id)
    files.save_answer(Answer(files.info().participants[0].id, check_step.key, item=question.id, value="no"))
    app: BootcampApp = make_app(content_dir=SHIPPED_CONTENT, open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        screen.action_page("role")
        await settle(pilot)
        rows = drawn(screen.query_one(RoleVerdictView))
        gap = next(row for row in rows if question.text[:30] in row)
        assert gap.endswith("1 answer"), rows


async def test_the_walls_structure_tally_counts_only_who_answered_every_question(store: Store, make_app) -> None:
    """A tester saw "The role's structure: 2 of 4 answered" on the wall with one of the two only four questions into six:
    one answer made a person count as done."""
    program = load_dir(SHIPPED_CONTENT)
    check_step = next(s for s in program.steps() if s.kind.value == "check")
    workshop_id = workshop_with(store, program, (RoleLine("l1", "Own the customer strategy"),), step_key=check_step.key)
    questions = program.exercise(check_step.exercise).structure
    files = store.open(workshop_id)
    first, second = files.info().participants[:2]
    for question in questions:
        files.save_answer(Answer(first.id, check_step.key, item=question.id, value="yes"))
    for question in questions[:4]:
        files.save_answer(Answer(second.id, check_step.key, item=question.id, value="no"))
    present = len(files.info().participants)
    app: BootcampApp = make_app(content_dir=SHIPPED_CONTENT, open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_the_wall(pilot)
        text = "\n".join(row for widget in app.screen.query(Widget) for row in drawn(widget) if "structure" in row)
        assert f"The role's structure: 1 of {present} answered" in text, text


async def test_the_walls_introduction_to_the_role_check_names_the_structure_questions_once(
    store: Store, make_app
) -> None:
    """Before any line, the wall read "… the room decides. Then we answer the structure questions." and under it
    "Then 6 questions about the role's structure.": the body said what the app's own line says, with its count."""
    program = load_dir(SHIPPED_CONTENT)
    check_step = next(s for s in program.steps() if s.kind.value == "check")
    workshop_id = workshop_with(store, program, (), step_key=check_step.key)
    app: BootcampApp = make_app(content_dir=SHIPPED_CONTENT, open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_the_wall(pilot)
        text = " ".join(row.strip() for widget in app.screen.query(Widget) for row in drawn(widget))
    assert text.count("structure") == 1, text
    assert "Then 6 questions about the role's structure." in text

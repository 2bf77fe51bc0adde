"""People's own text fits the console's tables: a name of any length, a line break, a long comment.

Each is cut to one line with "…" (a line break shown as ⏎), so the Answer and Comment columns stay in
view at 80×24 and 120×40, and nothing scrolls sideways. The column that holds what people wrote (a
role line, an action) takes the room the other columns do not need; an action's owner shows in full.
"""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from room_helpers import at_step, open_console
from ui_helpers import new_workshop, screen_text

from bootcamp.content import Program
from bootcamp.live.requests import GiveAnswer, PutAction
from bootcamp.store import Store
from bootcamp.store.model import Action
from bootcamp.ui.text import LINE_BREAK, one_line
from bootcamp.ui.widgets.action_table import STATUS_WIDTH, ActionTable
from bootcamp.ui.widgets.answers.question_table import NAME_WIDTH, QuestionTable
from bootcamp.ui.widgets.answers.role_lines import LEANING_WIDTH, ROOM_WIDTH, RoleLinesTable

MANDATE, ROLE, ACTIONS = "basics/mandate", "basics/role", "basics/next"
ROLE_LINES = (
    "Own the customer experience strategy and the roadmap that delivers it across every business unit",
    "Run the contact centre",
    "Set the vision and objectives for the customer experience",
)
LONG_NAME = "Maximiliana " + "x" * 9_988  # 10,000 characters
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def test_one_line_cuts_by_cells_and_marks_line_breaks() -> None:
    assert one_line("Ana\nOrtiz", 20) == f"Ana {LINE_BREAK} Ortiz"
    assert one_line("Ana\r\n\r\nOrtiz  Ruiz", 20) == f"Ana {LINE_BREAK} Ortiz Ruiz"
    assert one_line(LONG_NAME, 16) == "Maximiliana xxx…"
    assert one_line("party 🎉🎉🎉 time", 9) == "party 🎉…"  # never half an emoji


@pytest.fixture
def long_names(store: Store, fixture_program: Program) -> str:
    """Names the app's forms would refuse (over 80 characters, a line break), as a hand-edited or older file has them."""
    info = new_workshop(store, fixture_program)
    path = store.open(info.id).path / "workshop.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    people = stored["workshop"]["participants"]
    people[0]["name"], people[1]["name"] = LONG_NAME, "Ben\nOkafor"
    path.write_text(json.dumps(stored), encoding="utf-8")
    at_step(store, info.id, MANDATE)
    return info.id


@pytest.mark.parametrize("size", SIZES)
async def test_a_ten_thousand_character_name_leaves_answer_and_comment_in_view(size, long_names: str, make_app) -> None:
    app = make_app(open_workshop=long_names)
    async with app.run_test(size=size) as pilot:
        console = await open_console(pilot)
        long_one, ben, _chloe = console.workshop.info.present
        app.request(GiveAnswer(long_one.id, MANDATE, "yes", comment="We agree on paper.\nNobody acts on it. " * 20))
        await pilot.press("r")  # revealed: the answers and comments are shown
        await pilot.pause()
        table = console.query_one(QuestionTable)
        text = screen_text(app)
        assert "Answer" in text and "Comment" in text
        assert one_line(LONG_NAME, NAME_WIDTH) == "Maximiliana x…" and "Maximiliana x…" in text  # the name, cut
        assert f"Ben {LINE_BREAK} Okafor" in text  # both lines of the name, the break shown
        comment = table.get_cell(long_one.id, "comment").plain
        assert comment.startswith("We agre") and comment.endswith("…") and comment in text  # the comment, cut
        assert cell_len(comment) <= table.comment_width()  # to the room the other columns leave
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize("size", SIZES)
async def test_role_lines_take_the_width_the_other_columns_do_not_need(
    size, store: Store, fixture_program: Program, make_app
) -> None:
    info = new_workshop(store, fixture_program)
    at_step(store, info.id, ROLE)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        console = await open_console(pilot)
        for line in ROLE_LINES:
            app.workshop.records.put_role_line(line)
        table = console.query_one(RoleLinesTable)
        table.focus()
        await pilot.pause()
        widths = {column.key.value: column.get_render_width(table) for column in table.ordered_columns}
        padding = 2 * table.cell_padding
        # Three lines need one digit; the labels need their own width ("strategic", "undecided"); the room's
        # decision has the save mark after it ("strategic ✓").
        assert widths == {
            "number": 1 + padding,
            "line": table.scrollable_content_region.width - (1 + LEANING_WIDTH + ROOM_WIDTH + 3 * padding),
            "suggests": LEANING_WIDTH + padding,
            "decision": ROOM_WIDTH + padding,
        }
        shown = table.get_cell_at((0, 1)).plain
        # As wide as the column, or one cell less where the cut fell on a space (dropped before the "…").
        assert shown.endswith("…") and widths["line"] - padding - 1 <= cell_len(shown) <= widths["line"] - padding
        assert shown[:-1] in screen_text(app)
        detail = " ".join(str(console.query_one("#line-detail").render()).split())
        assert ROLE_LINES[0] in detail  # the highlighted line, in full below the table


@pytest.mark.parametrize("size", SIZES)
async def test_actions_show_their_owners_in_full_and_what_takes_the_rest(
    size, store: Store, fixture_program: Program, make_app
) -> None:
    info = new_workshop(store, fixture_program)
    at_step(store, info.id, ACTIONS)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        console = await open_console(pilot)
        what = "Put one customer story at the top of every board meeting agenda"
        for owner in ("Ana Ortiz", "Priya Raman", "Sofia Álvarez"):
            app.request(PutAction(Action("", what, owner, "2026-10-30", source=ACTIONS)))
        await pilot.pause()
        table = console.query_one(ActionTable)
        text = screen_text(app)
        assert all(owner in text for owner in ("Ana Ortiz", "Priya Raman", "Sofia Álvarez"))  # no "Priya Ram…"
        widths = {column.key.value: column.get_render_width(table) for column in table.ordered_columns}
        padding = 2 * table.cell_padding
        assert widths["owner"] == len("Sofia Álvarez") + padding and widths["status"] == STATUS_WIDTH + padding
        assert widths["what"] == table.scrollable_content_region.width - widths["owner"] - widths["status"]
        shown = table.get_cell_at((0, 0)).plain.splitlines()[0]
        assert shown == one_line(what, widths["what"] - padding) and shown.endswith("…") and shown in text


@pytest.mark.parametrize("notes", [False, True], ids=["step", "notes-beside"])
@pytest.mark.parametrize("size", SIZES)
async def test_a_save_mark_stands_beside_its_answer_and_no_cell_is_cut(
    size, notes: bool, store: Store, fixture_program: Program, make_app
) -> None:
    info = new_workshop(store, fixture_program)
    at_step(store, info.id, MANDATE)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        console = await open_console(pilot)
        ana, ben, _chloe = console.workshop.info.present
        app.request(GiveAnswer(ana.id, MANDATE, "dont-know"))
        app.request(GiveAnswer(ben.id, MANDATE, "no", comment="Nobody acts on it."))
        assert await app.flush()
        if notes and size == (80, 24):
            await pilot.press("f3")  # the notes beside the step: the narrowest the table gets
        await pilot.pause()
        table = console.query_one(QuestionTable)
        header, *lines = (table.render_line(y).text for y in range(3))  # as drawn, cell for cell
        for line in lines:  # hidden: ● and its mark side by side, the mark well before the Comment header
            assert "● ✓" in line and line.index("✓") < header.index("Comment") - 1, (line, header)
        assert "(comment)" in lines[1]  # said in full, not "(comment"
        assert table.virtual_size.width <= table.scrollable_content_region.width
        await pilot.press("r")
        await pilot.pause()
        header, *lines = (table.render_line(y).text for y in range(3))
        assert "Don't know ✓" in lines[0] and "No ✓" in lines[1]
        assert lines[1].rstrip().endswith(("Nobody acts on it.", "…"))  # whole, or cut with … to its column


async def test_a_room_taller_than_the_step_keeps_its_comments_whole_beside_the_notes(
    store: Store, fixture_program: Program, make_app
) -> None:
    people = [(f"Person {number}", "") for number in range(1, 10)]
    info = store.create_workshop(
        name="Nine", organisation="Org", date="2026-09-21", participants=people, sources=fixture_program.sources
    )
    at_step(store, info.id, MANDATE)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        console = await open_console(pilot)
        await pilot.press("f3")  # the notes beside the step
        await pilot.pause()
        first = console.workshop.info.present[0]
        app.request(GiveAnswer(first.id, MANDATE, "no", comment="Nobody acts on it."))
        assert await app.flush()
        await pilot.pause()
        table = console.query_one(QuestionTable)
        assert "(comment)" in table.render_line(1).text  # not "(comment", cut at the step's scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width

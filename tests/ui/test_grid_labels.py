"""The rating grid keeps its labels in view: the aptitude names and the people's names stay put while
the cursor moves to people further right, and the grid says who is out of view and which key shows them."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from room_helpers import at_step, open_console
from ui_helpers import ROOM, SHIPPED_CONTENT, new_workshop, screen_text

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.widgets.answers.answer_grid import CELL_WIDTH, AnswerGrid, OffScreenNote
from bootcamp.ui.widgets.steps import StepScroll

RATE_APTITUDES = "aptitudes/rate-aptitudes"


async def test_the_aptitude_names_stay_while_the_cursor_reaches_the_third_person(
    data_dir, clock: FixedClock, make_app
) -> None:
    store = Store(data_dir, clock)
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, RATE_APTITUDES)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("a")
        grid = app.focused
        assert isinstance(grid, AnswerGrid)
        first_label = grid.rows_[0].label
        assert "Chloe" not in screen_text(app)  # two of the three people fit at 120 columns …
        note = app.screen.query_one(OffScreenNote)
        assert note.display and "1 person more ▸ → shows them" in str(note.render())  # … and the grid says so

        await pilot.press("right", "right", "right", "right", "right")  # to Chloe's team column
        await pilot.pause()
        text = screen_text(app)
        assert grid.cursor_coordinate.column == 6
        assert "Chloe" in text
        assert first_label in text and grid.rows_[-1].label in text  # the row labels did not scroll away
        assert not grid.show_horizontal_scrollbar
        assert "1 person more: ← shows them" in str(note.render())


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
async def test_the_grid_shows_whole_columns_and_the_line_under_it_in_full(
    size, data_dir, clock: FixedClock, make_app
) -> None:
    store = Store(data_dir, clock)
    content = load_dir(SHIPPED_CONTENT)
    people = [*ROOM, ("Dee Park", ""), ("Eve Moreau", ""), ("Finn Wu", "")]
    info = store.create_workshop(
        name="Six", organisation="Org", date="2026-09-21", participants=people, sources=content.sources
    )
    at_step(store, info.id, RATE_APTITUDES)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        console = await open_console(pilot)
        await pilot.press("a")
        await pilot.resize_terminal(120 if size == (80, 24) else 80, 40)  # the step laid out again under the cursor
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        grid = app.focused
        assert isinstance(grid, AnswerGrid)
        note = console.query_one(OffScreenNote)
        step = console.query_one(StepScroll)
        for moves in (0, 2 * len(people) - 2):  # at the first column, then at Finn's first (people out of view each side)
            await pilot.press(*["right"] * moves)
            await pilot.pause()
            widths = [column.get_render_width(grid) for column in grid.ordered_columns]
            cells = grid.scrollable_content_region.width - widths[0]
            assert cells % CELL_WIDTH == 0 and grid.scroll_x % CELL_WIDTH == 0  # no column cut at either edge
            header = grid.render_line(0).text  # the names as drawn
            assert header.rstrip().endswith((" S", " T")), header  # "… Eve M S", never "Eve M S E"
            lines = str(note.render()).splitlines()
            assert note.display and all(cell_len(line) <= note.content_size.width for line in lines)
            assert note.region.height == len(lines)
            assert step.scrollable_content_region.contains_region(note.region)  # in view, not below the fold
        if size == (80, 24):  # seven columns in view
            assert lines == ["◂ 2 people more: ← shows them  ·  1 person more ▸ → shows them"]
        else:  # four columns in view, and a line too narrow for both sides: each on its own
            assert lines == ["◂ 4 people more: ← shows them", "1 person more ▸ → shows them"]

"""The rating grid's cursor can be seen wherever it stands, and so can the cell the next key fills.

A cell's heat colour had won over the cursor's: on an answered cell only the letter's colour changed (and
under NO_COLOR nothing did), so correcting a rating the facilitator could not see which cell a key would
overwrite. At 60×20 the step scrolled the names header and the cursor's row out of view, and a key still
stored a rating in the hidden cell.
"""

from __future__ import annotations

from rich.segment import Segment
from room_helpers import at_step, open_console, room_at_step
from textual.coordinate import Coordinate
from textual.geometry import Region
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.widgets.answers.answer_grid import CELL_WIDTH, AnswerGrid
from bootcamp.ui.widgets.steps import StepScroll

RATE_APTITUDES = "aptitudes/rate-aptitudes"


def drawn_cell(grid: AnswerGrid, row: int, column: int) -> list[tuple[str, object]]:
    """The cell as drawn: its text and each part's style without its colours (what NO_COLOR leaves)."""
    widths = [c.get_render_width(grid) for c in grid.ordered_columns]
    x = sum(widths[:column]) - round(grid.scroll_x)
    y = grid.header_height + row - round(grid.scroll_y)
    strip = grid.render_line(y).crop(x, x + CELL_WIDTH)
    return [(segment.text, segment.style.without_color if segment.style else None) for segment in strip]


def colours(grid: AnswerGrid, row: int, column: int) -> set[tuple[object, object]]:
    widths = [c.get_render_width(grid) for c in grid.ordered_columns]
    x = sum(widths[:column]) - round(grid.scroll_x)
    y = grid.header_height + row - round(grid.scroll_y)
    strip = grid.render_line(y).crop(x, x + CELL_WIDTH)
    return {(s.style.color, s.style.bgcolor) for s in strip if isinstance(s, Segment) and s.style and s.text.strip()}


async def test_the_cursor_on_an_answered_cell_differs_from_its_neighbours_in_more_than_colour(
    data_dir, clock: FixedClock, make_app
) -> None:
    store = Store(data_dir, clock)
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, RATE_APTITUDES)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        live = app.workshop.records
        ana = app.workshop.info.present[0]
        items = [item.id for item in app.workshop.program.item_list("aptitudes").items]
        for item in items:
            for value, perspective in (("strength", "self"), ("mixed", "team")):
                live.set_answer(ana.id, RATE_APTITUDES, value, item=item, perspective=perspective)
        await pilot.press("r")  # revealed: each answer in its heat colour
        await settle(pilot)
        await pilot.press("a")
        grid = app.focused
        assert isinstance(grid, AnswerGrid)
        for column in (1, 2):  # a strength, then a mixed cell
            grid.cursor_coordinate = Coordinate(1, column)
            await settle(pilot)
            at_cursor, below = drawn_cell(grid, 1, column), drawn_cell(grid, 2, column)
            assert at_cursor != below  # not just the letter's colour: NO_COLOR and 16 colours keep the difference
            assert colours(grid, 1, column) != colours(grid, 2, column)
        grid.cursor_coordinate = Coordinate(1, 3)  # an empty cell, for the record
        await settle(pilot)
        assert drawn_cell(grid, 1, 3) != drawn_cell(grid, 2, 3)


def cursor_region(grid: AnswerGrid) -> Region:
    """Where the cursor's cell is on the screen."""
    widths = [c.get_render_width(grid) for c in grid.ordered_columns]
    row, column = grid.cursor_coordinate
    x = grid.content_region.x + sum(widths[:column]) - round(grid.scroll_x)
    y = grid.content_region.y + grid.header_height + row - round(grid.scroll_y)
    return Region(x, y, widths[column], 1)


def assert_in_view(app, grid: AnswerGrid) -> None:
    body = app.screen.query_one(StepScroll)
    seen = body.scrollable_content_region
    header = Region(grid.content_region.x, grid.content_region.y, grid.content_region.width, grid.header_height)
    assert seen.contains_region(header), (seen, header)
    cell = cursor_region(grid)
    rows = Region(grid.content_region.x, grid.content_region.y + grid.header_height, grid.content_region.width,
                  grid.content_region.height - grid.header_height)
    assert seen.contains_region(cell) and rows.contains_region(cell), (seen, rows, cell)


async def test_at_60x20_the_names_and_the_cursor_stay_in_view_as_keys_fill_the_grid(
    data_dir, clock: FixedClock, make_app
) -> None:
    store = Store(data_dir, clock)
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, RATE_APTITUDES)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_console(pilot)
        await pilot.press("a")
        await settle(pilot)
        grid = app.focused
        assert isinstance(grid, AnswerGrid)
        assert_in_view(app, grid)
        for key in ("s",) * 9 + ("m", "w", "up", "up", "up", "down"):
            await pilot.press(key)
            await settle(pilot)
            assert_in_view(app, grid)
        assert grid.cursor_coordinate.column == 2  # the keys went on down the next column


async def test_a_move_in_a_forty_person_grid_draws_again_only_the_cells_it_changed(
    data_dir, clock: FixedClock, make_app
) -> None:
    """Each arrow key changes two cells (the cursor's marks move): Textual's DataTable dropped every cell's
    rendering for any cell changed, so in a 40-person room (80 answer columns) a move to the next person
    rendered all 900 cells again: 200–300 ms a key on the console, where 8 people took 20–60 ms."""
    store = Store(data_dir, clock)
    program = load_dir(SHIPPED_CONTENT)
    room = [(f"Participant with a long name {n:02d}", "") for n in range(40)]
    workshop_id = room_at_step(store, program, room, RATE_APTITUDES, name="Offsite")
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        live = app.workshop.records
        for person in app.workshop.info.present[:3]:
            live.set_answer(person.id, RATE_APTITUDES, "mixed", item="revenue-attention", perspective="self")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("a")
        grid = app.focused
        assert isinstance(grid, AnswerGrid) and len(grid.columns) == 81
        grid.cursor_coordinate = Coordinate(0, 1)
        await settle(pilot)
        for _ in range(14):  # on to the eighth person's self column: the grid scrolls sideways
            cached = set(grid._cell_render_cache.keys())
            before = grid.cursor_coordinate
            await pilot.press("right")
            await settle(pilot)
            drawn = set(grid._cell_render_cache.keys()) - cached
            assert grid.cursor_coordinate == Coordinate(before.row, before.column + 1)
            assert len(drawn) < len(grid.columns), len(drawn)  # not one whole row, let alone every row
            # What is drawn is still right: the marks left the cell behind and stand on the new one.
            assert "▶" not in "".join(text for text, _ in drawn_cell(grid, before.row, before.column))
            assert "▶" in "".join(text for text, _ in drawn_cell(grid, *grid.cursor_coordinate))
        assert grid.cursor_coordinate == Coordinate(0, 15) and grid.scroll_x > 0
        assert "m" in "".join(text for text, _ in drawn_cell(grid, 0, 5))  # the third person's answer

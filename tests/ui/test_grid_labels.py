"""The rating grid keeps its labels in view: the aptitude names and the people's names stay put while
the cursor moves to people further right, and the grid says who is out of view and which key shows them."""

from __future__ import annotations

import pytest
from rich.cells import cell_len, set_cell_size
from room_helpers import at_step, open_console, room_at_step
from ui_helpers import ROOM, SHIPPED_CONTENT, screen_text

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.phones import PHONE
from bootcamp.ui.widgets.answers import answer_grid
from bootcamp.ui.widgets.answers.answer_grid import CELL_WIDTH, AnswerGrid, OffScreenNote, short_names
from bootcamp.ui.widgets.answers.moved_on import KeysHint
from bootcamp.ui.widgets.steps import StepScroll

RATE_APTITUDES = "aptitudes/rate-aptitudes"


async def test_the_aptitude_names_stay_while_the_cursor_reaches_the_last_person(
    data_dir, clock: FixedClock, make_app
) -> None:
    store = Store(data_dir, clock)
    content = load_dir(SHIPPED_CONTENT)
    people = [*ROOM, *[(name, "") for name in ("Dee Park", "Eve Moreau", "Finn Wu", "Gus Berg", "Hana Sato")]]
    workshop_id = room_at_step(store, content, people, RATE_APTITUDES, name="Eight")
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("a")
        grid = app.focused
        assert isinstance(grid, AnswerGrid)
        first_label = grid.rows_[0].label
        assert "Hana" not in screen_text(app)  # the step has the console's width, and still not all eight fit …
        note = app.screen.query_one(OffScreenNote)
        assert note.display and "more ▸ → shows them" in str(note.render())  # … and the grid says so

        await pilot.press(*["right"] * (2 * len(people) - 1))  # to Hana's team column
        await pilot.pause()
        text = screen_text(app)
        assert grid.cursor_coordinate.column == 2 * len(people)
        assert "Hana" in text
        assert first_label in text and grid.rows_[-1].label in text  # the row labels did not scroll away
        assert not grid.show_horizontal_scrollbar
        assert "more: ← shows them" in str(note.render())


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
async def test_the_grid_shows_whole_columns_and_the_line_under_it_in_full(
    size, data_dir, clock: FixedClock, make_app
) -> None:
    store = Store(data_dir, clock)
    content = load_dir(SHIPPED_CONTENT)
    people = [*ROOM, ("Dee Park", ""), ("Eve Moreau", ""), ("Finn Wu", "")]
    if size == (120, 40):  # the step has the console's width: more people, so some are out of view each side
        people += [("Gus Berg", ""), ("Hana Sato", ""), ("Ivo Marx", ""), ("Jon Kerr", "")]
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
            sides = grid.render_line(1).text  # under the names as drawn, whose side each column is
            assert sides.rstrip().endswith((" self", " team")), sides  # "… Eve  self", never "self  te"
            lines = str(note.render()).splitlines()
            assert note.display and all(cell_len(line) <= note.content_size.width for line in lines)
            assert note.region.height == len(lines)
            assert step.scrollable_content_region.contains_region(note.region)  # in view, not below the fold
            hint = console.query_one(KeysHint)
            assert step.scrollable_content_region.contains_region(hint.region), hint.region  # and the keys' hint
        if size == (80, 24):  # seven columns in view
            assert lines == ["◂ 2 people more: ← shows them  ·  1 person more ▸ → shows them"]
        else:  # the console's width for the step: eleven columns in view, both sides on one line
            assert lines == ["◂ 4 people more: ← shows them  ·  1 person more ▸ → shows them"]


LIVE_ROOM = [("Eva Stone", "CEO"), ("Eva Sanchez", "CFO"), ("Dev Patel", ""), ("Carla Diaz", ""), ("Hugo Lind", "")]


def test_the_short_names_tell_the_people_apart_within_a_cell() -> None:
    names = ["Eva Stone", "Eva Sanchez", "Dev Patel", "Carla Diaz", "Hugo", "Ana", "Ana", "Maximiliana Oyelaran"]
    short = short_names(names, CELL_WIDTH - 1)
    assert short[:5] == ["Eva Sto", "Eva San", "Dev", "Carla", "Hugo"]
    assert len(set(short)) == len(short)  # two Anas too
    assert all(cell_len(name) <= CELL_WIDTH - 1 for name in short)  # a blank between neighbours


def column_headers(grid: AnswerGrid) -> list[tuple[str, str]]:
    """Each answer column's two header lines as drawn, by terminal cells (an emoji takes two)."""
    first, second = (grid.render_line(y).text for y in (0, 1))
    label = grid.ordered_columns[0].get_render_width(grid)
    columns = []
    for left in range(label, cell_len(first), CELL_WIDTH):
        columns.append(tuple(set_cell_size(cells_from(line, left), CELL_WIDTH) for line in (first, second)))
    return columns


def cells_from(line: str, left: int) -> str:
    """``line`` from its ``left``-th cell on."""
    taken = 0
    for index, char in enumerate(line):
        if taken >= left:
            return line[index:]
        taken += cell_len(char)
    return ""


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
@pytest.mark.parametrize("step_key", ["aptitudes/rate-aptitudes", "competencies/competency-audit"])
async def test_each_column_header_is_whose_and_which_side_apart_from_its_neighbours(
    step_key: str, size, data_dir, clock: FixedClock, make_app, monkeypatch
) -> None:
    store = Store(data_dir, clock)
    content = load_dir(SHIPPED_CONTENT)
    info = store.create_workshop(
        name="Live day", organisation="Org", date="2026-09-21", participants=LIVE_ROOM, sources=content.sources
    )
    carla = next(p.id for p in info.participants if p.name == "Carla Diaz")
    monkeypatch.setattr(answer_grid, "phones_of", lambda node: frozenset({carla}))  # Carla answers on her phone
    at_step(store, info.id, step_key)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        console = await open_console(pilot)
        await pilot.press("a")
        grid = app.focused
        assert isinstance(grid, AnswerGrid)
        sides = grid.perspectives
        seen = []
        for _ in range(len(LIVE_ROOM) * len(sides)):
            seen += column_headers(grid)
            await pilot.press("right")
            await pilot.pause()
        headers = {(name.strip(), side.strip()) for name, side in seen if name.strip()}
        expected = {"Eva Sto", "Eva San", "Dev", "Carla", "Hugo"}
        assert {name for name, _ in headers} == expected
        for name, side in headers:
            assert side in ({f"{PHONE} {s}" for s in sides} if name == "Carla" else set(sides)), (name, side)
        for name, side in seen:  # each column's text ends in a blank cell, apart from the next one's
            assert name.endswith(" ") and side.endswith(" "), (name, side)
        hint = str(console.query_one(KeysHint).render())
        if sides == ("team",):
            assert "self" not in hint and "S:" not in hint
        key = grid.scale.options[0].key
        await pilot.press("escape", "a", *[key] * len(grid.rows_))  # a column full: the hint says whose is next
        await pilot.pause()
        keys = console.query_one(KeysHint)
        assert "moved on to" in str(keys.render())
        step = console.query_one(StepScroll)
        for shown in (grid, keys):  # the grid's top and the whole hint, never cut at the fold
            assert step.scrollable_content_region.contains_region(shown.region), shown


def test_a_line_too_narrow_for_both_sides_of_the_grid_says_each_on_its_own() -> None:
    wide = answer_grid.off_screen_text(4, 1, 80)
    assert wide == "◂ 4 people more: ← shows them  ·  1 person more ▸ → shows them"
    assert answer_grid.off_screen_text(4, 1, 40).splitlines() == ["◂ 4 people more: ← shows them", "1 person more ▸ → shows them"]

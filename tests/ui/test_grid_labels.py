"""The rating grid keeps its labels in view: the aptitude names and the people's names stay put while
the cursor moves to people further right, and the grid says who is out of view and which key shows them."""

from __future__ import annotations

from room_helpers import at_step, open_console
from ui_helpers import SHIPPED_CONTENT, new_workshop, screen_text

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid, OffScreenNote

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

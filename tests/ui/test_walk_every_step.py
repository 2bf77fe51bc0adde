"""Every step of the shipped full day, walked with the console's own key at 80×24 and 120×40.

On each step: the footer shows Help and Quit, nothing on screen scrolls sideways, and every
cell of the footer's last line belongs to a key's label (no key cut, none half hidden under
the palette key, no stray letter in the last cell).
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from room_helpers import open_console
from textual.widget import Widget
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.key_bar import KeyBar

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def footer_faults(app: BootcampApp) -> list[str]:
    """What is wrong with the key bar as drawn: a key cut or covered, a cell drawn by no key's label."""
    width = app.size.width
    line = app.screen._compositor.render_strips()[-1].text
    owner: list[str | None] = [None] * width  # the character each key's label puts in each cell
    faults = []
    for key in app.screen.query_one(KeyBar).keys:
        label, x = key.label, key.x
        if x < 0 or x + cell_len(label) > width:
            faults.append(f"{label!r} is cut at the edge (x={x})")
            continue
        for offset, char in enumerate(label):
            if owner[x + offset] is not None:
                faults.append(f"{label!r} overlaps another key at x={x + offset}")
            owner[x + offset] = char
    for x, char in enumerate(line[:width]):
        expected = owner[x] if owner[x] is not None else " "
        if char != expected:
            faults.append(f"cell {x} shows {char!r} where {expected!r} belongs ({line!r})")
    return faults


def sideways_scrolling(app: BootcampApp) -> list[Widget]:
    return [widget for widget in app.screen.query("*") if widget.display and widget.show_horizontal_scrollbar]


@pytest.mark.parametrize("size", SIZES)
async def test_every_step_of_the_full_day_fits(size, data_dir, clock: FixedClock, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(Store(data_dir, clock), program)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        screen = await open_console(pilot)
        walked: list[str] = []
        while True:
            step = screen.flow.current
            walked.append(step.key)
            where = f"{step.key} ({step.kind.value}) at {size[0]}×{size[1]}"
            actions = {key.action for key in screen.query_one(KeyBar).keys}
            assert {"help", "quit"} <= actions, f"Help or Quit missing from the footer on {where}: {actions}"
            assert footer_faults(app) == [], where
            assert sideways_scrolling(app) == [], where
            if screen.flow.upcoming is None:
                break
            await pilot.press("right")
            await settle(pilot)
            assert isinstance(app.screen, WorkshopScreen), f"the walk left the console after {where}"
        assert len(walked) == len(screen.flow.steps) > 60  # every step of the full day, once

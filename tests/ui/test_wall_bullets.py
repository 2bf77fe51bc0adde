"""A bulleted line the wall wraps goes on under its text, not under its bullet, so the room reads it as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from room_helpers import TALK
from test_projector import console_and_projector
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static
from ui_helpers import new_workshop

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.widgets.steps.base import ItemGrid

COMPETENCIES = [
    "Honor and Manage Customers as Assets",
    "Align Around Experience",
    "Build a Customer Listening Path",
    "Proactive Experience Reliability and Innovation",
    "One-Company Leadership, Accountability and Culture",
]


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def drawn(widget: Widget) -> list[str]:
    """The widget's lines as drawn on the terminal, right-trimmed."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.rstrip() for strip in strips]


class Wall(App[None]):
    def compose(self) -> ComposeResult:
        yield ItemGrid(COMPETENCIES)


async def test_the_competencies_wrapped_in_two_columns_at_80_columns_hang_under_their_titles() -> None:
    """Audit the five competencies, on the wall at 80×24: "• Honor and Manage Customers as" went on with "Assets"
    under the bullet, where it read as a sixth competency."""
    app = Wall()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = drawn(app.query_one(ItemGrid))
    assert lines[0].startswith("• Honor and Manage Customers as")
    assert lines[1].startswith("  Assets")
    assert all(line[:1] in ("•", " ", "") for line in lines)  # every line a bullet or under one
    wrapped = [line for line in lines if line.strip() and not line.startswith("•")]
    assert wrapped and all(line.startswith("  ") for line in wrapped)


async def test_a_room_note_of_two_lines_hangs_under_its_bullet_on_the_wall(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    """Two hopes typed as one note (Enter in the note makes a line): the second line stood at the wall's left edge,
    under the bullet, as if it were a note of its own without one."""
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        with room.console._context():
            await room.screen.jump_to(TALK)
            room.console.workshop.records.put_note(TALK, "Ana: a plan the board will fund\nBen: what the role costs")
        await room.follow()
        lines = [line for line in drawn(room.wall.query_one("#notes-shown", Static)) if line.strip()]
    assert lines == ["• Ana: a plan the board will fund", "  Ben: what the role costs"]

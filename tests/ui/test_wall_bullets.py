"""A bulleted line the wall wraps goes on under its text, not under its bullet, so the room reads it as one."""

from __future__ import annotations

import re
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


async def test_notes_past_the_walls_last_row_give_way_to_the_newest_and_say_how_many_are_above(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    """Four notes under "What the heat map shows" on a 80×24 wall: the first fitted under the heat map, and the three
    typed after it, the one the room was talking about last, were below the wall's last row with nothing to say so.
    Here 25 notes under a one-line prompt."""
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        with room.console._context():
            await room.screen.jump_to(TALK)
            for n in range(1, 26):
                room.console.workshop.records.put_note(TALK, f"Note number {n}")
        text = await room.follow()
        notes = room.wall.query_one("#notes-shown", Static)
        lines = [line for line in drawn(notes) if line.strip()]
        within = notes.region.bottom <= room.wall.query_one("#slide-body").region.bottom
    assert within  # the notes end within the slide's body
    assert "Note number 25" in text  # the newest, on the wall
    earlier = re.fullmatch(r"… (\d+) earlier notes, on the console", lines[0])
    assert earlier, lines
    shown = [line for line in lines[1:] if line.startswith("• Note number")]
    assert int(earlier.group(1)) + len(shown) == 25
    assert shown[0] == f"• Note number {int(earlier.group(1)) + 1}" and shown[-1] == "• Note number 25"

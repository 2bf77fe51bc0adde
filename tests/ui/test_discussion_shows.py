"""A discussion that shows a rate step's results (the shipped "What the heat map shows" after "Rate the ten
aptitudes"): ``r`` on it reveals that step's heat map on the wall and on the console, and hides it again; the wall
never shows it before the reveal nor while someone answers unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
from room_helpers import open_console
from test_projector import console_and_projector
from textual.pilot import Pilot
from ui_helpers import SHIPPED_CONTENT, new_workshop, screen_text, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.live.requests import GiveAnswer
from bootcamp.store import Store
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

RATE, HEAT_MAP, POKER = "aptitudes/rate-aptitudes", "aptitudes/heat-map", "aptitudes/aptitude-poker"
HIDDEN = "results hidden until revealed · r reveals"
SHOWN = "the room, 0–100"
SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


@pytest.fixture
def workshop_id(store: Store) -> str:
    return new_workshop(store, load_dir(SHIPPED_CONTENT)).id


async def rated_and_at_the_heat_map(pilot: Pilot) -> WorkshopScreen:
    """Three people rate every aptitude for themselves and their team; the console moves on to the discussion."""
    console = await open_console(pilot)
    program = pilot.app.workshop.program
    items = program.item_list("aptitudes").items
    for number, person in enumerate(pilot.app.workshop.info.present):
        for item in items:
            for perspective, value in (("self", "strength"), ("team", ("mixed", "weakness", "dont-know")[number])):
                pilot.app.request(GiveAnswer(person.id, RATE, value, item=item.id, perspective=perspective))
    await console.jump_to(HEAT_MAP)
    await settle(pilot)
    return console


def wall_rows(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("size", SIZES)
async def test_r_on_the_discussion_puts_the_heat_map_on_the_wall(size, workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await rated_and_at_the_heat_map(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "What the heat map shows" in text and "3 of 3 rated" in text and HIDDEN in text
        assert "█" not in text and "Revenue=Attn." not in text  # nothing of the ratings before the reveal

        await pilot.press("r")
        await settle(pilot)
        text = screen_text(app)
        assert RATE in app.workshop.state.revealed and HEAT_MAP not in app.workshop.state.revealed
        assert SHOWN in text and HIDDEN not in text
        rows = wall_rows(text)
        # the three questions, then every aptitude's bars: self all strength (100), team mixed/weakness (25)
        assert any(row.startswith("• Which aptitude is our shared strength?") for row in rows)
        assert any(row.split() == ["Self", "Team"] for row in rows)
        for label in ("Revenue=Attn.", "Make Listen", "Urgency", "Power Away"):
            (row,) = [row for row in rows if row.startswith(label)]
            assert "".join(row.split()) == f"{label.replace(' ', '')}{'█' * 10}100{'█' * 2}{'░' * 8}25", row

        await pilot.press("r")  # r again hides it
        await settle(pilot)
        text = screen_text(app)
        assert RATE not in app.workshop.state.revealed and HIDDEN in text and "█" not in text


async def test_the_console_shows_it_too_and_offers_r_only_where_results_show(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await rated_and_at_the_heat_map(pilot)
        assert console.check_action("reveal", ()) is True
        text = screen_text(app)  # the console's box wraps the line: "results hidden" | "until revealed · r reveals"
        assert "3 of 3 rated" in text and "results hidden" in text and "r reveals" in text and "r Reveal" in text

        await pilot.press("r")
        await settle(pilot)
        text = screen_text(app)
        assert SHOWN in text and "Revenue=Attn." in text and "The room's notes" in text

        await pilot.press("right")  # Aptitude Poker shows no results: no r, and r says so
        await settle(pilot)
        assert console.flow.current.key == POKER
        assert console.check_action("reveal", ()) is False and "r Reveal" not in screen_text(app)

        await pilot.press("left", "left")  # the rate step itself: revealed there too, one reveal for both
        await settle(pilot)
        assert console.flow.current.key == RATE and SHOWN in screen_text(app)


async def test_private_entry_hides_the_heat_map_on_the_wall(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await rated_and_at_the_heat_map(pilot)
        await pilot.press("f5")
        screen = await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("r")
        await settle(pilot)
        assert SHOWN in screen_text(app)
        app.workshop.set_private_entry(True)
        screen.show_room()
        await settle(pilot)
        text = screen_text(app)
        assert "private entry: answers stay hidden" in text and "█" not in text and "r reveals" not in text


async def test_the_projector_window_shows_the_heat_map_once_r_reveals_it(
    workshop_id: str, make_app, data_dir: Path, clock: FixedClock
) -> None:
    async with console_and_projector(make_app, data_dir, clock, workshop_id) as room:
        with room.console._context():
            await rated_and_at_the_heat_map(room.console_pilot)
        text = await room.follow()
        assert room.wall_step() == HEAT_MAP and HIDDEN in text and "█" not in text
        await room.press("r")
        text = await room.follow()
        assert SHOWN in text and "Revenue=Attn." in text and "█" in text
        assert "Say: press r" not in text  # the facilitator's notes stay off the wall

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
SHOWN = "the room's average, 0–2"  # the rating's own scale, as the summary's heat map reads
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
        # the three questions, then every aptitude's bars: self all strength (2), team mixed and weakness (0.5)
        assert any(row.startswith("• Which aptitude is our shared strength?") for row in rows)
        assert any(row.split() == ["Self", "Team"] for row in rows)
        for label in ("Revenue=Attn.", "Make Listen", "Urgency", "Power Away"):
            (row,) = [row for row in rows if row.startswith(label)]
            assert "".join(row.split()) == f"{label.replace(' ', '')}{'█' * 10}2{'█' * 2}{'░' * 8}0.5", row

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


AUDIT, WHERE_WE_STAND = "competencies/competency-audit", "competencies/audit-discussion"
# Each person's level per competency (1 Absent … 5 Embedded): averages 1.3, 2, 3.7, 4.5 (one don't know) and 5
LEVELS = {
    "reliability-and-innovation": ("absent", "absent", "scattered"),
    "align-around-experience": ("absent", "scattered", "organised"),
    "listening-path": ("organised", "joined-up", "joined-up"),
    "one-company-leadership": ("joined-up", "embedded", "dont-know"),
    "customers-as-assets": ("embedded", "embedded", "embedded"),
}


async def audited_and_where_we_stand(pilot: Pilot) -> WorkshopScreen:
    """Three people rate the competencies (the maturity scale, for the team); the console moves on to the talk."""
    console = await open_console(pilot)
    people = pilot.app.workshop.info.present
    items = [item.id for item in pilot.app.workshop.program.item_list("competencies").items]
    assert sorted(items) == sorted(LEVELS)
    for item_id in items:
        for person, level in zip(people, LEVELS[item_id], strict=True):
            pilot.app.request(GiveAnswer(person.id, AUDIT, level, item=item_id, perspective="team"))
    await console.jump_to(WHERE_WE_STAND)
    await settle(pilot)
    return console


def audit_figures(app) -> dict[str, str]:
    """The summary's average per competency, as its audit page shows it (one decimal, half up)."""
    from bootcamp.export.report_text import number

    (audit,) = app.workshop.report().audits
    return {row.item: number(row.mean) for row in audit.rows}


async def test_the_audit_on_the_wall_reads_on_its_own_scale_as_the_summary_does(workshop_id: str, make_app) -> None:
    """Under "1 Absent … 5 Embedded" the wall showed 0–100 ("Reliability 4" for an average of 1.3): it shows the
    room's average on the 1–5 scale, the figure the summary's audit shows, and says so in the heading."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await audited_and_where_we_stand(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("r")
        await settle(pilot)
        text = screen_text(app)
        assert AUDIT in app.workshop.state.revealed and "0–100" not in text
        assert "the room's average, 1–5" in text and "The company" in text and "Team" not in text
        figures = audit_figures(app)
        program = app.workshop.program
        for item in program.item_list("competencies").items:
            label = (item.short or item.title)[:16]
            (row,) = [row for row in wall_rows(text) if row.startswith(label)]
            assert row.split()[-1] == figures[item.id], (row, figures[item.id])
        assert sorted(figures.values()) == ["1.3", "2", "3.7", "4.5", "5"]



async def test_the_audit_asks_for_the_company_on_every_screen(workshop_id: str, make_app) -> None:
    """The notes say "rate the company as your team sees it, not how well your own team does it": the slide and the
    console ask for the company, not "for your team"; the aptitudes still ask for yourself and your team."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        await console.jump_to(AUDIT)
        await settle(pilot)
        assert "Rate each for the company:" in screen_text(app) and "your team" not in screen_text(app)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        console = await open_console(pilot)
        await console.jump_to(AUDIT)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        assert "Rate each for the company:" in screen_text(app) and "your team" not in screen_text(app)
        await pilot.press("f5")
        await settle(pilot)
        await console.jump_to(RATE)
        await settle(pilot)
        assert "Rate each for yourself and your team:" in screen_text(app)


CHECK, VERDICT = "role/role-check", "role/role-verdict"
DUTIES = {
    "Set the customer strategy with the executive team": "strategic",
    "Run the contact centre's weekly rota": "tactical",
    "Answer escalated complaints personally": "tactical",
    "Own the complaints inbox": "tactical",
}


async def checked_and_at_the_verdict(pilot: Pilot) -> WorkshopScreen:
    """The room enters four duty lines and decides them (3 of 4 tactical) and answers the structure questions."""
    from bootcamp.live.requests import PutRoleLine

    console = await open_console(pilot)
    for text, decision in DUTIES.items():
        pilot.app.request(PutRoleLine(text, decision=decision))
    check = pilot.app.workshop.program.exercise("role-check")
    for number, person in enumerate(pilot.app.workshop.info.present):
        for question in check.structure:
            pilot.app.request(GiveAnswer(person.id, CHECK, ("yes", "no", "no")[number], item=question.id))
    await console.jump_to(VERDICT)
    await settle(pilot)
    return console


async def test_the_verdict_puts_the_role_checks_result_on_the_wall(workshop_id: str, make_app) -> None:
    """"What the check tells us": the notes say "show the share of tactical lines and the structure answers", which
    the slide did not: it names the role check (``shows: role-check``): the share shows under its questions (the room
    decided the lines in the open) and r reveals the structure answers."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        console = await checked_and_at_the_verdict(pilot)
        assert console.check_action("reveal", ()) is True
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "What share of the role is tactical?" in text
        assert "3 of 3 answered  ·  results hidden · r reveals" in text
        assert "█" not in text
        assert "Tactical: 3 of 4 decided lines (75%)" in text  # decided in the open, on the check's wall too

        await pilot.press("r")
        await settle(pilot)
        text = screen_text(app)
        assert CHECK in app.workshop.state.revealed and "results hidden" not in text
        assert "Tactical: 3 of 4 decided lines (75%)" in text
        rows = wall_rows(text)
        check = app.workshop.program.exercise("role-check")
        for question in check.structure:  # one yes and two no: a third of the way
            (row,) = [row for row in rows if row.startswith(question.label)]
            assert row.split()[-1] == "33", row
        assert "Say: show the share" not in text


async def test_notes_under_the_heat_map_on_the_wall_keep_the_newest_in_view(workshop_id: str, make_app) -> None:
    """On the day: four notes typed under the revealed heat map at 80×24; the wall showed the first and cut the three
    after it, the newest the room was talking about, with nothing to say they were there."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await rated_and_at_the_heat_map(pilot)
        for text in ("Shared gap: customer math", "Self rates higher", "Urgency would hurt most", "Finance sees no link"):
            app.workshop.records.put_note(HEAT_MAP, text)
        await pilot.press("r", "f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        rows = wall_rows(screen_text(app))
    assert any(SHOWN in row for row in rows)  # the heat map, revealed, above the notes
    assert "• Finance sees no link" in rows, rows
    assert "Shared gap: customer math" not in " ".join(rows)

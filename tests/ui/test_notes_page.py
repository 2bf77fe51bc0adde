"""The summary's Notes page: every note in one place, its line breaks kept, and who wrote it only where the
workshop is named: never in an anonymous workshop, never for a secret ballot."""

from __future__ import annotations

from room_helpers import TALK
from ui_helpers import ROOM, screen_text, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.summary import SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

MANDATE = "basics/mandate"
NAMES = [name for name, _ in ROOM]


def workshop(store: Store, program: Program, *, anonymous: bool = False) -> str:
    return store.create_workshop(
        name="Spring boot camp",
        organisation="Northwind Insurance",
        date="2026-09-21",
        participants=[("" if anonymous else name, role) for name, role in ROOM],
        anonymous=anonymous,
        sources=program.sources,
    ).id


async def notes_page(pilot, app: BootcampApp) -> str:
    """Open the summary from the console and turn to the Notes page (key 8); what the terminal shows."""
    await pilot.press("f4")
    screen = await wait_for_screen(pilot, SummaryScreen)
    await pilot.press("8")
    await settle(pilot)
    assert screen.query_one("TabbedContent").active == "notes"
    return screen_text(app)


async def test_a_note_of_two_lines_shows_two_lines_and_a_named_comment_says_who(
    store: Store, fixture_program: Program, make_app
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop(store, fixture_program))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        live.records.put_note(TALK, "Nobody owns churn.\nThe CEO thinks sales does.")
        ana = live.info.present[0]
        live.records.set_answer(ana.id, MANDATE, "no", comment="Each VP runs their own plan.")
        rows = (await notes_page(pilot, app)).splitlines()
        first = next(n for n, row in enumerate(rows) if "Nobody owns churn." in row)
        assert "The CEO thinks sales does." not in rows[first]
        assert "The CEO thinks sales does." in rows[first + 1]  # the line break kept, not merged into one line
        said = next(n for n, row in enumerate(rows) if "Each VP runs their own plan." in row)
        assert "Ana Ortiz" in rows[said - 1]  # a named workshop: who wrote the comment, above it


async def test_an_anonymous_workshops_notes_show_no_names(store: Store, fixture_program: Program, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop(store, fixture_program, anonymous=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        first = live.info.present[0]
        live.records.set_answer(first.id, MANDATE, "partly", comment="Depends who you ask.")
        live.records.put_note(TALK, "Churn again.")
        text = await notes_page(pilot, app)
        assert "Depends who you ask." in text and "Churn again." in text
        assert first.display_name == "P1"
        assert not any(f"P{n}" in text for n in range(1, 4))  # not even a seat number
        assert not any(name in text for name in NAMES)


async def test_secret_ballot_comments_show_no_one(store: Store, fixture_program: Program, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop(store, fixture_program))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        live.toggle("secret", MANDATE)
        live.records.cast_ballot(MANDATE, [("", "", "no")], "The CEO does not mean it.")
        text = await notes_page(pilot, app)
        row = next(row for row in text.splitlines() if "The CEO does not mean it." in row)
        assert row
        notes = text[text.index("1 note") :]
        assert not any(name in notes for name in NAMES)
        assert ":" not in notes.splitlines()[2]  # no time either: a secret ballot stores none


async def test_a_room_of_many_notes_is_drawn_as_a_few_pieces_whatever_their_number(
    store: Store, fixture_program: Program, make_app, monkeypatch
) -> None:
    """A room of 200 wrote 1,200 comments: each note was drawn as a heading and a table of its own, and Textual renders
    every piece on each layout pass, so turning to the Notes page at 120×40 took about 3 s. Now the page is a line and
    one text, whatever the number of notes, wrapped as before: a long line under the indent."""
    from bootcamp.ui.widgets.report.notes import NotesView

    drawn: list[int] = []
    draw = NotesView.draw
    monkeypatch.setattr(NotesView, "draw", lambda self, report, width: drawn.append(len(p := draw(self, report, width))) or p)
    app: BootcampApp = make_app(open_workshop=workshop(store, fixture_program))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop
        assert live is not None
        for number in range(60):
            live.records.put_note(TALK, f"Note {number}: " + "who owns churn " * 8 + f"\nits second line {number}")
        rows = (await notes_page(pilot, app)).splitlines()
    assert drawn and max(drawn) <= 3
    first = next(n for n, row in enumerate(rows) if "Note 0: " in row)
    column = rows[first].index("Note 0: who owns churn")
    assert rows[first + 1][:column].strip() == "" and rows[first + 1][column] != " "  # wrapped under the indent
    assert "its second line 0" in rows[first + 2]

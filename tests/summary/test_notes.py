"""Every note in one place (``CommitmentReport.notebook``): what it holds, who it names and when, and its line breaks
kept in the Markdown, HTML and JSON exports (a note of two lines used to be merged into one)."""

from __future__ import annotations

import json
import time

import pytest
from summary_rooms import MANDATE, Room_, mandate, participants

from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store.model import Answer, PokerCard, RoomNote, RoomRecords, WorkshopState
from bootcamp.summary.model import NoteKind
from bootcamp.summary.room_clock import room_when

TWO_LINES = "Nobody owns churn.\nThe CEO thinks sales does."
TALK, POKER_STEP = "basics/talk", "basics/poker"


pytestmark = pytest.mark.usefixtures("utc_calendar")  # "the next morning" is the same on every machine


def named_room(**changes) -> Room_:
    people = participants(3, names=("Ana", "Ben", "Chloe"))
    answers = [
        Answer("p1", MANDATE, value="no", comment="Each VP runs\ntheir own plan.", at="2026-09-21T10:15:00+00:00"),
        *mandate("", "yes", "partly"),
    ]
    room = RoomRecords(
        notes=(
            RoomNote("n1", TALK, TWO_LINES, at="2026-09-21T14:05:00+00:00"),
            RoomNote("n2", MANDATE, "Ask finance.", at="2026-09-22T09:10:00+00:00", quick=True),
        ),
        poker=(PokerCard("persist", holder="p2", notes={"today": "We give up\nafter one no."}),),
    )
    room_ = Room_(people, answers, room, WorkshopState(step_key=TALK, done=(MANDATE,)))
    for name, value in changes.items():
        setattr(room_, name, value)
    return room_


def test_the_notebook_holds_every_note_in_the_agendas_order_with_when_and_who() -> None:
    notes = named_room().report().notebook
    assert [(n.kind, n.step_key) for n in notes] == [
        (NoteKind.COMMENT, MANDATE),
        (NoteKind.QUICK, MANDATE),
        (NoteKind.POKER, "poker:persist"),
        (NoteKind.DISCUSS, TALK),
    ]
    comment, quick, poker, talk = notes
    assert (comment.label, comment.text, comment.when, comment.who) == (
        "No",
        "Each VP runs\ntheir own plan.",
        "10:15",
        "Ana",
    )
    assert quick.when == "2026-09-22 09:10"  # another day than the workshop's: the date is said
    assert (poker.where, poker.label, poker.text, poker.who) == (
        "Persist!",
        "How we live it today",
        "We give up\nafter one no.",
        "Ben",
    )
    assert (talk.where, talk.text, talk.who) == ("What surprised you?", TWO_LINES, "")  # nothing records who wrote it


def test_an_anonymous_workshop_names_no_one_and_a_secret_ballot_neither_who_nor_when() -> None:
    anonymous = named_room(people=participants(3))
    assert anonymous.info.anonymous
    assert {n.who for n in anonymous.report().notebook} == {""}
    secret = named_room(state=WorkshopState(step_key=TALK, secret=(MANDATE,)))
    comment = next(n for n in secret.report().notebook if n.kind is NoteKind.COMMENT)
    assert (comment.who, comment.at, comment.when) == ("", "", "")


def test_room_when_of_a_day_kept_without_its_offset_reads_the_stored_utc_time_in_local_time() -> None:
    assert room_when("2026-09-21T23:30:00+00:00", "2026-09-21") == "23:30"
    assert room_when("", "2026-09-21") == "" and room_when("not a time", "2026-09-21") == ""


def test_room_when_of_a_day_without_a_time_shows_no_made_up_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paper answer imported without a time is dated with the workshop's date alone: no clock is shown for it
    (it was midnight, or the hour of the offset, before), and the date only when it is not the workshop's."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    assert room_when("2026-12-01", "2026-12-01") == ""
    assert room_when("2026-12-01", "2026-12-03") == "2026-12-01"


def test_markdown_keeps_a_notes_line_breaks() -> None:
    markdown = render_markdown(named_room().report())
    lines = markdown.splitlines()
    first = lines.index("  Nobody owns churn.  ")
    assert lines[first + 1] == "  The CEO thinks sales does."  # a hard break, then the second line in the same item
    assert "- *What surprised you?* · discussion · 14:05:  " in lines
    assert "  We give up  " in lines and "  after one no." in lines


def test_html_keeps_a_notes_line_breaks() -> None:
    html = render_html(named_room().report())
    assert "<bdi>Nobody owns churn.</bdi><br><bdi>The CEO thinks sales does.</bdi>" in html


def test_json_keeps_a_notes_line_breaks() -> None:
    data = json.loads(render_json(named_room().report()))
    talk = next(n for n in data["notebook"] if n["kind"] == "discuss")
    assert talk["text"] == TWO_LINES
    assert (talk["where"], talk["when"], talk["who"]) == ("What surprised you?", "14:05", "")
    assert next(n for n in data["notes"] if n["step_key"] == TALK)["text"] == TWO_LINES


def test_role_lines_are_notes_under_their_decision_at_the_role_check() -> None:
    from bootcamp.store.model import RoleLine

    room = named_room()
    room.room = RoomRecords(
        role_lines=(
            RoleLine("l1", "Carry a quota\nfor the upsell", decision="tactical", at="2026-09-21T11:00:00+00:00"),
            RoleLine("l2", "Publish the customer report"),
            RoleLine("l3", "Chair the weekly call", decision="undecided", at="2026-09-21T11:05:00+00:00"),
        )
    )
    lines = [n for n in room.report().notebook if n.kind is NoteKind.ROLE]
    assert [(n.step_key, n.label, n.text, n.when) for n in lines] == [
        ("basics/role", "not decided", "Publish the customer report", ""),
        ("basics/role", "tactical", "Carry a quota\nfor the upsell", "11:00"),
        ("basics/role", "undecided by the room", "Chair the weekly call", "11:05"),
    ]


def test_a_comment_on_a_rating_says_which_item_and_perspective_it_is_about() -> None:
    """"Rate the aptitudes — Mixed: we only do this when a big customer shouts" told no reader which aptitude."""
    from summary_rooms import RATE, ROLE, STRUCTURE_QUESTION

    room = named_room()
    room.answers += [
        Answer("p2", RATE, item="persist", perspective="team", value="mixed", comment="Only when a big customer shouts."),
        Answer("p3", ROLE, item=STRUCTURE_QUESTION, value="no", comment="Reports to the COO."),
    ]
    notes = {note.text: note for note in room.report().notebook}
    rating, structure = notes["Only when a big customer shouts."], notes["Reports to the COO."]
    assert rating.where == "Rate the aptitudes: Persist! (team)" and rating.label == "Mixed" and rating.who == "Ben"
    assert structure.where.startswith("Role check: ") and structure.label == "No"
    markdown = render_markdown(room.report())
    assert "*Rate the aptitudes: Persist! (team) — Mixed* · comment · Ben" in markdown


def test_an_anonymous_rating_comment_names_its_item_but_not_the_answer_the_heat_map_ties_to_a_seat() -> None:
    # The heat map keeps a row per seat: item, perspective and answer together would point at the seat that wrote it.
    from summary_rooms import RATE

    room = Room_(participants(3))
    room.answers = [
        Answer("p1", RATE, item="persist", perspective="team", value="strong", comment="Only the CEO persists."),
        Answer("p2", RATE, item="persist", perspective="team", value="weak"),
    ]
    (note,) = [n for n in room.report().notebook if n.text == "Only the CEO persists."]
    assert note.where == "Rate the aptitudes: Persist! (team)" and note.label == "" and note.who == ""

"""Who a summary says wrote a comment or gave an answer: in an anonymous workshop no comment (nor the answer it came
with) can be traced to a seat or a role in any format; comment-only answers are kept with their question; every
note reaches the CSV; two people of the same name are told apart where a summary names them."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

from summary_rooms import MANDATE, RATE, ROLE, STRUCTURE_QUESTION, Room_, participants, rating

from bootcamp.export.report_csv import render_csv
from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store.model import Answer, PokerCard, RoomRecords

ROLES = ("CFO", "CEO", "COO")
SEAT = re.compile(r"\bP[1-3]\b")


def anonymous_room() -> Room_:
    people = tuple(replace(p, role=role) for p, role in zip(participants(3), ROLES, strict=True))
    answers = [
        Answer("p1", MANDATE, value="yes", comment="The CEO decides everything herself"),
        Answer("p2", MANDATE, value="no", comment="Nobody owns it"),
        Answer("p3", MANDATE, value="partly"),
        Answer("p2", ROLE, item=STRUCTURE_QUESTION, value="no", comment="Two levels down"),
        rating(1, "persist", "self", "strong"),
        rating(2, "persist", "self", "weak"),
    ]
    room = RoomRecords(poker=(PokerCard("persist", holder="p2", notes={"today": "We give up after one no."}),))
    return Room_(people, answers, room)


COMMENTS = ("The CEO decides everything herself", "Nobody owns it", "Two levels down")


def test_an_anonymous_report_ties_no_comment_to_a_seat_and_no_seat_to_a_role() -> None:
    report = anonymous_room().report()
    assert report.anonymous
    comments = [c for d in report.dimensions for q in d.questions for c in q.comments]
    assert {c.text for c in comments} == set(COMMENTS)
    assert {c.participant for c in comments} == {""}
    assert all(not p.role for p in report.participants)  # the seats are listed, without their roles
    assert report.roles == ("CEO", "CFO", "COO")  # the roles of the room, in an order of their own
    assert {card.holder for card in report.poker} == {""}
    assert [row.participant for row in report.heat_maps[0].rows] == ["P1", "P2", "P3"]  # seats, as on the day


def test_an_anonymous_reports_comments_come_in_no_seats_order() -> None:
    room = anonymous_room()
    room.answers[0:2] = [
        Answer("p1", MANDATE, value="yes", comment="Zebra"),
        Answer("p2", MANDATE, value="no", comment="Aardvark"),
    ]
    report = room.report()
    mandate = next(d for d in report.dimensions if d.id == "mandate")
    assert [c.text for c in mandate.questions[0].comments] == ["Aardvark", "Zebra"]
    assert [n.text for n in report.notebook if n.step_key == MANDATE] == ["Aardvark", "Zebra"]


def _no_seat_beside(lines: list[str], what: str) -> None:
    for line in lines:
        if any(comment in line for comment in COMMENTS):
            assert not SEAT.search(line), f"{what}: {line!r}"
        if SEAT.search(line):
            assert not any(role in line for role in ROLES), f"{what}: {line!r}"


def test_anonymous_markdown() -> None:
    text = render_markdown(anonymous_room().report())
    _no_seat_beside(text.splitlines(), "markdown")
    assert "“Nobody owns it” — No" in text
    assert "secret ballot" not in text
    assert "- CEO (1)\n- CFO (1)\n- COO (1)\n" in text  # the roles of the room are still said


def test_anonymous_html() -> None:
    text = render_html(anonymous_room().report())
    body = re.sub(r"<[^>]+>", "", text)
    _no_seat_beside(re.split(r"\n|(?<=\.)\s", body), "html")
    for item in re.findall(r"<li>.*?</li>", text, flags=re.S):
        _no_seat_beside([re.sub(r"<[^>]+>", "", item)], "html item")
    assert "secret ballot" not in text
    assert "CEO (1)CFO (1)COO (1)" in body


def test_anonymous_json() -> None:
    data = json.loads(render_json(anonymous_room().report()))
    comments = [c for d in data["dimensions"] for q in d["questions"] for c in q["comments"]]
    assert comments and {c["participant"] for c in comments} == {""}
    assert {p["role"] for p in data["participants"]} == {""}
    assert data["roles"] == ["CEO", "CFO", "COO"]
    assert {card["holder"] for card in data["poker"]} == {""}
    assert {n["who"] for n in data["notebook"]} == {""}


def test_anonymous_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(anonymous_room().report()))))
    for row in rows:
        cells = " | ".join(row.values())
        if any(comment in cells for comment in COMMENTS) or row["section"] == "poker-note":
            assert not SEAT.search(cells), cells
        if SEAT.search(cells):
            assert not any(role in cells for role in ROLES), cells
    assert sorted(row["text"] for row in rows if row["section"] == "role-in-room") == sorted(ROLES)


def _room_of_repeated_roles() -> Room_:
    roles = ("CEO", "Head of Product, EMEA", "CEO", "COO", "CEO")
    return Room_(tuple(replace(p, role=role) for p, role in zip(participants(5), roles, strict=True)))


def test_each_role_of_an_anonymous_room_is_said_once_with_how_many_have_it() -> None:
    # "Roles in the room: CEO, CEO, CEO, COO, Head of Product, EMEA": each role again for each person, and a comma
    # inside a role read as two roles.
    report = _room_of_repeated_roles().report()
    assert [(r.role, r.count) for r in report.roles_counted] == [("CEO", 3), ("COO", 1), ("Head of Product, EMEA", 1)]
    markdown = render_markdown(report)
    assert "Roles in the room (not tied to a seat):\n\n- CEO (3)\n- COO (1)\n- Head of Product, EMEA (1)\n" in markdown
    assert "CEO, CEO" not in markdown
    html = render_html(report)
    assert (
        '<p>Roles in the room (not tied to a seat):</p><ul class="plain"><li><bdi>CEO</bdi> (3)</li>'
        "<li><bdi>COO</bdi> (1)</li><li><bdi>Head of Product, EMEA</bdi> (1)</li></ul>"
    ) in html
    data = json.loads(render_json(report))
    assert data["roles_counted"] == [
        {"role": "CEO", "count": 3},
        {"role": "COO", "count": 1},
        {"role": "Head of Product, EMEA", "count": 1},
    ]
    rows = [row for row in csv.DictReader(io.StringIO(render_csv(report))) if row["section"] == "role-in-room"]
    assert [(row["text"], row["value"]) for row in rows] == [("CEO", "3"), ("COO", "1"), ("Head of Product, EMEA", "1")]


def test_roles_told_apart_by_case_or_spaces_alone_are_one_role() -> None:
    room = _room_of_repeated_roles()
    room.people = tuple(replace(p, role=role) for p, role in zip(room.people, ("CEO", "ceo", " CEO ", "c e o", "CEO")))
    assert [(r.role, r.count) for r in room.report().roles_counted] == [("c e o", 1), ("CEO", 4)]


def test_a_comment_only_answer_is_matched_and_shown_with_its_question() -> None:
    room = anonymous_room()
    room.people = participants(3, names=("Ana", "Ben", "Chloe"))
    room.answers.append(Answer("p3", ROLE, item=STRUCTURE_QUESTION, value="", comment="Comment only: no answer"))
    room.answers[2] = Answer("p3", MANDATE, value="", comment="Budgets are per silo")
    report = room.report()
    assert report.unmatched_answers == 0
    mandate = next(d for d in report.dimensions if d.id == "mandate").questions[0]
    assert mandate.answered == 2 and mandate.scored == 2  # a comment alone is no score
    assert ("Chloe", "", "Budgets are per silo") in [(c.participant, c.value, c.text) for c in mandate.comments]
    text = render_markdown(report)
    assert "“Budgets are per silo” — Chloe\n" in text
    assert "names no step" not in text
    assert "Budgets are per silo</bdi></q> — <bdi>Chloe</bdi></li>" in render_html(report)


def test_an_answer_naming_no_option_is_still_unmatched() -> None:
    room = anonymous_room()
    room.answers.append(Answer("p3", ROLE, item="no-such-question", value="", comment="Lost"))
    room.answers.append(Answer("p3", RATE, item="persist", perspective="self", value="maybe"))
    assert room.report().unmatched_answers == 2


def test_the_csv_carries_every_note_of_the_notes_page() -> None:
    room = anonymous_room()
    room.people = participants(3, names=("Ana", "Ben", "Chloe"))
    room.answers[4] = Answer("p1", RATE, item="persist", perspective="self", value="strong", comment="I never give up")
    room.answers[2] = Answer("p3", MANDATE, value="", comment="Comment only: budgets are per silo")
    report = room.report()
    texts = {note.text for note in report.notebook}
    assert {"I never give up", "Comment only: budgets are per silo", "We give up after one no."} <= texts
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    notes = [row for row in rows if row["section"] == "note"]
    assert [row["text"] for row in notes] == [note.text for note in report.notebook]
    rated = next(row for row in notes if row["text"] == "I never give up")
    assert (rated["id"], rated["group"], rated["value"], rated["participant"]) == (RATE, "comment", "Strength", "Ana")


def twins_room() -> Room_:
    people = participants(3, names=("Sam Lee", "Sam  lee", "Kim"))
    people = (replace(people[0], role="CFO"), replace(people[1], role="CTO"), people[2])
    answers = [
        Answer("p1", MANDATE, value="yes", comment="Finance says we have a mandate"),
        Answer("p2", MANDATE, value="no", comment="IT says nobody has a mandate"),
        Answer("p3", MANDATE, value="no", comment="Kim's view"),
        rating(1, "persist", "self", "strong"),
        rating(2, "persist", "self", "weak"),
        rating(3, "persist", "self", "weak"),
    ]
    room = RoomRecords(poker=(PokerCard("persist", holder="p2", notes={"today": "We give up after one no."}),))
    return Room_(people, answers, room)


def test_two_people_of_one_name_are_told_apart_by_their_role_and_others_keep_their_name() -> None:
    report = twins_room().report()
    comments = [(c.participant, c.text) for d in report.dimensions for q in d.questions for c in q.comments]
    assert ("Sam Lee (CFO)", "Finance says we have a mandate") in comments
    assert ("Sam  lee (CTO)", "IT says nobody has a mandate") in comments
    assert ("Kim", "Kim's view") in comments
    assert [row.participant for row in report.heat_maps[0].rows] == ["Sam Lee (CFO)", "Sam  lee (CTO)", "Kim"]
    assert [n.who for n in report.notebook if n.step_key == MANDATE] == ["Sam Lee (CFO)", "Sam  lee (CTO)", "Kim"]
    assert report.poker[0].holder == "Sam  lee (CTO)"
    assert [p.name for p in report.participants] == ["Sam Lee", "Sam  lee", "Kim"]  # the list says the role itself
    text = render_markdown(report)
    assert "“IT says nobody has a mandate” — Sam lee (CTO), No" in text  # spaces run together, as Markdown shows them
    assert "| Sam Lee (CFO) |" in text


def test_same_named_people_with_no_role_or_the_same_role_are_told_apart_by_their_seat() -> None:
    people = participants(3, names=("Sam Lee", "Sam Lee", "Sam Lee"))
    people = (replace(people[0], role="CFO"), replace(people[1], role="CFO"), people[2])
    room = twins_room()
    room.people = people
    report = room.report()
    assert [row.participant for row in report.heat_maps[0].rows] == [
        "Sam Lee (CFO, P1)",
        "Sam Lee (CFO, P2)",
        "Sam Lee (P3)",
    ]


def test_one_name_typed_on_a_mac_and_on_windows_is_told_apart_like_any_two_people_of_one_name() -> None:
    # Stored before names were kept composed: "Chloé" with its accent apart (a Mac) and in one (Windows).
    people = participants(3, names=("Chloe\u0301 Martin", "Chlo\u00e9 Martin", "Kim"))
    room = twins_room()
    room.people = (replace(people[0], role="CFO"), replace(people[1], role="CTO"), people[2])
    rows = [row.participant for row in room.report().heat_maps[0].rows]
    assert rows == ["Chloe\u0301 Martin (CFO)", "Chlo\u00e9 Martin (CTO)", "Kim"]

"""The checks every way in asks (bootcamp/checks.py): each limit at its edge, blanks, rosters, long lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp.checks import (
    ManyProblems,
    RecordChecks,
    capped,
    participant_problems,
    roster_problems,
    roster_warnings,
    workshop_problems,
)
from bootcamp.content import Program, load_dir
from bootcamp.limits import (
    ACTION_OWNER,
    ACTION_WHAT,
    COMMENT,
    LIMITS,
    MAX_PARTICIPANTS,
    NOTE,
    ORGANISATION,
    PERSON_NAME,
    ROLE,
    ROLE_LINE,
    WORKSHOP_NAME,
    Limit,
)
from bootcamp.store.ids import new_ballot_id
from bootcamp.store.model import Action, Answer, Participant, RoleLine, RoomNote, WorkshopInfo

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
MANDATE = "basics/mandate"


@pytest.fixture(scope="module")
def checks() -> RecordChecks:
    program: Program = load_dir(FIXTURE_CONTENT)
    info = WorkshopInfo("w1", "Spring", "Northwind", "2026-09-21", "full", False, (Participant("pana", 1, "Ana"),), "", "")
    return RecordChecks(program, info)


def problem_of(limit: Limit, checks: RecordChecks, text: str) -> tuple[str, ...]:
    """What the check of ``limit``'s field says of ``text``, as ``field: message`` lines."""
    found = {
        WORKSHOP_NAME: lambda: workshop_problems(text, "Northwind"),
        ORGANISATION: lambda: workshop_problems("Spring", text),
        PERSON_NAME: lambda: participant_problems(text, "", anonymous=False),
        ROLE: lambda: participant_problems("Ana", text, anonymous=False),
        COMMENT: lambda: checks.answer(Answer("pana", MANDATE, value="yes", comment=text)),
        NOTE: lambda: checks.note(RoomNote("n-1", MANDATE, text)),
        ROLE_LINE: lambda: checks.role_line(RoleLine("r-1", text)),
        ACTION_WHAT: lambda: checks.action(Action("a-1", text)),
        ACTION_OWNER: lambda: checks.action(Action("a-1", "Call five customers", owner=text)),
    }[limit]()
    return tuple(str(p) for p in found)


@pytest.mark.parametrize("limit", LIMITS, ids=lambda limit: limit.what)
def test_every_limit_takes_text_up_to_it_and_names_itself_when_broken(limit: Limit, checks: RecordChecks) -> None:
    assert problem_of(limit, checks, "é" * limit.chars) == ()  # characters, not bytes
    [said] = problem_of(limit, checks, "é" * (limit.chars + 1))
    assert said.endswith(f"{limit.chars + 1:,} characters; {limit.what} may have at most {limit.chars:,}")


def test_blank_names_organisations_and_texts_are_refused_in_one_sentence(checks: RecordChecks) -> None:
    assert [str(p) for p in workshop_problems(" \t", "")] == [
        "name: a workshop name is needed",
        "organisation: an organisation is needed",
    ]
    assert [str(p) for p in participant_problems("  ", "CFO", anonymous=False)] == ["name: a participant's name is needed"]
    assert participant_problems("", "CFO", anonymous=True) == ()
    assert [str(p) for p in checks.note(RoomNote("n-1", MANDATE, "\n"))] == ["text: a note is needed"]
    assert [str(p) for p in checks.action(Action("a-1", " "))] == ["what: an action is needed"]


def test_a_roster_needs_someone_and_at_most_the_limit_and_warns_of_a_name_twice() -> None:
    assert [str(p) for p in roster_problems([], anonymous=False)] == [
        "participants: nobody is listed; a workshop needs at least one participant"
    ]
    too_many = [(f"P{n}", "") for n in range(MAX_PARTICIPANTS + 1)]
    assert [str(p) for p in roster_problems(too_many, anonymous=False)] == [
        "participants: 201 listed; a workshop may have at most 200"
    ]
    assert roster_problems([("Ana", "CEO"), ("Ana", "")], anonymous=False) == ()
    assert roster_warnings([("Ana Ortiz", "CEO"), ("ana  ortiz", ""), ("ANA ORTIZ", ""), ("Ben", "")]) == (
        "'Ana Ortiz' is listed twice; add an initial or a role to tell them apart",
    )
    assert roster_problems([("Name dropped", "CFO")], anonymous=True) == ()  # dropped, never stored


def test_one_name_typed_on_a_mac_and_on_windows_is_warned_of_as_listed_twice() -> None:
    mac, windows = "Chloe\u0301 Martin", "Chlo\u00e9 Martin"  # the accent apart (NFD), and in one (NFC)
    assert roster_warnings([(mac, "CFO"), (windows, "")]) == (
        f"{mac!r} is listed twice; add an initial or a role to tell them apart",
    )
    assert roster_warnings([("佐藤\u3000花子", ""), ("佐藤 花子", "")])  # a full-width space is a space


def test_two_names_a_phone_reads_as_one_are_warned_of() -> None:
    """Phones match a typed name with its accents and apostrophes aside ("renee" finds "Renée"), so "Renee" and "Renée"
    on one roster send a phone that types either to "more than one is on the list"; the roster said nothing."""
    assert roster_warnings([("Renée Dubois", "CEO"), ("Renee Dubois", ""), ("Ben", "")]) == (
        "'Renée Dubois' and 'Renee Dubois' read as one name on a phone; add an initial or a role to tell them apart",
    )
    assert roster_warnings([("O’Neil", ""), ("O'Neil", "")])  # the apostrophes phones type are one too


def test_an_answer_is_what_its_step_asks_from_someone_in_the_room_or_a_ballot(checks: RecordChecks) -> None:
    assert checks.answer(Answer("pana", MANDATE, value="yes")) == ()
    assert checks.answer(Answer(new_ballot_id(), MANDATE, value="no")) == ()
    assert checks.answer(Answer("pana", MANDATE, value="", comment="a comment before the answer")) == ()
    said = {str(p) for p in checks.answer(Answer("pnobody", "basics/talk", value="", at="yesterday"))}
    assert said == {
        "participant_id: 'pnobody' is neither a participant of this workshop nor a secret ballot",
        "step_key: 'basics/talk' is a discuss step, which takes no answers",
        "at: 'yesterday' is not a date and time like 2026-09-21T10:30:00+00:00",
    }
    assert [str(p) for p in checks.answer(Answer("pana", MANDATE))] == ["value: empty; give an option of the scale, or a comment"]


def test_a_long_list_shows_twenty_then_says_how_many_more_and_how_to_see_them() -> None:
    lines = [f"f.csv:{n}: value: bad" for n in range(2, 9_999)]
    shown = capped(lines, how_to_see_all="see them all")
    assert shown[:20] == lines[:20] and shown[20:] == ["and 9,977 more like these; see them all"]
    assert capped(lines[:20], how_to_see_all="x") == lines[:20]
    refused = ManyProblems("f.csv", lines)
    assert str(refused).splitlines()[0] == "9,997 problems in f.csv; nothing was imported:"
    assert len(str(refused).splitlines()) == 22 and refused.lines == lines

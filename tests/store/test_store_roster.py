"""The roster's rules (bootcamp.store.roster): seats added, renamed, removed and restored; a typed roster read and
written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bootcamp.errors import UserError
from bootcamp.store.model import Participant, WorkshopInfo
from bootcamp.store.roster import (
    MAX_PARTICIPANTS,
    RosterError,
    add_participant,
    format_roster,
    parse_roster,
    remove_participant,
    rename_participant,
    restore_participant,
)

NOW = "2026-09-21T14:13:20+00:00"
LATER = "2026-09-21T15:13:20+00:00"


def workshop(*people: Participant, anonymous: bool = False) -> WorkshopInfo:
    return WorkshopInfo("w", "Spring", "Acme", "2026-09-21", "full", anonymous, people, "h", NOW)


ANA = Participant("p2345678", 1, "Ana Ortiz", "CEO", joined_at=NOW)
BEN = Participant("p3456789", 2, "Ben Okafor", "Sales", joined_at=NOW)
ROOM = workshop(ANA, BEN)


# -- seats ---------------------------------------------------------------------------------------------------


def test_a_new_seat_gets_a_new_id_the_next_number_and_the_time_it_joined() -> None:
    info, dee = add_participant(ROOM, "  Dee Late ", " Finance\t", joined_at=LATER)
    assert (dee.number, dee.name, dee.role, dee.joined_at, dee.removed) == (3, "Dee Late", "Finance", LATER, False)
    assert dee.id.startswith("p") and dee.id not in {ANA.id, BEN.id}
    assert info.participants == (ANA, BEN, dee)
    assert ROOM.participants == (ANA, BEN)  # a new value: the workshop given is left as it was


def test_seat_numbers_are_kept_when_someone_leaves() -> None:
    info = remove_participant(ROOM, BEN.id).info
    assert add_participant(info, "Eve", joined_at=LATER).participant.number == 3
    assert add_participant(workshop(), "First", joined_at=NOW).participant.number == 1


def test_an_anonymous_workshop_keeps_roles_and_drops_every_name() -> None:
    info, late = add_participant(workshop(anonymous=True), "Wilhelmina Ubu", "CFO", joined_at=NOW)
    assert (late.name, late.role, late.display_name) == ("", "CFO", "P1")
    renamed = rename_participant(info, late.id, "Verity Tarrant", "COO")
    assert renamed is not None and (renamed.participant.name, renamed.participant.role) == ("", "COO")
    # a name that reached an anonymous workshop some other way goes with its next change
    named = workshop(ANA, anonymous=True)
    removed = remove_participant(named, ANA.id)
    assert removed is not None and (removed.participant.name, removed.participant.removed) == ("", True)


def test_a_rename_changes_the_name_and_the_role_unless_it_is_none() -> None:
    change = rename_participant(ROOM, ANA.id, " Ana Ortiz-Ruiz ")
    assert change is not None
    assert (change.participant.name, change.participant.role, change.participant.number) == ("Ana Ortiz-Ruiz", "CEO", 1)
    assert change.info.participants == (change.participant, BEN)
    cleared = rename_participant(change.info, ANA.id, "Ana Ortiz-Ruiz", role=" ")
    assert cleared is not None and cleared.participant.role == ""


def test_a_removed_seat_is_kept_and_comes_back() -> None:
    removed = remove_participant(ROOM, ANA.id)
    assert removed is not None and removed.participant.removed
    assert removed.info.present == (BEN,) and removed.info.participant(ANA.id) == removed.participant
    restored = restore_participant(removed.info, ANA.id)
    assert restored is not None and restored.participant == ANA and restored.info == ROOM


def test_an_unknown_seat_is_none() -> None:
    assert rename_participant(ROOM, "pnobody", "Eve") is None
    assert remove_participant(ROOM, "pnobody") is None
    assert restore_participant(ROOM, "pnobody") is None


def test_a_change_that_changes_nothing_gives_back_the_same_workshop() -> None:
    for change in (
        restore_participant(ROOM, ANA.id),
        rename_participant(ROOM, ANA.id, "Ana Ortiz ", "CEO"),
        rename_participant(ROOM, BEN.id, "Ben Okafor"),
    ):
        assert change is not None and change.info is ROOM and change.participant in (ANA, BEN)


# -- a typed roster ------------------------------------------------------------------------------------------


def test_one_per_line_or_comma_separated_with_roles() -> None:
    people = parse_roster(" Ana Ortiz (CEO),Ben\n\n  Chloe  Martin ( Service ) ", anonymous=False)
    assert people == (("Ana Ortiz", "CEO"), ("Ben", ""), ("Chloe Martin", "Service"))
    assert parse_roster("", anonymous=False) == parse_roster(" ,\n, ", anonymous=False) == ()


def test_a_roster_typed_with_a_chinese_japanese_or_arabic_keyboard_gives_each_person_and_role() -> None:
    # An IME types full-width brackets and commas, and Japanese lists with 、; Arabic has its own comma.
    typed = "王小明（首席执行官），李华（CFO）、佐藤\u3000花子（CEO）\nمحمد الراشدي (المدير المالي)، דנה כהן"
    assert parse_roster(typed, anonymous=False) == (
        ("王小明", "首席执行官"),
        ("李华", "CFO"),
        ("佐藤 花子", "CEO"),
        ("محمد الراشدي", "المدير المالي"),
        ("דנה כהן", ""),
    )
    assert parse_roster("（CFO），（CEO）", anonymous=True) == (("", "CFO"), ("", "CEO"))


def test_a_name_typed_on_a_mac_is_stored_as_the_same_name_typed_on_windows() -> None:
    mac, windows = "Chloe\u0301 Martin", "Chlo\u00e9 Martin"  # decomposed accent (NFD), and composed (NFC)
    assert parse_roster(f"{mac} (COO)", anonymous=False) == ((windows, "COO"),)
    info, seat = add_participant(workshop(), mac, "Directrice ge\u0301ne\u0301rale", joined_at=NOW)
    assert (seat.name, seat.role) == (windows, "Directrice g\u00e9n\u00e9rale")
    assert rename_participant(info, seat.id, mac) is not None
    assert rename_participant(info, seat.id, mac).info is info  # the same name: nothing changed, nothing to save


def test_an_anonymous_roster_keeps_roles_only_and_may_give_a_number() -> None:
    assert parse_roster("(CFO), ( CEO )", anonymous=True) == (("", "CFO"), ("", "CEO"))  # roles alone, as the help says
    assert parse_roster("Ana (CEO), P2, p3 (Sales)", anonymous=True) == (("", "CEO"), ("", ""), ("", "Sales"))
    assert parse_roster(" 4 ", anonymous=True) == (("", ""),) * 4
    assert parse_roster(str(MAX_PARTICIPANTS), anonymous=True) == (("", ""),) * MAX_PARTICIPANTS


@pytest.mark.parametrize("count", ["0", str(MAX_PARTICIPANTS + 1), "9" * 5000, "²"])
def test_a_number_out_of_range_is_refused(count: str) -> None:
    with pytest.raises(RosterError) as caught:
        parse_roster(count, anonymous=True)
    assert str(caught.value) == "give between 1 and 200 participants"


@pytest.mark.parametrize(
    ("text", "anonymous", "problem"),
    [
        ("4", False, "give names, or choose anonymous to give just a number"),
        ("(CEO)", False, "'(CEO)' has a role but no name"),
        # A bare entry in an anonymous roster is a name (never stored) or a role (that would be lost): asked, not guessed.
        ("(CEO), CFO", True, "'CFO': an anonymous workshop stores no names; write a role in brackets, as in \"(CFO)\", "
         "or give just how many participants"),
        ("Ana", True, "'Ana': an anonymous workshop stores no names; write a role in brackets, as in \"(Ana)\", "
         "or give just how many participants"),
        ("Ana\nBen, ( CFO )", False, "line 2: '( CFO )' has a role but no name"),
    ],
)
def test_a_roster_that_cannot_be_read_is_one_sentence_naming_the_line(text: str, anonymous: bool, problem: str) -> None:
    with pytest.raises(RosterError) as caught:
        parse_roster(text, anonymous=anonymous)
    assert str(caught.value) == problem
    assert isinstance(caught.value, UserError)


def test_what_the_form_always_took_it_still_takes() -> None:
    """Brackets that are not a role at the end stay part of the name, as they always did."""
    assert parse_roster("Ana (CFO", anonymous=False) == (("Ana (CFO", ""),)
    assert parse_roster("Bob (Sales) (Berlin)", anonymous=False) == (("Bob (Sales)", "Berlin"),)
    assert parse_roster("Cy (a) b", anonymous=False) == (("Cy (a) b", ""),)
    assert parse_roster("Di ()", anonymous=False) == (("Di", ""),)


def test_the_roster_to_run_again_keeps_the_people_who_stayed() -> None:
    people = (
        Participant("p1", 1, "Ana Ortiz", "CEO"),
        Participant("p2", 2, "Ben Okafor", "", removed=True),
        Participant("p3", 3, "Chloe Martin", ""),
    )
    assert format_roster(people, anonymous=False) == "Ana Ortiz (CEO)\nChloe Martin"
    again = parse_roster(format_roster(people, anonymous=False), anonymous=False)
    assert again == (("Ana Ortiz", "CEO"), ("Chloe Martin", ""))
    nameless = tuple(Participant(p.id, p.number, "", "", removed=p.removed) for p in people)
    assert format_roster(nameless, anonymous=True) == "2"
    assert format_roster((), anonymous=True) == format_roster((), anonymous=False) == ""
    with_roles = (Participant("p1", 1, "", "CEO"), Participant("p3", 3, "", ""))
    assert format_roster(with_roles, anonymous=True) == "P1 (CEO)\nP3"
    assert parse_roster(format_roster(with_roles, anonymous=True), anonymous=True) == (("", "CEO"), ("", ""))


_WORD = st.text(st.characters(categories=("L", "N"), max_codepoint=0x2FF), min_size=1, max_size=8)
_PHRASE = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)


@settings(deadline=None)  # no time limit per example: a box that stalls one a fifth of a second fails none
@given(st.lists(st.tuples(_PHRASE, _PHRASE | st.just("")), max_size=12, unique_by=lambda p: p[0].casefold()))
def test_a_roster_written_out_reads_back_the_same(pairs: list[tuple[str, str]]) -> None:
    if len(pairs) == 1 and pairs[0][0].isdigit():  # a lone number is a count, not a name
        return
    people = tuple(Participant(f"p{n}", n, name, role) for n, (name, role) in enumerate(pairs, start=1))
    assert parse_roster(format_roster(people, anonymous=False), anonymous=False) == tuple(pairs)

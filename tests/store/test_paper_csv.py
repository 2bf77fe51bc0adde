"""Answers typed from paper sheets into a spreadsheet: what Excel and a typist really write is read, or refused once
with the line it is on (tests/store/test_store_transfer.py has the round trip and the basic refusals)."""

from __future__ import annotations

import pytest

from bootcamp.export import data_csv
from bootcamp.export.data_csv import AnswerImportError
from bootcamp.names import name_key, nearest_name
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.model import Answer

NOW = "2026-09-21"
HEADER = "participant_id;participant;step;item;perspective;value;comment;at"


@pytest.fixture
def room(store: Store, sources: dict[str, str]) -> WorkshopFiles:
    info = store.create_workshop(
        name="Paper day",
        organisation="Acme",
        date="2026-09-21",
        participants=[("Ana Ortiz", ""), ("Chloé Martin", ""), ("Grace O'Neil", ""), ("Hiro Tanaka", "")],
        sources=sources,
    )
    return store.open(info.id)


def ids(room: WorkshopFiles) -> dict[str, str]:
    return {p.display_name.split()[0]: p.id for p in room.info().participants}


def refused(room: WorkshopFiles, text: str) -> list[str]:
    with pytest.raises(AnswerImportError) as caught:
        data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)
    return caught.value.problems


# -- names ----------------------------------------------------------------------------------------------------------


def test_a_name_is_the_same_name_case_accents_spaces_and_apostrophes_aside() -> None:
    assert name_key("Chloe  MARTIN") == name_key("Chloé Martin")
    assert name_key("Grace O\u2019Neil") == name_key("Grace O'Neil") == name_key("grace o\u02bcneil")
    assert name_key("Hiro\xa0Tanaka ") == name_key("Hiro Tanaka") == name_key("\u200bHiro Tanaka\ufeff")
    assert name_key("Ana Ortiz") != name_key("Ana Ortega")


def test_names_that_differ_by_more_than_an_accent_are_different_people() -> None:
    assert name_key("ゆうこ") != name_key("ゆうご")  # Yuko and Yugo: the voicing mark makes another name
    assert name_key("ジロウ") != name_key("シロウ")
    assert name_key("ｼﾞﾛｳ") == name_key("ジロウ")  # half-width katakana is the same name
    assert name_key("ป้า") != name_key("ปา")  # a Thai tone mark is part of the word
    assert name_key("Nguyễn") == name_key("Nguyen")  # a Latin accent is not
    # nor a letter's stroke or a ligature, which no accent-stripping undoes but everyone types without
    assert name_key("Zoë Łukasiewicz") == name_key("Zoe Lukasiewicz")
    assert name_key("Bjørn Sæther") == name_key("Bjorn Saether") == name_key("BJØRN SÆTHER")
    assert name_key("Đorđe Işık") == name_key("Dorde Isik")
    assert name_key("Guðrún Þórsdóttir") == name_key("Gudrun Thorsdottir")
    assert name_key("مُحَمَّد") == name_key("محمد")  # nor Arabic's optional vowel marks
    assert name_key("דָּנָה") == name_key("דנה")  # nor Hebrew's


def test_the_nearest_roster_name_is_offered_only_when_there_is_one() -> None:
    roster = ["Ana Ortiz", "Chloé Martin", "Grace O'Neil"]
    assert nearest_name("Chloe Martn", roster) == "Chloé Martin"
    assert nearest_name("Chloe", roster) == "Chloé Martin"  # every word typed is in one name
    assert nearest_name("Zoë Smith", roster) is None


def test_no_nearest_name_is_offered_when_two_people_on_the_roster_read_as_it() -> None:
    # Łukasz and Lukasz read as one name: offering the first of them for "Lukas Nowak" picked one person at random.
    roster = ["Łukasz Nowak", "Lukasz Nowak", "Ana Ortiz"]
    assert nearest_name("Lukas Nowak", roster) is None
    assert nearest_name("Lukasz", roster) is None  # every word typed is in both
    assert nearest_name("Ana Ortis", roster) == "Ana Ortiz"


def test_a_name_with_letters_an_english_keyboard_lacks_is_found_typed_without_them(
    store: Store, sources: dict[str, str]
) -> None:
    info = store.create_workshop(
        name="Paper day",
        organisation="Acme",
        date="2026-09-21",
        participants=[("Zoë Łukasiewicz", ""), ("Bjørn Sæther", "")],
        sources=sources,
    )
    text = "participant;step;value\r\nZoe Lukasiewicz;basics/mandate;yes\r\nBjorn Saether;basics/mandate;no\r\n"
    answers = data_csv.loads(text, "x.csv", info, store.open(info.id).program(), NOW)
    assert [a.participant_id for a in answers] == [p.id for p in info.participants]


def test_names_typed_with_other_accents_apostrophes_or_spaces_find_their_participant(room: WorkshopFiles) -> None:
    text = (
        "participant;step;value\r\n"
        "Chloe Martin;basics/mandate;yes\r\n"
        "Grace O\u2019Neil;basics/mandate;no\r\n"
        "Hiro\xa0Tanaka;basics/mandate;yes\r\n"
        "ANA  ortiz;basics/mandate;partly\r\n"
    )
    answers = data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)
    who = ids(room)
    assert [(a.participant_id, a.value) for a in answers] == [
        (who["Chloé"], "yes"),
        (who["Grace"], "no"),
        (who["Hiro"], "yes"),
        (who["Ana"], "partly"),
    ]


def test_an_unknown_name_is_said_once_with_its_lines_and_the_nearest_roster_name(room: WorkshopFiles) -> None:
    text = "participant,step,value\n" + "Chloe Martn,basics/mandate,yes\n" * 3 + "Ana Ortiz,basics/mandate,no\n"
    text += "chloe martn,basics/mandate,yes\n" + "Zed,basics/mandate,no\n"
    assert refused(room, text) == [
        "x.csv:2: participant: unknown participant 'Chloe Martn'; did you mean 'Chloé Martin'? (also on lines 3-4, 6)",
        "x.csv:7: participant: unknown participant 'Zed'",
    ]


def test_the_same_problem_on_many_lines_is_said_once(room: WorkshopFiles) -> None:
    rows = "".join(f"{name};basics/mandate;;;maybe;;\r\n" for name in ("Ana Ortiz", "Chloé Martin", "Hiro Tanaka"))
    problems = refused(room, HEADER.replace("participant_id;", "") + "\r\n" + rows)
    assert problems == ["x.csv:2: value: 'maybe' is not on the scale 'commitment' (yes, partly, no, dont-know) (also on lines 3-4)"]


# -- Excel's empty columns --------------------------------------------------------------------------------------------


def test_excels_empty_columns_and_trailing_empty_cells_are_ignored(room: WorkshopFiles) -> None:
    text = (
        "Participant;Step;Item;Perspective;Value;Comment;At;;\r\n"
        "Ana Ortiz;basics/mandate;;;yes;see p.7;;;\r\n"
        "Chloé Martin;basics/mandate;;;no;;;; ;\r\n"
        "Hiro Tanaka;basics/mandate;;;no\r\n"
    )
    answers = data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)
    assert [(a.value, a.comment) for a in answers] == [("yes", "see p.7"), ("no", ""), ("no", "")]


def test_a_cell_under_no_column_is_refused_once_with_its_lines(room: WorkshopFiles) -> None:
    text = (
        "participant;step;value;;\r\n"
        "Ana Ortiz;basics/mandate;yes;;\r\n"
        "Chloé Martin;basics/mandate;no;;oops\r\n"
        "Hiro Tanaka;basics/mandate;no;;oops\r\n"
        "Grace O'Neil;basics/mandate;no;;;extra\r\n"
    )
    assert refused(room, text) == [
        "x.csv:3: row: column 5 has no name in the header, but holds 'oops' (also on line 4)",
        "x.csv:5: row: column 6 is past the header's last column, but holds 'extra'",
    ]


# -- the same tolerance for every cell --------------------------------------------------------------------------------


def test_every_cell_is_trimmed_and_ids_are_read_in_any_case(room: WorkshopFiles) -> None:
    info, who = room.info(), ids(room)
    text = (
        "workshop_id;participant_id;participant;step;item;perspective;value;comment;at\r\n"
        f"{info.id.upper()} ;{who['Ana'].upper()};ana ortiz ;Basics/Mandate ;;; Yes ; on paper ; \r\n"
        f";;Chloé Martin;basics/rate-aptitudes;PERSIST;Team;STRONG;;\xa0\r\n"
        f";;Chloé Martin;basics/rate-aptitudes;persist ;Self ;DONT-KNOW;;\r\n"
        f";;Chloé Martin;basics/role;Reports-To-CEO;;Don\u2019t know;;\r\n"
        f";;Hiro Tanaka;basics/mandate;\u2013;\u2013;no;;\r\n"
    )
    answers = data_csv.loads(text, "x.csv", info, room.program(), NOW)
    assert answers == [
        Answer(who["Ana"], "basics/mandate", "", "", "yes", " on paper ", NOW),
        Answer(who["Chloé"], "basics/rate-aptitudes", "persist", "team", "strong", "", NOW),
        Answer(who["Chloé"], "basics/rate-aptitudes", "persist", "self", "dont-know", "", NOW),
        Answer(who["Chloé"], "basics/role", "reports-to-ceo", "", "dont-know", "", NOW),
        Answer(who["Hiro"], "basics/mandate", "", "", "no", "", NOW),
    ]


def test_a_name_beside_its_id_is_matched_as_tolerantly_as_a_name_alone(room: WorkshopFiles) -> None:
    who = ids(room)
    text = f"participant_id,participant,step,value\n{who['Chloé']},chloe  martin,basics/mandate,yes\n"
    assert len(data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)) == 1
    text = f"participant_id,participant,step,value\n{who['Chloé']},Ana Ortiz,basics/mandate,yes\n"
    assert refused(room, text) == [f"x.csv:2: participant: 'Ana Ortiz' does not match {who['Chloé']} ('Chloé Martin')"]


def test_a_bad_time_says_that_an_empty_one_is_fine(room: WorkshopFiles) -> None:
    text = "participant,step,value,at\nAna Ortiz,basics/mandate,yes,yesterday\n"
    assert refused(room, text) == [
        "x.csv:2: at: 'yesterday' is not a date and time like 2026-09-21T10:30:00+00:00; "
        "leave it empty to date the answer 2026-09-21"
    ]


# -- the header -------------------------------------------------------------------------------------------------------


def test_a_renamed_header_cell_with_a_comma_does_not_make_a_semicolon_file_comma_separated(room: WorkshopFiles) -> None:
    text = "participant;step;item;perspective;value;Comment, if any\r\nAna Ortiz;basics/mandate;;;Yes;\r\n"
    problems = refused(room, text)
    assert problems == [
        "x.csv:1: header: unknown column 'Comment, if any' (did you mean comment?); the columns are: "
        "workshop_id, participant_id, participant, step, item, perspective, value, comment, at"
    ]


def test_a_header_read_with_the_wrong_separator_says_so(room: WorkshopFiles) -> None:
    problems = refused(room, "participant;step,value\nAna Ortiz;basics/mandate,yes\n")
    assert problems[0].startswith("x.csv:1: header: unknown column 'participant;step'")
    assert "read as separated by commas" in problems[0]


def test_every_unknown_header_column_is_named(room: WorkshopFiles) -> None:
    problems = refused(room, "Workshop,participant,step,Answer,value\n")
    assert problems[0].startswith(
        "x.csv:1: header: unknown columns 'Workshop' (did you mean workshop_id?) and 'Answer'; the columns are: "
    )


def test_header_names_are_read_with_spaces_for_underscores(room: WorkshopFiles) -> None:
    text = f"Participant ID;Step;Value\r\n{ids(room)['Ana']};basics/mandate;yes\r\n"
    assert len(data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)) == 1


# -- a step as the sheet names it -------------------------------------------------------------------------------------


def test_a_step_is_found_by_its_heading_on_the_sheet_or_its_id_without_the_session(room: WorkshopFiles) -> None:
    # The sheet's heading is the big bold line ("Who drives agreement?"); its step id stands small beside it, and a
    # typist who copies the heading, or the id without its session, names the step as surely as the full id.
    text = (
        "participant;step;item;perspective;value\r\n"
        "Ana Ortiz;Who drives agreement?;;;yes\r\n"
        "Chloé Martin;mandate;;;no\r\n"
        "Hiro Tanaka;rate the aptitudes;persist;self;strong\r\n"
        "Grace O'Neil;Rate-Aptitudes;persist;team;weak\r\n"
    )
    answers = data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)
    assert [(a.step_key, a.value) for a in answers] == [
        ("basics/mandate", "yes"),
        ("basics/mandate", "no"),
        ("basics/rate-aptitudes", "strong"),
        ("basics/rate-aptitudes", "weak"),
    ]


def test_a_step_named_by_a_heading_or_id_two_steps_share_is_refused_with_both(
    store: Store, sources: dict[str, str]
) -> None:
    more = sources["sessions/basics.yaml"].replace("id: basics", "id: again", 1)
    program = sources["sessions/program.yaml"].replace("sessions: [basics]", "sessions: [basics, again]")
    both = {**sources, "sessions/again.yaml": more, "sessions/program.yaml": program}
    info = store.create_workshop(
        name="Paper day", organisation="Acme", date="2026-09-21", participants=[("Ana Ortiz", "")], sources=both
    )
    room = store.open(info.id)
    text = "participant;step;value\r\nAna Ortiz;mandate;yes\r\nAna Ortiz;Who drives agreement?;no\r\n"
    assert refused(room, text) == [
        "x.csv:2: step: 'mandate' names 2 steps (basics/mandate, again/mandate); give session-id/step-id",
        "x.csv:3: step: 'Who drives agreement?' names 2 steps (basics/mandate, again/mandate); give session-id/step-id",
    ]


def test_a_heading_of_a_step_that_asks_nothing_is_still_unknown(room: WorkshopFiles) -> None:
    assert refused(room, "participant;step;value\r\nAna Ortiz;Welcome;yes\r\n") == [
        "x.csv:2: step: unknown step 'Welcome' (steps are session-id/step-id, as in an export)"
    ]


def test_a_label_typed_with_a_space_for_its_hyphen_is_the_label(room: WorkshopFiles) -> None:
    # The sheet's narrow column breaks "Don't know" and "Joined-up" over two lines; a typist types what they see.
    text = "participant;step;value\r\nAna Ortiz;basics/mandate;dont know\r\nChloé Martin;basics/mandate;Don't-know\r\n"
    answers = data_csv.loads(text, "x.csv", room.info(), room.program(), NOW)
    assert [a.value for a in answers] == ["dont-know", "dont-know"]

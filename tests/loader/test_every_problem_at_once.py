"""`bootcamp validate` lists every problem at once: a problem never hides another, so an author does not fix one,
run validate again, and only then learn of the next. And a problem caused only by another is not said twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_edits import edit, line_of, problems

KINDS = "teach, rate, question, check, exercise, discuss, actions"


def test_a_misspelled_kind_does_not_hide_the_steps_duplicate_id(content: Path) -> None:
    """A step copied from the one above, its id left as it was and its kind misspelled: the duplicate id was said
    only once the kind was fixed."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "  - id: talk\n    kind: discuss", "  - id: poker\n    kind: dicsuss")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'kind: dicsuss') - 1}: steps[7].id: duplicate step id 'poker' "
        f"(first at line {line_of(session, 'id: poker')})",
        f"sessions/basics.yaml:{line_of(session, 'kind: dicsuss')}: steps[7].kind: unknown step kind 'dicsuss' "
        f"(expected one of: {KINDS})",
    ]


def test_a_misspelled_kind_does_not_hide_the_steps_other_fields(content: Path) -> None:
    """The fields every step has (its id, title, minutes, body, agendas) are checked whatever its kind."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "  - id: break\n    kind: teach", "  - id: Coffee break\n    kind: teech")
    edit(session, "minutes: 15", "minutes: 15m")
    edit(session, "body: Back in fifteen minutes.", "body: break.md\n    agendas: [ful]")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'Coffee break')}: steps[5].id: 'Coffee break' is not a valid id "
        "(lower-case letters, digits and hyphens)",
        f"sessions/basics.yaml:{line_of(session, 'kind: teech')}: steps[5].kind: unknown step kind 'teech' "
        f"(expected one of: {KINDS})",
        f"sessions/basics.yaml:{line_of(session, '15m')}: steps[5].minutes: must be a number, got '15m'",
        f"sessions/basics.yaml:{line_of(session, 'break.md')}: steps[5].body: 'break.md' is the name of a file, and "
        "a body is the Markdown itself (no file is read for it): put the file's text under 'body: |'",
        f"sessions/basics.yaml:{line_of(session, '[ful]')}: steps[5].agendas[1]: unknown agenda 'ful' "
        "(expected one of: full, half)",
    ]


def test_a_step_shown_by_a_discussion_with_its_kind_misspelled_is_said_once(content: Path) -> None:
    """'no step rate-aptitudes in this session' under a discussion that shows it sent the author looking for a step
    that is there: its kind is the one mistake."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "kind: rate", "kind: rating")
    edit(session, "    body: What surprised you most today?", "    body: What surprised you?\n    shows: rate-aptitudes")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'kind: rating')}: steps[2].kind: unknown step kind 'rating' "
        f"(expected one of: {KINDS})",
    ]


def test_an_exercise_with_its_kind_misspelled_is_said_once_and_its_other_fields_checked(content: Path) -> None:
    """`kind: rolecheck`: the step running it was told 'unknown role-check exercise', though the file is there and
    named right; and the file's bad id was said only once its kind was fixed."""
    exercise = content / "exercises" / "role-check.yaml"
    edit(exercise, "kind: role-check", "kind: rolecheck")
    edit(exercise, "body: Enter the role description line by line.", "body: role-check.md")
    assert problems(content) == [
        f"exercises/role-check.yaml:{line_of(exercise, 'kind: rolecheck')}: kind: unknown exercise kind 'rolecheck' "
        "(expected poker or role-check)",
        f"exercises/role-check.yaml:{line_of(exercise, 'role-check.md')}: body: 'role-check.md' is the name of a file, "
        "and a body is the Markdown itself (no file is read for it): put the file's text under 'body: |'",
    ]


def test_an_exercise_with_its_kind_misspelled_does_not_hide_a_duplicate_id(content: Path) -> None:
    """A second Poker made by copying the first: its id left as it was and its kind misspelled."""
    poker = content / "exercises" / "aptitude-poker.yaml"
    copy = content / "exercises" / "levers-poker.yaml"
    copy.write_text(poker.read_text().replace("kind: poker", "kind: Poker"))
    assert problems(content) == [
        "exercises/levers-poker.yaml:1: id: duplicate exercise id 'aptitude-poker' "
        "(also in exercises/aptitude-poker.yaml)",
        "exercises/levers-poker.yaml:2: kind: unknown exercise kind 'Poker' (expected poker or role-check)",
    ]


def test_an_exercise_whose_id_is_misspelled_is_said_once(content: Path) -> None:
    """`Id: role-check`: the step running it was also told 'unknown role-check exercise' for the one slip."""
    exercise = content / "exercises" / "role-check.yaml"
    edit(exercise, "id: role-check", "Id: role-check")
    assert problems(content) == [
        "exercises/role-check.yaml:1: Id: unknown field, and the required id is missing: is Id meant to be id?",
    ]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Id: basics", "Id: unknown field, and the required id is missing: is Id meant to be id?"),
        ("id: Basics", "id: 'Basics' is not a valid id (lower-case letters, digits and hyphens)"),
    ],
)
def test_a_session_whose_id_is_misspelled_is_said_once(content: Path, written: str, said: str) -> None:
    """`Id: basics`: each agenda running the session was also told 'unknown session basics', though the file is
    there and named right."""
    edit(content / "sessions" / "basics.yaml", "id: basics", written)
    assert problems(content) == [f"sessions/basics.yaml:1: {said}"]


def test_an_agenda_naming_a_session_that_is_not_there_is_said_while_another_id_is_misspelled(content: Path) -> None:
    edit(content / "sessions" / "basics.yaml", "id: basics", "Id: basics")
    program = content / "sessions" / "program.yaml"
    edit(program, "sessions: [basics]", "sessions: [basic]")
    assert problems(content) == [
        "sessions/basics.yaml:1: Id: unknown field, and the required id is missing: is Id meant to be id?",
        f"sessions/program.yaml:{line_of(program, '[basic]')}: agendas.full.sessions[1]: unknown session 'basic' "
        "(known: none defined)",
    ]


def test_an_exercise_whose_id_is_not_valid_is_said_once(content: Path) -> None:
    """`id: Role-check`: the step running it was told 'unknown role-check exercise role-check (known: Role-check)'."""
    edit(content / "exercises" / "role-check.yaml", "id: role-check", "id: Role-check")
    assert problems(content) == [
        "exercises/role-check.yaml:1: id: 'Role-check' is not a valid id (lower-case letters, digits and hyphens)",
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "the file is empty"),
        ("# the role check, to be written\n", "the file is empty"),
        ("- id: role-check\n- kind: role-check\n", "must be a mapping of fields, got a list"),
    ],
)
def test_an_exercise_file_that_is_empty_or_no_mapping_is_said_once(content: Path, text: str, said: str) -> None:
    """A role check file saved empty, or written as a list: the step running it was also told 'unknown role-check
    exercise role-check (known: none defined)', sending the author looking for a file that is there."""
    (content / "exercises" / "role-check.yaml").write_text(text)
    assert problems(content) == [f"exercises/role-check.yaml:1: {said}"]


def test_a_session_file_that_is_empty_is_said_once(content: Path) -> None:
    """Each agenda running it was also told 'unknown session basics'."""
    (content / "sessions" / "basics.yaml").write_text("")
    assert problems(content) == ["sessions/basics.yaml:1: the file is empty"]


def test_a_step_naming_an_exercise_that_is_not_there_is_said_beside_an_empty_exercise_file(content: Path) -> None:
    (content / "exercises" / "role-check.yaml").write_text("")
    session = content / "sessions" / "basics.yaml"
    edit(session, "exercise: aptitude-poker", "exercise: aptitude-pokr")
    assert problems(content) == [
        "exercises/role-check.yaml:1: the file is empty",
        f"sessions/basics.yaml:{line_of(session, 'aptitude-pokr')}: steps[6].exercise: unknown poker exercise "
        "'aptitude-pokr' (known: aptitude-poker)",
    ]


def test_a_broken_program_file_does_not_hide_a_step_naming_no_exercise(content: Path) -> None:
    """With program.yaml not valid YAML, a step naming an exercise that is not there was said only once the program
    file was fixed, though the exercises were all read."""
    program = content / "sessions" / "program.yaml"
    edit(program, "title: Fixture boot camp", "title: [Fixture boot camp")
    session = content / "sessions" / "basics.yaml"
    edit(session, "exercise: aptitude-poker", "exercise: aptitude-pokr")
    unknown_exercise, broken_program = problems(content)
    assert unknown_exercise == (
        f"sessions/basics.yaml:{line_of(session, 'aptitude-pokr')}: steps[6].exercise: unknown poker exercise "
        "'aptitude-pokr' (known: aptitude-poker)"
    )
    assert broken_program.startswith("sessions/program.yaml:2:8: not valid YAML")


def test_a_missing_program_file_does_not_hide_a_step_naming_no_exercise(content: Path) -> None:
    (content / "sessions" / "program.yaml").unlink()
    session = content / "sessions" / "basics.yaml"
    edit(session, "exercise: role-check", "exercise: rolecheck")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'exercise: rolecheck')}: steps[4].exercise: unknown role-check "
        "exercise 'rolecheck' (known: role-check)",
        "sessions/program.yaml: missing: it names the boot camp, its agendas, scales, lists and dimensions",
    ]


def test_items_written_out_are_said_with_the_program_file_broken(content: Path) -> None:
    program = content / "sessions" / "program.yaml"
    edit(program, "title: Fixture boot camp", "title: [Fixture boot camp")
    session = content / "sessions" / "basics.yaml"
    edit(session, "    items: aptitudes", "    items: [listening, urgency]")
    items_written_out, _ = problems(content)
    assert items_written_out == (
        f"sessions/basics.yaml:{line_of(session, 'items: [')}: steps[2].items: must be the id of one of the lists in "
        "sessions/program.yaml, not the items themselves: write them there, under lists, with an id, a title and a "
        "text each"
    )


@pytest.mark.parametrize(("section", "written"), [("scales", "scale"), ("lists", "list"), ("dimensions", "dimension")])
def test_a_misspelled_section_of_the_program_is_said_once(content: Path, section: str, written: str) -> None:
    """`scale:` for `scales:` in program.yaml was four problems: the misspelling, then 'unknown scale' on every step
    and exercise naming one, though each named it right."""
    program = content / "sessions" / "program.yaml"
    edit(program, f"\n{section}:", f"\n{written}:")
    assert problems(content) == [
        f"sessions/program.yaml:{line_of(program, f'{written}:')}: {written}: unknown field, and the required "
        f"{section} is missing: is {written} meant to be {section}?",
    ]


def test_a_section_that_is_no_mapping_is_said_once(content: Path) -> None:
    program = content / "sessions" / "program.yaml"
    text = program.read_text()
    start, end = text.index("\nlists:"), text.index("\ndimensions:")
    program.write_text(text[:start] + "\nlists: aptitudes" + text[end:])
    assert problems(content) == [
        f"sessions/program.yaml:{line_of(program, 'lists: aptitudes')}: lists: must be a mapping of fields, "
        "got 'aptitudes'",
    ]


LEARNED = """learned:
  bais: -0.2
  margin: 0.5
  words: |
    escal case -1.25
    journey 0,8
"""


def test_a_misspelled_field_in_learned_words_does_not_hide_a_bad_row(content: Path) -> None:
    """The learned words pasted by hand, `bais:` for `bias:` and a weight with a decimal comma: the row was checked
    only once the field was fixed."""
    exercise = content / "exercises" / "role-check.yaml"
    exercise.write_text(exercise.read_text() + LEARNED)
    assert problems(content) == [
        f"exercises/role-check.yaml:{line_of(exercise, 'bais:')}: learned.bais: unknown field, and the required bias "
        "is missing: is bais meant to be bias?",
        f"exercises/role-check.yaml:{line_of(exercise, 'journey 0,8')}: learned.words: 'journey 0,8' is not a word or "
        "a pair of words followed by its weight (such as: escal case -1.25)",
    ]

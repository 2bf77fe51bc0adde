"""Mistakes a facilitator made writing a client's boot camp from the README alone: each is one problem, said in one
sentence with file, line and field, where the loader used to say two things or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_edits import edit, line_of, problems

from bootcamp.content import load_dir, load_sources, read_sources


def test_a_required_field_misspelled_is_one_problem_on_the_misspelled_line(content: Path) -> None:
    """`promt:` for `question:` was two problems, 'question: missing required field' on the step's first line and
    'promt: unknown field' on its own, for one slip of the keyboard."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "    question: Do leaders", "    promt: Do leaders")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'promt:')}: steps[3].promt: unknown field, and the required "
        "question is missing: is promt meant to be question?"
    ]


def test_an_optional_field_misspelled_names_the_field_it_is_close_to(content: Path) -> None:
    """`note:` for `notes:` listed all thirteen fields a question may have, leaving the author to spot the one meant."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "    notes: Watch for", "    note: Watch for")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'note: Watch')}: steps[2].note: unknown field: did you mean notes? "
        "(expected one of: agendas, body, id, items, kind, minutes, notes, perspectives, rated_for, scale, title)"
    ]


def test_a_field_no_other_is_close_to_still_lists_what_is_expected(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, "    minutes: 4\n", "    minutes: 4\n    colour: red\n")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'colour')}: steps[3].colour: unknown field (expected one of: "
        "agendas, ask_next, body, comment, dimension, do_next, id, kind, minutes, notes, question, scale, title)"
    ]


@pytest.mark.parametrize("name", ["hopes.md", "slides/welcome.md", "welcome.markdown", "notes.txt"])
def test_a_body_naming_a_markdown_file_is_refused(content: Path, name: str) -> None:
    """`body: hopes.md` validated ok and the wall showed the file's name, 'hopes.md', where the slide should be: a
    body is the Markdown itself, and no file is read for it."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "body: What surprised you most today?", f"body: {name}")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, name)}: steps[7].body: '{name}' is the name of a file, and a body is "
        "the Markdown itself (no file is read for it): put the file's text under 'body: |'"
    ]
    assert load_sources(read_sources(content)).step("basics/talk").body == name  # a stored copy still loads


def test_a_body_that_mentions_a_file_in_a_sentence_is_text(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, "body: What surprised you most today?", "body: Open charter.md on your laptop.")
    assert load_dir(content).step("basics/talk").body == "Open charter.md on your laptop."


@pytest.mark.parametrize(
    ("step", "kind", "body", "written"),
    [
        ("break", "teach", "body: Back in fifteen minutes.", 'body: ""'),
        ("break", "teach", "body: Back in fifteen minutes.", "body: |"),
        ("talk", "discuss", "body: What surprised you most today?", "body: '  '"),
    ],
)
def test_an_empty_body_on_a_teach_or_discuss_step_is_refused(
    content: Path, step: str, kind: str, body: str, written: str
) -> None:
    """README says a teach or discuss step needs a body, but one left empty (the slide to be written later)
    validated ok, and the wall showed an empty slide."""
    session = content / "sessions" / "basics.yaml"
    edit(session, body, written)
    number, body_line = {"break": 5, "talk": 7}[step], line_of(session, f"id: {step}") + 4
    assert problems(content) == [
        f"sessions/basics.yaml:{body_line}: steps[{number}].body: must not be empty: a {kind} step "
        "shows its body to the room (write it under 'body: |')"
    ]
    assert load_sources(read_sources(content)).step(f"basics/{step}").body == ""  # a stored copy still loads


def test_an_empty_body_on_a_step_that_shows_something_else_is_left_out(content: Path) -> None:
    """A rate step shows its items; its body is optional, and an empty one is as good as none."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "body: Rate each aptitude for yourself and your team.", 'body: ""')
    assert load_dir(content).step("basics/rate-aptitudes").body == ""


def test_a_comma_in_a_braced_entry_says_it_ended_the_text(content: Path) -> None:
    """`{id: x, title: X, text: One bill a month, right first time.}`: the comma ends the text, and 'right first
    time.' was reported as an unknown field, which the author had never written as one."""
    program = content / "sessions" / "program.yaml"
    edit(program, "text: Built into how the company runs.}", "text: Built in, every day.}")
    assert problems(content) == [
        f"sessions/program.yaml:{line_of(program, 'Built in, every day.')}: levels[2].every day.: in {{…}} a comma "
        "ends a field, so 'every day.' was read as a field name: put the text that holds the comma in quotes "
        '("…")'
    ]


def test_items_listed_in_the_step_say_to_name_a_list_of_the_program(content: Path) -> None:
    """README said a rate step needs `items` (a list), so the author listed them, and was told 'must be text, got a
    list': the items are one of the program's named lists, given by its id."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "    items: aptitudes", "    items: [listening, urgency]")
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, 'items: [')}: steps[2].items: must be the id of one of the lists in "
        "sessions/program.yaml (known: aptitudes), not the items themselves: write them there, under "
        "lists, with an id, a title and a text each"
    ]


def test_a_poker_deck_listed_in_the_exercise_says_to_name_a_list_of_the_program(content: Path) -> None:
    poker = content / "exercises" / "aptitude-poker.yaml"
    edit(poker, "deck: aptitudes", "deck:\n  - listening\n  - urgency")
    (found,) = problems(content)
    assert found.startswith(f"exercises/aptitude-poker.yaml:{line_of(poker, 'deck:')}: deck: must be the id of one "
                            "of the lists in sessions/program.yaml (known: aptitudes)")

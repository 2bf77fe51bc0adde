"""A discussion may show the results of a rate step before it (``shows``); every wrong ``shows`` is one problem naming
file, line and field, in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_edits import FIXTURE, edit, line_of, problems

from bootcamp.content import load_dir, load_sources, read_sources
from bootcamp.content.model import StepKind

SHIPPED = Path(__file__).resolve().parents[2]
TALK = "  - id: talk\n    kind: discuss\n"
A_LATER_RATING = """  - id: rate-again
    kind: rate
    title: Rate them again
    minutes: 5
    items: aptitudes
    scale: strength
    perspectives: [self]
  - id: next
"""


def talk_shows(content: Path, value: str) -> Path:
    session = content / "sessions" / "basics.yaml"
    edit(session, TALK, f"{TALK}    shows: {value}\n")
    return session


def test_a_discussion_shows_the_rate_step_before_it(content: Path) -> None:
    talk_shows(content, "rate-aptitudes")
    program = load_dir(content)
    talk, rate = program.step("basics/talk"), program.step("basics/rate-aptitudes")
    assert talk is not None and talk.shows == "rate-aptitudes"
    assert program.shown_step(talk) is rate
    assert load_sources(read_sources(content)) == program  # a workshop's stored copy reads it the same way


def test_which_step_r_reveals_is_one_rule() -> None:
    program = load_dir(FIXTURE)
    by_kind = {step.kind: step for step in program.steps("full")}
    for kind in (StepKind.RATE, StepKind.QUESTION, StepKind.CHECK):
        assert program.shown_step(by_kind[kind]) is by_kind[kind]  # a step the room answers: its own results
    for kind in (StepKind.TEACH, StepKind.EXERCISE, StepKind.DISCUSS, StepKind.ACTIONS):
        assert program.shown_step(by_kind[kind]) is None  # a discussion without shows: nothing to reveal


def test_content_written_before_shows_loads_as_it_did() -> None:
    """A workshop's stored copy of older content has no shows: it opens, and its discussions show nothing."""
    program = load_sources(read_sources(FIXTURE))
    talk = program.step("basics/talk")
    assert talk is not None and talk.shows == "" and program.shown_step(talk) is None
    assert program == load_dir(FIXTURE)


def test_the_shipped_discussions_show_the_ratings_before_them() -> None:
    program = load_dir(SHIPPED)
    shown = {
        step.key: program.shown_step(step).key
        for step in program.steps("full")
        if step.kind is StepKind.DISCUSS and program.shown_step(step) is not None
    }
    assert shown == {
        "aptitudes/heat-map": "aptitudes/rate-aptitudes",
        "competencies/audit-discussion": "competencies/competency-audit",
        "role/role-verdict": "role/role-check",
    }


@pytest.mark.parametrize(
    ("shows", "message"),
    [
        pytest.param(
            "rate-aptitude",
            "no step 'rate-aptitude' in this session (its rate and check steps before this one: rate-aptitudes, role)",
            id="no-such-step",
        ),
        pytest.param(
            "mandate",
            "'mandate' is a question step: a discussion shows the results of a rate or check step",
            id="not-a-rating",
        ),
        pytest.param(
            "talk", "'talk' is a discuss step: a discussion shows the results of a rate or check step", id="itself"
        ),
        pytest.param(
            "basics/rate-aptitudes",
            "name the step by its id alone ('rate-aptitudes'): a discussion shows a step of its own session",
            id="session-and-step",
        ),
        pytest.param(
            "Rate_Aptitudes",
            "'Rate_Aptitudes' is not a valid id (lower-case letters, digits and hyphens)",
            id="not-an-id",
        ),
    ],
)
def test_a_wrong_shows_is_one_sentence_with_file_line_and_field(content: Path, shows: str, message: str) -> None:
    session = talk_shows(content, shows)
    line = line_of(session, f"shows: {shows}")
    assert problems(content) == [f"sessions/basics.yaml:{line}: steps[7].shows: {message}"]


def test_a_rating_after_the_discussion_is_refused(content: Path) -> None:
    session = talk_shows(content, "rate-again")
    edit(session, "  - id: next\n", A_LATER_RATING)
    line = line_of(session, "shows: rate-again")
    assert problems(content) == [
        f"sessions/basics.yaml:{line}: steps[7].shows: "
        "'rate-again' comes after this step: a discussion shows the results of a rate or check step before it"
    ]


def test_a_rating_left_out_of_an_agenda_the_discussion_is_in_is_refused(content: Path) -> None:
    session = talk_shows(content, "rate-aptitudes")
    edit(session, "    perspectives: [self, team]\n", "    perspectives: [self, team]\n    agendas: [full]\n")
    line = line_of(session, "shows: rate-aptitudes")
    assert problems(content) == [
        f"sessions/basics.yaml:{line}: steps[7].shows: 'rate-aptitudes' is left out of the half agenda, which this "
        "step is in: add half to its agendas, or leave this step out of the half agenda too"
    ]
    edit(session, TALK, f"{TALK}    agendas: [full]\n")  # the discussion left out of the half day too: right
    assert load_dir(content).step("basics/talk").shows == "rate-aptitudes"


def test_only_a_discussion_shows_results(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, "  - id: break\n    kind: teach\n", "  - id: break\n    kind: teach\n    shows: rate-aptitudes\n")
    (found,) = problems(content)
    assert found.startswith(f"sessions/basics.yaml:{line_of(session, 'shows: rate-aptitudes')}: steps[5].shows: ")
    assert "unknown field (expected one of: agendas, body, id, kind, minutes, notes, title)" in found

"""The shipped boot camp: it validates, holds every id the app relies on, and fits its agendas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bootcamp.content import Program, StepKind, load_dir
from bootcamp.content.model import Perspective, RoleCheck

ROOT = Path(__file__).resolve().parents[2]

APTITUDES = (
    "revenue-attention",
    "make-them-listen",
    "guerrilla-metrics",
    "persist",
    "action-not-banners",
    "survival-of-the-chameleon",
    "keep-the-troops-positive",
    "market-back",
    "create-urgency",
    "give-the-power-away",
)
COMPETENCIES = (
    "customers-as-assets",
    "align-around-experience",
    "listening-path",
    "reliability-and-innovation",
    "one-company-leadership",
)
DIMENSIONS = (
    "mandate",
    "staffing",
    "roadmap",
    "metrics",
    "accountability",
    "funding",
    "customers-as-asset",
    "motivation",
    "structure",
    "sustainability",
)
STRUCTURE_QUESTIONS = ("level", "reporting-line", "ceo-backing", "dedicated-team", "shared-goals", "joint-planning")
BREAK_SESSIONS = {"morning-break", "lunch", "afternoon-break"}


@pytest.fixture(scope="module")
def program() -> Program:
    return load_dir(ROOT)


def role_check(program: Program) -> RoleCheck:
    checks = [e for e in program.exercises if isinstance(e, RoleCheck)]
    assert len(checks) == 1
    return checks[0]


def test_bootcamp_validate_passes_on_the_shipped_content() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bootcamp", "validate", "--content", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")


@pytest.mark.parametrize(("list_id", "ids"), [("aptitudes", APTITUDES), ("competencies", COMPETENCIES)])
def test_named_lists_hold_their_ids_in_order_with_title_text_and_short_label(
    program: Program, list_id: str, ids: tuple[str, ...]
) -> None:
    item_list = program.item_list(list_id)
    assert item_list is not None
    assert tuple(item.id for item in item_list.items) == ids
    for item in item_list.items:
        assert item.title.strip() and item.text.strip(), item.id
        assert 0 < len(item.short) <= 14, f"{item.id}: short label {item.short!r} is too long for a grid column"


def test_every_commitment_dimension_is_present_with_title_and_text(program: Program) -> None:
    assert tuple(d.id for d in program.dimensions) == DIMENSIONS
    for dimension in program.dimensions:
        assert dimension.title.strip() and dimension.text.strip(), dimension.id


@pytest.mark.parametrize("agenda", ["full", "half"])
def test_every_dimension_is_asked_in_every_agenda(program: Program, agenda: str) -> None:
    asked = {q.dimension for q in program.questions(agenda)}
    assert asked == set(DIMENSIONS)


def test_two_questions_per_dimension_in_the_full_day_and_structure_only_in_the_role_check(program: Program) -> None:
    question_steps = [s for s in program.steps("full") if s.kind is StepKind.QUESTION]
    per_dimension: dict[str, int] = {}
    for step in question_steps:
        assert step.question is not None
        per_dimension[step.question.dimension] = per_dimension.get(step.question.dimension, 0) + 1
    assert "structure" not in per_dimension
    assert per_dimension == {d: 2 for d in DIMENSIONS if d != "structure"}
    check = role_check(program)
    assert tuple(q.id for q in check.structure) == STRUCTURE_QUESTIONS
    assert {q.dimension for q in check.structure} == {"structure"}


def test_every_question_says_what_to_ask_next_and_what_to_do(program: Program) -> None:
    questions = program.questions("full")
    assert questions
    for question in questions:
        assert question.text.strip() and question.ask_next.strip() and question.do_next.strip(), question.id
        assert question.scale == "commitment", question.id


def test_scales_the_app_relies_on(program: Program) -> None:
    commitment = program.scale("commitment")
    assert commitment is not None
    assert [(o.id, o.key) for o in commitment.options] == [("yes", "y"), ("partly", "p"), ("no", "n"), ("dont-know", "d")]
    strength = program.scale("strength")
    assert strength is not None and len(strength.scored_options) >= 2
    for scale in program.scales:
        assert len([o for o in scale.options if o.dont_know]) == 1, scale.id
        assert all(len(o.key) == 1 for o in scale.options), scale.id


def test_no_option_label_repeats_its_key(program: Program) -> None:
    """The console, the projector and the footer show each key beside its label: ``1 Absent``, never ``1 1 Absent``."""
    for scale in program.scales:
        for option in scale.options:
            assert not option.label.startswith(f"{option.key} "), (scale.id, option.label)


def test_the_audit_notes_ask_for_the_view_the_slide_asks_for(program: Program) -> None:
    """The slide, the console and the phone ask for the company ("Rate each for the company", ``rated_for``), as the
    notes do: "rate the company as your team sees it, not how well your own team does it"."""
    audit = next(s for s in program.steps("full") if s.kind is StepKind.RATE and s.items == "competencies")
    notes = " ".join(audit.notes.split())
    assert audit.rated_for == "the company" and "rate the company as your team sees it" in notes


def test_how_the_day_works_says_the_results_wait_for_the_facilitators_reveal(program: Program) -> None:
    """The slide told the room its results stay hidden "until everyone has answered": the app shows none of them,
    answered or not, until the facilitator reveals them (r)."""
    step = program.step("opening/how-the-day-works")
    assert step is not None
    body = " ".join(step.body.split())
    assert "until everyone has answered" not in body and "until the facilitator reveals them" in body


def test_a_discussion_whose_wall_shows_no_results_says_they_are_read_out(program: Program) -> None:
    """"Where we disagree" said "Look at the room's answers" on a wall that shows none (the step ``shows`` nothing):
    its notes read the scores out from the summary (F4). The slide and the notes now say the same."""
    unshown = [s for s in program.steps("full") if s.kind is StepKind.DISCUSS and not s.shows]
    assert all("look at the room's" not in step.body.lower() for step in unshown)
    disagree = program.step("commitment/where-we-disagree")
    assert disagree is not None and disagree in unshown
    body, notes = (" ".join(text.split()) for text in (disagree.body, disagree.notes))
    assert "read out from the summary" in body and "weakest first" in body
    assert "read out the scores by dimension, weakest first, from the summary" in notes


def test_rate_steps_rate_aptitudes_for_self_and_team_and_audit_competencies_for_the_team(program: Program) -> None:
    rate_steps = {s.items: s for s in program.steps("full") if s.kind is StepKind.RATE}
    assert set(rate_steps) == {"aptitudes", "competencies"}
    assert rate_steps["aptitudes"].scale == "strength"
    assert rate_steps["aptitudes"].perspectives == (Perspective.SELF, Perspective.TEAM)
    maturity = program.scale(rate_steps["competencies"].scale)
    assert maturity is not None and maturity.id not in {"strength", "commitment"}
    assert rate_steps["competencies"].perspectives == (Perspective.TEAM,)
    assert {s.items for s in program.steps("half") if s.kind is StepKind.RATE} == {"aptitudes", "competencies"}


def test_levels_run_from_lip_service_to_hard_wired(program: Program) -> None:
    levels = program.levels
    assert levels[0].id == "lip-service" and levels[0].min_score == 0
    assert levels[-1].id == "hard-wired"
    assert [level.min_score for level in levels] == sorted({level.min_score for level in levels})
    assert all(0 <= level.min_score <= 100 and level.text.strip() for level in levels)


def test_the_full_day_has_the_poker_exercise_and_both_agendas_the_role_check(program: Program) -> None:
    for agenda in ("full", "half"):
        kinds = [s.kind for s in program.steps(agenda)]
        assert StepKind.CHECK in kinds and StepKind.ACTIONS in kinds, agenda
    poker_steps = [s for s in program.steps("full") if s.kind is StepKind.EXERCISE]
    assert [s.exercise for s in poker_steps] == ["aptitude-poker"]
    poker = program.exercise("aptitude-poker")
    assert poker is not None and poker.deck == "aptitudes"
    assert [p.id for p in poker.prompts] == ["today", "opportunity", "actions"]


def test_every_step_has_minutes_and_facilitator_notes(program: Program) -> None:
    for session in program.sessions:
        for step in session.steps:
            assert step.minutes > 0, step.key
            assert len(step.notes.split()) >= 15, f"{step.key}: notes too thin for a facilitator"


def test_each_teaching_session_opens_with_why_and_ends_with_the_takeaway(program: Program) -> None:
    teaching = [s for s in program.sessions if s.id not in BREAK_SESSIONS]
    assert len(teaching) == 6
    for session in teaching:
        first, last = session.steps[0], session.steps[-1]
        assert first.kind is StepKind.TEACH and "why" in first.id, session.id
        assert last.kind is StepKind.TEACH, session.id
        assert last.agendas == ("full", "half"), f"{session.id}: the takeaway must be in both agendas"


def test_breaks_are_steps_with_minutes_in_both_agendas(program: Program) -> None:
    for agenda, expected in (("full", 15 + 45 + 15), ("half", 15)):
        minutes = sum(
            step.minutes
            for session_id in program.agenda(agenda).session_ids  # type: ignore[union-attr]
            if session_id in BREAK_SESSIONS
            for step in program.session(session_id).steps  # type: ignore[union-attr]
            if agenda in step.agendas
        )
        assert minutes == expected, agenda


def test_full_day_runs_six_to_seven_hours_and_half_day_at_most_three_and_a_half(program: Program) -> None:
    full = sum(step.minutes for step in program.steps("full"))
    half = sum(step.minutes for step in program.steps("half"))
    assert full == program.planned_minutes("full")
    assert 6 * 60 <= full <= 7 * 60, f"full day is {full} minutes"
    assert half <= 3.5 * 60, f"half day is {half} minutes"
    assert half < full

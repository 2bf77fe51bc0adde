"""Every slide fits the presenter box (76 columns × 16 rows at 80×24), rendered as rich renders Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.markdown import Markdown
from rich.text import Text

from bootcamp.content import load_dir

ROOT = Path(__file__).resolve().parents[2]
COLUMNS, ROWS = 76, 16
QUESTION_ROWS = 3

PROGRAM = load_dir(ROOT)
STEPS = [step for session in PROGRAM.sessions for step in session.steps]
QUESTIONS = PROGRAM.questions("full")


def rendered_lines(markdown: str) -> list[str]:
    console = Console(width=COLUMNS, color_system=None, force_terminal=False, legacy_windows=False)
    with console.capture() as capture:
        console.print(Markdown(markdown))
    return capture.get().splitlines()


def test_the_measure_counts_wrapped_lines() -> None:
    # guards the measure itself: a long paragraph wraps, a list item is a line
    assert len(rendered_lines("word " * 40)) == 3
    assert [line.strip() for line in rendered_lines("- one\n- two\n- three") if line.strip()] == ["• one", "• two", "• three"]


@pytest.mark.parametrize("step", [s for s in STEPS if s.body], ids=lambda s: s.key)
def test_step_body_fits_the_presenter_box(step) -> None:
    lines = rendered_lines(step.body)
    assert len(lines) <= ROWS, f"{step.key}: {len(lines)} rows"
    assert all(len(line.rstrip()) <= COLUMNS for line in lines)


def test_teach_and_discuss_steps_all_have_a_body() -> None:
    for step in STEPS:
        if step.kind.value in ("teach", "discuss"):
            assert step.body.strip(), step.key


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_question_text_fits_three_lines(question) -> None:
    console = Console(width=COLUMNS, color_system=None)
    assert len(Text(question.text).wrap(console, COLUMNS)) <= QUESTION_ROWS


@pytest.mark.parametrize(
    "exercise", PROGRAM.exercises, ids=lambda e: e.id
)
def test_exercise_body_fits_the_presenter_box(exercise) -> None:
    assert len(rendered_lines(exercise.body)) <= ROWS

"""The role check's labelled examples: a line neither the markers nor the learned words decide leans like its
nearest labelled duties when they agree and are alike enough, the reason quotes the closest, and the examples are
content checked with file and line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bootcamp.content import load_dir
from bootcamp.content.model import Leaning, LearnedWords, RoleCheck
from bootcamp.content.rolecheck import suggest
from bootcamp.content.rolecheck_words import nearest, parse_examples
from tests.content.role_check_copies import problem_said, row_added_to_block, setting_changed

ROOT = Path(__file__).resolve().parents[2]
CHECK = next(e for e in load_dir(ROOT).exercises if isinstance(e, RoleCheck))
# Hand-made examples, so each test says what it relies on (the shipped ones are the labelled corpus and change).
EXAMPLES = (
    "tactical | Reconcile the cash drawers of every branch each evening\n"
    "tactical | Reconcile the branch cash drawers before the doors close\n"
    "strategic | Make the branch network's customer promise part of every department's plan\n"
    "strategic | Put customer promises into the plans of every department\n"
    "tactical | Book the meeting rooms for the weekly branch huddle\n"
    "strategic | Teach every department how to read the customer survey\n"
)


def check_with(examples: str = EXAMPLES, *, nearest_count: int = 2, similarity: float = 0.35, words: str = "") -> RoleCheck:
    # No markers and no word that weighs: only the examples can decide
    return replace(CHECK, markers=(), learned=LearnedWords(0.0, 1.0, words, examples, nearest_count, similarity))


def test_a_line_nothing_else_decides_leans_like_its_nearest_examples_and_the_reason_quotes_the_closest() -> None:
    suggestion = suggest("Reconcile the cash drawers at each branch", check_with())
    assert suggestion.leaning is Leaning.TACTICAL
    assert suggestion.reason == (
        "Leans tactical: neither a marker nor the learned words decide it, but it reads most like labelled tactical "
        'duties such as "Reconcile the branch cash drawers before the doors close".'
    )
    strategic = suggest("Put the customer promise into every department's plan", check_with())
    assert strategic.leaning is Leaning.STRATEGIC
    assert strategic.reason.endswith('such as "Put customer promises into the plans of every department".')


def test_nearest_examples_that_disagree_or_are_not_alike_enough_leave_the_line_undecided() -> None:
    mixed = "Reconcile the cash promise plan"  # as near the tactical drawers as the strategic plans
    assert {e.label for _, e in nearest(mixed, EXAMPLES, 2)} == {"strategic", "tactical"}
    assert suggest(mixed, check_with()).leaning is Leaning.UNDECIDED
    assert suggest("Reconcile the cash drawers at each branch", check_with(similarity=1.0)).leaning is Leaning.UNDECIDED
    assert suggest("Water the office plants", check_with()).leaning is Leaning.UNDECIDED  # shares no word at all
    assert suggest("Reconcile the cash drawers at each branch", check_with(nearest_count=3)).leaning is Leaning.UNDECIDED


def test_the_examples_decide_only_what_the_markers_and_the_words_leave_undecided() -> None:
    words = "reconcile 3.0\n"  # the learned words lean strategic on this line, against the examples
    suggestion = suggest("Reconcile the cash drawers at each branch", check_with(words=words))
    assert suggestion.leaning is Leaning.STRATEGIC and "learned" not in suggestion.reason
    assert suggest("Reconcile the cash drawers at each branch", replace(check_with(), learned=None)).leaning is (
        Leaning.UNDECIDED
    )


def test_examples_overturn_a_weak_marker_sign_the_other_way_only_when_they_carry_it_too() -> None:
    from bootcamp.content.model import Marker

    weak = Marker("promise-words", Leaning.STRATEGIC, "Promise words", "A promise to customers.", (r"\bpromise\b",), 0.5)
    check = replace(check_with(), markers=(weak,))
    # alike in "cash drawers" to two tactical examples that say nothing of a promise: the room decides
    unlike = suggest("Reconcile the cash drawers against the customer promise", check)
    assert unlike.leaning is Leaning.UNDECIDED
    assert unlike.reason == (
        "Undecided: it has a weak strategic sign (promise words), but it reads like labelled tactical duties such as "
        '"Reconcile the branch cash drawers before the doors close", so the room decides.'
    )
    # tactical examples that carry the sign themselves: their labeller saw it and still called them tactical
    carrying = EXAMPLES.replace("before the doors close", "before the promise deadline").replace(
        "of every branch each evening", "by the promise time each evening"
    )
    assert check.learned is not None
    seen = replace(check, learned=replace(check.learned, examples=carrying))
    assert suggest("Reconcile the cash drawers against the customer promise", seen).leaning is Leaning.TACTICAL


def test_strategic_examples_never_make_a_duty_inside_the_leaders_own_unit_strategic() -> None:
    line = "Put the customer promise into the team's own plan"
    assert {e.label for _, e in nearest(line, EXAMPLES, 2)} == {"strategic"}
    assert suggest(line, check_with()).leaning is Leaning.UNDECIDED


def test_the_shipped_examples_are_the_clear_labelled_lines_of_the_development_parts() -> None:
    assert CHECK.learned is not None
    shipped = parse_examples(CHECK.learned.examples)
    assert {e.label for e in shipped} == {"strategic", "tactical"} and len(shipped) > 400
    assert CHECK.learned.nearest == 2 and CHECK.learned.similarity == 0.35


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("    tactical Run the care centre", "'tactical Run the care centre' is not a label (strategic or tactical), a bar"),
        ("    ambiguous | Run the care centre", "'ambiguous | Run the care centre' is not a label"),
        ("    tactical |", "'tactical |' is not a label"),
    ],
    ids=["no bar", "not a clear label", "no duty"],
)
def test_a_bad_example_row_gets_a_one_sentence_error_with_file_and_line(tmp_path: Path, row: str, complaint: str) -> None:
    at = row_added_to_block(tmp_path, "examples", row)
    problem = problem_said(tmp_path, "learned.examples")
    assert f"role-check.yaml:{at + 1}" in problem and complaint in problem, problem


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("  nearest:", "  nearest: 0  #", "learned.nearest"),
        ("  nearest:", "  nearest: 1.5  #", "learned.nearest"),
        ("  nearest:", "  nearest: 50  #", "learned.nearest"),
        ("  similarity:", "  similarity: 1.5  #", "learned.similarity"),
        ("  similarity:", "  similarity: close  #", "learned.similarity"),
    ],
    ids=["no neighbour", "not whole", "too many", "above one", "not a number"],
)
def test_a_bad_setting_of_the_examples_gets_an_error_with_file_and_line(tmp_path: Path, old: str, new: str, complaint: str) -> None:
    at = setting_changed(tmp_path, old, new)
    assert f"role-check.yaml:{at + 1}:" in problem_said(tmp_path, complaint)

"""Program.asks(step): the one description of what a step asks (items × perspectives × scale)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bootcamp.content import Program, StepKind, load_dir
from bootcamp.content.model import Asks, RoleCheck

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "content"


@pytest.fixture(scope="module")
def shipped() -> Program:
    return load_dir(ROOT)


@pytest.fixture(scope="module")
def fixture() -> Program:
    return load_dir(FIXTURE)


def asks(program: Program, key: str) -> Asks:
    step = program.step(key)
    assert step is not None, key
    found = program.asks(step)
    assert found is not None, key
    return found


def test_a_rate_step_asks_every_item_for_every_perspective_in_content_order(fixture: Program) -> None:
    rate = asks(fixture, "basics/rate-aptitudes")
    assert rate.scale.id == "strength"
    assert rate.perspectives == ("self", "team")
    assert rate.item_ids == ("persist", "give-power-away")
    assert rate.cells == (
        ("persist", "self"),
        ("persist", "team"),
        ("give-power-away", "self"),
        ("give-power-away", "team"),
    )
    assert [(i.title, i.short, i.text) for i in rate.items] == [
        ("Persist!", "Persist", "Keep going when turned down."),
        ("Give the Power Away", "Power away", "Let partners take the credit."),
    ]
    assert [rate.perspective_label(p) for p in rate.perspectives] == ["yourself", "your team"]


def test_the_shipped_rate_steps_ask_their_whole_list(shipped: Program) -> None:
    rates = [step for step in shipped.steps("full") if step.kind is StepKind.RATE]
    assert rates
    for step in rates:
        found = shipped.asks(step)
        items = shipped.item_list(step.items)
        assert found is not None and items is not None
        assert found.scale == shipped.scale(step.scale)
        perspectives = [p.value for p in step.perspectives]
        assert list(found.cells) == [(i.id, p) for i in items.items for p in perspectives]


def test_a_question_step_asks_one_cell(fixture: Program) -> None:
    question = asks(fixture, "basics/mandate")
    assert question.cells == (("", ""),)
    assert question.perspectives == ("",)
    assert question.scale.id == "commitment"
    assert question.items[0].text == "Do leaders let one person drive agreement on the customer strategy?"
    assert question.items[0].title == "Who drives agreement?"
    assert question.perspective_label("") == ""


def test_a_role_check_asks_its_structure_questions(fixture: Program, shipped: Program) -> None:
    check = asks(fixture, "basics/role")
    assert check.cells == (("reports-to-ceo", ""),)
    assert check.items[0].text == "Does the role report to the CEO?"
    assert check.items[0].title == "Reports to ceo"  # no short label: one made from the id
    role = next(step for step in shipped.steps("full") if step.kind is StepKind.CHECK)
    exercise = shipped.exercise(role.exercise)
    assert isinstance(exercise, RoleCheck)
    found = shipped.asks(role)
    assert found is not None
    assert found.cells == tuple((q.id, "") for q in exercise.structure)
    assert found.cells[1] == ("reporting-line", "")
    assert found.scale == shipped.scale(exercise.structure[0].scale)


@pytest.mark.parametrize("key", ["basics/welcome", "basics/poker", "basics/talk", "basics/next"])
def test_steps_that_take_no_answers_ask_nothing(fixture: Program, key: str) -> None:
    step = fixture.step(key)
    assert step is not None
    assert fixture.asks(step) is None


def test_every_shipped_step_that_takes_answers_asks_something(shipped: Program) -> None:
    for step in shipped.steps("full"):
        answered = step.kind in (StepKind.RATE, StepKind.QUESTION, StepKind.CHECK)
        assert (shipped.asks(step) is not None) is answered, step.key


def test_a_missing_list_or_scale_asks_nothing(fixture: Program) -> None:
    step = fixture.step("basics/rate-aptitudes")
    assert step is not None
    assert fixture.asks(dataclasses.replace(step, items="nope")) is None
    assert fixture.asks(dataclasses.replace(step, scale="nope")) is None


def test_dont_know_is_the_scales_dont_know_option(fixture: Program, shipped: Program) -> None:
    assert asks(fixture, "basics/rate-aptitudes").dont_know == "dont-know"
    assert asks(fixture, "basics/mandate").dont_know == "dont-know"
    for step in shipped.steps("full"):
        found = shipped.asks(step)
        if found is not None:
            assert found.scale.option(found.dont_know).dont_know  # type: ignore[union-attr]
    commitment = fixture.scale("commitment")
    assert commitment is not None
    without = dataclasses.replace(
        asks(fixture, "basics/mandate"), scale=dataclasses.replace(commitment, options=commitment.scored_options)
    )
    assert without.dont_know == ""
    assert not without.accepts("", "", "dont-know")


def test_accepts_only_an_asked_cell_with_an_option_of_the_scale(fixture: Program) -> None:
    rate = asks(fixture, "basics/rate-aptitudes")
    assert rate.accepts("persist", "self", "strong")
    assert rate.accepts("give-power-away", "team", "dont-know")
    assert not rate.accepts("persist", "", "strong")
    assert not rate.accepts("charm", "self", "strong")
    assert not rate.accepts("persist", "self", "yes")
    assert not rate.accepts("Persist!", "self", "strong")  # titles are for people; answers hold ids
    question = asks(fixture, "basics/mandate")
    assert question.accepts("", "", "partly")
    assert not question.accepts("persist", "", "partly")
    assert not question.accepts("", "self", "partly")
    check = asks(fixture, "basics/role")
    assert check.accepts("reports-to-ceo", "", "no")
    assert not check.accepts("", "", "no")


PROBLEMS = {
    ("basics/rate-aptitudes", "charm", "self", "strong"): (
        "item: 'charm' is not an item of this step (persist, give-power-away)"
    ),
    ("basics/rate-aptitudes", "", "self", "strong"): "item: missing",
    ("basics/rate-aptitudes", "persist", "", "strong"): "perspective: missing (self or team)",
    ("basics/rate-aptitudes", "persist", "boss", "strong"): "perspective: 'boss' is not one of self, team",
    ("basics/rate-aptitudes", "persist", "self", "yes"): (
        "value: 'yes' is not on the scale 'strength' (strong, mixed, weak, dont-know)"
    ),
    ("basics/mandate", "", "", "maybe"): "value: 'maybe' is not on the scale 'commitment' (yes, partly, no, dont-know)",
    ("basics/mandate", "", "", ""): "value: missing (yes, partly, no, dont-know)",
    ("basics/mandate", "persist", "", "yes"): "item: a question step has no items; leave it empty",
    ("basics/mandate", "", "self", "yes"): "perspective: a question step has no perspectives; leave it empty",
    ("basics/role", "", "", "yes"): "item: missing (reports-to-ceo)",
    ("basics/role", "budget", "", "yes"): "item: 'budget' is not a structure question of this step (reports-to-ceo)",
    ("basics/role", "reports-to-ceo", "team", "yes"): "perspective: a role check has no perspectives; leave it empty",
}


@pytest.mark.parametrize("case", list(PROBLEMS), ids=lambda case: "-".join(part or "_" for part in case))
def test_problem_names_the_field_and_what_is_wrong_in_one_line(fixture: Program, case: tuple[str, ...]) -> None:
    key, item, perspective, value = case
    found = asks(fixture, key)
    assert found.problem(item, perspective, value) == PROBLEMS[case]
    assert not found.accepts(item, perspective, value)
    assert "\n" not in PROBLEMS[case]


def test_problems_lists_every_field_and_nothing_when_accepted(fixture: Program) -> None:
    rate = asks(fixture, "basics/rate-aptitudes")
    assert rate.problem("persist", "team", "mixed") == ""
    assert rate.problems("persist", "team", "mixed") == ()
    assert [name for name, _ in rate.problems("charm", "", "maybe")] == ["item", "perspective", "value"]


def test_asks_is_worked_out_once_per_step(fixture: Program) -> None:
    step = fixture.step("basics/rate-aptitudes")
    assert step is not None
    assert fixture.asks(step) is fixture.asks(step)
    copy = dataclasses.replace(fixture)  # starts with nothing worked out
    assert copy == fixture and hash(copy) == hash(fixture)  # what was worked out is not part of the program's value
    assert copy.asks(step) == fixture.asks(step)

"""Honest coverage: the summary and ``compare`` tell apart a step not reached, skipped for time, jumped past with
``g``, asked with no scored answer, and answered; a workshop never started says so.

Each case is a workshop made as the app makes one (``Store.create_workshop`` on the shipped content) and walked
with the live workshop's own moves (:class:`bootcamp.flow.Flow`), so what is recorded is what a console records.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.content.model import Program, StepKind
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.export.report_csv import render_csv
from bootcamp.export.report_markdown import render_markdown
from bootcamp.flow import Flow
from bootcamp.live.requests import GiveAnswer
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.locations import default_content_dir
from bootcamp.store import Store
from bootcamp.store.model import Answer, StepTimer
from bootcamp.summary import DimensionStatus
from bootcamp.summary.comparison import compare
from bootcamp.summary.model import StepReach

ROLE_CHECK = "role/role-check"


@pytest.fixture(scope="module")
def program() -> Program:
    return load_dir(default_content_dir())


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", FixedClock())


def workshop(store: Store, program: Program, *, date: str = "2026-09-21", name: str = "Spring") -> LiveWorkshop:
    info = store.create_workshop(
        name=name,
        organisation="Northwind",
        date=date,
        participants=[("Ana", "CEO"), ("Ben", "Sales"), ("Chloe", "Service"), ("Dev", "Ops")],
        sources=program.sources,
    )
    live = LiveWorkshop.load(store.open(info.id), FixedClock(), backoff=(0.01,))
    live.start()
    return live


def dimension(report, dimension_id: str):
    return next(d for d in report.dimensions if d.id == dimension_id)


async def test_a_workshop_never_started_says_so_and_claims_no_question_was_asked(
    store: Store, program: Program
) -> None:
    live = workshop(store, program)
    report = live.report()
    assert not report.started
    assert {d.status for d in report.dimensions} == {DimensionStatus.NOT_STARTED}
    assert {step.reach for step in report.steps} == {StepReach.NOT_REACHED}
    markdown = render_markdown(report)
    assert "asked, but no scored answer" not in markdown
    assert "Nothing was skipped" not in markdown
    assert "This workshop was never started" in markdown
    assert await live.close()


async def test_fifty_steps_jumped_past_are_said_to_be_jumped_past_not_asked_nor_nothing_skipped(
    store: Store, program: Program
) -> None:
    live = workshop(store, program)
    steps = live.flow.steps
    live.move(Flow.next)  # the first step done, as a room starts: the room is on step 2
    live.move(lambda flow: flow.jump(steps[52].key))  # `g` from step 2 to step 53: steps 3 … 52 jumped over
    report = live.report()
    reach = {step.key: step.reach for step in report.steps}
    assert reach[steps[0].key] is StepReach.SHOWN
    assert reach[steps[1].key] in (StepReach.NO_SCORED_ANSWER, StepReach.SHOWN)  # shown, then left by the jump
    assert [reach[step.key] for step in steps[2:52]] == [StepReach.JUMPED_PAST] * 50
    assert reach[steps[52].key] in (StepReach.NO_SCORED_ANSWER, StepReach.SHOWN)  # where the room is
    assert {reach[step.key] for step in steps[53:]} == {StepReach.NOT_REACHED}
    asked_before = {s.question.dimension for s in steps[:52] if s.kind is StepKind.QUESTION and s.question}
    asked_after = {s.question.dimension for s in steps[53:] if s.kind is StepKind.QUESTION and s.question}
    only_jumped = asked_before - asked_after - {"structure"}
    assert only_jumped  # the shipped content has dimensions asked only before step 53
    for dimension_id in only_jumped:
        assert dimension(report, dimension_id).status is DimensionStatus.JUMPED_PAST
    markdown = render_markdown(report)
    assert "Nothing was skipped" not in markdown
    assert "50 steps jumped past" in markdown
    rate = next(s for s in steps[2:52] if s.kind is StepKind.RATE)  # the aptitudes, gone past
    assert next(h for h in report.heat_maps if h.step_key == rate.key).reach is StepReach.JUMPED_PAST
    assert "This step was jumped past." in markdown
    rows = [row for row in csv.DictReader(io.StringIO(render_csv(report))) if row["section"] == "step"]
    assert [row["flags"] for row in rows[2:52]] == ["jumped-past"] * 50
    assert "asked, but no scored answer" not in markdown or any(
        d.status is DimensionStatus.NO_SCORED_ANSWERS for d in report.dimensions
    )
    assert await live.close()


async def test_a_role_check_with_no_answers_does_not_say_no_structure_question_scored_low(
    store: Store, program: Program
) -> None:
    live = workshop(store, program)
    live.move(Flow.next)
    live.move(lambda flow: flow.jump(ROLE_CHECK))
    live.move(Flow.next)  # the role check shown and done, nobody answered its structure questions
    report = live.report()
    assert report.role is not None and report.role.structure
    assert {q.reach for q in report.role.structure} == {StepReach.NO_SCORED_ANSWER}
    assert dimension(report, "structure").status is DimensionStatus.NO_SCORED_ANSWERS
    markdown = render_markdown(report)
    assert "No structure question scored low" not in markdown
    assert "None of the structure questions has a scored answer" in markdown
    assert await live.close()


async def test_compare_reports_no_split_change_where_the_later_run_has_no_scored_answer(
    store: Store, program: Program
) -> None:
    earlier = workshop(store, program, date="2026-09-21", name="Spring")
    mandate = next(s for s in earlier.flow.steps if s.kind is StepKind.QUESTION and s.question.dimension == "mandate")
    earlier.move(Flow.next)
    earlier.move(lambda flow: flow.jump(mandate.key))
    for person, value in zip(earlier.info.present, ("no", "no", "yes", "yes"), strict=True):
        earlier.apply(GiveAnswer(person.id, mandate.key, _option(program, mandate, value)))
    before = earlier.report()
    assert dimension(before, "mandate").unclear  # the earlier room was split on the mandate
    later = workshop(store, program, date="2027-03-01", name="Spring again")
    after = later.report()
    comparison = compare(before, after)
    change = next(d for d in comparison.dimensions if d.id == "mandate")
    assert change.score_after is None
    markdown = render_comparison_markdown(comparison)
    assert "split \u2192 agreed" not in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| ") and "Mandate" in line.split("|")[1])
    assert "never started" in row  # why there is no change
    assert await earlier.close() and await later.close()


def _option(program: Program, step, end: str) -> str:
    """The option id at the low ("no") or high ("yes") end of the step's scale."""
    scale = program.scale(step.question.scale)
    scored = [o for o in scale.options if not o.dont_know]
    values = sorted(scored, key=lambda o: scale.normalised(o.id))
    return (values[0] if end == "no" else values[-1]).id


def test_compare_opens_no_structural_gap_that_the_earlier_run_never_scored() -> None:
    from summary_rooms import Room_, mandate, participants, structure

    earlier = Room_(participants(3), mandate("yes", "no", "partly"), workshop_id="w1", date="2026-09-21")
    later = Room_(participants(3), structure("no", "no", "partly"), workshop_id="w2", date="2027-03-01")
    role = compare(earlier.report(), later.report()).role
    assert role is not None
    assert role.opened == ()  # "opened" would claim a change from a run that has no scored answer to it
    [gap] = role.first_measured
    assert (gap.score_before, gap.score_after) == (None, 17)


def test_a_workshop_filled_only_from_paper_says_its_steps_were_not_run_on_the_console(
    store: Store, program: Program, tmp_path: Path, capsys
) -> None:
    info = store.create_workshop(
        name="Paper",
        organisation="Northwind",
        date="2026-09-21",
        participants=[("Ana", ""), ("Ben", "")],
        sources=program.sources,
    )
    sheet = tmp_path / "paper.csv"
    sheet.write_text(
        "participant,step,item,perspective,value\n"
        "Ana,aptitudes/rate-aptitudes,revenue-attention,self,strength\n"
        "Ana,commitment/mandate-one-driver,,,yes\n"
        "Ben,commitment/funding-one-programme,,,no\n"
        f"Ana,{ROLE_CHECK},level,,no\n",
        encoding="utf-8",
    )
    data = ["--data-dir", str(store.data_dir)]
    assert main(["import-answers", info.id, str(sheet), *data]) == 0
    report = LiveWorkshop.load(store.open(info.id), FixedClock()).report()
    reach = {step.key: step.reach for step in report.steps}
    assert reach["commitment/mandate-one-driver"] is StepReach.ANSWERED
    assert set(reach.values()) == {StepReach.ANSWERED, StepReach.NOT_RUN}  # nothing jumped past, nor shown
    assert dimension(report, "staffing").status is DimensionStatus.NOT_RUN
    capsys.readouterr()
    assert main(["summary", info.id, *data]) == 0
    markdown = capsys.readouterr().out
    assert "jumped past" not in markdown and "not reached" not in markdown and not re.search(r"\d shown", markdown)
    assert "The day was not run on the console (no timer ran and nothing was skipped there)" in markdown
    assert "not measured: not run on the console" in markdown


def test_paper_sheets_typed_in_at_the_console_with_its_clock_stopped_are_not_a_day_jumped_past(
    store: Store, program: Program, tmp_path: Path, capsys
) -> None:
    """A tester typed a paper day's sheets in with private entry (g to a step, e, g on): the summary said "42 steps
    jumped past", as if the room had skipped the day. Moving between answered steps with the clock stopped is not a
    walk; a timer that ran, a step skipped, or a slide gone through as done is."""
    info = store.create_workshop(
        name="Paper", organisation="Northwind", date="2026-09-21", participants=[("Ana", ""), ("Ben", "")],
        sources=program.sources,
    )
    files = store.open(info.id)
    typed = ("commitment/mandate-one-driver", "commitment/funding-one-programme")
    for step_key in typed:
        files.save_answer(Answer(info.participants[0].id, step_key, value="yes"))
    # g to each typed step and on: each left done (answered), with a timer that never ran; the console on the last.
    files.update_state(
        lambda state: dataclasses.replace(
            state, step_key=typed[-1], done=typed[:1], timers={key: StepTimer() for key in typed}
        )
    )
    reach = {step.key: step.reach for step in LiveWorkshop.load(store.open(info.id), FixedClock()).report().steps}
    assert {reach[key] for key in typed} == {StepReach.ANSWERED}
    assert set(reach.values()) == {StepReach.ANSWERED, StepReach.NOT_RUN}
    capsys.readouterr()
    assert main(["summary", info.id, "--data-dir", str(store.data_dir)]) == 0
    assert "jumped past" not in capsys.readouterr().out

    # The day's clock once started: the console ran the day, and the steps gone beyond unanswered were jumped past.
    files.update_state(lambda state: dataclasses.replace(state, day_started_at=1.0))
    reach = {step.key: step.reach for step in LiveWorkshop.load(store.open(info.id), FixedClock()).report().steps}
    assert StepReach.JUMPED_PAST in set(reach.values())

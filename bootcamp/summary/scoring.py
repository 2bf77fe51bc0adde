"""The commitment test's scores: per question, per dimension and overall.

A scored answer counts as its option's place on the scale, 0 at the low end and 1 at
the high end (``Scale.normalised``). A question's and a dimension's score is the mean
of their scored answers times 100, rounded to a whole number; "don't know" is counted
but kept out of the mean. The overall score is the mean of the measured dimensions'
scores as shown (whole numbers), so a dimension with many questions does not outweigh
one with few, and a reader can check the sum.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bootcamp.content.model import Level, ProbeQuestion, Program, RoleCheck, Scale, Step, StepKind
from bootcamp.summary.answers import AnswerIndex, is_comment_only, options_of
from bootcamp.summary.model import (
    DISAGREEMENT_MIN_ANSWERS,
    DISAGREEMENT_SHARE,
    DONT_KNOW_FINDING,
    Comment,
    DimensionResult,
    DimensionStatus,
    OptionCount,
    OverallResult,
    QuestionResult,
    StepReach,
)


def to_score(fraction: float) -> int:
    """0..1 → a whole number 0..100, halves rounded up (not to even) so 62.5 reads as 63."""
    # Rounded to 9 places first: 0.145 * 100 is 14.499999999999998 in floating point.
    return min(100, max(0, math.floor(round(fraction * 100, 9) + 0.5)))


def level_for(score: float | None, levels: Sequence[Level]) -> Level | None:
    """The highest level whose ``min_score`` the score reaches; None when unscored or below them all."""
    if score is None:
        return None
    reached = [level for level in levels if level.min_score <= score]
    return max(reached, key=lambda level: level.min_score) if reached else None


def is_split(scored: int, low_end: int, high_end: int) -> bool:
    """At least a quarter of at least three scored answers at each end of the scale."""
    if scored < DISAGREEMENT_MIN_ANSWERS:
        return False
    # Compared as counts, not floats: 1 of 4 is exactly a quarter.
    needed = DISAGREEMENT_SHARE * scored
    return low_end >= needed - 1e-9 and high_end >= needed - 1e-9


def dimension_figures(values: Sequence[float], dont_know: int, levels: Sequence[Level]) -> dict[str, Any]:
    """The fields of a :class:`DimensionResult` its answers decide, from its scored answers (each on 0..1) and its
    "don't know" answers: the summary scores a dimension with it, and a comparison scores one again with it on the
    questions both runs asked alike, so the two cannot drift apart."""
    score = to_score(sum(values) / len(values)) if values else None
    answered = len(values) + dont_know
    dont_know_share = dont_know / answered if answered else None
    low_end = sum(1 for value in values if value <= 0.0)
    high_end = sum(1 for value in values if value >= 1.0)
    return {
        "score": score,
        "level": level_for(score, levels),
        "answered": answered,
        "scored": len(values),
        "dont_know": dont_know,
        "dont_know_share": dont_know_share,
        "nobody_knows": dont_know_share is not None and dont_know_share >= DONT_KNOW_FINDING - 1e-9,
        "low_end": low_end,
        "high_end": high_end,
        "unclear": is_split(len(values), low_end, high_end),
    }


@dataclass(frozen=True)
class AskedQuestion:
    """Where a commitment question is asked: a question step, or a role check's structure question."""

    step: Step
    item: str
    question: ProbeQuestion


def asked_questions(program: Program, agenda: str) -> tuple[AskedQuestion, ...]:
    asked: list[AskedQuestion] = []
    for step in program.steps(agenda):
        if step.kind is StepKind.QUESTION and step.question is not None:
            asked.append(AskedQuestion(step, "", step.question))
        elif step.kind is StepKind.CHECK:
            check = program.exercise(step.exercise)
            if isinstance(check, RoleCheck):
                asked.extend(AskedQuestion(step, question.id, question) for question in check.structure)
    return tuple(asked)


@dataclass(frozen=True)
class _Scored:
    result: QuestionResult
    values: tuple[float, ...]  # the scored answers on 0..1


def _score_question(
    asked: AskedQuestion,
    scale: Scale | None,
    index: AnswerIndex,
    names: Mapping[str, str],
    secret: Collection[str],
    skipped: Collection[str],
    reaches: Mapping[str, StepReach],
) -> _Scored:
    counts = {option.id: 0 for option in scale.options} if scale else {}
    known = options_of(scale) if scale else {}
    values: list[float] = []
    comments: list[Comment] = []
    dont_know = 0
    for answer in index.of_step(asked.step.key):
        if answer.item != asked.item or answer.perspective or scale is None:
            continue
        found = known.get(answer.value)
        if found is None:
            if is_comment_only(answer):  # no score, but what they said belongs with the question
                hidden = asked.step.key in secret
                who = "" if hidden else names.get(answer.participant_id, "")
                comments.append(Comment(who, "", answer.comment, secret=hidden))
            continue
        option, normalised = found
        counts[option.id] += 1
        if normalised is None:
            dont_know += 1
        else:
            values.append(normalised)
        if answer.comment.strip():
            hidden = asked.step.key in secret
            who = "" if hidden else names.get(answer.participant_id, "")
            comments.append(Comment(who, option.label, answer.comment, secret=hidden))
    question = asked.question
    result = QuestionResult(
        id=question.id,
        step_key=asked.step.key,
        item=asked.item,
        text=question.text,
        dimension=question.dimension,
        answered=len(values) + dont_know,
        scored=len(values),
        dont_know=dont_know,
        score=to_score(sum(values) / len(values)) if values else None,
        counts=tuple(
            OptionCount(option.id, option.label, counts[option.id], option.dont_know, known[option.id][1])
            for option in scale.options
        )
        if scale
        else (),
        # With no names to show, seats' order would tell whose comment is whose: sorted by what they say.
        comments=tuple(comments if names else sorted(comments, key=lambda c: (c.text, c.value))),
        ask_next=question.ask_next,
        do_next=question.do_next,
        skipped=asked.step.key in skipped,
        reach=reaches.get(asked.step.key, StepReach.NOT_REACHED),
        scale=scale.title if scale else "",
    )
    return _Scored(result, tuple(values))


def score_dimensions(
    program: Program,
    agenda: str,
    index: AnswerIndex,
    names: Mapping[str, str],
    reaches: Mapping[str, StepReach],
    secret: Collection[str] = (),
    skipped: Collection[str] = (),
    *,
    started: bool = True,
) -> tuple[tuple[DimensionResult, ...], OverallResult]:
    """Every dimension's score and status, and the overall score; ``reaches`` says how far the room got with each
    step (:func:`bootcamp.summary.coverage.step_reaches`), so an unmeasured dimension says why. ``names`` says who
    wrote a comment: empty in an anonymous workshop, whose comments are then tied to no seat."""
    levels = tuple(sorted(program.levels, key=lambda level: level.min_score))
    scored_by_dimension: dict[str, list[_Scored]] = {d.id: [] for d in program.dimensions}
    for asked in asked_questions(program, agenda):
        scored = _score_question(
            asked, program.scale(asked.question.scale), index, names, secret, skipped, reaches
        )
        scored_by_dimension.setdefault(asked.question.dimension, []).append(scored)

    dimensions: list[DimensionResult] = []
    shown_scores: list[int] = []
    for dimension in program.dimensions:
        questions = scored_by_dimension[dimension.id]
        values = [value for q in questions for value in q.values]
        figures = dimension_figures(values, sum(q.result.dont_know for q in questions), levels)
        if figures["score"] is not None:
            shown_scores.append(figures["score"])
        dimensions.append(
            DimensionResult(
                id=dimension.id,
                title=dimension.title,
                text=dimension.text,
                status=_status(questions, values, figures["answered"], started),
                questions=tuple(q.result for q in questions),
                **figures,
            )
        )

    # Halves rounded up in whole numbers: (2·sum + n) // 2n.
    overall_score = (2 * sum(shown_scores) + len(shown_scores)) // (2 * len(shown_scores)) if shown_scores else None
    overall = OverallResult(
        score=overall_score,
        level=level_for(overall_score, levels),
        measured=len(shown_scores),
        dimensions=len(dimensions),
        answered=sum(d.answered for d in dimensions),
        scored=sum(d.scored for d in dimensions),
        dont_know=sum(d.dont_know for d in dimensions),
        unclear=sum(1 for d in dimensions if d.measured and d.unclear),
        one_voice=sum(1 for d in dimensions if d.one_voice),
    )
    if overall.level_withheld:
        overall = dataclasses.replace(overall, level=None)
    return tuple(dimensions), overall


def _status(questions: Sequence[_Scored], values: Sequence[float], answered: int, started: bool) -> DimensionStatus:
    """Scored; else why not, from how far the room got with the steps asking it (never "asked" when none was)."""
    if not questions:
        return DimensionStatus.NOT_ON_AGENDA
    if values:
        return DimensionStatus.SCORED
    reaches = {q.result.reach for q in questions}
    if reaches == {StepReach.NOT_REACHED} and not started:
        return DimensionStatus.NOT_STARTED
    if answered or reaches & {StepReach.ANSWERED, StepReach.NO_SCORED_ANSWER}:
        return DimensionStatus.NO_SCORED_ANSWERS
    return _NOT_ASKED.get(frozenset(reaches), DimensionStatus.NOT_ASKED)


_NOT_ASKED = {
    frozenset({StepReach.SKIPPED}): DimensionStatus.SKIPPED,
    frozenset({StepReach.JUMPED_PAST}): DimensionStatus.JUMPED_PAST,
    frozenset({StepReach.NOT_REACHED}): DimensionStatus.NOT_REACHED,
    frozenset({StepReach.NOT_RUN}): DimensionStatus.NOT_RUN,
}

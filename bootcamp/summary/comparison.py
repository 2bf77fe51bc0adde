"""``compare``: two commitment reports of one organisation → the progress between the two runs.

A pure function of two :class:`CommitmentReport` values (the earlier run first), so every
renderer shows one and the same comparison. Things are matched by the ids content authors
chose (dimension, step, item, structure question), never by their titles, so rewording the
content between the runs keeps them comparable; what only one run measured is kept apart.

The earlier runs' actions, as the later run finds them, are followed by :mod:`bootcamp.summary.action_progress`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TypedDict, TypeVar

from bootcamp.content.model import Level
from bootcamp.errors import UserError
from bootcamp.summary.action_progress import actions_as_of, carried_actions, new_action_count
from bootcamp.summary.comparison_model import (
    AuditChange,
    Comparison,
    DimensionChange,
    GapChange,
    HeatMapChange,
    Move,
    OverallChange,
    QuestionChange,
    QuestionDifference,
    RatingChange,
    RoleChange,
    RunFacts,
    RunScore,
    same_bands,
)
from bootcamp.summary.model import (
    STRUCTURE_GAP_BELOW,
    Audit,
    CommitmentReport,
    DimensionResult,
    HeatMap,
    QuestionResult,
    RatingSummary,
    RoleVerdict,
    ScalePoint,
)
from bootcamp.summary.scoring import dimension_figures, level_for

Part = TypeVar("Part", HeatMap, Audit)


def compare(
    before: CommitmentReport, after: CommitmentReport, older: Sequence[CommitmentReport] = ()
) -> Comparison:
    """The progress from ``before`` (the earlier run) to ``after``; UserError when they cannot be compared.

    ``older``: the runs before ``before`` in its line, oldest first, whose actions still open are carried."""
    if before.workshop_id == after.workshop_id:
        raise UserError(f"workshop {after.workshop_id} cannot be compared with itself: give the ids of two runs")
    if before.date and after.date and before.date > after.date:
        raise UserError(
            f"workshop {before.workshop_id} ({before.date}) is dated after workshop {after.workshop_id} "
            f"({after.date}): give the earlier run first"
        )
    if not {d.id for d in before.dimensions} & {d.id for d in after.dimensions}:
        raise UserError(
            f"workshops {before.workshop_id} and {after.workshop_id} have no commitment dimension in common: "
            "they were run with different content and cannot be compared"
        )
    levels_before = before.levels
    if not same_bands(before.levels, after.levels):
        before = _named_with(before, after.levels)
    dimensions = _dimensions(before, after)
    return Comparison(
        before=_facts(before),
        after=_facts(after),
        as_of=after.date,
        levels=after.levels,
        overall=_overall(before, after, dimensions),
        dimensions=dimensions,
        heat_maps=tuple(_heat_map(b, a) for b, a in _pairs(before.heat_maps, after.heat_maps)),
        audits=tuple(_audit(b, a) for b, a in _pairs(before.audits, after.audits)),
        role=_role(before.role, after.role),
        actions=actions_as_of(before, after.actions, after.date),
        carried_actions=carried_actions(older, before, after),
        new_actions=new_action_count(before, after),
        organisation_differs=_folded(before.organisation) != _folded(after.organisation),
        content_differs=before.content_hash != after.content_hash,
        agenda_differs=before.agenda != after.agenda,
        levels_before=levels_before,
        runs=tuple(_scored(run) for run in (*_before_it(older, before, after), before, after)),
    )


def _before_it(
    older: Sequence[CommitmentReport], before: CommitmentReport, after: CommitmentReport
) -> list[CommitmentReport]:
    """The runs before the earlier one in its line, in the line's order (the two compared are not repeated)."""
    return [run for run in older if run.workshop_id not in (before.workshop_id, after.workshop_id)]


def _scored(report: CommitmentReport) -> RunScore:
    overall = report.overall
    return RunScore(
        workshop_id=report.workshop_id,
        workshop=report.workshop,
        date=report.date,
        days=report.days,
        score=overall.score,
        level=overall.level.title if overall.level is not None and not overall.level_withheld else "",
        measured=overall.measured,
        dimensions=overall.dimensions,
    )


def _named_with(report: CommitmentReport, levels: tuple[Level, ...]) -> CommitmentReport:
    """``report`` with its scores named with ``levels`` (the later run's), so that a level moves only when a score
    crosses one: a run made on older content keeps its own levels, and a newer content that starts a level higher
    would otherwise show a rising score falling a level. A withheld overall level stays withheld."""
    dimensions = tuple(dataclasses.replace(d, level=level_for(d.score, levels)) for d in report.dimensions)
    overall = report.overall
    if overall.level is not None:
        overall = dataclasses.replace(overall, level=level_for(overall.score, levels))
    return dataclasses.replace(report, levels=levels, dimensions=dimensions, overall=overall)


def _facts(report: CommitmentReport) -> RunFacts:
    return RunFacts(
        workshop_id=report.workshop_id,
        workshop=report.workshop,
        organisation=report.organisation,
        date=report.date,
        days=report.days,
        agenda=report.agenda,
        anonymous=report.anonymous,
        program=report.program,
        content_hash=report.content_hash,
        participants=len(report.present),
        left_during_the_day=report.participants_left,
    )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


# -- dimensions and the overall score ------------------------------------------------------------------------


def _move(
    before: Level | None, after: Level | None, levels_before: Sequence[Level], levels_after: Sequence[Level]
) -> Move | None:
    """Up, down or same by each level's place in its own run's levels (lowest first)."""
    if before is None or after is None:
        return None
    ids_before, ids_after = [level.id for level in levels_before], [level.id for level in levels_after]
    if before.id not in ids_before or after.id not in ids_after:
        return None
    rank_before, rank_after = ids_before.index(before.id), ids_after.index(after.id)
    return Move.UP if rank_after > rank_before else Move.DOWN if rank_after < rank_before else Move.SAME


def _dimensions(before: CommitmentReport, after: CommitmentReport) -> tuple[DimensionChange, ...]:
    earlier = {d.id: d for d in before.dimensions}
    later = {d.id: d for d in after.dimensions}
    ids = [d.id for d in after.dimensions] + [d.id for d in before.dimensions if d.id not in later]
    return tuple(_dimension(earlier.get(i), later.get(i), before, after) for i in ids)


def _dimension(
    b: DimensionResult | None, a: DimensionResult | None, before: CommitmentReport, after: CommitmentReport
) -> DimensionChange:
    either = a or b
    assert either is not None
    run_score_before, run_score_after = (b.score if b else None), (a.score if a else None)
    # Only where both runs scored it: a dimension one run did not measure is said to be measured once already.
    both = b is not None and a is not None and run_score_before is not None and run_score_after is not None
    differences = _question_differences(b, a) if both else ()  # type: ignore[arg-type]
    if any(q.why is not QuestionChange.REWORDED for q in differences):
        left_out = {(q.step_key, q.item) for q in differences if q.why is not QuestionChange.REWORDED}
        b = _on_questions(b, left_out, before.levels) if b else None
        a = _on_questions(a, left_out, after.levels) if a else None
    level_before, level_after = (b.level if b else None), (a.level if a else None)
    return DimensionChange(
        id=either.id,
        title=either.title,
        status_before=b.status if b else None,
        status_after=a.status if a else None,
        score_before=b.score if b else None,
        score_after=a.score if a else None,
        level_before=level_before,
        level_after=level_after,
        level_move=_move(level_before, level_after, before.levels, after.levels),
        answered_before=b.answered if b else 0,
        answered_after=a.answered if a else 0,
        scored_before=b.scored if b else 0,
        scored_after=a.scored if a else 0,
        dont_know_share_before=b.dont_know_share if b else None,
        dont_know_share_after=a.dont_know_share if a else None,
        nobody_knows_before=bool(b and b.nobody_knows),
        nobody_knows_after=bool(a and a.nobody_knows),
        unclear_before=bool(b and b.unclear),
        unclear_after=bool(a and a.unclear),
        question_changes=differences,
        run_score_before=run_score_before,
        run_score_after=run_score_after,
    )


def _question_key(question: QuestionResult) -> tuple[str, str]:
    return question.step_key, question.item


def _scale_of(question: QuestionResult) -> tuple[tuple[str, float | None, bool], ...]:
    """What a question's answers count as: each option's id and place on the scale (labels may be reworded)."""
    return tuple((count.option_id, count.value, count.dont_know) for count in question.counts)


def _question_differences(b: DimensionResult, a: DimensionResult) -> tuple[QuestionDifference, ...]:
    """The questions of one dimension the two runs did not ask alike, matched by step and item ids: in the later
    content's order, then those only the earlier one asked. One with no answer where it differs is not among them:
    leaving it out would change no figure, and the note would say it was asked."""
    earlier = {_question_key(q): q for q in b.questions}
    later = {_question_key(q): q for q in a.questions}
    found = []
    for key, now in later.items():
        then = earlier.get(key)
        if then is None:
            if now.answered:
                found.append(QuestionDifference(*key, QuestionChange.LATER_ONLY, "", now.text, "", now.scale))
        elif _scale_of(then) != _scale_of(now):
            if then.answered or now.answered:
                found.append(
                    QuestionDifference(*key, QuestionChange.SCALE_CHANGED, then.text, now.text, then.scale, now.scale)
                )
        elif _folded(then.text) != _folded(now.text):
            found.append(QuestionDifference(*key, QuestionChange.REWORDED, then.text, now.text, then.scale, now.scale))
    found += [
        QuestionDifference(*key, QuestionChange.EARLIER_ONLY, then.text, "", then.scale, "")
        for key, then in earlier.items()
        if key not in later and then.answered
    ]
    return tuple(found)


def _on_questions(
    dimension: DimensionResult, left_out: set[tuple[str, str]], levels: Sequence[Level]
) -> DimensionResult:
    """``dimension`` scored again, as the summary scores it, on its questions but those ``left_out``."""
    kept = tuple(q for q in dimension.questions if _question_key(q) not in left_out)
    # Each question's scored answers from its counts: its option's place on the scale, once per answer.
    values = [count.value for q in kept for count in q.counts if count.value is not None for _ in range(count.count)]
    figures = dimension_figures(values, sum(q.dont_know for q in kept), levels)
    return dataclasses.replace(dimension, questions=kept, **figures)


def _mean(scores: Sequence[int]) -> int | None:
    """The overall score's own rule: the mean of whole-number scores, halves rounded up."""
    return (2 * sum(scores) + len(scores)) // (2 * len(scores)) if scores else None


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _overall(before: CommitmentReport, after: CommitmentReport, dimensions: Sequence[DimensionChange]) -> OverallChange:
    shared = [d for d in dimensions if d.score_before is not None and d.score_after is not None]
    b, a = before.overall, after.overall
    # Counted where both runs scored the dimension on their own, even when nothing of it was asked alike.
    both_scored = [d for d in dimensions if d.run_score_before is not None and d.run_score_after is not None]
    questions_left_out = sum(len(d.left_out) for d in both_scored)
    # Else the two overall scores are not compared (OverallChange.same_dimensions), nor their levels.
    same = b.measured == a.measured == len(shared) and not questions_left_out
    return OverallChange(
        score_before=b.score,
        score_after=a.score,
        level_before=b.level,
        level_after=a.level,
        level_move=_move(b.level, a.level, before.levels, after.levels) if same else None,
        measured_before=b.measured,
        measured_after=a.measured,
        shared=len(shared),
        like_for_like_before=_mean([d.score_before for d in shared if d.score_before is not None]),
        like_for_like_after=_mean([d.score_after for d in shared if d.score_after is not None]),
        dont_know_share_before=_share(b.dont_know, b.answered),
        dont_know_share_after=_share(a.dont_know, a.answered),
        level_withheld_before=b.level_withheld,
        level_withheld_after=a.level_withheld,
        level_withheld_why_before=b.withheld_reason,
        level_withheld_why_after=a.withheld_reason,
        questions_left_out=questions_left_out,
        asked_differently=len(both_scored) - len(shared),
    )


# -- ratings: the heat map and the audit ------------------------------------------------------------------------


def _pairs(before: Sequence[Part], after: Sequence[Part]) -> list[tuple[Part | None, Part | None]]:
    """Rate steps matched by step key, then by the item list they rate; the rest with one side only."""
    matched: dict[int, Part] = {}  # place in ``after`` → the earlier part it matches
    left = list(before)
    for key in (_step_key, _list_title):
        for n, later in enumerate(after):
            if n in matched:
                continue
            found = next((at for at, earlier in enumerate(left) if key(earlier) == key(later)), None)
            if found is not None:
                matched[n] = left.pop(found)
    return [(matched.get(n), later) for n, later in enumerate(after)] + [(earlier, None) for earlier in left]


def _step_key(part: HeatMap | Audit) -> str:
    return part.step_key


def _list_title(part: HeatMap | Audit) -> str:
    return part.list_title


def _legend_counts(legend: Iterable[ScalePoint]) -> tuple[tuple[str, float | None], ...]:
    """What a rating's answers count as: each option's id and place on the scale (labels may be reworded)."""
    return tuple((point.option_id, point.value) for point in legend)


def _scale_changed(before: HeatMap | Audit | None, after: HeatMap | Audit | None) -> bool:
    """Both runs rated the step, on scales that count differently: their averages are not one measure."""
    return before is not None and after is not None and _legend_counts(before.legend) != _legend_counts(after.legend)


def _scale_ends(legend: Iterable[ScalePoint]) -> tuple[float, float]:
    values = [point.value for point in legend if point.value is not None]
    return min(values, default=0.0), max(values, default=0.0)


class _EarlierScale(TypedDict, total=False):
    """The fields a heat map's or audit's change gives of the earlier run's scale (named, so a checker sees them)."""

    scale_title_before: str
    scale_low_before: float
    scale_high_before: float
    scale_changed: bool


def _earlier_scale(before: HeatMap | Audit | None, after: HeatMap | Audit | None) -> _EarlierScale:
    """The earlier run's scale for a heat map's or audit's change, and whether it differs from the later one's."""
    if before is None:
        return {}
    low, high = _scale_ends(before.legend)
    return {
        "scale_title_before": before.scale_title,
        "scale_low_before": low,
        "scale_high_before": high,
        "scale_changed": _scale_changed(before, after),
    }


def _ratings(
    before: Iterable[tuple[str, str, str, RatingSummary]],
    after: Iterable[tuple[str, str, str, RatingSummary]],
    *,
    compared: bool = True,
) -> tuple[RatingChange, ...]:
    """``(item, title, perspective, rating)`` of both runs → a change per item and perspective, in the later
    run's order first; ``compared``: False when the runs rated on different scales (no change is given)."""
    earlier = {(item, perspective): (title, rating) for item, title, perspective, rating in before}
    later = {(item, perspective): (title, rating) for item, title, perspective, rating in after}
    keys = list(later) + [key for key in earlier if key not in later]
    rows = []
    for key in keys:
        title, _ = later.get(key) or earlier[key]
        b, a = earlier.get(key, ("", None))[1], later.get(key, ("", None))[1]
        rows.append(
            RatingChange(
                item=key[0],
                title=title,
                perspective=key[1],
                mean_before=b.mean if b else None,
                mean_after=a.mean if a else None,
                normalised_before=b.normalised if b else None,
                normalised_after=a.normalised if a else None,
                answered_before=b.answered if b else 0,
                answered_after=a.answered if a else 0,
                compared=compared,
            )
        )
    return tuple(rows)


def _heat_ratings(heat_map: HeatMap | None) -> list[tuple[str, str, str, RatingSummary]]:
    if heat_map is None:
        return []
    return [
        (column.item, column.title, column.perspective, rating)
        for column, rating in zip(heat_map.columns, heat_map.averages, strict=True)
    ]


def _heat_map(before: HeatMap | None, after: HeatMap | None) -> HeatMapChange:
    either = after or before
    assert either is not None
    rows = _ratings(_heat_ratings(before), _heat_ratings(after), compared=not _scale_changed(before, after))
    low, high = _scale_ends(either.legend)
    return HeatMapChange(
        step_key=either.step_key,
        title=either.title,
        list_title=either.list_title,
        scale_title=either.scale_title,
        perspectives=tuple(dict.fromkeys(row.perspective for row in rows)),
        rows=rows,
        scale_low=low,
        scale_high=high,
        **_earlier_scale(before, after),
    )


def _audit_ratings(audit: Audit | None) -> list[tuple[str, str, str, RatingSummary]]:
    return [(row.item, row.title, row.perspective, row) for row in audit.rows] if audit else []


def _audit(before: Audit | None, after: Audit | None) -> AuditChange:
    either = after or before
    assert either is not None
    return AuditChange(
        step_key=either.step_key,
        title=either.title,
        list_title=either.list_title,
        scale_title=either.scale_title,
        perspective=either.perspective,
        scale_low=either.scale_low,
        scale_high=either.scale_high,
        rows=_ratings(_audit_ratings(before), _audit_ratings(after), compared=not _scale_changed(before, after)),
        rated_for=either.rated_for,
        **_earlier_scale(before, after),
    )


# -- the role ------------------------------------------------------------------------------------------------------


def _structure(role: RoleVerdict | None) -> dict[str, QuestionResult]:
    return {q.item or q.id: q for q in role.structure} if role else {}


def _is_gap(question: QuestionResult | None) -> bool:
    return question is not None and question.score is not None and question.score < STRUCTURE_GAP_BELOW


def _role(before: RoleVerdict | None, after: RoleVerdict | None) -> RoleChange | None:
    if before is None and after is None:
        return None
    earlier, later = _structure(before), _structure(after)
    closed, opened, remaining, unchecked, first_measured = [], [], [], [], []
    for key in list(later) + [key for key in earlier if key not in later]:
        b, a = earlier.get(key), later.get(key)
        either = a or b
        assert either is not None
        gap = GapChange(key, either.text, b.score if b else None, a.score if a else None)
        if _is_gap(b) and _is_gap(a):
            remaining.append(gap)
        elif _is_gap(b) and gap.score_after is None:
            unchecked.append(gap)
        elif _is_gap(b):
            closed.append(gap)
        elif _is_gap(a) and gap.score_before is None:
            first_measured.append(gap)  # either side without a scored answer: no change is reported
        elif _is_gap(a):
            opened.append(gap)
    return RoleChange(
        title=(after or before).title,  # type: ignore[union-attr]
        lines_before=len(before.lines) if before else None,
        lines_after=len(after.lines) if after else None,
        tactical_before=before.tactical if before else 0,
        tactical_after=after.tactical if after else 0,
        decided_before=before.decided if before else 0,
        decided_after=after.decided if after else 0,
        closed=tuple(closed),
        opened=tuple(opened),
        remaining=tuple(remaining),
        unchecked=tuple(unchecked),
        first_measured=tuple(first_measured),
        structure_scored_before=sum(q.score is not None for q in earlier.values()),
        structure_scored_after=sum(q.score is not None for q in later.values()),
    )

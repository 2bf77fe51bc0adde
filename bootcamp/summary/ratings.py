"""Rate steps in the report: the heat map (items × self and team) and the audit (items, the room's spread).

A rate step seen from two perspectives (the ten aptitudes, for self and for team)
becomes a heat map: a row per participant, a room average per item and perspective,
and the gaps where the room rates itself apart from its team. A rate step seen from
one perspective or none (the five competencies: where the team stands) becomes an
audit: per item the room's average, range and spread on the step's own scale.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from bootcamp.content.model import Item, Perspective, Program, Scale, Step, StepKind
from bootcamp.names import told_apart
from bootcamp.store.model import Answer, WorkshopInfo
from bootcamp.summary.answers import AnswerIndex, options_of
from bootcamp.summary.model import (
    Audit,
    HeatColumn,
    HeatMap,
    HeatMapRow,
    RatingCell,
    RatingSummary,
    ScalePoint,
    SelfTeamGap,
    StepReach,
)
from bootcamp.summary.rounding import half_up

_PLACES = 3  # figures on a scale are kept to three decimals: enough for any display, stable in JSON


def build_ratings(
    program: Program,
    agenda: str,
    index: AnswerIndex,
    info: WorkshopInfo,
    secret: Collection[str] = (),
    skipped: Collection[str] = (),
    reaches: Mapping[str, StepReach] | None = None,
) -> tuple[tuple[HeatMap, ...], tuple[Audit, ...]]:
    """The heat maps and audits of the agenda's rate steps; ``reaches`` says how far the room got with each."""
    heat_maps: list[HeatMap] = []
    audits: list[Audit] = []
    for step in program.steps(agenda):
        if step.kind is not StepKind.RATE:
            continue
        items = program.item_list(step.items)
        scale = program.scale(step.scale)
        if items is None or scale is None:
            continue
        answers = index.of_step(step.key)
        reach = (reaches or {}).get(step.key, StepReach.NOT_REACHED)
        if len(step.perspectives) > 1:
            heat_map = _heat_map(
                step, items.title, items.items, scale, answers, info, step.key in secret, step.key in skipped
            )
            heat_maps.append(replace(heat_map, reach=reach))
        else:
            audit = _audit(step, items.title, items.items, scale, answers, step.key in skipped)
            audits.append(replace(audit, reach=reach))
    return tuple(heat_maps), tuple(audits)


def legend(scale: Scale) -> tuple[ScalePoint, ...]:
    return tuple(ScalePoint(o.id, o.label, o.key, o.value, scale.normalised(o.id)) for o in scale.options)


def summarise(item: Item, perspective: str, scale: Scale, options: Sequence[str]) -> RatingSummary:
    """The room's figures for one item from the option ids it was given (unknown ids ignored)."""
    values: list[float] = []
    dont_know = 0
    known = options_of(scale)
    for option_id in options:
        found = known.get(option_id)
        if found is None:
            continue
        option = found[0]
        if option.dont_know or option.value is None:
            dont_know += 1
        else:
            values.append(option.value)
    mean = statistics.fmean(values) if values else None
    span = scale.high - scale.low
    normalised = None if mean is None else (1.0 if span == 0 else (mean - scale.low) / span)
    return RatingSummary(
        item=item.id,
        title=item.title,
        perspective=perspective,
        answered=len(values) + dont_know,
        scored=len(values),
        dont_know=dont_know,
        mean=_rounded(mean),
        normalised=_rounded(normalised),
        low=min(values) if values else None,
        high=max(values) if values else None,
        spread=_rounded(statistics.pstdev(values)) if values else None,
    )


def _heat_map(
    step: Step,
    list_title: str,
    items: Sequence[Item],
    scale: Scale,
    answers: Sequence[Answer],
    info: WorkshopInfo,
    secret: bool,
    skipped: bool,
) -> HeatMap:
    perspectives = [p.value for p in step.perspectives]
    columns = tuple(
        HeatColumn(item.id, item.title, item.short or item.title, perspective)
        for item in items
        for perspective in perspectives
    )
    position = {(c.item, c.perspective): n for n, c in enumerate(columns)}
    given: list[list[str]] = [[] for _ in columns]
    cells: dict[str, list[RatingCell | None]] = {}
    marks = {  # one cell value per option, shared by every cell that picked it
        option_id: RatingCell(option.id, option.label, option.key, _rounded(normalised))
        for option_id, (option, normalised) in options_of(scale).items()
    }
    for answer in answers:
        column = position.get((answer.item, answer.perspective))
        mark = marks.get(answer.value)
        if column is None or mark is None:
            continue
        given[column].append(mark.option_id)
        row = cells.get(answer.participant_id)
        if row is None:  # not setdefault: its empty row would be made for every answer
            row = cells[answer.participant_id] = [None] * len(columns)
        row[column] = mark

    rows: tuple[HeatMapRow, ...] = ()
    if not secret:  # a secret ballot's answers are not anyone's: only the room's figures are shown
        names = told_apart(info.participants)
        rows = tuple(
            HeatMapRow(p.id, names[p.id], p.removed, tuple(cells.get(p.id, [None] * len(columns))))
            for p in info.participants
            if not p.removed or p.id in cells
        )
    titled = {item.id: item for item in items}
    averages = tuple(summarise(titled[c.item], c.perspective, scale, given[n]) for n, c in enumerate(columns))
    gaps: list[SelfTeamGap] = []
    if Perspective.SELF in step.perspectives and Perspective.TEAM in step.perspectives:
        for item in items:
            own = averages[position[(item.id, Perspective.SELF.value)]]
            team = averages[position[(item.id, Perspective.TEAM.value)]]
            if own.normalised is not None and team.normalised is not None:
                gaps.append(
                    SelfTeamGap(
                        item.id,
                        item.title,
                        own.normalised,
                        team.normalised,
                        self_mean=own.mean or 0.0,
                        team_mean=team.mean or 0.0,
                        scale_low=scale.low,
                        scale_high=scale.high,
                    )
                )
    return HeatMap(
        step_key=step.key,
        title=step.title,
        list_title=list_title,
        scale_title=scale.title,
        legend=legend(scale),
        columns=columns,
        rows=rows,
        averages=averages,
        gaps=tuple(gaps),
        secret=secret,
        skipped=skipped,
    )


def _audit(
    step: Step, list_title: str, items: Sequence[Item], scale: Scale, answers: Sequence[Answer], skipped: bool
) -> Audit:
    perspective = step.perspectives[0].value if step.perspectives else ""
    given: dict[str, list[str]] = {item.id: [] for item in items}
    for answer in answers:
        if answer.item in given and answer.perspective == perspective:
            given[answer.item].append(answer.value)
    return Audit(
        step_key=step.key,
        title=step.title,
        list_title=list_title,
        scale_title=scale.title,
        legend=legend(scale),
        perspective=perspective,
        scale_low=scale.low,
        scale_high=scale.high,
        rows=tuple(summarise(item, perspective, scale, given[item.id]) for item in items),
        skipped=skipped,
        rated_for=step.rated_for if perspective else "",
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else half_up(value, _PLACES)

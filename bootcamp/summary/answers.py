"""The stored answers arranged for scoring: one answer per participant and key, grouped by step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bootcamp.content.model import Program, RoleCheck, Scale, ScaleOption, StepKind
from bootcamp.store.model import Answer, WorkshopInfo

_NOT_ON_ROSTER = 1 << 30  # secret ballots sort after everyone on the roster


@lru_cache(maxsize=64)
def options_of(scale: Scale) -> Mapping[str, tuple[ScaleOption, float | None]]:
    """Option id → (option, its place on 0..1 or None for don't know): one lookup per answer.

    ``Scale.normalised`` recomputes the scale's ends on every call; a room of 200 answers
    thousands of times, so the summary looks each option up here instead.
    """
    return {option.id: (option, scale.normalised(option.id)) for option in scale.options}


@dataclass(frozen=True)
class AnswerIndex:
    """Answers by step key, the last one given winning when a key was answered twice."""

    by_step: dict[str, tuple[Answer, ...]]
    total: int

    @classmethod
    def of(cls, answers: Sequence[Answer], info: WorkshopInfo) -> AnswerIndex:
        latest: dict[tuple[str, str, str, str], Answer] = {}
        for answer in answers:
            latest[(answer.participant_id, answer.step_key, answer.item, answer.perspective)] = answer
        seat = {p.id: p.number for p in info.participants}
        ordered = sorted(latest.values(), key=lambda a: (seat.get(a.participant_id, _NOT_ON_ROSTER), a.participant_id))
        by_step: dict[str, list[Answer]] = {}
        for answer in ordered:
            by_step.setdefault(answer.step_key, []).append(answer)
        return cls({key: tuple(found) for key, found in by_step.items()}, len(latest))

    def of_step(self, step_key: str) -> tuple[Answer, ...]:
        return self.by_step.get(step_key, ())


def count_unmatched(program: Program, agenda: str, index: AnswerIndex) -> int:
    """Answers that name no answerable step, item, perspective or option of the agenda's content.

    They cannot be scored; the report says how many there were rather than dropping them silently.
    """
    matched = 0
    for step in program.steps(agenda):
        answers = index.of_step(step.key)
        if not answers:
            continue
        if step.kind is StepKind.QUESTION and step.question is not None:
            scale = program.scale(step.question.scale)
            known = options_of(scale) if scale else {}
            matched += sum(1 for a in answers if not a.item and not a.perspective and a.value in known)
        elif step.kind is StepKind.CHECK:
            check = program.exercise(step.exercise)
            if isinstance(check, RoleCheck):
                known_by_item = {q.id: options_of(scale) for q in check.structure if (scale := program.scale(q.scale))}
                matched += sum(1 for a in answers if not a.perspective and a.value in known_by_item.get(a.item, ()))
        elif step.kind is StepKind.RATE:
            items = program.item_list(step.items)
            scale = program.scale(step.scale)
            if items is None or scale is None:
                continue
            item_ids = {i.id for i in items.items}
            perspectives = {p.value for p in step.perspectives} or {""}
            known = options_of(scale)
            matched += sum(
                1 for a in answers if a.item in item_ids and a.perspective in perspectives and a.value in known
            )
    return index.total - matched

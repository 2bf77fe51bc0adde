"""The stored answers arranged for scoring: one answer per participant and key, grouped by step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bootcamp.content.model import Program, Scale, ScaleOption
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
    per_person: dict[str, int]  # how many answers each participant (or secret ballot) has here

    @classmethod
    def of(cls, answers: Sequence[Answer], info: WorkshopInfo) -> AnswerIndex:
        # Grouped by person first: a room of 200 gives tens of thousands of answers, a few hundred people to sort.
        latest: dict[str, dict[tuple[str, str, str], Answer]] = {}
        for answer in answers:
            latest.setdefault(answer.participant_id, {})[(answer.step_key, answer.item, answer.perspective)] = answer
        seat = {p.id: p.number for p in info.participants}
        by_step: dict[str, list[Answer]] = {}
        for person in sorted(latest, key=lambda person: (seat.get(person, _NOT_ON_ROSTER), person)):
            for answer in latest[person].values():
                by_step.setdefault(answer.step_key, []).append(answer)
        per_person = {person: len(given) for person, given in latest.items()}
        return cls({key: tuple(found) for key, found in by_step.items()}, sum(per_person.values()), per_person)

    def of_step(self, step_key: str) -> tuple[Answer, ...]:
        return self.by_step.get(step_key, ())


def count_unmatched(program: Program, agenda: str, index: AnswerIndex) -> int:
    """Answers that name no answerable step, item, perspective or option of the agenda's content.

    They cannot be scored; the report says how many there were rather than dropping them silently. A comment given
    without an answer (no option, as an import allows) is matched when its step, item and perspective are.
    """
    matched = 0
    for step in program.steps(agenda):
        answers = index.of_step(step.key)
        asks = program.asks(step) if answers else None
        if asks is not None:
            any_option = asks.scale.options[0].id
            matched += sum(
                1
                for a in answers
                if asks.accepts(a.item, a.perspective, any_option if is_comment_only(a) else a.value)
            )
    return index.total - matched


def is_comment_only(answer: Answer) -> bool:
    """A comment given without an answer: no option, and a comment (the checks of every way in allow it)."""
    return not answer.value and bool(answer.comment.strip())

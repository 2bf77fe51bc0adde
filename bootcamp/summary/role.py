"""The role-definition verdict: the room's decisions on its role description, and the structural gaps."""

from __future__ import annotations

from collections.abc import Sequence

from bootcamp.content.model import Leaning, Program, RoleCheck, StepKind
from bootcamp.content.rolecheck import suggest
from bootcamp.store.model import RoomRecords
from bootcamp.summary.model import STRUCTURE_GAP_BELOW, DimensionResult, QuestionResult, RoleLineResult, RoleVerdict


def role_check_of(program: Program, agenda: str) -> RoleCheck | None:
    """The role check the agenda runs; else the content's first one (the room may have entered lines anyway)."""
    for step in program.steps(agenda):
        if step.kind is StepKind.CHECK and isinstance(check := program.exercise(step.exercise), RoleCheck):
            return check
    return next((e for e in program.exercises if isinstance(e, RoleCheck)), None)


def build_verdict(
    program: Program, agenda: str, room: RoomRecords, dimensions: Sequence[DimensionResult]
) -> RoleVerdict | None:
    check = role_check_of(program, agenda)
    if check is None:
        return None
    check_steps = {s.key for s in program.steps(agenda) if s.kind is StepKind.CHECK and s.exercise == check.id}
    structure_ids = {q.id for q in check.structure}
    structure: list[QuestionResult] = [
        question
        for dimension in dimensions
        for question in dimension.questions
        if question.step_key in check_steps and question.item in structure_ids
    ]
    if not check_steps and not room.role_lines:
        return None
    lines = []
    for line in room.role_lines:
        suggestion = suggest(line.text, check)
        lines.append(
            RoleLineResult(
                id=line.id,
                text=line.text,
                decision=line.decision if line.decision in (Leaning.STRATEGIC, Leaning.TACTICAL, Leaning.UNDECIDED) else "",
                suggestion=Leaning(suggestion.leaning),
                reason=suggestion.reason,
                markers=tuple(getattr(marker, "title", str(marker)) for marker in suggestion.markers),
            )
        )
    return RoleVerdict(
        check_id=check.id,
        title=check.title,
        lines=tuple(lines),
        strategic=sum(1 for line in lines if line.decision == Leaning.STRATEGIC),
        tactical=sum(1 for line in lines if line.decision == Leaning.TACTICAL),
        undecided=sum(1 for line in lines if not line.decision),
        left_undecided=sum(1 for line in lines if line.decision == Leaning.UNDECIDED),
        structure=tuple(structure),
        gaps=tuple(
            sorted((q for q in structure if q.score is not None and q.score < STRUCTURE_GAP_BELOW), key=_score_of)
        ),
    )


def _score_of(question: QuestionResult) -> int:
    return question.score or 0

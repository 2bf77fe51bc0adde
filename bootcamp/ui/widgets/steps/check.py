"""``check``: a role check; the room's role lines and structure questions (read-only for now)."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.content.model import RoleCheck
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body, scale_choices


class CheckView(StepView):
    def compose(self) -> ComposeResult:
        exercise = self.program.exercise(self.step.exercise)
        yield from body(self.step.body, presenter=self.presenter)
        if not isinstance(exercise, RoleCheck):
            return
        yield from body(exercise.body, presenter=self.presenter)
        if exercise.structure:
            yield Prompt("Then, about the role's structure:", classes="-muted")
            for number, question in enumerate(exercise.structure, start=1):
                yield Prompt(f"{number}. {question.text}", classes="-question")
            yield from scale_choices(self.program, exercise.structure[0].scale)


VIEW = CheckView

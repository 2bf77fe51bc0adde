"""``check``: a role check; the room's role lines and structure questions (read-only for now)."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.content.model import RoleCheck
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body, scale_choices, step_or_exercise_body


class CheckView(StepView):
    def compose(self) -> ComposeResult:
        exercise = self.program.exercise(self.step.exercise)
        if not isinstance(exercise, RoleCheck):
            yield from body(self.step.body, presenter=self.presenter)
            return
        yield from step_or_exercise_body(self.step.body, exercise.body, presenter=self.presenter)
        if exercise.structure and self.presenter:
            # The slide introduces the exercise; the questions are put to the room one at a time.
            count = len(exercise.structure)
            yield Prompt(
                f"Then {count} question{'s' if count != 1 else ''} about the role's structure.", classes="-muted"
            )
        elif exercise.structure:
            yield Prompt("Then, about the role's structure:", classes="-muted")
            questions = (f"{number}. {question.text}" for number, question in enumerate(exercise.structure, start=1))
            yield Prompt("\n".join(questions), classes="-question")
            yield from scale_choices(self.program, exercise.structure[0].scale)


VIEW = CheckView

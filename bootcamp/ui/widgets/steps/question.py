"""``question``: a probing question on a named scale, with an optional comment."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.ui.widgets.steps.base import Prompt, StepView, body, scale_choices


class QuestionView(StepView):
    def compose(self) -> ComposeResult:
        question = self.step.question
        if question is not None:
            yield Prompt(question.text, classes="-question")
        yield from body(self.step.body, presenter=self.presenter)
        yield from scale_choices(self.program, question.scale if question else self.step.scale)
        if self.step.comment:
            yield Prompt("A comment is welcome with any answer.", classes="-muted")


VIEW = QuestionView

"""``teach``: a Markdown slide."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.ui.widgets.steps.base import StepView, body


class TeachView(StepView):
    def compose(self) -> ComposeResult:
        yield from body(self.step.body, presenter=self.presenter)


VIEW = TeachView

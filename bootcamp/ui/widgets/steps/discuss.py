"""``discuss``: a prompt for the room's conversation."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.ui.widgets.steps.base import Prompt, StepView, body


class DiscussView(StepView):
    def compose(self) -> ComposeResult:
        if self.step.body.strip():
            yield from body(self.step.body, presenter=self.presenter)
        else:
            yield Prompt(self.step.title, classes="-question")


VIEW = DiscussView

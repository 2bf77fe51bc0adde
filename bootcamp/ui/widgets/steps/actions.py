"""``actions``: what will be done, by whom, by when."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.ui.widgets.steps.base import Prompt, StepView, body


class ActionsView(StepView):
    def compose(self) -> ComposeResult:
        yield from body(self.step.body, presenter=self.presenter)
        yield Prompt("For each action: what, who owns it, and by when.", classes="-question")


VIEW = ActionsView

"""``teach``: a Markdown slide."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.ui.widgets.steps.base import StepView, body


class TeachView(StepView):
    def compose(self) -> ComposeResult:
        yield from body(self.step.body, presenter=self.presenter)

    def take_over(self, view: StepView) -> bool:
        """A teach step after a teach step: the body's text changes, nothing is mounted (issue 13: 0.72× a press)."""
        from bootcamp.ui.widgets.markdown_body import MarkdownBody

        shown = list(self.query(MarkdownBody))
        if (
            type(view) is not TeachView
            or view.presenter != self.presenter
            or len(shown) != 1
            or not view.step.body.strip()
        ):
            return False
        self.step = view.step
        shown[0].update(view.step.body)
        return True


VIEW = TeachView

"""``rate``: items × a scale × perspectives, shown read-only (issue 4 adds the room's grid)."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.content.model import Perspective
from bootcamp.ui.widgets.steps.base import ItemGrid, Prompt, StepView, body, scale_choices

PERSPECTIVES = {Perspective.SELF: "yourself", Perspective.TEAM: "your team"}


class RateView(StepView):
    def compose(self) -> ComposeResult:
        yield from body(self.step.body, presenter=self.presenter)
        items = self.program.item_list(self.step.items)
        if items is not None:
            if self.presenter:
                # The room needs the names; the explanations would not fit a projected slide.
                yield ItemGrid([item.title for item in items.items])
            else:
                yield Prompt("\n".join(f"• {item.title} — {item.text}" for item in items.items), classes="items")
        if self.step.perspectives:
            whose = " and ".join(PERSPECTIVES.get(p, str(p)) for p in self.step.perspectives)
            yield Prompt(f"Rate each for {whose}:", classes="-muted")
        yield from scale_choices(self.program, self.step.scale)


VIEW = RateView

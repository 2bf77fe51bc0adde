"""``exercise``: Aptitude Poker, its deck and what the room talks about per card."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.content.model import AptitudePoker
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body


class ExerciseView(StepView):
    def compose(self) -> ComposeResult:
        exercise = self.program.exercise(self.step.exercise)
        yield from body(self.step.body, presenter=self.presenter)
        if not isinstance(exercise, AptitudePoker):
            return
        yield from body(exercise.body, presenter=self.presenter)
        deck = self.program.item_list(exercise.deck)
        if deck is not None:
            minutes = f"{exercise.minutes_per_card:g}"
            yield Prompt(f"{len(deck.items)} cards, about {minutes} minutes each:", classes="-muted")
            yield Prompt("   ".join(f"♠ {item.title}" for item in deck.items), classes="cards")
        if exercise.prompts:
            yield Prompt("For each card:", classes="-muted")
            yield Prompt("\n".join(f"• {prompt.label}" for prompt in exercise.prompts))


VIEW = ExerciseView

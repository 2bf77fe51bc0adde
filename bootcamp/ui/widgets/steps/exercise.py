"""``exercise``: Aptitude Poker, its deck and what the room talks about per card."""

from __future__ import annotations

from textual.app import ComposeResult

from bootcamp.content.model import AptitudePoker
from bootcamp.ui.widgets.steps.base import ItemGrid, Prompt, StepView, body, step_or_exercise_body


class ExerciseView(StepView):
    def compose(self) -> ComposeResult:
        exercise = self.program.exercise(self.step.exercise)
        if not isinstance(exercise, AptitudePoker):
            yield from body(self.step.body, presenter=self.presenter)
            return
        yield from step_or_exercise_body(self.step.body, exercise.body, presenter=self.presenter)
        deck = self.program.item_list(exercise.deck)
        if deck is not None:
            minutes = f"{exercise.minutes_per_card:g}"
            yield Prompt(f"{len(deck.items)} cards, about {minutes} minutes each:", classes="-muted")
            titles = [item.title for item in deck.items]
            if self.presenter:
                yield ItemGrid(titles, bullet="♠")
            else:
                yield Prompt("\n".join(f"♠ {title}" for title in titles), classes="cards")
        if exercise.prompts and not (self.presenter and self.step.body.strip()):
            yield Prompt("For each card:", classes="-muted")
            yield Prompt("\n".join(f"• {prompt.label}" for prompt in exercise.prompts))


VIEW = ExerciseView

"""``rate``: items × a scale × perspectives (the ten aptitudes, for yourself and for your team).

The console holds the grid the room's ratings go into and, once revealed, the room's bars
per item; the room's screen holds the items and the scale, then the bars.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from bootcamp.content.model import PERSPECTIVE_LABELS, ItemList, Scale
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import WorkshopState
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid, GridRow, PeopleGrid
from bootcamp.ui.widgets.answers.moved_on import KeysHint, MovedOn
from bootcamp.ui.widgets.answers.room_heat import LABEL_WIDTH, RoomHeat, show_heat
from bootcamp.ui.widgets.steps.base import ItemGrid, Prompt, StepView, body, scale_choices


class RateView(StepView):
    DEFAULT_CSS = """
    RateView #answers { height: auto; }
    RateView .before-reveal { height: auto; }
    RateView #answer-grid { height: auto; max-height: 16; }
    RateView .hint { color: $text-muted; }
    RateView.-revealed.-presenter .before-reveal { display: none; }
    """

    @property
    def items(self) -> ItemList | None:
        return self.program.item_list(self.step.items)

    @property
    def scale(self) -> Scale | None:
        return self.program.scale(self.step.scale)

    @property
    def perspectives(self) -> tuple[str, ...]:
        return tuple(str(p) for p in self.step.perspectives) or ("",)

    def compose(self) -> ComposeResult:
        items = self.items
        with Vertical(classes="before-reveal"):
            yield from body(self.step.body, presenter=self.presenter)
            if items is not None:
                if self.presenter:
                    # The room needs the names; the explanations would not fit a projected slide.
                    yield ItemGrid([item.title for item in items.items])
                elif self.live is None:
                    yield Prompt("\n".join(f"• {item.title} — {item.text}" for item in items.items), classes="items")
            if self.step.perspectives:
                labels = (PERSPECTIVE_LABELS.get(p, str(p)) for p in self.step.perspectives)
                whose = self.step.rated_for or " and ".join(labels)  # "the company" where the content says so
                yield Prompt(f"Rate each for {whose}:", classes="-muted")
            yield from scale_choices(self.program, self.step.scale)
        if self.live is not None and items is not None and self.scale is not None:
            rows = [GridRow(item.id, (item.short or item.title)[:LABEL_WIDTH]) for item in items.items]
            with Vertical(id="answers"):
                yield PeopleGrid(AnswerGrid(self.live, self.step.key, self.scale, rows, self.perspectives))
                yield KeysHint("a key rates the cell at the cursor, then moves down · x clear")
        yield RoomHeat()

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        if self.items is None or self.scale is None:
            return
        if self.live is not None:
            for grid in self.query(AnswerGrid):
                grid.show(data, state)
        self.set_class(show_heat(self.query_one(RoomHeat), self.program, self.step, data, state), "-revealed")

    @on(MovedOn)
    def _moved_on(self, message: MovedOn) -> None:
        self.query_one(KeysHint).moved_on(message.said)
        for grid in self.query(AnswerGrid):
            if grid.has_focus:  # the hint may have grown a line: keep it in view
                grid.call_after_refresh(grid.show_grid_and_note)

    def on_descendant_focus(self) -> None:
        self._show_hint()

    def on_descendant_blur(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        for hint in self.query(KeysHint):
            hint.focus_here(isinstance(self.app.focused, AnswerGrid))

    def wants_width(self) -> bool:
        # The grid: a column per person and perspective. Between the agenda and the side column it showed two people of
        # three at 120 columns, and one and a half of forty; the time strip keeps the timer and the day in sight.
        return self.live is not None and not self.presenter and self.items is not None and self.scale is not None

    def focus_answers(self) -> bool:
        grids = self.query(AnswerGrid)
        if grids:
            grids.first().land()
            return True
        return False


VIEW = RateView

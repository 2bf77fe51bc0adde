"""The room's view of each item, per perspective: one bar per cell, for the console and the projector."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from bootcamp.content.model import Item, Program, Scale, Step
from bootcamp.export.report_text import number
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import Answer, WorkshopState
from bootcamp.summary.ratings import summarise
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.answers.tally import bar_colour

BAR = 10
LABEL_WIDTH = 16  # an item's short title, cut to fit
PERSPECTIVE_TITLE = {"self": "Self", "team": "Team", "": "Room"}


@dataclass(frozen=True)
class ItemMean:
    item: str
    perspective: str
    mean: float | None  # 0..1, don't know left out; None when nobody scored it
    scored: int
    on_scale: float | None = None  # the average on the scale's own values, as the summary figures it


def item_means(answers: list[Answer], scale: Scale, items: list[str], perspectives: tuple[str, ...]) -> list[ItemMean]:
    found: list[ItemMean] = []
    for item in items:
        for perspective in perspectives:
            values = [
                value
                for a in answers
                if a.item == item and a.perspective == perspective
                if (value := scale.normalised(a.value)) is not None
            ]
            given = [a.value for a in answers if a.item == item and a.perspective == perspective]
            on_scale = summarise(Item(item, "", ""), perspective, scale, given).mean
            found.append(
                ItemMean(item, perspective, sum(values) / len(values) if values else None, len(values), on_scale)
            )
    return found


def bar(mean: float | None, width: int = BAR, figure: str | None = None) -> Text:
    """A bar filled to ``mean`` (0..1) and its figure: ``figure`` when given (the average on the rating's scale,
    "1.3"), else the mean as points of 100."""
    if mean is None:
        return Text("–".ljust(width + 5), style="dim")
    filled = round(mean * width)
    shown = figure if figure is not None else str(round(mean * 100))
    return joined(("█" * filled, bar_colour(mean)), ("░" * (width - filled), "dim"), f" {shown:>3}")


def on_its_scale(scale: Scale) -> str:
    """What a rating's figures are: the room's average between the scale's ends, as the summary names them: "the
    room's average, 1–5" (short enough for the console's middle column)."""
    return f"the room's average, {number(scale.low)}\u2013{number(scale.high)}" if scale.scored_options else ""


class RoomHeat(Static):
    """Rows of items, a bar per perspective: the room's strengths and weaknesses at a glance."""

    DEFAULT_CSS = """
    RoomHeat {
        width: 1fr;
        height: auto;
        margin: 1 0 0 0;
    }
    """

    def show(
        self,
        answers: list[Answer],
        scale: Scale,
        items: list[tuple[str, str]],
        perspectives: tuple[str, ...],
        *,
        heading: Text,
        on_scale: bool = False,
        titles: dict[str, str] | None = None,
    ) -> None:
        """The bars; each figure is the room's average on ``scale`` when ``on_scale`` (a rating, as the summary shows
        it), else points of 100 (the role's structure questions, which score commitment as the summary does)."""
        means = {(m.item, m.perspective): m for m in item_means(answers, scale, [i for i, _ in items], perspectives)}
        table = Table.grid(padding=(0, 2))
        table.add_column()
        for _ in perspectives:
            table.add_column()
        titled = {**PERSPECTIVE_TITLE, **(titles or {})}
        table.add_row(Text(""), *[Text(titled.get(p, p), style="bold") for p in perspectives])
        for item, label in items:
            cells = [means[(item, p)] for p in perspectives]
            table.add_row(plain(label), *[bar(m.mean, figure=number(m.on_scale) if on_scale else None) for m in cells])
        grid = Table.grid()
        grid.add_row(heading)
        grid.add_row(table)
        self.update(grid)


def show_heat(
    heat: RoomHeat, program: Program, step: Step, data: WorkshopSnapshot, state: WorkshopState, *, hint: str = ""
) -> bool:
    """The room's bars for the rate ``step`` once its results are revealed; until then how many have rated and why
    the bars are hidden, with ``hint`` after it (a discussion showing the step: "r reveals"). True when shown."""
    items, scale = program.item_list(step.items), program.scale(step.scale)
    if items is None or scale is None:
        heat.update("")
        return False
    perspectives = tuple(str(p) for p in step.perspectives) or ("",)
    cells = len(items.items) * len(perspectives)  # "rated": every cell, not any
    heading = data.answered(step.key, secret=step.key in state.secret, verb="rated", cells=cells)
    revealed = step.key in state.revealed and not state.private_entry
    if revealed:
        labels = [(item.id, (item.short or item.title)[:LABEL_WIDTH]) for item in items.items]
        the_room = joined((heading, "bold"), (f"  ·  {on_its_scale(scale)}", "dim"))
        # a step rated for what it names heads its column so ("The company"), not with its perspective ("Team")
        titles = {perspectives[0]: step.rated_for[:1].upper() + step.rated_for[1:]} if step.rated_for else None
        answers = data.answers_for(step.key)
        heat.show(answers, scale, labels, perspectives, heading=the_room, on_scale=True, titles=titles)
    elif state.private_entry:
        heat.update(joined((heading, "bold"), ("  ·  private entry: answers stay hidden", "dim")))
    else:
        heat.update(joined((heading, "bold"), ("  ·  results hidden until revealed", "dim"), (hint and f" · {hint}", "dim")))
    return revealed


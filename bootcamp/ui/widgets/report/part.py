"""``ReportPart``: a widget that draws one part of a ``CommitmentReport`` for the width it is given.

A part keeps the report it was last shown and draws it again whenever Textual asks
(a resize, a theme change), so charts always fill the width they have. Its colours for
tracks, muted and flagged text come from the theme through component classes, so the
projector theme changes them too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from bootcamp.summary.model import CommitmentReport
from bootcamp.ui.widgets.report.charts import Ink, ink


class Drawn:
    """A Rich renderable made by ``draw(width)``: lines of chart and paragraphs that wrap."""

    def __init__(self, draw: Callable[[int], Sequence[RenderableType]]) -> None:
        self.draw = draw

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for piece in self.draw(options.max_width):
            if isinstance(piece, Text) and piece.end != "\n":
                piece = piece.copy()
                piece.end = "\n"  # each piece on lines of its own, and counted in the widget's height
            yield piece


def line(*pieces: Text | str) -> Text:
    """Chart pieces as one line that never wraps (each piece is already cut to its width)."""
    joined = Text(end="\n", no_wrap=True, overflow="crop")
    for piece in pieces:
        joined.append_text(piece if isinstance(piece, Text) else Text(piece))
    return joined


class ReportPart(Widget):
    DEFAULT_CSS = """
    ReportPart {
        height: auto;
        width: 1fr;
        & > .report--track { background: $foreground 14%; color: $foreground 35%; }
        & > .report--muted { color: $text-muted; }
        & > .report--heading { color: $text-accent; text-style: bold; }
        & > .report--flag { color: $text-warning; text-style: bold; }
        & > .report--bad { color: $text-error; text-style: bold; }
        & > .report--stripe { background: $foreground 5%; }
    }
    """
    COMPONENT_CLASSES = {
        "report--track",
        "report--muted",
        "report--heading",
        "report--flag",
        "report--bad",
        "report--stripe",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.report: CommitmentReport | None = None

    def show(self, report: CommitmentReport) -> None:
        self.report = report
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        report = self.report
        if report is None:
            return Text()
        return Drawn(lambda width: self.draw(report, width))

    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        """The part's lines and paragraphs at ``width`` cells."""
        raise NotImplementedError  # each subclass says how (an abstract hook, not a stub)

    @property
    def drawn(self) -> Ink:
        """How a score's colour is drawn on this theme's page: light on a dark theme, dark on a light one."""
        return ink(self.app.current_theme.dark)

    def themed(self, name: str) -> Style:
        """A component style (track, muted, heading, flag, bad, stripe) as the theme has it."""
        return self.get_component_rich_style(f"report--{name}")

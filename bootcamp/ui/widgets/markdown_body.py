"""A step's Markdown body as one widget: Rich's Markdown, rendered once per text, width and look.

Textual's ``Markdown`` widget mounts a widget per block (and per list item), each matched against
the CSS: about a sixth of a step change went there (issue 13). Here the body is one widget, and the
lines Rich renders are kept in a small cache shared by every body, keyed by the text, the width and
the styles, so going back to a step, or the presenter and the console showing the same step at the
same width, renders nothing again.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.markdown import Heading, ListItem, Markdown, TableElement
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme
from textual.widget import Widget

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

# The parts of a body that take the app's theme, each a component class of the widget (so its colour
# comes from the theme's variables, as Textual's own Markdown widget takes them) and a Rich style name.
THEMED = {
    "markdown-body--h1": "markdown.h1",
    "markdown-body--h2": "markdown.h2",
    "markdown-body--h3": "markdown.h3",
    "markdown-body--h4": "markdown.h4",
    "markdown-body--h5": "markdown.h5",
    "markdown-body--h6": "markdown.h6",
    "markdown-body--bullet": "markdown.item.bullet",
    "markdown-body--number": "markdown.item.number",
    "markdown-body--link": "markdown.link",
    "markdown-body--code": "markdown.code",
    "markdown-body--quote": "markdown.block_quote",
    "markdown-body--table-border": "markdown.table.border",
    "markdown-body--table-header": "markdown.table.header",
}
Look = tuple[tuple[str, Style], ...]  # (Rich style name, style): hashable, so part of the cache key
Lines = tuple[tuple[Segment, ...], ...]
CACHED_RENDERS = 64  # a full day has about 60 bodies


class _LeftHeading(Heading):
    """Every heading at the left, as on the slides the content is written for (Rich centres ``#``)."""

    LEVEL_ALIGN: ClassVar = dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "left")


class _ListItem(ListItem):
    """``• item`` and ``1. item`` from the left edge, as the slides were drawn before (Rich indents
    bullets by one and leaves the dot off numbers)."""

    def render_bullet(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self._marked(console, options, "• ", console.get_style("markdown.item.bullet", default="none"))

    def render_number(self, console: Console, options: ConsoleOptions, number: int, last_number: int) -> RenderResult:
        mark = f"{number}.".ljust(len(str(last_number)) + 2)
        yield from self._marked(console, options, mark, console.get_style("markdown.item.number", default="none"))

    def _marked(self, console: Console, options: ConsoleOptions, mark: str, style: Style) -> RenderResult:
        """The item's lines after ``mark`` on the first and as many spaces on the rest."""
        lines = console.render_lines(
            self.elements, options.update(width=options.max_width - len(mark)), style=self.style
        )
        new_line = Segment.line()
        for number, line in enumerate(lines):
            yield Segment(mark if number == 0 else " " * len(mark), style)
            yield from line
            yield new_line


class _Table(TableElement):
    """A table in a light rounded frame, its cells in the body's colour (Rich draws only a rule under the
    header, in the border's colour for the cells too)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table

        table = Table(box=box.ROUNDED, border_style="markdown.table.border", show_edge=True)
        if self.header is not None and self.header.row is not None:
            for column in self.header.row.cells:
                heading = column.content.copy()
                heading.stylize("markdown.table.header")
                table.add_column(heading)
        if self.body is not None:
            for row in self.body.rows:
                table.add_row(*[cell.content for cell in row.cells])
        yield table


class _SlideMarkdown(Markdown):
    elements: ClassVar = {
        **Markdown.elements,
        "heading_open": _LeftHeading,
        "list_item_open": _ListItem,
        "table_open": _Table,
    }


@lru_cache(maxsize=CACHED_RENDERS)
def rendered_lines(markdown: str, width: int, look: Look, console: Console) -> Lines:
    """``markdown`` rendered ``width`` cells wide in ``look``: each line's segments (padded to the width)."""
    options = console.options.update(width=width, height=None, highlight=False)
    with console.use_theme(Theme(dict(look), inherit=True)):
        lines = console.render_lines(_SlideMarkdown(markdown, hyperlinks=False), options, pad=True, new_lines=False)
    # Rich starts a body that opens with a list with a blank line; the box's padding already spaces it.
    while lines and _blank(lines[0]):
        del lines[0]
    while lines and _blank(lines[-1]):
        del lines[-1]
    return tuple(tuple(line) for line in lines)


def _blank(line: list[Segment]) -> bool:
    return all(not segment.text.strip() and not (segment.style and segment.style.bgcolor) for segment in line)


class _CachedRender:
    """What :class:`MarkdownBody` hands Textual: the cached lines at whatever width Textual asks for."""

    def __init__(self, markdown: str, look: Look) -> None:
        self.markdown = markdown
        self.look = look

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        new_line = Segment.line()
        for line in rendered_lines(self.markdown, options.max_width, self.look, console):
            yield from line
            yield new_line


class MarkdownBody(Widget):
    """A Markdown body the room reads: headings, lists, emphasis, tables; a link as its text and its address
    (a room cannot click a projected slide)."""

    DEFAULT_CSS = """
    MarkdownBody {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;  /* a blank line before whatever follows the body, as between its own blocks */
        color: $foreground;
        & > .markdown-body--h1 { color: $markdown-h1-color; text-style: $markdown-h1-text-style; }
        & > .markdown-body--h2 { color: $markdown-h2-color; text-style: $markdown-h2-text-style; }
        & > .markdown-body--h3 { color: $markdown-h3-color; text-style: $markdown-h3-text-style; }
        & > .markdown-body--h4 { color: $markdown-h4-color; text-style: $markdown-h4-text-style; }
        & > .markdown-body--h5 { color: $markdown-h5-color; text-style: $markdown-h5-text-style; }
        & > .markdown-body--h6 { color: $markdown-h6-color; text-style: $markdown-h6-text-style; }
        & > .markdown-body--bullet { color: $text-primary; text-style: bold; }
        & > .markdown-body--number { color: $text-primary; }
        & > .markdown-body--link { color: $text-accent; text-style: underline; }
        & > .markdown-body--code { color: $text-warning; background: $warning-muted; }
        & > .markdown-body--quote { color: $text-muted; text-style: italic; }
        & > .markdown-body--table-border { color: $foreground 40%; }
        & > .markdown-body--table-header { color: $text-primary; text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar = set(THEMED)

    def __init__(self, markdown: str, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.markdown = markdown
        self._look: Look | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None  # the styles changed (another theme): the look is read again

    def update(self, markdown: str) -> None:
        """Show another text (another step's body) in this widget."""
        if markdown != self.markdown:
            self.markdown = markdown
            self.refresh(layout=True)

    def look(self) -> Look:
        """The theme's styles for each part, without backgrounds other than the code's (the widget's shows through).

        Kept until the styles change: read afresh, the thirteen parts' styles cost as much as rendering a slide
        (Textual forgets them at every refresh)."""
        if self._look is None:
            self._look = tuple(
                (rich_name, self.get_component_rich_style(part, partial=True)) for part, rich_name in THEMED.items()
            )
        return self._look

    def prepare(self, markdown: str) -> None:
        """Render ``markdown`` as this body would show it now (its width, its look), so that showing it renders
        nothing: the console readies the next slide while it waits for the key that shows it."""
        width = self.content_size.width
        if self.is_mounted and width and markdown.strip():
            rendered_lines(markdown, width, self.look(), self.app.console)

    def render(self) -> _CachedRender:
        return _CachedRender(self.markdown, self.look())

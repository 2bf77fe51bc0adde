"""The role lines on the wall: the part of the list the room is working on, as large as the slide allows.

The room works through its role description from the top, so the wall follows the first line it has not
decided yet: that line is marked (▶, bold) with the last decided lines or two above it for context and as many
of the next lines as fit below; "↑ N more above" and "↓ N more below" say what is left out. Once every line
is decided the wall shows the list's end. The lines are numbered as on the console, and each takes the slide's
whole width, wrapped onto a second row where it is long (the line under discussion onto a third).

The window is chosen from the lines alone, never from the console's cursor: the lines are stored with every
decision anyway, and the projector window reads them from the workshop's files, while storing the cursor would
cost a durable write for every arrow key.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import Console, RenderableType
from rich.text import Text
from textual.widget import Widget

from bootcamp.store.model import RoleLine
from bootcamp.ui.text import joined, one_line, plain, safe
from bootcamp.ui.widgets.answers.role_lines import LEANING_STYLE, tactical_share

CONTEXT = 2  # decided lines kept above the line under discussion
ROWS = 2  # the rows a long line may wrap onto
CURRENT_ROWS = 3  # the line under discussion: read in full
DECISION_WIDTH = len("strategic")
MARK = "▶"
MIN_TEXT_WIDTH = 10


def first_undecided(lines: Sequence[RoleLine]) -> int | None:
    """Where the room is: the first line it has not decided yet (None once every line is decided)."""
    return next((n for n, line in enumerate(lines) if not line.decision), None)


def window(heights: Sequence[int], focus: int | None, rows: int, *, context: int = CONTEXT) -> tuple[int, int]:
    """The lines to show, ``start`` to ``end`` (not included), in ``rows`` rows with a row each for "more above"
    and "more below" where lines are left out: the ``focus`` line, up to ``context`` lines above it, then as many
    after it as fit; at the list's end, more above. Without a focus, the list's end. Never fewer than one line."""
    count = len(heights)
    if not count:
        return 0, 0

    def fits(start: int, end: int) -> bool:
        return sum(heights[start:end]) + (start > 0) + (end < count) <= rows

    if focus is None:
        start = end = count
    else:
        start, end = focus, focus + 1
        for _ in range(context):
            if start > 0 and fits(start - 1, end):
                start -= 1
        while end < count and fits(start, end + 1):
            end += 1
    while start > 0 and fits(start - 1, end):
        start -= 1
    return min(start, end - 1), end


class RoleLinesWall(Widget):
    """The role lines for the room, drawn for the widget's own size (again on every resize)."""

    DEFAULT_CSS = """
    RoleLinesWall {
        width: 1fr;
        height: 1fr;
        min-height: 4;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: tuple[RoleLine, ...] = ()

    def show(self, lines: tuple[RoleLine, ...]) -> None:
        if lines != self.lines:
            self.lines = lines
            self.refresh()

    def render(self) -> RenderableType:
        size = self.content_size
        return Text("\n").join(wall_rows(self.lines, size.width, size.height, self.app.console))


def wall_rows(lines: Sequence[RoleLine], width: int, height: int, console: Console) -> list[Text]:
    """The wall's rows, each at most ``width`` cells, at most ``height`` of them: the share, then the window."""
    if not lines or width <= 0 or height <= 0:
        return []
    share = tactical_share(tuple(lines))
    share.truncate(width, overflow="ellipsis")
    rows = [share]
    if height >= 12:
        rows.append(Text())  # a blank row under the share, where the slide has rows to spare
    room = height - len(rows)
    number_width = len(str(len(lines)))
    indent = 2 + number_width + 2 + DECISION_WIDTH + 2
    text_width = max(MIN_TEXT_WIDTH, width - indent)
    focus = first_undecided(lines)
    wrapped = [
        _wrapped(line.text, text_width, CURRENT_ROWS if n == focus else ROWS, console) for n, line in enumerate(lines)
    ]
    start, end = window([len(parts) for parts in wrapped], focus, room)
    if start:
        rows.append(plain(f"{'':>{2 + number_width}}↑ {start} more above", "dim"))
    for n in range(start, end):
        line, current = lines[n], n == focus
        decision = line.decision or "·"
        head = joined(
            (f"{MARK} " if current else "  ", "bold"),
            (f"{n + 1:>{number_width}}", "bold" if current else "dim"),
            "  ",
            (f"{decision:>{DECISION_WIDTH}}", LEANING_STYLE.get(line.decision, "dim")),
            "  ",
        )
        for row, part in enumerate(wrapped[n]):
            text = Text(part, style="bold" if current else "")
            rows.append((head if row == 0 else Text(" " * indent)) + text)
    if end < len(lines):
        rows.append(plain(f"{'':>{2 + number_width}}↓ {len(lines) - end} more below", "dim"))
    for row in rows:
        row.truncate(width, overflow="crop")
    return rows[:height]


def _wrapped(text: str, width: int, most: int, console: Console) -> list[str]:
    """``text`` on rows of ``width`` cells, at most ``most`` of them: the last cut with an ellipsis if need be."""
    parts = [line.plain.rstrip() for line in Text(safe(one_line(text, 10**6))).wrap(console, width)] or [""]
    if len(parts) <= most:
        return parts
    last = parts[most - 1] + " " + " ".join(parts[most:])
    cut = last if cell_len(last) <= width else set_cell_size(last, max(0, width - 1)).rstrip() + "…"
    return [*parts[: most - 1], cut]

"""A row of a table pasted from Word (cells between tabs) or written in Markdown (between pipes): the one cell that
says a duty, and the others."""

from __future__ import annotations

from bootcamp.content.posting.duties import _starts_with_duty_verb
from bootcamp.content.posting.marks import _BULLET, _NUMBER, _PIPE_ROW
from bootcamp.content.posting.sections import _DUTY_HEADING, SectionKind, section_kind
from bootcamp.content.posting.text import _plain


def _is_mark(cell: str) -> bool:
    """A bullet or a number alone in a cell: Word pastes "•<tab>Lead …" and "1.<tab>Lead …"."""
    mark = _BULLET.match(f"{cell} x") or _NUMBER.match(f"{cell} x")
    return mark is not None and mark.end() >= len(cell)


_COLUMN_TITLE_WORDS = 4  # a cell of this many words beside one naming the duties is a column's title, not a duty


def _table_row(line: str) -> tuple[str, tuple[str, ...]]:
    """A line with cells between tabs (a table pasted from Word) or pipes (a Markdown table) as its one cell that says
    a duty (else a duties heading, else the first), and its other cells; any other line as it is. A header row's
    cell naming the duties wins over a short title beside it that opens with a duty verb ("Share of time")."""
    body = line.lstrip()
    separator = "|" if _PIPE_ROW.match(body) else "\t"
    cells = [cell.strip() for cell in body.split(separator) if cell.strip()]
    if len(cells) > 1 and _is_mark(cells[0]):
        cells[:2] = [f"{cells[0]} {cells[1]}"]  # the mark and its text are one cell
    if len(cells) < 2:
        return line, ()
    duty = next((cell for cell in cells if _starts_with_duty_verb(cell)), None)
    naming = next((cell for cell in cells if _DUTY_HEADING.search(_plain(cell))), None)
    if naming is not None and (duty is None or len(duty.split()) <= _COLUMN_TITLE_WORDS):
        kept = naming  # the header row: "Key accountabilities", not its "Share of time" or "Measure of success"
    else:
        kept = duty or next((cell for cell in cells if section_kind(cell) is SectionKind.DUTIES), cells[0])
    indent = line[: len(line) - len(body)]
    return indent + kept, tuple(cell for cell in cells if cell is not kept)

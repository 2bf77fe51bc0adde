"""Items × participants (× perspectives) filled with single keys: the aptitude ratings, the role's structure questions.

One row per item, one column per participant and perspective (headed ``Ana`` over ``self``, ``Ana`` over ``team``). A
key stores the option for the cell at the cursor and moves down the column, then on to the
top of the next, so one person's ratings go in without touching the arrows. Until the step
is revealed a cell shows that it was answered, not how; revealed, it shows the option's key
coloured from the low end of the scale (red) to the high end (green): a heat map.

The item labels and the people's names stay in place (a frozen column and header row) while the
cursor moves to people further right; the grid shows whole columns only, and who does not fit is counted in
the line below it.

The cursor's cell is drawn in the cursor's colours over any heat colour, its key between ▶ ◀: with the cell's
own colour winning, the cursor on an answered cell changed only its letter's colour (under NO_COLOR nothing),
and correcting a rating the facilitator could not see which cell the next key would overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer, Vertical
from textual.coordinate import Coordinate
from textual.css.scalar import Scalar, Unit
from textual.widgets import DataTable, Static

from bootcamp.content.model import Scale
from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import ClearAnswer, GiveAnswer
from bootcamp.live.saving import Mark
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import WorkshopState
from bootcamp.ui.messages import request
from bootcamp.ui.phones import PHONE, phones_of
from bootcamp.ui.text import drawn_as, one_line, plain
from bootcamp.ui.widgets.answers.answer_table import AnswerTable
from bootcamp.ui.widgets.answers.marks import HIDDEN_ANSWER, NO_ANSWER
from bootcamp.ui.widgets.answers.moved_on import KeysHint, MovedOn
from bootcamp.ui.widgets.answers.scale_keys import AnswerKeys, bind_scale

CELL_WIDTH = 8  # a cell is as wide as its header, so its colour fills it
CURSOR_MARKS = ("▶", "◀")  # either side of the key in the cursor's cell: seen without colour too
NAME_WIDTH = CELL_WIDTH - 1  # the last cell of a header stays blank: the names never run into each other


@dataclass(frozen=True)
class GridRow:
    item: str  # the item id answers are stored under
    label: str  # what the row is called in the grid


def heat_style(normalised: float | None) -> str:
    """A value's colour on a red–amber–green ramp; don't know is grey, a cell of its own on any theme (its grey
    letter alone vanished on a light theme's grey). Each colour's nearest of 16 ANSI colours is red, yellow or
    green: a 16-colour terminal draws that one ("Mixed" had turned bright red, "Weakness" yellow)."""
    if normalised is None:
        return "bold #000000 on #8A9099"
    if normalised < 0.34:
        return "bold #FFFFFF on #982828"
    if normalised < 0.67:
        return "bold #000000 on #E0B030"
    return "bold #000000 on #38A038"


def at_cursor(cell: Text) -> Text:
    """How ``cell`` is drawn under the cursor: its key (or mark) bold between ▶ ◀, in the cursor's colours (the
    table puts them over the cell's own: ``cursor_background_priority``)."""
    glyph = cell.plain.strip() or " "
    left = max(0, (CELL_WIDTH - cell_len(glyph)) // 2 - 2)
    start, end = CURSOR_MARKS
    return Text(set_cell_size(f"{' ' * left}{start} {glyph} {end}", CELL_WIDTH), style="bold not dim")


def header_cell(text: str, width: int = CELL_WIDTH) -> str:
    """``text`` centred in ``width`` terminal cells (an emoji takes two), any odd cell on the right: the last cell
    of a header of at most ``width - 1`` stays blank, and next to it the next header's first."""
    left = (width - cell_len(text)) // 2
    return set_cell_size(" " * left + text, width)


def _cut(text: str, width: int) -> str:
    return text if cell_len(text) <= width else set_cell_size(text, width).rstrip()


def short_names(names: list[str], width: int) -> list[str]:
    """Each name in at most ``width`` cells, as short as still tells it from the others: the first name alone, or
    with as much of the rest as fits when two people share it ("Eva Sto", "Eva San"); two that still look alike
    are numbered."""
    lines = [one_line(name, 10 * width) for name in names]  # one line: a typed line break is ⏎
    firsts = [_cut(line.split(" ", 1)[0], width) for line in lines]
    short = [first if firsts.count(first) == 1 else _cut(line, width) for first, line in zip(firsts, lines)]
    counted: dict[str, int] = {}
    for n, name in enumerate(list(short)):
        if short.count(name) > 1 or name in counted:
            counted[name] = counted.get(name, 0) + 1
            short[n] = f"{_cut(name, width - 2)} {counted[name]}"
    return short


def off_screen_text(left: int, right: int, width: int) -> str:
    """Who the grid cannot show right now, and the keys that bring them into view: on one line where it fits
    ``width``, else each side on its own line (never cut mid-sentence)."""
    def people(count: int) -> str:
        return f"{count} {'person' if count == 1 else 'people'}"

    parts = []
    if left:
        parts.append(f"◂ {people(left)} more: ← shows them")
    if right:
        parts.append(f"{people(right)} more ▸ → shows them")
    together = "  ·  ".join(parts)
    return together if cell_len(together) <= width else "\n".join(parts)


class AnswerGrid(AnswerKeys, AnswerTable[Text]):
    DEFAULT_CSS = """
    /* Never a scrollbar sideways: the labels stay frozen and the line below says who is out of view. */
    AnswerGrid { overflow-x: hidden; }
    """
    BINDINGS = [Binding("x,delete", "clear", "Clear", tooltip="Clear the answer in the cell at the cursor")]

    def __init__(
        self, live: LiveRecords, step_key: str, scale: Scale, rows: list[GridRow], perspectives: tuple[str, ...] = ("",)
    ) -> None:
        # No padding: a cell's colour fills it edge to edge, so the grid reads as a heat map.
        super().__init__(
            cursor_type="cell",
            id="answer-grid",
            cell_padding=0,
            fixed_columns=1,
            header_height=2,
            cursor_foreground_priority="css",
            cursor_background_priority="css",  # the cursor over a heat colour, not under it
        )
        self.live = live
        self.step_key = step_key
        self.scale = scale
        self.rows_ = rows
        self.perspectives = perspectives or ("",)
        self._columns: tuple[tuple[str, str], ...] = ()  # (participant id, perspective) per answer column
        self._phones: frozenset[str] = frozenset()  # whose column headers carry the phone mark
        self._shown: dict[tuple[int, int], tuple[object, ...]] = {}  # how each cell is drawn
        self._moved_on_to: int | None = None  # the column a full column moved the cursor on to, until moved by hand
        self._empty: set[Coordinate] | None = None  # the cells drawn empty, to see which an undo emptied
        self._revealed = False  # the cells show their answers' keys and colours
        bind_scale(self, scale)

    def show(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        revealed = self.step_key in state.revealed and not state.private_entry
        self._revealed = revealed
        columns = tuple((p.id, perspective) for p in data.present for perspective in self.perspectives)
        phones = phones_of(self) & {p.id for p in data.present}
        was_empty: set[Coordinate] | None = self._empty
        if columns != self._columns or phones != self._phones:
            if columns != self._columns:
                was_empty = None  # other columns: nothing to compare with (a phone's mark alone changes none)
            self._phones = phones
            self._rebuild(data, columns)
        empty: set[Coordinate] = set()
        for row_number, row in enumerate(self.rows_):
            for column_number, (participant_id, perspective) in enumerate(columns, start=1):
                if not self._answered(participant_id, row.item, perspective):
                    empty.add(Coordinate(row_number, column_number))
                self._draw(Coordinate(row_number, column_number))
        self._empty = empty
        if was_empty is not None:
            self._follow_the_room(was_empty, empty)
        self.arrive()  # focused before its cells came in
        self.call_after_refresh(self.show_off_screen)

    def _draw(self, place: Coordinate) -> None:
        """The answer cell at ``place`` drawn as it stands, marked if the cursor is on it (unchanged: not again)."""
        if not (0 <= place.row < len(self.rows_) and 1 <= place.column <= len(self._columns)):
            return
        if place.row >= self.row_count or place.column >= len(self.columns):
            return  # being rebuilt: drawn once its rows are in
        participant_id, perspective = self._columns[place.column - 1]
        cell = self._cell(participant_id, self.rows_[place.row].item, perspective, self._revealed)
        if place == self.cursor_coordinate:
            cell = at_cursor(cell)
        seen = drawn_as(cell)
        if self._shown.get((place.row, place.column)) != seen:
            self._shown[(place.row, place.column)] = seen
            self.update_cell_at(place, cell)

    def watch_cursor_coordinate(self, old_coordinate: Coordinate, new_coordinate: Coordinate) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        if old_coordinate != new_coordinate:
            self._draw(old_coordinate)
            self._draw(new_coordinate)

    def _follow_the_room(self, was_empty: set[Coordinate], empty: set[Coordinate]) -> None:
        """The cursor after answers changed under it. A cell emptied (an answer undone) takes it, so the next key
        fills it rather than the cell below; a phone's answer where it stood moves it on, as a key does."""
        cursor = self.cursor_coordinate
        emptied = sorted(empty - was_empty, key=lambda place: (place.column, place.row))
        if emptied:
            if cursor not in emptied:
                self.cursor_coordinate = emptied[0]
            return
        target = self._at_cursor()
        if cursor not in was_empty or cursor in empty or target is None:
            return
        participant_id, item, perspective = target
        if not self.from_phone(participant_id, item, perspective):
            return
        place = self._next(cursor, empty=True)
        if place is None:
            return
        self.cursor_coordinate = place
        seat = self.live.info.participant(participant_id)
        name = seat.display_name if seat is not None else "Someone"
        self._moved_on_to = place.column
        self.post_message(MovedOn(self, f"{name} answered from a phone: moved on to {self._column_name(place.column)}"))

    def _answered(self, participant_id: str, item: str, perspective: str) -> bool:
        answer = self.live.answer(participant_id, self.step_key, item, perspective)
        return answer is not None and bool(answer.value)

    def _order(self) -> list[Coordinate]:
        """Every answer cell in the order the keys fill the grid: down each column, then the next."""
        columns, rows = range(1, len(self._columns) + 1), range(len(self.rows_))
        return [Coordinate(row, column) for column in columns for row in rows]

    def _next(self, place: Coordinate, *, empty: bool) -> Coordinate | None:
        """The cell after ``place`` in the keys' order that a key may fill: an empty one (``empty``), else any but a
        phone's answer; from the last cell, round to the first when looking for an empty one."""
        order = self._order()
        after = order.index(place) + 1 if place in order else 0
        for candidate in order[after:] + (order[:after] if empty else []):
            participant_id, perspective = self._columns[candidate.column - 1]
            item = self.rows_[candidate.row].item
            if empty and not self._answered(participant_id, item, perspective):
                return candidate
            if not empty and not self.from_phone(participant_id, item, perspective):
                return candidate
        return None

    def first_unanswered(self) -> Coordinate | None:
        """In the order the keys fill the grid: down each column, then the next."""
        for place in self._order():
            participant_id, perspective = self._columns[place.column - 1]
            if not self._answered(participant_id, self.rows_[place.row].item, perspective):
                return place
        return None

    # -- who is out of view ------------------------------------------------------------------------------------

    def off_screen(self) -> tuple[int, int]:
        """How many people have a column out of view to the left, and to the right (each counted once)."""
        if not self._columns or len(self.ordered_columns) != len(self._columns) + 1:
            return 0, 0
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        start = self.scroll_x + widths[0]  # the frozen labels hide what scrolled under them
        end = self.scroll_x + self.scrollable_content_region.width
        left: set[str] = set()
        right: set[str] = set()
        x = widths[0]
        for (participant_id, _perspective), width in zip(self._columns, widths[1:]):
            if x < start:
                left.add(participant_id)
            elif x + width > end:
                right.add(participant_id)
            x += width
        return len(left), len(right - left)

    def show_off_screen(self) -> None:
        parent = self.parent
        if parent is None or not self.is_mounted:
            return
        for note in parent.query(OffScreenNote):
            note.show(*self.off_screen())

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self.call_after_refresh(self.show_off_screen)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_off_screen)

    def on_focus(self) -> None:
        self.call_after_refresh(self.show_grid_and_note)

    def show_grid_and_note(self) -> None:
        """Scroll the step so the grid, the line under it and the keys' hint under that are in view: at 80×24 the
        line that says who is out of view was below the fold while the cursor was in the grid (after a resize,
        say), and the hint was cut after its first line ("x clear · S:")."""
        holder = self.parent
        if holder is None or not self.is_mounted:
            return
        if self.fit_height():
            self.call_after_refresh(self.show_grid_and_note)  # once laid out at its new height
            return
        holder.scroll_visible(animate=False)
        if holder.parent is not None:
            for hint in holder.parent.query_children(KeysHint):
                hint.scroll_visible(animate=False)
        self._scroll_cursor_into_view()

    def fit_height(self) -> bool:
        """No taller than leaves the line under the grid and the keys' hint in view with it: at 60×20 the step
        scrolled the names header and the cursor's row out of view, and a key rated the hidden cell. Shorter,
        the grid scrolls its rows under its header, which stays, and keeps the cursor in view. Whether the
        height changed."""
        body = next((ancestor for ancestor in self.ancestors if isinstance(ancestor, ScrollableContainer)), None)
        holder = self.parent
        if body is None or holder is None:
            return False
        below = sum(note.outer_size.height for note in holder.query_children(OffScreenNote) if note.display)
        if holder.parent is not None:
            below += sum(hint.outer_size.height for hint in holder.parent.query_children(KeysHint) if hint.display)
        room = body.scrollable_content_region.height - below
        designed = self.styles.base.max_height  # the step's own limit, in its .tcss
        least = self.header_height + 3  # the names and a few rows, whatever the size
        fitted: Scalar | None = None
        if designed is None or designed.unit != Unit.CELLS or room < designed.value:
            fitted = Scalar.from_number(max(least, room))
        if self.styles.inline.max_height == fitted:
            return False
        self.styles.max_height = fitted
        self.styles.max_width = self.whole_columns_width(holder.content_size.width)  # room for the scrollbar
        return True

    def whole_columns_width(self, room: int) -> int:
        """The widest the grid may be in ``room`` cells and show only whole answer columns: a column cut at the
        edge showed part of a header ("Eve M S E") and a cell that looked answerable."""
        label = max((cell_len(f"{row.label} ") for row in self.rows_), default=0)
        scrollbar = self.styles.scrollbar_size_vertical if self._scrolls_down() else 0
        return label + max(1, (room - label - scrollbar) // CELL_WIDTH) * CELL_WIDTH + scrollbar

    def _scrolls_down(self) -> bool:
        """Whether the rows are more than the grid's height shows (a scrollbar, whether drawn yet or not)."""
        limit = self.styles.max_height
        if limit is None or limit.unit != Unit.CELLS:
            return self.show_vertical_scrollbar
        return self.header_height + len(self.rows_) > limit.value

    def _update_dimensions(self, new_rows) -> None:  # type: ignore[no-untyped-def]
        super()._update_dimensions(new_rows)
        self.call_after_refresh(self.show_off_screen)  # the columns have their widths only now

    def _rebuild(self, data: WorkshopSnapshot, columns: tuple[tuple[str, str], ...]) -> None:
        cursor = self.cursor_coordinate
        self._columns = columns
        self._shown.clear()
        self.clear(columns=True)
        self.add_column("", key="item")
        # Two lines: whose column (a name short enough to leave a blank cell, and long enough to tell two Evas
        # apart), then which side (self, team) with the phone's mark; a letter after a cut name ("Eva S S") was
        # read as part of the name.
        people = list(dict.fromkeys(participant_id for participant_id, _ in columns))
        seats = [data.info.participant(participant_id) for participant_id in people]
        names = dict(zip(people, short_names([seat.display_name if seat else "?" for seat in seats], NAME_WIDTH)))
        for participant_id, perspective in columns:
            side = f"{PHONE} {perspective}" if participant_id in self._phones else perspective
            header = f"{header_cell(names[participant_id])}\n{header_cell(_cut(side, NAME_WIDTH))}"
            self.add_column(plain(header), key=f"{participant_id}|{perspective}", width=CELL_WIDTH)
        for row in self.rows_:
            self.add_row(plain(f"{row.label} "), *[Text(NO_ANSWER.center(CELL_WIDTH), style="dim") for _ in columns], key=row.item)
        if columns:
            self.cursor_coordinate = Coordinate(
                min(cursor.row, len(self.rows_) - 1), min(max(cursor.column, 1), len(columns))
            )

    def _cell(self, participant_id: str, item: str, perspective: str, revealed: bool) -> Text:
        answer = self.live.answer(participant_id, self.step_key, item, perspective)
        mark = self.live.answer_mark(participant_id, self.step_key, item, perspective)
        if mark is Mark.FAILED:
            return Text("!".center(CELL_WIDTH), style="bold white on red")
        if answer is None or not answer.value:
            return Text(NO_ANSWER.center(CELL_WIDTH), style="dim")
        pending = mark is Mark.PENDING
        if not revealed:
            return Text(HIDDEN_ANSWER.center(CELL_WIDTH), style="dim" if pending else "")
        option = self.scale.option(answer.value)
        glyph = option.key if option else "?"
        style = ("dim " if pending else "") + heat_style(self.scale.normalised(answer.value))
        return Text(glyph.center(CELL_WIDTH), style=style)

    # -- the cursor's cell ------------------------------------------------------------------------------------

    def _at_cursor(self) -> tuple[str, str, str] | None:
        """(participant id, item, perspective) of the cell at the cursor; None on the item labels."""
        row, column = self.cursor_coordinate
        if column < 1 or column > len(self._columns) or not 0 <= row < len(self.rows_):
            return None
        participant_id, perspective = self._columns[column - 1]
        return participant_id, self.rows_[row].item, perspective

    def action_answer(self, option_id: str) -> None:
        target = self._at_cursor()
        if target is None:
            self.cursor_coordinate = Coordinate(self.cursor_coordinate.row, 1)
            target = self._at_cursor()
            if target is None:
                return
        participant_id, item, perspective = target
        if not self.refused(participant_id, option_id, lambda: self._give(option_id), item, perspective):
            self._give(option_id)

    def _give(self, option_id: str) -> None:
        """Store the option at the cursor and move on, down the column, then to the top of the next; past the
        answers phones gave, which a key would not replace."""
        target = self._at_cursor()
        if target is None:
            return
        participant_id, item, perspective = target
        request(self, GiveAnswer(participant_id, self.step_key, option_id, item=item, perspective=perspective))
        column = self.cursor_coordinate.column
        place = self._next(self.cursor_coordinate, empty=False)
        if place is None:
            return
        self.cursor_coordinate = place
        if place.column != column:
            self._moved_on_to = place.column
            self.post_message(MovedOn(self, f"column full: moved on to {self._column_name(place.column)}"))

    def _column_name(self, column: int) -> str:
        participant_id, perspective = self._columns[column - 1]
        participant = self.live.info.participant(participant_id)
        name = participant.display_name if participant else participant_id
        return f"{name} ({perspective})" if perspective else name

    @on(DataTable.CellHighlighted)
    def _highlighted(self) -> None:
        if self._moved_on_to is not None and self.cursor_coordinate.column != self._moved_on_to:
            self._moved_on_to = None  # moved by hand to another column: no longer said in the hint
            self.post_message(MovedOn(self, ""))

    def action_clear(self) -> None:
        target = self._at_cursor()
        if target is not None:
            participant_id, item, perspective = target
            request(self, ClearAnswer(participant_id, self.step_key, item=item, perspective=perspective))


class OffScreenNote(Static):
    """The line under a grid: who is out of view, and which key shows them (hidden while everyone fits)."""

    DEFAULT_CSS = """
    OffScreenNote { height: auto; color: $text-warning; display: none; }
    OffScreenNote.-some { display: block; }
    """

    _text = ""

    def show(self, left: int, right: int) -> None:
        some = bool(left or right)
        parent_width = self.parent.content_size.width if self.parent else 0
        text = off_screen_text(left, right, self.content_size.width or parent_width)  # hidden, it has no width
        if some and (not self.has_class("-some") or text != self._text):
            grid = self.parent.query_one(AnswerGrid) if self.parent else None
            if grid is not None and grid.has_focus:  # the line appeared or changed its height: keep all in view
                grid.call_after_refresh(grid.show_grid_and_note)
        if text != self._text:  # told after every answer, mostly the same: an update lays out the whole screen
            self._text = text
            self.update(text)
        self.set_class(some, "-some")


class PeopleGrid(Vertical):
    """An answer grid with the line that says who it cannot show."""

    DEFAULT_CSS = """
    PeopleGrid { height: auto; }
    """

    def __init__(self, grid: AnswerGrid) -> None:
        super().__init__()
        self.grid = grid

    def compose(self) -> ComposeResult:
        yield self.grid
        yield OffScreenNote(markup=False)

    def on_resize(self) -> None:
        self.grid.styles.max_width = self.grid.whole_columns_width(self.content_size.width)
        if self.grid.has_focus:  # the step's layout moved under a scroll position kept from before
            self.grid.call_after_refresh(self.grid.show_grid_and_note)

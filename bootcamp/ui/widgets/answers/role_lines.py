"""The organisation's own CCO role description, line by line: the content's suggestion beside the room's decision.

The room types (or pastes) the lines of its role description or posting; each line shows
whether the markers suggest strategic, tactical or undecided, and why. The room decides
with one key; the suggestion only prompts it.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from bootcamp.content.model import Leaning, RoleCheck
from bootcamp.content.posting import LeftOut, split_posting
from bootcamp.content.posting_file import dropped_file, read_posting_file
from bootcamp.content.rolecheck import Suggestion, suggest
from bootcamp.errors import UserError
from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import DropRoleLine, PutRoleLine
from bootcamp.store.model import RoleLine
from bootcamp.summary.rounding import half_up
from bootcamp.ui.messages import request
from bootcamp.ui.text import joined, one_line, plain
from bootcamp.ui.widgets.answers.answer_table import AnswerTable
from bootcamp.ui.widgets.answers.marks import save_mark
from bootcamp.ui.widgets.answers.moved_on import MovedOn
from bootcamp.ui.widgets.typed_text import SafeInput

MIN_LINE_WIDTH = 12
# The labels' own widths, so "strategic" and "undecided" are never cut; the line's text takes the rest.
LEANING_WIDTH = max(len(leaning) for leaning in ("strategic", "tactical", "undecided", "Suggests"))
LEANING_STYLE = {"strategic": "bold green", "tactical": "bold yellow", "undecided": "dim", "": "dim"}
# The Room column holds the decision and, after it, whether the line is saved (✓, … or !): a column of its own
# had no heading and a ✓ on every row.
ROOM_WIDTH = LEANING_WIDTH + 2
COLUMNS = ("number", "line", "suggests", "decision")


def leaning_text(leaning: str) -> Text:
    return Text(leaning or "—", style=LEANING_STYLE.get(leaning, ""))


class RoleLineInput(SafeInput):
    """Where lines are typed; a whole posting pasted at once becomes its duty lines, and so does a posting file
    dragged onto the terminal (which pastes its path)."""

    class LinesPasted(Message):
        """A paste of several lines, or a file's: the duty lines found in it, and every other line with why it was
        left out; ``source`` names the file, if one was read."""

        def __init__(self, lines: list[str], left_out: list[LeftOut], source: str = "") -> None:
            super().__init__()
            self.lines = lines
            self.left_out = left_out
            self.source = source

    class FileUnreadable(Message):
        """A dragged file that holds no posting text: the one sentence that says why."""

        def __init__(self, said: str) -> None:
            super().__init__()
            self.said = said

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The field has the focus on arrival: while it is empty, ← and → move between steps, as everywhere on the
        # console (Textual then offers the key to the screen's bindings); once a line is typed they move in it.
        if action in ("cursor_left", "cursor_right") and not self.value:
            return False
        return super().check_action(action, parameters)

    def _on_paste(self, event: events.Paste) -> None:
        # Any line ending counts: some terminals paste "\r" alone between lines.
        if len(event.text.strip().splitlines()) > 1:
            event.prevent_default()  # Input would keep the first line only
            event.stop()
            split = split_posting(event.text)
            self.post_message(self.LinesPasted(split.kept, split.left_out))
        elif (path := dropped_file(event.text)) is not None:
            event.prevent_default()  # the path is not a duty line
            event.stop()
            self._read_dropped(path)

    @work(thread=True, group="dropped-posting")
    def _read_dropped(self, path: Path) -> None:
        # A PDF's text takes a moment to extract: off the event loop, so the console keeps answering keys.
        try:
            split = split_posting(read_posting_file(path, path.name))
        except UserError as error:
            self.post_message(self.FileUnreadable(str(error)))
            return
        self.post_message(self.LinesPasted(split.kept, split.left_out, source=path.name))


class RoleLinesTable(AnswerTable[Text]):
    # The columns are fitted to the width (the text column takes what the others leave): never a scrollbar sideways.
    DEFAULT_CSS = """
    RoleLinesTable { overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("s", "decide('strategic')", "Strategic", tooltip="The room decides: this line is strategic"),
        Binding("t", "decide('tactical')", "Tactical", tooltip="The room decides: this line is tactical"),
        Binding("u", "decide('undecided')", "Undecided", tooltip="The room leaves this line undecided"),
        Binding("k", "accept", "Take suggestion", tooltip="The room takes the app's suggestion for this line"),
        Binding("enter", "edit", "Edit", tooltip="Edit this line"),
        Binding("x,delete", "remove", "Remove", tooltip="Remove this line"),
        # A DataTable's Home and End scroll sideways, which a table of lines fitted to its width never does: they did
        # nothing, and "End, x" removed the line the cursor stood on. PgUp/PgDn are the console's steps here.
        Binding("home", "first_line", "First line", show=False, tooltip="The cursor on the first line"),
        Binding("end", "last_line", "Last line", show=False, tooltip="The cursor on the last line"),
    ]

    class EditWanted(Message):
        def __init__(self, line: RoleLine) -> None:
            super().__init__()
            self.line = line

    def __init__(self, live: LiveRecords, check: RoleCheck) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id="role-lines")
        self.live = live
        self.check = check
        self._suggestions: dict[str, Suggestion] = {}
        self._ids: tuple[str, ...] = ()
        self._shown_lines: tuple[RoleLine, ...] | None = None
        self._line_width = MIN_LINE_WIDTH
        self._number_width = 1  # the digits of the last line's number: 1 up to 9 lines, the line takes the rest
        self._moved_on_to: int | None = None  # the line the cursor moved on to by itself, until moved by hand
        self._drawn: dict[str, tuple[object, ...]] = {}  # what each line's row showed when last drawn, by line id

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        """Every column of a fixed width, the line's included: its width is chosen here, never measured later."""
        widths = {
            "number": self._number_width,
            "line": self._line_width,
            "suggests": LEANING_WIDTH,
            "decision": ROOM_WIDTH,
        }
        for label, key in zip(("#", "Line", "Suggests", "Room"), COLUMNS):
            self.add_column(label, key=key, width=widths[key])

    def line_width(self, number_width: int) -> int:
        """The cells a line's text has: the table's width less what the other columns need (each with its padding)."""
        others = number_width + LEANING_WIDTH + ROOM_WIDTH + 2 * self.cell_padding * len(COLUMNS)
        return max(MIN_LINE_WIDTH, self.scrollable_content_region.width - others)

    def on_resize(self) -> None:
        if self._shown_lines is not None:
            self.show(self._shown_lines)

    def suggestion(self, text: str) -> Suggestion:
        if text not in self._suggestions:
            self._suggestions[text] = suggest(text, self.check)
        return self._suggestions[text]

    @property
    def line(self) -> RoleLine | None:
        if not self._ids or not 0 <= self.cursor_row < len(self._ids):
            return None
        return next((line for line in self.live.room.role_lines if line.id == self._ids[self.cursor_row]), None)

    def show(self, lines: tuple[RoleLine, ...]) -> None:
        row = self.cursor_row
        self._shown_lines = lines
        number_width = len(str(max(len(lines), 1)))
        line_width = self.line_width(number_width)
        if self.is_mounted and self.size.width and (number_width, line_width) != (self._number_width, self._line_width):
            self._number_width, self._line_width = number_width, line_width
            self.clear(columns=True)  # laid out again at the new width; the rows are drawn again below
            self._add_columns()
            self._drawn.clear()
        ids = tuple(line.id for line in lines)
        # What each row shows, as a key: a row whose key is unchanged is not built or drawn again. Rebuilding every row
        # for each decision took about 200 ms on a 120-line posting: a room deciding in a burst watched the table lag
        # seconds behind.
        shown = {line.id: (number, line.text, line.decision, self.live.mark(f"role:{line.id}")) for number, line in
                 enumerate(lines, start=1)}  # fmt: skip
        if ids == self._ids and self.row_count == len(ids) and self._drawn:
            for number, line in enumerate(lines, start=1):
                if self._drawn.get(line.id) != shown[line.id]:
                    for column, cell in zip(COLUMNS, self._cells(number, line)):
                        self.update_cell(line.id, column, cell)
            self._drawn = shown
            self.arrive()
            return
        self._ids = ids
        self._drawn = shown
        self.clear()
        for number, line in enumerate(lines, start=1):
            self.add_row(*self._cells(number, line), key=line.id)
        if lines:
            self.move_cursor(row=min(max(row, 0), len(lines) - 1))
        self.arrive()  # focused before its lines came in

    def _cells(self, number: int, line: RoleLine) -> tuple[Text, Text, Text, Text]:
        return (
            Text(str(number), style="dim"),
            plain(one_line(line.text, self._line_width)),
            leaning_text(self.suggestion(line.text).leaning.value),
            room_cell(leaning_text(line.decision), save_mark(line, self.live.mark(f"role:{line.id}"))),
        )

    def first_unanswered(self) -> Coordinate | None:
        """The first line the room has not decided."""
        for row, line in enumerate(self._shown_lines or ()):
            if not line.decision:
                return Coordinate(row, 0)
        return None

    def action_decide(self, decision: str) -> None:
        line = self.line
        if line is not None:
            request(self, PutRoleLine(line.text, line_id=line.id, decision=decision))
            if self.cursor_row < self.row_count - 1:
                self.move_cursor(row=self.cursor_row + 1)
                self._moved_on_to = self.cursor_row
                self.post_message(MovedOn(self, f"moved on to line {self.cursor_row + 1}"))

    def action_first_line(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_line(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def action_accept(self) -> None:
        line = self.line
        if line is None:
            return
        leaning = self.suggestion(line.text).leaning
        if leaning is Leaning.UNDECIDED:
            self.notify("No suggestion for this line: the room decides with s or t.", markup=False, timeout=3)
            return
        self.action_decide(leaning.value)

    def action_edit(self) -> None:
        line = self.line
        if line is not None:
            self.post_message(self.EditWanted(line))

    def action_remove(self) -> None:
        line = self.line
        if line is not None:
            request(self, DropRoleLine(line.id))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.post_message(self.LineHighlighted(self.line))
        if self._moved_on_to is not None and self.cursor_row != self._moved_on_to:
            self._moved_on_to = None  # moved by hand: the hint no longer says where it moved by itself
            self.post_message(MovedOn(self, ""))

    class LineHighlighted(Message):
        def __init__(self, line: RoleLine | None) -> None:
            super().__init__()
            self.line = line


def room_cell(decision: Text, mark: Text) -> Text:
    """The room's decision, then whether the line is saved: ``tactical ✓``."""
    return Text(" ").join((decision, mark)) if mark.plain else decision


def detail_text(line: RoleLine | None, suggestion: Suggestion | None) -> Text:
    """The full line at the cursor and why the app suggests what it does."""
    if line is None or suggestion is None:
        return Text("Type a line of the role description and press Enter; paste a whole posting at once.", style="dim")
    return joined(
        ("“", "dim"), line.text, ("”", "dim"), "\n",
        ("The app: ", "dim"), (suggestion.reason, LEANING_STYLE[suggestion.leaning.value].replace("bold ", "")),
    )  # fmt: skip


def tactical_share(lines: tuple[RoleLine, ...]) -> Text:
    """The tactical share of the lines decided strategic or tactical; a line the room left undecided is neither
    in it nor still to decide."""
    decided = [line for line in lines if line.decision in (Leaning.STRATEGIC.value, Leaning.TACTICAL.value)]
    tactical = sum(1 for line in decided if line.decision == Leaning.TACTICAL.value)
    left = sum(1 for line in lines if line.decision == Leaning.UNDECIDED.value)
    to_decide = sum(1 for line in lines if not line.decision)
    counts = (f"  ·  {left} undecided" if left else "") + (f"  ·  {to_decide} to decide" if to_decide else "")
    if not decided:
        said = f"{len(lines)} line{'s' if len(lines) != 1 else ''}, none decided"
        return Text(said + (counts if left else " yet"), style="dim")
    share = int(half_up(100 * tactical / len(decided)))  # 1 of 8 is 13%, as every figure rounds (README)
    return joined(("Tactical: ", "bold"), f"{tactical} of {len(decided)} decided lines ({share}%)", (counts, "dim"))

"""A question answered round the room: one row per participant, filled with single keys.

The cursor row is the person answering; their option's key stores the answer and moves to
the next person. Until the facilitator reveals the step, a row shows that its person has
answered, not what: the first answers must not anchor the rest.

Names and comments are people's own text, of any length: each is cut to one line with "…" (a
line break shown as ⏎), the name to a fixed share and the comment to whatever the table's width
leaves, so the Answer column is always in view.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from bootcamp.content.model import Scale
from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import ClearAnswer, GiveAnswer
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.names import told_apart
from bootcamp.store.model import Participant, WorkshopState
from bootcamp.ui.messages import request
from bootcamp.ui.phones import PHONE, phones_of
from bootcamp.ui.text import drawn_as, names_in, one_line, plain
from bootcamp.ui.widgets.answers.answer_table import AnswerTable
from bootcamp.ui.widgets.answers.marks import HIDDEN_ANSWER, NO_ANSWER, save_mark
from bootcamp.ui.widgets.answers.moved_on import MovedOn
from bootcamp.ui.widgets.answers.scale_keys import AnswerKeys, bind_scale

# Cells of the Who column: at 120 columns the table has about 48, and the comments need what is left.
# A phone's mark takes its cells from the name, as in the rating grid's headers.
NAME_WIDTH = 14
COMMENT_HIDDEN = "(comment)"  # a comment before the reveal: there is one, not what it says
MIN_COMMENT_WIDTH = cell_len(COMMENT_HIDDEN)
# The save mark stands right after the answer, in its cell: in a column of its own, as wide as "Don't know" away
# from a hidden ● and with no header, it read as the Comment column's at 80×24.
COLUMNS = ("who", "answer", "comment")


class QuestionTable(AnswerKeys, AnswerTable[Text]):
    # The columns are fitted to the width (the text column takes what the others leave): never a scrollbar sideways.
    DEFAULT_CSS = """
    QuestionTable { overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("c", "comment", "Comment", tooltip="Write or change the comment of the person at the cursor"),
        Binding("x,delete", "clear", "Clear", tooltip="Clear the answer of the person at the cursor"),
    ]

    class CommentWanted(Message):
        def __init__(self, participant: Participant) -> None:
            super().__init__()
            self.participant = participant

    def __init__(self, live: LiveRecords, step_key: str, scale: Scale, *, item: str = "", perspective: str = "") -> None:
        # No id: the table a secret ballot replaced may still be on its way out as the next mounts (QuestionView).
        super().__init__(cursor_type="row", zebra_stripes=True)
        self.live = live
        self.step_key = step_key
        self.scale = scale
        self.item = item
        self.perspective = perspective
        self._seats: tuple[str, ...] = ()
        self._shown: dict[tuple[str, str], tuple[object, ...]] = {}  # how each cell is drawn
        # After an answer the cursor moves on, but a comment that follows belongs to who just answered.
        self._just_answered: tuple[str, int] | None = None  # (participant id, the row the cursor moved to)
        self._shown_with: tuple[WorkshopSnapshot, WorkshopState] | None = None
        self._names: tuple[dict[str, str], dict[int, dict[str, str]]] = ({}, {})  # the seats' names, and in a width
        self._named_for: tuple[Participant, ...] | None = None  # the roster they were made for: not again each answer
        self._comment_width = MIN_COMMENT_WIDTH
        self._empty: set[int] | None = None  # the rows drawn without an answer, to see which an undo emptied
        self._said = False  # the hint says a phone's answer moved the cursor on
        bind_scale(self, scale)

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        """Every column of a fixed width, the comment's included: its width is chosen here, never measured later."""
        answer_width = max([cell_len("Answer"), *(cell_len(option.label) + 2 for option in self.scale.options)])
        widths = {"who": NAME_WIDTH, "answer": answer_width, "comment": self._comment_width}
        for label, key in zip(("Who", "Answer", "Comment"), COLUMNS):
            self.add_column(label, key=key, width=widths[key])

    @property
    def participant(self) -> Participant | None:
        if not self._seats or not 0 <= self.cursor_row < len(self._seats):
            return None
        return self.live.info.participant(self._seats[self.cursor_row])

    def comment_width(self) -> int:
        """The cells the comments have: the table's width less the other columns (each with its padding)."""
        others = sum(column.get_render_width(self) for column in self.ordered_columns if column.key.value != "comment")
        room = self.scrollable_content_region.width - others - 2 * self.cell_padding
        return max(MIN_COMMENT_WIDTH, room)

    def start_step(self, step_key: str) -> None:
        """Take the answers of another step on the same scale: the rows stay (the same people), the cells are
        drawn again by the next :meth:`show`, and nothing of the last step stays (its cursor, scroll, comment)."""
        self.step_key = step_key
        self._just_answered = None
        self._empty = None  # another step's answers: none of them emptied
        self.start_again()
        self.move_cursor(row=0, animate=False, scroll=False)
        self.scroll_home(animate=False)

    def on_resize(self) -> None:
        if self._shown_with is not None:
            self.show(*self._shown_with)

    def show(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        self._shown_with = (data, state)
        row = self.cursor_row
        if self.is_mounted and self.size.width and self.comment_width() != self._comment_width:
            self._comment_width = self.comment_width()
            self.clear(columns=True)  # laid out again at the new width, every row drawn again below
            self._add_columns()
            self._seats = ()
        revealed = self.step_key in state.revealed and not state.private_entry
        phones = phones_of(self)
        if data.present != self._named_for:  # the roster changed: each seat's name in the Who column again
            self._named_for = data.present
            self._names = (told_apart(data.present), {})
        seats = tuple(p.id for p in data.present)
        if seats != self._seats:
            self._seats = seats
            self._empty = None  # other rows: nothing to compare with
            self._shown.clear()
            self.clear()
            for participant in data.present:
                cells = self._cells(participant, revealed, phones)
                self.add_row(*cells, key=participant.id)
                self._shown.update(((participant.id, column), drawn_as(cell)) for column, cell in zip(COLUMNS, cells))
            if seats:
                self.move_cursor(row=min(max(row, 0), len(seats) - 1))
            self.arrive()  # focused before its rows came in
            return
        changed = []
        for participant in data.present:
            for column, cell in zip(COLUMNS, self._cells(participant, revealed, phones)):
                drawn = drawn_as(cell)
                if self._shown.get((participant.id, column)) != drawn:
                    changed.append((participant.id, column, cell))
                    self._shown[(participant.id, column)] = drawn
        self.update_cells(changed)
        was_empty, self._empty = self._empty, self._empty_rows()
        if was_empty is not None:
            self._follow_the_room(was_empty, self._empty)

    def _empty_rows(self) -> set[int]:
        return {row for row, participant_id in enumerate(self._seats) if not self._answered(participant_id)}

    def _answered(self, participant_id: str) -> bool:
        answer = self.live.answer(participant_id, self.step_key, self.item, self.perspective)
        return answer is not None and bool(answer.value)

    def _follow_the_room(self, was_empty: set[int], empty: set[int]) -> None:
        """The cursor after answers changed under it. A row emptied (an answer undone) takes it; a phone's answer
        on the row where it stood moves it on to the next who has not answered, as a key moves it on."""
        row = self.cursor_row
        emptied = sorted(empty - was_empty)
        if emptied:
            if row not in emptied:
                self.move_cursor(row=emptied[0])
            return
        participant = self.participant
        if row not in was_empty or row in empty or participant is None or not self.from_phone(participant.id):
            return
        later = [r for r in sorted(empty) if r > row] or sorted(empty)
        if later:
            self.move_cursor(row=later[0])
            self._just_answered = None
            self._said = True
            self.post_message(MovedOn(self, f"{participant.display_name} answered from a phone: moved on"))

    def first_unanswered(self) -> Coordinate | None:
        for row, participant_id in enumerate(self._seats):
            answer = self.live.answer(participant_id, self.step_key, self.item, self.perspective)
            if answer is None or not answer.value:
                return Coordinate(row, 0)
        return None

    def _names_in(self, width: int) -> dict[str, str]:
        """The seats' names in ``width`` cells: two Ana Ortizes by their role, two names cut alike by their ends."""
        names, by_width = self._names
        if width not in by_width:
            by_width[width] = names_in(names, width)
        return by_width[width]

    def _cells(self, participant: Participant, revealed: bool, phones: frozenset[str]) -> tuple[Text, Text, Text]:
        answer = self.live.answer(participant.id, self.step_key, self.item, self.perspective)
        mark = self.live.answer_mark(participant.id, self.step_key, self.item, self.perspective)
        if answer is None or not answer.value:
            value = Text(NO_ANSWER, style="dim")
        elif revealed:
            option = self.scale.option(answer.value)
            value = plain(option.label if option else answer.value, "bold")
        else:
            value = Text(HIDDEN_ANSWER)
        marked = save_mark(answer, mark)
        if marked.plain:
            value.append(" ")
            value.append_text(marked)
        comment = answer.comment if answer is not None else ""
        if comment and not revealed:
            comment_cell = Text(COMMENT_HIDDEN, style="dim italic")
        else:
            comment_cell = plain(one_line(comment, self._comment_width), "italic")
        if participant.id in phones:
            who = plain(f"{self._names_in(NAME_WIDTH - cell_len(PHONE) - 1)[participant.id]} {PHONE}")
        else:
            who = plain(self._names_in(NAME_WIDTH)[participant.id])
        return (who, value, comment_cell)

    # -- what the keys do -------------------------------------------------------------------------------------

    def action_answer(self, option_id: str) -> None:
        participant = self.participant
        if participant is None:
            return
        if not self.refused(participant.id, option_id, lambda: self._give(option_id), self.item, self.perspective):
            self._give(option_id)

    def _give(self, option_id: str) -> None:
        """Store the option for the person at the cursor and move on, past whoever answered from a phone."""
        participant = self.participant
        if participant is None:
            return
        request(self, GiveAnswer(participant.id, self.step_key, option_id, item=self.item, perspective=self.perspective))
        if self._said:  # where a phone's answer moved the cursor on to is said no longer
            self._said = False
            self.post_message(MovedOn(self, ""))
        row = self.cursor_row + 1
        while row < self.row_count - 1 and self.from_phone(self._seats[row], self.item, self.perspective):
            row += 1
        if row < self.row_count:
            self.move_cursor(row=row)
        self._just_answered = (participant.id, self.cursor_row)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        # Nothing above reads where this cursor is: each answer moves it, and the message crossed six containers to
        # the app while the answer was being drawn.
        message.stop()

    def action_clear(self) -> None:
        participant = self.participant
        if participant is not None:
            request(self, ClearAnswer(participant.id, self.step_key, item=self.item, perspective=self.perspective))

    def action_comment(self) -> None:
        participant = self.participant
        if self._just_answered is not None and self._just_answered[1] == self.cursor_row:
            participant = self.live.info.participant(self._just_answered[0]) or participant
        if participant is not None:
            self.post_message(self.CommentWanted(participant))

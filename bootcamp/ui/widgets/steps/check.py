"""``check``: the role-definition check: the organisation's role description line by line, then its structure.

The console takes the lines (typed or pasted), shows the content's suggestion for each with
its reason, takes the room's decision, and fills the structure questions per participant;
the room's screen shows the lines and decisions so far and, once revealed, the structure tally.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from bootcamp.content.model import Program, RoleCheck, Step
from bootcamp.content.posting import left_out_counts
from bootcamp.live.requests import PutRoleLine, PutRoleLines
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import RoleLine, WorkshopState
from bootcamp.ui.messages import request
from bootcamp.ui.text import joined, plain, safe
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid, GridRow, PeopleGrid
from bootcamp.ui.widgets.answers.moved_on import KeysHint, MovedOn
from bootcamp.ui.widgets.answers.role_lines import (
    RoleLineInput,
    RoleLinesTable,
    detail_text,
    tactical_share,
)
from bootcamp.ui.widgets.answers.role_wall import RoleLinesWall
from bootcamp.ui.widgets.answers.room_heat import RoomHeat
from bootcamp.ui.widgets.steady_static import SteadyStatic
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body, scale_choices, step_or_exercise_body

NEW_LINE = "A line of the role description; Enter adds it"
TYPING = "Enter adds the line · Tab to decide the lines · Esc: console keys"
EDITING = "Enter keeps the edit · Esc cancels"


SMALL_TERMINAL = (100, 30)  # below this many columns or rows, a paste's toast is one short line
SHORT_TOAST = 56  # the characters one line of a toast holds


def short_paste_said(count: int, left_out: int, source: str = "") -> str:
    """What a paste added, in one line of a toast: how many lines, not what kind each left-out one was."""
    lines = f"{left_out} line{'s' if left_out != 1 else ''}"
    if not count:
        return f"No duty lines: {'the' if left_out == 1 else 'all'} {lines} left out." if left_out else "No duty lines."
    said = f"{count} duty line{'s' if count != 1 else ''} added"
    named = f"{said} from {safe(source)}"
    if source and len(named) + (len(f"; {lines} left out.") if left_out else 1) <= SHORT_TOAST:
        said = named
    return f"{said}; {lines} left out." if left_out else f"{said}."


def show_structure(
    heat: RoomHeat,
    program: Program,
    step: Step,
    check: RoleCheck,
    data: WorkshopSnapshot,
    state: WorkshopState,
    *,
    hint: str = "",
) -> None:
    """The room's answers to the structure questions of the check ``step`` as bars (points of 100, as the commitment
    test scores them) once revealed; until then how many answered, with ``hint`` after it (a discussion showing the
    check: "r reveals"). Nothing, and no room taken, before anyone answered."""
    revealed = step.key in state.revealed and not state.private_entry
    scale = program.scale(check.structure[0].scale) if check.structure else None
    answers = data.answers_for(step.key)
    # only who answered every structure question counts: one answer of six read as done
    answered = data.answered(step.key, secret=step.key in state.secret, cells=max(1, len(check.structure)))
    heading = f"The role's structure: {answered}"
    heat.display = scale is not None and bool(answers)  # its margin left a blank row under the lines
    if scale is None or not answers:
        heat.update("")
    elif revealed:
        rows = [(q.id, q.label) for q in check.structure]
        heat.show(answers, scale, rows, ("",), heading=joined((heading, "bold"), ("  ·  the room, 0–100", "dim")))
    elif state.private_entry:
        heat.update(joined((heading, "bold"), ("  ·  private entry: answers stay hidden", "dim")))
    else:
        # with a hint ("r reveals") the line is kept to the 80 columns of a wall: it says "until revealed" already
        hidden = f"  ·  results hidden · {hint}" if hint else "  ·  results hidden until revealed"
        heat.update(joined((heading, "bold"), (hidden, "dim")))


class CheckView(StepView):
    DEFAULT_CSS = """
    CheckView #answers { height: auto; }
    CheckView #role-lines { height: auto; max-height: 12; }
    CheckView #answer-grid { height: auto; max-height: 10; }
    CheckView .detail { margin: 1 0; height: auto; }
    CheckView .section { margin: 1 0 0 0; text-style: bold; }
    CheckView .hint { color: $text-muted; }
    CheckView .before-lines { height: auto; }
    CheckView.-has-lines .before-lines { display: none; }
    /* On the wall the lines take the slide's rows, less the structure's bars once they are revealed. */
    CheckView.-presenter.-has-lines { height: 1fr; }
    CheckView.-presenter #lines-shown { display: none; }
    CheckView.-presenter.-has-lines #lines-shown { display: block; }
    """
    # Esc while a line is edited cancels the edit (and goes back to the line); otherwise it is the console's.
    BINDINGS = [Binding("escape", "cancel_edit", show=False)]

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - StepView's own
        super().__init__(*args, **kwargs)
        self._editing = ""  # the id of the line being edited in the input, if any

    @property
    def check(self) -> RoleCheck | None:
        exercise = self.program.exercise(self.step.exercise)
        return exercise if isinstance(exercise, RoleCheck) else None

    def compose(self) -> ComposeResult:
        check = self.check
        if check is None:
            yield from body(self.step.body, presenter=self.presenter)
            return
        if self.live is None:
            # The slide introduces the check; once the room has lines, they take the slide's place.
            with Vertical(classes="before-lines"):
                yield from step_or_exercise_body(self.step.body, check.body, presenter=self.presenter)
                if check.structure:
                    count = len(check.structure)
                    yield Prompt(
                        f"Then {count} question{'s' if count != 1 else ''} about the role's structure.", classes="-muted"
                    )
            yield RoleLinesWall(id="lines-shown")
            yield RoomHeat(id="structure-shown")
            return
        # What the wall shows until the first line: the facilitator reads the console while the room reads the wall.
        with Vertical(classes="before-lines"):
            yield from step_or_exercise_body(self.step.body, check.body, presenter=False)
        yield Prompt(
            "Enter the role description one line at a time (paste a whole posting at once); the room decides each.",
            classes="-muted",
        )
        with Vertical(id="answers"):
            yield RoleLineInput(placeholder=NEW_LINE, id="new-line")
            yield RoleLinesTable(self.live, check)
            # steady: a decision in a burst redrew and laid out the console for text mostly the same as before
            yield SteadyStatic(detail_text(None, None), classes="detail", id="line-detail")
            yield SteadyStatic(id="share")
            yield KeysHint(
                "on a line: s strategic · t tactical · k take the suggestion · u undecided · enter edit · x remove",
                id="role-hint",
            )
            if check.structure:
                yield Static("The role's structure", classes="section")
                scale = self.program.scale(check.structure[0].scale)
                if scale is not None:
                    yield from scale_choices(self.program, scale.id)
                    rows = [GridRow(q.id, q.label) for q in check.structure]
                    yield PeopleGrid(AnswerGrid(self.live, self.step.key, scale, rows))
                    yield Static(id="structure-question", classes="detail")

    # -- showing ----------------------------------------------------------------------------------------------

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        check = self.check
        if check is None:
            return
        if self.live is None:
            self._show_for_room(data, state, check)
            return
        self.set_class(bool(data.room.role_lines), "-has-lines")  # the wall's slide gives way to the lines there too
        table = self.query_one(RoleLinesTable)
        table.show(data.room.role_lines)
        self.query_one("#share", SteadyStatic).show_text(tactical_share(data.room.role_lines))
        self._show_detail(table.line)
        for grid in self.query(AnswerGrid):
            grid.show(data, state)

    def _show_detail(self, line: RoleLine | None) -> None:
        table = self.query_one(RoleLinesTable)
        shown = detail_text(line, table.suggestion(line.text) if line else None)
        self.query_one("#line-detail", SteadyStatic).show_text(shown)

    def _show_for_room(self, data: WorkshopSnapshot, state: WorkshopState, check: RoleCheck) -> None:
        lines = data.room.role_lines
        self.set_class(bool(lines), "-has-lines")
        self.query_one(RoleLinesWall).show(lines)
        show_structure(self.query_one("#structure-shown", RoomHeat), self.program, self.step, check, data, state)

    def wants_width(self) -> bool:
        # The table of lines: between the agenda and the side column its text had 11–16 cells at 120 columns.
        return self.check is not None and not self.presenter

    def focus_on_arrival(self) -> bool:
        """The slide says "type a line and press Enter": typed with the focus on the step, a duty line's letters
        were the console's keys (its y, p, n and d answered the structure questions for the first person, its t
        started the clock, its q quit). The line field takes the keys on arrival; Esc gives them back to the
        console, and ←/→ (while the field is empty) and PgUp/PgDn still move between steps."""
        return self._focus_line_field()

    def focus_answers(self) -> bool:
        """``a``: once the role has lines, the structure questions at the first person still to answer (as ``a`` on
        every other answering step: "a ppnppn" had become a duty line); before that, the line field."""
        grids = self.query(AnswerGrid)
        if grids and self.live is not None and self.live.room.role_lines:
            grids.first().land()
            return True
        return self._focus_line_field()

    def _focus_line_field(self) -> bool:
        found = self.query("#new-line")
        if found:
            found.first().focus()
            return True
        return False

    def keys_nearby(self) -> list[tuple[str, Widget]]:
        """Help lists a line's keys from anywhere on the step, saying how to get to the lines."""
        found = self.query(RoleLinesTable)
        if not found or self.app.focused is found.first():
            return []
        if isinstance(self.app.focused, RoleLineInput):
            how = "Tab from the line field"
        elif self.live is not None and self.live.room.role_lines:  # a goes to the structure questions, after them
            how = "a, then shift+Tab"
        else:
            how = "a, then Tab"
        return [(f"On a line ({how})", found.first())]

    def take_paste(self, text: str) -> bool:
        """A paste on the console, no field focused: into the line field, as if pasted there (a posting is split)."""
        found = self.query(RoleLineInput)
        if not found:
            return False
        field = found.first()
        field.focus()
        field.post_message(events.Paste(text))
        return True

    # -- what the room does -----------------------------------------------------------------------------------

    @on(Input.Submitted, "#new-line")
    def _line_entered(self, message: Input.Submitted) -> None:
        assert self.live is not None
        # The field, not the message: Enter pressed twice in a row must not add the line twice.
        text = message.input.value.strip()
        editing = self._editing
        if text:
            request(self, PutRoleLine(text, line_id=editing))
        elif editing:  # an edit emptied is not a removal, and not silently dropped either
            self.notify("Edit cancelled: the line is kept as it was; x removes it.", markup=False, timeout=4)
        self._stop_editing()
        if editing and not text:
            self.query_one(RoleLinesTable).focus()

    def _stop_editing(self) -> None:
        field = self.query_one("#new-line", Input)
        self._editing = ""
        field.value = ""
        field.placeholder = NEW_LINE
        self._show_hint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_edit":  # else Esc is the console's (back to the step)
            return bool(self._editing) and isinstance(self.app.focused, RoleLineInput)
        return True

    def action_cancel_edit(self) -> None:
        """Esc while editing a line: the line stays as it was, and the cursor is back on it."""
        self._stop_editing()
        self.query_one(RoleLinesTable).focus()

    @on(RoleLineInput.LinesPasted)
    def _lines_pasted(self, message: RoleLineInput.LinesPasted) -> None:
        assert self.live is not None
        if message.lines:  # one change: one ctrl+z takes the whole paste back
            before = self.live.room.role_lines
            request(self, PutRoleLines(tuple(message.lines), source=message.source or "a paste"))
            if self.live.room.role_lines == before:
                return  # refused (a line too long): the app said why, and nothing was added
        count, left_out = len(message.lines), message.left_out
        source = safe(message.source) if message.source else "the paste"
        if self.app.size.width < SMALL_TERMINAL[0] or self.app.size.height < SMALL_TERMINAL[1]:
            # A toast of two or three lines covered the last lines' decisions: one short line, gone sooner.
            self.notify(short_paste_said(count, len(left_out), message.source), markup=False, timeout=3)
            return
        # Nothing left out unsaid: a line the splitter did not read as a duty may be one, and is quoted.
        added = f"{count} duty line{'s' if count != 1 else ''} added from {source}"
        if not count:
            said = f"No duty lines in {source}: every line was left out ({left_out_counts(left_out)})."
        elif left_out:
            said = f"{added}; left out: {left_out_counts(left_out)}."
        else:
            said = f"{added}."
        self.notify(said, markup=False, timeout=6 if left_out else 3)

    @on(RoleLineInput.FileUnreadable)
    def _file_unreadable(self, message: RoleLineInput.FileUnreadable) -> None:
        self.notify(safe(message.said), markup=False, severity="error", timeout=8)

    @on(RoleLinesTable.EditWanted)
    def _edit_wanted(self, message: RoleLinesTable.EditWanted) -> None:
        field = self.query_one("#new-line", Input)
        self._editing = message.line.id
        field.value = message.line.text
        field.placeholder = "Edit the line; Enter keeps it"
        field.focus()
        self._show_hint()

    @on(MovedOn)
    def _moved_on(self, message: MovedOn) -> None:
        if isinstance(message.control, RoleLinesTable):
            self.query_one("#role-hint", KeysHint).moved_on(message.said)

    def on_descendant_focus(self) -> None:
        self._show_hint()

    def on_descendant_blur(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        focused = self.app.focused
        typing = (EDITING if self._editing else TYPING) if isinstance(focused, RoleLineInput) else ""
        for hint in self.query("#role-hint").results(KeysHint):
            hint.focus_here(isinstance(focused, RoleLinesTable), away=typing)

    @on(RoleLinesTable.LineHighlighted)
    def _line_highlighted(self, message: RoleLinesTable.LineHighlighted) -> None:
        self._show_detail(message.line)

    @on(DataTable.CellHighlighted, "#answer-grid")
    def _structure_highlighted(self, message: DataTable.CellHighlighted) -> None:
        check = self.check
        if check is not None and 0 <= message.coordinate.row < len(check.structure):
            self.query_one("#structure-question", Static).update(plain(check.structure[message.coordinate.row].text, "italic"))


VIEW = CheckView

"""Private entry: the keyboard goes round the room and each person answers unseen; or an assistant types in sheets.

The screen shows only the question in front of the person answering: never the tally (a
projector window following the state hides it too), and of the stored answers only those of
the person chosen, row by row, so that nothing is replaced unseen. Each answer is stored the
moment its key is pressed; on a secret-ballot step the answers are stored together as one
ballot that names nobody. A late arrival goes through the steps they missed the same way.

The rows come in the order of the printed answer sheet (``Asks.cells``, which
``bootcamp print sheets`` prints row by row), each named as the sheet names it, so an
assistant typing a stack of paper sheets goes down the sheet: a key per ticked row, Enter
for a row left empty, Tab for a comment written beside it. ``E`` on the console types one
person's whole sheet (every answering step of the agenda) in one go.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from bootcamp.content.model import Scale, ScaleOption, Step, StepKind
from bootcamp.limits import COMMENT
from bootcamp.live.records import BallotRefused
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.plurals import counted
from bootcamp.store.model import Answer, Participant
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.steps.base import PackedChoices
from bootcamp.ui.widgets.typed_text import SafeInput

Cell = tuple[str, str, str]  # (step key, item, perspective): one row of a sheet


@dataclass(frozen=True)
class Ask:
    """One thing to answer, one row of the paper sheet: an item of a step on a scale."""

    step: Step
    item: str
    perspective: str
    text: str
    scale: Scale

    @property
    def cell(self) -> Cell:
        return (self.step.key, self.item, self.perspective)

    @property
    def row(self) -> str:
        """The row as the paper sheet labels it: its item id and perspective, – where it has none."""
        return f"{self.item or '–'} · {self.perspective or '–'}"

    @property
    def named_row(self) -> str:
        """The row's name at the keyboard: its item id and perspective, none for a question (its step's one row)."""
        return " · ".join(part for part in (self.item, self.perspective) if part)


COMMENT_PLACEHOLDER = "Type a comment, or leave it empty; Enter finishes"

def asks_of(step: Step, workshop: LiveWorkshop) -> list[Ask]:
    """What a person answers on a step, in the printed sheet's row order (``Asks.cells``: item by item, each
    item's perspectives together): the question, each item and perspective, or each structure question."""
    asks = workshop.program.asks(step)
    if asks is None:
        return []
    found = []
    for item_id, perspective in asks.cells:
        item = asks.item(item_id)
        if item is None:
            continue
        whose = f"\n\nRate {asks.asked_for(perspective)}." if perspective else ""
        text = f"{item.title}: {item.text}" if step.kind is StepKind.RATE else item.text
        found.append(Ask(step, item_id, perspective, text + whose, asks.scale))
    return found


def option_for(scale: Scale, character: str) -> ScaleOption | None:
    """The option a typed character picks: its own key, else the same letter in the other case (Caps Lock)."""
    exact = next((o for o in scale.options if o.key == character), None)
    if exact is not None:
        return exact
    folded = [o for o in scale.options if o.key.casefold() == character.casefold()]
    return folded[0] if len(folded) == 1 else None


class PrivateEntryScreen(Screen[None]):
    CSS_PATH = "private_entry.tcss"
    HELP_TITLE = "Private entry"
    QUIT_OFFERED = False  # the app's quit keys do nothing here (BootcampApp.check_action): a participant types
    BINDINGS = [
        Binding("escape", "leave", "End private entry", tooltip="End private entry, back to the console"),
        Binding(
            "enter",
            "skip",
            "Skip row",
            tooltip="Skip this row: nothing is stored for it (an answer stored before stays)",
        ),
        # The same key on paper sheets (check_action picks one): there a row is skipped because it was left empty.
        Binding("enter", "skip_sheet_row", "Skip row", tooltip="Skip this row (left empty on the sheet)"),
        Binding("tab", "comment", "Comment", tooltip="A comment on this row"),
        Binding("backspace", "back", "Previous", tooltip="Go back to the previous row (shows what is stored)"),
        Binding("pagedown", "next_step", "Next step", show=False, tooltip="Next step of the sheet"),
        Binding("pageup", "previous_step", "Previous step", show=False, tooltip="Previous step of the sheet"),
        # A participant holds the keyboard: q quits nothing here (nor asks); it says how the facilitator ends it.
        Binding("q", "how_to_end", "", show=False, tooltip="Private entry ends with Esc (q does not quit here)"),
    ]

    def __init__(
        self, workshop: LiveWorkshop, steps: list[Step], *, participant_id: str = "", sheet: bool = False
    ) -> None:
        super().__init__()
        self.workshop = workshop
        self.steps = steps
        self.sheet = sheet  # one person's whole paper sheet, typed in by an assistant
        self.fixed_participant = participant_id  # a late arrival: no need to ask who is answering
        self.participant: Participant | None = None
        self.asks: list[Ask] = [ask for step in steps for ask in asks_of(step, workshop)]
        self.position = 0
        self.phase = ""
        self._ballot: dict[str, list[tuple[str, str, str]]] = {}  # step key → picks, for secret steps
        self._comments: dict[str, str] = {}
        self._cast: set[str] = set()  # secret steps whose ballot is cast: going back into them would cast another
        self._typed: set[Cell] = set()  # rows answered in this turn: corrected at once, without asking
        self._commented: set[Cell] = set()  # rows whose comment was typed in this turn: shown back
        self._comment_hidden = False  # the comment field hides a comment stored before this turn (room use)
        self._asked: tuple[int, str] | None = None  # (position, option id) a key asked to replace a stored answer with
        self._then_next = False  # a comment asked after a question's answer moves on; one asked with Tab stays
        self._last_person = ""  # whose turn ended last: the person list goes on from there
        self._stored_shown = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="card"):
            yield Static(id="who-line")
            yield Static(id="counter")
            yield Static(id="sheet-steps")
            yield Static(id="ask-text")
            yield Static(id="choices")
            yield Static(id="stored")
            yield OptionList(id="people")
            yield SafeInput(
                placeholder=COMMENT_PLACEHOLDER, max_length=COMMENT.chars, id="comment"
            )
            yield Static(id="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.fixed_participant:
            self.participant = self.workshop.info.participant(self.fixed_participant)
            self._start_answering()
        elif self._all_secret:
            self._start_answering()
        else:
            self._ask_who()

    @property
    def _all_secret(self) -> bool:
        return all(step.key in self.workshop.state.secret for step in self.steps)

    def _secret(self, step: Step) -> bool:
        return step.key in self.workshop.state.secret

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The row keys only while a row is asked; the step keys only when there are several steps."""
        if action in ("skip", "skip_sheet_row"):  # one of the two, worded for the keyboard or for the sheet
            return self.phase == "ask" and self.sheet == (action == "skip_sheet_row")
        if action == "comment":
            return self.phase == "ask"
        if action == "back":
            return self.phase in ("ask", "thanks")
        if action in ("next_step", "previous_step"):
            return self.phase == "ask" and len(self.steps) > 1
        return True

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        self.refresh_bindings()

    # -- what is stored ---------------------------------------------------------------------------------------

    def _stored(self, ask: Ask) -> Answer | None:
        """The stored answer of the person answering on this row (none on a secret step: a ballot names nobody)."""
        if self.participant is None or self._secret(ask.step):
            return None
        return self.workshop.records.answer(self.participant.id, *ask.cell)

    def _rows_answered(self, participant_id: str) -> tuple[int, int]:
        """(rows with an answer, rows) of the steps entered here, secret steps left out (their ballots name nobody)."""
        live = self.workshop.records
        rows = [ask for ask in self.asks if not self._secret(ask.step)]
        answered = sum(
            1 for ask in rows if (found := live.answer(participant_id, *ask.cell)) is not None and found.value
        )
        return answered, len(rows)

    def _step_marks(self) -> Text:
        """A mark per step of the sheet: ✓ complete, ◐ partly entered, · nothing yet; the current one reversed."""
        line = Text("steps ", style="dim")
        current = self.asks[self.position].step.key if self.phase == "ask" and self.asks else ""
        complete = 0
        for step in self.steps:
            asks = [ask for ask in self.asks if ask.step.key == step.key]
            answered = sum(1 for ask in asks if (found := self._stored(ask)) is not None and found.value)
            mark = "✓" if asks and answered == len(asks) else "◐" if answered else "·"
            complete += mark == "✓"
            line.append(mark, style="reverse" if step.key == current else ("green" if mark == "✓" else ""))
        line.append(f"  {complete} of {len(self.steps)} complete (✓ all rows, ◐ some)", style="dim")
        return line

    # -- the phases -------------------------------------------------------------------------------------------

    def _show(self, *, people: bool = False, comment: bool = False, choices: bool = False) -> None:
        self.query_one("#people").display = people
        self.query_one("#comment").display = comment
        self.query_one("#choices").display = choices
        self.query_one("#stored").display = (choices or comment) and bool(self._stored_shown)
        self.query_one("#sheet-steps").display = self.sheet and self.participant is not None and (choices or comment)

    def _ask_who(self) -> None:
        self._set_phase("who")
        self.participant = None
        people = self.query_one("#people", OptionList)
        people.clear_options()
        present = self.workshop.records.info.present
        unfinished = []
        for number, participant in enumerate(present):
            answered, rows = self._rows_answered(participant.id)
            if answered and answered == rows:
                progress = "   answered ✓"
            elif answered:
                progress = f"   {answered} of {rows} {'rows of the sheet' if self.sheet else 'answered'}"
            else:
                progress = ""
                if self.sheet:
                    progress = "   not started"
            if not rows or answered < rows:
                unfinished.append(number)
            people.add_option(Option(joined((participant.display_name, "bold"), (progress, "dim")), id=participant.id))
        title = "Paper sheets: one person's whole sheet" if self.sheet else self.steps[0].title
        self.query_one("#who-line", Static).update(plain(title, "bold"))
        self.query_one("#counter", Static).update("")
        if self.sheet:
            size = f"{len(self.steps)} steps, {len(self.asks)} rows"
            question = f"Whose sheet is it? Choose the name on the sheet and press Enter ({size})."
            hint = "Each row as printed: its key, Enter for a row left empty, Tab for a comment. Esc ends."
        else:
            question = "Who is answering? Choose your name and press Enter."
            hint = "Nobody's answers are shown here. Esc ends private entry."
        self.query_one("#ask-text", Static).update(plain(question))
        self.query_one("#hint", Static).update(plain(hint, "dim"))
        self._show(people=True)
        # the next person after the last one, still without every answer: an extra Enter never picks someone done
        last = next((n for n, p in enumerate(present) if p.id == self._last_person), -1)
        after = [n for n in unfinished if n > last] + [n for n in unfinished if n <= last]
        people.highlighted = (after[0] if after else 0) if people.option_count else None
        people.focus()

    @on(OptionList.OptionSelected, "#people")
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        self.participant = self.workshop.info.participant(message.option.id or "")
        self._start_answering()

    def _start_answering(self) -> None:
        self.position = 0
        self._ballot.clear()
        self._comments.clear()
        self._cast.clear()
        if self.participant is not None:  # ballots the roll says this person cast (a turn before, a phone): never two
            voted = self.workshop.records.has_voted
            self._cast.update(s.key for s in self.steps if self._secret(s) and voted(s.key, self.participant.id))
        self._typed.clear()
        self._commented.clear()
        self._asked = None
        if not self.asks:
            self.dismiss()
            return
        already = ""
        if self.participant is not None:
            answered, rows = self._rows_answered(self.participant.id)
            if answered:  # go on where their answers stop; what is stored is shown row by row
                self.position = next(
                    (n for n, ask in enumerate(self.asks) if not self._secret(ask.step) and not self._value(ask)), 0
                )
                where = "this sheet" if self.sheet else ("these steps" if len(self.steps) > 1 else "this step")
                already = (
                    f"{self.participant.display_name} has answered {answered} of {counted(rows, 'row')} of {where} "
                    "already: each is shown as stored, and a key replaces one only when pressed twice."
                )
        self._ask(note=already)

    def _value(self, ask: Ask) -> str:
        stored = self._stored(ask)
        return stored.value if stored is not None else ""

    def _ask(self, *, note: str = "") -> None:
        self._set_phase("ask")
        ask = self.asks[self.position]
        secret = self._secret(ask.step)
        if secret and ask.step.key in self._cast:
            # A ballot cast on this step already: its rows are passed over, as a second ballot would count twice.
            after = next((n for n in range(self.position, len(self.asks)) if self.asks[n].step.key != ask.step.key), None)
            skipped = f"{ask.step.title}: a secret ballot is cast on it already, so it is passed over."
            if after is None:
                self._thank()
                return
            self.position = after
            self._ask(note=skipped)
            return
        if secret:
            who = joined(("Secret ballot", "bold"), ("  ·  stored without your name", "dim"))
        elif self.participant is not None:
            who = (
                joined(("Paper sheet", "bold"))
                if self.sheet
                else joined((self.participant.display_name, "bold"), ", your answer")
            )
        else:
            who = plain("Your answer")
        self.query_one("#who-line", Static).update(who)
        self.query_one("#counter", Static).update(self._counter(ask))
        if self.sheet and self.participant is not None:
            self.query_one("#sheet-steps", Static).update(self._step_marks())
        self.query_one("#ask-text", Static).update(plain(ask.text))
        self.query_one("#choices", Static).update(PackedChoices([(o.key, o.label) for o in ask.scale.options]))
        self._update_stored(self._stored_line(ask, note))
        skip = "Enter skips an empty row" if self.sheet else "Enter skips the row"
        keys = f"a key answers · {skip} · Tab: comment · ⌫ back"
        if len(self.steps) > 1:
            keys += "\nPgDn / PgUp: the next / previous step"
        self.query_one("#hint", Static).update(plain(keys, "dim"))
        self._show(choices=True)
        self.query_one("#people", OptionList).blur()
        self.set_focus(None)

    def _counter(self, ask: Ask) -> Text:
        step_number = next(n for n, step in enumerate(self.steps) if step.key == ask.step.key)
        rows = [a for a in self.asks if a.step.key == ask.step.key]
        row = rows.index(ask) + 1
        parts = [ask.step.title]
        if self.sheet and self.participant is not None:
            parts = [self.participant.display_name, ask.step.title]
        if len(self.steps) > 1:
            parts.append(f"step {step_number + 1} of {len(self.steps)}")
        parts.append(f"row {row} of {len(rows)}")
        line = plain("  ·  ".join(parts), "dim")
        line.append("\n")
        line.append_text(self._row_line(ask))
        return line

    def _row_line(self, ask: Ask) -> Text:
        """Which row this is: on paper sheets (E) as the printed sheet labels it, so the helper typing one keeps their
        place; at the keyboard (e) its ids without the sheet's words, and for a question only its step."""
        if self.sheet:
            return joined(("on the sheet: ", "dim"), (ask.row, ""), (f"   step {ask.step.key}", "dim"))
        if not ask.named_row:
            return plain(f"step {ask.step.key}", "dim")
        return joined((ask.named_row, ""), (f"   step {ask.step.key}", "dim"))

    def _update_stored(self, line: Text) -> None:
        """The stored answer's line, taking no room when there is none (a blank row is the common case)."""
        self._stored_shown = line.plain
        stored = self.query_one("#stored", Static)
        stored.update(line)
        stored.display = bool(line.plain) and self.phase in ("ask", "comment")

    def _stored_line(self, ask: Ask, note: str = "") -> Text:
        """What is stored on this row (the person's own answer or comment), and what a refused key would do."""
        line = Text()
        if note:
            line.append_text(plain(note, "italic"))
            line.append("\n")
        stored = self._stored(ask)
        value, comment = (stored.value, stored.comment) if stored is not None else ("", "")
        if self._secret(ask.step):  # this ballot's own pick, not yet cast
            value = next(
                (p[2] for p in self._ballot.get(ask.step.key, []) if (p[0], p[1]) == (ask.item, ask.perspective)), ""
            )
            comment = self._comments.get(ask.step.key, "")
        if not self.sheet and not self._secret(ask.step):
            # In the room anyone may pick any name: what someone answered before this turn is not shown to whoever
            # sits at the keyboard, only that there is an answer. A sheet (E) is typed by the facilitator's helper.
            earlier = (value and ask.cell not in self._typed) or (comment and ask.cell not in self._commented)
            value = value if ask.cell in self._typed else ""
            comment = comment if ask.cell in self._commented else ""
            if earlier:
                line.append_text(joined(("Answered already", "bold"), (" (not shown here)", "dim")))
                if value or comment:
                    line.append("  ·  ")
        if value:
            option = ask.scale.option(value)
            line.append_text(joined(("Stored: ", "bold"), (option.label if option else value, "bold")))
        if comment:
            line.append_text(joined(("  ·  comment: " if value else "Comment: ", "dim"), (comment, "italic")))
        if self._asked is not None and self._asked[0] == self.position:
            option = ask.scale.option(self._asked[1])
            if option is not None:
                line.append("\n")
                line.append_text(
                    plain(
                        f"Not replaced: {option.key} again replaces it with {option.label}; Enter keeps it.",
                        "bold yellow",
                    )
                )
        return line

    def _ask_comment(self, *, then_next: bool) -> None:
        self._set_phase("comment")
        self._then_next = then_next
        ask = self.asks[self.position]
        self.query_one("#hint", Static).update(plain("A comment is welcome. Enter finishes (empty: none).", "dim"))
        self._update_stored(self._stored_line(ask))  # the answer just pressed, which the comment goes with
        field = self.query_one("#comment", Input)
        stored = self._stored(ask)
        field.value = (
            self._comments.get(ask.step.key, "") if self._secret(ask.step) else (stored.comment if stored else "")
        )
        # Not shown in the room (see _stored_line): an empty Enter then keeps it, never clears it unseen.
        self._comment_hidden = bool(field.value) and not self.sheet and not self._secret(ask.step) and (
            ask.cell not in self._commented
        )
        field.placeholder = COMMENT_PLACEHOLDER
        if self._comment_hidden:
            field.value = ""
            field.placeholder = "A comment is stored already (not shown here): Enter keeps it, typing replaces it"
        self._show(comment=True)
        field.focus()

    def _thank(self) -> None:
        self._set_phase("thanks")
        self._cast_ballots()
        name = self.participant.display_name if self.participant and not self._all_secret else ""
        self.query_one("#who-line", Static).update(plain(f"Thank you{', ' + name if name else ''}.", "bold"))
        said = ""
        if self.participant is not None and not self._all_secret:
            answered, rows = self._rows_answered(self.participant.id)
            where = "of the sheet" if self.sheet else "answered"
            said = f"{answered} of {counted(rows, 'row')} {where}" + (
                f"; {rows - answered} left empty" if answered < rows else ""
            )
        self.query_one("#counter", Static).update(plain(said, "dim"))
        if self.fixed_participant:
            self.query_one("#ask-text", Static).update(plain("Your answers are saved. Press Enter to finish."))
        elif self.sheet:
            self.query_one("#ask-text", Static).update(plain("The sheet is saved. Enter: the next sheet."))
        else:
            self.query_one("#ask-text", Static).update(
                plain("Your answers are saved. Pass the keyboard to the next person, who presses Enter.")
            )
        back = "" if self.asks[-1].step.key in self._cast else "⌫ goes back to the last row to correct it. "
        self.query_one("#hint", Static).update(plain(f"{back}Esc ends private entry.", "dim"))
        self._show()
        self.set_focus(None)

    # -- keys -------------------------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.phase == "ask" and event.character and event.character.isprintable():
            ask = self.asks[self.position]
            option = option_for(ask.scale, event.character)
            if option is not None:
                event.stop()
                self._record(ask, option.id)
        elif self.phase == "thanks" and event.key == "enter":
            event.stop()
            self._last_person = self.participant.id if self.participant is not None else ""
            if self.fixed_participant:
                self.dismiss()
            elif self._all_secret:
                self._start_answering()
            else:
                self._ask_who()

    def _record(self, ask: Ask, option_id: str) -> None:
        if self._secret(ask.step):
            picks = self._ballot.setdefault(ask.step.key, [])
            picks[:] = [p for p in picks if (p[0], p[1]) != (ask.item, ask.perspective)]
            picks.append((ask.item, ask.perspective, option_id))
        elif self.participant is not None:
            stored = self._value(ask)
            if (
                stored
                and stored != option_id
                and ask.cell not in self._typed
                and self._asked != (self.position, option_id)
            ):
                self._asked = (self.position, option_id)  # given before this turn: replaced only by the same key again
                self._update_stored(self._stored_line(ask))
                self.app.bell()
                return
            self.workshop.records.set_answer(
                self.participant.id, ask.step.key, option_id, item=ask.item, perspective=ask.perspective
            )
        self._typed.add(ask.cell)
        self._asked = None
        if ask.step.kind is StepKind.QUESTION and ask.step.comment:
            self._ask_comment(then_next=True)
        else:
            self._advance()

    def _advance(self) -> None:
        self._asked = None
        self.position += 1
        if self.position < len(self.asks):
            self._ask()
        else:
            self._thank()

    @on(Input.Submitted, "#comment")
    def _commented(self, message: Input.Submitted) -> None:
        ask = self.asks[self.position]
        text = message.value.strip()
        if self._secret(ask.step):
            if text:
                self._comments[ask.step.key] = text
            else:
                self._comments.pop(ask.step.key, None)
        elif self.participant is not None and not (self._comment_hidden and not text):
            stored = self._stored(ask)
            if text != (stored.comment if stored is not None else ""):
                self.workshop.records.set_comment(
                    self.participant.id, ask.step.key, text, item=ask.item, perspective=ask.perspective
                )
                self._commented.add(ask.cell)  # typed in this turn: shown back
        if self._then_next:
            self._advance()
        else:
            self._ask()

    def action_skip(self) -> None:
        """A row not answered: nothing stored, on to the next row (a stored answer stays)."""
        if self.phase == "ask":
            self._advance()

    def action_skip_sheet_row(self) -> None:
        """A row left empty on the sheet, skipped as any row is."""
        self.action_skip()

    def action_comment(self) -> None:
        if self.phase == "ask":
            self._ask_comment(then_next=False)

    def action_back(self) -> None:
        if self.phase == "thanks":
            target = len(self.asks) - 1
        elif self.phase == "ask" and self.position > 0:
            target = self.position - 1
        else:
            return
        if self.asks[target].step.key in self._cast:
            self.notify("That secret ballot is cast already: it cannot be changed.", markup=False, timeout=3)
            return
        self.position = target
        self._asked = None
        self._ask()

    def _go_to_step(self, offset: int) -> None:
        if self.phase != "ask":
            return
        keys = [step.key for step in self.steps]
        number = keys.index(self.asks[self.position].step.key) + offset
        if not 0 <= number < len(keys):
            return
        first = next((n for n, ask in enumerate(self.asks) if ask.step.key == keys[number]), None)
        if first is None or keys[number] in self._cast:
            return
        self.position = first
        self._asked = None
        self._ask()

    def action_next_step(self) -> None:
        self._go_to_step(1)

    def action_previous_step(self) -> None:
        self._go_to_step(-1)

    def _cast_ballots(self) -> None:
        """Secret steps are stored at the end, each as one ballot: a half-given ballot is still a ballot."""
        voter = self.participant.id if self.participant is not None else ""  # on the step's roll: never a second
        for step_key, picks in self._ballot.items():
            if picks:
                try:
                    self.workshop.records.cast_ballot(step_key, list(picks), self._comments.get(step_key, ""), voter=voter)
                except BallotRefused as refused:
                    self.notify(str(refused), severity="warning", markup=False)
                self._cast.add(step_key)
        self._ballot.clear()
        self._comments.clear()

    def action_how_to_end(self) -> None:
        self.notify(
            "q does nothing here: the facilitator ends private entry with Esc, back to the console.",
            markup=False,
            timeout=4,
        )

    def action_leave(self) -> None:
        self._cast_ballots()
        self.dismiss()

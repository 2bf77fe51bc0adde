"""People: who is in the room — add a late arrival, rename (with a role or team), remove and restore.

Every change goes through the live room (saved at once, undoable from the console); a
removed participant's answers stay on disk and return with them. In an anonymous
workshop people are P1, P2 … and the form asks only for a role: no name is stored. The
panel beside the list says which answering steps the highlighted person missed (those others answered); ``m``
closes the roster with those steps, for the console to start them answering.

While phones can join, a phone marks whose seat a phone holds (``p`` frees it, for another phone),
and people not on the roster who asked from their phones wait in a list of their own: ``y`` lets
the first (or the highlighted) in, as a new participant whose phone holds the seat; ``n`` turns them away.
A name that is a removed person's (and nobody present's) brings that person back for the phone; ``Y`` lets
anyone in as a new person, named as typed, whoever else has the name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static

from bootcamp.content.model import Step
from bootcamp.errors import UserError
from bootcamp.export.people_file import PeopleFileError, read_people
from bootcamp.facilitators_day import RoomDay, room_clock_time
from bootcamp.limits import PERSON_NAME, ROLE
from bootcamp.live.records import LiveRecords
from bootcamp.live.saving import Mark
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.names import namesakes
from bootcamp.store.model import Participant
from bootcamp.ui.phones import PHONE, phones_of
from bootcamp.ui.screens.roster_phones import PHONE_KEYS, LetsPhonesIn
from bootcamp.ui.text import joined, one_line, plain, safe
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.save_mark import mark_text
from bootcamp.ui.widgets.table import SteadyTable
from bootcamp.ui.widgets.typed_text import SafeInput
from bootcamp.ui.widgets.waiting_table import WaitingTable, namesake_notes

if TYPE_CHECKING:
    from bootcamp.join.console import ConsoleJoining
    from bootcamp.ui.app import BootcampApp


@dataclass(frozen=True)
class MissedSteps:
    """What the roster hands back: a participant, and the answering steps they are to catch up on."""

    participant_id: str
    step_keys: tuple[str, ...]


def walked_steps(workshop: LiveWorkshop) -> tuple[Step, ...]:
    """The steps the room has got through: those before the current one, and any marked done."""
    flow = workshop.flow
    return tuple(step for number, step in enumerate(flow.steps) if number < flow.index or flow.is_done(step.key))


TEXT_WIDTHS = (28, 24)  # a name's and a role's cells
NARROW_TEXT_WIDTHS = (15, 11)  # 11: "Role / team" whole


class PeopleTable(SteadyTable[Text]):
    DEFAULT_CSS = """
    PeopleTable {
        height: auto;
        max-height: 16;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        &:focus { border: round $primary; border-title-color: $text; }
    }
    """

    def __init__(self, *, id: str, title: str, anonymous: bool) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = title
        self.anonymous = anonymous  # no name column: there are no names
        self.phone_column = False  # a column for the phone mark, only while phones can join
        self.narrow = False  # the columns were laid out for a screen below 100 columns
        self._shown: tuple[list[Participant], dict[str, Mark], frozenset[str] | None] | None = None

    def _add_columns(self) -> None:
        self.narrow = self.screen.has_class("-narrow")
        name_width, role_width = self.text_widths()
        if self.phone_column:
            self.add_column("", key="phone", width=2)
        self.add_column("", key="seat", width=4)
        if not self.anonymous:
            self.add_column("Name", key="name", width=name_width)
        self.add_column("Role / team", key="role", width=role_width)
        self.add_column("", key="mark", width=10)

    def text_widths(self) -> tuple[int, int]:
        """Cells of a name and a role: below 100 columns the list has about 48, so both are shortened with …"""
        return NARROW_TEXT_WIDTHS if self.narrow else TEXT_WIDTHS

    def on_mount(self) -> None:
        self._add_columns()

    def on_resize(self) -> None:
        if self.screen.has_class("-narrow") != self.narrow and self._shown is not None:
            self.clear(columns=True)
            self._add_columns()
            self.show(*self._shown)

    def show(self, people: list[Participant], marks: dict[str, Mark], phones: frozenset[str] | None = None) -> None:
        """The people, each with their save mark; ``phones``: whose seat a phone holds (None: joining is off)."""
        keep = self.current_id()
        self._shown = (people, marks, phones)
        name_width, role_width = self.text_widths()
        with self.app.batch_update():
            if (phones is not None) != self.phone_column:
                self.phone_column = phones is not None
                self.clear(columns=True)
                self._add_columns()
            self.clear()
            for person in people:
                name = () if self.anonymous else (plain(one_line(person.name, name_width)),)
                phone = (PHONE if person.id in phones else "",) if phones is not None else ()
                self.add_row(
                    *phone,
                    plain(f"P{person.number}", "bold"),
                    *name,
                    plain(one_line(person.role, role_width)),
                    mark_text(marks.get(person.id, Mark.NONE), short=True),
                    key=person.id,
                )
            ids = [p.id for p in people]
            if keep in ids:
                self.move_cursor(row=ids.index(keep), animate=False)

    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key((self.cursor_row, 0))
        return row_key.value


class NameField(SafeInput):
    """The form's name. Several lines pasted (late registrations copied from an e-mail or a sheet) are several
    people, handed to the screen: Textual's Input kept the first line and dropped the others without a word."""

    class Pasted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def _on_paste(self, event: events.Paste) -> None:
        if sum(1 for line in event.text.splitlines() if line.strip()) < 2:
            return  # one name: Input's own paste
        event.prevent_default()
        event.stop()
        self.post_message(self.Pasted(event.text))


_PASTE = "the paste"  # the source a pasted list of people is read from, said as "line N" to the facilitator


def _said_of_the_paste(text: str) -> str:
    """``the paste:2: problem`` as said under the form: ``line 2: problem``."""
    rest = text.removeprefix(f"{_PASTE}:")
    line, _, said = rest.partition(": ")
    return f"line {line}: {said}" if line.isdigit() else rest.strip()


def _said_of_namesakes(added: list[Participant], people: tuple[Participant, ...]) -> str:
    """Who was just added under the name of someone listed already (the registered person pasted again, or a
    cancellation removed that morning who came after all), and what undoes it: adding them is allowed, as two
    people may share a name, but it is more often a slip the room would meet as two of one name on the phones."""
    said = []
    for new, earlier in namesakes(added, people):
        if earlier.removed:
            undo = f"removed: u brings them back with their answers, x removes P{new.number}"
        else:
            undo = "in the room: r renames one, x removes one added twice"
        said.append(f"P{new.number} {new.display_name} has the name of P{earlier.number} {earlier.display_name}, {undo}.")
    return " ".join(said)


class RosterScreen(LetsPhonesIn, LetsGoOfAppWatches, Screen[MissedSteps | None]):
    CSS_PATH = "roster.tcss"
    HELP_TITLE = "People"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    FOOTER_KEPT = frozenset({"add", "back"})  # with Help and Quit, whatever the width (KeyBar)

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add someone (a late arrival)"),
        Binding("r", "rename", "Rename", tooltip="Rename the highlighted person, or change their role"),
        Binding("delete,x", "remove", "Remove", tooltip="Remove the highlighted person (their answers are kept)"),
        Binding("u", "restore", "Restore", tooltip="Bring a removed person back, with their answers"),
        Binding("m", "answer_missed", "Answer missed", tooltip="Start the highlighted person on the steps they missed"),
        *PHONE_KEYS,
        Binding("escape", "back", "Back", tooltip="Back to the console (from the form: back to the list)"),
    ]

    def __init__(self, workshop: LiveWorkshop) -> None:
        super().__init__()
        self.workshop = workshop
        self.renaming = ""  # the participant id the form renames; "" while it adds

    @property
    def live(self) -> LiveRecords:
        return self.workshop.records

    def compose(self) -> ComposeResult:
        anonymous = self.workshop.info.anonymous
        yield Static(self._title(), id="roster-title")
        with Horizontal(id="roster-columns"):
            with Vertical(id="roster-lists"):
                yield WaitingTable()  # in an anonymous workshop, people without a name
                yield PeopleTable(id="present", title="In the room", anonymous=anonymous)
                yield PeopleTable(id="removed", title="Removed · u restores", anonymous=anonymous)
                with Vertical(id="roster-form"):
                    yield Label("Add someone", id="form-title")
                    with Horizontal(id="form-fields"):
                        if not anonymous:
                            yield NameField(placeholder="Name", max_length=PERSON_NAME.chars, id="form-name")
                        yield SafeInput(placeholder="Role or team (optional)", max_length=ROLE.chars, id="form-role")
                    yield Static(id="form-problem")
            yield Static(id="roster-detail")
        yield KeyBar()

    def _title(self) -> Text:
        info = self.workshop.info
        title = joined(("People", "bold"), ("  ·  ", "dim"), info.name)
        if info.anonymous:
            title.append("  ·  anonymous: people are P1, P2 … and no names are kept", style="italic")
        return title

    def on_mount(self) -> None:
        self.watch(self.app, "live_change", lambda _change: self.show(), init=False)
        self.show()
        self.query_one("#present", PeopleTable).focus()

    # -- showing ---------------------------------------------------------------------------------------------

    def joining_changed(self) -> None:
        """Called by the app (BootcampApp.watch_joining) when joining changes: who holds a seat, who waits."""
        self.show()

    def show(self) -> None:
        info = self.workshop.info
        marks = {p.id: self.live.mark(f"seat:{p.id}") for p in info.participants}
        present = [p for p in info.participants if not p.removed]
        removed = [p for p in info.participants if p.removed]
        joining = self.bootcamp.joining
        phones = joining.phones if joining is not None else None
        waiting = joining.waiting if joining is not None else ()
        waiting_table = self.query_one(WaitingTable)
        if not waiting and waiting_table.has_focus:
            self.query_one("#present", PeopleTable).focus()
        waiting_table.show(waiting, namesake_notes(self.joining, waiting))
        waiting_table.display = bool(waiting)
        self.refresh_bindings()  # y and n show while someone waits
        self.query_one("#present", PeopleTable).show(present, marks, phones)
        removed_table = self.query_one("#removed", PeopleTable)
        removed_table.show(removed, marks)
        removed_table.display = bool(removed)
        self.query_one("#present", PeopleTable).border_title = f"In the room ({len(present)})"
        removed_table.border_title = f"Removed ({len(removed)}) · u restores"
        self._show_detail()

    @property
    def bootcamp(self) -> BootcampApp:
        return self.app  # type: ignore[return-value]

    @property
    def joining(self) -> ConsoleJoining | None:
        return self.bootcamp.console_joining

    def highlighted(self) -> Participant | None:
        focused = self.focused
        table = focused if isinstance(focused, PeopleTable) else self.query_one("#present", PeopleTable)
        found = table.current_id()
        return self.workshop.info.participant(found) if found else None

    def missed(self, person: Participant) -> list[Step]:
        return self.live.missed_steps(person.id, walked_steps(self.workshop), skipped=self.workshop.state.skipped)

    def _show_detail(self) -> None:
        detail = self.query_one("#roster-detail", Static)
        person = self.highlighted()
        if person is None:
            detail.update(plain("Nobody here yet: a adds someone.", "dim italic"))
            return
        parts: list[object] = [(person.display_name, "bold")]
        if person.name:
            parts.append((f"  P{person.number}", "dim"))
        if person.role:
            parts += ["\n", person.role]
        if person.joined_at:
            joined_at = _clock_time(person.joined_at, self.workshop.flow.day_clock().room_days)
            parts += ["\n", (f"joined at {joined_at}", "dim")]
        if person.id in phones_of(self):
            parts += ["\n", f"{PHONE} answers on their phone · ", ("p", "bold reverse"), " frees the seat"]
        if person.removed:
            parts += ["\n\n", ("Removed. ", "bold"), "Their answers are kept: u brings them back."]
            detail.update(joined(*parts))
            return
        missed = self.missed(person)
        if missed:
            parts += ["\n\n", (f"Missed {len(missed)} answering step{'s' if len(missed) > 1 else ''}:", "bold")]
            secret = self.workshop.state.secret
            for step in missed:
                parts += ["\n", ("• ", "dim"), step.title]
                if step.key in secret:  # a ballot at the keyboard names nobody: it may be theirs
                    parts.append((" (secret ballot: ask whether they cast one)", "dim"))
            parts += ["\n\n", ("m", "bold reverse"), " starts them answering"]
        else:
            parts += ["\n\n", ("Nothing missed so far.", "dim")]
        detail.update(joined(*parts))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_rename()

    # -- the form --------------------------------------------------------------------------------------------

    def _fields(self) -> tuple[Input | None, Input]:
        name = self.query_one("#form-name", Input) if not self.workshop.info.anonymous else None
        return name, self.query_one("#form-role", Input)

    def action_add(self) -> None:
        self._open_form("", "", "", "Add someone")

    def action_rename(self) -> None:
        person = self.highlighted()
        if person is None:
            return
        what = "Change the role of" if self.workshop.info.anonymous else "Rename"
        self._open_form(person.id, person.name, person.role, f"{what} {safe(person.display_name)}")

    def _open_form(self, renaming: str, name: str, role: str, title: str) -> None:
        self.renaming = renaming
        self.query_one("#form-title", Label).update(plain(f"{title} · Enter saves · Esc cancels"))
        self.query_one("#form-problem", Static).update("")
        name_field, role_field = self._fields()
        role_field.value = role
        if name_field is not None:
            name_field.value = name
            name_field.focus()
        else:
            role_field.focus()
        self.query_one("#roster-form").add_class("-open")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        name_field, role_field = self._fields()
        if event.input is name_field:
            role_field.focus()
            return
        name = name_field.value.strip() if name_field is not None else ""
        if name_field is not None and not name:
            self.query_one("#form-problem", Static).update(plain("Type a name (a role or team is optional)."))
            name_field.focus()
            return
        namesake = ""
        if self.renaming:
            changed = self.live.rename_participant(self.renaming, name, role_field.value)
            said = f"Saved {changed.display_name}" if changed else ""
            keep = self.renaming
        else:
            added = self.live.add_participant(name, role_field.value)
            keep = added.id
            missed = self.missed(added)
            said = f"Added {added.display_name}"
            if missed:
                said += f": missed {len(missed)} answering step{'s' if len(missed) > 1 else ''} — m starts them"
            namesake = _said_of_namesakes([added], self.workshop.info.participants)
        self._show_changed(keep, said, namesake)

    @on(NameField.Pasted)
    def _names_pasted(self, event: NameField.Pasted) -> None:
        name_field, _role_field = self._fields()
        if self.renaming and name_field is not None:  # a rename takes one name: the first line, as a field does
            first = next(line for line in event.text.splitlines() if line.strip()).strip()
            name_field.replace(first, *name_field.selection)  # over the name selected when the form opened
            return
        problem = self.query_one("#form-problem", Static)
        try:
            read = read_people(event.text, _PASTE, anonymous=False)
        except PeopleFileError as refused:
            problem.update(plain(f"Nobody added: {_said_of_the_paste(str(refused))}"))
            return
        added = []
        try:
            with self.live.as_one_change(lambda made: f"adding {made} people"):  # one paste, one ctrl+z
                for name, role in read.people:
                    added.append(self.live.add_participant(name, role))
        except UserError as refused:  # the roster is full: those added so far stay, and it is said
            problem.update(plain(str(refused)))
        if not added:
            return
        said = f"Added {len(added)} people: {', '.join(person.display_name for person in added)}"
        if read.notes:
            said += f" ({'; '.join(_said_of_the_paste(note).partition(': ')[2] for note in read.notes)})"
        self._show_changed(added[-1].id, said, _said_of_namesakes(added, self.workshop.info.participants))

    def _show_changed(self, keep: str, said: str, namesake: str) -> None:
        """After a seat was added or changed: the form closed, the list shown with the cursor on ``keep``, and what
        was done said (a warning when it names a namesake)."""
        self._close_form()
        self.show()
        table = self.query_one("#present", PeopleTable)
        ids = [p.id for p in self.workshop.info.present]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        table.focus()
        if namesake:
            said += f". {namesake}"
        if said:
            self.notify(said, markup=False, severity="warning" if namesake else "information")

    def _close_form(self) -> None:
        self.renaming = ""
        name_field, role_field = self._fields()
        for field in (name_field, role_field):
            if field is not None:
                field.value = ""
        self.query_one("#form-title", Label).update("Add someone")
        self.query_one("#form-problem", Static).update("")
        self.query_one("#roster-form").remove_class("-open")

    # -- the list --------------------------------------------------------------------------------------------

    def action_remove(self) -> None:
        person = self.highlighted()
        if person is None or person.removed:
            return
        self.live.remove_participant(person.id)
        self.notify(f"Removed {person.display_name}: their answers are kept (u restores).", markup=False)

    def action_restore(self) -> None:
        removed = self.query_one("#removed", PeopleTable)
        person = self.highlighted()
        if person is None or not person.removed:
            found = removed.current_id()
            person = self.workshop.info.participant(found) if found else None
        if person is None or not person.removed:
            self.notify("Nobody removed to restore.", markup=False)
            return
        self.live.restore_participant(person.id)
        self.notify(f"{person.display_name} is back, with their answers.", markup=False)
        self.query_one("#present", PeopleTable).focus()

    def action_answer_missed(self) -> None:
        person = self.highlighted()
        if person is None or person.removed:
            return
        missed = self.missed(person)
        if not missed:
            self.notify(f"{person.display_name} has missed nothing so far.", markup=False)
            return
        self.dismiss(MissedSteps(person.id, tuple(step.key for step in missed)))

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self._close_form()
            self.query_one("#present", PeopleTable).focus()
            return
        self.dismiss(None)


def _clock_time(iso_time: str, days: Sequence[RoomDay]) -> str:
    """``14:35`` on the room's clock, from a stored ISO timestamp, its zone said when the laptop's reads otherwise (a
    London room reread in New York: "08:20 UTC", not "03:20"), as the day clock reads the day."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso_time)
    except ValueError:
        return iso_time
    return room_clock_time(moment.timestamp(), days)

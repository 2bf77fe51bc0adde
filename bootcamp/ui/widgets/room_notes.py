"""The room's notes on a step: one field per note, saved as it is typed, and an empty field for the next one.

Typing in the empty field makes a new note (the field becomes that note's, and a new empty
field follows it); emptying a note, or ``ctrl+r`` in it, removes it. The list is redrawn
in place from the room, so an undo or another console's note shows without taking the
field being typed in.

Tab from the step lands in the empty field: what the room says next is a new note, never typed
into the start of one already written. The notes written are a shift+Tab or an arrow away, and
entered from the keyboard with the cursor at their end, ready to add to.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import TextArea

from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import DropNote, PutNote
from bootcamp.store.ids import new_record_id
from bootcamp.store.model import RoomNote
from bootcamp.ui.messages import request
from bootcamp.ui.widgets.save_mark import show_mark
from bootcamp.ui.widgets.typed_text import AutosaveTextArea

NEW_NOTE = "A new note… (saves as you type)"


def step_notes(notes: tuple[RoomNote, ...], step_key: str) -> list[RoomNote]:
    """The room's notes on a step, oldest first; quick notes are the facilitator's and stay out."""
    return [note for note in notes if note.step_key == step_key and not note.quick]


class NoteField(AutosaveTextArea):
    DEFAULT_CSS = """
    NoteField {
        height: auto;
        min-height: 3;
        max-height: 12;
        margin: 0 0 1 0;
        border-subtitle-color: $text-muted;
        &.-unsaved { border: tall $error; border-subtitle-color: $text-error; }
    }
    """

    BINDINGS = [Binding("ctrl+r", "remove", "Remove note", tooltip="Remove this note (ctrl+z takes it back)")]

    def __init__(self, notes: RoomNotes, note: RoomNote | None) -> None:
        super().__init__(note.text if note else "", save=self._store, placeholder=NEW_NOTE)
        self.notes = notes
        self.note_id = note.id if note else ""

    def _store(self, text: str) -> None:
        self.notes.store(self, text)

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        super()._on_text_area_changed(event)
        if event.text_area is self and not self.note_id and self.text:
            self.notes.keep_a_blank()  # typing in the last field: the next one is there before Tab

    def action_remove(self) -> None:
        self.notes.remove(self)

    def action_cursor_up(self, select: bool = False) -> None:
        """On the field's first line, the arrow goes on to the note above."""
        at_top = self.navigator.is_first_wrapped_line(self.cursor_location)
        if select or not at_top or not self.notes.focus_beside(self, -1):
            super().action_cursor_up(select)

    def action_cursor_down(self, select: bool = False) -> None:
        """On the field's last line, the arrow goes on to the note below (the new note's field last)."""
        at_bottom = self.navigator.is_last_wrapped_line(self.cursor_location)
        if select or not at_bottom or not self.notes.focus_beside(self, 1):
            super().action_cursor_down(select)


class RoomNotes(Vertical):
    DEFAULT_CSS = """
    RoomNotes {
        height: auto;
    }
    """

    def __init__(self, live: LiveRecords, step_key: str) -> None:
        super().__init__(id="room-notes")
        self.live = live
        self.step_key = step_key

    def on_mount(self) -> None:
        self.show(self.live.room.notes)
        self.watch(self.app, "live_change", lambda _change: self.show_marks(), init=False)

    def fields(self) -> list[NoteField]:
        return list(self.query_children(NoteField))

    def show(self, notes: tuple[RoomNote, ...]) -> None:
        """Make the fields match the room's notes: new ones added, removed ones gone, changed ones updated."""
        wanted = step_notes(notes, self.step_key)
        by_id = {note.id: note for note in wanted}
        fields = self.fields()
        for field in fields:
            if field.note_id and field.note_id not in by_id:
                field.remove()  # removed here, by an undo, or on another console
        fields = [field for field in fields if not field.note_id or field.note_id in by_id]
        have = {field.note_id for field in fields}
        unsaved = next((field for field in fields if not field.note_id), None)  # new notes go above these
        for note in wanted:
            if note.id not in have:
                if unsaved is not None:
                    self.mount(NoteField(self, note), before=unsaved)
                else:
                    self.mount(NoteField(self, note))
        for field in fields:
            if field.note_id:
                field.show_saved(by_id[field.note_id].text)
        self.keep_a_blank()
        self.show_marks()

    def keep_a_blank(self) -> None:
        """An empty field always waits last, so Tab from the note being typed lands in it, not on the console."""
        kept = {note.id for note in step_notes(self.live.room.notes, self.step_key)}
        fields = [field for field in self.fields() if not field.note_id or field.note_id in kept]  # not those going
        last = fields[-1] if fields else None
        if last is None or last.note_id or last.text:
            self.mount(NoteField(self, None))

    def show_marks(self) -> None:
        for field in self.fields():
            if field.note_id:
                show_mark(field, self.live.mark(f"note:{field.note_id}"))
            else:
                field.border_subtitle = Text("new note", style="dim")

    def store(self, field: NoteField, text: str) -> None:
        if not field.note_id:
            if not text.strip():
                return
            field.note_id = new_record_id("n")  # before the change goes out: the redraw finds this field
            request(self, PutNote(self.step_key, text, note_id=field.note_id))
        elif text.strip():
            request(self, PutNote(self.step_key, text, note_id=field.note_id))
        else:
            request(self, DropNote(field.note_id))  # an emptied note is a removed one

    def remove(self, field: NoteField) -> None:
        if field.note_id:
            field.discard_typing()  # nothing left to save as the field goes
            request(self, DropNote(field.note_id))
        elif field.text:
            field.clear()

    def focus_new_note(self) -> None:
        """The empty field that waits last: typing there starts a new note."""
        blank = next((field for field in reversed(self.fields()) if not field.note_id), None)
        if blank is not None:
            blank.focus()

    def focus_beside(self, field: NoteField, step: int) -> bool:
        """The field above (-1) or below (1) ``field``; False when there is none."""
        fields = self.fields()
        where = fields.index(field) + step if field in fields else -1
        if not 0 <= where < len(fields):
            return False
        fields[where].focus()
        return True

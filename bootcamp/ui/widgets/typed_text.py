"""Fields whose text is saved as it is typed: on Enter, on leaving the field, after a second of idle, and at
least every two seconds of typing that never pauses.

The field calls ``save(text)`` (which only queues the save: the UI never waits on the disk)
whenever the text differs from what was last saved, so a facilitator never has to think
about saving and a crash loses at most the last two seconds of typing (nothing typed before an Enter:
a note typed on and on in the room was not on disk after 6 s, each key putting the idle save off again).

Both fields keep the exact text but draw control characters as visible symbols (one
character for one, so the cursor and selection still line up): Textual's own Input and
TextArea would send an escape sequence in a stored note straight to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.timer import Timer
from textual.widgets import Input, TextArea

from bootcamp.ui.text import safe
from bootcamp.ui.watches import forget_app_watches

IDLE_SECONDS = 1.0
MOST_UNSAVED_SECONDS = 2.0  # typing that never pauses for IDLE_SECONDS still saves this often
Save = Callable[[str], None]


def let_go_of_screen_and_theme(field: Input | TextArea) -> None:
    """What Textual's Input and TextArea hold on to after they are removed, let go.

    Both subscribe to their screen's text selection signal (a callback that holds the field) and the TextArea watches
    the app's theme (see :mod:`bootcamp.ui.watches`): every field shown on the console in a day (a room note each on
    discussion steps, a role line field each visit of the role check) stayed alive with its caches.
    """
    forget_app_watches(field.app, field)
    for screen in field.app.screen_stack:
        screen.text_selection_started_signal.unsubscribe(field)


class SafeInput(Input):
    """An Input that draws control characters as visible symbols (one for one: the cursor still lines up)."""

    def _on_unmount(self) -> None:
        let_go_of_screen_and_theme(self)

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        shown = Text(safe(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(shown) if self.highlighter is not None else shown


class SafeTextArea(TextArea):
    """A TextArea that draws control characters as visible symbols (one for one: the cursor still lines up)."""

    def get_line(self, line_index: int) -> Text:
        return Text(safe(self.document.get_line(line_index)), end="", no_wrap=True)

    def _on_unmount(self) -> None:
        let_go_of_screen_and_theme(self)


class _Autosave:
    """The saving rules, shared by the one-line and the many-line field."""

    _save: Save
    _saved_text: str
    _idle: Timer | None
    _unsaved: Timer | None = None  # runs from the first key typed since the last save, not put off by the next

    def _text(self) -> str:
        raise NotImplementedError  # each subclass says how (an abstract hook, not a stub)

    def _stop_timers(self) -> None:
        for timer in (self._idle, self._unsaved):
            if timer is not None:
                timer.stop()
        self._idle = self._unsaved = None

    def save_now(self) -> None:
        self._stop_timers()
        text = self._text()
        if text != self._saved_text:
            self._saved_text = text
            self._save(text)

    def show_saved(self, text: str) -> None:
        """The stored text changed elsewhere (an undo, another console): show it, unless this field saved it."""
        if text == self._saved_text:
            return
        self._stop_timers()
        self._saved_text = text
        self._set_text(text)

    def discard_typing(self) -> None:
        """The record this field edits is gone: what is typed but not saved yet is not saved."""
        self._stop_timers()
        self._saved_text = self._text()

    def _set_text(self, text: str) -> None:
        raise NotImplementedError  # each subclass says how (an abstract hook, not a stub)

    def _typed(self) -> None:
        if self._idle is not None:
            self._idle.stop()
        self._idle = self.set_timer(IDLE_SECONDS, self.save_now)  # type: ignore[attr-defined]
        if self._unsaved is None:
            self._unsaved = self.set_timer(MOST_UNSAVED_SECONDS, self.save_now)  # type: ignore[attr-defined]


class AutosaveInput(_Autosave, SafeInput):
    def __init__(
        self, value: str = "", *, save: Save, placeholder: str = "", id: str | None = None, max_length: int = 0
    ) -> None:
        # Focus puts the cursor at the end: a comment being added to is not selected and typed over.
        super().__init__(value, placeholder=placeholder, id=id, select_on_focus=False, max_length=max_length)
        self._save = save
        self._saved_text = value
        self._idle = None

    def _text(self) -> str:
        return self.value

    def _set_text(self, text: str) -> None:
        self.value = text

    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self and self.value != self._saved_text:
            self._typed()

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self:
            self.save_now()

    def _on_blur(self, event: events.Blur) -> None:
        self.save_now()  # Textual calls Input's own blur handler too: no super() here

    def _on_unmount(self) -> None:
        self.save_now()  # leaving the step with the field open still saves it


class AutosaveTextArea(_Autosave, SafeTextArea):
    def __init__(self, text: str = "", *, save: Save, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", placeholder=placeholder, id=id)
        self._save = save
        self._saved_text = text
        self._idle = None

    def _text(self) -> str:
        return self.text

    def focus_at_end(self) -> None:
        """Focus with the cursor after the text, ready to add to it."""
        self.move_cursor(self.document.end)
        self.focus()

    def _set_text(self, text: str) -> None:
        self.load_text(text)

    def on_focus(self, event: events.Focus) -> None:
        # Entered with the cursor at the end, as the one-line field: Tab into a note written typed at its start.
        # A click's own place comes after this (its MouseDown follows the Focus); the terminal window regaining
        # focus leaves the cursor where it was.
        if not event.from_app_focus:
            self.move_cursor(self.document.end)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Empty, as tall as its placeholder wraps to: a long question showed its first line only."""
        height = super().get_content_height(container, viewport, width)
        if self.text or not self.placeholder:
            return height
        return max(height, len(Content.from_text(self.placeholder).wrap(width)))

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        if event.key == "enter":
            self.save_now()  # the line the room just finished is on its way to disk at once

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is self:
            if not self.text or len(self.text) == 1:
                self.refresh(layout=True)  # emptied, or the first letter typed: the placeholder's height comes or goes
            if self.text != self._saved_text:
                self._typed()

    def _on_blur(self, event: events.Blur) -> None:
        self.save_now()  # Textual calls Input's own blur handler too: no super() here

    def _on_unmount(self) -> None:
        self.save_now()

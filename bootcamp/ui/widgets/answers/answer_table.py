"""A table the room fills in turn (a question's rows, a rating grid's cells, the role's lines): arriving at it,
its cursor stands on the first place still unanswered.

A key stores an answer at the cursor and moves on, and before the reveal an answer shows only as ●: a
cursor left on an answered row (a step come back to, a workshop reopened) had the next key overwrite it
unseen. The first focus since the step was shown places it, and so does every ``a`` (:meth:`land`), which the
README promises; otherwise (Tab, the focus coming back from a comment) the cursor stays where the facilitator
put it, so going back up to change an answer keeps working.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.coordinate import Coordinate
from textual.widget import Widget

from bootcamp.content.model import Scale
from bootcamp.live.records import LiveRecords
from bootcamp.ui.widgets.answers.moved_on import MovedOn
from bootcamp.ui.widgets.table import CellType, SteadyTable


class AnswerTable(SteadyTable[CellType]):
    live: LiveRecords
    step_key: str
    scale: Scale

    # Each table's own: where the next answer goes in the room's order (None when everything is answered). A
    # table that does not say is refused as its class is made, not at the facilitator's first key.
    first_unanswered: Callable[[], Coordinate | None]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not callable(getattr(cls, "first_unanswered", None)):
            raise TypeError(f"{cls.__name__} must say where its first unanswered place is (first_unanswered)")

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - DataTable's own
        super().__init__(*args, **kwargs)
        self._arrived = False
        # A key refused on a phone's answer: where, its option, and what Enter there does (store that option).
        self._asked: tuple[Coordinate, str, Callable[[], None]] | None = None

    def start_again(self) -> None:
        """Another step's answers: the next focus is an arrival again."""
        self._arrived = False

    def on_mount(self) -> None:
        # The screen's focus, watched: its watchers run as the focus moves, before a key pressed just
        # after it (a burst like "ay") reaches the table, which a Focus event would not.
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self, focused: Widget | None) -> None:
        if focused is self:
            self.arrive()

    def land(self) -> None:
        """``a``: the cursor on the first place still unanswered, however it was left (everything answered: it
        stays). The focus follows, if it is not here already."""
        self._arrived = False
        if self.screen.focused is self:
            self.arrive()
        else:
            self.focus()  # arrives as the focus moves here

    def arrive(self) -> None:
        """On the first focus since the step was shown, the cursor goes to the first place still unanswered
        (everything answered: it stays). Called again once the rows are in, if they were not yet."""
        if self._arrived or not self.row_count or self.screen.focused is not self:
            return
        self._arrived = True
        place = self.first_unanswered()
        if place is not None and place != self.cursor_coordinate:
            self.cursor_coordinate = place

    # -- answers given from phones ---------------------------------------------------------------------------------

    def from_phone(self, participant_id: str, item: str = "", perspective: str = "") -> bool:
        """Whether the answer there, as it stands, was given from a phone."""
        giver = self.live.given_by(participant_id, self.step_key, item, perspective)
        return giver is not None and giver.kind == "phone"

    def refused(
        self, participant_id: str, option_id: str, replace: Callable[[], None], item: str = "", perspective: str = ""
    ) -> bool:
        """A key on an answer a phone gave, at the cursor, stores nothing: said in one sentence (once, however many
        keys of one burst bring), and Enter there then calls ``replace``, which stores that key's option."""
        answer = self.live.answer(participant_id, self.step_key, item, perspective)
        if answer is None or not answer.value or answer.value == option_id:
            return False
        if not self.from_phone(participant_id, item, perspective):
            return False
        place = self.cursor_coordinate
        again = self._asked is not None and self._asked[:2] == (place, option_id)
        self._asked = (place, option_id, replace)
        seat = self.live.info.participant(participant_id)
        name = seat.display_name if seat is not None else "Someone"
        option = self.scale.option(option_id)
        said = f"{name} answered this from a phone: Enter replaces it with {option.label if option else option_id}"
        self.post_message(MovedOn(self, said))
        if not again:
            self.app.notify(f"{said}.", title="Not replaced", markup=False, timeout=5)
        return True

    def action_select_cursor(self) -> None:
        asked, self._asked = self._asked, None
        if asked is not None and asked[0] == self.cursor_coordinate:
            self.post_message(MovedOn(self, ""))
            asked[2]()
        else:
            super().action_select_cursor()

    def watch_cursor_coordinate(self, old_coordinate: Coordinate, new_coordinate: Coordinate) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        if self._asked is not None and self._asked[0] != new_coordinate:
            self._asked = None  # Enter replaces only where the key was refused
            self.post_message(MovedOn(self, ""))

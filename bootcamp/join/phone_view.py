"""What one phone shows, as a value: made from the live workshop for one browser, rendered by the templates.

The server sends a phone a new page part only when its view changed, so these are frozen values that
compare equal when the phone would show the same thing. Pure Python: no server, no templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Screen(StrEnum):
    PICK = "pick"  # choose your name (or take a seat, in an anonymous workshop)
    WAITING = "waiting"  # asked to be let in; the console has not admitted yet
    STEP = "step"  # seated: the console's current step
    CLOSED = "closed"  # joining stopped or the workshop closed


class Saved(StrEnum):
    """How an answer the phone shows stands on disk: "saved ✓" only once the writer stored it."""

    NONE = ""  # no answer
    SAVING = "saving"
    SAVED = "saved"
    FAILED = "failed"  # the writer keeps retrying
    UNSEEN = "unseen"  # given for this person before this phone took the seat by name: not shown to it
    REPLACE = "replace"  # unseen, and tapped over once: the page asks for the same tap again to replace it


@dataclass(frozen=True)
class Name:
    participant_id: str
    name: str
    taken: bool


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class Row:
    """One answer on the screen: an item for one perspective (or the question itself), its options."""

    item: str
    perspective: str
    label: str  # "For yourself", "For your team", or "" when the step has no perspectives
    choices: tuple[Choice, ...]
    saved: Saved
    tally: tuple[Count, ...] = ()  # only once the console revealed the step's results
    replacing: str = ""  # Saved.REPLACE: the label of the answer tapped once


@dataclass(frozen=True)
class Asked:
    """One screen of an answering step: a question, or one item of a rating, or one structure question."""

    heading: str
    text: str
    rows: tuple[Row, ...]
    position: int  # 1-based, of ``of`` screens in the step
    of: int
    comment: str | None = None  # the comment the live workshop holds; None when the step takes none
    comment_saved: Saved = Saved.NONE


@dataclass(frozen=True)
class Ballot:
    """A secret step: every question of the step on one form, cast once as one ballot that names nobody."""

    asked: tuple[Asked, ...]
    takes_comment: bool
    cast: bool
    saved: Saved  # how the ballot cast stands on disk
    closed: str = ""  # why no ballot can be cast any more (the results are out), shown instead of the form


@dataclass(frozen=True)
class Note:
    text: str
    saved: Saved


@dataclass(frozen=True)
class MovedOn:
    """The room left a step while this phone showed it: how far this seat got."""

    title: str
    saved: int
    total: int
    ballot: bool = False  # a secret step: ``saved`` is 1 when the ballot was cast
    held: int = 0  # answers given that the laptop holds while a save fails (not on disk yet)


@dataclass(frozen=True)
class Poker:
    """Aptitude Poker on a phone: nothing to answer, so what the wall shows that concerns this seat."""

    dealt: bool
    cards: tuple[str, ...] = ()  # the titles of the cards dealt to this seat
    talked_about: str = ""  # the card the room talks about, once the facilitator picked one
    talked_about_holder: str = ""  # whose card it is ("" when it is this seat's, or nobody present holds it)
    talked_about_mine: bool = False  # the card the room talks about is this seat's


@dataclass(frozen=True)
class Held:
    """How many of this phone's answers and notes, and whether its ballot, are not on disk yet."""

    answers: int = 0
    notes: int = 0
    ballot: bool = False

    def __bool__(self) -> bool:
        return bool(self.answers or self.notes or self.ballot)

    @property
    def many(self) -> bool:
        return self.answers + self.notes + self.ballot > 1

    @property
    def what(self) -> str:
        """What is held, as the start of a sentence: "Your last 2 answers and your note"."""
        said = []
        if self.answers:
            said.append("your last answer" if self.answers == 1 else f"your last {self.answers} answers")
        if self.notes:
            said.append("your note" if self.notes == 1 else f"your {self.notes} notes")
        if self.ballot:
            said.append("your ballot")
        text = ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1] if said else ""
        return text[:1].upper() + text[1:]


# From this many names a phone's list is longer than its screen: a field at the top narrows it as one types.
FIND_NAMES_FROM = 10


@dataclass(frozen=True)
class PhoneView:
    screen: Screen
    workshop: str
    who: str = ""  # the seat's name as the room knows it
    anonymous: bool = False
    names: tuple[Name, ...] = ()
    free_seats: int = 0  # anonymous workshop: seats a phone may take (PhoneRoom.open_seats)
    waiting_name: str = ""
    turned_away: bool = False  # the console did not let this phone in: it picks again, told so
    step_key: str = ""
    step_title: str = ""
    step_kind: str = ""
    asked: Asked | None = None
    ballot: Ballot | None = None
    takes_note: bool = False
    notes: tuple[Note, ...] = ()
    moved_on: MovedOn | None = None
    poker: Poker | None = None
    revealed: bool = False
    held: Held = Held()  # what this phone sent that the laptop holds, not saved yet while a save fails
    held_lost: bool = False  # the console gave those saves up (it quit anyway): what is held is lost
    saved_after_all: Held = Held()  # what it held and has saved since, until the phone next acts
    message: str = ""  # one sentence: why what was sent was not kept
    unsent: str = ""  # text that was not kept, shown so it is not lost

    @property
    def finds_names(self) -> bool:
        return len(self.names) >= FIND_NAMES_FROM

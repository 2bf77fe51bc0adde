"""What a person did, as a value: the requests front ends hand to :meth:`LiveWorkshop.apply`.

A widget posts one of these instead of changing the workshop itself; the phone page will send
the same ones. Ids a request creates (a ballot, an action) are made here, so the sender knows
them without waiting for an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bootcamp.store.ids import new_ballot_id, new_record_id
from bootcamp.store.model import Action


@dataclass(frozen=True)
class GiveAnswer:
    participant_id: str
    step_key: str
    value: str
    item: str = ""
    perspective: str = ""
    comment: str | None = None  # None keeps the comment already there


@dataclass(frozen=True)
class CommentAnswer:
    """A comment on an answer, or on its own before the answer is given; the answer's value stays."""

    participant_id: str
    step_key: str
    comment: str
    item: str = ""
    perspective: str = ""


@dataclass(frozen=True)
class ClearAnswer:
    participant_id: str
    step_key: str
    item: str = ""
    perspective: str = ""


@dataclass(frozen=True)
class CastBallot:
    step_key: str
    picks: tuple[tuple[str, str, str], ...]  # (item, perspective, value)
    comment: str = ""
    ballot_id: str = field(default_factory=new_ballot_id)
    voter: str = ""  # a phone's seat, added to the step's roll of voters (stored apart, never with the ballot)


@dataclass(frozen=True)
class WithdrawBallot:
    step_key: str
    ballot_id: str


@dataclass(frozen=True)
class PutNote:
    step_key: str
    text: str
    note_id: str = ""
    quick: bool = False


@dataclass(frozen=True)
class DropNote:
    note_id: str


@dataclass(frozen=True)
class PutRoleLine:
    text: str
    line_id: str = ""
    decision: str | None = None  # None keeps the decision already made


@dataclass(frozen=True)
class PutRoleLines:
    """Several new role lines at once (a pasted posting, a dropped file): one change, one save and one undo."""

    texts: tuple[str, ...]
    source: str = "a paste"  # where they came from, as the undo says it: "11 role lines from a paste"


@dataclass(frozen=True)
class DropRoleLine:
    line_id: str


@dataclass(frozen=True)
class PutAction:
    action: Action
    action_id: str = field(default_factory=lambda: new_record_id("a"))  # used when the action has none yet


@dataclass(frozen=True)
class DropAction:
    action_id: str


@dataclass(frozen=True)
class DealPoker:
    """Deal the Poker deck round the people present (once: a deal is never redone)."""


@dataclass(frozen=True)
class HandPokerCards:
    """Poker cards passed to the people present: (card id, participant id) pairs."""

    holders: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PutPokerNote:
    card_id: str
    prompt_id: str
    text: str


@dataclass(frozen=True)
class DiscussCard:
    card_id: str


@dataclass(frozen=True)
class ToggleCardClock:
    """Start or pause the clock of the Poker card the room is talking about."""


Request = (
    GiveAnswer
    | CommentAnswer
    | ClearAnswer
    | CastBallot
    | WithdrawBallot
    | PutNote
    | DropNote
    | PutRoleLine
    | PutRoleLines
    | DropRoleLine
    | PutAction
    | DropAction
    | DealPoker
    | HandPokerCards
    | PutPokerNote
    | DiscussCard
    | ToggleCardClock
)

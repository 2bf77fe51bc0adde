"""A workshop's stored data as plain values (no Textual, no file access).

Files on disk (DESIGN.md, Storage): a folder per workshop holding
``workshop.json`` (WorkshopInfo), ``content.json`` (the content copy),
``state.json`` (WorkshopState), ``room.json`` (RoomRecords) and
``answers/<participant-id>.json`` (that participant's Answers).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bootcamp.facilitators_day import facilitators_date

# What the library index keeps of each workshop lives apart (see that module), and is a part of this model.
from bootcamp.store.workshop_info import Action as Action
from bootcamp.store.workshop_info import ActionStatus as ActionStatus
from bootcamp.store.workshop_info import Participant as Participant
from bootcamp.store.workshop_info import WorkshopInfo as WorkshopInfo


@dataclass(frozen=True)
class Answer:
    """One participant's answer to one item of one step.

    ``item`` is an item id for ``rate`` steps (an aptitude), a structure question id
    for role checks, and "" for a ``question`` step. ``perspective`` is "self" or
    "team" for ``rate`` steps, else "". ``value`` is a scale option id.
    """

    participant_id: str
    step_key: str  # "session-id/step-id"
    item: str = ""
    perspective: str = ""
    value: str = ""
    comment: str = ""
    at: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.step_key, self.item, self.perspective)


@dataclass(frozen=True)
class RoomNote:
    id: str
    step_key: str  # where it was written (discuss notes, quick notes)
    text: str
    at: str = ""
    quick: bool = False


@dataclass(frozen=True)
class RoleLine:
    """A line of the organisation's own CCO role description, and the room's decision."""

    id: str
    text: str
    # "strategic", "tactical", "undecided" (the room talked it over and could not say) or "" (not decided yet).
    # Stores from before "undecided" have only the others, and read as they did.
    decision: str = ""
    at: str = ""


@dataclass(frozen=True)
class PokerCard:
    """The room's notes on one Aptitude Poker card: prompt id → text."""

    card_id: str
    holder: str = ""  # participant id of who holds it: dealt to, or passed to since
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoomRecords:
    """The room's records (``room.json``): what the room wrote together, apart from the answers."""

    notes: tuple[RoomNote, ...] = ()
    role_lines: tuple[RoleLine, ...] = ()
    poker: tuple[PokerCard, ...] = ()  # empty until dealt; the deal is stored: later only cards change hands
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class StepTimer:
    elapsed: float = 0.0  # seconds counted before running_since
    running_since: float | None = None  # epoch seconds while running
    extra_minutes: float = 0.0  # minutes added (+) or taken off (-) in the room

    def elapsed_at(self, now: float) -> float:
        running = (now - self.running_since) if self.running_since is not None else 0.0
        return self.elapsed + max(0.0, running)

    def running_at(self, now: float) -> StepTimer:
        """This timer running from ``now`` on (as it is, if it runs already)."""
        return self if self.running_since is not None else replace(self, running_since=now)

    def paused_at(self, now: float) -> StepTimer:
        """This timer stopped at ``now``, the time it ran kept."""
        if self.running_since is None:
            return self
        return replace(self, elapsed=self.elapsed_at(now), running_since=None)


@dataclass(frozen=True)
class WorkshopDay:
    """A day of a workshop run over more than one, kept as it went once the next day's clock started."""

    started_at: float  # epoch seconds: when its clock first started
    planned: float  # planned minutes of what the room got through that day (below 0: it undid the day before's)
    actual: float  # minutes its step timers counted that day
    utc_offset: int | None = None  # minutes the room's clock was ahead of UTC when it started; None: not kept then


@dataclass(frozen=True)
class WorkshopState:
    """Where the room is: small, written often, read by a projector window."""

    step_key: str = ""
    done: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    timers: dict[str, StepTimer] = field(default_factory=dict)
    day_started_at: float | None = None
    revealed: tuple[str, ...] = ()  # steps whose results the room may see
    secret: tuple[str, ...] = ()  # steps answered by secret ballot
    presenter: bool = False
    blank: bool = False
    private_entry: bool = False
    show_timer: bool = True
    updated_at: float = 0.0
    # Aptitude Poker: the card the room is talking about (a card id, "" before the first), and each
    # card's own clock (card id → timer), so a projector window shows the same card and countdown.
    poker_card: str = ""
    card_timers: dict[str, StepTimer] = field(default_factory=dict)
    # The days before this one (``day_started_at``'s), oldest first; empty for a workshop run in one day, and in
    # files written before a second day was told apart.
    earlier_days: tuple[WorkshopDay, ...] = ()
    # When the step clocks last stopped (epoch seconds): a pause, or clocks left running stopped when the console was
    # last there. None until they first stop, and in files from before it was kept, which read it from the day's start
    # plus what the clocks counted (flow.Flow.last_ran).
    clocks_stopped_at: float | None = None
    # Minutes the room's clock was ahead of UTC when the day under way started (London in winter 0, New York -300), so
    # its date is the room's wherever the workshop is read; None before it started, and in files from before it was
    # kept, which read the day on the calendar of the machine reading it.
    day_utc_offset: int | None = None

    def days_met(self) -> tuple[str, ...]:
        """The dates a workshop run over more than one day met on (ISO, on the room's calendar: day 1 in London and
        day 2 in New York are their own dates, wherever they are read; this machine's for a day kept without its
        offset); empty for one day. A day's date is the facilitator's, as the console counts its days: a day started
        in the small hours belongs to the evening before."""
        starts = [(day.started_at, day.utc_offset) for day in self.earlier_days]
        if not starts or self.day_started_at is None:
            return ()
        days = (*starts, (self.day_started_at, self.day_utc_offset))
        dates = sorted({facilitators_date(start, offset).isoformat() for start, offset in days})
        return tuple(dates) if len(dates) > 1 else ()

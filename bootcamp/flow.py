"""Walking a room through an agenda: position, done/skipped marks, step timers and the day clock.

Pure logic over plain values, no Textual and no files: a :class:`Flow` reads a
:class:`~bootcamp.store.model.WorkshopState` and every move returns a *new* state,
which the caller stores. The facilitator's console and a projector window both
derive what they show from that one small state.

Timers follow the room: moving to another step pauses the timer of the step left
behind and, if it was running, starts the timer of the step arrived at, so the
facilitator presses the timer key once when the day starts, not at every step.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from bootcamp.clock import Clock, utc_offset_minutes
from bootcamp.content.model import Program, Step
from bootcamp.errors import UserError
from bootcamp.facilitators_day import RoomDay, facilitators_date, wall_seconds
from bootcamp.poker_turns import pause_cards
from bootcamp.store.model import StepTimer, WorkshopDay, WorkshopState

ADD_MINUTES = 2.0  # what "add time" adds, and what the over-time signal offers
# A console last saved this long ago was closed on a day that is over: the next morning, or months later to reread the
# notes (as joining left on, join/left_on.py). A clock it left running stopped then, not now: a CCO reopening a workshop
# six months on read "4320 h 45 behind" and a step timer of months.
LEFT_RUNNING_SECONDS = 16 * 3600
# Or a night between: a console killed at 17:30 and reopened at 08:30 (fifteen hours) had counted all night; a boot
# camp opened with an evening session carries on the next morning fourteen hours after it started.
NIGHT_SECONDS = 6 * 3600
# Clocks paused for less than this start again on the same day whatever the clock says: lunch, dinner, a session run
# past midnight and on past 04:00. A longer pause within one date of the facilitator's calendar is the same day too
# (a day is a date, to the room and to the summary); one past 04:00 but shorter than a night the app cannot read: it
# asks.
SHORT_PAUSE_SECONDS = 3 * 3600


def overnight(since: float, now: float) -> bool:
    """``now`` is on a later day than ``since``: ``LEFT_RUNNING_SECONDS`` or more after it, or on a later day of the
    facilitator's calendar and ``NIGHT_SECONDS`` or more after it (a session run past midnight is the same day).
    Hours on the room's wall clock: 01:30 to 06:30 is no night the night the clocks go back, though six hours passed."""
    hours = wall_seconds(since, now)
    if hours >= LEFT_RUNNING_SECONDS:
        return True
    return hours >= NIGHT_SECONDS and facilitators_date(now) > facilitators_date(since)


class Resuming(Enum):
    """What starting the clocks again after a pause does to the day."""

    SAME_DAY = "same day"  # a short pause: the day carries on
    NEW_DAY = "new day"  # a night between: the day is over, and a new one starts
    UNSURE = "unsure"  # hours past the day's turn, no night: the facilitator says which


def after_pause(since: float, now: float) -> Resuming:
    """What a pause of the clocks from ``since`` to ``now`` is: short or within one date of the facilitator's
    calendar (the same day, however long), a night, or hours past the day's turn that could be either: hours on the
    room's wall clock, as the README's rule and the facilitator count them."""
    if wall_seconds(since, now) < SHORT_PAUSE_SECONDS or facilitators_date(now) == facilitators_date(since):
        return Resuming.SAME_DAY
    return Resuming.NEW_DAY if overnight(since, now) else Resuming.UNSURE


def stopped_when_left(state: WorkshopState, now: float, *, seen_at: float | None = None) -> WorkshopState | None:
    """The state with every clock left running stopped at the console's last save, or when an open console was last
    ``seen_at`` (its last tick, before a laptop slept overnight), when that was :func:`overnight`; None when nothing
    was left running (or the console saved, or was seen, lately)."""
    last = max(state.updated_at, seen_at or 0.0)
    if not last or not overnight(last, now):
        return None
    running = {key: timer for key, timer in state.timers.items() if timer.running_since is not None}
    if not running and not any(timer.running_since is not None for timer in state.card_timers.values()):
        return None
    stops = {key: max(last, timer.running_since or last) for key, timer in running.items()}
    timers = {**state.timers, **{key: running[key].paused_at(stop) for key, stop in stops.items()}}
    stopped_at = max(stops.values(), default=state.clocks_stopped_at)  # a card's clock alone is not the day's
    return pause_cards(replace(state, timers=timers, clocks_stopped_at=stopped_at), last)


def held_still(state: WorkshopState, since: float, jumped: float, now: float) -> WorkshopState | None:
    """The state with every clock that ran at ``since`` (the console's last tick) held still over ``jumped`` seconds
    of wall time that monotonic time did not count, seen at ``now``: the laptop slept (its lid closed at lunch), or
    its clock was set ahead or back (``jumped`` below 0). Not time the room spent: stored as a pause from where
    monotonic time took the clocks to ``now``, so a console reopened later reads the same. None when no clock ran.

    A clock started since ``since`` is left as it is: a tick follows every move, so it started after the jump."""
    counted_to = now - jumped  # the last tick plus the monotonic time since: where the clocks stop counting

    def held(timer: StepTimer) -> StepTimer:
        if timer.running_since is None or timer.running_since > since:
            return timer
        return timer.paused_at(counted_to).running_at(now)

    timers = {key: held(timer) for key, timer in state.timers.items()}
    cards = {card: held(timer) for card, timer in state.card_timers.items()}
    if timers == state.timers and cards == state.card_timers:
        return None
    return replace(state, timers=timers, card_timers=cards, updated_at=now)


@dataclass(frozen=True)
class DayClock:
    """Planned against actual for the day so far, and when the day will end at this pace.

    Minutes are floats; epoch values are seconds. ``behind`` is positive when the room
    is late and negative when it is ahead of the plan.

    What the room got through is what it did or skipped for time: the time spent is held against their planned
    minutes. A step skipped is time won back (the plan stays the one announced; the finish moves earlier). A step
    jumped past, neither done nor skipped, is still to come or missed: never time saved, still in what is left.
    So ``projected_finish`` is always ``planned_finish`` moved by ``behind``.

    A workshop run over more than one day has a day clock per day: a day's plan is what was left of the agenda when
    it started, and what the room got through and the time it took are that day's; the days before are ``earlier``.
    """

    started_at: float | None  # None until the first timer starts
    now: float
    planned_total: float  # minutes of every step of the agenda not got through on earlier days: the day as planned
    planned_so_far: float  # planned minutes of what the room got through today: done or skipped, and the current step's
    actual: float  # minutes since the day started
    remaining: float  # planned minutes of every step not done nor skipped, the current step's unspent time included
    planned_finish: float | None  # start + planned_total; None before the day starts
    over: bool = False  # its clocks last ran a night before and none runs: ``actual`` is its steps' time
    earlier: tuple[WorkshopDay, ...] = ()  # the days before this one, oldest first
    utc_offset: int | None = None  # the room's offset from UTC when this day started (minutes); None: not kept

    @property
    def room_days(self) -> tuple[RoomDay, ...]:
        """Every day so far with the room's offset then, oldest first: its times are read on the room's clock."""
        days = tuple((day.started_at, day.utc_offset) for day in self.earlier)
        return days if self.started_at is None else (*days, (self.started_at, self.utc_offset))

    @property
    def number(self) -> int:
        """Which day of the workshop this is: 1, or 2 once the clock started again the next morning."""
        return len(self.earlier) + 1

    def record(self) -> WorkshopDay | None:
        """This day as it went, to keep once the next day starts; None before it started."""
        if self.started_at is None:
            return None
        return WorkshopDay(started_at=self.started_at, planned=self.planned_so_far, actual=self.actual)

    @property
    def behind(self) -> float:
        return self.actual - self.planned_so_far

    @property
    def projected_finish(self) -> float:
        """Now plus what is still planned: the plan's finish moved by how far behind the room is."""
        return self.now + self.remaining * 60

    @property
    def started(self) -> bool:
        return self.started_at is not None


class Flow:
    """One workshop's walk through one agenda, read from a state; every move returns a new state."""

    def __init__(
        self,
        program: Program,
        agenda_id: str,
        state: WorkshopState,
        clock: Clock,
        *,
        answered: Callable[[str], bool] = lambda _key: False,
    ) -> None:
        """``answered`` says whether a step holds answers (the live workshop's, asked when a mark is read):
        answers win over a skip, so a step the room answered is done, never "skipped for time"."""
        steps = program.steps(agenda_id)
        if not steps and program.agendas:
            # A workshop whose agenda vanished from its content still opens, on the first agenda.
            steps = program.steps(program.agendas[0].id)
        if not steps:
            raise UserError(f"the agenda '{agenda_id}' of '{program.title}' has no steps to walk through")
        self.program = program
        self.agenda_id = agenda_id
        self.state = state
        self.clock = clock
        self.answered = answered
        self.steps: tuple[Step, ...] = steps
        self._index_of = {step.key: number for number, step in enumerate(steps)}

    # -- where the room is -------------------------------------------------

    @property
    def index(self) -> int:
        """The current step's 0-based position; an unknown or empty step key means the first step."""
        return self._index_of.get(self.state.step_key, 0)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def counter(self) -> str:
        return f"step {self.index + 1} of {self.total}"

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.total - 1

    def index_of(self, step_key: str) -> int | None:
        return self._index_of.get(step_key)

    def is_done(self, step_key: str) -> bool:
        return step_key in self.state.done or (step_key in self.state.skipped and self.answered(step_key))

    def is_skipped(self, step_key: str) -> bool:
        """Skipped for time, and no answers since: a step the room answered is done, whatever was pressed."""
        return step_key in self.state.skipped and not self.answered(step_key)

    @property
    def upcoming(self) -> Step | None:
        return None if self.is_last else self.steps[self.index + 1]

    # -- moves ---------------------------------------------------------------

    def next(self) -> WorkshopState:
        """Mark the current step done and move to the one after it (the last step stays put, done)."""
        state = _mark(self.state, self.current.key, done=True)
        return self._move(state, min(self.index + 1, self.total - 1))

    def previous(self) -> WorkshopState:
        return self._move(self.state, max(self.index - 1, 0))

    def jump(self, step_key: str, *, answered: bool = False) -> WorkshopState:
        """Go to ``step_key``; the step left is marked done when the room ``answered`` it (as → would),
        so an answered step shows ✓ however the room moved on from it."""
        target = self._index_of.get(step_key)
        if target is None:
            raise ValueError(f"no step {step_key!r} in the {self.agenda_id} agenda")
        state = _mark(self.state, self.current.key, done=True) if answered and not self.is_skipped(self.current.key) else self.state
        return self._move(state, target)

    def skip(self) -> WorkshopState:
        """Mark the current step skipped for time and move on; its planned minutes are time won back."""
        state = _mark(self.state, self.current.key, skipped=True)
        return self._move(state, min(self.index + 1, self.total - 1))

    def toggle_done(self) -> WorkshopState:
        key = self.current.key
        if self.is_done(key):
            return self._stamp(replace(self.state, done=_without(self.state.done, key)))
        return self._stamp(_mark(self.state, key, done=True))

    def _move(self, state: WorkshopState, target: int) -> WorkshopState:
        leaving, arriving = self.current.key, self.steps[target].key
        if leaving == arriving:
            return self._stamp(replace(state, step_key=arriving))
        now = self.clock.now()
        was_running = self.timer(leaving).running_since is not None
        timers = dict(state.timers)
        timers[leaving] = timers.get(leaving, StepTimer()).paused_at(now)
        if was_running:
            timers[arriving] = timers.get(arriving, StepTimer()).running_at(now)
        state = pause_cards(state, now)  # an Aptitude Poker card's clock stops with its step's
        return self._stamp(replace(state, step_key=arriving, timers=timers))

    def _stamp(self, state: WorkshopState) -> WorkshopState:
        # The current step is always written out, so a reader never has to guess "first step".
        return replace(state, step_key=state.step_key or self.current.key, updated_at=self.clock.now())

    # -- the current step's timer --------------------------------------------

    def timer(self, step_key: str | None = None) -> StepTimer:
        return self.state.timers.get(step_key or self.current.key, StepTimer())

    @property
    def running(self) -> bool:
        return self.timer().running_since is not None

    def start(self, *, new_day: bool | None = None) -> WorkshopState:
        """Start (or resume) the current step's timer; the first start also starts the day clock, and so does the
        first start after a day that is over (:meth:`resuming`: a night since its clocks last ran), which is kept as
        it went. ``new_day`` says which it is when the app cannot know: True starts a new day (never on the date the
        day under way started: :meth:`new_day_waits`), False carries the day on (as without it, after a pause of
        some hours past the day's turn)."""
        now = self.clock.now()
        state = self._with_timer(self.timer().running_at(now))
        if new_day is None:
            new_day = self.resuming() is Resuming.NEW_DAY
        kept = self.day_clock(over=True).record() if new_day and not self.running and not self.new_day_waits() else None
        # Each day keeps the room's offset from UTC with its start: its date stays the room's wherever it is reread.
        offset = utc_offset_minutes(now)
        if kept is not None:
            kept = replace(kept, utc_offset=state.day_utc_offset)
            earlier = (*state.earlier_days, kept)
            state = replace(state, earlier_days=earlier, day_started_at=now, day_utc_offset=offset)
        elif state.day_started_at is None:
            state = replace(state, day_started_at=now, day_utc_offset=offset)
        return state

    def pause(self) -> WorkshopState:
        """Pause the current step's timer; when it ran, the day's clocks stopped now (:meth:`last_ran`)."""
        now = self.clock.now()
        state = self._with_timer(self.timer().paused_at(now))
        return replace(state, clocks_stopped_at=now) if self.running else state

    def toggle_timer(self) -> WorkshopState:
        return self.pause() if self.running else self.start()

    def add_minutes(self, minutes: float = ADD_MINUTES) -> WorkshopState:
        timer = self.timer()
        return self._with_timer(replace(timer, extra_minutes=timer.extra_minutes + minutes))

    def take_minutes(self, minutes: float = ADD_MINUTES) -> WorkshopState:
        """``minutes`` fewer for the current step, never below none: :meth:`add_minutes` undone, or the room told to
        wrap up. The time counted is left as it is (a false start is :meth:`start_over`; a laptop asleep is held)."""
        timer = self.timer()
        fewest = -float(self.current.minutes)  # the step's whole time taken off: no time left, never less
        extra = max(fewest, timer.extra_minutes - minutes) + 0.0  # + 0.0: a step of no minutes stores 0, not -0.0
        if extra == timer.extra_minutes:
            return self.state  # nothing left to take: nothing to save
        return self._with_timer(replace(timer, extra_minutes=extra))

    def start_over(self) -> WorkshopState:
        """The current step's timer from nothing: no time counted, none added; running on from now if it ran."""
        fresh = StepTimer()
        return self._with_timer(fresh.running_at(self.clock.now()) if self.running else fresh)

    def _with_timer(self, timer: StepTimer) -> WorkshopState:
        key = self.current.key
        return self._stamp(replace(self.state, step_key=key, timers={**self.state.timers, key: timer}))

    def allowed_seconds(self, step_key: str | None = None) -> float:
        step = self._step(step_key)
        return (step.minutes + self.timer(step.key).extra_minutes) * 60

    def elapsed(self, step_key: str | None = None) -> float:
        return self.timer(step_key).elapsed_at(self.clock.now())

    def remaining(self, step_key: str | None = None) -> float:
        """Seconds left on a step's timer (the current step by default); negative once over time."""
        return self.allowed_seconds(step_key) - self.elapsed(step_key)

    def over_time(self, step_key: str | None = None) -> bool:
        return self.remaining(step_key) <= 0

    def _step(self, step_key: str | None) -> Step:
        if step_key is None:
            return self.current
        index = self._index_of.get(step_key)
        if index is None:
            raise ValueError(f"no step {step_key!r} in the {self.agenda_id} agenda")
        return self.steps[index]

    # -- the day -------------------------------------------------------------

    def day_clock(self, *, over: bool | None = None) -> DayClock:
        """The day so far; ``over`` True reads it as over whatever the pause (the facilitator started a new day)."""
        now = self.clock.now()
        started = self.state.day_started_at
        # A day whose clocks last ran a night before is over (reopened the next morning, or months later to reread the
        # notes): its actual time is what its step timers counted, not every hour since it started.
        if over is None:
            over = self.resuming() is Resuming.NEW_DAY
        earlier = self.state.earlier_days
        # What the days before got through, and what their steps took, is not today's.
        planned_before = sum(day.planned for day in earlier)
        timed_before = self._timed_before()
        current = self.current.key
        planned_total = planned_so_far = remaining = 0.0
        for step in self.steps:
            planned_total += step.minutes
            if self.is_done(step.key) or self.is_skipped(step.key):
                planned_so_far += step.minutes
            elif step.key == current:
                # Time spent on the current step counts as planned up to its minutes; beyond that the room is late.
                spent = self.elapsed(step.key) / 60
                planned_so_far += min(spent, step.minutes)
                remaining += max(0.0, self.remaining(step.key) / 60)
            else:
                remaining += step.minutes
        planned_total = max(0.0, planned_total - planned_before)
        if started is None:
            actual = 0.0
        elif over:
            actual = max(0.0, self._timed() - timed_before) / 60
        else:
            actual = max(0.0, now - started) / 60
        return DayClock(
            started_at=started,
            now=now,
            planned_total=planned_total,
            # Below 0 when a step got through on an earlier day is to come again today (undone, or jumped past
            # unfinished): its minutes are back in ``remaining``, so the room is that much further behind.
            planned_so_far=planned_so_far - planned_before,
            actual=actual,
            remaining=remaining,
            planned_finish=None if started is None else started + planned_total * 60,
            over=over,
            earlier=earlier,
            utc_offset=self.state.day_utc_offset,
        )

    def new_day_waits(self) -> bool:
        """Another day cannot start yet: the day under way, the first too, started on today's date (the facilitator's
        calendar). A day is a date to the room and to the summary, which names the dates met on; a day started on top
        of it would be counted by the console alone ("Day 2" of a boot camp the summary says met on one date)."""
        started = self.state.day_started_at
        if started is None:
            return False
        return facilitators_date(started, self.state.day_utc_offset) == facilitators_date(self.clock.now())

    def resuming(self) -> Resuming | None:
        """What starting the clocks now does to the day, from when they last ran (:meth:`last_ran`); None before the
        day started and while a clock runs."""
        last = self.last_ran()
        if last is None or self.running:
            return None
        return after_pause(last, self.clock.now())

    def last_ran(self) -> float | None:
        """When the day's clocks last ran: when they last stopped, as the state keeps it; None before the day started.

        A state from before that was kept is read as near as it tells. A paused timer keeps no time of its pause, so:
        the last save, when it came a short pause after the day's start plus what its clocks counted (the pause
        itself, or a move soon after it); else that start plus what they counted, which is never later than their
        last pause (a pause of hours earlier in the day made a later break of an hour read as hours). A save hours
        after that (the next morning's move to the welcome-back step before t) is not the day running on."""
        started = self.state.day_started_at
        if started is None:
            return None
        if self.state.clocks_stopped_at is not None:
            return self.state.clocks_stopped_at
        counted_to = started + max(0.0, self._timed() - self._timed_before())
        saved = self.state.updated_at
        if counted_to <= saved < counted_to + SHORT_PAUSE_SECONDS:
            return saved
        return counted_to

    def _timed_before(self) -> float:
        """Seconds the step timers counted on the days before this one."""
        return sum(day.actual for day in self.state.earlier_days) * 60

    def _timed(self) -> float:
        """Seconds the step timers counted, every step's: a day that is over, as its steps took it."""
        now = self.clock.now()
        return sum(timer.elapsed_at(now) for timer in self.state.timers.values())


def _mark(state: WorkshopState, key: str, *, done: bool = False, skipped: bool = False) -> WorkshopState:
    """Done and skipped exclude each other: the last decision about a step wins."""
    return replace(
        state,
        done=_with(state.done, key) if done else _without(state.done, key),
        skipped=_with(state.skipped, key) if skipped else _without(state.skipped, key),
    )


def _with(keys: tuple[str, ...], key: str) -> tuple[str, ...]:
    return keys if key in keys else (*keys, key)


def _without(keys: tuple[str, ...], key: str) -> tuple[str, ...]:
    return tuple(k for k in keys if k != key)


def format_duration(seconds: float) -> str:
    """``12:05`` for a countdown; ``1:02:05`` past an hour; a leading ``-`` once over time."""
    sign = "-" if seconds < 0 else ""
    whole = math.ceil(abs(seconds) - 1e-9)  # a countdown shows 0:01 until it really reaches zero
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def format_minutes(minutes: float) -> str:
    """``45 min``, ``1 h 05``: how a facilitator says a span of the day."""
    whole = round(abs(minutes))
    hours, mins = divmod(whole, 60)
    return f"{hours} h {mins:02d}" if hours else f"{mins} min"

"""The workshop that is open in the console: its content, where the room is, and saving that.

Screens change the room's position only through :meth:`RunningWorkshop.change`, which
keeps the new :class:`WorkshopState` in memory at once (the UI never waits on the disk)
and hands the save to the ordered writer, which retries a failing save until it succeeds;
a failure is shown until then.
No Textual here: the app forwards the writer's results in from its thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bootcamp import poker_turns
from bootcamp.clock import Clock
from bootcamp.content.model import Program
from bootcamp.flow import Flow
from bootcamp.store.model import Answer, Room, WorkshopInfo, WorkshopState
from bootcamp.ui.live_room import LiveRoom
from bootcamp.ui.saving import SaveStatus, SaveTracker

if TYPE_CHECKING:
    from bootcamp.store import WorkshopFiles
    from bootcamp.store.writer import OrderedWriter
    from bootcamp.summary import CommitmentReport

STATE_JOB = "state"


class RunningWorkshop:
    def __init__(
        self,
        *,
        info: WorkshopInfo,
        program: Program,
        files: WorkshopFiles,
        state: WorkshopState,
        writer: OrderedWriter,
        clock: Clock,
        answers: list[Answer] | None = None,
        room: Room | None = None,
    ) -> None:
        self.program = program
        self.files = files
        self.writer = writer
        self.clock = clock
        self.tracker = SaveTracker(f"{STATE_JOB}-{info.id}-")
        self.live = LiveRoom(
            files=files,
            info=info,
            answers=answers or [],
            room=room if room is not None else Room(),
            program=program,
            writer=writer,
            tracker=self.tracker,
            clock=clock,
        )
        self.over_time_signalled: set[str] = set()  # steps whose over-time signal was given
        # Presenter, blank and private entry are how the console was showing things when it
        # stopped, not where the room is: a reopened workshop starts at the console, and a
        # projector window left black by a console that crashed while blanked lights up again.
        self.state = replace(state, presenter=False, blank=False, private_entry=False)
        self.flow = Flow(program, info.agenda, self.state, clock)
        self._display_reset = self.state != state  # saved by start(), once the app hears this workshop's saves

    def start(self) -> None:
        """The console has opened this workshop: store the display state it starts with, if that changed."""
        if self._display_reset:
            self._display_reset = False
            self._save(self.state)

    @classmethod
    def load(cls, files: WorkshopFiles, writer: OrderedWriter, clock: Clock) -> RunningWorkshop:
        """Read everything the console shows (call it in a worker: it reads every file of the workshop)."""
        return cls(
            info=files.info(),
            program=files.program(),
            files=files,
            state=files.state(),
            writer=writer,
            clock=clock,
            answers=files.answers(),
            room=files.room(),
        )

    @property
    def info(self) -> WorkshopInfo:
        return self.live.info

    @property
    def save_status(self) -> SaveStatus:
        return self.tracker.status

    def change(self, move: Callable[[Flow], WorkshopState]) -> WorkshopState:
        """Apply a move to the room's state, keep it, and queue its save."""
        self.set_state(move(self.flow))
        return self.state

    def set_state(self, state: WorkshopState) -> None:
        self.state = state
        self.flow = Flow(self.program, self.info.agenda, state, self.clock)
        self._save(state)

    def show(self, *, presenter: bool | None = None, blank: bool | None = None) -> None:
        """Record what the console shows, for a projector window that follows this state."""
        state = self.state
        if presenter is not None:
            state = replace(state, presenter=presenter)
        if blank is not None:
            state = replace(state, blank=blank)
        if state != self.state:
            self.set_state(replace(state, updated_at=self.clock.now()))

    def toggle(self, field_name: str, step_key: str) -> bool:
        """Add the step to, or take it from, one of the state's step sets (``revealed``, ``secret``); True if now in."""
        keys: tuple[str, ...] = getattr(self.state, field_name)
        now_in = step_key not in keys
        changed = (*keys, step_key) if now_in else tuple(k for k in keys if k != step_key)
        self.set_state(replace(self.state, **{field_name: changed}, updated_at=self.clock.now()))
        return now_in

    def set_private_entry(self, on: bool) -> None:
        """Private entry hides answers on every screen that follows this state, a projector window too."""
        if self.state.private_entry != on:
            self.set_state(replace(self.state, private_entry=on, updated_at=self.clock.now()))

    def discuss_card(self, card_id: str) -> None:
        """The room turns to an Aptitude Poker card: its clock starts, the card before pauses."""
        self.set_state(poker_turns.discuss(self.state, card_id, self.clock.now()))

    def toggle_card_clock(self) -> None:
        self.set_state(poker_turns.toggle(self.state, self.clock.now()))

    def _save(self, state: WorkshopState) -> None:
        files = self.files
        self.writer.submit(self.tracker.new_job(STATE_JOB), lambda: files.save_state(state))

    def saved(self, job_id: str, error: BaseException | None) -> SaveStatus:
        """Take in a writer result (on the UI's thread); returns the new status.

        The writer retries a failed save until it succeeds, so a failure keeps the save
        pending and is shown until the success report arrives.
        """
        return self.tracker.result(job_id, error)

    def report(self, as_of: date | None = None) -> CommitmentReport:
        """The commitment-test summary of the room as it stands in memory (nothing is read from disk).

        ``as_of`` decides which actions are overdue (default: the workshop's date).
        """
        from bootcamp.summary import build_report

        data = self.live.data
        return build_report(self.program, data.info, data.answers, data.room, self.state, as_of=as_of)

    def close(self) -> WorkshopState:
        """Pause the running timer so reopening shows it where it was left; queue that save."""
        if self.flow.running:
            self.change(Flow.pause)
        return self.state

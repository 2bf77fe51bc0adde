"""The workshop that is open in the console: its content, where the room is, and saving that.

Screens change the room's position only through :meth:`RunningWorkshop.change`, which
keeps the new :class:`WorkshopState` in memory at once (the UI never waits on the disk)
and hands the save to the ordered writer, which retries a failing save until it succeeds;
a failure is shown until then.
No Textual here: the app forwards the writer's results in from its thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from bootcamp.clock import Clock
from bootcamp.content.model import Program
from bootcamp.flow import Flow
from bootcamp.store.model import WorkshopInfo, WorkshopState
from bootcamp.ui.saving import SaveStatus

if TYPE_CHECKING:
    from bootcamp.store import WorkshopFiles
    from bootcamp.store.writer import OrderedWriter

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
    ) -> None:
        self.info = info
        self.program = program
        self.files = files
        self.writer = writer
        self.clock = clock
        self.save_status = SaveStatus()
        self.over_time_signalled: set[str] = set()  # steps whose over-time signal was given
        self._jobs = itertools.count(1)
        self._job_prefix = f"{STATE_JOB}-{info.id}-"
        # Presenter and blank are how the console was showing things when it stopped, not
        # where the room is: a reopened workshop starts at the console.
        self.state = replace(state, presenter=False, blank=False)
        self.flow = Flow(program, info.agenda, self.state, clock)

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

    def _save(self, state: WorkshopState) -> None:
        job_id = f"{self._job_prefix}{next(self._jobs)}"
        self.save_status = replace(self.save_status, pending=self.save_status.pending + 1)
        files = self.files
        self.writer.submit(job_id, lambda: files.save_state(state))

    def saved(self, job_id: str, error: BaseException | None) -> SaveStatus:
        """Take in a writer result (on the UI's thread); returns the new status.

        The writer retries a failed save until it succeeds, so a failure keeps the save
        pending and is shown until the success report arrives.
        """
        if not job_id.startswith(self._job_prefix):  # another workshop's save, or not a state save
            return self.save_status
        if error is not None:
            self.save_status = replace(self.save_status, error=str(error) or type(error).__name__)
        else:
            self.save_status = SaveStatus(pending=max(0, self.save_status.pending - 1))
        return self.save_status

    def close(self) -> WorkshopState:
        """Pause the running timer so reopening shows it where it was left; queue that save."""
        if self.flow.running:
            self.change(Flow.pause)
        return self.state

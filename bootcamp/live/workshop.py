"""The live workshop: one open workshop's flow, records, undo, saving, and the one notification out.

Every change comes in as a method call that says who made it (the console, a phone) and goes
out as one :class:`~bootcamp.live.changes.Change` to every listener: what changed, a version
and the save status. The workshop belongs to one asyncio loop (the console's): its own ordered
writer saves off that loop, and the writer's results come back to it with
``loop.call_soon_threadsafe``, never into it from the writer's thread. Front ends never open
the store's files to change a workshop. No Textual here: plain pytest tests it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bootcamp import poker_turns
from bootcamp.clock import Clock, Reading
from bootcamp.content.model import Program
from bootcamp.flow import Flow
from bootcamp.live import requests as asked
from bootcamp.live.actors import CONSOLE, Actor
from bootcamp.live.changes import Change, Listener, Part
from bootcamp.live.record_changes import Undone
from bootcamp.live.records import LiveRecords
from bootcamp.live.saving import SaveStatus, SaveTracker
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import Answer, RoomRecords, WorkshopInfo, WorkshopState
from bootcamp.store.writer import DEFAULT_BACKOFF, OrderedWriter

if TYPE_CHECKING:
    from bootcamp.store import WorkshopFiles
    from bootcamp.store.owner_lock import OwnerLock
    from bootcamp.summary import CommitmentReport

STATE_RECORD = "state"
CLOSE_SECONDS = 5.0  # how long closing waits for pending saves before saying what is left


class NotStarted(RuntimeError):
    """A change before :meth:`LiveWorkshop.start`: the workshop has no loop to report saves to yet."""


class LiveWorkshop:
    def __init__(
        self,
        *,
        info: WorkshopInfo,
        program: Program,
        files: WorkshopFiles,
        state: WorkshopState,
        clock: Clock,
        answers: Sequence[Answer] = (),
        room: RoomRecords | None = None,
        voted: dict[str, tuple[str, ...]] | None = None,
        owner: OwnerLock | None = None,
        backoff: Sequence[float] = DEFAULT_BACKOFF,
    ) -> None:
        self.program = program
        self.files = files
        self.clock = clock
        self.owner = owner  # the lock that makes this process the workshop's one writer
        self.tracker = SaveTracker(f"{info.id}-")
        self.records = LiveRecords(
            files=files,
            info=info,
            answers=list(answers),
            room=room if room is not None else RoomRecords(),
            voted=voted or {},
            program=program,
            tracker=self.tracker,
            clock=clock,
            commit=self._commit,
            check=self._check_started,
        )
        self.version = 0
        self.over_time_signalled: set[str] = set()  # steps whose over-time signal was given
        # When a console last showed the time (its tick), on the wall clock and the monotonic clock: a laptop asleep
        # overnight since then left the clocks running; wall time since then that monotonic time did not count (asleep
        # at lunch, a clock set right) is not the room's.
        self.seen: Reading | None = None
        # Notices for the facilitator (a clock held still) kept while presenter mode shows the room the slide: the
        # console says them when it is back. (Said, how many seconds to show it.)
        self.untold: list[tuple[str, float]] = []
        # Presenter, blank and private entry are how the console was showing things when it
        # stopped, not where the room is: a reopened workshop starts at the console, and a
        # projector window left black by a console that crashed while blanked lights up again.
        self.state = replace(state, presenter=False, blank=False, private_entry=False)
        self.flow = Flow(program, info.agenda, self.state, clock, answered=self._answered)
        self._display_reset = self.state != state  # stored by start(), once saves can be reported
        self._listeners: list[Listener] = []
        self._backoff = tuple(backoff)
        self._writer: OrderedWriter | None = None
        # abandon_saves gave up saves not done: what was not on disk then is lost (a phone that sent it says so).
        self.saves_given_up = False

    @classmethod
    def open(cls, files: WorkshopFiles, clock: Clock, *, purpose: str = "") -> LiveWorkshop:
        """Open as the workshop's one owner (a console, unless ``purpose`` says what else): its owner lock first
        (else :class:`WorkshopBusy`, one sentence naming host, process and since when), then an import left
        pending finished (else a StoreError saying why), then every file read (call it off the loop)."""
        from bootcamp.store.owner_lock import CONSOLE, OwnerLock

        owner = OwnerLock(files.path, purpose=purpose or CONSOLE, clock=clock).acquire()
        try:
            files.finish_import()  # an answer saved under a pending import would be overwritten when it is finished
            return cls.load(files, clock, owner=owner)
        except BaseException:
            owner.release()
            raise

    @classmethod
    def load(
        cls,
        files: WorkshopFiles,
        clock: Clock,
        *,
        owner: OwnerLock | None = None,
        backoff: Sequence[float] = DEFAULT_BACKOFF,
    ) -> LiveWorkshop:
        """Read everything the console shows (call it off the loop: it reads every file of the workshop)."""
        return cls(
            backoff=backoff,
            info=files.info(),
            program=files.program(),
            files=files,
            state=files.state(),
            clock=clock,
            answers=files.answers(),
            room=files.room(),
            voted=files.voted(),
            owner=owner,
        )

    # -- the loop, the writer and the listeners ---------------------------------------------------------------

    def start(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """Belong to ``loop`` (the running one by default), start the writer, store the display state it starts with."""
        if self._writer is not None:
            return
        report = (loop or asyncio.get_running_loop()).call_soon_threadsafe

        def reported(job_id: str, error: BaseException | None) -> None:
            # A loop closed under a save still retrying (the front end ended): nobody is left to show it to.
            with contextlib.suppress(RuntimeError):
                report(self._saved, job_id, error)

        self._writer = OrderedWriter(
            reported,
            backoff=self._backoff,
            name=f"bootcamp-writer-{self.info.id}",
        )
        if self._display_reset:
            self._display_reset = False
            self._save_state(self.state, CONSOLE)

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every :class:`Change`, on the workshop's loop; returns what stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @property
    def accepting(self) -> bool:
        """True from start() until closed: changes can be saved."""
        return self._writer is not None

    @property
    def save_status(self) -> SaveStatus:
        return self.tracker.status

    def _check_started(self) -> None:
        if self._writer is None:
            raise NotStarted(f"workshop {self.info.id} is not open on a loop: nothing could be saved")

    def _commit(self, record: str | tuple[str, ...], save: Callable[[], None], part: Part, by: Actor) -> None:
        """Queue one save (of one record, or of several saved at once) and tell the listeners: the one path every
        change takes."""
        # Every way in refused the change before touching memory if there were no writer (_check_started).
        assert self._writer is not None, "a change got past the started check"
        self.version += 1
        self._writer.submit(self.tracker.new_job(record), save)
        self._tell(Change(frozenset({part}), self.version, self.tracker.status, by))

    def _saved(self, job_id: str, error: BaseException | None) -> None:
        """A writer result, on the loop. A failure keeps the save pending (the writer retries) and is shown."""
        if not self.tracker.owns(job_id):
            return
        status = self.tracker.result(job_id, error)
        self._tell(Change(frozenset({Part.SAVING}), self.version, status))

    def _tell(self, change: Change) -> None:
        for listener in tuple(self._listeners):
            listener(change)

    async def settled(self, timeout: float = CLOSE_SECONDS) -> bool:
        """Wait, off the loop, until every queued save is on disk and its result is taken in."""
        if self._writer is None:
            return True
        done = await asyncio.to_thread(self._writer.flush, timeout)
        await asyncio.sleep(0)  # the results were handed to the loop before flush returned: let them run
        return done

    def abandon_saves(self) -> SaveStatus:
        """Stop the writer at once, what it has not saved given up (the console quits anyway, on a disk still
        refusing them); how the saves stood then. The owner lock goes with the process."""
        status = self.tracker.status
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.close(timeout=0)
            self.saves_given_up = self.saves_given_up or bool(status.pending)
        return status

    def leave(self) -> None:
        """The console leaves the workshop: the running timer paused, so reopening shows it where it was left."""
        if self._writer is not None and self.flow.running:
            self.move(Flow.pause)

    async def close(self, timeout: float = CLOSE_SECONDS, *, pause: bool = True) -> bool:
        """Leave the workshop: the running timer paused, every save finished, the writer stopped, the lock let go.

        ``pause`` False: the timer left running, as a crash leaves it (nobody chose to stop the day: a terminal
        window closed), so the reopened workshop counts the time that passed. False if some saves were not done
        in ``timeout`` seconds (they are not lost while the process lives: the writer thread is closed only once
        they are, and the lock is kept till then).
        """
        if pause:
            self.leave()
        done = await self.settled(timeout)
        if done:
            await self.release()
        return done

    async def release(self, timeout: float = CLOSE_SECONDS) -> bool:
        """Stop the writer (waiting for what is pending) and let go of the owner lock."""
        done = True
        if self._writer is not None:
            writer, self._writer = self._writer, None
            done = await asyncio.to_thread(writer.close, timeout)
        if self.owner is not None and done:
            self.owner.release()
        self._listeners.clear()
        return done

    # -- reading --------------------------------------------------------------------------------------------

    @property
    def info(self) -> WorkshopInfo:
        return self.records.info

    @property
    def snapshot(self) -> WorkshopSnapshot:
        """What the room has said, as one read-only value (made again only after a change)."""
        return self.records.data

    def report(self, as_of: date | None = None) -> CommitmentReport:
        """The commitment-test summary of the workshop as it stands in memory (nothing is read from disk).

        ``as_of`` decides which actions are overdue (default: the workshop's date).
        """
        from bootcamp.summary import build_report

        data = self.records.data
        return build_report(self.program, data.info, data.answers, data.room, self.state, as_of=as_of)

    # -- where the room is ----------------------------------------------------------------------------------

    def _answered(self, step_key: str) -> bool:
        """Whether the room has answered a step (the flow asks: answers win over a skip)."""
        return bool(self.records.data.answers_for(step_key))

    def move(self, move: Callable[[Flow], WorkshopState], *, by: Actor = CONSOLE) -> WorkshopState:
        """Apply a move to the room's state (next, jump, timer …), keep it, and queue its save; a move that gives the
        state back as it was (nothing left to take off a timer) saves nothing."""
        moved = move(self.flow)
        if moved is not self.state:
            self.set_state(moved, by=by)
        return self.state

    def set_state(self, state: WorkshopState, *, by: Actor = CONSOLE) -> None:
        self._check_started()
        self.state = state
        self.flow = Flow(self.program, self.info.agenda, state, self.clock, answered=self._answered)
        self._save_state(state, by)

    def show(self, *, presenter: bool | None = None, blank: bool | None = None, by: Actor = CONSOLE) -> None:
        """Record what the console shows, for a projector window that follows this state."""
        state = self.state
        if presenter is not None:
            state = replace(state, presenter=presenter)
        if blank is not None:
            state = replace(state, blank=blank)
        if state != self.state:
            self.set_state(replace(state, updated_at=self.clock.now()), by=by)

    def toggle(self, field_name: str, step_key: str, *, by: Actor = CONSOLE) -> bool:
        """Add the step to, or take it from, one of the state's step sets (``revealed``, ``secret``); True if now in."""
        keys: tuple[str, ...] = getattr(self.state, field_name)
        now_in = step_key not in keys
        changed = (*keys, step_key) if now_in else tuple(k for k in keys if k != step_key)
        self.set_state(replace(self.state, **{field_name: changed}, updated_at=self.clock.now()), by=by)
        return now_in

    def set_private_entry(self, on: bool, *, by: Actor = CONSOLE) -> None:
        """Private entry hides answers on every screen that follows this state, a projector window too."""
        if self.state.private_entry != on:
            self.set_state(replace(self.state, private_entry=on, updated_at=self.clock.now()), by=by)

    def discuss_card(self, card_id: str, *, by: Actor = CONSOLE) -> None:
        """The room turns to an Aptitude Poker card: its clock starts, the card before pauses."""
        self.set_state(poker_turns.discuss(self.state, card_id, self.clock.now()), by=by)

    def toggle_card_clock(self, *, by: Actor = CONSOLE) -> None:
        self.set_state(poker_turns.toggle(self.state, self.clock.now()), by=by)

    def _save_state(self, state: WorkshopState, by: Actor) -> None:
        files = self.files
        self._commit(STATE_RECORD, lambda: files.save_state(state), Part.POSITION, by)

    # -- what people did ------------------------------------------------------------------------------------

    def undo(self, *, by: Actor = CONSOLE) -> Undone | None:
        """Take back the last change to the records: what it was and whose, or None."""
        return self.records.undo(by=by)

    def apply(self, request: asked.Request, *, by: Actor = CONSOLE) -> None:
        """Carry out what a front end asked for (a widget's message, a phone's form)."""
        records = self.records
        match request:
            case asked.GiveAnswer():
                records.set_answer(
                    request.participant_id,
                    request.step_key,
                    request.value,
                    item=request.item,
                    perspective=request.perspective,
                    comment=request.comment,
                    by=by,
                )
            case asked.CommentAnswer():
                records.set_comment(
                    request.participant_id,
                    request.step_key,
                    request.comment,
                    item=request.item,
                    perspective=request.perspective,
                    by=by,
                )
            case asked.ClearAnswer():
                records.clear_answer(
                    request.participant_id, request.step_key, item=request.item, perspective=request.perspective, by=by
                )
            case asked.CastBallot():
                records.cast_ballot(
                    request.step_key,
                    request.picks,
                    request.comment,
                    ballot_id=request.ballot_id,
                    voter=request.voter,
                    by=by,
                )
            case asked.WithdrawBallot():
                records.withdraw_ballot(request.step_key, request.ballot_id, by=by)
            case asked.PutNote():
                records.put_note(request.step_key, request.text, note_id=request.note_id, quick=request.quick, by=by)
            case asked.DropNote():
                records.drop_note(request.note_id, by=by)
            case asked.PutRoleLine():
                records.put_role_line(request.text, line_id=request.line_id, decision=request.decision, by=by)
            case asked.PutRoleLines():
                records.put_role_lines(request.texts, source=request.source, by=by)
            case asked.DropRoleLine():
                records.drop_role_line(request.line_id, by=by)
            case asked.PutAction():
                action = request.action if request.action.id else replace(request.action, id=request.action_id)
                records.put_action(action, by=by)
            case asked.DropAction():
                records.drop_action(request.action_id, by=by)
            case asked.DealPoker():
                records.deal_poker(by=by)
            case asked.HandPokerCards():
                records.hand_poker_cards(dict(request.holders), by=by)
            case asked.PutPokerNote():
                records.put_poker_note(request.card_id, request.prompt_id, request.text, by=by)
            case asked.DiscussCard():
                self.discuss_card(request.card_id, by=by)
            case asked.ToggleCardClock():
                self.toggle_card_clock(by=by)

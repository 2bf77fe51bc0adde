"""The moves both the console and presenter mode offer, on the open workshop.

Each action changes the room's state through :class:`LiveWorkshop` (which queues the
save) and then asks the screen to show the new state. What the widgets ask for (an answer, a
note …) goes through the app's one request handler; what changed comes back as the app's
``live_change``, which redraws the screen. Bindings stay with each screen:
presenter mode answers a presentation clicker's keys, the console leaves letters to
focused widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

from bootcamp.clock import Reading
from bootcamp.facilitators_day import DAY_TURNS_AT_HOURS, on_room_clock, room_clock_time, wall_seconds
from bootcamp.flow import Flow, Resuming, format_minutes, held_still, stopped_when_left
from bootcamp.live.changes import Change, Part
from bootcamp.live.saving import SaveStatus
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store.model import WorkshopState
from bootcamp.store.projector_lock import projector_following
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.steps import StepView
from bootcamp.ui.widgets.timer import OVER_TIME

if TYPE_CHECKING:
    from bootcamp.ui.app import BootcampApp

OVER_TIME_SAID = OVER_TIME.capitalize()  # the console's toast, while its step is shown; presenter mode takes it down
TICK_SECONDS = 1.0
# What - and T do (their tooltips, in help and the command palette): time the room did not spend on the step.
TAKE_MINUTES_SAID = "Take 2 minutes off the step timer (undoes +)"
START_OVER_SAID = "Start the step timer over: nothing counted, no minutes added"
NEW_DAY_SAID = "Start the next day, on a later date (clock paused): this day kept as it went"


class WalkScreen(LetsGoOfAppWatches, Screen[None]):
    """A screen that walks the open workshop; subclasses say how to show it
    (:meth:`show_step`, :meth:`show_position`, :meth:`show_time`)."""

    class Moved(Message):
        """The room's state changed and the screen shows it."""

        def __init__(self, step_key: str) -> None:
            super().__init__()
            self.step_key = step_key

    class OverTime(Message):
        """The current step's running timer reached zero (posted once per step)."""

        def __init__(self, step_key: str) -> None:
            super().__init__()
            self.step_key = step_key

    def __init__(self, workshop: LiveWorkshop) -> None:
        super().__init__()
        self.workshop = workshop
        self._shown_step = ""
        self._shown_state: WorkshopState | None = None
        self._asked_after: float | None = None  # the pause t last asked about: t again carries the day on

    @property
    def bootcamp(self) -> BootcampApp:
        return self.app  # type: ignore[return-value]

    @property
    def flow(self) -> Flow:
        return self.workshop.flow

    def on_mount(self) -> None:
        # Textual calls each class's on_mount in turn: subclasses must not call this one again.
        self.set_interval(TICK_SECONDS, self.tick)
        self.watch(self.app, "live_change", self._live_changed, init=False)

    async def _live_changed(self, change: Change | None) -> None:
        if change is None:
            return
        moved = change.touches(Part.POSITION) and self.workshop.state is not self._shown_state
        if moved and self.app.screen is self:  # a screen in front (presenter …) shows it; resuming catches up
            await self.show_state()  # a widget moved the room (a Poker card, its clock)
        elif self.is_current and change.touches(Part.RECORDS, Part.ROSTER, Part.SAVING):
            self.show_room()  # what the room said, and the save marks beside it
        self.show_saving(change.save_status)

    def show_saving(self, status: SaveStatus) -> None:
        """Show how the saves stand (the console's status bar); nothing by default."""

    async def on_screen_resume(self) -> None:
        self.tell_what_was_kept()
        # Another screen (presenter, jump, blank) may have moved the room meanwhile.
        if self.workshop.state is not self._shown_state:
            await self.show_state()
        else:
            self.show_room()  # a roster or private-entry screen may have changed the room

    # -- showing ---------------------------------------------------------------------------------------------

    async def show_state(self) -> None:
        flow = self.flow
        self._shown_state = flow.state
        step = flow.current
        if step.key != self._shown_step:
            self._shown_step = step.key
            self.arrive_quietly_if_over_time(flow)
            await self.show_step(flow)
        self.show_room()
        self.show_position(flow)
        self.tick()
        self.post_message(self.Moved(step.key))

    async def show_step(self, flow: Flow) -> None:
        """Show a different current step (its body, notes …)."""
        raise NotImplementedError

    def show_position(self, flow: Flow) -> None:
        """Show where the room is: marks, counters, save status."""
        raise NotImplementedError

    def show_room(self) -> None:
        """Show what the room has said on the current step (answers, tallies, notes)."""
        for view in self.step_views():
            if view.is_mounted:  # not one still being composed, or already on its way out
                view.show_room(self.workshop.records.data, self.workshop.state)

    def step_views(self) -> list[StepView]:
        """The step views shown (a query of the whole screen; a screen that knows where they are says so)."""
        return list(self.query(StepView))

    def show_time(self, flow: Flow) -> None:
        """Show the timer and the day clock as of now."""
        raise NotImplementedError

    def tick(self) -> None:
        self.stop_clocks_left_running()
        flow = self.flow
        self.show_time(flow)
        key = flow.current.key
        signalled = self.workshop.over_time_signalled
        if not flow.over_time():
            signalled.discard(key)  # time was added: signal again when that runs out
        elif flow.running and key not in signalled and self.app.screen is self:  # not over the summary, nor a dialog
            signalled.add(key)
            self.signal_over_time()
            self.post_message(self.OverTime(key))

    def stop_clocks_left_running(self) -> None:
        """Clocks left running overnight stop when the console was last there, said once: closed with a clock running
        and reopened the next day or months later (a CCO rereading the notes read a step timer of months), or left
        open on a laptop that slept the night (it woke to a step timer of fifteen hours). A shorter sleep (the lid
        closed at lunch) or a clock set right holds the running clocks still over the jump: the room was not there
        (it woke to a step 43 minutes over)."""
        workshop = self.workshop
        reading = Reading.of(workshop.clock)
        now = reading.wall
        last_reading, workshop.seen = workshop.seen, reading
        seen = last_reading.wall if last_reading is not None else None
        stopped = stopped_when_left(workshop.state, now, seen_at=seen)
        if stopped is None:
            if last_reading is not None:
                self.hold_clocks_over_a_jump(last_reading, reading)
            return
        asleep = seen is not None and seen > workshop.state.updated_at
        left = seen if asleep and seen is not None else workshop.state.updated_at
        days = self.flow.day_clock().room_days  # the room's clock, as the day clock reads the day
        when = on_room_clock(left, days)
        workshop.move(lambda _flow: stopped)
        last = "this console was last seen" if asleep else "this workshop was last saved"
        self.tell_console(
            f"The clocks were left running when {last}, {when.day} {when:%b} at {room_clock_time(left, days)}: "
            "they stopped then.",
            timeout=8,
        )

    def hold_clocks_over_a_jump(self, before: Reading, after: Reading) -> None:
        """Wall time that monotonic time did not count since the last tick is not the room's: the running clocks
        hold still over it (stored like a pause), said once."""
        jumped = before.jumped_to(after)
        if not jumped:
            return
        held = held_still(self.workshop.state, before.wall, jumped, after.wall)
        if held is None:
            return
        self.workshop.move(lambda _flow: held)
        if jumped > 0:
            asleep, awake = datetime.fromtimestamp(after.wall - jumped), datetime.fromtimestamp(after.wall)
            said = (
                f"The timer stood still for the {format_minutes(jumped / 60)} the laptop slept or its clock jumped "
                f"({asleep:%H:%M} to {awake:%H:%M})."
            )
        else:
            said = f"The laptop's clock was set back {format_minutes(-jumped / 60)}: the timer kept its count."
        self.tell_console(said, timeout=6)

    def tell_console(self, message: str, *, timeout: float) -> None:
        """A quiet notice for the facilitator; presenter mode keeps it for the console (the room sees that screen)."""
        if self.workshop.state.presenter:
            self.workshop.untold.append((message, timeout))
            return
        self.notify(message, markup=False, timeout=timeout)

    def tell_what_was_kept(self) -> None:
        """Say the notices kept while presenter mode showed the slide, once."""
        untold, self.workshop.untold = self.workshop.untold, []
        for message, timeout in untold:
            self.tell_console(message, timeout=timeout)

    def signal_over_time(self) -> None:
        """A calm, non-modal signal: a toast the facilitator can ignore."""
        self.notify(OVER_TIME_SAID, title=self.flow.current.title, severity="warning", markup=False)

    def arrive_quietly_if_over_time(self, flow: Flow) -> None:
        """A step arrived at: the toast of the step left goes with it, and one that ran over before (stepping back
        through a day that ran long) says so on its timer, not in a toast per step passed: the toast is for a step
        running out while it is shown. Presenter mode arrives too when it opens: the console's toast, raised a moment
        before F5, stayed over the projected slide for seconds, where the slide's bottom line says it."""
        self.take_down_over_time_toasts()
        if flow.over_time():
            self.workshop.over_time_signalled.add(flow.current.key)

    def take_down_over_time_toasts(self) -> None:
        # Textual has no public way to take down one notification: its own collection and _unnotify are used.
        app = self.app
        for notification in [n for n in app._notifications if n.message == OVER_TIME_SAID]:
            app._unnotify(notification)

    def signal_reveal(self, shown: bool | None) -> None:
        """Say what ``r`` did: results now shown (True), hidden (False), or nothing to reveal here (None)."""

    # -- leaving ---------------------------------------------------------------------------------------------

    def leave_reasons(self) -> list[str]:
        """Why leaving now would show the room something (empty: nothing watches, leave at once)."""
        reasons: list[str] = []
        if self.workshop.state.presenter:
            reasons.append("presenter mode shows its slide")
        if projector_following(self.workshop.files.path):
            reasons.append("a projector window follows it")
        if self.bootcamp.console_joining is not None:
            reasons.append("phones are joined (leaving stops them)")
        saving = self.bootcamp.save_status
        if saving.error:  # leaving at once would hide the failing saves behind the list of workshops
            reasons.append(f"saves are failing ({saving.brief or saving.error})")
        return reasons

    def action_leave_workshop(self) -> None:
        """Back to the workshops: at once when nothing watches, else only once confirmed."""
        reasons = self.leave_reasons()
        if not reasons:
            self.bootcamp.leave_workshop()
            return
        from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen

        def chosen(leave: bool | None) -> None:
            if leave:
                self.app.call_later(self.bootcamp.leave_workshop)  # once the dialog is gone

        asked = LeaveConfirmScreen(self.workshop.info.name, reasons, saving=self.bootcamp.save_status)
        self.app.push_screen(asked, chosen)

    # -- moves -----------------------------------------------------------------------------------------------

    async def change(self, move: Callable[[Flow], WorkshopState]) -> None:
        self.workshop.move(move)
        await self.show_state()

    async def action_next(self) -> None:
        await self.change(Flow.next)

    async def action_previous(self) -> None:
        await self.change(Flow.previous)

    # s skips for time only a step nobody has answered: typed as a rating without a first ("smw"), it skipped a
    # fully rated step. Skipping it would lose nothing the room said, but would say "skipped for time" of a step
    # the room did; → moves on from it, marking it done.
    SKIP_REFUSED = "The room has worked on this step: → moves on; s skips only steps with nothing from the room."

    async def action_skip(self) -> None:
        from bootcamp.summary.coverage import worked_on

        step = self.flow.current
        answered = bool(self.workshop.snapshot.answers_for(step.key))
        # Role lines, a Poker deal or a room note are the room's work as much as answers: "skipped for time"
        # would hide them in the summary's coverage (a stray s in "shift-Tab" skipped a role check with lines).
        if worked_on(self.flow.program, step, self.workshop.records.room, answered):
            self.notify(self.SKIP_REFUSED, title=self.flow.current.title, markup=False, timeout=4)
            return
        await self.change(Flow.skip)

    async def action_toggle_done(self) -> None:
        await self.change(Flow.toggle_done)

    async def action_toggle_timer(self) -> None:
        """Start or pause the clock. After a pause the app cannot read (hours, no night) the first t only says what
        t again and D do; after a night it starts the next day and says so."""
        flow = self.flow
        resuming, last = flow.resuming(), flow.last_ran()
        # Presenter mode keeps notices for the console, so a question there would go unseen: the day carries on.
        # (Only a pause past the day's turn at 04:00 is unsure, so D, which it offers, may start the next day.)
        if resuming is Resuming.UNSURE and last != self._asked_after and not self.workshop.state.presenter:
            self._asked_after = last
            self.tell_console(self._unsure_said(flow), timeout=10)
            return
        await self.change(Flow.toggle_timer)
        if resuming is Resuming.NEW_DAY:
            self._tell_new_day()

    async def action_new_day(self) -> None:
        """The next day starts now, whatever the pause: the facilitator knows what the app cannot."""
        flow = self.flow
        if flow.state.day_started_at is None:
            self.tell_console("The day has not started: t starts it.", timeout=4)
        elif flow.new_day_waits():  # a day is a date, to the room and to the summary: no day piled on today's
            self.tell_console(self._new_day_waits_said(flow), timeout=6)
        elif flow.running:
            self.tell_console("The clock runs: D starts the next day once t has paused it.", timeout=4)
        else:
            await self.change(lambda flow: flow.start(new_day=True))
            self._tell_new_day()

    @staticmethod
    def _new_day_waits_said(flow: Flow) -> str:
        day = flow.day_clock().number
        # Its time on the room's clock, as the summary reads the day (a London day read in New York started at 08:30
        # UTC); today or yesterday on the laptop's calendar, as the facilitator lives it now.
        started_at = flow.state.day_started_at or flow.clock.now()
        started = room_clock_time(started_at, flow.day_clock().room_days)
        if datetime.fromtimestamp(started_at).date() == datetime.fromtimestamp(flow.clock.now()).date():
            return (
                f"Day {day} started today at {started}: D starts day {day + 1} on a later date; "
                f"t carries day {day} on."
            )
        # Past midnight, before the day turns: the calendar's date has changed, the facilitator's has not.
        return (
            f"Day {day} started yesterday at {started}, and a day turns at {DAY_TURNS_AT_HOURS:02d}:00: "
            f"D starts day {day + 1} after that; t carries day {day} on."
        )

    def _unsure_said(self, flow: Flow) -> str:
        last = flow.last_ran() or flow.clock.now()
        paused = format_minutes(wall_seconds(last, flow.clock.now()) / 60)  # the wall's hours, as the rule counts them
        today = flow.day_clock()
        since, day = room_clock_time(last, today.room_days), today.number
        return (
            f"Paused {paused} since {since}: t again carries on day {day}; "
            f"D starts day {day + 1}, day {day} kept as it went."
        )

    def _tell_new_day(self) -> None:
        day = self.flow.day_clock().number
        self.tell_console(f"Day {day} starts: day {day - 1} kept as it went.", timeout=6)

    async def action_add_minutes(self) -> None:
        await self.change(Flow.add_minutes)

    async def action_take_minutes(self) -> None:
        await self.change(Flow.take_minutes)

    async def action_start_over(self) -> None:
        await self.change(Flow.start_over)

    def action_reveal(self) -> None:
        step = self.flow.program.shown_step(self.flow.current)  # the step itself, or the rate step a discussion shows
        if step is None:
            self.signal_reveal(None)
            return
        shown = self.workshop.toggle("revealed", step.key)
        self.show_room()
        self.signal_reveal(shown)

    async def jump_to(self, step_key: str | None) -> None:
        if step_key and step_key != self.flow.current.key and self.flow.index_of(step_key) is not None:
            answered = bool(self.workshop.snapshot.answers_for(self.flow.current.key))
            await self.change(lambda flow: flow.jump(step_key, answered=answered))

    def action_jump(self) -> None:
        from bootcamp.ui.screens.jump import JumpScreen

        self.app.push_screen(JumpScreen(self.flow), self.jump_to)

    def action_blank(self) -> None:
        from bootcamp.ui.screens.blank import BlankScreen

        self.workshop.show(blank=True)
        self.app.push_screen(BlankScreen(), lambda _: self.workshop.show(blank=False))

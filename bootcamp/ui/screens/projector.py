"""The projector window: the slide the console has open, on a second screen, read from the workshop's files.

It follows ``state.json`` (where the room is, what is revealed, blank, the timer), ``room.json``,
``workshop.json`` and ``answers/`` with a :class:`~bootcamp.store.follow.Follower` polled in a
thread worker every 0.2 s; it never writes. What the room may see is decided by the step views
from the state they are given (revealed results, private entry), exactly as in presenter mode;
facilitator notes have no place here at all. While phones can join, the console keeps the join URL
in ``join.json`` (:mod:`bootcamp.join.invite`): the join slide and the corner URL show from it, and
only while a console holds the workshop (a file a killed console left lets nobody in).
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from bootcamp.clock import Clock
from bootcamp.content.model import Program
from bootcamp.flow import Flow
from bootcamp.join.invite import Invite, InviteWatch
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.follow import STATE, FollowedWorkshop, Follower
from bootcamp.store.owner_lock import holder_of
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.join_slide import JoinSlide, show_invite
from bootcamp.ui.widgets.slide import Slide

POLL_SECONDS = 0.2  # a key press on the console shows here within about this, plus a save
TICK_SECONDS = 1.0
SILENCE_SECONDS = 10.0  # how long state.json may be unreadable before a quiet hint says so
SILENCE_HINT = "waiting for the console…"
NO_CONSOLE_HINT = "no console has this workshop open: shown as the room left it"
FOLLOWING_HINT = "following read-only · Esc back to the workshops · q quit"
WORKSHOP_GONE = "This workshop is no longer on this laptop"  # deleted: nothing of the client stays on the wall


class ProjectorScreen(Screen[None]):
    CSS_PATH = "projector.tcss"
    HELP_TITLE = "Projector window"
    # Over the facilitator's app (a second console following read-only), Esc goes back to the workshops.
    BINDINGS = [Binding("escape", "leave", "Back", tooltip="Stop following: back to the workshops")]

    class Polled(Message):
        """A poll of the workshop's files finished: the workshop as it is now, or None when nothing changed;
        whether the invite to join changed; whether the workshop is gone from the laptop (deleted)."""

        def __init__(self, workshop: FollowedWorkshop | None, invite_changed: bool = False, gone: bool = False) -> None:
            super().__init__()
            self.workshop = workshop
            self.invite_changed = invite_changed
            self.gone = gone

    def __init__(self, follower: Follower, program: Program, clock: Clock, *, poll_seconds: float | None) -> None:
        super().__init__()
        self.follower = follower
        self.program = program
        self.clock = clock
        self.poll_seconds = poll_seconds  # None: polls only when asked (tests drive them one by one)
        self.polls = 0  # finished polls, for tests that bound how many a change may take
        self.flow = self._flow(follower.current)
        self._shown_step = ""
        self._polling = False
        self._console_here = True  # a console holds the workshop's owner lock (probed every tick)
        self.gone = False  # the workshop was deleted: the wall says so and shows nothing of it again
        self.invites = InviteWatch(follower.files.path)
        self.invites.poll()

    def compose(self) -> ComposeResult:
        yield Slide()
        yield JoinSlide()
        yield Static(plain(SILENCE_HINT), id="projector-hint")
        yield Static(plain(FOLLOWING_HINT), id="following-hint")
        yield Static(id="workshop-gone")

    async def on_mount(self) -> None:
        # Over the facilitator's app (a second console following) say so, and how to stop; a wall shows nothing.
        self.query_one("#following-hint").display = self.following_in_console
        await self.show(self.follower.current)
        self.set_interval(TICK_SECONDS, self.tick)
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self.poll)

    # -- following -------------------------------------------------------------------------------------------

    def poll(self) -> None:
        """Look at the files again, off the UI thread; a poll still running is not doubled."""
        if not self._polling:
            self._polling = True
            self._read_files()

    @work(thread=True, group="follow")
    def _read_files(self) -> None:
        workshop, invite_changed, gone = None, False, False
        try:
            workshop = self.follower.poll()
            invite_changed = self.invites.poll()
            gone = self.follower.gone()
        finally:
            self.post_message(self.Polled(workshop, invite_changed, gone))

    async def on_projector_screen_polled(self, message: Polled) -> None:
        self._polling = False
        self.polls += 1
        if message.gone or self.gone:
            self._show_gone()
        elif message.workshop is not None:
            await self.show(message.workshop)
        elif message.invite_changed:
            self._show_invite()
        self._show_hint()

    # -- showing ---------------------------------------------------------------------------------------------

    def _flow(self, workshop: FollowedWorkshop) -> Flow:
        return Flow(self.program, workshop.info.agenda, workshop.state, self.clock)

    async def show(self, workshop: FollowedWorkshop) -> None:
        """Show the workshop as read: the step, where the room is, the time, and what the room may see of its answers.

        A poll redraws what it found changed; the first read (nothing "changed" yet) draws everything.
        """
        slide = self.query_one(Slide)
        state = workshop.state
        if STATE in workshop.changed or not workshop.changed:
            self.flow = flow = self._flow(workshop)
            self.set_class(state.blank, "-blank")
            if flow.current.key != self._shown_step:
                self._shown_step = flow.current.key
                await slide.show_step(flow)
            slide.show_position(flow)
            slide.show_time(flow)
        # Reveals and private entry are in the state, answers in the room: either redraws the tallies.
        slide.show_room(WorkshopSnapshot(workshop.info, workshop.answers, workshop.room), state)
        self._show_invite()

    @property
    def invite(self) -> Invite | None:
        """The invite to join, while a console holds the workshop."""
        return self.invites.invite if self._console_here else None

    def _show_invite(self) -> None:
        show_invite(self.query_one(Slide), self.query_one(JoinSlide), self.invite, self.flow.current.key)

    def tick(self) -> None:
        self.query_one(Slide).show_time(self.flow)
        console_here = holder_of(self.follower.files.path) is not None
        if console_here != self._console_here:
            self._console_here = console_here
            self._show_invite()
        self._show_hint()

    def _show_gone(self) -> None:
        """The workshop was deleted: one line in place of its slide (the room's answers and names are the client's),
        and the key that closes the window, as after the console left."""
        if self.gone:
            return
        self.gone = True
        self.remove_class("-blank")  # the line shows on a blanked wall too
        self.add_class("-gone")
        how = "Esc goes back to the workshops" if self.following_in_console else "q closes this window"
        self.query_one("#workshop-gone", Static).update(plain(f"{WORKSHOP_GONE}: {how}"))

    def _show_hint(self) -> None:
        """Say when the console it follows has gone (or never came), or has been silent for a while."""
        hint = self.query_one("#projector-hint", Static)
        if self.gone:
            hint.display = False
        elif not self._console_here:
            hint.update(plain(NO_CONSOLE_HINT))
            hint.display = True
        else:
            hint.update(plain(SILENCE_HINT))
            hint.display = self.follower.silent_for() >= SILENCE_SECONDS

    @property
    def following_in_console(self) -> bool:
        """Pushed over the facilitator's app (a second console following), not the projector window's only screen."""
        return len(self.app.screen_stack) > 2

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave":
            return self.following_in_console  # the projector window's only screen is not left with Esc
        return True

    def action_leave(self) -> None:
        self.dismiss()

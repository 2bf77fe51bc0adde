"""The app's store and saving: the workshops on disk, the one open on the console, its changes shown and saved.

Part of :class:`~bootcamp.ui.app.BootcampApp`: a workshop read (in a worker) and opened as its owner, or
followed read-only; what a person does at the console handed to it; its changes drawn (phones' a few times a
second); and every save waited for before the app ends. bootcamp.store and bootcamp.live are imported on
first use: home's first frame does not wait for them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from bootcamp.errors import UserError
from bootcamp.ui.app_joining import PHONE_REDRAW_SECONDS

if TYPE_CHECKING:
    from textual.timer import Timer

    from bootcamp.live.changes import Change, RedrawBatch
    from bootcamp.live.requests import Request
    from bootcamp.live.saving import SaveStatus
    from bootcamp.live.workshop import LiveWorkshop
    from bootcamp.store import Store
    from bootcamp.ui.app import BootcampApp

QUIT_FLUSH_SECONDS = 5.0  # how long quitting, or a workshop left, waits for its saves at the most


class SavingApp:
    """The app's store and the open workshop's saves, for :class:`~bootcamp.ui.app.BootcampApp`."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Phones' changes, drawn a few times a second; made with the first change (bootcamp.live is not imported
        # on the way to home's first frame).
        self._redraws: RedrawBatch | None = None
        self._redraw_timer: Timer | None = None
        self.workshop: LiveWorkshop | None = None  # the workshop open on the console
        self._workshops_closing: set[asyncio.Task[bool]] = set()  # workshops left, still finishing their saves
        self._stop_listening: Callable[[], None] | None = None
        self._left: LiveWorkshop | None = None  # the workshop left last: quitting reports a save it could not finish
        self._store: Store | None = None

    @property
    def left_workshop(self) -> LiveWorkshop | None:
        """The workshop left last (ctrl+w), still finishing its saves or done: a projector may still follow it."""
        return self._left

    @property
    def store(self) -> Store:
        """The workshops on disk; first used in the worker that lists them, so its imports stay off the start path."""
        if self._store is None:
            from bootcamp.store import Store

            self._store = Store(self.data_dir, self.clock)
        return self._store

    @property
    def save_status(self) -> SaveStatus:
        """How the open workshop's saves stand (held by the live workshop, nowhere else)."""
        if self.workshop is not None:
            return self.workshop.save_status
        from bootcamp.live.saving import SaveStatus

        return SaveStatus()

    def read_workshop(self, workshop_id: str) -> LiveWorkshop:
        """Read a workshop for the console as its owner (call it in a worker thread: it reads every file).

        A workshop left a moment ago may still be finishing its saves and holds its lock until then:
        wait for that first, so reopening it reads what was saved and is not refused by ourselves.
        """
        from bootcamp.live.workshop import LiveWorkshop

        if self._workshops_closing:
            self.call_from_thread(self._finish_closing)
        workshop = LiveWorkshop.open(self.store.open(workshop_id), self.clock)  # WorkshopBusy if open elsewhere
        from bootcamp.join.invite import remove_invite

        # One a killed console left: its code no longer lets anyone in. If it cannot be removed, no matter: a
        # projector window believes it only while a console holds the workshop anyway.
        with contextlib.suppress(OSError):
            remove_invite(workshop.files.path)
        return workshop

    def offer_to_follow(self, workshop_id: str, why: str) -> None:
        """The workshop is open in another console: say who has it, and offer to follow it read-only."""
        from bootcamp.ui.screens.follow_offer import FollowOfferScreen

        def chosen(follow: bool | None) -> None:
            if follow:
                self.follow(workshop_id)

        self.push_screen(FollowOfferScreen(why), chosen)

    def follow(self, workshop_id: str) -> None:
        """Show a workshop read-only, as the projector window does: it reads the files, never writes them."""
        from bootcamp.store import StoreError
        from bootcamp.store.follow import Follower
        from bootcamp.ui.screens.projector import POLL_SECONDS, ProjectorScreen

        try:
            files = self.store.open(workshop_id, sweep=False)  # a follower never writes
            follower = Follower.load(files, self.clock)
            program = files.program()
        except StoreError as error:
            self.notify(str(error), title="Could not follow the workshop", severity="error", markup=False)
            return
        self.push_screen(ProjectorScreen(follower, program, self.clock, poll_seconds=POLL_SECONDS))

    @property
    def workshop_closing(self) -> bool:
        """A workshop left is still finishing its saves (it holds its lock until they are done)."""
        return bool(self._workshops_closing)

    async def _finish_closing(self) -> None:
        if self._workshops_closing:
            await asyncio.gather(*tuple(self._workshops_closing))

    def open(self, workshop: LiveWorkshop) -> None:
        """Show ``workshop`` on the console: it belongs to this loop from now on, and tells us of every change."""
        from bootcamp.ui.screens.workshop import WorkshopScreen

        self.workshop = workshop
        # The listener runs on this loop (the workshop's); post_message turns each change into one message.
        self._stop_listening = workshop.listen(lambda change: self.post_message(self.LiveChanged(change)))
        workshop.start()
        console = WorkshopScreen(workshop)
        self.push_screen(console)
        self._read_left_on(workshop)
        self._say_if_archived(workshop)
        self._join_when_shown(workshop, console)

    def _say_if_archived(self, workshop: LiveWorkshop) -> None:
        """An archived workshop opens as any other (and stays archived), but says so: two runs of a client share a
        name, and the room's answers would go into the finished one chosen by mistake."""
        from bootcamp.dates import days_span
        from bootcamp.store.archive import is_archived

        if not is_archived(workshop.files.path):
            return
        info = workshop.info
        self.notify(
            f"{info.name} ({days_span(info.date, workshop.state.days_met())}) is archived: what is answered or noted "
            "now is stored in it. a on home makes a new run from it; e on home (v shows it) brings it back to the list.",
            title="An archived workshop",
            severity="warning",
            markup=False,
            timeout=15,
        )

    def request(self, asked: Request) -> None:
        """The one handler of what a person did at the console (a widget's request): the live workshop applies it.

        A workshop just left still takes the last edits of its fields while it finishes saving.
        """
        workshop = self.workshop if self.workshop is not None else self._left
        if workshop is None or not workshop.accepting:
            self.notify("Not saved: the workshop is closed.", severity="error", markup=False)
            return
        from bootcamp.live.actors import CONSOLE

        try:
            workshop.apply(asked, by=CONSOLE)
        except UserError as refused:  # an answer the step does not ask for: said, nothing kept
            self.notify(str(refused), title="Not kept", severity="error", markup=False)

    def on_bootcamp_app_live_changed(self, message: BootcampApp.LiveChanged) -> None:
        """Show a change; phones' changes (and the save results they bring) with the next redraw, at most
        every :data:`PHONE_REDRAW_SECONDS`, so a room answering at once redraws a few times a second."""
        if self.workshop is None:
            return
        status = message.change.save_status
        if self._quit_anyway and not (status.pending or status.error):
            self._quit_anyway = False  # everything saved after a refused quit: the next q waits for saves again
        if self._redraws is None:
            from bootcamp.live.changes import RedrawBatch

            self._redraws = RedrawBatch(PHONE_REDRAW_SECONDS)
        if self._redraws.hold(message.change, asyncio.get_running_loop().time()):
            if self._redraw_timer is None:
                self._redraw_timer = self.set_timer(PHONE_REDRAW_SECONDS, self._show_held_changes)
            return
        self._show_held_changes(message.change)  # the console's own change: at once, with what was held

    def _show_held_changes(self, then: Change | None = None) -> None:
        if self._redraw_timer is not None:
            self._redraw_timer.stop()
            self._redraw_timer = None
        change = self._redraws.take(then) if self._redraws is not None else then
        if change is not None and self.workshop is not None:
            self.live_change = change

    def _save_typing(self) -> None:
        """Every field that saves as it is typed saves now (its idle timer may not have fired yet)."""
        from bootcamp.ui.widgets.typed_text import AutosaveInput, AutosaveTextArea

        for screen in self.screen_stack:
            for field in (*screen.query(AutosaveInput), *screen.query(AutosaveTextArea)):
                field.save_now()

    def abandon_saves(self) -> str:
        """Quitting anyway, or ended by the system: stop the saves still failing (left to retry, they would outlive the console, out of
        sight), and say in one sentence what is lost; "" when nothing was."""
        from bootcamp.plurals import counted

        workshop = self.workshop if self.workshop is not None else self._left
        if workshop is None:
            return ""
        status = workshop.abandon_saves()
        if not status.pending:
            return ""
        why = f" ({status.error})" if status.error else ""
        return f"ended with {counted(status.pending, 'change')} to {workshop.info.name} not saved, now lost{why}"

    async def flush(self, timeout: float = QUIT_FLUSH_SECONDS) -> bool:
        """Wait until every workshop left or open has its saves on disk."""
        done = True
        await self._joining_stops_finished()
        if self.workshop is not None:
            done = await self.workshop.settled(timeout)
        if self._workshops_closing:
            results = await asyncio.gather(*tuple(self._workshops_closing))
            done = done and all(results)
        return done

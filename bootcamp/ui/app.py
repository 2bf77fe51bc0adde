"""The facilitator's app: wires the store, the ordered writer, the themes and the screens.

Kept thin on purpose: what a screen shows and does lives in ``screens/``; what is
stored lives in ``bootcamp.store``; where the room is lives in ``bootcamp.flow``.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from bootcamp.clock import Clock, SystemClock
from bootcamp.errors import UserError
from bootcamp.gc_tuning import collect_less_often, hold_during_start, release_after_start
from bootcamp.locations import DataFolder, Origin
from bootcamp.ui.key_order import KeysInOrderApp
from bootcamp.ui.theme import CONSOLE_THEME, THEMES, start_with_theme

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.driver import Driver
    from textual.timer import Timer

    from bootcamp.content.model import Program
    from bootcamp.join.addresses import JoinAddress
    from bootcamp.join.console import ConsoleJoining, Joining
    from bootcamp.join.left_on import LeftOn
    from bootcamp.live.changes import Change, RedrawBatch
    from bootcamp.live.requests import Request
    from bootcamp.live.saving import SaveStatus
    from bootcamp.live.workshop import LiveWorkshop
    from bootcamp.store import Store

QUIT_FLUSH_SECONDS = 5.0
# The terminal window closed (SIGHUP) or the system asked the app to stop (SIGTERM): the app ends as
# on q, every save finished, but leaves the running timer and joining as a crash does (nobody chose to stop
# the day). Textual handles neither; each killed the process where it stood (measured: a comment typed a
# moment before was lost, and a demo's folder was left in the temp folder).
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
# Phones answering in a burst (a room of 40 on one question) redraw the console at most this often: each
# change is drawn with the next redraw, at most this late. The console's own keys redraw at once.
PHONE_REDRAW_SECONDS = 0.2


def bootcamp_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not on the way to the first screen)."""
    from bootcamp.ui.commands import BootcampCommands

    return BootcampCommands


class BootcampApp(KeysInOrderApp[None]):
    TITLE = "bootcamp"
    # Home's stylesheet read with the app's: pushing the first screen then finds it read, where reading it then
    # parsed every stylesheet of the app again and restyled every widget (the screen keeps its own CSS_PATH).
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    COMMANDS = App.COMMANDS | {bootcamp_commands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Help: every key"),
        # f1 too: where a text field takes "?", the key bar shows Help by this key (KeyBar).
        Binding("f1", "help", "Help", show=False, tooltip="Help: every key"),
        Binding("q", "quit", "Quit", tooltip="Quit (asks first while a workshop is open; every save is finished first)"),
        # ctrl+n: no Textual widget binds it, so it works from any screen, a text field included.
        Binding("ctrl+n", "quick_note", "Quick note", show=False, tooltip="Quick note on the current step"),
    ]

    # The open workshop's last change (what, its version, the save status): every view that shows
    # the workshop watches this one value. Always told: two changes can look alike. Not a repaint of the whole
    # screen: each watcher redraws what it shows (a full repaint cost about a third of an answer key).
    live_change: reactive[Change | None] = reactive(None, init=False, always_update=True, repaint=False)
    # Joining as the console shows it (the join URL, who holds a seat by phone, who waits): None while it is off.
    joining: reactive[Joining | None] = reactive(None, init=False, always_update=True, repaint=False)

    class LiveChanged(Message):
        """The live workshop's one notification, as the one message the Textual side gets."""

        def __init__(self, change: Change) -> None:
            super().__init__()
            self.change = change

    def __init__(
        self,
        *,
        data_dir: Path,
        content_dir: Path,
        clock: Clock,
        open_workshop: str | None = None,
        join: JoinAddress | None = None,
        data_origin: Origin = "flag",
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.data_folder = DataFolder(data_dir, data_origin)  # how it was chosen: home says so if it is missing
        self.content_dir = content_dir
        self.clock = clock
        self.open_workshop_id = open_workshop
        self.join_on_open = join  # `open ID --join`: joining starts once that workshop is open
        self.join_port = join.port if join is not None else None  # a port given there is kept for j too
        self._joining: ConsoleJoining | None = None
        # Joining a console left on for the open workshop (killed, crashed): its code and seats, until joining starts.
        self._left_on: LeftOn | None = None
        self._joining_stopped: set[asyncio.Task[None]] = set()  # joining stopping in the background
        # Phones' changes, drawn a few times a second; made with the first change (bootcamp.live is not imported
        # on the way to home's first frame).
        self._redraws: RedrawBatch | None = None
        self._redraw_timer: Timer | None = None
        self._joining_timer: Timer | None = None  # a seat changed: shown with the next redraw
        self.content: Program | None = None  # the boot camp new workshops are made from, once loaded
        self.workshop: LiveWorkshop | None = None  # the workshop open on the console
        self._workshops_closing: set[asyncio.Task[bool]] = set()  # workshops left, still finishing their saves
        self._stop_listening: Callable[[], None] | None = None
        self._left: LiveWorkshop | None = None  # the workshop left last: quitting reports a save it could not finish
        self._store: Store | None = None
        self._quit_anyway = False
        self._ending: asyncio.Task[None] | None = None  # ending on a signal
        self._handlers_before: dict[signal.Signals, object] = {}  # what handled the ending signals before the app
        for theme in THEMES:
            self.register_theme(theme)
        start_with_theme(self, CONSOLE_THEME)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux and macOS one that outlives the terminal (see ui/driver.py)."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # by name: importing it on Windows would fail
            from bootcamp.ui.driver import OutlivingTerminalDriver

            return OutlivingTerminalDriver
        return driver

    def on_load(self) -> None:
        """Before the terminal is taken over: from now on SIGTERM and SIGHUP end the app (saves finished, as on q)."""
        # Until home's list is drawn (gc_tuning); here, not at creation: an app made and never run must not hold it.
        hold_during_start()
        if self.is_headless:
            return  # a test's app: the test runner's signals are not the app's to take
        loop = asyncio.get_running_loop()
        for signum in ENDING_SIGNALS:
            before = signal.getsignal(signum)
            try:
                loop.add_signal_handler(signum, self.end_on_signal, signum)
            except (ValueError, RuntimeError):  # not the main thread: nothing to take them from
                continue
            self._handlers_before[signum] = before

    def _give_back_signals(self) -> None:
        """The handlers from before the app (the demo's removes its folder): the loop's go with the loop."""
        loop = asyncio.get_running_loop()
        for signum, before in self._handlers_before.items():
            loop.remove_signal_handler(signum)  # sets the default...
            if before is not None:  # ...so the one from before goes back after (None: not set from Python)
                signal.signal(signum, before)  # type: ignore[arg-type]
        self._handlers_before.clear()

    def end_on_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP: every save finished (5 s at most, as on q), then the app exits.

        Nobody chose to stop the day (a window closed, the system stopping the app): the running timer and
        joining are left as a crash leaves them, for the next console to carry on."""
        if self._ending is None:
            self._ending = asyncio.create_task(self._end(128 + signum))

    async def _end(self, return_code: int) -> None:
        self.close_workshop(chosen=False)
        await self.flush()  # bounded: a save that cannot finish is not waited for past the flush timeout
        self.exit(return_code=return_code)

    def on_mount(self) -> None:
        from bootcamp.ui.screens.home import HomeScreen

        collect_less_often()  # key presses without a full collection every few presses
        self.push_screen(HomeScreen(open_workshop=self.open_workshop_id))
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_later(self._fit_to_terminal))

    def on_resize(self) -> None:
        self.call_later(self._fit_to_terminal)

    def _fit_to_terminal(self) -> None:
        """Too small a terminal: one line says which size is needed, above any screen, until it grows."""
        from bootcamp.ui.screens.too_small import TooSmallScreen, too_small

        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(self.size) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small(self.size):
            self.pop_screen()  # the screen below (or another notice below it, taken away in turn) comes back

    @property
    def left_workshop(self) -> LiveWorkshop | None:
        """The workshop left last (ctrl+w), still finishing its saves or done: a projector may still follow it."""
        return self._left

    # -- the store and saving ------------------------------------------------------------------------------------

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
        from bootcamp.join.left_on import LeftOnUnreadable, read_left_on
        from bootcamp.ui.screens.workshop import WorkshopScreen

        self.workshop = workshop
        # The listener runs on this loop (the workshop's); post_message turns each change into one message.
        self._stop_listening = workshop.listen(lambda change: self.post_message(self.LiveChanged(change)))
        workshop.start()
        console = WorkshopScreen(workshop)
        self.push_screen(console)
        try:
            self._left_on = read_left_on(workshop.files.path)  # a console that never stopped joining left it on
        except LeftOnUnreadable as unreadable:  # set aside as it was; the workshop opens, joining only when asked
            self._left_on = None
            said = str(unreadable)
            self.notify(said, title="Joining did not come back", severity="warning", markup=False, timeout=20)
        self._say_if_archived(workshop)
        if self.join_on_open is not None and workshop.info.id == self.open_workshop_id:
            address, self.join_on_open = self.join_on_open, None
            self.call_after_refresh(console.join_at, address)
        elif self._left_on is not None:
            self.call_after_refresh(self.run_worker, self._join_again(), group="joining", exclusive=True)

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

    def on_bootcamp_app_live_changed(self, message: LiveChanged) -> None:
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

    # -- joining: phones in the room -----------------------------------------------------------------------------

    async def start_joining(self, address: JoinAddress, *, slide: bool | None = True) -> bool:
        """Serve the phone page for the open workshop on ``address``, on this loop; say in one sentence why not.

        Joining a console left on (:attr:`_left_on`) goes on with its code and seats, on its port when the address
        is the same and gives none (``slide`` None: the join slide as it was left, up if the address changed)."""
        from bootcamp.join.addresses import JoinAddress
        from bootcamp.join.console import ConsoleJoining
        from bootcamp.locations import join_log

        workshop, left = self.workshop, self._left_on
        if workshop is None or self._joining is not None:
            return False
        if left is not None and address.host == left.host and address.port is None:
            address = JoinAddress(left.host, left.port)
        try:
            joining = await ConsoleJoining.start(
                workshop, address, join_log(self.data_dir, workshop.info.id), self._joining_told, slide=slide, left=left
            )
        except UserError as refused:  # the port is in use, or the address not this machine's
            said = str(refused)
            if left is not None:
                said += f". j starts joining again (code {left.code}): the phones keep their seats"
            elif getattr(refused, "not_here", False):
                said += "; press j to choose one"
            elif getattr(refused, "port_in_use", False):
                said += ": press j and type the address with another port (ADDRESS:0 for any free one)"
            self.notify(said, title="Joining did not start", severity="error", markup=False, timeout=10)
            return False
        if self.workshop is not workshop or self._joining is not None:  # left (or started twice) meanwhile
            await joining.stop()
            return False
        self._left_on = None
        self._joining = joining
        self.joining = joining.now
        return True

    async def _join_again(self) -> None:
        """Joining the console before this one left on (killed, crashed): the same code on the same address,
        so the phones' pages reconnect by themselves; on another port if that one is taken now, said."""
        from bootcamp.join.addresses import JoinAddress

        left = self._left_on
        if left is None or not await self.start_joining(JoinAddress(left.host, left.port), slide=None):
            return
        joining = self._joining
        assert joining is not None
        seated = len(joining.now.phones)
        seats = "the seated phone keeps its seat" if seated == 1 else f"the {seated} seated phones keep their seats"
        if joining.moved_from:
            self.notify(
                f"Phones can join again, with the same code, at a new address: {joining.now.url} "
                f"({joining.moved_from} is taken now). The join slide shows it: the room scans it again; {seats}.",
                title="Joining is back: the address changed",
                severity="warning",
                markup=False,
                timeout=30,
            )
            return
        self.notify(
            f"Joining is back on {joining.now.url}, as it was: open phone pages reconnect by themselves; {seats}.",
            title="Phones",
            markup=False,
            timeout=10,
        )

    @property
    def console_joining(self) -> ConsoleJoining | None:
        """Joining for the open workshop while it is on: its server lets people in and frees seats."""
        return self._joining

    def _joining_told(self) -> None:
        """A seat changed (a room scanning the code joins at once): shown with the next redraw, as phones'
        answers are. The console's own changes (letting in, the join slide) call :meth:`show_joining` at once."""
        if self._joining_timer is None:
            self._joining_timer = self.set_timer(PHONE_REDRAW_SECONDS, self.show_joining)

    def show_joining(self) -> None:
        """Show joining as it stands now."""
        if self._joining_timer is not None:
            self._joining_timer.stop()
            self._joining_timer = None
        if self._joining is not None:
            self.joining = self._joining.now

    def watch_joining(self) -> None:
        # The screens that show joining are told from here and none watches the app: Textual 8.2.8 keeps a watch made
        # on the app until the value next changes (https://github.com/Textualize/textual/issues/6666, open), and
        # joining changes seldom, so every presenter mode and people screen opened in a day stayed alive.
        for screen in self.screen_stack:
            joining_changed = getattr(screen, "joining_changed", None)
            if joining_changed is not None and screen.is_mounted:
                joining_changed()

    def stop_joining(self, *, chosen: bool = True) -> bool:
        """Stop serving the phone page (its pages are told their saved answers are kept); False if it was off.

        ``chosen`` False (the app ended by a signal): the pages are told nothing and keep trying, and joining
        is left for the next console to bring back, as a crash leaves it."""
        joining, self._joining = self._joining, None
        if joining is None:
            return False
        self.show_joining()  # a redraw still to come is dropped
        self.joining = None
        task = asyncio.create_task(joining.stop(keep=not chosen))
        self._joining_stopped.add(task)
        task.add_done_callback(self._joining_stopped.discard)
        return True

    def leave_workshop(self) -> None:
        """Back to the workshops from the console or anything over it (presenter mode …): the workshop closes."""
        from bootcamp.ui.screens.presenter import PresenterScreen
        from bootcamp.ui.screens.workshop import WorkshopScreen

        console = next((screen for screen in self.screen_stack if isinstance(screen, WorkshopScreen)), None)
        if console is None:
            return
        while self.screen is not console:
            top = self.screen
            if isinstance(top, PresenterScreen):
                top.action_leave()  # its theme back, presenter mode off, while the workshop is still open
            else:
                top.dismiss()
        self.close_workshop()
        console.dismiss()

    def close_workshop(self, *, chosen: bool = True) -> None:
        """Leave the open workshop: its timer paused; its saves finish and its lock goes in the background.

        ``chosen`` False (a signal ended the app): the timer and joining left as a crash leaves them."""
        if self.workshop is None:
            return
        self._save_typing()  # before it goes: a field's text typed in the last second is saved with the rest
        self.stop_joining(chosen=chosen)  # first: no phone answers a workshop being left
        if self._left_on is not None and chosen:  # left on by a console before, not brought back: left on purpose
            from bootcamp.join.left_on import remove_left_on

            with contextlib.suppress(OSError):
                remove_left_on(self.workshop.files.path)
        self._left_on = None
        workshop, self.workshop = self.workshop, None
        self._show_held_changes()  # dropped: nothing shows the workshop any more
        if chosen:
            workshop.leave()
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        task = asyncio.create_task(workshop.close(QUIT_FLUSH_SECONDS, pause=chosen))
        self._workshops_closing.add(task)
        task.add_done_callback(self._workshops_closing.discard)
        self._left = workshop

    def _save_typing(self) -> None:
        """Every field that saves as it is typed saves now (its idle timer may not have fired yet)."""
        from bootcamp.ui.widgets.typed_text import AutosaveInput, AutosaveTextArea

        for screen in self.screen_stack:
            for field in (*screen.query(AutosaveInput), *screen.query(AutosaveTextArea)):
                field.save_now()

    async def flush(self, timeout: float = QUIT_FLUSH_SECONDS) -> bool:
        """Wait until every workshop left or open has its saves on disk."""
        done = True
        if self._joining_stopped:
            await asyncio.gather(*tuple(self._joining_stopped))
        if self.workshop is not None:
            done = await self.workshop.settled(timeout)
        if self._workshops_closing:
            results = await asyncio.gather(*tuple(self._workshops_closing))
            done = done and all(results)
        return done

    # -- actions -----------------------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit at once from home; from an open workshop only once confirmed (y or Enter; any other key stays):
        text typed on the console by mistake must not close the app in front of the room. While phones are
        joined the question says that quitting stops them."""
        if self.workshop is None:
            await self.quit_when_saved()
            return
        from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen

        if isinstance(self.screen, LeaveConfirmScreen):
            return  # asked already: y quits

        def chosen(quit_: bool | None) -> None:
            if quit_:
                self.call_later(self.quit_when_saved)  # once the dialog is gone

        reasons = ["phones are joined (quitting stops them: the room must scan again)"] if self._joining else []
        asked = LeaveConfirmScreen(
            self.workshop.info.name, reasons, quitting=True, saving=self.save_status, anyway=self._quit_anyway
        )
        self.push_screen(asked, chosen)

    async def quit_when_saved(self) -> None:
        """Quit once every save is on disk; if one cannot be saved, say so and quit on a second press.

        The open workshop stays open until its saves are done: refused, the console still follows the
        writer's retries, so once the disk takes them its marks and status bar say saved.
        """
        if self.workshop is not None and not self._quit_anyway:
            self._save_typing()
            if not await self.workshop.settled(QUIT_FLUSH_SECONDS):
                self._refuse_quit()
                return
        self.close_workshop()
        if await self.flush() or self._quit_anyway:
            self.exit()
            return
        self._refuse_quit()

    def _refuse_quit(self) -> None:
        self._quit_anyway = True
        status = self._left.save_status if self._left is not None and self.workshop is None else self.save_status
        # In presenter mode the toast is on the wall: the reason and the file's name, never the data folder's path.
        on_the_wall = self.workshop is not None and self.workshop.state.presenter
        error = (status.brief if on_the_wall else "") or status.error or "the disk did not answer in time"
        again = "q, then y, quits anyway" if self.workshop is not None else "Press q again to quit anyway"
        self.notify(
            f"Not everything is saved yet ({error}). {again}.",
            title="Still saving",
            severity="error",
            markup=False,
            timeout=10,
        )

    def action_help(self) -> None:
        from bootcamp.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_quick_note(self) -> None:
        from bootcamp.ui.screens.quick_note import QuickNoteScreen

        if self.workshop is not None and not isinstance(self.screen, QuickNoteScreen):
            self.push_screen(QuickNoteScreen(self.workshop))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quick_note":
            return self.workshop is not None  # only with a workshop open
        if action == "quit":
            return getattr(self.screen, "QUIT_OFFERED", True)  # not while a participant holds the keyboard
        return True

    async def on_unmount(self) -> None:
        release_after_start()  # ended before home's list was drawn
        self.stop_joining()
        if self.workshop is not None:  # quit by other means than q (a test, ctrl+c): saves still finish
            await self.workshop.close(QUIT_FLUSH_SECONDS)
        await self.flush()
        self._give_back_signals()


def create_app(
    *,
    data_dir: Path,
    content_dir: Path | None = None,
    clock: Clock | None = None,
    open_workshop: str | None = None,
    join: JoinAddress | None = None,
    data_origin: Origin = "flag",
) -> BootcampApp:
    """The app as the CLI runs it; tests use this too, so they run the real wiring.

    ``data_origin`` says how ``data_dir`` was chosen (:func:`bootcamp.locations.find_data_dir`)."""
    from bootcamp.locations import default_content_dir

    clock = clock if clock is not None else SystemClock()
    return BootcampApp(
        data_dir=Path(data_dir),
        content_dir=Path(content_dir) if content_dir is not None else default_content_dir(),
        clock=clock,
        open_workshop=open_workshop,
        join=join,
        data_origin=data_origin,
    )

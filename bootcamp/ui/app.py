"""The facilitator's app: wires the store, the ordered writer, the themes and the screens.

Kept thin on purpose: what a screen shows and does lives in ``screens/``; what is
stored lives in ``bootcamp.store``; where the room is lives in ``bootcamp.flow``. The app's
store and saving are in :mod:`bootcamp.ui.app_saving`, its phone server in :mod:`bootcamp.ui.app_joining`.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from bootcamp.clock import Clock, SystemClock
from bootcamp.gc_tuning import collect_less_often, hold_during_start, release_after_start
from bootcamp.locations import DataFolder, Origin
from bootcamp.ui.app_joining import PHONE_REDRAW_SECONDS as PHONE_REDRAW_SECONDS  # tests read it here
from bootcamp.ui.app_joining import JoiningApp
from bootcamp.ui.app_saving import QUIT_FLUSH_SECONDS, SavingApp
from bootcamp.ui.key_order import KeysInOrderApp
from bootcamp.ui.theme import CONSOLE_THEME, offer_only_readable_themes, start_with_theme

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.driver import Driver

    from bootcamp.content.model import Program
    from bootcamp.join.addresses import JoinAddress
    from bootcamp.join.console import Joining
    from bootcamp.live.changes import Change

# The terminal window closed (SIGHUP) or the system asked the app to stop (SIGTERM): the app ends as
# on q, every save finished, but leaves the running timer and joining as a crash does (nobody chose to stop
# the day). Textual handles neither; each killed the process where it stood (measured: a comment typed a
# moment before was lost, and a demo's folder was left in the temp folder).
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def bootcamp_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not on the way to the first screen)."""
    from bootcamp.ui.commands import BootcampCommands

    return BootcampCommands


class BootcampApp(SavingApp, JoiningApp, KeysInOrderApp[None]):
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
        self.content: Program | None = None  # the boot camp new workshops are made from, once loaded
        self._quit_anyway = False
        self.unsaved_at_quit = ""  # ended (quit anyway, a signal) while saves failed: what was lost, for the command
        self._ending: asyncio.Task[None] | None = None  # ending on a signal
        self._handlers_before: dict[signal.Signals, object] = {}  # what handled the ending signals before the app
        offer_only_readable_themes(self)
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
        if not await self.flush():  # bounded: a save that cannot finish is not waited for past the flush timeout
            self.unsaved_at_quit = self.abandon_saves()
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

    # -- leaving a workshop ------------------------------------------------------------------------------------

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
        self._put_left_on_away(self.workshop, chosen=chosen)
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

        reasons = ["phones are joined (quitting stops them: the room must scan again)"] if self.console_joining else []
        asked = LeaveConfirmScreen(
            self.workshop.info.name, reasons, quitting=True, saving=self.save_status, anyway=self._quit_anyway
        )
        self.push_screen(asked, chosen)

    async def quit_when_saved(self) -> None:
        """Quit once every save is on disk; if one cannot be saved, say so and quit on a second press.

        The open workshop stays open until its saves are done: refused, the console still follows the
        writer's retries, so once the disk takes them its marks and status bar say saved.
        """
        if self.workshop is not None:
            self._save_typing()
            # Quitting anyway, the facilitator has chosen to lose what is not saved: no second wait in silence.
            if not await self.workshop.settled(0 if self._quit_anyway else QUIT_FLUSH_SECONDS):
                if not self._quit_anyway:
                    self._refuse_quit()
                    return
                # Given up before joining stops, so each open phone's last page says which of its answers are lost.
                self.unsaved_at_quit = self.abandon_saves()
        self.close_workshop()
        if await self.flush():
            self.exit()
            return
        if self._quit_anyway:
            self.unsaved_at_quit = self.abandon_saves()
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

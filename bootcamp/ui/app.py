"""The facilitator's app: wires the store, the ordered writer, the themes and the screens.

Kept thin on purpose: what a screen shows and does lives in ``screens/``; what is
stored lives in ``bootcamp.store``; where the room is lives in ``bootcamp.flow``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from bootcamp.clock import Clock, SystemClock
from bootcamp.ui.gc_tuning import collect_less_often
from bootcamp.ui.saving import SaveStatus
from bootcamp.ui.theme import CONSOLE_THEME, THEMES

if TYPE_CHECKING:
    from textual.command import Provider

    from bootcamp.content.model import Program
    from bootcamp.store import OrderedWriter, Store
    from bootcamp.ui.running import RunningWorkshop

QUIT_FLUSH_SECONDS = 5.0


def bootcamp_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not on the way to the first screen)."""
    from bootcamp.ui.commands import BootcampCommands

    return BootcampCommands


class BootcampApp(App[None]):
    TITLE = "bootcamp"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {bootcamp_commands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Help: every key"),
        Binding("q", "quit", "Quit", tooltip="Quit (every save is finished first)"),
        # ctrl+n: no Textual widget binds it, so it works from any screen, a text field included.
        Binding("ctrl+n", "quick_note", "Quick note", show=False, tooltip="Quick note on the current step"),
    ]

    # Always tell the watchers: the console shows "saving…" from its own copy of the status, so
    # a result equal to the last one the app heard of still has to reach the screen.
    save_status: reactive[SaveStatus] = reactive(SaveStatus, init=False, always_update=True)
    # The open workshop's room changed (an answer, a note, the roster …): views that show it redraw.
    room_version: reactive[int] = reactive(0, init=False, always_update=True)

    class SaveResult(Message):
        """A save finished (or failed and will be retried) on the writer's thread."""

        def __init__(self, job_id: str, error: BaseException | None) -> None:
            super().__init__()
            self.job_id = job_id
            self.error = error

    def __init__(self, *, data_dir: Path, content_dir: Path, clock: Clock, open_workshop: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.content_dir = content_dir
        self.clock = clock
        self.open_workshop_id = open_workshop
        self.content: Program | None = None  # the boot camp new workshops are made from, once loaded
        self.workshop: RunningWorkshop | None = None  # the workshop open on the console
        self._writer: OrderedWriter | None = None
        self._store: Store | None = None
        self._quit_anyway = False
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = CONSOLE_THEME  # before the first screen, so nothing is styled twice

    def on_mount(self) -> None:
        from bootcamp.ui.screens.home import HomeScreen

        collect_less_often()  # key presses without a full collection every few presses
        self.push_screen(HomeScreen(open_workshop=self.open_workshop_id))

    # -- the store and saving ------------------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        """The workshops on disk; first used in the worker that lists them, so its imports stay off the start path."""
        if self._store is None:
            from bootcamp.store import Store

            self._store = Store(self.data_dir, self.clock)
        return self._store

    @property
    def writer(self) -> OrderedWriter:
        """The one ordered writer every save goes through, started when the first workshop opens."""
        if self._writer is None:
            from bootcamp.store import OrderedWriter

            # post_message is thread-safe and never waits for the UI: the writer keeps writing while we quit.
            self._writer = OrderedWriter(lambda job_id, error: self.post_message(self.SaveResult(job_id, error)))
        return self._writer

    def on_bootcamp_app_save_result(self, message: SaveResult) -> None:
        if self.workshop is not None:
            self.save_status = self.workshop.saved(message.job_id, message.error)

    def open(self, workshop: RunningWorkshop) -> None:
        from bootcamp.ui.screens.workshop import WorkshopScreen

        self.workshop = workshop
        workshop.live.on_change = self._room_changed
        workshop.start()
        self.save_status = workshop.save_status
        self.push_screen(WorkshopScreen(workshop))

    def _room_changed(self, version: int) -> None:
        self.room_version = version
        if self.workshop is not None:
            self.save_status = self.workshop.save_status  # the change is pending now

    def close_workshop(self) -> None:
        """Leave the open workshop: its running timer paused, that queued for saving (quitting waits for it)."""
        if self.workshop is not None:
            self.workshop.close()
            self.workshop.live.on_change = None
            self.save_status = self.workshop.save_status
            self.workshop = None

    async def flush(self, timeout: float = QUIT_FLUSH_SECONDS) -> bool:
        """Wait, off the UI thread, until every queued save is on disk."""
        if self._writer is None:
            return True
        return await asyncio.to_thread(self._writer.flush, timeout)

    # -- actions -----------------------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit once every save is on disk; if one cannot be saved, say so and quit on a second press."""
        self.close_workshop()
        if await self.flush() or self._quit_anyway:
            self.exit()
            return
        self._quit_anyway = True
        error = self.save_status.error or "the disk did not answer in time"
        self.notify(
            f"Not everything is saved yet ({error}). Press q again to quit anyway.",
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
        return True

    async def on_unmount(self) -> None:
        if self._writer is not None:
            await asyncio.to_thread(self._writer.close, QUIT_FLUSH_SECONDS)


def create_app(
    *,
    data_dir: Path,
    content_dir: Path | None = None,
    clock: Clock | None = None,
    open_workshop: str | None = None,
) -> BootcampApp:
    """The app as the CLI runs it; tests use this too, so they run the real wiring."""
    from bootcamp.locations import default_content_dir

    clock = clock if clock is not None else SystemClock()
    return BootcampApp(
        data_dir=Path(data_dir),
        content_dir=Path(content_dir) if content_dir is not None else default_content_dir(),
        clock=clock,
        open_workshop=open_workshop,
    )

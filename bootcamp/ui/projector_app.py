"""``bootcamp present ID``: a read-only window for the projector that follows the facilitator's console.

A second process on the same workshop folder: it reads the files the console writes and shows
the slide, in the projector theme, without notes. It holds the workshop's projector lock for its
lifetime so the console knows to show its speaker view (:mod:`bootcamp.store.projector_lock`).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from bootcamp.clock import Clock, SystemClock
from bootcamp.content.model import Program
from bootcamp.flow import Flow
from bootcamp.store.follow import Follower
from bootcamp.store.projector_lock import ProjectorLock
from bootcamp.ui.app import bootcamp_commands
from bootcamp.ui.key_order import KeysInOrderApp
from bootcamp.ui.screens.projector import POLL_SECONDS, ProjectorScreen
from bootcamp.ui.theme import PROJECTOR_THEME, offer_only_readable_themes, start_with_theme


class ProjectorApp(KeysInOrderApp[None]):
    TITLE = "bootcamp projector"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {bootcamp_commands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Help: every key"),
        Binding("q", "quit", "Quit", tooltip="Close the projector window (the console carries on)"),
    ]

    def __init__(self, *, follower: Follower, program: Program, clock: Clock, poll_seconds: float | None) -> None:
        super().__init__()
        self.follower = follower
        self.program = program
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.lock = ProjectorLock(follower.files.path)
        offer_only_readable_themes(self)
        start_with_theme(self, PROJECTOR_THEME)

    def on_mount(self) -> None:
        self.lock.acquire()
        self.push_screen(ProjectorScreen(self.follower, self.program, self.clock, poll_seconds=self.poll_seconds))

    def on_unmount(self) -> None:
        self.lock.release()

    def action_help(self) -> None:
        from bootcamp.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def create_projector_app(
    *,
    data_dir: Path,
    workshop_id: str,
    clock: Clock | None = None,
    poll_seconds: float | None = POLL_SECONDS,
) -> ProjectorApp:
    """The window as the CLI runs it (tests use it too). Reads the workshop now, so an unknown id or an
    unreadable file is a :class:`~bootcamp.store.StoreError` before any window opens."""
    from bootcamp.store import Store

    clock = clock if clock is not None else SystemClock()
    files = Store(Path(data_dir), clock).open(workshop_id, sweep=False)  # a follower never writes
    follower = Follower.load(files, clock)
    program = files.program()
    Flow(program, follower.current.info.agenda, follower.current.state, clock)  # an agenda with no steps: said now
    return ProjectorApp(follower=follower, program=program, clock=clock, poll_seconds=poll_seconds)

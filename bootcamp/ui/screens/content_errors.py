"""The content does not load: the same list of problems as ``bootcamp validate``, never a traceback."""

from __future__ import annotations

import shlex
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from bootcamp.content.errors import ContentError
from bootcamp.ui.text import joined, plain
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.key_bar import KeyBar


def problem_report(error: ContentError, content_dir: Path) -> str:
    """Word for word what ``bootcamp validate`` prints for this content."""
    count = len(error.problems)
    noun = "problem" if count == 1 else "problems"
    return "\n".join([*map(str, error.problems), f"{count} {noun} in {content_dir}"])


class ContentErrorsScreen(LetsGoOfAppWatches, Screen[None]):
    CSS_PATH = "content_errors.tcss"
    HELP_TITLE = "Content problems"
    TITLE = "bootcamp"
    SUB_TITLE = "Content problems"
    BINDINGS = [Binding("escape", "back", "Workshops")]

    def __init__(self, error: ContentError, content_dir: Path) -> None:
        super().__init__()
        self.error = error
        self.content_dir = content_dir

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            joined(
                ("The boot camp content has problems.", "bold"),
                " Fix each one in its file and start again, or check them with ",
                (f"bootcamp --content {shlex.quote(str(self.content_dir))} validate", "bold"),
                ". Existing workshops still open: each keeps its own copy of the content.",
            ),
            id="explanation",
        )
        with VerticalScroll(id="problems"):
            yield Static(plain(problem_report(self.error, self.content_dir)), id="problem-list")
        yield KeyBar()

    def action_back(self) -> None:
        self.dismiss()

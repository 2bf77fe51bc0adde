"""One line under home's list: the boot camp content new workshops are made from, or its problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from bootcamp.ui.text import joined, safe

if TYPE_CHECKING:
    from pathlib import Path

    from bootcamp.content.errors import ContentError
    from bootcamp.content.model import Program


class ContentStatus(Static):
    DEFAULT_CSS = """
    ContentStatus {
        height: auto;
        padding: 0 2;
        margin: 1 0 0 0;
        color: $text-muted;
        &.-problem { color: $text-error; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Loading the boot camp content…", id=id)

    def show_program(self, program: Program) -> None:
        """Its title and each agenda's steps and planned time."""
        from bootcamp.flow import format_minutes  # imported by then: the content was loaded after the core

        agendas = "  ·  ".join(
            f"{agenda.title.lower()} {len(program.steps(agenda.id))} steps, "
            f"{format_minutes(program.planned_minutes(agenda.id))}"
            for agenda in program.agendas
        )
        # The line is muted already: a dim separator on it was 2.8:1 in the light theme.
        self.update(joined((program.title, "bold"), "  ·  ", agendas))
        self.set_class(False, "-problem")

    def show_problems(self, error: ContentError, content_dir: Path) -> None:
        count = len(error.problems)
        self.update(
            joined(
                (f"The content has {count} problem{'s' if count != 1 else ''}", "bold"),
                f" ({safe(content_dir)}): press c to see them. Existing workshops still open.",
            )
        )
        self.set_class(True, "-problem")

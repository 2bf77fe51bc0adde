"""The step after this one, for the facilitator's speaker view: its title, kind, minutes and first line."""

from __future__ import annotations

import re

from rich.text import Text

from bootcamp.content.model import Program, Step
from bootcamp.flow import format_minutes
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic

_MARKDOWN_LEAD = re.compile(r"^(#+|[-*•>]|\d+[.)])\s+")


def first_line(step: Step) -> str:
    """What the room will read first: the question, else the body's first line without its Markdown marks."""
    if step.question is not None:
        return step.question.text
    for line in step.body.splitlines():
        line = _MARKDOWN_LEAD.sub("", line.strip())
        if line:
            return line
    return ""


def next_step_text(step: Step | None, program: Program) -> Text:
    if step is None:
        return joined(("The end of the agenda.", "italic"))
    session = program.session(step.session_id)
    parts: list[object] = [
        (step.title, "bold"),
        "\n",
        (f"{step.kind.value} · {format_minutes(step.minutes)}", ""),
        (f"  ·  {session.title}" if session else "", "dim"),
    ]
    lead = first_line(step)
    if lead:
        parts += ["\n", (lead, "dim italic")]
    return joined(*parts)


class NextStep(SteadyStatic):
    """Shown beside the current step when the room sees the slide on another screen."""

    DEFAULT_CSS = """
    NextStep {
        height: auto;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
        text-wrap: nowrap;  /* a glance, not a read: each line cut to the width */
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.border_title = "Next"

    def show_step(self, step: Step | None, program: Program) -> None:
        self.show_text(next_step_text(step, program))

"""``bootcamp validate``: load the content and list every problem, one a line."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from bootcamp.content import ContentError, load_dir
from bootcamp.content.model import Program
from bootcamp.locations import default_content_dir
from bootcamp.plurals import counted


def run(args: argparse.Namespace) -> int:
    content_dir = Path(getattr(args, "content", None) or default_content_dir())
    try:
        program = load_dir(content_dir)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        noun = "problem" if len(error.problems) == 1 else "problems"
        print(f"{len(error.problems)} {noun} in {content_dir}")
        return 1
    steps = sum(len(program.steps(agenda.id)) for agenda in program.agendas)
    agendas = ", ".join(
        f"{agenda.title.lower()} {program.planned_minutes(agenda.id) / 60:.1f} h" for agenda in program.agendas
    )
    print(
        f"ok: {program.title}: {counted(len(program.sessions), 'session')}, "
        f"{counted(len(program.exercises), 'exercise')}, {counted(steps, 'step')} across agendas ({agendas}) "
        f"in {content_dir}"
    )
    # a session copied and renamed runs only once an agenda lists it: ok alone would leave the author looking for it
    for session in program.sessions:
        if not any(session.id in agenda.session_ids for agenda in program.agendas):
            print(
                f"note: session '{session.id}' ({session.title}) is in no agenda, so no workshop runs it: add its id to "
                "the sessions of an agenda in sessions/program.yaml"
            )
    for note in _off_the_wall(program):
        print(note)
    return 0


# The wall at 80×24 (presenter mode, the projector window): a title on one line of 76 columns, a body in 76×16
# (bootcamp/ui/widgets/slide.py); the shipped content is held to it by its tests, an author's is told here.
WALL_COLUMNS, WALL_ROWS = 76, 16


def _off_the_wall(program: Program) -> list[str]:
    """A note for each step whose title or body the wall cuts off: presenter mode does not scroll."""
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(width=WALL_COLUMNS, color_system=None, force_terminal=False, legacy_windows=False)
    notes: list[str] = []
    for session in program.sessions:
        for step in session.steps:
            if len(step.title) > WALL_COLUMNS:  # wrapped at a word, its first line alone shows
                shown = textwrap.wrap(step.title, WALL_COLUMNS)[0]
                notes.append(
                    f"note: {step.key}: the title is {len(step.title)} characters and the wall has room for "
                    f"{WALL_COLUMNS} at 80×24, so it reads '{shown}' there"
                )
            if step.body:
                rows = len(console.render_lines(Markdown(step.body), pad=False))
                if rows > WALL_ROWS:
                    notes.append(
                        f"note: {step.key}: the body is {rows} rows at {WALL_COLUMNS} columns and the wall shows "
                        f"{WALL_ROWS} at 80×24: the last {rows - WALL_ROWS} are cut off in presenter mode"
                    )
    return notes

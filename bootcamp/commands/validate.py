"""``bootcamp validate``: load the content and list every problem, one a line."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from bootcamp.content import ContentError, load_dir, read_sources
from bootcamp.content.model import Program
from bootcamp.errors import UserError
from bootcamp.locations import default_content_dir
from bootcamp.plurals import counted


def run(args: argparse.Namespace) -> int:
    content_dir = Path(getattr(args, "content", None) or default_content_dir())
    copied_from = ""
    if getattr(args, "copy_to", None) is not None:
        copied_from = "the shipped content" if getattr(args, "content", None) is None else f"the content of {content_dir}"
        if not args.copy_to.strip():  # "$DIR" never set: not the folder the command runs in
            raise UserError("--copy-to is empty: give the folder to copy the content into; nothing was done")
        content_dir = _copied(content_dir, Path(args.copy_to))
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
    if copied_from:
        print(
            f"copied {copied_from} to {content_dir}: edit its files, then run bootcamp --content {content_dir} validate"
        )
    return 0


def _copied(content_dir: Path, target: Path) -> Path:
    """A copy of a content folder's sessions/ and exercises/ (their YAML files) in ``target``, a folder not there yet
    or empty: an author's files already there are never overwritten."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "already has files in it" if target.is_dir() else "is a file"
        raise UserError(
            f"{target} {what}: --copy-to makes a new folder, so nothing of yours is overwritten; name a folder "
            "that does not exist yet"
        )
    if not content_dir.is_dir():
        raise UserError(f"the content folder {content_dir} does not exist: check the path; nothing was copied")
    try:
        sources = read_sources(content_dir) if (content_dir / "sessions").is_dir() else {}
    except ContentError as error:
        raise UserError(f"cannot copy {content_dir}: {error.problems[0]}; nothing was copied") from None
    if not sources:
        raise UserError(f"{content_dir} holds no boot camp content (no sessions/ folder): nothing was copied")
    try:
        for relative, text in sources.items():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write to {target}: {error.strerror or error}") from None
    return target


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

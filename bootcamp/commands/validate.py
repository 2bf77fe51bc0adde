"""``bootcamp validate``: load the content and list every problem, one a line."""

from __future__ import annotations

import argparse
from pathlib import Path

from bootcamp.content import ContentError, load_dir
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
    return 0

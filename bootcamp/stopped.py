"""Where a workshop stopped, in a few words, as home lists it: "not started", "finished" or the step; a workshop
whose answers all came in without a step run (from paper, ``bootcamp import-answers``) says so and how many.

:func:`where_stopped` is a pure function of the content, the agenda and the stored state;
:func:`where_each_stopped` reads what it needs for a list of workshops (no Textual).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bootcamp.clock import Clock
from bootcamp.content.model import Program
from bootcamp.errors import UserError
from bootcamp.flow import Flow
from bootcamp.plurals import counted
from bootcamp.store.model import WorkshopInfo, WorkshopState

if TYPE_CHECKING:
    from bootcamp.store import Store

NOT_STARTED = "not started"
FINISHED = "finished"


def where_stopped(program: Program, agenda_id: str, state: WorkshopState, clock: Clock, answered: int = 0) -> str:
    """Where the room was: the step and its place in the agenda, "not started" or "finished"; ``answered``: the
    answers stored.

    A workshop is started once a step is done or a timer has run; UserError if the agenda has no steps. One with
    answers but no step run was filled from paper: "not started" would read as empty (a CCO's run 2 of 228 answers).
    """
    flow = Flow(program, agenda_id, state, clock)
    if not state.done and not state.timers:
        return f"{counted(answered, 'answer')}, not run on the console" if answered else NOT_STARTED
    if len(state.done) == flow.total:
        return FINISHED
    return f"{flow.current.title} ({flow.index + 1}/{flow.total})"


def where_each_stopped(store: Store, workshops: Sequence[WorkshopInfo], clock: Clock) -> list[str]:
    """Where each workshop stopped, in order; "cannot read: …" for one whose files cannot be read.

    Reads each workshop's content and state (about half a second for a thousand); workshops mostly
    share one content, so each content is loaded once (by its hash).
    """
    programs: dict[str, Program] = {}
    stops = []
    for info in workshops:
        try:
            files = store.open(info.id)
            program = programs.get(info.content_hash)
            if program is None:
                program = programs[info.content_hash] = files.program()
            state = files.state()
            answered = 0 if state.done or state.timers else len(files.answers())  # read only where it can matter
            stops.append(where_stopped(program, info.agenda, state, clock, answered))
        except UserError as error:
            stops.append(cannot_read(error))
    return stops


def cannot_read(error: UserError) -> str:
    """Where a workshop whose files cannot be read stopped: the error's own words, once "cannot read" (the store's
    unreadable file already says "cannot read <file>: …")."""
    said = str(error)
    return said if said.startswith("cannot read") else f"cannot read: {said}"

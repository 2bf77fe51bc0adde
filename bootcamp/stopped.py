"""Where a workshop stopped, in a few words, as home lists it: "not started", "finished" or the step.

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
from bootcamp.store.model import WorkshopInfo, WorkshopState

if TYPE_CHECKING:
    from bootcamp.store import Store

NOT_STARTED = "not started"
FINISHED = "finished"


def where_stopped(program: Program, agenda_id: str, state: WorkshopState, clock: Clock) -> str:
    """Where the room was: the step and its place in the agenda, "not started" or "finished".

    A workshop is started once a step is done or a timer has run; UserError if the agenda has no steps.
    """
    flow = Flow(program, agenda_id, state, clock)
    if not state.done and not state.timers:
        return NOT_STARTED
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
            stops.append(where_stopped(program, info.agenda, files.state(), clock))
        except UserError as error:
            stops.append(f"cannot read: {error}")
    return stops

"""One view per step kind, looked up by kind.

Each kind lives in ``steps/<kind>.py`` and exports ``VIEW``; a module is imported the
first time a step of its kind is shown, so opening the app loads none of them (the
``teach`` view pulls in the Markdown renderer). On the console the views hold the
room's answering widgets; presenter mode and a projector window reuse them with
``presenter=True``, which must never show facilitator-only material.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from bootcamp.content.model import Program, Step
from bootcamp.ui.widgets.steps.base import StepScroll, StepView, show_view

if TYPE_CHECKING:
    from bootcamp.live.records import LiveRecords


def view_for(step: Step, program: Program, *, presenter: bool = False, live: LiveRecords | None = None) -> StepView:
    module = importlib.import_module(f"{__name__}.{step.kind.value}")
    view: type[StepView] = module.VIEW
    return view(step, program, presenter=presenter, live=live)


__all__ = ["StepScroll", "StepView", "show_view", "view_for"]

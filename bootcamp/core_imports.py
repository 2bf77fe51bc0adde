"""The core, imported once on one thread before home's workers run side by side.

Home paints before it imports the store, the content loader, the flow or the summary, so that the
first frame comes quickly; its thread workers need them. Two threads importing modules that import
each other for the first time can deadlock in Python's import locks (seen: 1 start in 12 with 1,000
workshops, when each worker imported what it needed; a lock then made the workers take turns). So
one worker imports at a time and the others import nothing new: the first runs alone (the list,
which needs only the store, or the workshop to open on start); then :func:`import_core` imports
everything else the workers use, down to the lazy imports on their way; every other worker waits
for it (:class:`AfterCoreImports`) and finds each module in ``sys.modules``.
A screen a worker's result needs (it imports Textual) is imported on the app's thread once the core
is in. ``tests/ui/test_home.py`` checks that no worker's work imports a module left out here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# What home's workers use, down to the lazy imports on their way: listing (the library index) and
# where each workshop stopped, loading the content, opening a workshop (its writer's thread takes file
# locks), reading a summary, creating a workshop or the demo.
CORE_MODULES = (
    "bootcamp.store.store",  # the package alone loads nothing (bootcamp.store imports on first use)
    "bootcamp.store.writer",
    "bootcamp.library",
    "bootcamp.library.row_reading",  # a folder changed since the index was written
    "bootcamp.library.search",  # the search screen's workers
    "bootcamp.content",
    "bootcamp.content.rolecheck_words",  # imported when a line is first weighed (the demo, a summary); its weights are read then
    "bootcamp.flow",
    "bootcamp.stopped",
    "bootcamp.summary",
    "bootcamp.summary.stored_runs",  # a saved summary is read through it (and its earlier runs)
    "bootcamp.live.workshop",
    "bootcamp.demo_earlier",
    "filelock",
)


def import_core() -> None:
    for name in CORE_MODULES:
        importlib.import_module(name)


class AfterCoreImports:
    """Worker starts held back until the core is imported, then made in the order they were asked for."""

    def __init__(self) -> None:
        self.done = False
        self._held: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = []

    def start(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        if self.done:
            work(*args, **kwargs)
        elif (work, args, kwargs) not in self._held:  # asked for twice before the core was in: once will do
            self._held.append((work, args, kwargs))

    def holds(self, work: Callable[..., Any]) -> bool:
        """Whether a start of ``work`` is waiting."""
        return any(held == work for held, _, _ in self._held)

    def core_imported(self) -> None:
        self.done = True
        held, self._held = self._held, []
        for work, args, kwargs in held:
            work(*args, **kwargs)

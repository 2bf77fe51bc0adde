"""Python's garbage collector, tuned for an app the facilitator drives key by key all day.

Every step change allocates tens of thousands of short-lived objects (Textual's layout and
rendered lines), and Textual keeps bounded caches of rendered lines that grow to a few hundred
thousand objects. With Python's default first threshold (700 allocations) the collector runs
about fifty times per key press and, every few presses, walks the whole heap: measured on the
console, one press in five took 150-220 ms instead of about 50 ms. Collecting the youngest
generation every 10,000 allocations makes the full walks rare (p90 of a press about 75 ms);
the garbage waiting in between is a few megabytes at most.

While the app starts nothing is collected at all: importing and styling make objects that all live
on, so each collection then walked a growing heap for nothing (about 10 ms of a 270 ms start, and
10 more while Textual and the app were imported). The ``bootcamp`` command holds it from before it
imports Textual (:mod:`bootcamp.commands.tui`), an app from its load event (one made and never run
must not hold it); home's list on screen, or the app's end, turns it back on.
"""

from __future__ import annotations

import gc

YOUNGEST_THRESHOLD = 10_000
_held = False  # collection turned off by hold_during_start, to turn back on once


def collect_less_often() -> None:
    youngest, middle, oldest = gc.get_threshold()
    if 0 < youngest < YOUNGEST_THRESHOLD:  # 0: someone turned collection off, leave it so
        gc.set_threshold(YOUNGEST_THRESHOLD, middle, oldest)


def hold_during_start() -> None:
    global _held
    if gc.isenabled():  # off already: someone else's choice, left as it is
        gc.disable()
        _held = True


def release_after_start() -> None:
    """Collection back on (once the first screen is drawn, or the app ends before it is): safe to call again."""
    global _held
    if _held:
        _held = False
        gc.enable()

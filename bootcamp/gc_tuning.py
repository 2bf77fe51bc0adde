"""Python's garbage collector, tuned for an app the facilitator drives key by key all day.

Every step change allocates tens of thousands of short-lived objects (Textual's layout and
rendered lines), and Textual keeps bounded caches of rendered lines that grow to a few hundred
thousand objects. With Python's default first threshold (700 allocations) the collector runs
about fifty times per key press and, every few presses, walks the whole heap: measured on the
console, one press in five took 150-220 ms instead of about 50 ms. Collecting the youngest
generation every 10,000 allocations makes the full walks rare (p90 of a press about 75 ms);
the garbage waiting in between is a few megabytes at most.
"""

from __future__ import annotations

import gc

YOUNGEST_THRESHOLD = 10_000


def collect_less_often() -> None:
    youngest, middle, oldest = gc.get_threshold()
    if 0 < youngest < YOUNGEST_THRESHOLD:  # 0: someone turned collection off, leave it so
        gc.set_threshold(YOUNGEST_THRESHOLD, middle, oldest)

"""One fresh start in its own process; the parent times it (see :mod:`tests.benchmarks.startup`).

    python -m tests.benchmarks.start_driver bare
    python -m tests.benchmarks.start_driver app DATA_DIR CONTENT_DIR ROWS [stopped]

As soon as the first screen is ready it writes one JSON line (its peak memory) and quits:
for the bare app, its first frame; for bootcamp, the first frame of the home screen that
lists all ROWS workshops (with ``stopped``: and says where each one stopped, which may
come later). The parent times from starting this process to reading that line, so the
interpreter's start and every import count.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # each start imports Textual itself, after what it does first (the app: gc_tuning)
    from textual.app import App
    from textual.screen import Screen

SIZE = (120, 40)


def peak_rss_kib() -> float:
    """This process's peak resident memory. On Linux from ``VmHWM``: ``ru_maxrss`` survives ``exec``, so
    a child of a larger parent (the benchmark, once it had compiled or built rooms) reported the parent's
    peak: a bare app measured at 51 MiB, the same as bootcamp's."""
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return float(line.split()[1])  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform == "darwin" else peak  # macOS counts bytes, Linux KiB


def bare() -> tuple[App, object]:
    from tests.benchmarks.floor_apps import BareApp

    return BareApp(), lambda screen: True


def bootcamp(data_dir: str, content_dir: str, rows: str, until: str = "list") -> tuple[App, object]:
    from bootcamp.ui.app import create_app

    expected_rows = int(rows)
    app = create_app(data_dir=Path(data_dir), content_dir=Path(content_dir))

    def lists_every_workshop(screen: Screen) -> bool:
        if type(screen).__name__ != "HomeScreen":
            return False
        from textual.widgets import DataTable  # already imported by the home screen

        workshop_list = screen.workshop_list
        shown = getattr(workshop_list, "listed", None)  # None: a version whose table holds every workshop
        if (shown if shown is not None else screen.query_one(DataTable).row_count) != expected_rows:
            return False
        table = screen.query_one(DataTable)
        # Rows in the table are not yet rows on screen: a table laid out before it measured them is 0 lines high.
        if expected_rows and not (table.row_count and table.size.height > int(table.show_header)):
            return False
        if until != "stopped":
            return True
        from bootcamp.ui.widgets.workshop_list import STILL_READING  # already imported by the home screen

        return all(row.stopped_at != STILL_READING for row in screen.rows)

    return app, lists_every_workshop


def main(argv: list[str]) -> int:
    if argv[0] != "bare":
        from bootcamp.gc_tuning import hold_during_start

        hold_during_start()  # as the `bootcamp` command does before it imports Textual (bootcamp.commands.tui)
    from tests.benchmarks.frames import FrameWatch

    app, shows_it = bare() if argv[0] == "bare" else bootcamp(*argv[1:])

    def report(_shown_at: float) -> None:
        # Straight to the file descriptor: Textual redirects sys.stdout while it runs.
        os.write(1, (json.dumps({"peak_rss_kib": peak_rss_kib()}) + "\n").encode())
        app.exit()

    FrameWatch(app).expect(shows_it, then=report)
    app.run(headless=True, size=SIZE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

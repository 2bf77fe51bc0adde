"""The commitment summary and its Markdown export of a large room, as ``bootcamp summary ID`` makes them.

Each sample starts from the disk: open the workshop, load its content copy, read every
answer file, build the report, render Markdown. No floor: the target is a time.
"""

from __future__ import annotations

from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store import Store
from bootcamp.summary import build_report
from tests.benchmarks.report import Figure
from tests.benchmarks.timing import median, seconds_taken

MAX_MS = 100.0
# At least this many samples: a sample takes under 0.1 s, and on a shared machine the median of five moved by a
# fifth from one run to the next.
MIN_SAMPLES = 15


def summary_markdown(data_dir: Path, workshop_id: str) -> str:
    files = Store(data_dir, SystemClock()).open(workshop_id)
    report = build_report(files.program(), files.info(), files.answers(), files.room(), files.state())
    return render_markdown(report)


def summary_figure(runs: int, data_dir: Path, workshop_id: str, participants: int) -> Figure:
    summary_markdown(data_dir, workshop_id)  # not counted: imports, page cache
    samples = [seconds_taken(lambda: summary_markdown(data_dir, workshop_id)) for _ in range(max(runs, MIN_SAMPLES))]
    return Figure(
        f"summary + Markdown export, {participants} participants",
        median(samples) * 1000,
        "ms",
        max_value=MAX_MS,
    )

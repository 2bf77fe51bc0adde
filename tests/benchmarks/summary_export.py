"""The commitment summary and its Markdown export of a large room, as ``bootcamp summary ID`` makes them.

Each sample starts from the disk: open the workshop, load its content copy, read every
answer file, build the report, render Markdown. No floor: the target is a time.

The samples are taken in a process of their own, which imports what ``bootcamp summary`` imports and
nothing else, as the command's own process does. Taken in the benchmark's process, which holds Textual,
aiohttp and the demo rooms, each full pass of the garbage collector walked all of those too: about 20 ms
a pass, one pass every other summary, a tenth of the figure that ``bootcamp summary`` never pays.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store import Store
from bootcamp.summary import build_report
from tests.benchmarks.report import Figure
from tests.benchmarks.timing import median, seconds_taken

CHECKOUT = Path(__file__).resolve().parents[2]
MAX_MS = 100.0
# At least this many samples: a sample takes under 0.1 s, and on a shared machine the median of five moved by a
# fifth from one run to the next.
MIN_SAMPLES = 15


def summary_markdown(data_dir: Path, workshop_id: str) -> str:
    files = Store(data_dir, SystemClock()).open(workshop_id)
    report = build_report(files.program(), files.info(), files.answers(), files.room(), files.state())
    return render_markdown(report)


def summary_figure(runs: int, data_dir: Path, workshop_id: str, participants: int) -> Figure:
    command = [sys.executable, "-m", "tests.benchmarks.summary_export", str(data_dir), workshop_id]
    done = subprocess.run(
        [*command, str(max(runs, MIN_SAMPLES))], cwd=CHECKOUT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"the summary's samples failed (exit status {done.returncode}): {done.stderr.strip()}")
    samples = json.loads(done.stdout)
    return Figure(
        f"summary + Markdown export, {participants} participants",
        median(samples) * 1000,
        "ms",
        max_value=MAX_MS,
    )


def main(argv: list[str]) -> None:
    """``python -m tests.benchmarks.summary_export DATA_DIR WORKSHOP_ID SAMPLES``: the samples, in seconds, as JSON."""
    data_dir, workshop_id, count = Path(argv[0]), argv[1], int(argv[2])
    summary_markdown(data_dir, workshop_id)  # not counted: imports, page cache
    print(json.dumps([seconds_taken(lambda: summary_markdown(data_dir, workshop_id)) for _ in range(count)]))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Start-up figures: fresh processes, timed from their start to the first frame that shows the home screen's list.

Each start runs :mod:`tests.benchmarks.start_driver` in a new interpreter, so every import
counts; bootcamp's starts take turns with the bare app's (or with each other's).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.report import Figure
from tests.benchmarks.timing import interleaved

CHECKOUT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 300.0
START_TARGET = 1.3  # × the bare app (issue 13: frogmouth and posting, measured the same way, start at 2.3× and 2.6×)


@dataclass(frozen=True)
class Start:
    seconds: float  # from starting the process to its first frame of the expected screen
    peak_mib: float  # peak resident memory by then


class StartFailed(RuntimeError):
    """A measured start did not reach its first frame (its stderr is in the message)."""


def start_once(driver_args: list[str]) -> Start:
    command = [sys.executable, "-m", "tests.benchmarks.start_driver", *driver_args]
    # Errors go to a file: a long traceback in a pipe nobody reads yet would block the child.
    with tempfile.TemporaryFile() as errors:
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=CHECKOUT, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        line = process.stdout.readline()
        seconds = time.perf_counter() - began
        try:
            process.communicate(timeout=START_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            raise StartFailed(f"{' '.join(driver_args)}: did not quit within {START_TIMEOUT:.0f} s") from None
        if not line or process.returncode != 0:
            errors.seek(0)
            said = errors.read().decode(errors="replace")[-2000:]
            raise StartFailed(f"{' '.join(driver_args)}: exited {process.returncode} without a frame: {said}")
    return Start(seconds, json.loads(line)["peak_rss_kib"] / 1024)


def bootcamp_args(data_dir: Path, content_dir: Path, workshops: int, until: str = "list") -> list[str]:
    return ["app", str(data_dir), str(content_dir), str(workshops), until]


def startup_figures(runs: int, data_dir: Path, content_dir: Path) -> list[Figure]:
    """Start to the home screen (one stored workshop) and its peak memory, against the bare app."""
    app = bootcamp_args(data_dir, content_dir, 1)
    # As a start finds it the day after: the index written, its stamps old enough to trust. A workshop made seconds
    # ago has every start stat and sign its files until one of them can write stamps it trusts (UNSURE_NS).
    settled_index(data_dir)
    for args in (app, ["bare"]):  # not counted: fills the bytecode and page caches
        start_once(args)
    bootcamp, bare = interleaved(runs, [lambda: start_once(app), lambda: start_once(["bare"])])
    return [
        Figure.compared(
            "start to the home screen (headless)",
            [s.seconds for s in bootcamp],
            [s.seconds for s in bare],
            "ms",
            scale=1000,
            max_ratio=START_TARGET,
        ),
        Figure.compared(
            "peak memory (RSS) of that start",
            [s.peak_mib for s in bootcamp],
            [s.peak_mib for s in bare],
            "MiB",
            max_ratio=1.3,
        ),
    ]


def home_figures(runs: int, one: Path, many: Path, count: int, content_dir: Path) -> list[Figure]:
    """Start to the home screen listing ``count`` stored workshops, against the same with one.

    Twice: until the list shows, and until it also says where each workshop stopped. The library index is built
    first, as any earlier start leaves it: a first start builds it (the library's figures time that apart), and
    measured without it, the list's starts read every workshop.json while the later ones had the index.
    """
    settled_index(one, many)
    return [
        home_start_figure(runs, one, many, count, content_dir, until, f"home with {count:,} stored workshops: {what}")
        for until, what in (("list", "list shown"), ("stopped", "where each stopped"))
    ]


def settled_index(*folders: Path) -> None:
    """Each data folder's library index built and its stamps trusted, as in a library not changed in the last
    seconds: a change less than ``UNSURE_NS`` old has every start stat the workshop's files, until one writes it."""
    from bootcamp.clock import SystemClock
    from bootcamp.library import Library, signatures

    libraries = [Library(folder, SystemClock()) for folder in folders]
    for library in libraries:
        library.listing()
    time.sleep(signatures.UNSURE_NS / 1e9)
    for library in libraries:
        library.listing()  # writes the stamps it can trust now


def home_start_figure(samples: int, one: Path, many: Path, count: int, content_dir: Path, until: str, name: str) -> Figure:
    """Fresh starts to home with ``count`` workshops against starts with one, in turns, ``until`` "list" or
    "stopped" (see :mod:`tests.benchmarks.start_driver`)."""
    few_args = bootcamp_args(one, content_dir, 1, until)
    many_args = bootcamp_args(many, content_dir, count, until)
    start_once(few_args)  # not counted: bytecode and page caches
    start_once(many_args)
    few, lots = interleaved(samples, [lambda: start_once(few_args), lambda: start_once(many_args)])
    return Figure.compared(
        name,
        [s.seconds for s in lots],
        [s.seconds for s in few],
        "ms",
        scale=1000,
        max_ratio=1.3,
        target_note="floor: 1 workshop",
    )

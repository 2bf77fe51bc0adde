"""``python -m tests.benchmarks``: build the workshops once, measure every figure, print the table.

Progress goes to standard error, the table to standard output. The figures are for
reading, not for passing or failing: the exit status says only whether the run worked.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import os
import platform
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import textual

from bootcamp.clock import SystemClock
from bootcamp.locations import default_content_dir
from bootcamp.store import Store
from tests.benchmarks import keypress, library, phones, rooms, saving, startup, summary_export
from tests.benchmarks.filesystem import filesystem_of
from tests.benchmarks.report import Figure, table

CHECKOUT = Path(__file__).resolve().parents[2]
SCRATCH_PREFIX = ".benchmark-"
MEANINGLESS_FSYNC = ("tmpfs", "ramfs", "overlay", "devtmpfs")


@dataclass(frozen=True)
class Sizes:
    runs: int  # key-press sessions of each kind
    saves: int  # saves of each kind
    presses: int  # at most, per key-press session
    starts: int  # fresh starts of each kind (bootcamp's and the bare app's, alternated)
    rooms: tuple[int, ...] = (5, 40, 200)
    workshops: int = 1000
    library_samples: int = 15  # alternated samples of each home and library figure, at least
    phones: tuple[phones.Load, ...] = (
        phones.Load(40, 3, within=5.0, p95_target=True),
        phones.Load(200, 3, within=1.0),
    )


FULL = Sizes(runs=5, saves=200, presses=15, starts=15)  # a start varies by ±15 %: 15 pairs steady its median
QUICK = Sizes(  # checks that it runs, nothing more
    runs=1,
    saves=3,
    presses=2,
    starts=1,
    rooms=(5, 10, 20),
    workshops=5,
    library_samples=1,
    phones=(phones.Load(5, 1, within=1.0),),
)
GROUPS = ("start", "keys", "saves", "summary", "home", "library", "phones")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each on small rooms: checks that it works")
    parser.add_argument("--runs", type=int, help=f"key-press sessions of each kind (default {FULL.runs})")
    parser.add_argument(
        "--starts", type=int, help=f"fresh starts of bootcamp and of the bare app, alternated (default {FULL.starts})"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="measure only these figures (repeatable): start-up and its memory, key presses, saves, the summary, "
        "the home screen with many workshops, the library index (home and search with many workshops), "
        "phones answering (default: all)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=CHECKOUT,
        help="where the temporary data folder goes (default: the checkout, so the store is measured on its disk)",
    )
    return parser.parse_args(argv)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def machine() -> str:
    load = f", load {os.getloadavg()[0]:.1f} at start" if hasattr(os, "getloadavg") else ""
    return (
        f"{os.cpu_count()} cores{load}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; Textual {textual.__version__}"
    )


def measure(sizes: Sizes, scratch: Path, groups: tuple[str, ...] = GROUPS) -> tuple[list[Figure], list[str]]:
    """Every figure of ``groups``, and the notes to print under them."""
    content_dir = default_content_dir()
    sources = rooms.shipped_sources()
    say("building the workshops …")
    demo = rooms.demo_room(scratch / "demo", sources)
    one = scratch / "one-workshop"
    alone = rooms.stored_workshop(one, demo)
    many = scratch / "many-workshops"
    if {"saves", "home", "library"} & set(groups):
        among_many = rooms.stored_workshop(many, demo)
        rooms.add_copies(many, among_many, sizes.workshops - 1)
    by_size = scratch / "rooms"
    if {"saves", "summary"} & set(groups):
        room_ids = {size: rooms.stored_workshop(by_size, rooms.room_of(demo, size)).id for size in sizes.rooms}
    walked = scratch / "walk"
    fresh = Store(walked, SystemClock()).create_workshop(
        name=demo.info.name,
        organisation=demo.info.organisation,
        date=demo.info.date,
        participants=[(p.name, p.role) for p in demo.info.participants],
        sources=sources,
    )

    figures: list[Figure] = []
    notes: list[str] = []
    if "start" in groups:
        say("start-up and its memory, against a bare Textual app …")
        figures += startup.startup_figures(sizes.starts, one, content_dir)
    if "keys" in groups:
        say("key presses, against the console with its step as one Static and a bare app switching screens …")
        figures += keypress.keypress_figures(sizes.runs, walked, content_dir, fresh, sources, sizes.presses)
        say("answer keys, against the console with its question as one Static and a bare app showing the letter …")
        figures += keypress.answering_figures(sizes.runs, walked, content_dir, fresh, sizes.presses)
    if "saves" in groups:
        say("saving answers, against an fsync'd atomic write …")
        figures += saving.room_size_figures(
            sizes.saves, {size: saving.open_workshop(by_size, room_ids[size]) for size in sizes.rooms}
        )
        figures += saving.stored_workshops_figures(
            sizes.saves,
            saving.open_workshop(one, alone.id),
            saving.open_workshop(many, among_many.id),
            sizes.workshops,
        )
    if "summary" in groups:
        say("the summary …")
        largest = max(sizes.rooms)
        figures.append(summary_export.summary_figure(max(sizes.runs, 5), by_size, room_ids[largest], largest))
    if "home" in groups:
        say(f"the home screen with {sizes.workshops:,} workshops …")
        # As many starts as the library's home row: with five, one slow start moved the ratio by 0.15.
        figures += startup.home_figures(max(sizes.runs, sizes.library_samples), one, many, sizes.workshops, content_dir)
    if "library" in groups:
        say(f"the library index: home and search with {sizes.workshops:,} workshops …")
        samples = max(sizes.runs, sizes.library_samples)
        figures += library.library_figures(samples, one, many, sizes.workshops, content_dir)
    if "phones" in groups:
        say("phones answering through the join server, on loopback …")
        phone_figures, phone_notes = phones.phone_figures(sizes.phones, demo, scratch, say)
        figures += phone_figures
        notes += phone_notes
    return figures, notes


def measure_as_installed() -> None:
    """Every measured process reads bytecode, as an installed app does (pip compiles it on install).

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some shells and CI), each start compiled bootcamp's
    modules from source while Textual's came compiled in the venv: about 50 ms of a start that the bare
    app never paid, and a first press of each step kind compiling its view. Compiled once here, into the
    ``__pycache__`` folders Python uses anyway (ignored by git).
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for folder in ("bootcamp", "tests"):
        compileall.compile_dir(CHECKOUT / folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.runs:
        sizes = dataclasses.replace(sizes, runs=args.runs)
    if args.starts:
        sizes = dataclasses.replace(sizes, starts=args.starts)
    groups = tuple(args.only or GROUPS)
    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=args.dir))
    try:
        filesystem = filesystem_of(scratch)
        say(f"measuring in {scratch} ({filesystem})")
        measure_as_installed()
        figures, notes = measure(sizes, scratch, groups)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    runs = f"{sizes.runs} run{'s' if sizes.runs != 1 else ''}"
    print(
        f"bootcamp benchmarks: medians of {runs} (starts: {sizes.starts} of each; saves: {sizes.saves} of each), "
        "floors measured in turns with them"
    )
    print(f"machine: {machine()}")
    print(f"store measured on: {filesystem}")
    if filesystem.split()[0] in MEANINGLESS_FSYNC:
        print("  (an fsync on this filesystem does not reach a disk: the save figures say little here)")
    print()
    print(table(figures))
    print()
    print("ratio: the median of the ratios of samples taken in turns (not quite value / floor).")
    print("floors: start and memory: a bare Textual app with one Static; key press: bootcamp's console with the")
    print("step's view as one Static whose text changes, and (second row) the bare app switching screens;")
    print("answer key: the console with the question's view as one Static taking the same keys through the same")
    print("live workshop, and (second row) that bare app showing the letter typed in its Static;")
    print("saves: an fsync'd atomic write of 1 KB in the same folder; save 'against' rows: the same save in the")
    print("smaller case; home: the same start with 1 stored workshop.")
    if "library" in groups:
        print(f"library: {max(sizes.runs, sizes.library_samples)} samples of each, alternated with their floor's;")
        print("home timed until the list and where each stopped show, the index built beforehand (its")
        print("first build is the row for reading); search: Library.search for a word one workshop holds, in this")
        print("process, by a Library just readied as the search screen readies it (first key) and by the same one")
        print("again; floors: the same with 1 workshop.")
    if "phones" in groups:
        print('phones: each answer timed on its phone, from its post to being told "saved ✓" (the writer reported')
        print("the fsync'd save); loop delay: how late a 5 ms sleep on the server's loop (the console's) woke,")
        print("while answering, and at the step changes (from the move until every phone was sent the new step).")
        for note in notes:
            print(note)
    return 0

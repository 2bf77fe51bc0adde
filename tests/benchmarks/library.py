"""The library index: home with 1,000 stored workshops against home with one, and search across them.

Home: fresh processes (see :mod:`tests.benchmarks.startup`), timed until the list and where each
workshop stopped are on screen, the index already built (the steady state: a first start builds it
once, measured apart, for reading). Search: in this process, :meth:`Library.search` for a word that
one workshop holds, in a data folder of 1,000 workshops and in one of a single workshop; first by a
Library just readied (:meth:`Library.prepare`, as the search screen does as it opens: each workshop's text
unpacked once, timed apart), then again by the same
Library (the next key typed, within :data:`~bootcamp.library.library.TYPING_FRESHNESS` of the last look at the
folders, as the search screen asks).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.library import Library
from bootcamp.library.index_file import index_path
from bootcamp.library.library import TYPING_FRESHNESS
from bootcamp.store import Store
from bootcamp.store.model import RoomNote
from tests.benchmarks.report import Figure
from tests.benchmarks.startup import home_start_figure, settled_index
from tests.benchmarks.timing import interleaved, seconds_taken

WORD = "zeppelin"  # in one workshop's notes of each data folder, nowhere else


def plant_word(data_dir: Path) -> None:
    """A room note holding WORD in the newest workshop of ``data_dir``."""
    store = Store(data_dir, SystemClock())
    newest = store.list_workshops()[0]
    note = RoomNote("n-benchmark", "", f"Parked: the {WORD} question")
    store.open(newest.id).update_room(lambda room: dataclasses.replace(room, notes=(*room.notes, note)))


def library_figures(samples: int, one: Path, many: Path, count: int, content_dir: Path) -> list[Figure]:
    for folder in (one, many):
        plant_word(folder)
        index_path(folder).unlink(missing_ok=True)
    built = seconds_taken(lambda: Library(many, SystemClock()).listing())
    figures = [Figure(f"library: index of {count:,} workshops built (a first start)", built * 1000, "ms")]
    settled_index(one, many)  # home and search as on a library not changed in the last seconds
    name = f"library: home with {count:,} workshops, list and where each stopped"
    figures.append(home_start_figure(samples, one, many, count, content_dir, "stopped", name))
    figures += _search_figures(samples, one, many, count)
    return figures


def _search_figures(samples: int, one: Path, many: Path, count: int) -> list[Figure]:
    def readied(folder: Path) -> Library:
        library = Library(folder, SystemClock())
        library.prepare()  # what the search screen does as it opens, while the user starts typing
        return library

    def first_search(folder: Path) -> float:
        library = readied(folder)
        return seconds_taken(lambda: _one_hit(library))

    ready = seconds_taken(lambda: readied(many))
    kept = {folder: readied(folder) for folder in (one, many)}
    for library in kept.values():
        _one_hit(library)

    fresh_few, fresh_lots = interleaved(samples, [lambda: first_search(one), lambda: first_search(many)])
    again_few, again_lots = interleaved(
        samples, [lambda: seconds_taken(lambda: _one_hit(kept[one])), lambda: seconds_taken(lambda: _one_hit(kept[many]))]
    )
    return [
        Figure(f"library: search screen readied for {count:,} workshops (as it opens)", ready * 1000, "ms"),
        Figure.compared(
            f"library: search across {count:,} workshops, first key",
            fresh_lots,
            fresh_few,
            "ms",
            scale=1000,
            max_ratio=2.0,
            target_note="floor: 1 workshop",
        ),
        Figure.compared(
            f"library: search across {count:,} workshops, again (as one types)",
            again_lots,
            again_few,
            "ms",
            scale=1000,
            max_ratio=2.0,
            target_note="floor: 1 workshop",
        ),
    ]


def _one_hit(library: Library) -> None:
    hits = library.search(WORD, fresh_within=TYPING_FRESHNESS)  # as the search screen asks, one key after another
    assert len(hits) == 1, f"{WORD!r}: {len(hits)} hits"


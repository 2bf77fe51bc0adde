"""Two processes refreshing the index at once, many rounds: it stays readable and complete."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bootcamp.library import Library
from bootcamp.library.index_file import read_rows
from bootcamp.store import Store
from tests.library.conftest import make_workshop

CHECKOUT = Path(__file__).resolve().parents[2]
ROUNDS = 40


def test_two_processes_refreshing_at_once_leave_the_index_readable_and_complete(
    store: Store, sources: dict[str, str], library: Library, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    infos = [make_workshop(store, sources, name=f"Run {n}") for n in range(4)]
    library.listing()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.library.refresher_process", str(store.data_dir), info.id, str(ROUNDS), "4"],
            cwd=CHECKOUT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for info in infos[:2]
    ]
    readings = 0
    while any(process.poll() is None for process in processes):  # a third reader, reading as they write
        rows, problem = read_rows(index)
        assert problem is None and set(rows) == {info.id for info in infos}
        readings += 1
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    assert readings > 0
    rows, problem = read_rows(index)
    assert problem is None and set(rows) == {info.id for info in infos}
    # Both listings below see one moment: a box that stalls between them could carry the second past the unsure
    # window after the last save, where a listing rightly writes the index once more to trust the stamps.
    now = time.time_ns()
    monkeypatch.setattr(time, "time_ns", lambda: now)
    listing = library.listing()
    assert {row.info.id for row in listing.rows} == {info.id for info in infos}
    # After the last refresh of each, the index holds what the folders hold: a listing now writes nothing.
    before = index.stat().st_mtime_ns
    library.listing()
    assert index.stat().st_mtime_ns == before

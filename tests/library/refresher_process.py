"""A process that changes its own workshop and refreshes the library index, round after round.

    python -m tests.library.refresher_process DATA_DIR WORKSHOP_ID ROUNDS EXPECTED_COUNT

Each round moves the workshop's state (so the index is stale and this refresh writes it) and
lists the library; it exits 1 naming the round where a listing missed a workshop or raised.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.library import Library
from bootcamp.store import Store


def main(data_dir: str, workshop_id: str, rounds: str, expected: str) -> int:
    clock = SystemClock()
    store = Store(Path(data_dir), clock)
    library = Library(store.data_dir, clock)
    files = store.open(workshop_id, sweep=False)
    for round_number in range(int(rounds)):
        files.update_state(lambda state, n=round_number: dataclasses.replace(state, done=state.done[:0], show_timer=n % 2 == 0))
        listing = library.listing()
        if len(listing.rows) != int(expected) or listing.problems:
            print(f"round {round_number}: {len(listing.rows)} rows, problems {listing.problems}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))

"""A separate process that takes a workshop's owner lock, as a console or a command would.

Run by the owner lock tests::

    python owner_process.py FOLDER PURPOSE

It prints ``held`` once it holds the lock (or ``busy <one sentence>`` if refused, then ends),
then waits on stdin: a line ``release`` lets go of the lock and prints ``released``; the end of
stdin ends the process. Killing it (SIGKILL) leaves its details in the lock file, as a crash would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.store.owner_lock import OwnerLock, WorkshopBusy


def main(folder: str, purpose: str) -> None:
    lock = OwnerLock(Path(folder), purpose=purpose, clock=SystemClock())
    try:
        lock.acquire()
    except WorkshopBusy as busy:
        print(f"busy {busy}", flush=True)
        return
    print("held", flush=True)
    for line in sys.stdin:  # until the test closes stdin (or kills us)
        if line.strip() == "release":
            lock.release()
            print("released", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

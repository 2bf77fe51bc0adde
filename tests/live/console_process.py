"""A separate process that opens a workshop as its live owner, as a console does, and gives answers.

    python console_process.py DATA_DIR WORKSHOP_ID

Prints ``open`` once it owns the workshop (or ``busy <one sentence>``), then reads lines from
stdin: ``answer STEP VALUE`` gives the first participant's answer and prints ``saved`` once it is
on disk; the end of stdin closes the workshop. Killed with SIGKILL, it leaves its lock as a crash would.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.live.requests import GiveAnswer
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store
from bootcamp.store.owner_lock import WorkshopBusy


async def main(data_dir: str, workshop_id: str) -> None:
    clock = SystemClock()
    try:
        workshop = LiveWorkshop.open(Store(Path(data_dir), clock).open(workshop_id), clock)
    except WorkshopBusy as busy:
        print(f"busy {busy}", flush=True)
        return
    workshop.start()
    print("open", flush=True)
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        words = line.split()
        if words[:1] == ["answer"]:
            workshop.apply(GiveAnswer(workshop.info.present[0].id, words[1], words[2]))
            await workshop.settled()
            print("saved", flush=True)
    await workshop.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))

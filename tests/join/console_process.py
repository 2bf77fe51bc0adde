"""A console with joining on and no terminal: the live workshop and its join server on one loop, until killed.

    python -m tests.join.console_process DATA_DIR WORKSHOP_ID STEP_KEY [QUICK]

Opens the workshop as the console does (its owner lock, every file read off the loop), moves the room to
``STEP_KEY``, serves the phone page on 127.0.0.1 (any free port), prints the join URL on one line, and
runs until the process is ended. The test that kills it (``test_console_killed``) looks at what is left.
``QUICK`` (seconds): the stream's keep-alive, and the page's patience with a silent stream and an unanswered post
scaled to it, so a test of a stopped console (``test_laptop_asleep``) need not wait the room's minute.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.join.server import JoinServer
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store


async def serve(data_dir: Path, workshop_id: str, step_key: str, quick: float | None = None) -> None:
    files = Store(data_dir, SystemClock()).open(workshop_id)
    workshop = await asyncio.to_thread(LiveWorkshop.open, files, SystemClock())
    workshop.start()
    workshop.move(lambda flow: flow.jump(step_key))
    server = await JoinServer.start(workshop, "127.0.0.1", 0, data_dir / "join.log")
    if quick:
        server.keep_alive, server.silence_lost, server.save_wait, server.post_patience = (
            quick, 4 * quick, quick, 3 * quick
        )
    print(server.url, flush=True)
    await asyncio.Event().wait()  # until the process is ended


def main() -> None:
    data_dir, workshop_id, step_key = sys.argv[1:4]
    quick = float(sys.argv[4]) if len(sys.argv) > 4 else None
    asyncio.run(serve(Path(data_dir), workshop_id, step_key, quick))


if __name__ == "__main__":
    main()

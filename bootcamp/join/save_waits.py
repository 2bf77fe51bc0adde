"""Waiting, on the loop, until the live workshop's writer has stored some records.

A phone's post is answered once its answer is stored (then the page says "saved ✓"), or after a short
wait (then it says "saving…" and the event stream brings "saved ✓" later). No server here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bootcamp.live.records import LiveRecords
from bootcamp.live.saving import Mark


class SaveWaits:
    def __init__(self, records: LiveRecords) -> None:
        self.records = records
        self._waits: list[tuple[Sequence[str], asyncio.Future[None]]] = []

    def stored(self, keys: Sequence[str]) -> bool:
        """Whether every record is on disk (saved now, or there already)."""
        return all(self.records.mark(key) in (Mark.SAVED, Mark.NONE) for key in keys)

    def changed(self) -> None:
        """The workshop changed (a save result among others): end the waits whose records are stored."""
        for keys, waiting in list(self._waits):
            if not waiting.done() and self.stored(keys):
                waiting.set_result(None)

    async def until_stored(self, keys: Sequence[str], timeout: float) -> bool:
        """Wait until the writer stored every record (True), or ``timeout`` seconds passed (False)."""
        if self.stored(keys):
            return True
        waiting: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (keys, waiting)
        self._waits.append(entry)
        try:
            await asyncio.wait_for(asyncio.shield(waiting), timeout)
            return True
        except TimeoutError:
            return self.stored(keys)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():  # this task is being cancelled, not only its wait
                raise
            return self.stored(keys)  # the server stops: the answer stands as stored as it is
        finally:
            self._waits.remove(entry)

    def cancel(self) -> None:
        for _, waiting in self._waits:
            waiting.cancel()

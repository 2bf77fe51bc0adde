"""Server-sent events: each open phone page is told of changes, a burst of them in one go.

Every change to the live workshop (and to the seats) schedules one flush a little later; the flush
wakes every open stream, and each makes its phone's view again and sends it only when it differs from
what it sent last. So twenty answers within a tenth of a second cost each phone one render at most,
and a phone whose view did not change is sent nothing. The streams are woken a slice at a time, one
slice per turn of the loop: with 200 phones, waking them all at once held the console's loop for
50-70 ms (each view made again, about 0.25 ms); between slices the loop takes key presses and posts.
"""

from __future__ import annotations

import asyncio

BATCH_SECONDS = 0.1  # changes this close together go out as one update
KEEP_ALIVE_SECONDS = 15.0  # an event that keeps a quiet stream open and tells the page the laptop is there
# A stopped laptop (its lid closed) or a dropped Wi-Fi breaks no connection: the page hears only silence. After this
# long without a word it says it lost contact, holds its buttons and opens its stream again.
SILENCE_LOST_SECONDS = 2 * KEEP_ALIVE_SECONDS + 10
ALIVE = "alive"
WAKE_SLICE = 25  # streams woken in one turn of the loop (about 6 ms of views)


def event(name: str, data: str) -> bytes:
    """One server-sent event; every line of ``data`` is its own ``data:`` line, as the format asks."""
    lines = "".join(f"data: {line}\n" for line in data.splitlines() or [""])
    return f"event: {name}\n{lines}\n".encode()


class Streams:
    """The open event streams and the batching of their wake-ups, on the workshop's loop."""

    def __init__(self, batch: float = BATCH_SECONDS) -> None:
        self.batch = batch
        self._wakes: set[asyncio.Event] = set()
        self._pending: asyncio.TimerHandle | None = None

    def open(self) -> asyncio.Event:
        wake = asyncio.Event()
        self._wakes.add(wake)
        return wake

    def close(self, wake: asyncio.Event) -> None:
        self._wakes.discard(wake)

    def __len__(self) -> int:
        return len(self._wakes)

    def changed(self) -> None:
        """Something a phone may show changed: wake every stream once the burst has had time to settle."""
        if self._pending is None:
            self._pending = asyncio.get_running_loop().call_later(self.batch, self.flush)

    def flush(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self._wake(list(self._wakes))

    def _wake(self, wakes: list[asyncio.Event]) -> None:
        """Wake a slice of ``wakes`` now and the rest on the loop's next turns."""
        for wake in wakes[:WAKE_SLICE]:
            wake.set()
        if len(wakes) > WAKE_SLICE:
            asyncio.get_running_loop().call_soon(self._wake, wakes[WAKE_SLICE:])

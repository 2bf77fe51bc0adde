"""The one ordered writer the UI saves through: a queue drained by one worker thread.

Saves run one at a time in the order they were submitted, so a later save never
overtakes an earlier one, and the UI never waits on the disk. A save that fails is
reported (``on_result(job_id, error)``) and retried with backoff, still first in line,
until it succeeds (``on_result(job_id, None)``). ``flush`` and ``close`` wait for what is
pending, so quitting does not lose a save. Pure threading: the UI forwards
``on_result`` to its own thread (Textual's ``call_from_thread``).
"""

from __future__ import annotations

import atexit
import logging
import threading
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from time import monotonic

log = logging.getLogger(__name__)

ResultCallback = Callable[[str, "Exception | None"], None]
# Seconds to wait before each retry of a failing save; the last one repeats.
DEFAULT_BACKOFF = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0)
EXIT_WAIT = 10.0  # seconds an exiting interpreter waits for saves nobody flushed


class WriterClosed(RuntimeError):
    pass


class OrderedWriter:
    def __init__(
        self,
        on_result: ResultCallback | None = None,
        *,
        backoff: Sequence[float] = DEFAULT_BACKOFF,
        name: str = "bootcamp-writer",
    ) -> None:
        if not backoff:
            raise ValueError("backoff needs at least one delay")
        self._on_result = on_result
        self._backoff = tuple(backoff)
        self._queue: deque[tuple[str, Callable[[], None]]] = deque()
        self._changed = threading.Condition()
        self._closing = False
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        # A daemon thread dies with the interpreter; this gives unflushed saves a chance first.
        atexit.register(_flush_at_exit, weakref.ref(self))

    def submit(self, job_id: str, save: Callable[[], None]) -> None:
        """Queue ``save``; it runs after every save submitted before it."""
        with self._changed:
            if self._closing:
                raise WriterClosed(f"the writer is closed; {job_id} was not saved")
            self._queue.append((job_id, save))
            self._changed.notify_all()

    def pending(self) -> int:
        """Saves not yet done: queued, running, or failed and waiting to be retried."""
        with self._changed:
            return len(self._queue)  # the running (or retrying) save stays first in the queue

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every submitted save is done; False if ``timeout`` seconds passed first."""
        deadline = None if timeout is None else monotonic() + timeout
        with self._changed:
            while self._queue:
                remaining = None if deadline is None else deadline - monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._changed.wait(remaining)
            return True

    def close(self, timeout: float | None = None) -> bool:
        """Refuse new saves, wait for pending ones, stop the worker. False if some saves were still not done."""
        with self._changed:
            self._closing = True
        done = self.flush(timeout)
        with self._changed:
            self._stopped = True
            self._changed.notify_all()
        self._thread.join(None if done else 1.0)
        return done

    # -- the worker -------------------------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._queue and not self._stopped:
                    self._changed.wait()
                if self._stopped:
                    return
                job_id, save = self._queue[0]  # stays first in line until it succeeds
            self._save_until_done(job_id, save)
            with self._changed:
                self._queue.popleft()
                self._changed.notify_all()

    def _save_until_done(self, job_id: str, save: Callable[[], None]) -> None:
        attempt = 0
        while True:
            try:
                save()
            except Exception as error:  # noqa: BLE001 - any failure is reported and retried, never lost
                self._report(job_id, error)
                delay = self._backoff[min(attempt, len(self._backoff) - 1)]
                attempt += 1
                with self._changed:
                    if self._changed.wait_for(lambda: self._stopped, timeout=delay):
                        return  # closed with a timeout while this save kept failing
                continue
            self._report(job_id, None)
            return

    def _report(self, job_id: str, error: Exception | None) -> None:
        if self._on_result is None:
            return
        try:
            self._on_result(job_id, error)
        except Exception:  # a broken callback must not stop the saving
            log.exception("on_result failed for %s", job_id)


def _flush_at_exit(ref: weakref.ReferenceType[OrderedWriter]) -> None:
    writer = ref()
    if writer is not None and not writer._stopped:
        writer.flush(EXIT_WAIT)

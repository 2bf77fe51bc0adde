"""The ordered writer: one queue, one worker; order kept, failures retried and reported, flush waits."""

from __future__ import annotations

import threading
import time

import pytest

from bootcamp.store import OrderedWriter
from bootcamp.store.writer import WriterClosed


class Results:
    def __init__(self) -> None:
        self.events: list[tuple[str, str | None]] = []
        self.threads: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, job_id: str, error: Exception | None) -> None:
        with self.lock:
            self.events.append((job_id, None if error is None else str(error)))
            self.threads.add(threading.current_thread().name)


def test_saves_run_in_submission_order_from_many_threads() -> None:
    done: list[int] = []
    results = Results()
    writer = OrderedWriter(results)
    submitted: list[int] = []
    submit_lock = threading.Lock()

    def submit_many(start: int) -> None:
        for n in range(start, start + 500):
            with submit_lock:  # record the order submissions really happened in
                submitted.append(n)
                writer.submit(f"job-{n}", lambda n=n: done.append(n))

    threads = [threading.Thread(target=submit_many, args=(k * 1000,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert writer.flush(timeout=60)
    assert done == submitted and len(done) == 2000
    assert [job for job, _ in results.events] == [f"job-{n}" for n in submitted]
    assert all(error is None for _, error in results.events)
    assert results.threads == {"bootcamp-writer"}  # reported from the worker: the UI forwards it
    assert writer.close(timeout=1)


def test_saves_never_overlap() -> None:
    running = threading.Lock()
    overlaps: list[int] = []
    writer = OrderedWriter()

    def save(n: int) -> None:
        if not running.acquire(blocking=False):
            overlaps.append(n)
            return
        time.sleep(0.0005)
        running.release()

    for n in range(100):
        writer.submit(str(n), lambda n=n: save(n))
    assert writer.close(timeout=60)
    assert overlaps == []


def test_a_failed_save_is_reported_retried_and_keeps_its_place() -> None:
    results = Results()
    writer = OrderedWriter(results, backoff=(0.01, 0.02))
    done: list[str] = []
    failures_left = [3]

    def flaky() -> None:
        if failures_left[0]:
            failures_left[0] -= 1
            raise OSError(28, "No space left on device")
        done.append("flaky")

    writer.submit("first", lambda: done.append("first"))
    writer.submit("flaky", flaky)
    writer.submit("after", lambda: done.append("after"))
    assert writer.flush(timeout=60)
    assert done == ["first", "flaky", "after"]  # the later save waited for the failing one
    assert results.events == [
        ("first", None),
        ("flaky", "[Errno 28] No space left on device"),
        ("flaky", "[Errno 28] No space left on device"),
        ("flaky", "[Errno 28] No space left on device"),
        ("flaky", None),
        ("after", None),
    ]
    writer.close()


def test_pending_counts_a_failing_save_until_it_succeeds() -> None:
    fixed = threading.Event()
    writer = OrderedWriter(backoff=(0.01,))

    def save() -> None:
        if not fixed.is_set():
            raise PermissionError("read-only")

    writer.submit("a", save)
    writer.submit("b", lambda: None)
    time.sleep(0.1)
    assert writer.pending() == 2
    assert not writer.flush(timeout=0.05)  # flush tells the caller it gave up
    fixed.set()
    assert writer.flush(timeout=60)
    assert writer.pending() == 0
    writer.close()


def test_flush_and_close_wait_for_slow_saves() -> None:
    done: list[int] = []
    disk_answers = threading.Event()  # the first save waits on it, as on a slow disk
    writer = OrderedWriter()
    writer.submit("0", lambda: (disk_answers.wait(60), done.append(0)))
    for n in range(1, 5):
        writer.submit(str(n), lambda n=n: done.append(n))
    assert writer.pending() == 5
    # The disk answers once close is waiting (or, on a loaded box, just before it starts: nothing waits on speed).
    threading.Timer(0.1, disk_answers.set).start()
    assert writer.close(timeout=60)
    assert done == [0, 1, 2, 3, 4]
    with pytest.raises(WriterClosed):
        writer.submit("late", lambda: None)


def test_close_gives_up_on_a_save_that_never_succeeds() -> None:
    results = Results()
    writer = OrderedWriter(results, backoff=(0.01,))
    writer.submit("doomed", lambda: 1 / 0)
    started = time.monotonic()
    assert writer.close(timeout=0.2) is False
    assert time.monotonic() - started < 20  # it gave up: only a close that waits on the failing save gets here
    assert results.events and all(event == ("doomed", "division by zero") for event in results.events)


def test_a_broken_callback_does_not_stop_the_saving() -> None:
    done: list[int] = []

    def on_result(job_id: str, error: Exception | None) -> None:
        raise RuntimeError("the UI went away")

    writer = OrderedWriter(on_result)
    writer.submit("1", lambda: done.append(1))
    writer.submit("2", lambda: done.append(2))
    assert writer.close(timeout=60)
    assert done == [1, 2]

"""The owner lock: one owner per workshop, a refusal that names who, and a dead holder's lock taken over.

Real processes and real ``flock`` throughout; only the file system that refuses ``flock`` is
pretended (no file system here refuses it).
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

import bootcamp
from bootcamp.clock import FixedClock, iso
from bootcamp.store import Holder, OwnerLock, Store, WorkshopBusy, WorkshopFiles, holder_of, owner_lock
from bootcamp.store.owner_lock import CONSOLE, OWNER_LOCK, describe

OWNER = Path(__file__).with_name("owner_process.py")
# The bootcamp these tests import: a child process must import the same one, not another checkout's.
SOURCE_ROOT = Path(bootcamp.__file__).resolve().parents[1]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE_ROOT), env.get("PYTHONPATH")]))
    return env


class OwnerProcess:
    """``owner_process.py`` holding the lock of ``folder`` as ``purpose`` in another process."""

    def __init__(self, folder: Path, purpose: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(OWNER), str(folder), purpose],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        self.pid = self.process.pid

    def said(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("release\n")
        self.process.stdin.flush()
        assert self.said() == "released"

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=60)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def start_owner() -> Iterator:
    started: list[OwnerProcess] = []

    def start(folder: Path, purpose: str) -> OwnerProcess:
        owner = OwnerProcess(folder, purpose)
        started.append(owner)
        return owner

    yield start
    for owner in started:
        owner.end()


def local_hh_mm(epoch: float) -> str:
    return datetime.fromtimestamp(epoch).strftime("%H:%M")


# -- one owner ----------------------------------------------------------------------------------------------------


def test_a_second_owner_in_the_same_process_is_refused_naming_host_process_and_since(
    tmp_path: Path, clock: FixedClock
) -> None:
    with OwnerLock(tmp_path, purpose=CONSOLE, clock=clock) as first:
        assert first.held and not first.unguarded
        clock.advance(90)
        with pytest.raises(WorkshopBusy) as refused:
            OwnerLock(tmp_path, purpose="bootcamp import-answers", clock=clock).acquire()
    host, pid = socket.gethostname(), os.getpid()
    assert refused.value.holder == Holder(host=host, pid=pid, purpose=CONSOLE, since=iso(clock.at - 90))
    assert str(refused.value) == (
        f'workshop {tmp_path.name} is open in the console on host "{host}" (process {pid}) '
        f"since {local_hh_mm(clock.at - 90)}; close it there first, "
        f"or follow it read-only with `bootcamp present {tmp_path.name}`"
    )
    assert "\n" not in str(refused.value)


def test_a_second_owner_in_another_process_is_refused_both_ways(
    tmp_path: Path, clock: FixedClock, start_owner
) -> None:
    other = start_owner(tmp_path, "bootcamp import-answers")
    assert other.said() == "held"
    with pytest.raises(WorkshopBusy) as refused:
        OwnerLock(tmp_path, purpose=CONSOLE, clock=clock).acquire()
    holder = refused.value.holder
    assert (holder.host, holder.pid, holder.purpose) == (socket.gethostname(), other.pid, "bootcamp import-answers")
    since = datetime.fromisoformat(holder.since).timestamp()
    assert abs(since - time.time()) < 60
    message = str(refused.value)
    assert message.startswith(f"workshop {tmp_path.name} is being changed by bootcamp import-answers ")
    assert f'on host "{socket.gethostname()}" (process {other.pid}) since ' in message
    assert describe(holder, tmp_path.name, now=clock.now()) == message
    other.release()

    # and the other way round: while this process holds it, another process is told who
    with OwnerLock(tmp_path, purpose=CONSOLE, clock=clock):
        refused_there = start_owner(tmp_path, "bootcamp import-answers")
        said = refused_there.said()
    assert said.startswith(f"busy workshop {tmp_path.name} is open in the console on host ")
    assert f"(process {os.getpid()})" in said


def test_acquiring_a_held_lock_again_is_a_no_op_and_releasing_twice_is_harmless(
    tmp_path: Path, clock: FixedClock
) -> None:
    lock = OwnerLock(tmp_path, purpose=CONSOLE, clock=clock)
    assert lock.acquire() is lock and lock.acquire() is lock and lock.held
    lock.release()
    lock.release()
    assert not lock.held and lock.holder is None and holder_of(tmp_path) is None


# -- who holds it -------------------------------------------------------------------------------------------------


def test_holder_of_says_nobody_when_free_the_holder_while_held_and_nobody_after(
    tmp_path: Path, clock: FixedClock
) -> None:
    assert holder_of(tmp_path) is None
    assert not (tmp_path / OWNER_LOCK).exists()  # asking never creates the lock file
    lock = OwnerLock(tmp_path, purpose=CONSOLE, clock=clock).acquire()
    expected = Holder(host=socket.gethostname(), pid=os.getpid(), purpose=CONSOLE, since=iso(clock.at))
    assert lock.holder == expected
    assert holder_of(tmp_path) == expected
    assert holder_of(tmp_path) == expected  # asking does not take it away
    lock.release()
    assert holder_of(tmp_path) is None
    assert (tmp_path / OWNER_LOCK).exists()  # never removed
    assert (tmp_path / OWNER_LOCK).stat().st_mode & 0o777 == 0o600


def test_details_left_in_a_lock_nobody_holds_mean_nobody(tmp_path: Path) -> None:
    old = Holder(host=socket.gethostname(), pid=os.getpid(), purpose=CONSOLE, since="2026-09-21T08:00:00+00:00")
    (tmp_path / OWNER_LOCK).write_bytes(old.to_bytes())
    assert holder_of(tmp_path) is None


def test_a_holder_that_has_not_said_who_it_is_is_still_a_holder(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(owner_lock, "DETAILS_WAIT", 0.05)  # how long the asker waits for details to appear
    lock = OwnerLock(tmp_path, purpose=CONSOLE, clock=clock).acquire()
    (tmp_path / OWNER_LOCK).write_bytes(b"not ours")  # garbled details: the lock is what counts
    assert holder_of(tmp_path) == Holder.unknown()
    with pytest.raises(WorkshopBusy) as refused:
        OwnerLock(tmp_path, purpose="bootcamp import-answers", clock=clock).acquire()
    assert str(refused.value) == (
        f"workshop {tmp_path.name} is being changed by another process that has not said who it is yet; "
        "try again in a moment"
    )
    lock.release()


# -- a dead holder ------------------------------------------------------------------------------------------------


def test_a_lock_left_by_a_killed_holder_is_taken_over_and_its_details_replaced(
    tmp_path: Path, clock: FixedClock, start_owner
) -> None:
    console = start_owner(tmp_path, CONSOLE)
    assert console.said() == "held"
    assert holder_of(tmp_path).pid == console.pid
    os.kill(console.pid, signal.SIGKILL)
    console.process.wait(timeout=60)

    left = Holder.from_bytes((tmp_path / OWNER_LOCK).read_bytes())
    assert left is not None and left.pid == console.pid  # a kill clears nothing …
    assert holder_of(tmp_path) is None  # … but the kernel dropped the lock

    with OwnerLock(tmp_path, purpose="bootcamp import-answers", clock=clock) as taken:
        assert taken.held
        mine = Holder(host=socket.gethostname(), pid=os.getpid(), purpose="bootcamp import-answers", since=iso(clock.at))
        assert Holder.from_bytes((tmp_path / OWNER_LOCK).read_bytes()) == mine
        assert holder_of(tmp_path) == mine


# -- how it reads -------------------------------------------------------------------------------------------------


def test_since_is_a_date_when_it_was_not_today(clock: FixedClock) -> None:
    holder = Holder(host="lab-mac", pid=4121, purpose=CONSOLE, since=iso(clock.at))
    three_days_later = clock.at + 3 * 86_400
    expected_day = datetime.fromtimestamp(clock.at).date().isoformat()
    assert f'on host "lab-mac" (process 4121) since {expected_day};' in describe(holder, "3fk9x2", now=three_days_later)
    assert f"since {local_hh_mm(clock.at)};" in describe(holder, "3fk9x2", now=clock.at)


def test_text_from_the_lock_file_is_shown_not_obeyed() -> None:
    holder = Holder(host="evil\x1b]0;pwned\x07", pid=7, purpose="x\nrm -rf", since="yesterday-ish")
    sentence = describe(holder, "w1", now=0)
    assert "\x1b" not in sentence and "\n" not in sentence
    assert 'host "evil?]0;pwned?"' in sentence and "x?rm -rf" in sentence and "since an unknown time" in sentence


@pytest.mark.parametrize(
    "raw",
    [b"", b'{"host": "h", "pid": 1, "purpose": "console"', b"[1]", b'{"host":"h","pid":true,"purpose":"c","since":"s"}',
     b'{"host":"h","pid":0,"purpose":"c","since":"s"}', b"\xff\xfe"],
)
def test_details_that_are_not_whole_are_no_holder(raw: bytes) -> None:
    assert Holder.from_bytes(raw) is None


# -- a file system without flock ----------------------------------------------------------------------------------


def test_a_file_system_that_refuses_flock_gives_an_unguarded_owner_and_a_warning(
    tmp_path: Path, store: Store, workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(_fd: int, _operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(owner_lock.fcntl, "flock", no_locks)  # the one place flock is pretended
    with OwnerLock(tmp_path, purpose=CONSOLE, clock=store.clock) as lock:
        assert lock.held and lock.unguarded and lock.holder is None
        assert (tmp_path / OWNER_LOCK).read_bytes() == b""  # no details: they would keep nobody out
        assert holder_of(tmp_path) is None
    assert not lock.held and not lock.unguarded

    warnings: list[str] = []
    with store.owned(workshop.id, purpose="bootcamp import-answers", warn=warnings.append) as files:
        assert files.id == workshop.id
    assert len(warnings) == 1 and "takes no locks" in warnings[0] and workshop.id in warnings[0]


def test_a_lock_file_that_cannot_be_made_is_a_store_error_naming_it(tmp_path: Path, clock: FixedClock) -> None:
    (tmp_path / OWNER_LOCK).mkdir()  # in its way, as a read-only folder would be
    with pytest.raises(owner_lock.StoreError, match=rf"cannot lock workshop {tmp_path.name}: .*{OWNER_LOCK}: "):
        OwnerLock(tmp_path, purpose=CONSOLE, clock=clock).acquire()


# -- the store's owned() ------------------------------------------------------------------------------------------


def test_store_owned_holds_the_lock_for_the_block_only(store: Store, workshop: WorkshopFiles) -> None:
    with store.owned(workshop.id, purpose="bootcamp import-answers") as files:
        assert isinstance(files, WorkshopFiles) and files.path == workshop.path
        assert holder_of(workshop.path).purpose == "bootcamp import-answers"
        with pytest.raises(WorkshopBusy), store.owned(workshop.id, purpose=CONSOLE):
            pytest.fail("a console got the workshop while a command held it")
    assert holder_of(workshop.path) is None
    with pytest.raises(RuntimeError), store.owned(workshop.id, purpose=CONSOLE):
        raise RuntimeError("a failed command")
    assert holder_of(workshop.path) is None  # let go however the block ends


def test_store_owned_refuses_an_unknown_id_before_making_any_lock_file(store: Store, workshop: WorkshopFiles) -> None:
    with pytest.raises(owner_lock.StoreError, match="no workshop with id 'nope'"), store.owned("nope", purpose="x"):
        pytest.fail("an unknown workshop was owned")
    assert not (store.workshops_dir / "nope").exists()


# -- a short-lived owner: bootcamp import-answers -----------------------------------------------------------------


def files_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every stored file of a workshop (the lock file aside): its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != OWNER_LOCK
    }


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bootcamp", *args], capture_output=True, text=True, env=child_env(), timeout=30
    )


def test_import_answers_is_refused_in_one_line_while_a_console_holds_the_workshop(
    tmp_path: Path, store: Store, workshop: WorkshopFiles, start_owner
) -> None:
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,item,perspective,value\nAna Ortiz,basics/rate-aptitudes,persist,self,weak\n")
    command = ["import-answers", workshop.id, str(paper), "--data-dir", str(store.data_dir)]
    console = start_owner(workshop.path, CONSOLE)
    assert console.said() == "held"
    before = files_of(workshop.path)

    refused = run_cli(*command)

    assert (refused.returncode, refused.stdout) == (1, "")
    lines = refused.stderr.splitlines()
    assert len(lines) == 1, refused.stderr
    holder = holder_of(workshop.path)
    assert holder is not None and holder.pid == console.pid
    assert lines[0] == f"bootcamp: {describe(holder, workshop.id, now=time.time())}"
    assert lines[0].startswith(f'bootcamp: workshop {workshop.id} is open in the console on host "{holder.host}" ')
    assert f"(process {console.pid}) since " in lines[0]
    assert files_of(workshop.path) == before  # nothing stored changed, not even an mtime

    console.release()
    done = run_cli(*command)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        f"imported 1 answer into workshop {workshop.id}\n"
        f"1 answer with no time in the sheet was dated {workshop.info().date}, the workshop's date\n"
    )
    assert [(a.item, a.value) for a in Store(store.data_dir).open(workshop.id).answers()] == [("persist", "weak")]
    assert holder_of(workshop.path) is None  # the command let go when it ended

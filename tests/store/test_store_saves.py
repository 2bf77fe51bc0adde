"""A save's shortcuts (issue 13: a save ≤ 2× an fsync'd write) never hide another writer's change.

A save still reads the file under its lock every time; it skips decoding only when the bytes read
are the very bytes it wrote, and encodes only the answer that changed. Each test here has another
writer change the file between two saves (a second process, a second ``WorkshopFiles``, an edit in
place that keeps the size and the time stamp) and checks that the next save keeps that change.
The lock is ``flock`` taken directly: it still waits for a holder, whichever way the holder took it.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bootcamp.store import Store, StoreError, WorkshopFiles, files, new_ballot_id, save_lock
from bootcamp.store import workshop as workshop_module
from bootcamp.store.model import Answer

ROOT = Path(__file__).resolve().parents[2]
STEP = "basics/mandate"

# Saves one answer in a process of its own: argv is data folder, workshop id, participant, step, comment.
SAVE_IN_ANOTHER_PROCESS = """
import sys
from pathlib import Path
from bootcamp.store import Store
from bootcamp.store.model import Answer
data_dir, workshop_id, participant, step, comment = sys.argv[1:]
Store(Path(data_dir)).open(workshop_id).save_answer(Answer(participant, step, value="yes", comment=comment))
"""


def save_in_another_process(store: Store, workshop_id: str, participant: str, step: str, comment: str) -> None:
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    subprocess.run(
        [sys.executable, "-c", SAVE_IN_ANOTHER_PROCESS, str(store.data_dir), workshop_id, participant, step, comment],
        check=True,
        env={**os.environ, "PYTHONPATH": python_path},
        timeout=60,
    )


def stored(workshop: WorkshopFiles, participant: str) -> dict[str, str]:
    """Step key → comment, as the file holds them (read by a fresh reader)."""
    return {a.step_key: a.comment for a in Store(workshop.path.parent.parent).open(workshop.id).answers_of(participant)}


def first_participant(workshop: WorkshopFiles) -> str:
    return workshop.info().participants[0].id


# -- another writer's change is seen by the next save ------------------------------------------------------------


def test_a_save_keeps_what_another_process_saved_since_this_one_last_saved(store: Store, workshop: WorkshopFiles) -> None:
    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes", comment="here, first"))
    save_in_another_process(store, workshop.id, ana, "basics/two", "there")
    workshop.save_answer(Answer(ana, "basics/one", value="no", comment="here, again"))
    assert stored(workshop, ana) == {"basics/one": "here, again", "basics/two": "there"}


def test_two_workshop_files_saving_in_turns_to_one_file_lose_nothing(store: Store, workshop: WorkshopFiles) -> None:
    ana = first_participant(workshop)
    other = store.open(workshop.id)
    for n in range(6):
        (workshop if n % 2 else other).save_answer(Answer(ana, f"basics/step-{n}", value="yes", comment=str(n)))
        (other if n % 2 else workshop).save_answer(Answer(ana, "basics/shared", value="yes", comment=f"turn {n}"))
    expected = {f"basics/step-{n}": str(n) for n in range(6)} | {"basics/shared": "turn 5"}
    assert stored(workshop, ana) == expected


def test_threads_saving_to_one_file_through_one_workshop_files_lose_nothing(workshop: WorkshopFiles) -> None:
    """They share one AnswersFile and what it remembers; the file's lock makes them take turns."""
    ana = first_participant(workshop)

    def save_many(tag: str) -> None:
        for n in range(40):
            workshop.save_answer(Answer(ana, f"basics/{tag}-{n}", value="yes", comment=tag))

    threads = [threading.Thread(target=save_many, args=(tag,)) for tag in ("a", "b", "c")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert stored(workshop, ana) == {f"basics/{tag}-{n}": tag for tag in ("a", "b", "c") for n in range(40)}


def test_a_change_made_in_place_with_the_same_size_and_time_stamp_is_seen(workshop: WorkshopFiles) -> None:
    """What a cache keyed by (inode, size, modification time) would miss: only the bytes themselves tell."""
    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes", comment="aaaa"))
    path = workshop.path / "answers" / f"{ana}.json"
    before = os.stat(path)
    raw = path.read_bytes()
    with open(path, "r+b") as file:  # an editor saving in place: the same file, the same length
        file.write(raw.replace(b'"aaaa"', b'"bbbb"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)

    workshop.save_answer(Answer(ana, "basics/two", value="no", comment="later"))
    assert stored(workshop, ana) == {"basics/one": "bbbb", "basics/two": "later"}


def test_a_file_made_unreadable_since_the_last_save_is_refused_and_kept(workshop: WorkshopFiles) -> None:
    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes"))
    path = workshop.path / "answers" / f"{ana}.json"
    broken = path.read_bytes()[:-20]
    path.write_bytes(broken)
    with pytest.raises(StoreError, match=f"cannot read {path}: not valid JSON"):
        workshop.save_answer(Answer(ana, "basics/two", value="no"))
    assert path.read_bytes() == broken


def test_a_file_removed_since_the_last_save_starts_again_from_nothing(workshop: WorkshopFiles) -> None:
    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes"))
    (workshop.path / "answers" / f"{ana}.json").unlink()
    workshop.save_answer(Answer(ana, "basics/two", value="no", comment="after"))
    assert stored(workshop, ana) == {"basics/two": "after"}


def test_a_failed_write_is_not_taken_for_what_the_file_holds(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes", comment="kept"))

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    from bootcamp.store import jsonfile

    monkeypatch.setattr(jsonfile, "replace_durably", full_disk)
    with pytest.raises(StoreError, match="No space left on device"):
        workshop.save_answer(Answer(ana, "basics/one", value="no", comment="lost"))
    monkeypatch.undo()
    workshop.save_answer(Answer(ana, "basics/two", value="yes", comment="next"))
    assert stored(workshop, ana) == {"basics/one": "kept", "basics/two": "next"}


# -- the answers' text is the general encoder's, byte for byte ---------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(["\ud800", '"', "\\", "\x00", "é", "🙂"]), max_size=8)
KEY_PART = st.text("ab/:-_.", max_size=3)
ANSWERS = st.lists(
    st.builds(
        Answer,
        participant_id=st.sampled_from(["p1", "p2"]),
        step_key=st.sampled_from(["s/a", "s/b", "s/c"]),
        item=KEY_PART,
        perspective=st.sampled_from(["", "self"]),
        value=TEXT,
        comment=TEXT,
        at=st.sampled_from(["", "2026-09-21T09:00:00+00:00"]),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(first=ANSWERS, second=ANSWERS, ballot=st.booleans())
def test_an_answers_file_writes_what_the_general_encoder_writes(
    tmp_path_factory: pytest.TempPathFactory, first: list[Answer], second: list[Answer], ballot: bool
) -> None:
    """Whatever it is given (foreign ids, repeated keys, times on a ballot, lone surrogates), twice in a row, so
    the second encoding reuses texts from the first; and when it vouches for its bytes, they decode to exactly
    what it was given."""
    owner = new_ballot_id() if ballot else "p1"
    folder = tmp_path_factory.mktemp("answers", numbered=True)
    answers_file = files.answers_file(folder, owner)
    first, second = (
        [a if a.participant_id != "p1" else Answer(owner, *a.key, a.value, a.comment, a.at) for a in given]
        for given in (first, second)
    )
    for answers in (tuple(first), (*first[:2], *second)):  # the same objects again: their texts are reused
        encoded, exact = answers_file._encoded(answers)
        assert encoded == answers_file.storage.encode(files.encode_answers(owner, answers))
        if exact:
            assert answers_file.parse(encoded) == answers


# -- the lock ------------------------------------------------------------------------------------------------------


def hold_flock(path: str) -> int:
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def let_go(fd: int) -> None:
    os.close(fd)


def save_in_a_thread(workshop: WorkshopFiles, answer: Answer) -> tuple[threading.Thread, list[float]]:
    finished: list[float] = []

    def save() -> None:
        workshop.save_answer(answer)
        finished.append(time.monotonic())

    thread = threading.Thread(target=save)
    thread.start()
    return thread, finished


NEEDS_PROC = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="tells a save's descriptors by /proc")


def opened_times(path: str) -> int:
    """How many descriptors of this process have the file ``path`` names open (Linux's /proc)."""
    named = os.stat(path)
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            opened = os.stat(f"/proc/self/fd/{fd}")
        except OSError:  # the listing's own descriptor, gone
            continue
        count += (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)
    return count


def wait_until_the_save_opened(lock_path: str, thread: threading.Thread, finished: list[float]) -> None:
    """Until the save in ``thread`` has the lock file open beside the test's own hold on it (a loaded box may
    not have run it yet: a fixed pause would let the test pass without its save ever meeting the lock)."""
    deadline = time.monotonic() + 60  # reached only by a save that never opens the lock file
    while opened_times(lock_path) < 2:
        assert time.monotonic() < deadline and thread.is_alive(), f"the save did not wait on the lock ({finished})"
        time.sleep(0.005)


@NEEDS_PROC
def test_a_save_waits_while_another_holds_the_lock_with_filelock(store: Store, workshop: WorkshopFiles) -> None:
    from filelock import FileLock

    ana = first_participant(workshop)
    lock = FileLock(str(workshop.path / "answers" / f"{ana}.json.lock"))
    with lock:
        thread, finished = save_in_a_thread(workshop, Answer(ana, STEP, value="yes"))
        wait_until_the_save_opened(str(lock.lock_file), thread, finished)
        time.sleep(0.3)  # time to go ahead, had it not waited
        assert not finished and not (workshop.path / "answers" / f"{ana}.json").exists()
    thread.join(timeout=60)
    assert finished and stored(workshop, ana) == {STEP: ""}


def test_a_lock_held_too_long_is_reported_in_one_sentence(workshop: WorkshopFiles) -> None:
    ana = first_participant(workshop)
    lock_path = workshop.path / "answers" / f"{ana}.json.lock"
    holder = hold_flock(str(lock_path))
    try:
        file = files.answers_file(workshop.path, ana)
        file.storage.lock_timeout = 0.2
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"answers/.*\.json stayed locked by another process for 0\.2 s; try again"):
            file.replace((Answer(ana, STEP, value="yes"),))
        assert time.monotonic() - started >= 0.2  # it waited its time for the lock (how much longer is load's)
    finally:
        let_go(holder)


@NEEDS_PROC
def test_a_lock_file_replaced_while_a_save_waits_is_locked_again(workshop: WorkshopFiles) -> None:
    """A lock on a file no longer named ``<file>.lock`` excludes nobody: the waiter takes the one now named so."""
    ana = first_participant(workshop)
    lock_path = str(workshop.path / "answers" / f"{ana}.json.lock")
    old = hold_flock(lock_path)
    thread, finished = save_in_a_thread(workshop, Answer(ana, STEP, value="yes"))
    wait_until_the_save_opened(lock_path, thread, finished)  # the old lock file, and waits on it
    os.unlink(lock_path)
    new = hold_flock(lock_path)  # another process made a new lock file, and holds it
    let_go(old)
    time.sleep(0.3)
    assert not finished, "the save went ahead on the old, removed lock file"
    let_go(new)
    thread.join(timeout=60)
    assert finished and stored(workshop, ana) == {STEP: ""}


def test_where_the_file_system_has_no_flock_filelock_takes_the_lock(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken: list[str] = []
    real = save_lock._take_with_filelock

    def with_filelock(lock_path: str, timeout: float):  # type: ignore[no-untyped-def]
        taken.append(lock_path)
        return real(lock_path, timeout)

    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    import fcntl

    monkeypatch.setattr(save_lock, "_take_with_filelock", with_filelock)
    monkeypatch.setattr(fcntl, "flock", no_flock)  # filelock's flock too: it falls back to its marker file
    ana = first_participant(workshop)
    with pytest.warns(UserWarning, match="flock not supported"):
        workshop.save_answer(Answer(ana, STEP, value="yes", comment="saved"))
    assert taken == [str(workshop.path / "answers" / f"{ana}.json.lock")]
    monkeypatch.undo()
    assert stored(workshop, ana) == {STEP: "saved"}


def test_without_fcntl_filelock_takes_the_lock(workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: no fcntl module; filelock locks with msvcrt there (here, with its own flock)."""
    monkeypatch.setattr(save_lock, "fcntl", None)
    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, STEP, value="yes", comment="saved"))
    assert stored(workshop, ana) == {STEP: "saved"}


# -- what a WorkshopFiles keeps ------------------------------------------------------------------------------------


def test_only_the_most_recently_saved_answers_files_are_kept(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workshop_module, "KEPT_ANSWER_FILES", 2)
    ana, ben, chloe = (p.id for p in workshop.info().participants)
    for participant in (ana, ben, ana, chloe):
        workshop.save_answer(Answer(participant, STEP, value="yes"))
    assert list(workshop._saving) == [ana, chloe]


# -- the folder, looked at once per save ---------------------------------------------------------------------------


def test_a_save_after_the_answers_folder_was_removed_makes_it_again(workshop: WorkshopFiles) -> None:
    import shutil
    import stat

    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes"))
    shutil.rmtree(workshop.path / "answers")
    workshop.save_answer(Answer(ana, "basics/two", value="no", comment="after"))
    assert stored(workshop, ana) == {"basics/two": "after"}
    assert stat.S_IMODE(os.stat(workshop.path / "answers").st_mode) == 0o700


def test_a_save_to_a_workshop_whose_folder_is_gone_says_so(workshop: WorkshopFiles) -> None:
    import shutil

    ana = first_participant(workshop)
    workshop.save_answer(Answer(ana, "basics/one", value="yes"))
    shutil.rmtree(workshop.path)
    with pytest.raises(StoreError, match=f"workshop {workshop.id} is gone: {workshop.path} no longer exists"):
        workshop.save_answer(Answer(ana, "basics/two", value="no"))
    assert not workshop.path.exists()

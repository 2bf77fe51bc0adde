"""An import of many answers is all or nothing (store/import_journal.py): on a disk that fills up or goes
read-only at any write, and for a reader or a projector window reading while it is applied."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import (
    Store,
    StoreError,
    UnreadableFileError,
    WorkshopFiles,
    durable,
    import_journal,
    is_ballot_id,
    new_ballot_id,
)
from bootcamp.store.files import IMPORT_FILE, ImportJournal, import_journal_file
from bootcamp.store.follow import Follower
from bootcamp.store.import_journal import REREADS, ImportUnderWay
from bootcamp.store.model import Answer
from bootcamp.store.owner_lock import holder_of

AT = "2026-09-21T10:00:00+00:00"
STEPS = (("basics/mandate", "", ""), ("basics/role", "reports-to-ceo", ""), ("basics/rate-aptitudes", "persist", "self"))
NONE_STORED = "none of the {count} answers were stored: "
ALL_STORED = "all {count} answers are stored, but "


def merged(before: frozenset[Answer], new: list[Answer]) -> frozenset[Answer]:
    by_key = {(a.participant_id, a.key): a for a in before}
    by_key.update(((a.participant_id, a.key), a) for a in new)
    return frozenset(by_key.values())


@dataclass
class Room:
    """A workshop with some answers stored, and an import that adds to them and replaces one."""

    store: Store
    workshop_id: str
    before: frozenset[Answer]
    new: list[Answer]

    @property
    def after(self) -> frozenset[Answer]:
        return merged(self.before, self.new)

    @property
    def path(self) -> Path:
        return self.store.workshops_dir / self.workshop_id

    def reader(self) -> WorkshopFiles:
        return WorkshopFiles(self.path, self.store.clock)

    def seen(self) -> frozenset[Answer]:
        found = self.reader().answers()
        assert len(found) == len(set(found))
        return frozenset(found)

    def journal(self) -> ImportJournal:
        return import_journal_file(self.path).load()

    def import_all(self) -> None:
        with self.store.owned(self.workshop_id, purpose="a test") as owned:
            owned.import_answers(list(self.new), replace=True)


def build_room(store: Store, sources: dict[str, str], participants: int = 3) -> Room:
    info = store.create_workshop(
        name="Acme", organisation="Acme", date="2026-09-21",
        participants=[(f"Person {n}", "") for n in range(participants)], sources=sources,
    )
    people = [p.id for p in info.participants]
    before = [Answer(people[0], "basics/mandate", value="no", at=AT), Answer(people[1], "basics/role", "reports-to-ceo", value="yes", at=AT)]
    with store.owned(info.id, purpose="a test") as owned:
        owned.import_answers(before)
    (store.workshops_dir / info.id / IMPORT_FILE).unlink()  # the room starts with no import journal
    values = {"basics/mandate": "partly", "basics/role": "no", "basics/rate-aptitudes": "strong"}
    new = [Answer(p, step, item, perspective, values[step], f"from paper, {p}", AT) for p in people for step, item, perspective in STEPS]
    new += [Answer(new_ballot_id(), "basics/mandate", value="yes") for _ in range(2)]  # a ballot keeps no time
    return Room(store, info.id, frozenset(before), new)


@pytest.fixture
def room(store: Store, sources: dict[str, str]) -> Room:
    return build_room(store, sources)


def copy_of(room: Room, data_dir: Path) -> Room:
    shutil.copytree(room.store.workshops_dir, data_dir / "workshops")
    return Room(Store(data_dir, room.store.clock), room.workshop_id, room.before, room.new)


# -- a disk that fills up, or goes read-only, at the k-th write ------------------------------------------------


class FailingDisk:
    """Stands in for ``os`` and ``tempfile`` in bootcamp.store.durable, the one place files are written.

    Counts every write operation (a temporary file made, written, fsynced, renamed into place, its
    folder fsynced); from the ``fail_from``-th on, each fails with ``code``, as a disk that filled up
    or went read-only stays so. Read-only also refuses to remove a temporary file, as a real one would.
    """

    def __init__(self, code: int, fail_from: int | None = None) -> None:
        self.code = code
        self.fail_from = fail_from
        self.operations = 0

    def _step(self, what: str) -> None:
        self.operations += 1
        if self.fail_from is not None and self.operations >= self.fail_from:
            raise OSError(self.code, os.strerror(self.code), what)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        disk = self

        class FailingOs:
            def __getattr__(self, name: str) -> Any:
                return getattr(os, name)

            def write(self, fd: int, data: Any) -> int:
                disk._step("write")
                return os.write(fd, data)

            def fsync(self, fd: int) -> None:
                disk._step("fsync")
                os.fsync(fd)

            def replace(self, source: Any, target: Any) -> None:
                disk._step("replace")
                os.replace(source, target)

            def unlink(self, path: Any) -> None:
                if disk.code == errno.EROFS and disk.fail_from is not None and disk.operations >= disk.fail_from:
                    raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
                os.unlink(path)

        class FailingTempfile:
            def mkstemp(self, **kwargs: Any) -> tuple[int, str]:
                disk._step("mkstemp")
                return tempfile.mkstemp(**kwargs)

        monkeypatch.setattr(durable, "os", FailingOs())
        monkeypatch.setattr(durable, "tempfile", FailingTempfile())


def operations_of_an_import(room: Room, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    counted = copy_of(room, tmp_path / "counted")
    disk = FailingDisk(errno.ENOSPC)
    with monkeypatch.context() as patched:
        disk.install(patched)
        counted.import_all()
    assert counted.seen() == counted.after
    return disk.operations


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS], ids=["full", "read-only"])
def test_a_disk_failing_at_any_write_of_an_import_stores_all_or_none_and_says_which(
    room: Room, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    total = operations_of_an_import(room, tmp_path, monkeypatch)
    count = len(room.new)
    said: dict[str, list[int]] = {"none": [], "all": []}
    for k in range(1, total + 1):
        trial = copy_of(room, tmp_path / f"k{k}")
        disk = FailingDisk(code, fail_from=k)
        with monkeypatch.context() as patched:
            disk.install(patched)
            with pytest.raises(StoreError) as failed:
                trial.import_all()
            message = str(failed.value)
            assert "\n" not in message and os.strerror(code) in message, message
            if message.startswith(NONE_STORED.format(count=count)):
                outcome, expected = "none", trial.before
            else:
                assert message.startswith(ALL_STORED.format(count=count)), message
                assert message.endswith(f"they are applied when workshop {trial.workshop_id} is next opened"), message
                outcome, expected = "all", trial.after
            said[outcome].append(k)

            disk.fail_from = 0  # the disk stays full (or read-only): readers must not need it
            assert trial.seen() == expected, (k, message)
            follower = Follower.load(trial.reader(), FixedClock())
            assert frozenset(follower.current.answers) == expected, k
            if trial.journal().pending is not None:
                remedy = "free some space" if code == errno.ENOSPC else "make the disk writable"
                with pytest.raises(StoreError, match=f"has an import that is not finished: .*{os.strerror(code)}; {remedy} and open it again"):
                    with trial.store.owned(trial.workshop_id, purpose="a test"):
                        pytest.fail("an owner opened a workshop with an import it could not finish")
                with pytest.raises(StoreError, match="has an import that is not finished"):
                    LiveWorkshop.open(trial.reader(), FixedClock())
                assert holder_of(trial.path) is None  # refused owners let go of the workshop
                assert trial.seen() == expected

        with trial.store.owned(trial.workshop_id, purpose="a test"):  # space again: the next owner finishes it
            pass
        assert trial.seen() == expected, k
        assert trial.journal().pending is None
        assert [p.name for p in trial.path.rglob(".*.tmp")] == []
    # The commit point is the journal's rename (operation 4): every failure before it stores nothing.
    assert said["none"] == list(range(1, 4 + 1)), said
    assert said["all"] == list(range(5, total + 1)), said


def test_the_command_says_in_one_line_whether_the_answers_were_stored(
    room: Room, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    info = room.reader().info()
    paper = tmp_path / "paper.csv"
    paper.write_text(
        "participant_id,step,value\n" + "".join(f"{p.id},basics/mandate,partly\n" for p in info.participants)
    )
    command = ["import-answers", room.workshop_id, str(paper), "--replace", "--data-dir", str(room.store.data_dir)]
    for fail_from, starts, stored in ((4, "none of the 3 answers were stored: ", False), (5, "all 3 answers are stored, but ", True)):
        capsys.readouterr()
        with monkeypatch.context() as patched:
            FailingDisk(errno.ENOSPC, fail_from).install(patched)
            assert main(command) == 1
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and err.startswith(f"bootcamp: {starts}"), err
        assert "No space left on device" in err and "Traceback" not in err
        assert {a.value for a in room.reader().answers_of(info.participants[2].id)} == ({"partly"} if stored else set())
    assert main(command) == 0  # once there is space, the same command again is harmless
    assert room.journal().pending is None
    assert {a.value for p in info.participants for a in room.reader().answers_of(p.id) if a.step_key == "basics/mandate"} == {"partly"}


# -- readers and a projector window while an import is applied ---------------------------------------------------


def test_a_reader_and_a_follower_see_before_or_after_at_every_step_of_an_import(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    follower = Follower.load(room.reader(), FixedClock())
    reader = room.reader()
    assert frozenset(follower.current.answers) == room.before
    real_rewrite = import_journal.rewrite
    checked = []

    def rewrite_and_look(folder: Path, participant_id: str, answers: tuple[Answer, ...]) -> None:
        for written in (False, True):  # just before this file is rewritten, and just after
            assert frozenset(reader.answers()) == room.after  # committed: every reader sees all of it
            polled = follower.poll()
            assert frozenset(follower.current.answers) == room.after, (participant_id, written)
            assert polled is None or frozenset(polled.answers) == room.after
            for someone in {a.participant_id for a in room.after}:
                assert frozenset(reader.answers_of(someone)) == {a for a in room.after if a.participant_id == someone}
            checked.append(participant_id)
            if not written:
                real_rewrite(folder, participant_id, answers)

    monkeypatch.setattr(import_journal, "rewrite", rewrite_and_look)
    room.import_all()
    assert len(checked) == 2 * len({a.participant_id for a in room.new})
    assert frozenset(reader.answers()) == room.after
    follower.poll()
    assert frozenset(follower.current.answers) == room.after


def test_readers_in_other_threads_never_see_half_an_import(
    store: Store, sources: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    room = build_room(store, sources, participants=60)
    real_rewrite = import_journal.rewrite

    def slow_rewrite(folder: Path, participant_id: str, answers: tuple[Answer, ...]) -> None:
        time.sleep(0.002)  # gives the readers many chances to land in the middle
        real_rewrite(folder, participant_id, answers)

    monkeypatch.setattr(import_journal, "rewrite", slow_rewrite)
    importing = threading.Event()
    stop = threading.Event()
    seen: dict[str, list[tuple[bool, int]]] = {"reader": [], "follower": []}
    sizes = {len(room.before): "before", len(room.after): "after"}

    def read(name: str, look: Callable[[], tuple[Answer, ...]]) -> None:
        while not stop.is_set():
            during = importing.is_set()
            seen[name].append((during, len(look())))

    follower = Follower.load(room.reader(), FixedClock())

    def follow() -> tuple[Answer, ...]:
        follower.poll()
        return follower.current.answers

    readers = [
        threading.Thread(target=read, args=("reader", lambda: tuple(room.reader().answers()))),
        threading.Thread(target=read, args=("follower", follow)),
    ]
    for thread in readers:
        thread.start()
    try:
        time.sleep(0.05)
        importing.set()
        room.import_all()
        importing.clear()
        time.sleep(0.05)
    finally:
        stop.set()
        for thread in readers:
            thread.join(60)
    for name, looks in seen.items():
        assert {count for _, count in looks} <= set(sizes), (name, {count for _, count in looks} - set(sizes))
        assert sum(1 for during, _ in looks if during) > 0, f"the {name} never read during the import"
    assert room.seen() == room.after


def test_a_reader_reads_again_when_an_import_commits_while_it_reads(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = room.reader()
    from bootcamp.store import workshop as workshop_module

    real_answers_file = workshop_module.answers_file
    calls = []

    def import_during_the_first_read(folder: Path, participant_id: str):  # type: ignore[no-untyped-def]
        calls.append(participant_id)
        if len(calls) == 2:  # one file read as it was before, the rest after
            room.import_all()
        return real_answers_file(folder, participant_id)

    monkeypatch.setattr(workshop_module, "answers_file", import_during_the_first_read)
    assert frozenset(reader.answers()) == room.after
    assert len(calls) > len({a.participant_id for a in room.before})  # it did read again


def test_a_reader_gives_up_in_one_sentence_while_imports_keep_committing(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp.store import workshop as workshop_module

    real_answers_file = workshop_module.answers_file
    someone = room.new[0].participant_id
    imports = []

    def import_on_every_read(folder: Path, participant_id: str):  # type: ignore[no-untyped-def]
        imports.append(1)
        with room.store.owned(room.workshop_id, purpose="a test") as owned:
            owned.import_answers([Answer(someone, "basics/mandate", value="yes", comment=str(len(imports)), at=AT)], replace=True)
        return real_answers_file(folder, participant_id)

    monkeypatch.setattr(workshop_module, "answers_file", import_on_every_read)
    with pytest.raises(ImportUnderWay, match=f"workshop {room.workshop_id} is being imported into: .* try again"):
        room.reader().answers()
    assert len(imports) >= REREADS


def test_a_follower_polls_again_when_an_import_commits_during_its_poll(room: Room) -> None:
    follower = Follower.load(room.reader(), FixedClock())
    real_refresh = follower._refresh
    calls = []

    def refresh_with_an_import_in_the_middle() -> bool:
        calls.append(1)
        moved = real_refresh()
        if len(calls) == 2:  # inside the poll's first settled read: after the files, before the journal again
            room.import_all()
        return moved

    follower._refresh = refresh_with_an_import_in_the_middle  # type: ignore[method-assign]
    # A file that moved sends the poll into its settled read; the import then replaces this very answer.
    room.store.open(room.workshop_id).save_answer(Answer(room.new[0].participant_id, "basics/mandate", value="yes"))
    seen = follower.poll()
    assert seen is not None and frozenset(seen.answers) == room.after
    assert len(calls) >= 3


# -- owners finish what was left; readers never write ---------------------------------------------------------


def leave_pending(room: Room, monkeypatch: pytest.MonkeyPatch, rewritten: int) -> None:
    """An import that committed and then stopped after ``rewritten`` files, as a kill would leave it."""
    real_rewrite = import_journal.rewrite
    done = []

    def rewrite_then_stop(folder: Path, participant_id: str, answers: tuple[Answer, ...]) -> None:
        if len(done) == rewritten:
            raise KeyboardInterrupt  # stands in for the kill: nothing after this point runs
        real_rewrite(folder, participant_id, answers)
        done.append(participant_id)

    with monkeypatch.context() as patched:
        patched.setattr(import_journal, "rewrite", rewrite_then_stop)
        with pytest.raises(KeyboardInterrupt):
            room.import_all()
    assert room.journal().pending is not None


def test_a_reader_never_finishes_an_import_and_an_owner_always_does(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_pending(room, monkeypatch, rewritten=2)
    files_before = {p: p.read_bytes() for p in room.path.rglob("*.json")}
    assert room.seen() == room.after
    room.store.open(room.workshop_id).bundle()
    Follower.load(room.reader(), FixedClock()).poll()
    assert {p: p.read_bytes() for p in room.path.rglob("*.json")} == files_before  # readers wrote nothing
    live = LiveWorkshop.open(room.reader(), FixedClock())  # the console: the import finished before it reads
    try:
        assert frozenset(live.records.data.answers) == room.after
        assert room.journal() == ImportJournal(1)
    finally:
        assert live.owner is not None
        live.owner.release()
    assert room.seen() == room.after


def test_a_finished_import_stores_the_times_it_was_given_when_it_committed(
    room: Room, monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> None:
    imported_at = "2026-09-21T14:13:20+00:00"  # the fixed clock, when the import ran
    room.new = [replace(answer, at="") for answer in room.new]
    leave_pending(room, monkeypatch, rewritten=1)
    clock.advance(3600)
    with room.store.owned(room.workshop_id, purpose="a test"):
        pass
    stored = {a for a in room.seen() if a not in room.before}
    assert len(stored) == len(room.new)
    assert {a.at for a in stored if not is_ballot_id(a.participant_id)} == {imported_at}
    assert {a.at for a in stored if is_ballot_id(a.participant_id)} == {""}  # a secret ballot keeps no time


def test_an_import_that_changes_nothing_writes_nothing(room: Room) -> None:
    room.import_all()
    stamps = {p: p.stat().st_ino for p in room.path.rglob("*.json")}
    room.import_all()
    assert {p: p.stat().st_ino for p in room.path.rglob("*.json")} == stamps
    assert room.journal() == ImportJournal(1)  # kept, with its number, so readers can tell imports apart


def test_an_unreadable_journal_is_named_and_kept(room: Room) -> None:
    journal = room.path / IMPORT_FILE
    journal.write_bytes(b'{"format":"bootcamp/import-journal","version":1,"seq":1,"pending":')
    with pytest.raises(UnreadableFileError, match=f"cannot read {journal}: not valid JSON"):
        room.reader().answers()
    with pytest.raises(UnreadableFileError, match=f"cannot read {journal}"):
        room.import_all()
    assert journal.read_bytes().endswith(b'"pending":')


def test_a_journal_may_only_name_answers_files(room: Room) -> None:
    journal = room.path / IMPORT_FILE
    journal.write_text(
        '{"format":"bootcamp/import-journal","version":1,"seq":1,'
        '"pending":{"../../evil":{"participant_id":"../../evil","answers":{}}}}'
    )
    with pytest.raises(UnreadableFileError, match=r"pending\.\.\./\.\./evil: not a participant or ballot id"):
        room.import_all()
    assert not (room.store.data_dir / "evil.json").exists()


def test_an_import_left_pending_is_finished_even_when_the_answers_folder_was_removed(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_pending(room, monkeypatch, rewritten=2)
    shutil.rmtree(room.path / "answers")
    with room.store.owned(room.workshop_id, purpose="a test"):
        pass
    pending = {a.participant_id for a in room.new}
    assert room.seen() == {a for a in room.after if a.participant_id in pending}  # the journal held their whole files

"""A refresh notices every save: by the folders' stamp once it is settled, by every file's signature before."""

from __future__ import annotations

import dataclasses
import os
import time

import pytest

from bootcamp.library import Library, signatures
from bootcamp.store import Store
from bootcamp.store.model import Answer
from tests.library.conftest import make_workshop


def test_a_settled_stamp_still_moves_with_every_save(
    store: Store, sources: dict[str, str], library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stamps trusted at once (no unsure window): each save renames a file into a folder, which moves its stamp."""
    monkeypatch.setattr(signatures, "UNSURE_NS", 0)
    info = make_workshop(store, sources)
    files = store.open(info.id)
    assert library.listing().rows[0].stopped_at == "not started"
    time.sleep(0.05)  # past the file system clock's tick
    files.update_state(lambda state: dataclasses.replace(state, done=("basics/welcome",), step_key="basics/rate-aptitudes"))
    assert library.listing().rows[0].stopped_at == "Rate the aptitudes (2/8)"
    time.sleep(0.05)
    files.save_answer(Answer(info.participants[0].id, "basics/mandate", value="yes", comment="Stamped"))
    assert [hit.text for hit in library.search("stamped")] == ["Stamped"]


def test_an_unsure_stamp_is_checked_file_by_file(store: Store, sources: dict[str, str], library: Library) -> None:
    """A change that left the folders' times as they were (two saves in one tick): the files' signature shows it."""
    info = make_workshop(store, sources)
    folder = store.workshops_dir / info.id
    library.listing()
    before = os.stat(folder)
    files = store.open(info.id)
    files.update_state(lambda state: dataclasses.replace(state, done=("basics/welcome",), step_key="basics/rate-aptitudes"))
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if in the same tick as the listing
    assert library.listing().rows[0].stopped_at == "Rate the aptitudes (2/8)"


def test_a_folder_touched_without_a_file_changing_is_not_read_again(
    store: Store, sources: dict[str, str], library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = make_workshop(store, sources)
    library.listing()
    (store.workshops_dir / info.id / "state.json.lock").touch()  # a lock taken and left: the folder moved
    read = []
    from bootcamp.library import row_reading

    original = row_reading.read_row
    monkeypatch.setattr(row_reading, "read_row", lambda *args: read.append(args) or original(*args))
    assert len(library.listing().rows) == 1
    assert read == []
    (store.workshops_dir / info.id / "state.json").touch()  # a file changed: read again, through the same call
    assert len(library.listing().rows) == 1
    assert len(read) == 1


def test_the_stamp_is_unsure_only_near_the_time_it_was_taken() -> None:
    second = 1_000_000_000
    assert not signatures.settled([1, 100 * second, 2, 90 * second], 101 * second)
    assert signatures.settled([1, 100 * second, 2, 90 * second], 104 * second)
    assert not signatures.settled([1, 10 * second, 2, 100 * second], 101 * second)  # the answers folder's too


def test_every_file_a_row_is_read_from_is_in_the_signature(store: Store, sources: dict[str, str]) -> None:
    info = make_workshop(store, sources)
    folder = store.workshops_dir / info.id
    first = signatures.signature_of(str(folder))
    for name in ("workshop.json", "content.json", "state.json", "room.json"):
        stat = os.stat(folder / name)
        os.utime(folder / name, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        assert signatures.signature_of(str(folder)) != first
        first = signatures.signature_of(str(folder))
    (folder / "import.json").write_text("{}")
    assert signatures.signature_of(str(folder)) != first
    first = signatures.signature_of(str(folder))
    (folder / "answers" / "p1.json").write_text("{}")
    assert signatures.signature_of(str(folder)) != first


def test_a_stamp_trusted_later_is_written_once(
    store: Store, sources: dict[str, str], library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listing just after a save cannot trust the stamp; one after the unsure window writes it once, then none."""
    from bootcamp.library.index_file import index_path

    make_workshop(store, sources)
    saved_at = time.time_ns()
    # The listings see the clock where the save left it: a box that stalls past the window must not move them out.
    monkeypatch.setattr(time, "time_ns", lambda: saved_at)
    library.listing()  # within the window: every file stat'ed, and again on each listing
    index = index_path(store.data_dir)
    before = index.stat().st_mtime_ns
    library.listing()
    assert index.stat().st_mtime_ns == before
    monkeypatch.setattr(time, "time_ns", lambda: saved_at + 2 * signatures.UNSURE_NS)  # the window passed
    library.listing()
    settled = index.stat().st_mtime_ns
    assert settled != before
    library.listing()
    assert index.stat().st_mtime_ns == settled


def test_folder_marks_move_when_a_workshop_is_made_archived_or_brought_back_and_not_on_an_answer(
    store: Store, sources: dict[str, str], library: Library
) -> None:
    """What home looks at every few seconds to notice another terminal's `bootcamp new` and `archive [--undo]`."""
    from bootcamp.store.archive import archive, unarchive

    workshops = str(store.workshops_dir)
    assert signatures.folder_marks(workshops) is None  # no workshops folder yet
    info = make_workshop(store, sources)
    library.listing()  # a listing (it writes the index) leaves the marks as they were
    seen = signatures.folder_marks(workshops)
    library.listing()
    assert signatures.folder_marks(workshops) == seen
    time.sleep(0.02)  # past the file system clock's tick
    store.open(info.id).save_answer(Answer(info.participants[0].id, "basics/mandate", value="yes"))
    assert signatures.folder_marks(workshops) == seen  # the list shows nothing an answer changes
    changes = (lambda: archive(store, info.id), lambda: unarchive(store, info.id), lambda: make_workshop(store, sources))
    for change in changes:
        time.sleep(0.02)
        change()
        now = signatures.folder_marks(workshops)
        assert now != seen
        seen = now

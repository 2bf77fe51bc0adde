"""The index is a cache of the folders: deleted or corrupted, it is rebuilt and nothing is lost."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from bootcamp.library import Library
from bootcamp.library.index_file import INDEX_SCHEMA, READER, read_rows
from bootcamp.store import Store, files
from bootcamp.store.files import ImportJournal, import_journal_file
from bootcamp.store.jsonfile import FileSchema
from bootcamp.store.model import Action, ActionStatus, Answer
from tests.library.conftest import make_workshop


def stored_library(store: Store, sources: dict[str, str]) -> None:
    first = make_workshop(store, sources, name="Spring", date="2026-03-02")
    make_workshop(store, sources, name="Autumn", date="2026-09-21", follows=first.id)
    later = make_workshop(store, sources, name="Globex day", organisation="Globex", date="2026-10-01", anonymous=True)
    action = Action("a1", "Call five customers", owner="Ana", due="2026-10-30", source="basics/next")
    store.open(later.id).update_room(lambda room: room.__class__(actions=(action,)))


def seen(library: Library) -> list[tuple]:
    listing = library.listing()
    return [(r.info, r.stopped_at, r.actions) for r in listing.rows] + [listing.problems]


def test_a_first_listing_builds_the_index_and_answers_like_the_folders(
    store: Store, sources: dict[str, str], library: Library, index: Path
) -> None:
    stored_library(store, sources)
    listing = library.listing()
    assert [row.info for row in listing.rows] == store.list_workshops()  # same workshops, same order
    assert [row.stopped_at for row in listing.rows] == ["not started"] * 3
    assert listing.rows[1].info.follows == listing.rows[2].info.id  # the lineage is kept
    assert [a.what for a in listing.rows[0].actions] == ["Call five customers"]
    assert listing.problems == ()
    rows, problem = read_rows(index)
    assert problem is None and set(rows) == {row.info.id for row in listing.rows}


def test_deleting_the_index_rebuilds_it_with_the_same_rows(
    store: Store, sources: dict[str, str], library: Library, index: Path
) -> None:
    stored_library(store, sources)
    before = seen(library)
    index.unlink()
    assert seen(library) == before
    assert index.exists() and read_rows(index)[1] is None


def _versioned(raw: bytes, version: int) -> bytes:
    document = json.loads(raw)
    assert document["version"] == INDEX_SCHEMA.version  # the corruption changes what it says it changes
    return json.dumps({**document, "version": version}).encode()


CORRUPTIONS = {
    "garbage bytes": lambda raw: b"\x00\xff\xfe garbage \x9c",
    "cut short": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "a newer version": lambda raw: _versioned(raw, INDEX_SCHEMA.version + 1),
    "an older version": lambda raw: _versioned(raw, INDEX_SCHEMA.version - 1),
    "another format": lambda raw: raw.replace(b"bootcamp/library-index", b"bootcamp/state", 1),
    "not a table": lambda raw: json.dumps({"format": "bootcamp/library-index", "version": 1, "workshops": [1]}).encode(),
    "rows of the wrong shape": lambda raw: json.dumps(
        {"format": "bootcamp/library-index", "version": 1, "workshops": {"1": {"id": 5}, "2": {"info": "x"}}}
    ).encode(),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=list(CORRUPTIONS))
def test_a_corrupted_index_is_rebuilt_and_nothing_is_lost(
    store: Store, sources: dict[str, str], library: Library, index: Path, corruption: str
) -> None:
    stored_library(store, sources)
    before = seen(library)
    index.write_bytes(CORRUPTIONS[corruption](index.read_bytes()))
    assert seen(library) == before  # no traceback, every workshop there
    rows, problem = read_rows(index)
    assert problem is None and len(rows) == 3  # written again, readable


def test_a_row_whose_fields_are_damaged_is_read_again_from_its_folder(
    store: Store, sources: dict[str, str], library: Library, index: Path
) -> None:
    stored_library(store, sources)
    before = seen(library)
    document = json.loads(index.read_bytes())
    for row in document["workshops"].values():
        row["info"] = {"id": row["id"], "name": 3}
        row["texts"] = "[[1]]"
    index.write_text(json.dumps(document))
    assert seen(library) == before
    assert [hit.workshop_name for hit in library.search("spring")] == ["Spring"]


def _stored_then_damaged(store: Store, sources: dict[str, str], library: Library, index: Path, damage) -> list[tuple]:
    """The library stored and listed (what it listed is returned), then ``damage`` done to every row of its index."""
    stored_library(store, sources)
    before = seen(library)
    document = json.loads(index.read_bytes())
    for row in document["workshops"].values():
        damage(row)
    index.write_text(json.dumps(document))
    return before


@pytest.mark.parametrize("damage", ["[[1]]", "not json", "", '[["a1","x","","",  "lost","","",""]]'])
def test_actions_damaged_in_the_index_are_read_from_the_folder(
    store: Store, sources: dict[str, str], library: Library, index: Path, damage: str
) -> None:
    before = _stored_then_damaged(store, sources, library, index, lambda row: row.update(actions=damage))
    # Still a string: the listing takes the row, its actions are unpacked when asked.
    assert seen(Library(store.data_dir, library.clock)) == before
    assert [a.action.what for a in Library(store.data_dir, library.clock).open_actions()] == ["Call five customers"]


@pytest.mark.parametrize("damage", ["[[1]]", "{}", "not json", ""])
def test_participants_damaged_in_the_index_are_read_from_the_folder(
    store: Store, sources: dict[str, str], library: Library, index: Path, damage: str
) -> None:
    before = _stored_then_damaged(store, sources, library, index, lambda row: row["info"].update(participants=damage))
    after = Library(store.data_dir, library.clock).listing().rows
    assert [(row.info.participants, row.info) for row in after] == [(info.participants, info) for info, *_ in before[:-1]]


def test_a_listed_info_is_the_stored_info_in_every_way_but_when_its_participants_are_unpacked(
    store: Store, sources: dict[str, str], library: Library
) -> None:
    import dataclasses

    from bootcamp.store.codec import to_json

    stored_library(store, sources)
    stored = {info.id: info for info in store.list_workshops()}
    for row in library.listing().rows:
        info, same = row.info, stored[row.info.id]
        assert "participants" not in vars(info)  # not unpacked by a listing
        assert info == same and same == info and hash(info) == hash(same) and {info, same} == {same}
        assert to_json(info) == to_json(same) and info.present == same.present
        renamed = dataclasses.replace(info, name="Renamed")
        assert renamed == dataclasses.replace(same, name="Renamed") and renamed.participants == same.participants
        assert info != dataclasses.replace(same, participants=())


def test_a_listing_with_nothing_changed_writes_nothing(
    store: Store, sources: dict[str, str], library: Library, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp.library import signatures

    monkeypatch.setattr(signatures, "UNSURE_NS", 0)  # however slow this machine: every stamp trusted at once
    stored_library(store, sources)
    library.listing()
    before = os.stat(index)
    library.listing()
    library.search("acme")
    library.open_actions()
    after = os.stat(index)
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (before.st_ino, before.st_mtime_ns, before.st_size)


def test_a_workshop_removed_from_the_folder_leaves_the_index(
    store: Store, sources: dict[str, str], library: Library, index: Path
) -> None:
    stored_library(store, sources)
    gone = library.listing().rows[0].info.id
    import shutil

    shutil.rmtree(store.workshops_dir / gone)
    assert gone not in {row.info.id for row in library.listing().rows}
    assert gone not in read_rows(index)[0]


def test_an_unreadable_workshop_is_one_sentence_and_the_rest_are_listed(
    store: Store, sources: dict[str, str], library: Library
) -> None:
    stored_library(store, sources)
    broken = library.listing().rows[0].info.id
    (store.workshops_dir / broken / "workshop.json").write_text("{not json")
    (store.workshops_dir / "stray").mkdir()
    listing = library.listing()
    assert len(listing.rows) == 2
    assert len(listing.problems) == 2 and all("\n" not in p for p in listing.problems)
    assert any("stray is not a workshop folder" in p for p in listing.problems)
    assert any(broken in p and "not valid JSON" in p for p in listing.problems)
    assert library.listing().problems == listing.problems  # cached as they are, until the folder changes


def test_an_unreadable_state_says_so_where_it_stopped(store: Store, sources: dict[str, str], library: Library) -> None:
    info = make_workshop(store, sources)
    (store.workshops_dir / info.id / "state.json").write_text("[]")
    (row,) = library.listing().rows
    assert row.stopped_at.startswith("cannot read ") and "state.json" in row.stopped_at
    assert row.stopped_at.count("cannot read") == 1  # the store's own words, not "cannot read: cannot read …"


def test_the_index_never_creates_a_missing_data_folder(tmp_path: Path, clock) -> None:
    missing = tmp_path / "typo"
    library = Library(missing, clock)
    assert library.listing().rows == () and library.search("x") == [] and library.open_actions() == []
    assert not missing.exists()


def test_an_empty_data_folder_lists_nothing(store: Store, library: Library) -> None:
    store.data_dir.mkdir()
    assert library.listing().rows == ()


def test_a_pending_import_is_read_as_the_other_readers_read_it(
    store: Store, sources: dict[str, str], library: Library
) -> None:
    """An import killed after its commit: its answers are stored (the journal holds them), so search finds them."""
    info = make_workshop(store, sources)
    ana = info.participants[0].id
    answer = Answer(ana, "basics/mandate", value="yes", comment="The CEO decides, by journal", at="2026-09-21T10:00:00+00:00")
    import_journal_file(store.workshops_dir / info.id).replace(ImportJournal(1, {ana: (answer,)}))
    (hit,) = library.search("journal")
    assert (hit.where, hit.step_key, hit.text) == ("comment", "basics/mandate", "The CEO decides, by journal")


def test_an_index_that_cannot_be_written_still_answers_from_the_folders(
    store: Store, sources: dict[str, str], library: Library, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk or a read-only folder: the listing comes from the folders, the index is simply not saved."""
    import errno

    from bootcamp.store import jsonfile

    stored_library(store, sources)

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jsonfile, "replace_durably", full_disk)
    assert len(library.listing().rows) == 3
    assert not index.exists()


def test_actions_keep_their_status(store: Store, sources: dict[str, str], library: Library) -> None:
    info = make_workshop(store, sources)
    done = Action("a1", "Done already", status=ActionStatus.DONE)
    store.open(info.id).update_room(lambda room: room.__class__(actions=(done,)))
    assert library.listing().rows[0].actions == (done,)


def test_a_reader_that_cannot_get_the_lock_answers_from_the_folders(
    store: Store, sources: dict[str, str], library: Library, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from bootcamp.library import index_file

    stored_library(store, sources)
    before = seen(library)
    index.unlink()
    monkeypatch.setattr(index_file, "LOCK_WAIT", 0.05)
    with FileLock(str(index) + ".lock"):  # another process writing it, for longer than a reader waits
        assert seen(library) == before
        assert not index.exists()
    assert seen(library) == before and index.exists()


def test_a_row_keeps_every_field_of_every_participant_and_action_in_the_order_its_checks_read_them() -> None:
    """Participants and actions are lists of values in the index: a field added to either must be placed."""
    import dataclasses

    from bootcamp.library.packing import pack, unpack_actions, unpack_participants
    from bootcamp.store.model import Action, ActionStatus, Participant

    assert [f.name for f in dataclasses.fields(Participant)] == ["id", "number", "name", "role", "removed", "joined_at"]
    assert [f.name for f in dataclasses.fields(Action)] == ["id", "what", "owner", "due", "status", "source", "at", "status_at"]
    seat = Participant("p1", 3, "Ana", "CEO", True, "2026-09-21T10:00:00+00:00")
    action = Action("a1", "Publish the plan", "Ana", "2026-10-01", ActionStatus.DONE, "basics/next", "t", "2026-10-02")
    assert unpack_participants(pack([seat])) == (seat,) and unpack_actions(pack([action])) == (action,)


def test_a_workshop_an_older_bootcamp_could_not_read_is_read_again_after_the_upgrade(
    store: Store, sources: dict[str, str], library: Library, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CCO went back to an older bootcamp for a while (another laptop, a colleague's install): it listed a
    workshop whose state.json this one wrote at a schema it does not read, and recorded "cannot read: written by
    a newer bootcamp" in library.json, an index of the same version. Back on this bootcamp, home said the workshop
    could not be read, although nothing in its folder had changed and every command here read it."""
    info = make_workshop(store, sources)
    store.open(info.id).update_state(lambda state: dataclasses.replace(state, clocks_stopped_at=1790005500.0))
    older = FileSchema("bootcamp/state", 2, {1: files._state_with_earlier_days})
    with monkeypatch.context() as older_bootcamp:
        older_bootcamp.setattr(files, "STATE_SCHEMA", older)
        (row,) = library.listing().rows
        assert "written by a newer bootcamp" in row.stopped_at
    # An older bootcamp writes its rows without the fields it does not know.
    document = json.loads(index.read_bytes())
    for stored in document["workshops"].values():
        stored.pop("reader", None)
    index.write_text(json.dumps(document))

    (row,) = Library(store.data_dir, store.clock).listing().rows
    assert row.stopped_at == "not started"


def test_the_index_names_the_version_of_every_workshop_file_this_bootcamp_reads() -> None:
    """READER is written out (a listing does not load the store's readers): a schema's next version changes it."""
    schemas = [found for found in vars(files).values() if isinstance(found, FileSchema)]
    assert READER == ", ".join(f"{schema.format.removeprefix('bootcamp/')} {schema.version}" for schema in schemas)

"""The file layer: call order of a save, unreadable files refused and kept, schema versions, hostile text."""

from __future__ import annotations

import dataclasses
import json
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from bootcamp.store import Store, StoreError, WorkshopFiles, durable, files, new_ballot_id, roster
from bootcamp.store.jsonfile import FileSchema
from bootcamp.store.model import (
    Action,
    Answer,
    PokerCard,
    RoleLine,
    RoomNote,
    RoomRecords,
    StepTimer,
    WorkshopDay,
    WorkshopInfo,
    WorkshopState,
)

# -- the order of a save -----------------------------------------------------------------------------------------


class SaveSpy:
    """Records the os calls of a save, naming each file descriptor by the path it was opened with."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, str]] = []
        self.names: dict[int, str] = {}
        real_open, real_write, real_fsync, real_replace = os.open, os.write, os.fsync, os.replace

        def spy_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
            fd = real_open(path, flags, *args, **kwargs)
            self.names[fd] = os.fspath(path)
            return fd

        def spy_write(fd: int, data: bytes) -> int:
            self.calls.append(("write", self.names.get(fd, "?")))
            return real_write(fd, data)

        def spy_fsync(fd: int) -> None:
            self.calls.append(("fsync", self.names.get(fd, "?")))
            real_fsync(fd)

        def spy_replace(src, dst) -> None:  # type: ignore[no-untyped-def]
            self.calls.append(("replace", f"{os.fspath(src)} -> {os.fspath(dst)}"))
            real_replace(src, dst)

        monkeypatch.setattr(os, "open", spy_open)
        monkeypatch.setattr(os, "write", spy_write)
        monkeypatch.setattr(os, "fsync", spy_fsync)
        monkeypatch.setattr(os, "replace", spy_replace)


def test_a_save_writes_fsyncs_renames_then_fsyncs_the_folder(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    participant = workshop.info().participants[0].id
    target = workshop.path / "answers" / f"{participant}.json"
    monkeypatch.setattr(durable, "_FULLFSYNC", None)  # the Linux path, also when run on macOS
    spy = SaveSpy(monkeypatch)
    workshop.save_answer(Answer(participant, "basics/mandate", value="yes"))

    temp = next(name for kind, name in spy.calls if kind == "write")
    assert Path(temp).parent == target.parent and Path(temp).name.startswith(f".{target.name}.")
    calls = [call for call in spy.calls if call[0] != "write"]
    assert all(call == ("write", temp) for call in spy.calls if call[0] == "write")
    assert calls == [
        ("fsync", temp),
        ("replace", f"{temp} -> {target}"),
        ("fsync", str(target.parent)),
    ]
    first_fsync = spy.calls.index(("fsync", temp))
    assert all(kind == "write" for kind, _ in spy.calls[:first_fsync]) and first_fsync >= 1
    assert json.loads(target.read_text())["answers"]["basics/mandate||"]["value"] == "yes"


def test_on_macos_a_save_asks_the_drive_to_flush(workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: list[int] = []

    def fake_fcntl(fd: int, command: int, *args: object) -> int:
        assert command == 51
        flushed.append(fd)
        return 0

    monkeypatch.setattr(durable, "_FULLFSYNC", 51)  # fcntl.F_FULLFSYNC on macOS
    monkeypatch.setattr(durable.fcntl, "fcntl", fake_fcntl)
    spy = SaveSpy(monkeypatch)
    workshop.update_room(lambda room: room)
    assert [kind for kind, _ in spy.calls if kind != "write"] == ["replace"]  # no plain fsync needed
    assert len(flushed) == 2  # the file, then its folder


def test_when_the_drive_flush_is_refused_a_plain_fsync_is_used(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refusing_fcntl(fd: int, command: int, *args: object) -> int:
        raise OSError(45, "Operation not supported")

    monkeypatch.setattr(durable, "_FULLFSYNC", 51)
    monkeypatch.setattr(durable.fcntl, "fcntl", refusing_fcntl)
    spy = SaveSpy(monkeypatch)
    workshop.update_room(lambda room: room)
    assert [kind for kind, _ in spy.calls if kind != "write"] == ["fsync", "replace", "fsync"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (workshop.path / "room.json").read_bytes()

    def full_disk(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(StoreError, match=f"cannot save {workshop.path / 'room.json'}: No space left on device"):
        workshop.update_room(lambda room: dataclasses.replace(room, notes=(RoomNote("n-1", "basics/talk", "x"),)))
    monkeypatch.undo()
    assert (workshop.path / "room.json").read_bytes() == before
    assert list(workshop.path.glob("*.tmp")) == []


# -- unreadable files are refused by name and never overwritten ----------------------------------------------


CORRUPTIONS: dict[str, Callable[[str], bytes]] = {
    "bad JSON": lambda fmt: b'{"format": "' + fmt.encode() + b'", "version": 1, ',
    "empty": lambda fmt: b"",
    "not UTF-8": lambda fmt: b"\xff\xfe{\x00}",
    "a JSON list": lambda fmt: b'[{"format": "' + fmt.encode() + b'"}]',
    "a foreign file": lambda fmt: b'{"name": "my shopping list", "items": ["milk"]}',
    "another schema": lambda fmt: b'{"format": "bootcamp/workshop", "version": 1, "workshop": {}}'
    if fmt != "bootcamp/workshop"
    else b'{"format": "bootcamp/room", "version": 1, "room": {}}',
    "a newer version": lambda fmt: b'{"format": "' + fmt.encode() + b'", "version": 7, "new": {}}',
    "a wrong shape": lambda fmt: b'{"format": "' + fmt.encode() + b'", "version": 1, "surprise": 3}',
}
EXPECTED_REASON = {
    "bad JSON": "not valid JSON",
    "empty": "not valid JSON",
    "not UTF-8": "not UTF-8",
    "a JSON list": "found a list",
    "a foreign file": "no \"format\" field",
    "another schema": "not a bootcamp",
    "a newer version": "newer bootcamp (schema version 7",
    "a wrong shape": "surprise: unknown field",
}


def _files_and_saves(workshop: WorkshopFiles) -> dict[str, tuple[str, str, Callable[[], object], Callable[[], object]]]:
    """file → (relative path, format, a read, a save attempt)."""

    def add_eve(info: WorkshopInfo) -> WorkshopInfo:
        return roster.add_participant(info, "Eve", joined_at="2026-09-21T14:13:20+00:00").info

    pid = workshop.info().participants[0].id
    workshop.save_answer(Answer(pid, "basics/mandate", value="yes"))
    return {
        "workshop": ("workshop.json", "bootcamp/workshop", workshop.info, lambda: workshop.update_info(add_eve)),
        "state": ("state.json", "bootcamp/state", workshop.state, lambda: workshop.save_state(WorkshopState())),
        "room": ("room.json", "bootcamp/room", workshop.room, lambda: workshop.update_room(lambda r: r)),
        "answers": (
            f"answers/{pid}.json",
            "bootcamp/answers",
            workshop.answers,
            lambda: workshop.save_answer(Answer(pid, "basics/mandate", value="no")),
        ),
        "content": ("content.json", "bootcamp/content", workshop.program, workshop.content),
    }


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
@pytest.mark.parametrize("which", ["workshop", "state", "room", "answers", "content"])
def test_an_unreadable_file_is_refused_by_name_and_left_untouched(
    workshop: WorkshopFiles, which: str, corruption: str
) -> None:
    relative, fmt, read, save = _files_and_saves(workshop)[which]
    path = workshop.path / relative
    broken = CORRUPTIONS[corruption](fmt)
    path.write_bytes(broken)
    for attempt in (read, save, save, read):
        with pytest.raises(StoreError) as caught:
            attempt()
        message = str(caught.value)
        assert str(path) in message and EXPECTED_REASON[corruption] in message, message
        assert "left as it is" in message
        assert path.read_bytes() == broken
    assert list(path.parent.glob("*.tmp")) == []


@pytest.mark.parametrize("which", ["workshop", "content"])
def test_a_missing_file_is_named_with_what_to_do_and_nothing_is_made_in_its_place(
    workshop: WorkshopFiles, which: str
) -> None:
    """A CCO whose content.json had gone read "the file is missing; the file is left as it is": there is no file
    to leave, and nothing said what to do."""
    relative, _fmt, read, save = _files_and_saves(workshop)[which]
    path = workshop.path / relative
    path.unlink()
    for attempt in (read, save, read):
        with pytest.raises(StoreError) as caught:
            attempt()
        assert str(caught.value) == (
            f"cannot read {path}: the file is missing (moved or deleted outside bootcamp); "
            "put it back from a backup of the data folder"
        )
    assert not path.exists() and list(path.parent.glob("*.tmp")) == []


def test_an_unreadable_workshop_json_is_named_by_open_and_reported_by_the_listing(
    store: Store, workshop: WorkshopFiles, sources: dict[str, str]
) -> None:
    other = store.create_workshop(name="Fine", organisation="O", date="2026-01-01", participants=[("Ana", "")], sources=sources)
    path = workshop.path / "workshop.json"
    path.write_bytes(b"[]")
    with pytest.raises(StoreError, match=str(path)):
        store.open(workshop.path.name)
    listing = store.scan_workshops()
    assert [w.id for w in listing.workshops] == [other.id]
    assert [str(path) in str(problem) for problem in listing.problems] == [True]
    assert path.read_bytes() == b"[]"


def test_a_foreign_file_in_the_answers_folder_is_refused_not_skipped(workshop: WorkshopFiles) -> None:
    stray = workshop.path / "answers" / "notes.json"
    stray.write_text('{"todo": "buy milk"}')
    with pytest.raises(StoreError, match="notes.json"):
        workshop.answers()
    assert stray.read_text() == '{"todo": "buy milk"}'


# -- schema versions ---------------------------------------------------------------------------------------------


def test_an_older_schema_is_migrated_on_read_and_written_at_the_new_version_on_save(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulates the next schema change: version 2 of state.json renamed ``step`` to ``step_key``."""
    path = workshop.path / "state.json"
    old = {"format": "bootcamp/state", "version": 1, "state": {"step": "basics/mandate", "done": ["basics/welcome"]}}
    path.write_text(json.dumps(old))

    def rename_step(document: dict) -> dict:
        state = dict(document["state"])
        state["step_key"] = state.pop("step")
        return {**document, "state": state}

    monkeypatch.setattr(files, "STATE_SCHEMA", FileSchema("bootcamp/state", 2, {1: rename_step}))
    reopened = WorkshopFiles(workshop.path, workshop._clock)
    assert (reopened.state().step_key, reopened.state().done) == ("basics/mandate", ("basics/welcome",))
    assert json.loads(path.read_text()) == old  # reading never writes
    reopened.update_state(lambda state: dataclasses.replace(state, skipped=("basics/role",)))
    saved = json.loads(path.read_text())
    assert (saved["version"], saved["state"]["step_key"], saved["state"]["skipped"]) == (2, "basics/mandate", ["basics/role"])


# A state.json as a bootcamp wrote it before a second day was told apart (schema version 1): day one over, the room
# on its fortieth-odd step.
STATE_BEFORE_TWO_DAYS = {
    "format": "bootcamp/state",
    "version": 1,
    "state": {
        "step_key": "basics/mandate",
        "done": ["basics/welcome", "basics/rate-aptitudes"],
        "skipped": [],
        "timers": {
            "basics/welcome": {"elapsed": 600.0, "running_since": None, "extra_minutes": 0.0},
            "basics/mandate": {"elapsed": 300.5, "running_since": None, "extra_minutes": 2.0},
        },
        "day_started_at": 1789981200.0,
        "revealed": ["basics/rate-aptitudes"],
        "secret": [],
        "presenter": False,
        "blank": False,
        "private_entry": False,
        "show_timer": True,
        "updated_at": 1790005501.0,
        "poker_card": "",
        "card_timers": {},
    },
}


def test_a_state_written_before_two_days_were_told_apart_opens_as_it_was_and_keeps_everything(
    workshop: WorkshopFiles,
) -> None:
    path = workshop.path / "state.json"
    path.write_text(json.dumps(STATE_BEFORE_TWO_DAYS))
    state = WorkshopFiles(workshop.path, workshop._clock).state()
    assert state.earlier_days == () and state.day_started_at == 1789981200.0
    assert state.timers["basics/mandate"] == StepTimer(elapsed=300.5, extra_minutes=2.0)
    assert (state.step_key, state.done, state.revealed) == (
        "basics/mandate", ("basics/welcome", "basics/rate-aptitudes"), ("basics/rate-aptitudes",),
    )  # fmt: skip
    assert json.loads(path.read_text()) == STATE_BEFORE_TWO_DAYS  # reading never writes

    day_one = WorkshopDay(started_at=1789981200.0, planned=19.0, actual=35.0)
    workshop.update_state(lambda s: dataclasses.replace(s, earlier_days=(day_one,), day_started_at=1790067600.0))
    saved = json.loads(path.read_text())
    assert saved["version"] == files.STATE_SCHEMA.version == 4
    day_saved = {"started_at": 1789981200.0, "planned": 19.0, "actual": 35.0, "utc_offset": None}
    assert saved["state"]["earlier_days"] == [day_saved]
    added = ("earlier_days", "clocks_stopped_at", "day_utc_offset", "day_started_at", "updated_at")
    kept = {k: v for k, v in saved["state"].items() if k not in added}
    assert kept == {
        k: v for k, v in STATE_BEFORE_TWO_DAYS["state"].items() if k not in ("day_started_at", "updated_at")
    }
    assert WorkshopFiles(workshop.path, workshop._clock).state().earlier_days == (day_one,)


def test_a_state_written_before_the_clocks_stop_was_kept_opens_without_it_and_keeps_everything(
    workshop: WorkshopFiles,
) -> None:
    """Schema version 2 kept no time the clocks stopped: read as None (the day clock estimates it, as it did)."""
    before = {**STATE_BEFORE_TWO_DAYS, "version": 2}
    before["state"] = {**STATE_BEFORE_TWO_DAYS["state"], "earlier_days": []}
    path = workshop.path / "state.json"
    path.write_text(json.dumps(before))
    state = WorkshopFiles(workshop.path, workshop._clock).state()
    assert state.clocks_stopped_at is None and state.timers["basics/mandate"].elapsed == 300.5
    assert json.loads(path.read_text()) == before  # reading never writes
    workshop.update_state(lambda s: dataclasses.replace(s, clocks_stopped_at=1790005500.0))
    saved = json.loads(path.read_text())
    assert (saved["version"], saved["state"]["clocks_stopped_at"]) == (4, 1790005500.0)
    assert WorkshopFiles(workshop.path, workshop._clock).state().clocks_stopped_at == 1790005500.0


def test_a_state_written_before_the_rooms_offset_was_kept_opens_with_its_days_on_the_readers_calendar(
    workshop: WorkshopFiles,
) -> None:
    """Schema version 3 kept no offset from UTC with a day's start: read as None (its days dated on the calendar of
    the machine reading it, as before); saved again at version 4, the offset kept from then on."""
    before = {**STATE_BEFORE_TWO_DAYS, "version": 3}
    day_one = {"started_at": 1789981200.0, "planned": 19.0, "actual": 35.0}
    before["state"] = {**STATE_BEFORE_TWO_DAYS["state"], "earlier_days": [day_one], "clocks_stopped_at": None}
    path = workshop.path / "state.json"
    path.write_text(json.dumps(before))
    state = WorkshopFiles(workshop.path, workshop._clock).state()
    assert state.day_utc_offset is None and state.earlier_days == (WorkshopDay(1789981200.0, 19.0, 35.0),)
    assert json.loads(path.read_text()) == before  # reading never writes
    workshop.update_state(lambda s: dataclasses.replace(s, day_utc_offset=-300))
    saved = json.loads(path.read_text())
    assert (saved["version"], saved["state"]["day_utc_offset"]) == (4, -300)
    assert WorkshopFiles(workshop.path, workshop._clock).state().day_utc_offset == -300


def test_an_older_bootcamp_refuses_a_state_that_keeps_when_the_clocks_stopped_as_newer(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It refuses a field it does not know: the version says why in one sentence, and to upgrade."""
    workshop.update_state(lambda s: dataclasses.replace(s, clocks_stopped_at=1790005500.0))
    monkeypatch.setattr(files, "STATE_SCHEMA", FileSchema("bootcamp/state", 2, {1: files._state_with_earlier_days}))
    with pytest.raises(StoreError, match="written by a newer bootcamp .schema version 4.*upgrade bootcamp"):
        WorkshopFiles(workshop.path, workshop._clock).state()


def test_a_version_without_a_migration_is_refused(workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "ROOM_SCHEMA", FileSchema("bootcamp/room", 3, {2: lambda d: d}))
    with pytest.raises(StoreError, match="no migration from schema version 1 to 2"):
        WorkshopFiles(workshop.path, workshop._clock).room()


# -- text is stored exactly as given -----------------------------------------------------------------------------


def test_hostile_text_round_trips_through_every_file(
    store: Store, sources: dict[str, str], hostile_texts: tuple[str, ...]
) -> None:
    texts = (*hostile_texts, "lone surrogate \ud800 from a broken terminal")
    info = store.create_workshop(
        name=texts[0],
        organisation=texts[1],
        date="2026-09-21",
        participants=[(text, texts[-1 - n]) for n, text in enumerate(texts)],
        sources=sources,
    )
    workshop = store.open(info.id)
    people = workshop.info().participants
    # names and roles are stored composed (NFC), so "é" typed on a Mac (e and its accent apart) is the name typed on
    # Windows; every other field keeps its text exactly
    composed = [unicodedata.normalize("NFC", text) for text in texts]
    assert [(p.name, p.role) for p in people] == [(text, composed[-1 - n]) for n, text in enumerate(composed)]
    ballot = new_ballot_id()
    answers = [
        Answer(p.id, "basics/mandate", value="partly", comment=text) for p, text in zip(people, texts, strict=True)
    ] + [Answer(ballot, "basics/mandate", value="no", comment=texts[2])]
    for answer in answers:
        workshop.save_answer(answer)
    room = RoomRecords(
        notes=tuple(RoomNote(f"n-{n}", "basics/talk", text, quick=n % 2 == 0) for n, text in enumerate(texts)),
        role_lines=tuple(RoleLine(f"r-{n}", text, "tactical") for n, text in enumerate(texts)),
        poker=(PokerCard("persist", people[0].id, {"today": texts[2], "opportunity": texts[3]}),),
        actions=tuple(Action(f"a-{n}", text, owner=texts[-1 - n], due="2026-10-01") for n, text in enumerate(texts)),
    )
    workshop.update_room(lambda _room: room)
    workshop.update_info(lambda info: roster.add_participant(info, texts[6], texts[5], joined_at="").info)

    reopened = Store(store.data_dir).open(info.id)
    assert (reopened.info().name, reopened.info().organisation) == (texts[0], texts[1])
    assert {(a.participant_id, a.comment) for a in reopened.answers()} == {(a.participant_id, a.comment) for a in answers}
    assert reopened.room() == room
    late = reopened.info().participants[-1]
    assert (late.name, late.role, late.number) == (texts[6], texts[5], len(texts) + 1)


def test_temporary_files_of_killed_writers_are_swept_on_open_but_not_while_locked(
    store: Store, workshop: WorkshopFiles
) -> None:
    from filelock import FileLock

    leftovers = [
        workshop.path / ".room.json.abc123.tmp",
        workshop.path / "answers" / ".pnever.json.x1y2z3.tmp",  # a first save cut off: no pnever.json yet
    ]
    busy = workshop.path / "answers" / ".pbusy.json.q9w8e7.tmp"
    for path in [*leftovers, busy]:
        path.write_text("{half")
    with FileLock(str(workshop.path / "answers" / "pbusy.json.lock")):  # someone is saving pbusy.json right now
        store.open(workshop.path.name)
    assert [path.exists() for path in leftovers] == [False, False]
    assert busy.exists()


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"step_key": "basics/mandate", "value": 3}, "answers.basics/mandate||.value: expected text, found a number"),
        ({"step_key": "basics/mandate", "value": "yes", "score": "9"}, "answers.basics/mandate||.score: unknown field"),
        ({"step_key": "basics/mandate", "value": None}, "answers.basics/mandate||.value: expected text, found null"),
        ({"value": "yes"}, "answers.basics/mandate||.step_key: missing"),
    ],
)
def test_an_answer_not_made_of_known_texts_is_refused_naming_its_field(
    workshop: WorkshopFiles, entry: dict, reason: str
) -> None:
    """Answers of known text fields are built directly (tens of thousands in a large room); any other goes through the
    general decoder, which names what is wrong."""
    import dataclasses

    fields = [f for f in dataclasses.fields(Answer) if f.name != "participant_id"]
    assert all(f.type == "str" and f.default in ("", dataclasses.MISSING) for f in fields)  # what the fast path reads
    pid = workshop.info().participants[0].id
    workshop.save_answer(Answer(pid, "basics/mandate", value="yes"))
    path = workshop.path / "answers" / f"{pid}.json"
    document = json.loads(path.read_bytes())
    document["answers"]["basics/mandate||"] = entry
    path.write_text(json.dumps(document))
    with pytest.raises(StoreError) as caught:
        workshop.answers()
    assert reason in str(caught.value), str(caught.value)

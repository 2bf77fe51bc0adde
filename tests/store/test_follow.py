"""A follower reads a workshop again only when its files change, and keeps the last value of any it cannot read."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.store import UnreadableFileError, WorkshopFiles, roster
from bootcamp.store.files import ANSWERS_FOLDER, ROOM_FILE, STATE_FILE
from bootcamp.store.follow import ROOM, STATE, Follower
from bootcamp.store.model import Answer, RoomNote, WorkshopState

MANDATE = "basics/mandate"


@pytest.fixture
def follower(workshop: WorkshopFiles, clock: FixedClock) -> Follower:
    return Follower.load(workshop, clock)


def move_to(workshop: WorkshopFiles, step_key: str, **changes: object) -> None:
    workshop.update_state(lambda state: dataclasses.replace(state, step_key=step_key, **changes))


def test_it_starts_from_the_files_and_a_quiet_folder_costs_no_read(
    workshop: WorkshopFiles, follower: Follower, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert follower.current.info == workshop.info()
    assert follower.current.state == workshop.state()
    reads: list[Path] = []
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: reads.append(path) or real_read_bytes(path))
    assert [follower.poll() for _ in range(3)] == [None, None, None]
    assert reads == []


def test_a_move_changes_the_state_and_only_the_state_file_is_read(
    workshop: WorkshopFiles, follower: Follower, monkeypatch: pytest.MonkeyPatch
) -> None:
    move_to(workshop, MANDATE, revealed=(MANDATE,), blank=True)
    reads: list[str] = []
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: reads.append(path.name) or real_read_bytes(path))
    seen = follower.poll()
    assert seen is not None and seen.changed == {STATE}
    assert (seen.state.step_key, seen.state.revealed, seen.state.blank) == (MANDATE, (MANDATE,), True)
    assert reads == [STATE_FILE]
    assert follower.poll() is None


def test_answers_notes_and_the_roster_change_the_room(workshop: WorkshopFiles, follower: Follower) -> None:
    ana = workshop.info().participants[0]
    workshop.save_answer(Answer(ana.id, MANDATE, value="yes"))
    seen = follower.poll()
    assert seen is not None and seen.changed == {ROOM}
    assert [(a.participant_id, a.value) for a in seen.answers] == [(ana.id, "yes")]

    workshop.save_answer(Answer(ana.id, MANDATE, value="no"))  # the same file, replaced
    assert [a.value for a in follower.poll().answers] == ["no"]  # type: ignore[union-attr]

    workshop.update_room(lambda room: dataclasses.replace(room, notes=(RoomNote("n1", MANDATE, "loud"),)))
    assert [n.text for n in follower.poll().room.notes] == ["loud"]  # type: ignore[union-attr]

    info = workshop.update_info(lambda info: roster.add_participant(info, "Dev Patel", joined_at="").info)
    late = info.participants[-1]
    seen = follower.poll()
    assert seen is not None and seen.changed == {ROOM} and late in seen.info.participants


def test_a_missing_state_file_keeps_the_last_state_and_says_how_long_it_was_silent(
    workshop: WorkshopFiles, follower: Follower, clock: FixedClock
) -> None:
    move_to(workshop, MANDATE)
    follower.poll()
    state_path = workshop.path / STATE_FILE
    kept = state_path.read_bytes()
    state_path.unlink()
    assert follower.poll() is None
    assert follower.current.state.step_key == MANDATE  # not "the first step", which a missing file would mean
    clock.advance(12)
    assert follower.silent_for() == 12
    state_path.write_bytes(kept)
    assert follower.poll() is None  # the same state again: nothing to redraw
    assert follower.silent_for() == 0


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b'{"format": "bootcamp/state", "version": 1, "state": {"step_', id="half-written"),
        pytest.param(b'{"format": "someone-else", "version": 1}', id="foreign"),
        pytest.param(b'{"format": "bootcamp/state", "version": 99, "state": {}}', id="newer"),
        pytest.param(b"\xff\xfe", id="not-text"),
        pytest.param(b"", id="empty"),
    ],
)
def test_an_unreadable_state_file_keeps_the_last_state_until_it_reads_again(
    workshop: WorkshopFiles, follower: Follower, clock: FixedClock, content: bytes
) -> None:
    move_to(workshop, MANDATE)
    follower.poll()
    state_path = workshop.path / STATE_FILE
    state_path.write_bytes(content)
    assert follower.poll() is None and follower.poll() is None
    assert follower.current.state.step_key == MANDATE
    clock.advance(3)
    assert follower.silent_for() == 3
    state_path.unlink()
    move_to(workshop, "basics/role")
    seen = follower.poll()
    assert seen is not None and seen.state.step_key == "basics/role" and follower.silent_for() == 0


def test_an_unreadable_answers_file_keeps_its_last_answers_and_the_others_still_follow(
    workshop: WorkshopFiles, follower: Follower
) -> None:
    ana, ben, _ = workshop.info().participants
    workshop.save_answer(Answer(ana.id, MANDATE, value="yes"))
    follower.poll()
    (workshop.path / ANSWERS_FOLDER / f"{ana.id}.json").write_text('{"format": "bootcamp/answers", "ver')
    workshop.save_answer(Answer(ben.id, MANDATE, value="no"))
    seen = follower.poll()
    assert seen is not None
    assert sorted((a.participant_id, a.value) for a in seen.answers) == sorted([(ana.id, "yes"), (ben.id, "no")])
    os.unlink(workshop.path / ROOM_FILE)  # a room file gone for a moment: the room stays as it was
    assert follower.poll() is None


def test_what_cannot_be_read_at_the_start_is_the_callers_to_report(workshop: WorkshopFiles, clock: FixedClock) -> None:
    (workshop.path / STATE_FILE).write_text("not json")
    with pytest.raises(UnreadableFileError, match=r"state\.json.*not valid JSON"):
        Follower.load(workshop, clock)


def test_a_workshop_without_a_state_file_yet_starts_at_the_first_step(
    workshop: WorkshopFiles, clock: FixedClock
) -> None:
    (workshop.path / STATE_FILE).unlink()
    assert Follower.load(workshop, clock).current.state == WorkshopState()

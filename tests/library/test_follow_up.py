"""Following up actions across workshops: marking one as a short-lived owner (refused, with nothing written, while
a console holds the workshop), and the day it was marked kept in the file and in the library index."""

from __future__ import annotations

from datetime import date

import pytest

from bootcamp.checks import RecordChecks
from bootcamp.errors import UserError
from bootcamp.library import Library
from bootcamp.library.follow_up import mark_action, overdue
from bootcamp.store import Store
from bootcamp.store.codec import from_json
from bootcamp.store.model import Action, ActionStatus, RoomRecords
from bootcamp.store.owner_lock import OwnerLock, WorkshopBusy

TODAY = date(2026, 10, 1)


def workshop_with(store: Store, sources: dict[str, str], organisation: str, day: str, *actions: Action) -> str:
    info = store.create_workshop(
        name=f"{organisation} boot camp", organisation=organisation, date=day, participants=[("Ana Ortiz", "CEO")], sources=sources
    )
    store.open(info.id).update_room(lambda room: RoomRecords(actions=actions))
    return info.id


def test_overdue_is_due_before_the_day_and_undated_is_never_overdue(store, sources, clock) -> None:
    workshop_with(
        store,
        sources,
        "Acme",
        "2026-09-01",
        Action("a1", "Undated", owner="Ana"),
        Action("a2", "Due later", due="2026-12-01"),
        Action("a3", "Due today", due="2026-10-01"),
        Action("a4", "Overdue", due="2026-09-15", status=ActionStatus.DOING),
    )
    found = {item.action.what: overdue(item, TODAY) for item in Library(store.data_dir, clock).open_actions()}
    assert found == {"Undated": False, "Due later": False, "Due today": False, "Overdue": True}


def test_marking_done_stores_the_status_and_the_day_and_the_index_follows(store, sources, clock) -> None:
    workshop = workshop_with(store, sources, "Acme", "2026-09-01", Action("a1", "Name the leader", due="2026-09-15"))
    library = Library(store.data_dir, clock)
    assert [item.action.id for item in library.open_actions()] == ["a1"]
    marked = mark_action(store, workshop, "a1", ActionStatus.DONE, TODAY)
    stored = store.open(workshop).room().actions
    assert stored == (marked,) and marked.status is ActionStatus.DONE and marked.status_at == "2026-10-01"
    assert marked.what == "Name the leader" and marked.due == "2026-09-15"
    assert library.open_actions() == []
    [row] = Library(store.data_dir, clock).listing().rows  # read back from the index just written
    assert row.actions == (marked,)


def test_marking_is_refused_while_a_console_holds_the_workshop_and_nothing_is_written(store, sources) -> None:
    workshop = workshop_with(store, sources, "Acme", "2026-09-01", Action("a1", "Name the leader"))
    room_file = store.open(workshop).path / "room.json"
    before = room_file.read_bytes()
    with OwnerLock(room_file.parent, purpose="bootcamp console", clock=store.clock):
        with pytest.raises(WorkshopBusy) as refused:
            mark_action(store, workshop, "a1", ActionStatus.DROPPED, TODAY)
    sentence = str(refused.value)
    assert workshop in sentence and sentence.count(". ") == 0 and "\n" not in sentence
    assert room_file.read_bytes() == before


def test_an_action_gone_or_a_status_that_closes_nothing_is_said_in_one_sentence(store, sources) -> None:
    workshop = workshop_with(store, sources, "Acme", "2026-09-01", Action("a1", "Name the leader"))
    with pytest.raises(UserError, match="no longer in workshop"):
        mark_action(store, workshop, "gone", ActionStatus.DONE, TODAY)
    with pytest.raises(UserError, match="done or dropped"):
        mark_action(store, workshop, "a1", ActionStatus.DOING, TODAY)
    assert store.open(workshop).room().actions[0].status is ActionStatus.OPEN


def test_an_action_stored_before_status_at_existed_still_loads_and_a_bad_day_is_named(store, sources) -> None:
    old = from_json(Action, {"id": "a1", "what": "x", "owner": "", "due": "", "status": "done", "source": "", "at": ""})
    assert old.status_at == ""
    workshop = store.open(workshop_with(store, sources, "Acme", "2026-09-01"))
    problems = RecordChecks(workshop.program(), workshop.info()).action(Action("a1", "x", status_at="1st of May"))
    assert [problem.field for problem in problems] == ["status_at"]


def test_a_room_that_cannot_be_read_is_refused_and_never_overwritten(store, sources) -> None:
    broken = workshop_with(store, sources, "Acme", "2026-09-01", Action("a1", "Kept"))
    room_file = store.open(broken).path / "room.json"
    room_file.write_text("{not json")
    with pytest.raises(UserError, match="room.json"):
        mark_action(store, broken, "a1", ActionStatus.DONE, TODAY)
    assert room_file.read_text() == "{not json"

"""Following up actions across workshops: the open ones in the order to chase them, and marking one as a
short-lived owner (refused, with nothing written, while a console holds the workshop)."""

from __future__ import annotations

from datetime import date

import pytest

from bootcamp.checks import RecordChecks
from bootcamp.errors import UserError
from bootcamp.library.follow_up import follow_up_order, mark_action, open_actions, overdue
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


def test_open_actions_of_every_workshop_overdue_first_then_by_due_date_undated_last(store, sources) -> None:
    workshop_with(
        store,
        sources,
        "Acme",
        "2026-09-01",
        Action("a1", "Undated", owner="Ana"),
        Action("a2", "Due later", due="2026-12-01"),
        Action("a3", "Done already", due="2026-09-02", status=ActionStatus.DONE),
        Action("a4", "Overdue", due="2026-09-15", status=ActionStatus.DOING),
    )
    workshop_with(store, sources, "Globex", "2026-08-01", Action("b1", "Long overdue", due="2026-08-15"))
    found = follow_up_order(open_actions(store), TODAY)
    assert [item.action.what for item in found] == ["Long overdue", "Overdue", "Due later", "Undated"]
    assert [overdue(item, TODAY) for item in found] == [True, True, False, False]
    assert found[0].organisation == "Globex" and found[0].workshop_date == "2026-08-01"
    only_acme = open_actions(store, organisation="Acme")
    assert {item.organisation for item in only_acme} == {"Acme"} and len(only_acme) == 3


def test_marking_done_stores_the_status_and_the_day(store, sources) -> None:
    workshop = workshop_with(store, sources, "Acme", "2026-09-01", Action("a1", "Name the leader", due="2026-09-15"))
    marked = mark_action(store, workshop, "a1", ActionStatus.DONE, TODAY)
    stored = store.open(workshop).room().actions
    assert stored == (marked,) and marked.status is ActionStatus.DONE and marked.status_at == "2026-10-01"
    assert marked.what == "Name the leader" and marked.due == "2026-09-15"
    assert open_actions(store) == []


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


def test_a_room_that_cannot_be_read_is_said_and_the_others_still_listed(store, sources) -> None:
    broken = workshop_with(store, sources, "Acme", "2026-09-01", Action("a1", "Kept"))
    workshop_with(store, sources, "Globex", "2026-08-01", Action("b1", "Listed"))
    room_file = store.open(broken).path / "room.json"
    room_file.write_text("{not json")
    problems: list[str] = []
    found = open_actions(store, problems=problems)
    assert [item.action.what for item in found] == ["Listed"]
    assert len(problems) == 1 and "room.json" in problems[0] and "\n" not in problems[0]
    assert room_file.read_text() == "{not json"  # never overwritten

"""Open actions across workshops: open or under way only; overdue first, then by due date, undated last."""

from __future__ import annotations

import dataclasses

from bootcamp.clock import FixedClock
from bootcamp.library import Library
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus
from tests.library.conftest import make_workshop
from tests.store_fixtures import met_on_two_days


def store_actions(store: Store, workshop_id: str, *actions: Action) -> None:
    store.open(workshop_id).update_room(lambda room: dataclasses.replace(room, actions=actions))


def test_overdue_first_then_by_due_date_undated_last_and_only_open_or_doing(
    store: Store, sources: dict[str, str], clock: FixedClock
) -> None:
    clock.at = 1_790_000_000.0  # 2026-09-21
    spring = make_workshop(store, sources, name="Spring", date="2026-03-02")
    autumn = make_workshop(store, sources, name="Autumn", organisation="Globex", date="2026-09-21")
    store_actions(
        store,
        spring.id,
        Action("s1", "Undated in spring"),
        Action("s2", "Due in October", due="2026-10-15", status=ActionStatus.DOING),
        Action("s3", "Overdue since June", due="2026-06-01"),
        Action("s4", "Done long ago", due="2026-04-01", status=ActionStatus.DONE),
    )
    store_actions(
        store,
        autumn.id,
        Action("a1", "Due today", due="2026-09-21"),
        Action("a2", "Overdue since August", due="2026-08-01"),
        Action("a3", "Dropped", due="2026-01-01", status=ActionStatus.DROPPED),
        Action("a4", "Undated in autumn"),
    )
    found = Library(store.data_dir, clock).open_actions()
    assert [item.action.what for item in found] == [
        "Overdue since June",
        "Overdue since August",
        "Due today",  # due today is not overdue yet
        "Due in October",
        "Undated in autumn",  # ties: the newest workshop first
        "Undated in spring",
    ]
    first = found[0]
    assert (first.workshop_id, first.workshop_name, first.organisation, first.workshop_date) == (
        spring.id,
        "Spring",
        "Acme",
        "2026-03-02",
    )
    only_globex = Library(store.data_dir, clock).open_actions(organisation="Globex")
    assert [item.action.id for item in only_globex] == ["a2", "a1", "a4"]



def test_an_action_of_a_two_day_workshop_is_dated_with_both_days(
    store: Store, sources: dict[str, str], clock: FixedClock, utc_calendar: None
) -> None:
    """The actions view dated a two-day workshop's actions with its first day ("Autumn · 2026-09-21"), where home,
    `list`, `compare` and the Progress page say "2026-09-21–22"; the date an action was agreed on stays the first."""
    workshop = make_workshop(store, sources, name="Autumn", date="2026-09-21")
    store_actions(store, workshop.id, Action("a1", "Fund the listening programme"))
    met_on_two_days(store, workshop.id)
    (item,) = Library(store.data_dir, clock).open_actions()
    assert item.held_on == "2026-09-21–22"
    assert item.workshop_date == "2026-09-21"

"""How many of the done actions were done late, said wherever actions are counted: the summary in every format that
counts, and `bootcamp compare`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stored_runs import stored, stored_with_actions

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus

ACTIONS = (
    Action("a1", "Name the accountable leader", "Ana", "2026-10-28", ActionStatus.DONE, status_at="2026-11-18"),  # late
    Action("a2", "Draft a shared churn metric", "Ben", "2026-12-01", ActionStatus.DONE, status_at="2026-11-20"),
    Action("a3", "Book the CEO", "Chloe", "2026-10-01", ActionStatus.DROPPED, status_at="2026-11-02"),
    Action("a4", "Send the scorecard to the board", "Ana", "2026-10-01", ActionStatus.DONE),  # day not kept
    Action("a5", "Write the customer charter", "Ben", "", ActionStatus.DONE, status_at="2026-11-25"),  # no due date
    Action("a6", "Map the renewal journey", "Chloe", "2026-10-15", ActionStatus.DONE, status_at="2026-11-10"),  # late
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path) -> Store:
    return Store(data, FixedClock())


@pytest.fixture
def with_actions(store: Store) -> str:
    return stored_with_actions(store, ACTIONS)


def said(data: Path, args: list[str], capsys) -> str:
    assert main([*args, "--data-dir", str(data)]) == 0
    return capsys.readouterr().out


def test_the_markdown_and_html_summary_count_the_late_among_the_done(data: Path, with_actions: str, capsys) -> None:
    """Before: the summary counted no statuses at all, and its rows had to be read one by one to find that two of
    the five done were weeks late. The one done with no day kept is done, and counted neither late nor on time."""
    out = said(data, ["summary", with_actions, "--format", "md"], capsys)
    assert "6 actions · 0 overdue as of " in out, out
    assert " · 5 done (2 of them late) · 1 dropped" in out, out
    out = said(data, ["summary", with_actions, "--format", "html"], capsys)
    assert " · 5 done (2 of them late) · 1 dropped" in out, out


def test_the_json_summary_counts_the_actions_done_late(data: Path, with_actions: str, capsys) -> None:
    summary = json.loads(said(data, ["summary", with_actions, "--format", "json"], capsys))
    assert summary["version"] == 1  # a new field within the version: no field changed meaning
    assert summary["actions_done_late"] == 2


def test_compare_counts_the_late_among_the_done(data: Path, store: Store, with_actions: str, capsys) -> None:
    """Before: "6 actions from the earlier run: 5 done, 1 dropped", the CCO not told two were done weeks late."""
    later = stored(store, "2026-11-30", ("yes", "yes", "partly"))
    out = said(data, ["compare", with_actions, later], capsys)
    assert "6 actions from the earlier run: 5 done (2 of them late), 1 dropped." in out, out
    out = said(data, ["compare", with_actions, later, "--format", "html"], capsys)
    assert "6 actions from the earlier run: 5 done (2 of them late), 1 dropped." in out, out
    comparison = json.loads(said(data, ["compare", with_actions, later, "--format", "json"], capsys))
    assert comparison["version"] == 5  # a new field within the version
    assert comparison["actions_done_late"] == 2


def test_compare_counts_late_only_among_those_done_by_the_later_run(
    data: Path, store: Store, with_actions: str, capsys
) -> None:
    """As of 2026-11-15 a6 (late) and a4 (no day kept) were done; a1 was done late after that date, overdue as of
    it, so it is not among the done."""
    later = stored(store, "2026-11-15", ("yes", "yes", "partly"))
    out = said(data, ["compare", with_actions, later], capsys)
    assert "6 actions from the earlier run: 2 done (1 of them late), 1 overdue, 2 still open, 1 dropped." in out, out
    comparison = json.loads(said(data, ["compare", with_actions, later, "--format", "json"], capsys))
    assert comparison["actions_done_late"] == 1

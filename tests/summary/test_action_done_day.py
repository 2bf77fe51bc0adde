"""The day an action was marked done or dropped, beside its status in every summary format and `bootcamp compare`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from stored_runs import stored, stored_with_actions

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus

ACTIONS = (
    # due 2026-10-28, marked done three weeks later
    Action("a1", "Name the accountable leader", "Ana", "2026-10-28", ActionStatus.DONE, status_at="2026-11-18"),
    Action("a2", "Draft a shared churn metric", "Ben", "2026-12-01", ActionStatus.DONE, status_at="2026-11-20"),
    Action("a3", "Book the CEO", "Chloe", "2026-10-01", ActionStatus.DROPPED, status_at="2026-11-02"),
    Action("a4", "Send the scorecard to the board", "Ana", "2026-10-01", ActionStatus.DONE),  # before the day was kept
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


def summary(data: Path, workshop_id: str, fmt: str, capsys) -> str:
    assert main(["summary", workshop_id, "--format", fmt, "--data-dir", str(data)]) == 0
    return capsys.readouterr().out


def test_the_markdown_summary_says_when_each_action_was_done_and_if_late(data: Path, with_actions: str, capsys) -> None:
    """Before: the Status column read "done" for all three, whether done on time, three weeks late or when."""
    out = summary(data, with_actions, "md", capsys)
    assert "| Name the accountable leader | Ana | 2026-10-28 | done 2026-11-18, 21 days late |" in out, out
    assert "| Draft a shared churn metric | Ben | 2026-12-01 | done 2026-11-20 |" in out
    assert "| Book the CEO | Chloe | 2026-10-01 | dropped 2026-11-02 |" in out  # dropped is not late
    assert "| Send the scorecard to the board | Ana | 2026-10-01 | done |" in out  # no day kept: none invented


def test_the_html_summary_says_when_each_action_was_done_and_if_late(data: Path, with_actions: str, capsys) -> None:
    out = summary(data, with_actions, "html", capsys)
    row = out.split("Name the accountable leader", 1)[1].split("</tr>", 1)[0]
    assert '<span class="chip status-done">done</span> 2026-11-18' in row, row
    assert "21 days late" in row
    on_time = out.split("Draft a shared churn metric", 1)[1].split("</tr>", 1)[0]
    assert "2026-11-20" in on_time and "late" not in on_time
    unknown = out.split("Send the scorecard to the board", 1)[1].split("</tr>", 1)[0]
    assert '<span class="chip status-done">done</span></td>' in unknown


def test_the_json_summary_carries_the_day_and_the_days_late(data: Path, with_actions: str, capsys) -> None:
    said = json.loads(summary(data, with_actions, "json", capsys))
    assert said["version"] == 1  # new fields within a version
    assert [(a["id"], a["status"], a["status_at"], a["days_late"]) for a in said["actions"]] == [
        ("a1", "done", "2026-11-18", 21),
        ("a2", "done", "2026-11-20", None),
        ("a3", "dropped", "2026-11-02", None),
        ("a4", "done", "", None),
    ]


def test_the_csv_summary_gives_the_day_in_when_and_late_in_flags(data: Path, with_actions: str, capsys) -> None:
    rows = [row for row in csv.DictReader(io.StringIO(summary(data, with_actions, "csv", capsys)))]
    actions = {row["id"]: (row["value"], row["when"], row["flags"]) for row in rows if row["section"] == "action"}
    assert actions == {
        "a1": ("done", "2026-11-18", "late"),
        "a2": ("done", "2026-11-20", ""),
        "a3": ("dropped", "2026-11-02", ""),
        "a4": ("done", "", ""),
    }


def test_compare_says_when_each_earlier_action_was_done(data: Path, store: Store, with_actions: str, capsys) -> None:
    """Before: the comparison's Status column read "done" alone; a1 and a3 were closed after the later run."""
    later = stored(store, "2026-11-30", ("yes", "yes", "partly"))
    assert main(["compare", with_actions, later, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "| Name the accountable leader | Ana | 2026-10-28 | done 2026-11-18, 21 days late | done |" in out, out
    assert "| Send the scorecard to the board | Ana | 2026-10-01 | done | done |" in out
    assert main(["compare", with_actions, later, "--format", "html", "--data-dir", str(data)]) == 0
    row = capsys.readouterr().out.split("Book the CEO", 1)[1].split("</tr>", 1)[0]
    assert '<span class="chip status-dropped">dropped</span> 2026-11-02' in row, row
    assert main(["compare", with_actions, later, "--format", "json", "--data-dir", str(data)]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["version"] == 5  # new fields within a version
    assert [(a["id"], a["status_at"], a["days_late"]) for a in sorted(said["actions"], key=lambda a: a["id"])] == [
        ("a1", "2026-11-18", 21), ("a2", "2026-11-20", None), ("a3", "2026-11-02", None), ("a4", "", None),
    ]

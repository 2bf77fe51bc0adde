"""``bootcamp`` and ``bootcamp demo`` start the app with the right wiring (the app's run is stubbed)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from ui_helpers import FIXTURE_CONTENT

from bootcamp.commands import tui
from bootcamp.content import ContentError
from bootcamp.ui.app import BootcampApp


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    runs: list[dict] = []

    def run(app: BootcampApp) -> None:
        runs.append(
            {
                "data_dir": app.data_dir,
                "content_dir": app.content_dir,
                "open": app.open_workshop_id,
                "workshops": [info.name for info in app.store.list_workshops()],
                "existed": app.data_dir.is_dir(),
            }
        )

    monkeypatch.setattr(BootcampApp, "run", run)
    return runs


def test_the_default_command_opens_the_data_folder(started: list[dict], tmp_path: Path) -> None:
    args = argparse.Namespace(command=None, data_dir=str(tmp_path / "mine"), content=str(FIXTURE_CONTENT))
    assert tui.run(args) == 0
    [run] = started
    assert run["data_dir"] == tmp_path / "mine" and run["content_dir"] == FIXTURE_CONTENT and run["open"] is None


def test_the_data_folder_defaults_to_the_environment(started: list[dict], data_dir: Path) -> None:
    assert tui.run(argparse.Namespace(command=None)) == 0  # BOOTCAMP_DATA_DIR is set by conftest
    assert started[0]["data_dir"] == data_dir


def test_demo_opens_a_demo_workshop_in_a_folder_that_is_removed_afterwards(started: list[dict]) -> None:
    assert tui.run(argparse.Namespace(command="demo", content=str(FIXTURE_CONTENT))) == 0
    [run] = started
    assert run["existed"] and run["open"] and len(run["workshops"]) == 2  # the demo day and its earlier run
    assert not run["data_dir"].exists()


def test_demo_on_broken_content_is_a_user_error(started: list[dict], tmp_path: Path) -> None:
    with pytest.raises(ContentError):
        tui.run(argparse.Namespace(command="demo", content=str(tmp_path)))
    assert started == []

"""``bootcamp``, ``bootcamp open ID`` and ``bootcamp demo`` start the app with the right wiring (the app's run is stubbed)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import FIXTURE_CONTENT, new_workshop

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


def test_open_starts_the_console_on_that_workshop(
    started: list[dict], store, fixture_program, data_dir: Path
) -> None:
    info = new_workshop(store, fixture_program)
    assert tui.run(argparse.Namespace(command="open", id=info.id, data_dir=str(data_dir))) == 0
    [run] = started
    assert run["open"] == info.id and run["data_dir"] == data_dir


def test_open_an_unknown_workshop_is_one_line_and_no_window(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bootcamp", "open", "nope", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [f"bootcamp: no workshop with id 'nope' in {data_dir} (see `bootcamp list`)"]

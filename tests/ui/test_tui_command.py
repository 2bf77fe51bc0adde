"""``bootcamp``, ``bootcamp open ID`` and ``bootcamp demo`` start the app with the right wiring (the app's run is stubbed)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import FIXTURE_CONTENT, new_workshop

from bootcamp.clock import SystemClock
from bootcamp.commands import tui
from bootcamp.content import ContentError
from bootcamp.store import Store
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


def test_the_throw_away_demo_folder_is_not_said_to_be_given_with_data_dir(started: list[dict], monkeypatch) -> None:
    """Home, reached from the demo with Esc, said the demo's temporary folder was "given with --data-dir"."""
    shown: list[str] = []
    monkeypatch.setattr(BootcampApp, "run", lambda app: shown.append(app.data_folder.how_chosen))
    assert tui.run(argparse.Namespace(command="demo", content=str(FIXTURE_CONTENT))) == 0
    assert shown == ["a throw-away folder for the demo, removed when the app ends"]


def test_demo_with_data_dir_is_made_and_kept_in_that_folder(started: list[dict], tmp_path: Path, capsys) -> None:
    """`bootcamp --data-dir X demo` made its demo in a temporary folder and removed it: X was quietly not used, and
    what the facilitator practised on was gone. Given a folder, the demo is made there and kept."""
    kept = tmp_path / "practice"
    args = argparse.Namespace(command="demo", content=str(FIXTURE_CONTENT), data_dir=str(kept))
    assert tui.run(args) == 0
    [run] = started
    assert run["data_dir"] == kept and run["open"] and len(run["workshops"]) == 2
    assert kept.is_dir() and {info.name for info in Store(kept, SystemClock()).list_workshops()} == set(
        run["workshops"]
    )
    assert f"the demo is kept in {kept}" in capsys.readouterr().err


def test_demo_with_data_dir_given_empty_says_what_leaving_it_out_does_for_the_demo(
    started: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    """`bootcamp demo --data-dir "$DIR"`, $DIR never set, was told to leave --data-dir out "($BOOTCAMP_DATA_DIR, else
    your user data folder, is used)": a facilitator with real days there took it the demo would go among them, where
    left out it is made in a throw-away folder."""
    from bootcamp.cli import main

    assert main(["demo", "--data-dir", "", "--content", str(FIXTURE_CONTENT)]) == 1
    assert started == []
    assert capsys.readouterr().err == (
        "bootcamp: --data-dir is empty: give the folder to keep the demo in, or leave --data-dir out (the demo is made "
        "in a throw-away folder, removed when the app ends); nothing was done\n"
    )


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
    data_dir.mkdir(exist_ok=True)  # there: the id is what is unknown (a folder not there is said first)
    done = subprocess.run(
        [sys.executable, "-m", "bootcamp", "open", "nope", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [f"bootcamp: no workshop with id 'nope' in {data_dir} (see `bootcamp list`)"]


def test_textual_is_imported_with_collection_off(tmp_path: Path) -> None:
    """The command holds the collector before the app's imports (bootcamp.gc_tuning): it sees nothing to free there."""
    watch_textual = (
        "import gc, os, sys\n"
        "class FirstTextualImport:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual':\n"
        "            print('collecting' if gc.isenabled() else 'held', flush=True)\n"
        "            os._exit(0)\n"
        "sys.meta_path.insert(0, FirstTextualImport())\n"
        "from bootcamp.cli import main\n"
        "main(['--data-dir', sys.argv[1]])\n"
    )
    said = subprocess.run(
        [sys.executable, "-c", watch_textual, str(tmp_path)], capture_output=True, text=True, timeout=60, check=True
    )
    assert said.stdout.strip() == "held", said.stderr


def test_collection_is_on_again_once_the_app_returns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import gc

    collecting_while_running: list[bool] = []
    monkeypatch.setattr(BootcampApp, "run", lambda app: collecting_while_running.append(gc.isenabled()))
    try:
        args = argparse.Namespace(command=None, data_dir=str(tmp_path / "mine"), content=str(FIXTURE_CONTENT))
        assert tui.run(args) == 0
        assert collecting_while_running == [False]  # the app's list never drew: nothing released it while it ran
        assert gc.isenabled()
    finally:
        gc.enable()

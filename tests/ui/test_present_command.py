"""``bootcamp present ID``: opens the projector window on the workshop, or says in one line why it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import new_workshop

from bootcamp.cli import main
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.files import CONTENT_FILE, ROOM_FILE, STATE_FILE, WORKSHOP_FILE
from bootcamp.ui.projector_app import ProjectorApp
from bootcamp.ui.theme import PROJECTOR_THEME


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[ProjectorApp]:
    runs: list[ProjectorApp] = []
    monkeypatch.setattr(ProjectorApp, "run", lambda app: runs.append(app))
    return runs


def present(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["present", *args])
    return code, capsys.readouterr().err.splitlines()


def test_it_opens_the_window_on_the_workshop(
    started: list[ProjectorApp], store: Store, fixture_program: Program, data_dir: Path, capsys
) -> None:
    info = new_workshop(store, fixture_program)
    assert present(info.id, "--data-dir", str(data_dir), capsys=capsys) == (0, [])
    [app] = started
    assert app.follower.current.info.id == info.id and app.theme == PROJECTOR_THEME
    assert app.follower.files.path == store.open(info.id).path


def test_an_unknown_id_is_one_line_and_exit_code_1(started: list[ProjectorApp], data_dir: Path, capsys) -> None:
    data_dir.mkdir(exist_ok=True)  # there: the id is what is unknown (a folder not there is said first)
    code, err = present("nope", capsys=capsys)  # BOOTCAMP_DATA_DIR is set by conftest
    assert (code, err) == (1, [f"bootcamp: no workshop with id 'nope' in {data_dir} (see `bootcamp list`)"])
    assert present("../etc", capsys=capsys)[0] == 1
    assert started == []


@pytest.mark.parametrize("name", [WORKSHOP_FILE, CONTENT_FILE, STATE_FILE, ROOM_FILE])
def test_an_unreadable_workshop_is_one_line_naming_the_file(
    name: str, started: list[ProjectorApp], store: Store, fixture_program: Program, capsys
) -> None:
    info = new_workshop(store, fixture_program)
    path = store.open(info.id).path / name
    path.write_text('{"format": "bootcamp/other", "version": 1}')
    code, err = present(info.id, capsys=capsys)
    assert code == 1 and len(err) == 1 and name in err[0] and "Traceback" not in err[0]
    assert started == []

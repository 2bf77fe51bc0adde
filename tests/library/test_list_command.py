"""``bootcamp list`` reads the library index: the same lines from the folders, the index built or refreshed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.library.index_file import read_rows
from bootcamp.store import Store
from tests.library.conftest import make_workshop


def listed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], list[str]]:
    capsys.readouterr()
    code = main(["list", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_list_builds_the_index_and_shows_every_workshop_newest_first(
    store: Store, sources: dict[str, str], index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spring = make_workshop(store, sources, name="Spring", date="2026-03-02")
    autumn = make_workshop(store, sources, name="Autumn", date="2026-09-21")
    code, out, _ = listed(store.data_dir, capsys)
    assert code == 0 and [line.split()[0] for line in out] == [autumn.id, spring.id]
    assert set(read_rows(index)[0]) == {spring.id, autumn.id}

    index.write_bytes(b"\x00garbage")
    (store.workshops_dir / spring.id / "workshop.json").write_text("{")
    code, out, err = listed(store.data_dir, capsys)
    assert code == 0 and [line.split()[0] for line in out] == [autumn.id]
    assert len(err) == 2 and spring.id in err[0] and "not valid JSON" in err[0]  # then "workshops in …"


def test_list_of_a_missing_folder_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = listed(tmp_path / "typo", capsys)
    assert code == 1 and "does not exist" in err[0]
    assert not (tmp_path / "typo").exists()

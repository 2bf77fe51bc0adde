"""A facilitator starts their own boot camp from the shipped one: README said to copy sessions/ and exercises/ into a
folder, but from where was the checkout's top level, or, installed from a wheel, a folder inside the package that
only the source names. `bootcamp validate --copy-to DIR` makes that copy and checks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from content_edits import FIXTURE

from bootcamp.content import load_dir
from bootcamp.locations import default_content_dir


def bootcamp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bootcamp", *args], capture_output=True, text=True, timeout=60)


def test_the_shipped_content_is_copied_to_a_new_folder_and_checked(tmp_path: Path) -> None:
    mine = tmp_path / "harbor"
    result = bootcamp("validate", "--copy-to", str(mine))
    assert result.returncode == 0, result.stdout + result.stderr
    shipped = default_content_dir()
    for folder in ("sessions", "exercises"):
        names = sorted(p.name for p in (shipped / folder).iterdir() if p.suffix in (".yaml", ".yml"))
        assert sorted(p.name for p in (mine / folder).iterdir()) == names
    assert load_dir(mine).content_hash == load_dir(shipped).content_hash
    assert result.stdout.splitlines()[0].endswith(f"in {mine}")
    assert result.stdout.splitlines()[-1] == (
        f"copied the shipped content to {mine}: edit its files, then run bootcamp --content {mine} validate"
    )


def test_your_own_content_is_copied_when_content_names_it(tmp_path: Path) -> None:
    mine = tmp_path / "second-client"
    result = bootcamp("--content", str(FIXTURE), "validate", "--copy-to", str(mine))
    assert result.returncode == 0, result.stdout + result.stderr
    assert load_dir(mine).title == "Fixture boot camp"
    assert result.stdout.splitlines()[-1].startswith(f"copied the content of {FIXTURE} to {mine}: ")


def test_a_folder_with_files_in_it_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    mine = tmp_path / "harbor"
    (mine / "sessions").mkdir(parents=True)
    (mine / "sessions" / "program.yaml").write_text("title: Mine, half written\n")
    result = bootcamp("validate", "--copy-to", str(mine))
    assert result.returncode == 1
    assert result.stderr == (
        f"bootcamp: {mine} already has files in it: --copy-to makes a new folder, so nothing of yours is overwritten; "
        "name a folder that does not exist yet\n"
    )
    assert (mine / "sessions" / "program.yaml").read_text() == "title: Mine, half written\n"
    assert sorted(p.name for p in (mine / "sessions").iterdir()) == ["program.yaml"]


def test_an_empty_folder_is_filled(tmp_path: Path) -> None:
    mine = tmp_path / "harbor"
    mine.mkdir()
    assert bootcamp("validate", "--copy-to", str(mine)).returncode == 0
    assert (mine / "sessions" / "program.yaml").is_file()


def test_help_says_how_to_start_your_own() -> None:
    said = " ".join(bootcamp("validate", "--help").stdout.split())
    assert "--copy-to DIR start your own boot camp: copy the content (the shipped one, or --content's) into DIR" in said

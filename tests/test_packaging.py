"""The built wheel carries the content and the styles: a fresh install finds them from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("bootcamp-*.whl")
    return built


def test_wheel_contains_content_and_styles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bootcamp/_content/sessions/program.yaml" in names
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "sessions").glob("*.yaml")}
    shipped |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "exercises").glob("*.yaml")}
    assert {f"bootcamp/_content/{name}" for name in shipped} <= names
    styles = {p.relative_to(ROOT).as_posix() for p in (ROOT / "bootcamp").rglob("*.tcss")}
    assert styles <= names
    phone_page = {p.relative_to(ROOT).as_posix() for p in (ROOT / "bootcamp" / "join" / "templates").iterdir()}
    assert {"bootcamp/join/templates/page.html", "bootcamp/join/templates/phone.js"} <= phone_page <= names


@pytest.mark.slow
def test_fresh_install_validates_its_content_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["BOOTCAMP_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [str(env_dir / "bin" / "bootcamp"), "validate"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")
    assert "_content" in result.stdout  # the installed copy, not this checkout
    version = subprocess.run(
        [str(env_dir / "bin" / "bootcamp"), "--version"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert version.stdout.strip().startswith("bootcamp ")

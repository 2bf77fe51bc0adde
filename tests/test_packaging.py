"""The built wheel carries the content and the styles: a fresh install finds them from any folder.

A user who installs without ``-e`` (``pip install .``, or the wheel) runs the installed package, away from this
checkout: each command that reads a file shipped beside the code (content, ``.tcss``, the phone page's templates,
script and stylesheet) is run from the installed copy in another folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = {"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}  # the app with no terminal
POSTING = "Chief Customer Officer\n\nResponsibilities:\n- Manage the call centre and its staffing\n"


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


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed (not editable): its ``bin`` folder."""
    env_dir = tmp_path_factory.mktemp("installed") / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    install = subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    return env_dir / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder away from this checkout, with a data folder of its own; the installed copy is the one imported."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    for name in ("PYTHONPATH", "VIRTUAL_ENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOOTCAMP_DATA_DIR", str(tmp_path / "data"))
    return folder


def bootcamp(installed: Path, cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(installed / "bootcamp"), *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120
    )


def new_workshop(installed: Path, cwd: Path) -> str:
    made = bootcamp(installed, cwd, "new", "Spring", "--org", "Northwind", "--participants", "Ana Ortiz, Ben Okafor")
    assert made.returncode == 0, made.stderr
    listed = bootcamp(installed, cwd, "list")
    return listed.stdout.split()[0]


@pytest.mark.slow
def test_fresh_install_validates_its_content_from_another_folder(installed: Path, elsewhere: Path) -> None:
    result = bootcamp(installed, elsewhere, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")
    assert "_content" in result.stdout  # the installed copy, not this checkout
    version = bootcamp(installed, elsewhere, "--version")
    assert version.stdout.strip().startswith("bootcamp ")


@pytest.mark.slow
def test_fresh_install_prints_summarises_and_checks_a_posting_from_another_folder(
    installed: Path, elsewhere: Path
) -> None:
    workshop = new_workshop(installed, elsewhere)
    for args, heading in (
        (("print", "guide", workshop), "Spring"),
        (("print", "sheets", workshop), "Ana Ortiz"),
        (("print", "deck"), "Aptitude Poker"),
        (("summary", workshop, "--format", "html"), "Commitment test: Spring"),
    ):
        out = elsewhere / f"{args[1]}.html"
        result = bootcamp(installed, elsewhere, *args, "-o", str(out))
        assert result.returncode == 0, f"bootcamp {' '.join(args)}: {result.stderr}"
        page = out.read_text(encoding="utf-8")
        assert page.lstrip().lower().startswith("<!doctype html>") and heading in page, f"bootcamp {' '.join(args)}"
    checked = bootcamp(installed, elsewhere, "role-check", "-", stdin=POSTING)
    assert checked.returncode == 0, checked.stderr
    assert "tactical   Manage the call centre and its staffing" in checked.stdout


def fetched(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get_content_type(), response.read().decode("utf-8")


PROJECTOR = """
import asyncio, sys, time
from pathlib import Path
from bootcamp.ui.projector_app import create_projector_app

async def main() -> None:
    app = create_projector_app(data_dir=Path(sys.argv[1]), workshop_id=sys.argv[2])
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 30
        while not app.screen.query("#join-qr") or not app.screen.query_one("#join-qr").url:
            assert time.monotonic() < deadline, "no join slide within 30 s"
            await pilot.pause(0.1)
        print(type(app.screen).__name__, app.screen.query_one("#join-qr").url)

asyncio.run(main())
"""


@pytest.mark.slow
def test_fresh_install_serves_the_phone_page_and_puts_its_code_on_the_wall_from_another_folder(
    installed: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``bootcamp open ID --join`` and the projector window following it: the console's and the projector's
    styles, the phone page's templates, stylesheet and script, and the join slide's QR code (segno), all from
    the installed copy; SIGTERM ends the console as q does."""
    workshop = new_workshop(installed, elsewhere)
    data_dir = os.environ["BOOTCAMP_DATA_DIR"]
    log = Path(data_dir) / "logs" / f"join-{workshop}.log"
    for name, value in HEADLESS.items():
        monkeypatch.setenv(name, value)
    console = subprocess.Popen(
        [str(installed / "bootcamp"), "open", workshop, "--join", "127.0.0.1"],
        cwd=elsewhere,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (log.exists() and "joining started: " in log.read_text()):
            assert console.poll() is None, console.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "joining did not start within 60 s"
            time.sleep(0.1)
        url = log.read_text().split("joining started: ", 1)[1].split()[0]
        kind, page = fetched(url)
        assert kind == "text/html" and "<title>Spring</title>" in page
        code = url.rsplit("/", 1)[1]
        for asset, expected_kind in (("phone.css", "text/css"), ("phone.js", "text/javascript")):
            assert f"/{code}/{asset}" in page
            kind, body = fetched(f"{url}/{asset}")
            assert kind == expected_kind and body.strip(), asset
        projector = subprocess.run(
            [str(installed / "python"), "-c", PROJECTOR, data_dir, workshop],
            cwd=elsewhere,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert projector.returncode == 0, projector.stderr[-3000:]
        assert projector.stdout.split() == ["ProjectorScreen", url]
    finally:
        console.send_signal(signal.SIGTERM)
        _, errors = console.communicate(timeout=60)
    assert console.returncode == 128 + signal.SIGTERM, errors[-3000:]
    assert errors == ""

"""The projector window's command, and how a second terminal window is opened for it (nothing is started here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp import terminal_window
from bootcamp.locations import user_data_dir
from bootcamp.terminal_window import bootcamp_program, present_command, shown, window_launcher

COMMAND = ["bootcamp", "present", "x3jfw6ns"]


def found(*names: str):
    return lambda name: f"/usr/bin/{name}" if name in names else None


def test_the_command_names_the_data_folder_unless_it_is_the_usual_one(tmp_path: Path) -> None:
    assert present_command("x3jfw6ns", user_data_dir(), program=["bootcamp"]) == COMMAND
    assert present_command("x3jfw6ns", tmp_path / "my data", program=["bootcamp"]) == [
        *COMMAND,
        "--data-dir",
        str(tmp_path / "my data"),
    ]
    assert shown([*COMMAND, "--data-dir", "/tmp/my data"]) == "bootcamp present x3jfw6ns --data-dir '/tmp/my data'"


def test_a_relative_data_folder_is_made_absolute_for_a_window_that_opens_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert present_command("x3jfw6ns", Path("data"), program=["bootcamp"])[-1] == str(tmp_path / "data")


def test_the_program_is_this_bootcamp(tmp_path: Path) -> None:
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    assert bootcamp_program(str(python), which=found()) == [str(python), "-m", "bootcamp"]  # a checkout
    (bin_dir / "bootcamp").touch()
    assert bootcamp_program(str(python), which=found("bootcamp")) == [str(bin_dir / "bootcamp")]  # another on PATH
    assert bootcamp_program(str(python), which=lambda _name: str(bin_dir / "bootcamp")) == ["bootcamp"]


def test_linux_uses_the_terminal_asked_for_then_the_debian_default() -> None:
    display = {"DISPLAY": ":0"}
    assert window_launcher(
        COMMAND, environ={**display, "TERMINAL": "kitty --single-instance"}, platform="linux", which=found("kitty")
    ) == ["kitty", "--single-instance", "-e", *COMMAND]
    assert window_launcher(
        COMMAND, environ={**display, "TERMINAL": "gone"}, platform="linux", which=found("x-terminal-emulator")
    ) == ["x-terminal-emulator", "-e", *COMMAND]
    assert window_launcher(
        COMMAND, environ={"WAYLAND_DISPLAY": "wayland-0"}, platform="linux", which=found("x-terminal-emulator")
    ) == ["x-terminal-emulator", "-e", *COMMAND]


def test_no_window_without_a_display_or_a_terminal_to_open() -> None:
    everything = found("x-terminal-emulator", "xterm")
    assert window_launcher(COMMAND, environ={"TERMINAL": "xterm"}, platform="linux", which=everything) is None  # SSH
    assert window_launcher(COMMAND, environ={"DISPLAY": ":0"}, platform="linux", which=found()) is None


def test_macos_asks_terminal_through_applescript_with_the_command_quoted() -> None:
    command = ["bootcamp", "present", "x3jfw6ns", "--data-dir", '/Users/ana/it\'s "here"']
    launcher = window_launcher(command, environ={}, platform="darwin", which=found("osascript"))
    assert launcher is not None and launcher[:2] == ["osascript", "-e"]
    script = launcher[2]
    assert script.startswith('tell application "Terminal" to do script "') and script.endswith('"')
    inner = script.removeprefix('tell application "Terminal" to do script "').removesuffix('"')
    assert inner.replace('\\"', '"').replace("\\\\", "\\") == shown(command)
    assert window_launcher(command, environ={}, platform="darwin", which=found()) is None


def test_a_terminal_that_cannot_start_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []

    class FakePopen:
        def __init__(self, argv: list[str], **options: object) -> None:
            if argv[0] == "missing":
                raise FileNotFoundError(argv[0])
            assert options["start_new_session"] is True
            started.append(argv)

    monkeypatch.setattr(terminal_window.subprocess, "Popen", FakePopen)
    assert terminal_window.open_window(["xterm", "-e", *COMMAND])
    assert not terminal_window.open_window(["missing", "-e", *COMMAND])
    assert started == [["xterm", "-e", *COMMAND]]

"""Opening ``bootcamp present ID`` in a second terminal window, for the projector (no Textual).

:func:`present_command` is the command a facilitator could type; :func:`window_launcher` is
how to run it in a new terminal window on this machine, or None when no window can be
opened from here (no display, e.g. over SSH): then the console shows the command instead.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from bootcamp.locations import user_data_dir


def bootcamp_program(executable: str = sys.executable, which=shutil.which) -> list[str]:
    """How to start this very bootcamp: ``bootcamp`` when that is the one on PATH, else its full path,
    else ``python -m bootcamp`` (a checkout run without installing)."""
    beside = Path(executable).parent / "bootcamp"
    if beside.is_file():
        found = which("bootcamp")
        if found and Path(found).resolve() == beside.resolve():
            return ["bootcamp"]
        return [str(beside)]
    return [executable, "-m", "bootcamp"]


def present_command(workshop_id: str, data_dir: Path, *, program: list[str] | None = None) -> list[str]:
    """``bootcamp present ID``, with ``--data-dir`` when the workshops are not in the user data folder.

    The folder is passed even when it came from ``$BOOTCAMP_DATA_DIR``: a terminal opened by the
    desktop (macOS Terminal) does not inherit this process's environment. ``--content`` is never
    needed: a projector window shows the workshop's own stored copy of its content.
    """
    command = [*(program or bootcamp_program()), "present", workshop_id]
    if Path(data_dir).expanduser().resolve() != user_data_dir().resolve():
        command += ["--data-dir", str(Path(data_dir).expanduser().absolute())]
    return command


def shown(command: list[str]) -> str:
    """The command as one line to paste into a shell."""
    return shlex.join(command)


def window_launcher(
    command: list[str],
    *,
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    which=shutil.which,
) -> list[str] | None:
    """The argv that opens a new terminal window running ``command``, or None when none can be opened.

    macOS: Terminal, through AppleScript (``open -a Terminal`` cannot pass a command). Elsewhere a
    window needs a display, then ``$TERMINAL`` or Debian's ``x-terminal-emulator``, both of which
    take ``-e COMMAND ARGS…``.
    """
    if platform == "darwin":
        if not which("osascript"):
            return None
        script = shown(command).replace("\\", "\\\\").replace('"', '\\"')
        return [
            "osascript",
            "-e",
            f'tell application "Terminal" to do script "{script}"',
            "-e",
            'tell application "Terminal" to activate',
        ]
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return None
    for terminal in (environ.get("TERMINAL", ""), "x-terminal-emulator"):
        words = shlex.split(terminal) if terminal.strip() else []
        if words and which(words[0]):
            return [*words, "-e", *command]
    return None


def open_window(launcher: list[str]) -> bool:
    """Start the terminal, detached from this one; False when it could not be started."""
    try:
        subprocess.Popen(
            launcher,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the window outlives a console that quits first
        )
    except OSError:
        return False
    return True

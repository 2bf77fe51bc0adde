"""Real consoles in tmux: each a process in a pane of a tmux server of the test's own (no terminal needed).

tmux is the only thing needed: run as root, the ``tmux`` fixture (conftest) installs it
(``tests/debian.py``); still missing, it fails when ``CI`` is set and is skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the checkout whose bootcamp the consoles run
WIDTH, HEIGHT = 120, 40
DEADLINE = 10.0  # seconds any one expected screen or file may take to appear (it takes well under one)


# The console runs under sh, which then says how it ended and keeps the pane open, so its last screen (a
# traceback too) stays readable. tmux's own remain-on-exit is no help: tmux 3.3a clears a dead pane, and
# was seen to leave the exit status of a console it ran directly unknown, the process never reaped.
ENDED = "console exited with status"
RUN_AND_SAY_HOW_IT_ENDED = f'"$@"; echo "{ENDED} $?"; exec sleep 600'


class Tmux:
    """A tmux server of our own (``-L`` a unique socket, no user config): each console a session of one pane."""

    def __init__(self, folder: Path) -> None:
        self.socket = f"bootcamp-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.config = folder / "tmux.conf"
        self.config.write_text("set -g status off\n", encoding="utf-8")  # all 40 rows are the console's
        self.socket_path: Path | None = None  # known once the server runs; kill-server leaves the file behind
        # COLUMNS and LINES are dropped: other tests in the same process leave COLUMNS=80 LINES=24 behind,
        # and a console that inherits them draws itself at 80×24 whatever the pane's size.
        self.env = {key: value for key, value in os.environ.items() if key not in ("TMUX", "COLUMNS", "LINES")}
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", str(self.config), *args],
            env=self.env,
            capture_output=True,
            timeout=DEADLINE,
            check=False,
        )
        assert done.returncode == 0, f"tmux {' '.join(args)}: {done.stderr.decode(errors='replace')}"
        return done.stdout.decode("utf-8", errors="replace")

    def start(self, name: str, command: list[str], cwd: Path, env: dict[str, str] | None = None) -> int:
        """Run ``command`` in a new session ``name`` (120×40), with ``env`` added; the pid of its process, once it runs."""
        added = {"PYTHONPATH": self.env["PYTHONPATH"], **(env or {})}
        self(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(cwd),
            *(arg for key, value in added.items() for arg in ("-e", f"{key}={value}")),
            "--", "sh", "-c", RUN_AND_SAY_HOW_IT_ENDED, "sh", *command,
        )  # fmt: skip
        self.socket_path = Path(self.show(name, "#{socket_path}"))
        shell = int(self.show(name, "#{pane_pid}"))
        deadline = time.monotonic() + DEADLINE
        while not (started := children(shell)):
            assert time.monotonic() < deadline, f"console {name} did not start:\n{self.screen(name)}"
            time.sleep(0.02)
        return started[0]

    def show(self, name: str, format: str) -> str:
        return self("display-message", "-p", "-t", name, format).strip()

    def screen(self, name: str) -> str:
        return self("capture-pane", "-p", "-J", "-t", name)

    def full_size(self, name: str, shown_when_wide: str) -> None:
        """Make sure the console drew itself at the pane's 120×40 (see the COLUMNS note in ``__init__``)."""
        self.wait_for_text(name, shown_when_wide)

    def keys(self, name: str, *keys: str) -> None:
        self("send-keys", "-t", name, *keys)

    def text(self, name: str, text: str) -> None:
        self("send-keys", "-t", name, "-l", text)

    def wait_for(self, name: str, seen: Callable[[str], bool], what: str, *, within: float = DEADLINE) -> str:
        """Poll the pane until ``seen(screen)``; fail with the last screen after ``within`` seconds.

        A console that has ended fails at once (its screen then shows how: a traceback, its exit status).
        """
        deadline = time.monotonic() + within
        while True:
            screen = self.screen(name)
            if seen(screen):
                return screen
            if ENDED in screen or time.monotonic() > deadline:
                pytest.fail(f"console {name}: {what} did not show within {within} s; it shows:\n{screen}")
            time.sleep(0.05)

    def wait_for_text(self, name: str, *texts: str) -> str:
        return self.wait_for(name, lambda screen: all(text in screen for text in texts), " and ".join(map(repr, texts)))

    def ended(self, name: str) -> str:
        """The exit status of the console in ``name``, once it has quit (else fails after :data:`DEADLINE` s)."""
        screen = self.wait_for(name, lambda screen: ENDED in screen, "its end")
        return screen.split(ENDED, 1)[1].split()[0]

    def kill(self) -> None:
        tmux = ["tmux", "-L", self.socket, "kill-server"]
        subprocess.run(tmux, env=self.env, capture_output=True, timeout=DEADLINE, check=False)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux's /proc, else ``ps``)."""
    listed = Path(f"/proc/{pid}/task/{pid}/children")
    if listed.exists():
        return [int(child) for child in listed.read_text().split()]
    table = subprocess.run(["ps", "-A", "-o", "pid=,ppid="], capture_output=True, text=True, check=True).stdout
    return [int(child) for child, parent in (line.split() for line in table.splitlines()) if int(parent) == pid]


def wait_for_files(read: Callable[[], object], ok: Callable[[object], bool], what: str) -> object:
    deadline = time.monotonic() + DEADLINE
    while True:
        found = read()
        if ok(found):
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"{what} was not saved; on disk: {found!r}")
        time.sleep(0.05)


def footer_shows(text: str) -> Callable[[str], bool]:
    return lambda screen: text in screen.rstrip("\n").splitlines()[-1]


def footer_key(screen: str, label: str) -> str:
    """The key the footer (the screen's last line) shows for ``label``, e.g. ``y`` for ``Yes``."""
    footer = screen.rstrip("\n").splitlines()[-1]
    found = re.search(rf"(?:^|\s)(\S+) {re.escape(label)}\b", footer)
    assert found, f"no key for {label!r} in the footer: {footer!r}"
    return found[1]

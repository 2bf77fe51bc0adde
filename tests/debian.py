"""Debian packages a test needs (a browser, tmux): installed with apt-get when the tests run as root.

CI runs as root on a clean machine, so the suite installs what it drives itself and the README's
test command stays the one command CI runs. Elsewhere nothing is installed: the test says why.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest

INSTALL_TIMEOUT = 1200
# The suite runs in several pytest-xdist workers, each of which may find the same package missing on a clean
# machine: apt-get refuses to run while another holds its lock, so the workers take turns here (the second
# one's apt-get then finds the package installed).
APT_TURNS = Path(tempfile.gettempdir()) / "bootcamp-tests-apt-get.lock"


def apt_install(package: str) -> str:
    """Install ``package``; "" when apt-get succeeded, else why it was not installed."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return "not root or no apt-get, so it was not installed"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with APT_TURNS.open("a") as turn:
        fcntl.flock(turn, fcntl.LOCK_EX)  # let go when the file closes
        return _apt_get(package, env)


def _apt_get(package: str, env: Mapping[str, str]) -> str:
    try:
        result = subprocess.run(
            f"apt-get update && apt-get install -y {package}",
            shell=True,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"apt-get took longer than {INSTALL_TIMEOUT} s"
    if result.returncode != 0:
        return f"apt-get failed ({result.returncode}): {result.stderr.strip()[-500:]}"
    return ""


def require_tools(tools: Mapping[str, str]) -> None:
    """Each command of ``tools`` (command: its Debian package) on the PATH, installed when missing; else the test
    fails under CI (it must not pass without the check it makes) and is skipped elsewhere, saying why."""
    for tool, package in tools.items():
        why = "" if shutil.which(tool) else apt_install(package)
        if not shutil.which(tool):
            message = f"{tool} ({package}) is missing: {why or 'apt-get did not install it'}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)

"""Test setup of the summary tests: a headless Chromium for the HTML report.

The browser is Debian's ``chromium``. When it is missing and the tests run as root, the
setup installs it (``apt-get update && apt-get install -y chromium``). If it is still
missing, the browser test fails when ``CI`` is set (CI must not pass without looking at
the page) and is skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
_INSTALL_TIMEOUT = 1200


def _install_chromium() -> str:
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return "not root or no apt-get, so it was not installed"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        result = subprocess.run(
            "apt-get update && apt-get install -y chromium",
            shell=True,
            env=env,
            capture_output=True,
            text=True,
            timeout=_INSTALL_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"apt-get took longer than {_INSTALL_TIMEOUT} s"
    if result.returncode != 0:
        return f"apt-get failed ({result.returncode}): {result.stderr.strip()[-500:]}"
    return ""


@pytest.fixture(scope="session")
def chromium() -> Path:
    why = ""
    if not CHROMIUM.exists():
        why = _install_chromium()
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"headless Chromium ({CHROMIUM}) is missing: {why or 'apt-get did not install it'}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)

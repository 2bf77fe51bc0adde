"""Test setup of the summary tests: a headless Chromium for the HTML report.

The browser is Debian's ``chromium``. When it is missing and the tests run as root, the
setup installs it (``apt-get update && apt-get install -y chromium``). If it is still
missing, the browser test fails when ``CI`` is set (CI must not pass without looking at
the page) and is skipped elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.debian import apt_install

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> Path:
    why = ""
    if not CHROMIUM.exists():
        why = apt_install("chromium")
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"headless Chromium ({CHROMIUM}) is missing: {why or 'apt-get did not install it'}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)

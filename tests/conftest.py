"""Test setup shared by every folder: ``async def`` tests run on a fresh event loop; a headless Chromium.

The browser is Debian's ``chromium`` (the HTML report's tests and the phone page's). When it is missing
and the tests run as root, the setup installs it (``apt-get update && apt-get install -y chromium``). If
it is still missing, a browser test fails when ``CI`` is set (CI must not pass without looking at the
page) and is skipped elsewhere.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from pathlib import Path

import pytest

from tests.debian import apt_install

CHROMIUM = Path("/usr/bin/chromium")
# ``sources``, ``clock`` and ``store`` for the store's and the library's tests (a folder's own conftest may
# define its own, as tests/ui and tests/join do).
pytest_plugins = ("tests.store_fixtures",)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests on a fresh event loop (Pilot and the live workshop need one; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


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

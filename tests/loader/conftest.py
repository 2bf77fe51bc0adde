"""``content``: a copy of the fixture content, each test's own to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from content_edits import FIXTURE


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(FIXTURE, copy)
    return copy

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import Program, load_dir

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"


@pytest.fixture(scope="session")
def program() -> Program:
    return load_dir(FIXTURE_CONTENT)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()

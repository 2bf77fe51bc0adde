"""Fixtures for the store tests: the fixture content, a store on a temporary folder, a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.store import Store, WorkshopFiles

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"


@pytest.fixture(scope="session")
def sources() -> dict[str, str]:
    return read_sources(FIXTURE_CONTENT)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    return Store(tmp_path / "data", clock)


@pytest.fixture
def workshop(store: Store, sources: dict[str, str]) -> WorkshopFiles:
    info = store.create_workshop(
        name="Acme boot camp",
        organisation="Acme",
        date="2026-09-21",
        participants=[("Ana Ortiz", "CEO"), ("Ben Okafor", "Sales"), ("Chloé Martin", "")],
        sources=sources,
    )
    return store.open(info.id)

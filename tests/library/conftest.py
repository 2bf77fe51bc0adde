"""Fixtures for the library index: the fixture content, a store on a temporary folder, a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.library import Library
from bootcamp.library.index_file import index_path
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo


@pytest.fixture
def library(store: Store, clock: FixedClock) -> Library:
    return Library(store.data_dir, clock)


@pytest.fixture
def index(store: Store) -> Path:
    return index_path(store.data_dir)


def make_workshop(
    store: Store,
    sources: dict[str, str],
    name: str = "Acme boot camp",
    organisation: str = "Acme",
    date: str = "2026-09-21",
    people: tuple[tuple[str, str], ...] = (("Ana Ortiz", "CEO"), ("Ben Okafor", "Sales")),
    anonymous: bool = False,
    follows: str = "",
) -> WorkshopInfo:
    return store.create_workshop(
        name=name,
        organisation=organisation,
        date=date,
        participants=list(people),
        anonymous=anonymous,
        sources=sources,
        follows=follows,
    )

"""Fixtures for reading across workshops: the store tests' own (a store on a temporary folder, the fixture content)."""

from tests.store.conftest import clock, sources, store  # noqa: F401

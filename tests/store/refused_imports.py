"""What ``bootcamp import`` says when it refuses a file whose workshop is stored already."""

from __future__ import annotations

import pytest

from bootcamp.store import Store, StoreError, WorkshopBundle


def import_refused(store: Store, bundle: WorkshopBundle) -> str:
    """The sentence ``store`` refuses ``bundle`` with (the test fails if it is imported)."""
    with pytest.raises(StoreError) as refused:
        store.import_workshop(bundle)
    return str(refused.value)

"""Workshops on disk: roster, answers, room notes, actions, position (no Textual).

See DESIGN.md, Storage. The public surface::

    store = Store(data_dir, clock)
    store.list_workshops(); store.create_workshop(...); store.open(id) -> WorkshopFiles
    with store.owned(id, purpose=...) as files: ...   (holding the workshop's owner lock)
    OrderedWriter: the one queue the UI saves through

The names below are imported from their modules when first asked for: importing a light module of the
package (the model, the layout, the JSON files) does not load the rest of the store, so home's first
list, read from the library index, does without the store's writing half.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_MODULE_OF = {
    "FileBusyError": "errors",
    "StoreError": "errors",
    "UnreadableFileError": "errors",
    "StoredContent": "files",
    "is_ballot_id": "ids",
    "new_ballot_id": "ids",
    "new_record_id": "ids",
    "Holder": "owner_lock",
    "OwnerLock": "owner_lock",
    "WorkshopBusy": "owner_lock",
    "holder_of": "owner_lock",
    "Store": "store",
    "WorkshopListing": "store",
    "WorkshopBundle": "workshop",
    "WorkshopFiles": "workshop",
    "OrderedWriter": "writer",
}

__all__ = [
    "FileBusyError",
    "Holder",
    "OwnerLock",
    "OrderedWriter",
    "Store",
    "StoreError",
    "StoredContent",
    "UnreadableFileError",
    "WorkshopBundle",
    "WorkshopBusy",
    "WorkshopFiles",
    "WorkshopListing",
    "holder_of",
    "is_ballot_id",
    "new_ballot_id",
    "new_record_id",
]


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value


if TYPE_CHECKING:
    from bootcamp.store.errors import FileBusyError, StoreError, UnreadableFileError
    from bootcamp.store.files import StoredContent
    from bootcamp.store.ids import is_ballot_id, new_ballot_id, new_record_id
    from bootcamp.store.owner_lock import Holder, OwnerLock, WorkshopBusy, holder_of
    from bootcamp.store.store import Store, WorkshopListing
    from bootcamp.store.workshop import WorkshopBundle, WorkshopFiles
    from bootcamp.store.writer import OrderedWriter

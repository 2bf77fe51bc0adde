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

__all__ = sorted(_MODULE_OF)  # the names above, each imported from its module when first asked for


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value


if TYPE_CHECKING:
    from bootcamp.store.errors import FileBusyError as FileBusyError
    from bootcamp.store.errors import StoreError as StoreError
    from bootcamp.store.errors import UnreadableFileError as UnreadableFileError
    from bootcamp.store.files import StoredContent as StoredContent
    from bootcamp.store.ids import is_ballot_id as is_ballot_id
    from bootcamp.store.ids import new_ballot_id as new_ballot_id
    from bootcamp.store.ids import new_record_id as new_record_id
    from bootcamp.store.owner_lock import Holder as Holder
    from bootcamp.store.owner_lock import OwnerLock as OwnerLock
    from bootcamp.store.owner_lock import WorkshopBusy as WorkshopBusy
    from bootcamp.store.owner_lock import holder_of as holder_of
    from bootcamp.store.store import Store as Store
    from bootcamp.store.store import WorkshopListing as WorkshopListing
    from bootcamp.store.workshop import WorkshopBundle as WorkshopBundle
    from bootcamp.store.workshop import WorkshopFiles as WorkshopFiles
    from bootcamp.store.writer import OrderedWriter as OrderedWriter

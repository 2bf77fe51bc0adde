"""Workshops on disk: roster, answers, room notes, actions, position (no Textual).

See DESIGN.md, Storage. The public surface::

    store = Store(data_dir, clock)
    store.list_workshops(); store.create_workshop(...); store.open(id) -> WorkshopFiles
    with store.owned(id, purpose=...) as files: ...   (holding the workshop's owner lock)
    OrderedWriter: the one queue the UI saves through
"""

from bootcamp.store.errors import FileBusyError, StoreError, UnreadableFileError
from bootcamp.store.files import StoredContent
from bootcamp.store.ids import is_ballot_id, new_ballot_id, new_record_id
from bootcamp.store.owner_lock import Holder, OwnerLock, WorkshopBusy, holder_of
from bootcamp.store.store import Store, WorkshopListing
from bootcamp.store.workshop import WorkshopBundle, WorkshopFiles
from bootcamp.store.writer import OrderedWriter

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

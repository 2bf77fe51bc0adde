"""Deleting a workshop for good: its whole folder, and its join log (no Textual).

Under the workshop's owner lock (refused while a console has it open), the folder is first renamed to a hidden
name in the same folder (``.deleted-<id>-…``), one step that no listing sees half of, then removed. A kill while
removing leaves only that hidden folder, which listings skip and the next delete, creation or start removes
(:func:`bootcamp.store.trash.finish_deletions`). The runs made again from it keep their ``follows``: a comparison
then says the run it follows is not in this library and compares with the latest earlier run of the organisation,
or asks for one.
"""

from __future__ import annotations

import os

from bootcamp.store.durable import sync_folder
from bootcamp.store.errors import FileNotSavedError, StoreError, UnreadableFileError
from bootcamp.store.ids import new_workshop_id
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.owner_lock import OwnerLock
from bootcamp.store.store import Store
from bootcamp.store.trash import DELETED_PREFIX, finish_deletions


def check_deletable(store: Store, workshop_id: str, *, purpose: str = "bootcamp delete") -> None:
    """Refuse in one sentence, before anything is asked or said to go, a delete that cannot be done: the workshop
    open on a console (WorkshopBusy), its owner lock refused (a read-only mount), or a folder it is removed from
    that cannot be written. The delete itself checks again: a console may open the workshop in between."""
    if not os.access(store.workshops_dir, os.W_OK):
        raise StoreError(
            f"nothing was deleted: workshop {workshop_id} is in {store.workshops_dir}, which cannot be written "
            "(a read-only disk or folder); make it writable, then delete again"
        )
    with OwnerLock(store.workshops_dir / workshop_id, purpose=purpose, clock=store.clock):
        pass  # taken and let go at once: only whether it can be


def delete_workshop(store: Store, workshop_id: str, *, purpose: str = "bootcamp delete") -> WorkshopInfo | None:
    """Remove the workshop for good, and return what it was (None when its ``workshop.json`` could not be read: it
    goes all the same); WorkshopBusy while a console (or a command) has it open."""
    from bootcamp.locations import join_log

    folder = store.workshops_dir / workshop_id
    if not store.exists(workshop_id):
        store.open(workshop_id)  # refused in one sentence, as every command refuses an id that is not there
    # The owner lock without store.owned, which reads workshop.json first: a workshop that cannot be read goes too.
    with OwnerLock(folder, purpose=purpose, clock=store.clock):
        try:
            info: WorkshopInfo | None = store.open(workshop_id, sweep=False).info()
        except UnreadableFileError:
            info = None
        join_log(store.data_dir, workshop_id).unlink(missing_ok=True)  # first: a kill after it leaves a whole workshop
        trash = store.workshops_dir / f"{DELETED_PREFIX}{workshop_id}-{new_workshop_id()}"
        try:
            os.rename(folder, trash)
        except OSError as error:
            raise FileNotSavedError(folder, str(error.strerror or error), doing="remove") from error
        sync_folder(store.workshops_dir)
    finish_deletions(store.workshops_dir)
    return info

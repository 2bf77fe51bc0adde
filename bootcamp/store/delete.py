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
from bootcamp.store.errors import FileNotSavedError
from bootcamp.store.ids import new_workshop_id
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.store import Store
from bootcamp.store.trash import DELETED_PREFIX, finish_deletions


def delete_workshop(store: Store, workshop_id: str, *, purpose: str = "bootcamp delete") -> WorkshopInfo:
    """Remove the workshop for good; WorkshopBusy while a console (or a command) has it open."""
    from bootcamp.locations import join_log

    with store.owned(workshop_id, purpose=purpose) as files:
        info = files.info()
        join_log(store.data_dir, workshop_id).unlink(missing_ok=True)  # first: a kill after it leaves a whole workshop
        trash = store.workshops_dir / f"{DELETED_PREFIX}{workshop_id}-{new_workshop_id()}"
        try:
            os.rename(files.path, trash)
        except OSError as error:
            raise FileNotSavedError(files.path, str(error.strerror or error), doing="remove") from error
        sync_folder(store.workshops_dir)
    finish_deletions(store.workshops_dir)
    return info

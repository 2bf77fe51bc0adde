"""Putting a finished workshop away (archiving it) and bringing it back.

An archived workshop keeps its folder and every file where they were: archiving only adds a small
``archived.json`` beside them (written whole or not at all, under the workshop's owner lock), and bringing it
back removes that file again. Listings leave archived workshops out unless asked; a comparison, its Progress
page and search still read them, so a client's earlier runs count whether or not they were put away.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from bootcamp.clock import iso
from bootcamp.store.durable import replace_durably, sync_folder
from bootcamp.store.errors import FileNotSavedError, StoreError
from bootcamp.store.layout import ARCHIVED_FILE
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.store import Store

ARCHIVED_FORMAT = "bootcamp/archived"


def is_archived(folder: Path) -> bool:
    return os.path.exists(os.path.join(folder, ARCHIVED_FILE))


def archived_at(folder: Path) -> str | None:
    """When the workshop in ``folder`` was put away (ISO 8601), "" when archived at a time that cannot be read,
    None when it is not archived: what an export or a summary of it says."""
    try:
        document = json.loads((Path(folder) / ARCHIVED_FILE).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return ""
    stamp = document.get("archived_at") if isinstance(document, dict) else None
    return stamp if isinstance(stamp, str) else ""


def archived_document(at: float) -> bytes:
    """What ``archived.json`` holds: the workshop was put away at ``at`` (epoch seconds)."""
    return json.dumps({"format": ARCHIVED_FORMAT, "version": 1, "archived_at": iso(at)}).encode("utf-8")


def archive(store: Store, workshop_id: str, *, purpose: str = "bootcamp archive") -> WorkshopInfo:
    """Put the workshop away; WorkshopBusy while a console has it open, StoreError when it is archived already."""
    with store.owned(workshop_id, purpose=purpose) as files:
        info = files.info()
        if is_archived(files.path):
            raise StoreError(f"workshop {info.id} ({info.name}) is archived already")
        try:
            replace_durably(files.path / ARCHIVED_FILE, archived_document(store.clock.now()))
        except OSError as error:  # a full disk, a folder gone read-only: the user can act on it
            raise FileNotSavedError(files.path / ARCHIVED_FILE, str(error.strerror or error)) from error
        return info


def unarchive(store: Store, workshop_id: str, *, purpose: str = "bootcamp archive --undo") -> WorkshopInfo:
    """Bring the workshop back to the lists; StoreError when it is not archived."""
    with store.owned(workshop_id, purpose=purpose) as files:
        info = files.info()
        try:
            os.unlink(files.path / ARCHIVED_FILE)
        except FileNotFoundError:
            raise StoreError(f"workshop {info.id} ({info.name}) is not archived") from None
        except OSError as error:
            raise FileNotSavedError(files.path / ARCHIVED_FILE, str(error.strerror or error), doing="remove") from error
        sync_folder(files.path)
        return info

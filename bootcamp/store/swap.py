"""Putting one workshop folder in place of another (``bootcamp import --replace``) so that a kill at any instant
leaves the workshop under its id, whole: the old folder, or the new one.

Two folders cannot change places in one step on every system, so the new folder is first renamed to a name that
says it is on its way in (``.replacing-<id>-<tag>``): the commit point. Then the copy kept of the old folder, written
whole before the commit point under a hidden name of its own (:func:`keeping_folder`), is put in place under its
id, the old folder moved aside (``.replaced-<id>-<tag>``) and the new one into place. Whoever opens the store next,
under the lock that creations hold, finishes what a kill left after the commit point (:func:`finish_replacements`):
the kept copy and the new folder put in place, the old one removed. Before the commit point the old folder is still
in place, and the new one and the kept copy are half-built creations, removed: a replace that never happened
leaves no trace, and importing the file again keeps one copy, not two.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bootcamp.store.durable import sync_folder

REPLACING_PREFIX = ".replacing-"  # hidden, as every folder not yet or no longer a workshop
REPLACED_PREFIX = ".replaced-"
KEEPING_PREFIX = ".keeping-"


def keeping_folder(workshops_dir: Path, tag: str, kept_id: str) -> Path:
    """Where the copy kept of the workshop replaced is written whole, before the commit point of the replacement
    ``tag``: it becomes the workshop ``kept_id`` only once that replacement committed."""
    return workshops_dir / f"{KEEPING_PREFIX}{tag}-{kept_id}"


def replace_folder(workshops_dir: Path, staging: Path, workshop_id: str, tag: str) -> None:
    """The folder ``staging`` in place of the workshop ``workshop_id``; call it holding the creation lock."""
    incoming = workshops_dir / f"{REPLACING_PREFIX}{workshop_id}-{tag}"
    os.rename(staging, incoming)  # the commit point: from here on the new folder is what the id holds
    _put_in_place(workshops_dir, incoming, workshop_id, tag)


def replacements_left(workshops_dir: Path) -> bool:
    """Whether a replacement was killed midway (a listing of the folder, nothing more)."""
    try:
        with os.scandir(workshops_dir) as found:
            return any(entry.name.startswith((REPLACING_PREFIX, REPLACED_PREFIX, KEEPING_PREFIX)) for entry in found)
    except OSError:  # no workshops folder yet, or one that cannot be read: nothing to finish here
        return False


def finish_replacements(workshops_dir: Path) -> None:
    """Finish the replacements killed after their commit point, and undo those killed before it; call it holding the
    creation lock."""
    for entry in sorted(os.listdir(workshops_dir)):
        if entry.startswith(REPLACING_PREFIX):
            workshop_id, _, tag = entry.removeprefix(REPLACING_PREFIX).rpartition("-")
            _put_in_place(workshops_dir, workshops_dir / entry, workshop_id, tag)
    for entry in os.listdir(workshops_dir):
        # Old folders moved aside, and the copies kept for replacements that never reached their commit point.
        if entry.startswith((REPLACED_PREFIX, KEEPING_PREFIX)):
            shutil.rmtree(workshops_dir / entry, ignore_errors=True)


def _put_in_place(workshops_dir: Path, incoming: Path, workshop_id: str, tag: str) -> None:
    sync_folder(workshops_dir)  # the commit point on disk before the old folder moves
    _keep(workshops_dir, tag)  # before the old folder moves aside: its content is always under an id
    target = workshops_dir / workshop_id
    if target.exists():
        os.rename(target, workshops_dir / f"{REPLACED_PREFIX}{workshop_id}-{tag}")
    os.rename(incoming, target)
    sync_folder(workshops_dir)
    shutil.rmtree(workshops_dir / f"{REPLACED_PREFIX}{workshop_id}-{tag}", ignore_errors=True)


def _keep(workshops_dir: Path, tag: str) -> None:
    """The copy kept for the replacement ``tag`` put in place under its id (none left: it was put there already)."""
    prefix = f"{KEEPING_PREFIX}{tag}-"
    for entry in os.listdir(workshops_dir):
        if entry.startswith(prefix):
            os.rename(workshops_dir / entry, workshops_dir / entry.removeprefix(prefix))
            sync_folder(workshops_dir)  # on disk before the old folder moves aside, to be removed

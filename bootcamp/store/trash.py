"""Workshop folders being deleted: renamed to a hidden name first, then removed (no other imports: the app's start
finishes what a killed deletion left, before home's list, without loading the store)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DELETED_PREFIX = ".deleted-"  # hidden: every listing skips names starting with "."


def finish_deletions(workshops_dir: Path) -> None:
    """Remove what deletions killed midway left (hidden ``.deleted-*`` folders): nobody opens them any more."""
    try:
        with os.scandir(workshops_dir) as found:
            entries = [entry.path for entry in found if entry.name.startswith(DELETED_PREFIX)]
    except OSError:  # no workshops folder yet, or one that cannot be read: nothing to finish here
        return
    for path in entries:
        shutil.rmtree(path, ignore_errors=True)

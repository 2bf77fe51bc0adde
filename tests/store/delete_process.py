"""A separate process that runs ``bootcamp delete WORKSHOP --yes`` and is killed while it removes the folder.

Run by tests/test_forget_command.py::

    python delete_process.py DATA WORKSHOP

Once the workshop's folder is renamed aside and its first file removed, it SIGKILLs itself, as a closed laptop
would end it halfway through removing a folder of many files.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main(data: str, workshop_id: str) -> None:
    from bootcamp.cli import main as bootcamp
    from bootcamp.store import trash

    def removed_in_part(path: str, ignore_errors: bool = False) -> None:
        next(p for p in sorted(Path(path).rglob("*")) if p.is_file()).unlink()
        os.kill(os.getpid(), signal.SIGKILL)

    trash.shutil.rmtree = removed_in_part  # type: ignore[assignment]
    sys.exit(bootcamp(["delete", workshop_id, "--yes", "--data-dir", data]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

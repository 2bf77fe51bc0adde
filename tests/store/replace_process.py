"""A separate process that runs ``bootcamp import FILE --replace`` and is killed at one point of it.

Run by tests/store/test_replace_kill.py::

    python replace_process.py DATA FILE POINT

Every file the import writes and every folder it moves goes through ``os.replace`` or ``os.rename``: POINT ``n``
SIGKILLs the process just before the n-th of them (0: count them, kill nothing, print the count on stderr).
POINT ``removing`` kills it once the copy moved aside has lost its first file, as a closed laptop ends a removal.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main(data: str, file: str, point: str) -> None:
    from bootcamp.cli import main as bootcamp
    from bootcamp.store import swap

    moves = 0
    rename, replace = os.rename, os.replace

    def counted(move):  # type: ignore[no-untyped-def]
        def moved(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal moves
            moves += 1
            if point not in ("0", "removing") and moves == int(point):
                os.kill(os.getpid(), signal.SIGKILL)
            return move(source, target, *args, **kwargs)

        return moved

    os.rename, os.replace = counted(rename), counted(replace)  # type: ignore[assignment]
    if point == "removing":
        def removed_in_part(path: str, ignore_errors: bool = False) -> None:
            next(p for p in sorted(Path(path).rglob("*")) if p.is_file()).unlink()
            os.kill(os.getpid(), signal.SIGKILL)

        swap.shutil.rmtree = removed_in_part  # type: ignore[assignment]
    code = bootcamp(["import", file, "--replace", "--data-dir", data])
    if point == "0":
        print(moves, file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])

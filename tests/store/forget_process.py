"""A separate process that runs ``bootcamp forget DATA WORKSHOP PERSON --redact-notes --yes`` and kills itself.

Run by tests/store/test_forget.py::

    python forget_process.py DATA WORKSHOP PERSON KILL_AT

It SIGKILLs itself right after its KILL_AT-th change to a file (a file replaced whole, or removed), as a power cut
or a closed laptop would end it; with KILL_AT 0 it runs to the end and prints how many changes it made.
"""

from __future__ import annotations

import os
import signal
import sys


def main(data: str, workshop_id: str, person: str, kill_at: int) -> None:
    from bootcamp.cli import main as bootcamp
    from bootcamp.join import left_on
    from bootcamp.store import forget, jsonfile

    changes = 0

    def counted(change):  # type: ignore[no-untyped-def]
        def changed(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal changes
            result = change(*args, **kwargs)
            changes += 1
            if changes == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        return changed

    jsonfile.replace_durably = counted(jsonfile.replace_durably)  # every store file, and the library's index
    left_on.replace_at_once = counted(left_on.replace_at_once)  # the phones' seats
    forget.replace_durably = counted(forget.replace_durably)  # the join log
    forget._remove_answers_file = counted(forget._remove_answers_file)  # her answers file
    code = bootcamp(["forget", workshop_id, person, "--redact-notes", "--yes", "--data-dir", data])
    print(changes)
    sys.exit(code)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))

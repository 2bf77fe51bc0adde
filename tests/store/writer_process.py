"""A separate process that writes to a workshop and acknowledges each save once it has returned.

Run by the crash and concurrency tests::

    python writer_process.py DATA_DIR WORKSHOP_ID TAG COUNT

It prints ``ready``, then for each of COUNT saves (0 = until killed) one line, printed
and flushed only after the save returned: ``answer <participant-id> <item>``,
``note <note-id>``, ``state <n>`` or ``joined <participant-id>``. With COUNT > 0 it
waits for a line on stdin before writing, so several writers start together.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
from pathlib import Path

from bootcamp.store import Store
from bootcamp.store.model import Answer, RoomNote, WorkshopState
from bootcamp.store.roster import add_participant

STEP = "basics/rate-aptitudes"


def main(data_dir: str, workshop_id: str, tag: str, count: int) -> None:
    workshop = Store(Path(data_dir)).open(workshop_id)
    roster = [p.id for p in workshop.info().participants[:3]]
    print("ready", flush=True)
    if count:
        sys.stdin.readline()
    numbers = range(count) if count else itertools.count()
    for n in numbers:
        kind = n % 8
        if kind in (0, 1, 2, 4, 5):
            # a file only this writer writes, and participants' files every writer shares
            owner = f"own-{tag}" if kind in (0, 4) else roster[n % 3]
            item = f"{tag}-{n}"
            workshop.save_answer(Answer(owner, STEP, item=item, perspective="self", value="strong", comment=f"{tag} {n}"))
            print(f"answer {owner} {item}", flush=True)
        elif kind in (3, 6):
            note = RoomNote(f"n-{tag}-{n}", "basics/talk", f"note {n} from {tag}")
            workshop.update_room(lambda room: dataclasses.replace(room, notes=(*room.notes, note)))
            print(f"note {note.id}", flush=True)
        elif n % 24 == 7:
            name = f"Late {tag} {n}"
            joined = workshop.update_info(lambda info: add_participant(info, name, joined_at="").info).participants[-1]
            print(f"joined {joined.id}", flush=True)
        else:
            workshop.save_state(WorkshopState(step_key=f"basics/{tag}-{n}"))
            print(f"state {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))

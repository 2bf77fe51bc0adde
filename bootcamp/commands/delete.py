"""``bootcamp delete WORKSHOP [--yes]``: remove a workshop for good, every person's answers with it.

WORKSHOP as ``archive`` takes it (an id, or a workshop's whole name). On a terminal the workshop's id is typed
to confirm; ``--yes`` for a script. How it is removed whole or not at all: :mod:`bootcamp.store.delete`.
"""

from __future__ import annotations

import argparse

from bootcamp.commands.archive import find_workshop
from bootcamp.commands.confirm import confirmed
from bootcamp.dates import days_span
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.library import Library
from bootcamp.library.runs import run_numbers, runs_made_from
from bootcamp.locations import find_data_dir
from bootcamp.plurals import counted
from bootcamp.store import Store
from bootcamp.store.delete import delete_workshop
from bootcamp.store.owner_lock import WorkshopBusy, holder_of


def run(args: argparse.Namespace) -> int:
    folder = find_data_dir(getattr(args, "data_dir", None))
    store = Store(folder.path)
    library = Library(store.data_dir, store.clock)
    rows = library.listing().rows
    row = find_workshop(rows, args.workshop, str(store.data_dir))
    info = row.info
    held_on = days_span(info.date, row.days)
    shown = f"{terminal_safe(info.name)} ({terminal_safe(info.organisation)}, {held_on}, {info.id})"
    workshops = [r.info for r in rows]
    numbers = run_numbers(workshops)
    later = [run for run in runs_made_from(workshops, info.id) if run.follows == info.id]
    people = counted(len(info.present), "participant")  # as `bootcamp list` counts them: those in the room
    print(f"{shown}, {people}: it goes for good, every answer, note and action with it")
    for run_after in later:
        print(
            f"run {numbers.get(run_after.id, '?')}, workshop {run_after.id} ({terminal_safe(run_after.name)}, "
            f"{run_after.date}), follows it: its comparison will say the earlier run is gone"
        )
    holder = holder_of(store.workshops_dir / info.id)
    if holder is not None:  # said before asking for the id; the delete itself refuses it too
        raise WorkshopBusy(info.id, holder, now=store.clock.now())
    if not confirmed(
        f"Type the workshop's id, {info.id}, to delete it for good: ",
        yes=args.yes,
        expected=info.id,
        refused=(
            f"nothing was deleted: bootcamp delete asks for the workshop's id on a terminal, and there is none; "
            f"add --yes to delete workshop {info.id} without asking"
        ),
    ):
        print("nothing was deleted: the id typed was not the workshop's")
        return 1
    delete_workshop(store, info.id)
    library.listing()  # the index forgets its row now, names and notes with it
    print(
        f"deleted {shown}; exports and summaries written to files before are outside bootcamp: delete them where "
        "they are"
    )
    return 0

"""``bootcamp delete WORKSHOP [--yes]``: remove a workshop for good, every person's answers with it.

WORKSHOP as ``archive`` takes it (an id, or a workshop's whole name). On a terminal the workshop's id is typed
to confirm; ``--yes`` for a script. How it is removed whole or not at all: :mod:`bootcamp.store.delete`.
"""

from __future__ import annotations

import argparse

from bootcamp.commands.archive import find_workshop
from bootcamp.commands.confirm import confirmed
from bootcamp.commands.people import people_counted
from bootcamp.dates import days_span
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.library import Library, LibraryRow
from bootcamp.library.runs import run_numbers, runs_made_from
from bootcamp.locations import find_data_dir
from bootcamp.store import Store
from bootcamp.store.delete import check_deletable, delete_workshop
from bootcamp.store.errors import UnreadableFileError
from bootcamp.store.owner_lock import WorkshopBusy, holder_of


def run(args: argparse.Namespace) -> int:
    folder = find_data_dir(getattr(args, "data_dir", None))
    store = Store(folder.path)
    library = Library(store.data_dir, store.clock)
    rows = library.listing().rows
    unreadable = _unreadable(store, rows, args.workshop)
    if unreadable is not None:
        check_deletable(store, args.workshop)  # no name, no people to show: its id is all there is to confirm
        print(
            f"workshop {args.workshop} cannot be read ({unreadable.reason}): its folder goes for good, "
            "whatever is in it"
        )
        return _delete(store, library, args.workshop, f"workshop {args.workshop}", yes=args.yes)
    row = find_workshop(rows, args.workshop, store)
    info = row.info
    check_deletable(store, info.id)  # before a word that it goes: a delete that cannot be done says only why
    held_on = days_span(info.date, row.days)
    shown = f"{terminal_safe(info.name)} ({terminal_safe(info.organisation)}, {held_on}, {info.id})"
    workshops = [r.info for r in rows]
    numbers = run_numbers(workshops)
    later = [run for run in runs_made_from(workshops, info.id) if run.follows == info.id]
    print(f"{shown}, {people_counted(info)}: it goes for good, every answer, note and action with it")
    for run_after in later:
        print(
            f"run {numbers.get(run_after.id, '?')}, workshop {run_after.id} ({terminal_safe(run_after.name)}, "
            f"{run_after.date}), follows it: its comparison will say the earlier run is gone"
        )
    return _delete(store, library, info.id, shown, yes=args.yes)


def _unreadable(store: Store, rows: tuple[LibraryRow, ...], given: str) -> UnreadableFileError | None:
    """Why the workshop whose id is ``given`` cannot be read (the library lists it nowhere); None when it can be, or
    when there is no such folder."""
    if any(row.info.id == given for row in rows) or not store.exists(given):
        return None
    try:
        store.open(given, sweep=False).info()
    except UnreadableFileError as error:
        return error
    return None


def _delete(store: Store, library: Library, workshop_id: str, shown: str, *, yes: bool) -> int:
    """Asks for the id (or ``yes``), then removes the workshop for good."""
    holder = holder_of(store.workshops_dir / workshop_id)
    if holder is not None:  # said before asking for the id; the delete itself refuses it too
        raise WorkshopBusy(workshop_id, holder, now=store.clock.now())
    if not confirmed(
        f"Type the workshop's id, {workshop_id}, to delete it for good: ",
        yes=yes,
        expected=workshop_id,
        refused=(
            f"nothing was deleted: bootcamp delete asks for the workshop's id on a terminal, and there is none; "
            f"add --yes to delete workshop {workshop_id} without asking"
        ),
    ):
        print("nothing was deleted: the id typed was not the workshop's")
        return 1
    delete_workshop(store, workshop_id)
    library.listing()  # the index forgets its row now, names and notes with it
    print(
        f"deleted {shown}; exports and summaries written to files before are outside bootcamp: delete them where "
        "they are"
    )
    return 0

"""``bootcamp archive WORKSHOP`` and ``--undo``: put a finished workshop away from the lists, or bring it back.

WORKSHOP is an id or a workshop's whole name (any case). Nothing is deleted or rewritten: see
:mod:`bootcamp.store.archive`.
"""

from __future__ import annotations

import argparse

from bootcamp.dates import days_span
from bootcamp.errors import UserError
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.library import Library
from bootcamp.library.model import LibraryRow
from bootcamp.locations import find_data_dir
from bootcamp.store import Store
from bootcamp.store.archive import archive, unarchive


def run(args: argparse.Namespace) -> int:
    folder = find_data_dir(getattr(args, "data_dir", None))
    store = Store(folder.path)
    row = find_workshop(Library(store.data_dir, store.clock).listing().rows, args.workshop, store)
    held_on = days_span(row.info.date, row.days)  # as `list` dates it: "2026-09-21–22" for a two-day workshop
    if args.undo:
        info = unarchive(store, row.info.id)
        print(
            f"brought back {terminal_safe(info.name)} ({terminal_safe(info.organisation)}, {held_on}, {info.id}): "
            "home lists it again"
        )
    else:
        info = archive(store, row.info.id)
        print(
            f"archived {terminal_safe(info.name)} ({terminal_safe(info.organisation)}, {held_on}, {info.id}): "
            "every file kept; `bootcamp list --archived` shows it, `bootcamp archive --undo ID` brings it back"
        )
    return 0


def find_workshop(rows: tuple[LibraryRow, ...], given: str, store: Store) -> LibraryRow:
    """The workshop whose id is ``given``, else the one whose name is (any case); UserError in one sentence."""
    for row in rows:
        if row.info.id == given:
            return row
    if store.exists(given):  # listed nowhere as its workshop.json cannot be read: that file is named, not "no workshop"
        store.open(given, sweep=False).info()
    where = str(store.data_dir)
    named = [row for row in rows if row.info.name.casefold() == given.strip().casefold()]
    if len(named) == 1:
        return named[0]
    if not named:
        raise UserError(f"no workshop with id or name {terminal_safe(given)!r} in {where} (see `bootcamp list --archived`)")
    ids = ", ".join(f"{row.info.id} ({terminal_safe(row.info.organisation)}, {row.info.date})" for row in named)
    raise UserError(f"{len(named)} workshops are named {terminal_safe(given)!r}: give the id of one: {ids}")

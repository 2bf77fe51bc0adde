"""Reports of stored workshops, for comparing runs: the one a comparison names, and the runs before it in its line.

Shared by ``bootcamp compare`` and the summary's Progress page, so both carry the same older actions: a CCO who
reads the page and the command's file sees the same list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bootcamp.errors import UserError
from bootcamp.summary.lineage import line_of

if TYPE_CHECKING:
    from bootcamp.store import Store
    from bootcamp.store.model import WorkshopInfo
    from bootcamp.summary.model import CommitmentReport


def stored_report(store: Store, workshop_id: str, as_of: date) -> CommitmentReport:
    """A stored workshop's report, saying when it was archived if it was; it reads every file of the workshop (call
    it off the UI's thread)."""
    from bootcamp.store.archive import archived_at
    from bootcamp.summary import build_report

    files = store.open(workshop_id)
    report = build_report(files.program(), files.info(), files.answers(), files.room(), files.state(), as_of=as_of)
    if (put_away := archived_at(files.path)) is not None:
        report = replace(report, archived_at=put_away)
    return report


def refuse_an_unreadable_run_followed(store: Store, workshops: Sequence[WorkshopInfo], later: WorkshopInfo) -> None:
    """UnreadableFileError naming the file when the run ``later`` follows is listed nowhere (``workshops``) because its
    workshop.json cannot be read: its folder is here, so it is not said to be missing, nor another run compared."""
    from bootcamp.store.layout import WORKSHOP_FILE

    followed = later.follows
    if followed and followed not in {info.id for info in workshops} and store.exists(followed):
        if (store.workshops_dir / followed / WORKSHOP_FILE).exists():
            store.open(followed, sweep=False).info()


def older_reports(
    store: Store, workshops: Sequence[WorkshopInfo], earlier: WorkshopInfo, later_id: str, as_of: date
) -> tuple[list[CommitmentReport], list[str]]:
    """The reports of the runs before ``earlier`` in its line, oldest first (their actions still open are carried
    to the comparison), and one sentence for each that could not be read: it is left out and named, it does not
    stop the comparison of the two runs asked for."""
    reports: list[CommitmentReport] = []
    problems: list[str] = []
    for info in line_of(workshops, earlier)[:-1]:
        if info.id == later_id:
            continue
        try:
            reports.append(stored_report(store, info.id, as_of))
        except UserError as error:
            problems.append(f"the actions of workshop {info.id}, an earlier run in this line, are left out: {error}")
    return reports, problems

"""The actions agreed in the room: what, who, by when, and which are overdue, the overdue first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from bootcamp.export.report_text import action_statuses
from bootcamp.summary.action_days import closed_on, late_said
from bootcamp.summary.model import ActionResult, CommitmentReport
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.report.part import ReportPart

STILL_TO_DO = ("open", "doing")
WIDE = 110  # from here on the table says where each action came from
STATUS_WIDTH = len("dropped 2026-11-02")


def action_order(action: ActionResult) -> tuple[int, str]:
    """Overdue first, then what is still to do by due date, then what is done or dropped."""
    rank = 0 if action.overdue else 1 if action.status in STILL_TO_DO else 2
    return rank, action.due or "9999"


class ActionList(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        muted, bad = self.themed("muted"), self.themed("bad")
        actions = sorted(report.actions, key=action_order)
        if not actions:
            return [plain("No actions were recorded yet.", muted)]
        overdue = sum(1 for action in actions if action.overdue)
        summary = Text(end="\n")
        summary.append(f"{len(actions)} action{'s' if len(actions) != 1 else ''}", "bold")
        summary.append(" · ")
        summary.append(f"{overdue} overdue", bad if overdue else "")
        summary.append(f" as of {report.as_of}" if report.as_of else "", muted)
        for count, late in action_statuses(report):
            summary.append(f" · {count}")
            summary.append(f" {late}" if late else "", bad)  # red as the rows' "21 days late", read from the back
        owners = Counter(action.owner for action in actions if action.owner and action.status in STILL_TO_DO)
        by_owner = plain("Still to do, by owner: ", muted)
        by_owner.append_text(plain(" · ".join(f"{owner} {count}" for owner, count in owners.most_common())))
        table = Table(
            box=None,
            expand=True,
            pad_edge=False,
            header_style=muted + Style(underline=True),
            row_styles=[Style(), Style(bgcolor=self.themed("stripe").bgcolor)],
        )
        table.add_column("What", ratio=1)
        table.add_column("Owner", max_width=22)
        table.add_column("Due", no_wrap=True)
        table.add_column("Status", max_width=STATUS_WIDTH)  # how late is under the day: the What keeps its room
        if width >= WIDE:
            table.add_column("From", max_width=30, style=muted)
        for action in actions:
            done = action.status not in STILL_TO_DO
            cells = [
                plain(action.what, "dim" if done else ""),
                plain(action.owner or "–"),
                plain(action.due or "–", bad if action.overdue else ""),
                plain("overdue", bad + Style(reverse=True))
                if action.overdue
                else self._status(action),
            ]
            if width >= WIDE:
                cells.append(plain(action.source_title or "–"))
            table.add_row(*cells)
        return [summary, by_owner if owners else Text(), table]

    def _status(self, action: ActionResult) -> Text:
        """Its status, with the day it was done or dropped when that day is known, and how late."""
        done = action.status not in STILL_TO_DO
        status = plain(action.status, self.themed("muted") if done else "")
        if day := closed_on(action.status, action.status_at):
            status.append_text(plain(f" {day}", self.themed("muted")))
        if late := late_said(action.days_late):
            # A line of its own under the day: after ", " it wrapped where the column ran out, the comma left at the
            # end of the day's line ("done 2026-11-18," over "21 days late").
            status.append_text(plain(f"\n{late}", self.themed("bad")))
        return status

"""``bootcamp compare [EARLIER_ID] LATER_ID [--format md|html|json] [-o FILE]``: the progress between two runs.

Without EARLIER_ID the later run is compared with the run it was made again from, or, when it follows
none, with the latest earlier run of its organisation (:mod:`bootcamp.summary.lineage`); every format says
which run that is and why.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from bootcamp.commands.output import write_output
from bootcamp.errors import UserError
from bootcamp.locations import data_dir
from bootcamp.summary.comparison import Comparison, compare
from bootcamp.summary.lineage import EarlierChoice, choose_earlier, given
from bootcamp.summary.stored_runs import older_reports, refuse_an_unreadable_run_followed, stored_report

if TYPE_CHECKING:
    from bootcamp.store.model import WorkshopInfo


def _renderer(name: str) -> Callable[[Comparison, EarlierChoice], str]:
    # Imported on demand: the HTML page pulls in markdown-it, the others need nothing extra.
    if name == "html":
        from bootcamp.export.comparison_html import render_comparison_html

        return render_comparison_html
    if name == "json":
        from bootcamp.export.comparison_json import render_comparison_json

        return render_comparison_json
    from bootcamp.export.comparison_markdown import render_comparison_markdown

    return render_comparison_markdown


def run(args: argparse.Namespace) -> int:
    from bootcamp.store import Store

    store = Store(data_dir(getattr(args, "data_dir", None)))
    later = store.open(args.later)  # an unknown id is refused before any reading
    workshops = store.scan_workshops().workshops
    if args.earlier:
        earlier = store.open(args.earlier)
        chosen = given(earlier.info(), later.info())
    else:
        refuse_an_unreadable_run_followed(store, workshops, later.info())
        chosen = _chosen_in_the_library(workshops, later.info())
        assert chosen.run is not None
        earlier = store.open(chosen.run.id)
    today = date.today()
    earlier_report, later_report = stored_report(store, earlier.id, today), stored_report(store, later.id, today)
    # The runs before the earlier one in its line: their actions still open are carried to this comparison.
    older, problems = older_reports(store, workshops, earlier.info(), later.id, today)
    for problem in problems:
        print(f"bootcamp: warning: {problem}", file=sys.stderr)
    comparison = compare(earlier_report, later_report, older)
    text = _renderer(args.format)(comparison, chosen)
    write_output(text, args.output, f"the {args.format} comparison of workshops {earlier.id} and {later.id}", args)
    return 0


def _chosen_in_the_library(workshops: Sequence[WorkshopInfo], later: WorkshopInfo) -> EarlierChoice:
    """The run LATER follows, or the latest earlier run of its organisation; UserError when there is none."""
    chosen = choose_earlier(workshops, later)
    if chosen.run is not None:
        return chosen
    from bootcamp.export.data_terminal import terminal_safe

    organisation = terminal_safe(" ".join(later.organisation.split())) or "its organisation"
    if chosen.missing:
        raise UserError(
            f"workshop {later.id} follows workshop {chosen.missing}, which is not in this library, and no earlier "
            f"run of {organisation} is stored here: give the run to compare it with as EARLIER_ID"
        )
    raise UserError(
        f"no earlier run of {organisation} is stored before workshop {later.id} ({later.date}): "
        "give the run to compare it with as EARLIER_ID"
    )

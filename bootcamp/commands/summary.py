"""``bootcamp summary ID [--format md|html|json|csv] [-o FILE]``: the commitment-test summary of a workshop."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date

from bootcamp.commands.output import spreadsheet_file, write_output
from bootcamp.locations import data_dir
from bootcamp.summary import CommitmentReport
from bootcamp.summary.report import private_notes_said, without_private_notes


def _renderer(name: str) -> Callable[[CommitmentReport], str]:
    # Imported on demand: the HTML report pulls in markdown-it, the others need nothing extra.
    if name == "html":
        from bootcamp.export.report_html import render_html

        return render_html
    if name == "json":
        from bootcamp.export.report_json import render_json

        return render_json
    if name == "csv":
        from bootcamp.export.report_csv import render_csv

        return render_csv
    from bootcamp.export.report_markdown import render_markdown

    return render_markdown


def run(args: argparse.Namespace) -> int:
    from bootcamp.store import Store
    from bootcamp.summary.stored_runs import stored_report

    report = stored_report(Store(data_dir(getattr(args, "data_dir", None))), args.id, date.today())
    if not args.with_private_notes:  # a summary is for sharing; the quick notes are the facilitator's
        report = without_private_notes(report)
    text = _renderer(args.format)(report)
    if args.format == "csv" and args.output:
        text = spreadsheet_file(text)
    write_output(text, args.output, f"the {args.format} summary of workshop {report.workshop_id}", args)
    if said := private_notes_said(report):
        print(f"bootcamp: {said}; --with-private-notes keeps them", file=sys.stderr)
    return 0

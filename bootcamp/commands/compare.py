"""``bootcamp compare EARLIER_ID LATER_ID [--format md|html|json] [-o FILE]``: the progress between two runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from bootcamp.commands.summary import write_output
from bootcamp.locations import data_dir
from bootcamp.summary.comparison import Comparison, compare


def _renderer(name: str) -> Callable[[Comparison], str]:
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
    from bootcamp.summary import build_report

    store = Store(data_dir(getattr(args, "data_dir", None)))
    earlier, later = store.open(args.earlier), store.open(args.later)  # an unknown id is refused before any reading
    reports = [
        build_report(files.program(), files.info(), files.answers(), files.room(), files.state(), as_of=date.today())
        for files in (earlier, later)
    ]
    comparison = compare(*reports)
    text = _renderer(args.format)(comparison)
    write_output(text, args.output, f"the {args.format} comparison of workshops {earlier.id} and {later.id}")
    return 0

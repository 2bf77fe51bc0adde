"""The two HTML pages the browser and style tests draw: the demo room's summary and the comparison of two runs."""

from __future__ import annotations

from pathlib import Path

from comparison_rooms import earlier_room, later_room
from shipped_rooms import demo_report

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.report_html import render_html
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import given

PAGES = ("summary", "comparison")


def drawn_page(name: str, data_dir: Path) -> str:
    """The page ``name`` (one of :data:`PAGES`); the summary's demo room is made in ``data_dir``."""
    if name == "summary":
        return render_html(demo_report(data_dir))
    earlier, later = earlier_room(), later_room()
    comparison = compare(earlier.report(as_of="2027-03-01"), later.report(as_of="2027-03-01"))
    return render_comparison_html(comparison, given(earlier.info, later.info))

"""The HTML summary and comparison pasted into a mail client that drops the page's ``<style>`` (and keeps inline
SVG): the charts must still read. An SVG shape without a fill of its own is painted black."""

from __future__ import annotations

import re

import pytest
from comparison_rooms import earlier_room, later_room
from summary_rooms import golden_room

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.report_html import render_html
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import given


def _page(name: str) -> str:
    if name == "summary":
        return render_html(golden_room().report(as_of="2026-10-15"))
    earlier, later = earlier_room(), later_room()
    comparison = compare(earlier.report(as_of="2027-03-01"), later.report(as_of="2027-03-01"))
    return render_comparison_html(comparison, given(earlier.info, later.info))


@pytest.mark.parametrize("name", ["summary", "comparison"])
def test_every_chart_shape_has_its_own_fill_when_the_style_sheet_is_dropped(name: str) -> None:
    # Without the style sheet each score bar's track was a black bar (a score of 23 read as a bar mostly black),
    # and the role chart was black from end to end, its counts black on black.
    html = _page(name)
    shapes = re.findall(r"<(?:rect|circle|path)\b[^>]*>", html)
    assert shapes
    assert [shape for shape in shapes if not re.search(r'\sfill="[^"]+"', shape)] == []
    assert all(re.search(r'\sfill="', text) for text in re.findall(r'<text\b[^>]*class="count"[^>]*>', html))

"""The HTML summary printed in black and white, or read by one man in twelve who sees red and green alike: a chart's
parts must say what they are in words, not only in their colours."""

from __future__ import annotations

import re

from summary_rooms import golden_room

from bootcamp.export.report_charts import stacked_bar
from bootcamp.export.report_html import render_html


def _labels(svg: str) -> list[str]:
    return re.findall(r'<text\b[^>]*class="count[^"]*"[^>]*>([^<]*)</text>', svg)


def test_the_role_chart_names_its_strategic_and_tactical_parts_on_the_bar() -> None:
    # The bar's strategic green and tactical red print as the same grey (and look alike to a red-green colourblind
    # reader): its parts said only "1" and "2", so which part was the tactical one could not be read off the bar.
    report = golden_room().report(as_of="2026-10-15")
    role = report.role
    assert role is not None and role.strategic and role.tactical
    html = render_html(report)
    bar = re.search(r'<svg class="bar stacked-bar".*?</svg>', html, re.S).group(0)
    assert f"strategic {role.strategic}" in _labels(bar)
    assert f"tactical {role.tactical}" in _labels(bar)


def test_a_part_too_narrow_for_its_name_shows_its_count_alone() -> None:
    parts = [("strategic", 30, "strategic"), ("tactical", 40, "tactical"), ("not decided", 5, "undecided")]
    bar = stacked_bar(parts, "role description lines")
    assert _labels(bar) == ["strategic 30", "tactical 40", "5"]  # 5 of 75: 32 px, its count fits, its name not


def test_a_pale_parts_count_is_written_in_dark_ink() -> None:
    # "not decided" is a light grey part: its count in white (2.03:1) faded into it, on paper and on a projector.
    bar = stacked_bar([("strategic", 1, "strategic"), ("not decided", 3, "undecided")], "role description lines")
    inks = {label: ink for ink, label in re.findall(r'<text\b[^>]*class="([^"]*)"[^>]*>([^<]*)</text>', bar)}
    assert inks == {"strategic 1": "count", "not decided 3": "count on-pale"}

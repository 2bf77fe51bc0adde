"""The HTML summary as a screen reader says it: a chart is one image, named by its ``<title>``, whose parts are
not read one by one; its name must carry the figures the picture shows."""

from __future__ import annotations

import re

from summary_rooms import golden_room

from bootcamp.export.report_html import render_html


def test_the_role_chart_names_how_many_lines_are_strategic_tactical_and_undecided() -> None:
    # The bar was named "role description lines: strategic, tactical, not decided": a screen reader heard the parts
    # and none of the counts the sighted reader sees on the bar.
    report = golden_room().report(as_of="2026-10-15")
    role = report.role
    assert role is not None and role.strategic and role.tactical
    html = render_html(report)
    name = re.search(r'<svg class="bar stacked-bar"[^>]*><title>([^<]*)</title>', html).group(1)
    assert f"{role.strategic} strategic" in name and f"{role.tactical} tactical" in name
    assert f"{role.undecided} not decided" in name or not role.undecided

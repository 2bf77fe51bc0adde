"""The HTML comparison opened in headless Chromium: its sections and before/after charts render, nothing runs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from comparison_rooms import earlier_room, later_room
from test_html_browser import Dom, png_size, run_chromium

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.summary import DimensionStatus
from bootcamp.summary.comparison import compare


def test_html_comparison_renders_sections_and_charts_in_chromium(chromium: Path, tmp_path: Path) -> None:
    comparison = compare(earlier_room().report(), later_room().report())
    page = tmp_path / "progress.html"
    page.write_text(render_comparison_html(comparison), encoding="utf-8")

    dumped = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = Dom(dumped.stdout)
    headings = dict((text, tag) for tag, text in dom.headings)
    assert headings.get("Progress: Acme") == "h1"
    for section in (
        "Overall",
        "Dimensions, biggest moves first",
        "Two aptitudes: room averages",
        "Role definition",
        "Actions from the earlier run",
        "How these figures were compared",
    ):
        assert headings.get(section) == "h2", (section, dom.headings)
    assert dom.count("svg", "before-after") == len(comparison.dimensions) + 1
    assert dom.count("tr", "overdue") == 1
    assert dom.count("script") == 0 and dom.count("link") == 0 and dom.count("a") == 0

    screenshot = tmp_path / "progress.png"
    shot = run_chromium(chromium, tmp_path / "profile", f"--screenshot={screenshot}", page.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert png_size(screenshot) == (1200, 2000)
    assert screenshot.stat().st_size > 50_000  # a blank page compresses to a few KB


def test_a_dimension_measured_once_keeps_the_dimensions_table_within_the_page(chromium: Path, tmp_path: Path) -> None:
    """Its chip's sentence ("measured only in the earlier run (the later run: …)") stayed on one line and pushed the
    table past a 1200-pixel page (1,142 pixels for this one): the Room split column was cut off."""
    comparison = compare(earlier_room().report(), later_room().report())
    # Structure, measured in the earlier run only, as a later run filled from paper says it: the longest reason.
    dimensions = tuple(
        dataclasses.replace(d, status_after=DimensionStatus.NOT_RUN) if d.score_after is None else d
        for d in comparison.dimensions
    )
    comparison = dataclasses.replace(comparison, dimensions=dimensions)
    # The page runs no script of its own; this copy measures the table and writes the answer into the DOM.
    measure = (
        "<script>const t = document.querySelector('table.dimensions');"
        "document.body.dataset.fits = String(t.getBoundingClientRect().right <= document.documentElement.clientWidth"
        " && t.scrollWidth <= t.clientWidth);</script></body>"
    )
    page = tmp_path / "progress.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", render_comparison_html(comparison))
    page.write_text(html.replace("</body>", measure), encoding="utf-8")  # its policy forbids scripts: lifted here
    dumped = run_chromium(chromium, tmp_path / "profile", "--window-size=1000,2000", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    assert 'data-fits="true"' in dumped.stdout

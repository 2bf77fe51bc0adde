"""The HTML comparison opened in headless Chromium: its sections and before/after charts render, nothing runs."""

from __future__ import annotations

from pathlib import Path

from comparison_rooms import earlier_room, later_room
from test_html_browser import Dom, png_size, run_chromium

from bootcamp.export.comparison_html import render_comparison_html
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

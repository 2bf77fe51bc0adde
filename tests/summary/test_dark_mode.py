"""The HTML summary and comparison on a phone set to dark mode. Their colours carry figures (a heat map's cells, a
score's colour on a scale), and a browser that darkens a page by itself darkens each colour its own way; so the pages
draw their own dark set (tests/summary/test_dark_theme.py), say so (``color-scheme: light dark``), and a browser that
darkens pages leaves them as drawn.

Chromium's own forced dark mode stands for such a browser (Chrome's "auto dark" on Android, as mail apps do).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from comparison_rooms import earlier_room, later_room
from playwright.async_api import async_playwright
from shipped_rooms import demo_report

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.report_html import render_html
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import given

FORCED_DARK = ["--no-sandbox", "--blink-settings=forceDarkModeEnabled=true"]
SECTIONS = {"summary": "#heatmap-aptitudes-rate-aptitudes", "comparison": "#dimensions"}


def _page(name: str, data_dir: Path) -> str:
    if name == "summary":
        return render_html(demo_report(data_dir))
    earlier, later = earlier_room(), later_room()
    comparison = compare(earlier.report(as_of="2027-03-01"), later.report(as_of="2027-03-01"))
    return render_comparison_html(comparison, given(earlier.info, later.info))


async def _picture(chromium: Path, page_file: Path, section: str, args: list[str]) -> bytes:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=args)
        try:
            page = await browser.new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
            await page.goto(page_file.as_uri())
            return await page.locator(section).screenshot()
        finally:
            await browser.close()


@pytest.mark.parametrize("name", ["summary", "comparison"])
async def test_a_browser_that_darkens_pages_leaves_the_report_as_drawn(
    chromium: Path, tmp_path: Path, name: str
) -> None:
    # Darkened by the browser, the heat map's "Mixed" cells turned dark olive while "Strength" stayed pale green, and
    # a room average of 1.3 came out darker than 0.9: the colours no longer ran with the figures or the legend.
    page_file = tmp_path / "page.html"
    html = _page(name, tmp_path / "data")
    page_file.write_text(html, encoding="utf-8")
    drawn = await _picture(chromium, page_file, SECTIONS[name], ["--no-sandbox"])
    darkened = await _picture(chromium, page_file, SECTIONS[name], FORCED_DARK)
    (tmp_path / "drawn.png").write_bytes(drawn)
    (tmp_path / "darkened.png").write_bytes(darkened)
    assert darkened == drawn, f"the browser darkened the page: compare {tmp_path}/drawn.png and darkened.png"
    assert '<meta name="color-scheme" content="light dark">' in html  # what mail apps read, that run no browser

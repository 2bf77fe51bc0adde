"""The HTML summary and comparison on a phone set to dark mode. Their colours carry figures (a heat map's cells, a
score's colour on a scale), and a browser that darkens a page by itself darkens each colour its own way; so the pages
draw their own dark set (tests/summary/test_dark_theme.py), say so (``color-scheme: light dark``), and a browser that
darkens pages leaves them as drawn.

Chromium's own forced dark mode stands for such a browser (Chrome's "auto dark" on Android, as mail apps do).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from drawn_pages import PAGES, drawn_page
from playwright.async_api import async_playwright

FORCED_DARK = ["--no-sandbox", "--blink-settings=forceDarkModeEnabled=true"]
SECTIONS = {"summary": "#heatmap-aptitudes-rate-aptitudes", "comparison": "#dimensions"}


async def _picture(chromium: Path, page_file: Path, section: str, args: list[str]) -> bytes:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=args)
        try:
            page = await browser.new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
            await page.goto(page_file.as_uri())
            return await page.locator(section).screenshot()
        finally:
            await browser.close()


@pytest.mark.parametrize("name", PAGES)
async def test_a_browser_that_darkens_pages_leaves_the_report_as_drawn(
    chromium: Path, tmp_path: Path, name: str
) -> None:
    # Darkened by the browser, the heat map's "Mixed" cells turned dark olive while "Strength" stayed pale green, and
    # a room average of 1.3 came out darker than 0.9: the colours no longer ran with the figures or the legend.
    page_file = tmp_path / "page.html"
    html = drawn_page(name, tmp_path / "data")
    page_file.write_text(html, encoding="utf-8")
    drawn = await _picture(chromium, page_file, SECTIONS[name], ["--no-sandbox"])
    darkened = await _picture(chromium, page_file, SECTIONS[name], FORCED_DARK)
    (tmp_path / "drawn.png").write_bytes(drawn)
    (tmp_path / "darkened.png").write_bytes(darkened)
    assert darkened == drawn, f"the browser darkened the page: compare {tmp_path}/drawn.png and darkened.png"
    assert '<meta name="color-scheme" content="light dark">' in html  # what mail apps read, that run no browser

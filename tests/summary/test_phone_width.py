"""The HTML summary and comparison on a phone (390 CSS pixels, a board pack forwarded by email): the page is never
wider than the screen; a wide table scrolls inside its own box. The desktop page keeps its tables the page's width.

Playwright drives Debian's Chromium; it measures from outside the page, whose policy forbids scripts (kept).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from comparison_rooms import earlier_room, later_room
from playwright.async_api import async_playwright
from shipped_rooms import demo_report
from summary_rooms import golden_room, hostile_room

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.report_html import CSP, render_html
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import given

PHONE = 390
# The outermost elements that reach past the screen's right edge and are not inside a box that scrolls sideways.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
    const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll') return true; } return false; };
  const out = [];
  for (const el of document.querySelectorAll('main *')) {
    const past = (e) => e.getBoundingClientRect().right > width + 0.5;
    if (past(el) && !past(el.parentElement) && !scrolls(el)) {
      out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''} in #${el.closest('section')?.id}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, overflowing: out};
}"""


def _pages() -> dict[str, str]:
    earlier, later = earlier_room(), later_room()
    comparison = compare(earlier.report(as_of="2027-03-01"), later.report(as_of="2027-03-01"))
    return {
        "summary": render_html(golden_room().report(as_of="2026-10-15")),
        "hostile summary": render_html(hostile_room().report(as_of="2026-10-15")),
        "comparison": render_comparison_html(comparison, given(earlier.info, later.info)),
    }


@pytest.mark.parametrize("name", ["summary", "hostile summary", "comparison"])
async def test_no_page_is_wider_than_a_phone(chromium: Path, tmp_path: Path, name: str) -> None:
    # The dimensions table widened the page to some 690 pixels; the audit, role lines, actions and the role's bar
    # went past the edge too: the reader scrolled the whole page sideways to read any of it.
    html = _pages()[name]
    assert CSP in html  # measured from outside: the page's own policy stays
    page_file = tmp_path / "page.html"
    page_file.write_text(html, encoding="utf-8")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            phone = await browser.new_page(viewport={"width": PHONE, "height": 844})
            await phone.goto(page_file.as_uri())
            measured = await phone.evaluate(OVERFLOWING)
            await phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
            desktop = await browser.new_page(viewport={"width": 1200, "height": 900})
            await desktop.goto(page_file.as_uri())
            table, main = await desktop.evaluate(
                "() => [document.querySelector('table.dimensions').getBoundingClientRect().width,"
                " document.querySelector('main').clientWidth]"
            )
        finally:
            await browser.close()
    assert measured["overflowing"] == [] and measured["scrollWidth"] <= PHONE, measured
    assert table >= main - 2 * 28 - 1  # on a desktop the table still spans the page (main's padding aside)


# Each heat-map cell and header whose text is wider than it (a letter cut off, a word broken), and the narrowest cell.
SQUEEZED_HEAT_MAP = """() => {
  const lines = (el) => { const range = document.createRange(); range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; };
  const cells = [...document.querySelectorAll('table.heatmap td.cell')];
  const cut = cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent);
  const broken = [...document.querySelectorAll('table.heatmap th')]
    .filter((th) => lines(th) > th.textContent.trim().split(/\\s+/).length).map((th) => th.textContent);
  return {cut: cut.length, broken, narrowest: Math.min(...cells.map((c) => c.getBoundingClientRect().width))};
}"""


async def test_the_heat_map_on_a_phone_scrolls_in_its_box_rather_than_squeeze_its_cells(
    chromium: Path, tmp_path: Path
) -> None:
    # At 390 pixels the twenty columns of ten aptitudes (self and team) were squeezed into the screen: cells 12
    # pixels wide showed "MSMMM" run together, the averages "1.6.9.9.3" over each other, and each header a letter
    # or two a line ("Re ve nu e= Att n.", "S E L F").
    page_file = tmp_path / "page.html"
    page_file.write_text(render_html(demo_report(tmp_path / "data")), encoding="utf-8")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            phone = await browser.new_page(viewport={"width": PHONE, "height": 844})
            await phone.goto(page_file.as_uri())
            measured = await phone.evaluate(SQUEEZED_HEAT_MAP)
            scroll_width = await phone.evaluate("document.documentElement.scrollWidth")
        finally:
            await browser.close()
    assert measured["cut"] == 0 and measured["broken"] == [] and measured["narrowest"] >= 28, measured
    assert scroll_width <= PHONE  # the heat map scrolls in its own box, the page does not

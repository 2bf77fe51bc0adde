"""Tables of the HTML summary and comparison on a phone (390 CSS pixels): a table wider than the screen shows that it
goes on (a shade at the edge there is more beyond), and the role lines read down the screen rather than off it.

Playwright drives Debian's Chromium, measuring and taking pictures from outside the page (its policy forbids
scripts).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from drawn_pages import PAGES, drawn_page
from playwright.async_api import Page, async_playwright

PHONE = 390
EDGE = 10  # pixels at each side of a box where a shade would show


async def _edges(page: Page, box_index: int) -> tuple[bytes, bytes]:
    """Pictures of the left and right edge of the box (the full height of what it shows)."""
    box = (await page.query_selector_all(".scroll"))[box_index]
    await box.scroll_into_view_if_needed()
    rect = await box.bounding_box()
    assert rect is not None
    left = await page.screenshot(clip={"x": rect["x"], "y": rect["y"], "width": EDGE, "height": rect["height"]})
    right_x = rect["x"] + rect["width"] - EDGE
    right = await page.screenshot(clip={"x": right_x, "y": rect["y"], "width": EDGE, "height": rect["height"]})
    return left, right


async def _plain_edges(page: Page, box_index: int) -> tuple[bytes, bytes]:
    """The same pictures with the box's own background (where a shade would be) taken away."""
    await page.evaluate("(n) => { document.querySelectorAll('.scroll')[n].style.background = 'none'; }", box_index)
    try:
        return await _edges(page, box_index)
    finally:
        await page.evaluate("(n) => { document.querySelectorAll('.scroll')[n].style.background = ''; }", box_index)


@pytest.mark.parametrize("name", PAGES)
async def test_a_table_wider_than_the_phone_is_shaded_where_it_goes_on(
    chromium: Path, tmp_path: Path, name: str
) -> None:
    # The comparison's dimensions (and the summary's actions) were cut at the screen's edge between two columns:
    # nothing said there was more to the right, and a reader took the table for whole.
    page_file = tmp_path / "page.html"
    page_file.write_text(drawn_page(name, tmp_path / "data"), encoding="utf-8")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            page = await browser.new_page(viewport={"width": PHONE, "height": 844})
            await page.goto(page_file.as_uri())
            widths = await page.evaluate(
                "() => [...document.querySelectorAll('.scroll')].map((b) => [b.scrollWidth, b.clientWidth])"
            )
            wider = [n for n, (scroll, client) in enumerate(widths) if scroll > client + 1]
            assert wider, widths  # the rooms have tables wider than a phone
            for n in wider:
                left, right = await _edges(page, n)
                plain_left, plain_right = await _plain_edges(page, n)
                shaded_right, shaded_left = right != plain_right, left != plain_left  # (pictures compared)
                assert shaded_right, f"box {n}: no shade at the right edge, where the table goes on"
                assert not shaded_left, f"box {n}: a shade at the left edge, with nothing to the left"
                await page.evaluate("(n) => { const b = document.querySelectorAll('.scroll')[n];"
                                    " b.scrollLeft = b.scrollWidth; }", n)
                left, right = await _edges(page, n)
                plain_left, plain_right = await _plain_edges(page, n)
                shaded_right, shaded_left = right != plain_right, left != plain_left
                assert shaded_left, f"box {n}: scrolled to its end, no shade where the table came from"
                assert not shaded_right, f"box {n}: scrolled to its end, a shade at the right still"
            desktop = await browser.new_page(viewport={"width": 1200, "height": 900})
            await desktop.goto(page_file.as_uri())
            for n in range(len(widths)):  # all fit a desktop's page: none is shaded
                assert await _edges(desktop, n) == await _plain_edges(desktop, n), f"box {n} shaded on a desktop"
        finally:
            await browser.close()


# How the role lines' table sits in its box: how far it reaches past it, how many cells are out of sight, the width of
# the narrowest line or reason, and each cell of the first row as read (its label before it, where it has one).
ROLE_LINES = """() => {
  const table = document.querySelector('table.lines'); const box = table.parentElement.getBoundingClientRect();
  const cells = [...table.querySelectorAll('tbody td')];
  const label = (c) => getComputedStyle(c, '::before').content;
  const said = (c) => (label(c) === 'none' ? '' : label(c).replace(/^"|"$/g, '')) + c.innerText;
  return {overflow: table.parentElement.scrollWidth - table.parentElement.clientWidth,
          hidden: cells.filter((c) => c.getBoundingClientRect().right > box.right + 1).length,
          narrowest: Math.min(...[...table.querySelectorAll('tbody td.typed, tbody td.reason')]
            .map((c) => c.getBoundingClientRect().width)),
          labels: [...table.querySelectorAll('tbody tr:first-child td')].map(said)};
}"""


async def test_the_role_lines_read_down_a_phone(chromium: Path, tmp_path: Path) -> None:
    # The lines' table scrolled sideways and its rows were some 150 pixels tall for a line of a few words: the
    # column of reasons, out of sight to the right, wrapped a few words a line.
    page_file = tmp_path / "page.html"
    page_file.write_text(drawn_page("summary", tmp_path / "data"), encoding="utf-8")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            page = await browser.new_page(viewport={"width": PHONE, "height": 844})
            await page.goto(page_file.as_uri())
            measured = await page.evaluate(ROLE_LINES)
            await page.locator("#role").screenshot(path=str(tmp_path / "role.png"))
        finally:
            await browser.close()
    assert measured["overflow"] <= 1 and measured["hidden"] == 0, measured
    assert measured["narrowest"] >= PHONE * 0.6, measured  # a line and its reason at about the screen's width
    # Stacked, a line's decision and suggestion still say which is which.
    assert any(label.startswith("Room decided") for label in measured["labels"]), measured
    assert any(label.startswith("Suggested") for label in measured["labels"]), measured

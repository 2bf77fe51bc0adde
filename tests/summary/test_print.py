"""The HTML summary and comparison as a board pack prints them: on the reader's paper, every page saying whose it is,
and no heading left at the foot of a page with its content on the next."""

from __future__ import annotations

import re

import pytest
from comparison_rooms import earlier_room, later_room
from summary_rooms import golden_room, hostile_room

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.report_html import render_html
from bootcamp.export.report_style import STYLE
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import given


def _page_rules(html: str) -> list[str]:
    """The body of every ``@page`` rule in the page's style sheets, nested margin boxes included."""
    rules = []
    for start in (m.end() for m in re.finditer(r"@page[^{]*\{", html)):
        depth, end = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(html[end], 0)
            end += 1
        rules.append(html[start : end - 1])
    return rules


def _print_rules() -> str:
    return STYLE[STYLE.index("@media print") :]


def _css_text(css_string: str) -> str:
    """A CSS string as it reads: its escapes (``\\2d `` …) turned back into characters."""
    return re.sub(r"\\([0-9a-f]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), css_string)


def _comparison_html() -> str:
    earlier, later = earlier_room(), later_room()
    comparison = compare(earlier.report(as_of="2027-03-01"), later.report(as_of="2027-03-01"))
    return render_comparison_html(comparison, given(earlier.info, later.info))


@pytest.mark.parametrize("page", ["summary", "comparison"])
def test_the_paper_size_is_the_readers_not_a4(page: str) -> None:
    html = render_html(golden_room().report(as_of="2026-10-15")) if page == "summary" else _comparison_html()
    # `size: A4` made Chromium print A4 whatever paper was chosen: a US Letter board pack came out A4, cut or shrunk.
    rules = _page_rules(html)
    assert rules
    assert not any(re.search(r"(^|[;{\s])size\s*:", rule) for rule in rules)


def test_every_printed_page_of_the_summary_names_the_organisation_workshop_and_date() -> None:
    room = golden_room()
    html = render_html(room.report(as_of="2026-10-15"))
    margin_boxes = " ".join(_css_text(rule) for rule in _page_rules(html))
    assert "Acme" in margin_boxes and "Spring boot camp" in margin_boxes and "2026-09-21" in margin_boxes
    assert "counter(page)" in margin_boxes and "counter(pages)" in margin_boxes


def test_every_printed_page_of_the_comparison_names_the_organisation_and_both_runs() -> None:
    margin_boxes = " ".join(_css_text(rule) for rule in _page_rules(_comparison_html()))
    assert "Acme" in margin_boxes and "2026-09-21" in margin_boxes and "2027-03-01" in margin_boxes
    assert "counter(page)" in margin_boxes


def test_hostile_names_stay_text_in_the_running_header() -> None:
    html = render_html(hostile_room().report(as_of="2026-10-15"))
    style = html[html.index("<style>") : html.index("</style>")]
    assert "<script" not in style and "</" not in style.removeprefix("<style>")
    for rule in _page_rules(html):
        for string in re.findall(r'"(?:[^"\\]|\\.)*"', rule):  # every CSS string: letters, digits, spaces, escapes
            assert re.fullmatch(r'"(?:[A-Za-z0-9 ]|\\[0-9a-f]{1,6} )*"', string), string


def test_a_long_weakest_first_card_may_break_so_its_heading_is_not_left_alone() -> None:
    # A card for a dimension a room of 40 commented on is longer than a page: kept whole, it moved to the next page
    # and left "Weakest first" alone on a page of its own.
    rules = _print_rules()
    avoided = [s.strip() for group in re.findall(r"([^{}]*)\{\s*break-inside:\s*avoid", rules) for s in group.split(",")]
    assert ".card" not in avoided  # the card itself (its heading and each question are kept whole)
    assert re.search(r"\.card h3[^{]*\{[^}]*break-after:\s*avoid", rules)
    assert re.search(r"\.question \.q[^{]*\{[^}]*break-after:\s*avoid", rules)  # a question stays with its tally


def test_the_dimensions_table_is_not_cut_across_pages() -> None:
    # The ten-row table left its last row alone at the top of page 2.
    assert re.search(r"table\.dimensions[^{]*\{[^}]*break-inside:\s*avoid", _print_rules())

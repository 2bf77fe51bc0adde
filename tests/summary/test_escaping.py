"""Hostile text typed in the room stays text in every format: Markdown, HTML, JSON, CSV and the printables.

The room (``hostile_room``) puts each hostile string in a participant's name and role, a
comment, a role line, an action (what, owner, due, source), a Poker note and a room note,
and the workshop's name and organisation.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from summary_rooms import HOSTILE, fixture_program, hostile_room

from bootcamp.export.printables import render_sheets
from bootcamp.export.report_csv import COLUMNS, neutralise, render_csv
from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import md, render_markdown
from bootcamp.export.safe_text import balanced_bidi, one_line, plain

# What a terminal or a text editor could obey: C0 controls but tab and line breaks, DEL, C1 controls.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


class Elements(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def report():
    return hostile_room().report(as_of="2026-10-15")


def assert_no_live_markup(page: Elements) -> None:
    for tag in ("script", "img", "a", "iframe", "object", "embed", "link", "form"):
        assert page.named(tag) == [], f"<{tag}> in the output: {page.named(tag)}"
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert handlers == []


def assert_printable(text: str) -> None:
    assert not TERMINAL_CONTROLS.search(text), repr(TERMINAL_CONTROLS.search(text).group())


def assert_bidi_balanced(text: str) -> None:
    for line in text.splitlines():
        assert balanced_bidi(line) == line, repr(line)


def test_plain_makes_controls_visible_and_balances_bidi() -> None:
    assert plain("a\x1b[31mb\x00c\x7f\x9b") == "a\u241b[31mb\u2400c\u2421\ufffd"
    assert plain("x\r\ny\rz") == "x\ny\nz"
    assert plain("\u202eevil") == "\u202eevil\u202c"  # the override ends where the text ends
    assert plain("\u2069\u202c stray closers") == " stray closers"
    assert plain("\u2067\u202b inner\u2069 after") == "\u2067\u202b inner\u2069 after"
    assert plain("שלום") == "שלום"  # right-to-left letters are text, kept as typed


def test_markdown_escaping_keeps_each_string_literal_even_where_html_is_allowed(report) -> None:
    # A permissive viewer (raw HTML on, tables on), as on a code-hosting site.
    viewer = MarkdownIt("commonmark", {"html": True}).enable("table")
    for text in HOSTILE:
        rendered = Elements(viewer.render(f"- {md(text)}"))
        assert_no_live_markup(rendered)
        assert rendered.all_text == " ".join(one_line(text).split()), text


def test_markdown_summary(report) -> None:
    markdown = render_markdown(report)
    assert_printable(markdown)
    assert_bidi_balanced(markdown)
    page = Elements(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    assert_no_live_markup(page)
    for literal in (
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        '=HYPERLINK("http://x")',
        "[bold red]not bold[/]",
    ):
        assert literal in page.all_text
    assert "\u241b[31mred" in page.all_text  # the escape sequence shown, not obeyed


def test_html_summary(report) -> None:
    html = render_html(report)
    assert_printable(html)
    page = Elements(html)
    assert_no_live_markup(page)
    for literal in (
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "&lt;b&gt;entity",
    ):
        assert literal in page.all_text
    # right-to-left and overriding text is isolated in its own <bdi>
    assert len(page.named("bdi")) > len(HOSTILE)
    assert "default-src 'none'" in page.named("meta")[1]["content"]


def test_json_summary_keeps_the_exact_text_and_prints_safely(report) -> None:
    text = render_json(report)
    assert_printable(text)
    assert not BIDI.search(text)
    assert "\u2028" not in text
    data = json.loads(text)
    assert [p["name"] for p in data["participants"]] == list(HOSTILE)
    assert [line["text"] for line in data["role"]["lines"]] == list(HOSTILE)
    assert [a["what"] for a in data["actions"]] == list(HOSTILE)
    comments = data["dimensions"][0]["questions"][0]["comments"]
    assert sorted(c["text"] for c in comments) == sorted(HOSTILE)
    assert data["workshop"] == f"{HOSTILE[0]} {HOSTILE[1]}"


def test_csv_summary_neutralises_formulas(report) -> None:
    text = render_csv(report)
    assert_printable(text.replace("\r\n", "\n"))
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    cells = [cell for row in rows[1:] for cell in row]
    dangerous = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'+1-2" in cells and "'@SUM(A1)" in cells and "'-2+3" in cells and "'\ttab first" in cells
    assert "<script>alert(1)</script>" in cells  # HTML is not special in a CSV cell
    assert all(len(row) == len(COLUMNS) for row in rows)


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\n=1"),  # a carriage return is a line break, and still guarded
        ("\uff1d1+1", "'\uff1d1+1"),
        ("1+1", "1+1"),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(typed: str, cell: str) -> None:
    assert neutralise(typed) == cell


def test_answer_sheets_escape_names() -> None:
    room = hostile_room()
    html = render_sheets(fixture_program(), room.info)
    assert_printable(html)
    page = Elements(html)
    assert_no_live_markup(page)
    assert "<script>alert(1)</script>" in page.all_text


# Words and the things md() changes, as tokens: random characters alone rarely make "a  b" or "1. a".
_TOKENS = ["we", "said", "it", " ", "  ", "\t", "\n", "\r", "#", "1.", "2)", "٣.", "-", ">", "*", "_", "&", "&amp;",
           "[x]", "|", "\x00", "\x1b", "\x85", "\xa0", "\u2028", "\u202e", "\u2066", "\u2069", "é", "😀"]


@settings(max_examples=800, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_TOKENS), max_size=8).map("".join), st.text(max_size=24)))
def test_markdown_passes_plain_text_through_only_where_escaping_would_change_nothing(text: str) -> None:
    """md() hands most comments back as they are (the summary of 200 people has thousands): never one it would change."""
    from bootcamp.export.report_markdown import _escaped, md

    assert md(text) == _escaped(text)


@settings(max_examples=800, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_TOKENS), max_size=8).map("".join), st.text(max_size=24)))
def test_plain_and_one_line_pass_text_through_only_where_their_passes_would_change_nothing(text: str) -> None:
    """plain() and one_line() hand most texts back after one search (a report of 200 people shows tens of thousands):
    never one their full passes would change."""
    from bootcamp.export.safe_text import _made_one_line, _made_plain, one_line, plain

    assert plain(text) == _made_plain(text)
    assert one_line(text) == _made_one_line(text)

"""Hostile text typed in the room stays text in every comparison format, escaped as the summary escapes it.

Both runs are the hostile room (``hostile_room``): each hostile string is a participant's name and
role, a comment, a role line and an action (what, owner, due). The workshops' names are hostile, and
so are the two organisations, which differ: the note that says so names both.
"""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt
from summary_rooms import HOSTILE, hostile_room
from test_escaping import BIDI, Elements, assert_bidi_balanced, assert_no_live_markup, assert_printable

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.comparison_json import render_comparison_json
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.summary.comparison import compare

LITERALS = ("<script>alert(1)</script>", "[x](javascript:alert(1))", '=HYPERLINK("http://x")', "[bold red]not bold[/]")


@pytest.fixture(scope="module")
def comparison():
    later = hostile_room()
    later.workshop_id, later.date, later.organisation = "w2", "2027-01-01", HOSTILE[3]
    return compare(hostile_room().report(), later.report())


def test_the_organisations_differ_and_are_named(comparison) -> None:
    assert comparison.organisation_differs
    assert (comparison.before.organisation, comparison.after.organisation) == (HOSTILE[2], HOSTILE[3])


def test_markdown(comparison) -> None:
    markdown = render_comparison_markdown(comparison)
    assert_printable(markdown)
    assert_bidi_balanced(markdown)
    page = Elements(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    assert_no_live_markup(page)
    for literal in LITERALS:
        assert literal in page.all_text
    assert "\u241b[31mred" in page.all_text  # the escape sequence shown, not obeyed
    assert "different organisations" in page.all_text


def test_html(comparison) -> None:
    html = render_comparison_html(comparison)
    assert_printable(html)
    page = Elements(html)
    assert_no_live_markup(page)
    for literal in (*LITERALS, "<img src=x onerror=alert(1)>", "&lt;b&gt;entity"):
        assert literal in page.all_text
    assert len(page.named("bdi")) > len(HOSTILE)  # every action's what, owner and due isolated
    assert "default-src 'none'" in page.named("meta")[1]["content"]


def test_json_keeps_the_exact_text_and_prints_safely(comparison) -> None:
    text = render_comparison_json(comparison)
    assert_printable(text)
    assert not BIDI.search(text) and "\u2028" not in text
    data = json.loads(text)
    assert [a["what"] for a in data["actions"]] == list(HOSTILE)
    assert [a["owner"] for a in data["actions"]] == [HOSTILE[-n] for n in range(1, len(HOSTILE) + 1)]
    assert data["before"]["workshop"] == f"{HOSTILE[0]} {HOSTILE[1]}"
    assert (data["before"]["organisation"], data["after"]["organisation"]) == (HOSTILE[2], HOSTILE[3])

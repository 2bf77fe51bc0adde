"""Which run a comparison is made with, and why, is said in every format; the run's name and the organisation
are typed text, escaped as the rest of the comparison is (see test_comparison_escaping)."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt
from summary_rooms import hostile_room
from test_escaping import Elements, assert_bidi_balanced, assert_no_live_markup, assert_printable

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.comparison_json import render_comparison_json
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.store.model import WorkshopInfo
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import EarlierChoice, Rule

NAME = "<script>alert(1)</script> [x](javascript:alert(1)) [bold red]not bold[/] \x1b[31mred"
ORGANISATION = "<b>Acme</b> \u202eevil"


@pytest.fixture(scope="module")
def comparison():
    later = hostile_room()
    later.workshop_id, later.date = "w2", "2027-01-01"
    return compare(hostile_room().report(), later.report())


@pytest.fixture(scope="module")
def chosen() -> EarlierChoice:
    run = WorkshopInfo("w1", NAME, ORGANISATION, "2026-01-01", "full", False, (), "hash", "2026-01-01T08:00:00+00:00")
    return EarlierChoice(run, Rule.ORGANISATION, ORGANISATION, missing="gone42")


def test_markdown_says_which_run_and_why_as_text(comparison, chosen) -> None:
    markdown = render_comparison_markdown(comparison, chosen)
    assert_printable(markdown)
    assert_bidi_balanced(markdown)
    page = Elements(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    assert_no_live_markup(page)
    text = " ".join(page.all_text.split())
    assert "This run follows workshop gone42, which is not in this library" in text
    assert "<script>alert(1)</script> [x](javascript:alert(1)) [bold red]not bold[/] \u241b[31mred" in text
    assert "(2026-01-01, workshop w1): the latest earlier run of <b>Acme</b>" in text


def test_html_says_which_run_and_why_as_text(comparison, chosen) -> None:
    html = render_comparison_html(comparison, chosen)
    assert_printable(html)
    page = Elements(html)
    assert_no_live_markup(page)
    text = " ".join(page.all_text.split())
    assert "<script>alert(1)</script> [x](javascript:alert(1))" in text and "workshop gone42" in text


def test_json_says_which_run_and_why(comparison, chosen) -> None:
    text = render_comparison_json(comparison, chosen)
    assert_printable(text)
    said = json.loads(text)["compared_with"]
    assert (said["workshop_id"], said["rule"], said["follows_missing"]) == ("w1", "organisation", "gone42")
    assert said["why"] == f"the latest earlier run of {ORGANISATION}"
    assert said["notes"] == list(chosen.notes())
    assert json.loads(render_comparison_json(comparison))["compared_with"] is None  # not said: null

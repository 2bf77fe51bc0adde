"""One report, four formats: each shows the same figures; JSON is documented and versioned, CSV is documented."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from summary_rooms import golden_room

from bootcamp.export import report_csv, report_json
from bootcamp.export.report_csv import COLUMNS, render_csv
from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import FORMAT, render_json, report_to_data
from bootcamp.export.report_markdown import render_markdown


@pytest.fixture(scope="module")
def report():
    return golden_room().report(as_of="2026-10-15")


def keys(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            keys(inner, found)
    elif isinstance(value, list):
        for inner in value:
            keys(inner, found)
    return found


def test_json_is_versioned_and_every_field_is_documented(report) -> None:
    data = json.loads(render_json(report))
    assert data["format"] == FORMAT and data["version"] == 1
    spans = re.findall(r"``(.+?)``", report_json.__doc__ or "", re.DOTALL)
    documented = {word for span in spans for word in re.findall(r"\w+", span)}
    missing = sorted(keys(data, set()) - documented)
    assert missing == [], f"fields missing from report_json's docstring: {missing}"


def test_json_carries_the_report_figures(report) -> None:
    data = report_to_data(report)
    assert data["overall"]["score"] == 34 and data["overall"]["level"]["id"] == "lip-service"
    assert data["weakest_first"] == ["structure", "mandate"]
    mandate = data["dimensions"][0]
    assert (mandate["score"], mandate["unclear"], mandate["low_end"], mandate["high_end"]) == (50, True, 2, 2)
    assert data["dimensions"][1]["dont_know_share"] == 0.25
    assert data["role"]["tactical_share"] == pytest.approx(0.6667)
    assert data["heat_maps"][0]["gaps"][0]["flagged"] is True
    assert [a["overdue"] for a in data["actions"]] == [True, False, False]
    assert data["thresholds"]["dont_know_finding"] == 0.3
    assert data["as_of"] == "2026-10-15"


def test_csv_rows_are_documented_and_complete(report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    documented = set(re.findall(r"^([a-z-]+) {2,}", report_csv.__doc__ or "", re.MULTILINE)) - {"section"}
    assert {row["section"] for row in rows} <= documented
    by_section: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_section.setdefault(row["section"], []).append(row)
    assert [(r["id"], r["score"], r["rank"], r["flags"]) for r in by_section["dimension"]] == [
        ("mandate", "50", "2", "unclear"),
        ("structure", "17", "1", ""),
    ]
    assert by_section["overall"][0]["score"] == "34"
    heat_map = report.heat_maps[0]
    assert len(by_section["heatmap-cell"]) == sum(cell is not None for row in heat_map.rows for cell in row.cells)
    assert len(by_section["heatmap-average"]) == len(heat_map.columns)
    assert [r["value"] for r in by_section["self-team-gap"]] == ["1.4", "-0.5"]  # on the scale, as shown; numbers, not text: no guard
    assert len(by_section["role-line"]) == 4 and by_section["role-share"][0]["value"] == "0.667"
    assert [r["flags"] for r in by_section["action"]] == ["overdue", "", ""]
    assert [r["id"] for r in by_section["structure-gap"]] == ["reports-to-ceo"]
    assert {r["flags"] for r in by_section["participant"]} == {"", "removed"}


def test_csv_only_uses_its_columns(report) -> None:
    for row in report_csv._rows(report):
        assert set(row) <= set(COLUMNS), row


def test_every_format_shows_the_same_headline(report) -> None:
    """The overall score, the weakest dimension and the split dimension, in each format."""
    markdown = render_markdown(report)
    assert "**34/100 — Lip service**" in markdown
    assert "### 1. Structure — 17/100" in markdown
    html = render_html(report)
    assert ">34<small>/100</small>" in html and "unclear" in html
    assert '<span class="rank">1</span> Structure' in html
    assert json.loads(render_json(report))["overall"]["score"] == 34
    assert "overall,,,,,,,34,Lip service" in render_csv(report)


def test_html_is_self_contained_and_printable(report) -> None:
    html = render_html(report)
    assert "<style>" in html and "@media print" in html and "break-before: page" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html
    assert "<script" not in html


def test_a_count_of_one_is_written_in_the_singular_in_every_format() -> None:
    """An anonymous room of one, with one answer: "P1 — 1 answer", never "1 answers"."""
    from summary_rooms import Room_, mandate, participants

    report = Room_(participants(1), answers=mandate("yes")).report(as_of="2026-10-15")
    markdown, html = render_markdown(report), render_html(report)
    for text in (markdown, re.sub(r"<[^>]+>", "", html)):
        assert re.search(r"P1 — 1 answer(?!s)", text), text
        assert "1 participant (anonymous)" in text
        assert "from 1 scored answer;" in text and "of 1 answer given" in text
        assert not re.search(r"\b1 (answers|participants|scored answers|dimensions)\b", text)

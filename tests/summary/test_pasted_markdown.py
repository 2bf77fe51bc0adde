"""The Markdown summary pasted where people read it (Confluence, Teams, Notion, GitHub; Slack shows the text as
typed): its tables stay a readable width and keep every figure they carry.

Read back with markdown-it-py, tables on, as a code-hosting site renders them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from shipped_rooms import demo_report
from summary_rooms import golden_room

from bootcamp.export.report_markdown import render_markdown
from bootcamp.summary.model import CommitmentReport

VIEWER = MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> CommitmentReport:
    return demo_report(Path(tmp_path_factory.mktemp("demo")) / "data")


def tables_after(markdown: str, heading: str) -> list[list[list[str]]]:
    """Each table (rows of cell texts, the header first) between ``heading`` and the next heading of its level."""
    tokens = VIEWER.parse(markdown)
    tables: list[list[list[str]]] = []
    inside, level = False, ""
    row: list[str] = []
    for n, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[n + 1].content
            if title == heading:
                inside, level = True, token.tag
                continue
            if inside and token.tag <= level:
                break
        if not inside:
            continue
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and tokens[n - 1].type in ("th_open", "td_open"):
            row.append(_text(token))
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def _text(inline: Token) -> str:
    return "".join(child.content for child in inline.children or () if child.type in ("text", "code_inline"))


def participant_table(markdown: str) -> tuple[list[list[str]], list[str]]:
    """The "Each participant" table and the lines of the section around it."""
    tables = tables_after(markdown, "Each participant")
    assert len(tables) == 1
    section = markdown.split("### Each participant", 1)[1].split("\n## ", 1)[0]
    return tables[0], section.strip().splitlines()


def test_the_participant_heat_map_is_a_table_as_wide_as_the_items_not_twice(demo: CommitmentReport) -> None:
    # Ten aptitudes rated for self and team made a table of 21 columns, a word in each cell ("Strength",
    # "Don't know"), its header line 447 characters: pasted into a wiki or a chat it ran far off the page.
    table, lines = participant_table(render_markdown(demo))
    heat_map = demo.heat_maps[0]
    items = len({c.item for c in heat_map.columns})
    assert {len(row) for row in table} == {1 + items}
    assert max(len(line) for line in lines) <= 160, max(lines, key=len)


@pytest.mark.parametrize("room", ["demo", "golden"])
def test_the_participant_heat_map_keeps_every_rating(demo: CommitmentReport, room: str) -> None:
    report = demo if room == "demo" else golden_room().report(as_of="2026-10-15")
    table, lines = participant_table(render_markdown(report))
    heat_map = report.heat_maps[0]
    # The legend above the table says which mark is which option and the order of perspectives in a cell.
    legend = next(line for line in lines if "=" in line)
    marks = {}
    for point in heat_map.legend:
        mark = "?" if point.normalised is None else point.key.upper()
        assert f"{mark} = {point.label}" in legend
        marks[mark] = point.label
    perspectives = list(dict.fromkeys(c.perspective for c in heat_map.columns))
    assert " / ".join(perspectives) in legend
    items = list(dict.fromkeys(c.item for c in heat_map.columns))
    header, *rows = table
    assert header[1:] == list(dict.fromkeys(c.short for c in heat_map.columns))
    assert len(rows) == len(heat_map.rows)
    for row, expected in zip(rows, heat_map.rows, strict=True):
        assert row[0].startswith(expected.participant)
        said = {}
        for item, cell in zip(items, row[1:], strict=True):
            parts = cell.split(" / ") if cell else ["–"] * len(perspectives)
            for perspective, part in zip(perspectives, parts, strict=True):
                said[(item, perspective)] = None if part == "–" else marks[part]
        given = {(c.item, c.perspective): cell and cell.label for c, cell in zip(heat_map.columns, expected.cells)}
        assert said == given, expected.participant


def test_a_long_role_line_stays_in_its_row(demo: CommitmentReport) -> None:
    # The role lines' reasons run to some 470 characters: a table cell holds them, and nothing they contain
    # (a "|" in a typed line) splits the row.
    markdown = render_markdown(demo)
    (table,) = tables_after(markdown, "Role definition")
    assert {len(row) for row in table} == {5}
    assert len(table) == 1 + len(demo.role.lines)

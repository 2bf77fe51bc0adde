"""Every run of a line, for the trend: a consultancy's client ran the test twelve times in three years, and the
Progress page and ``bootcamp compare`` showed only the last two of them."""

from __future__ import annotations

import re

from comparison_rooms import structure_room
from summary_rooms import Room_, participants

from bootcamp.summary.comparison import compare


def test_the_runs_before_the_earlier_one_are_scored_with_the_two_compared_oldest_first() -> None:
    first = structure_room("w1", "2024-01-10", "no").report()  # 0
    second = structure_room("w2", "2024-07-10", "partly", "no").report()  # 25
    third = Room_(participants(2), [], workshop_id="w3", date="2025-01-10").report()  # nothing answered
    earlier = structure_room("w4", "2025-07-10", "partly").report()  # 50
    later = structure_room("w5", "2026-01-10", "yes").report()  # 100

    runs = compare(earlier, later, [first, second, third]).runs

    assert [(run.workshop_id, run.date, run.score) for run in runs] == [
        ("w1", "2024-01-10", 0),
        ("w2", "2024-07-10", 25),
        ("w3", "2025-01-10", None),
        ("w4", "2025-07-10", 50),
        ("w5", "2026-01-10", 100),
    ]
    assert runs[-1].workshop == later.workshop and runs[-1].measured == later.overall.measured
    assert runs[2].measured == 0 and runs[2].level == ""


def test_two_runs_compared_alone_are_the_whole_line_it_knows() -> None:
    earlier = structure_room("w1", "2024-01-10", "no").report()
    later = structure_room("w2", "2026-01-10", "yes").report()
    assert [run.workshop_id for run in compare(earlier, later).runs] == ["w1", "w2"]


def test_the_markdown_lists_every_run_with_its_score_and_only_the_two_compared_in_bold() -> None:
    from bootcamp.export.comparison_markdown import render_comparison_markdown

    older = [structure_room("w1", "2024-01-10", "no").report(), structure_room("w2", "2024-07-10", "partly", "no").report()]
    earlier = structure_room("w3", "2025-07-10", "partly").report()
    later = structure_room("w4", "2026-01-10", "yes").report()

    text = render_comparison_markdown(compare(earlier, later, older))

    table = text.split("## Every run\n", 1)[1].split("\n## ", 1)[0]
    rows = [row for row in table.splitlines() if row.startswith("| ") and "---" not in row][1:]
    assert [row.split(" | ")[0] for row in rows] == ["| 2024-01-10", "| 2024-07-10", "| **2025-07-10**", "| **2026-01-10**"]
    assert [row.split(" | ")[2] for row in rows] == ["0", "25", "50", "100"]
    assert "## Every run" not in render_comparison_markdown(compare(earlier, later))  # two runs: the headline says it


def test_the_printable_page_lists_every_run_as_the_markdown_does() -> None:
    """The HTML progress page (what `e` on the summary writes beside the Markdown, and `compare --format html`),
    printed for the board, showed the last two runs alone, where the Markdown had every run's score."""
    from bootcamp.export.comparison_html import render_comparison_html

    older = [structure_room("w1", "2024-01-10", "no").report(), structure_room("w2", "2024-07-10", "partly", "no").report()]
    third = Room_(participants(2), [], workshop_id="w3", date="2025-01-10").report()  # nothing answered
    earlier = structure_room("w4", "2025-07-10", "partly").report()
    later = structure_room("w5", "2026-01-10", "yes").report()

    page = render_comparison_html(compare(earlier, later, [*older, third]))

    section = page.split('<section id="every-run">', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr class=\"run( compared)?\">.*?</tr>", section)
    assert len(rows) == 5, section
    dates = re.findall(r'<th scope="row">(?:<strong>)?([0-9-]+)', section)
    assert dates == ["2024-01-10", "2024-07-10", "2025-01-10", "2025-07-10", "2026-01-10"]
    scores = re.findall(r'<td class="num score">([^<]*)</td>', section)
    assert scores == ["0", "25", "–", "50", "100"]
    assert "nothing measured" in section
    assert '<section id="every-run">' not in render_comparison_html(compare(earlier, later))

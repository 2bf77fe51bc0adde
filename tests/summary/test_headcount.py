"""How many people a summary says answered: those present at the end of the day, and those who left during it, whose
answers still count. The cover said "3 participants" while each question counted 4 answers."""

from __future__ import annotations

import csv
import io
import json

from comparison_rooms import later_room
from summary_rooms import Room_, golden_room, mandate, participants

from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.comparison_json import render_comparison_json
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.export.report_csv import render_csv
from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import render_markdown
from bootcamp.export.report_text import people_said
from bootcamp.summary.comparison import compare

SAID = "4 participants (1 left during the day)"


def _left_room() -> Room_:
    """Four answered the mandate question; the fourth left. A fifth was added by mistake and removed unanswered."""
    people = participants(5, removed=(4, 5), names=("Ana", "Ben", "Chloe", "Dev", "Typo"))
    return Room_(people, mandate("yes", "yes", "no", "yes"))


def test_the_count_takes_in_who_left_after_answering_and_not_a_seat_that_never_answered() -> None:
    report = _left_room().report()
    assert report.dimensions[0].questions[0].answered == 4
    assert (report.participants_counted, report.participants_left) == (4, 1)
    assert people_said(report) == SAID
    assert people_said(later_room().report()) == "4 participants"  # nobody left: said as before


def test_every_format_gives_the_count_the_answers_come_from() -> None:
    report = _left_room().report()
    assert f"· {SAID}\n" in render_markdown(report)
    assert f"· {SAID}</p>" in render_html(report)
    data = json.loads(render_json(report))
    assert (data["participants_counted"], data["participants_left"]) == (4, 1)
    rows = [row for row in csv.DictReader(io.StringIO(render_csv(report))) if row["section"] == "headcount"]
    assert [(row["value"], row["text"]) for row in rows] == [("4", SAID)]


def test_an_anonymous_room_says_both() -> None:
    room = Room_(participants(3, removed=(3,)), mandate("yes", "yes", "no"))
    assert people_said(room.report()) == "3 participants (anonymous; 1 left during the day)"


def test_the_comparison_counts_who_left_as_the_summary_does() -> None:
    earlier, later = golden_room().report(), later_room().report()  # Dev left the golden room after answering
    comparison = compare(earlier, later)
    line = "**Spring boot camp**, 2026-09-21, full day, 4 participants (1 left during the day)"
    assert line in render_comparison_markdown(comparison)
    assert "2026-09-21, full day, 4 participants (1 left during the day) ·" in render_comparison_html(comparison)
    data = json.loads(render_comparison_json(comparison))
    assert (data["before"]["participants"], data["before"]["left_during_the_day"]) == (3, 1)
    assert (data["after"]["participants"], data["after"]["left_during_the_day"]) == (4, 0)

"""The same figure and the same text in every format: a spread, a comment trimmed, no empty chart."""

from __future__ import annotations

import pytest
from shipped_rooms import everyone, room
from summary_rooms import info, participants

from bootcamp.content import load_dir
from bootcamp.export.report_html import render_html
from bootcamp.export.report_markdown import render_markdown
from bootcamp.locations import default_content_dir
from bootcamp.store.model import Answer, RoomRecords, WorkshopState
from bootcamp.summary import build_report


@pytest.fixture(scope="module")
def program():
    return load_dir(default_content_dir())


# -- smaller: the same figure and the same text in every format -------------------------------------------


def test_a_comment_is_trimmed_in_every_format(program) -> None:
    report = room(program, 4, everyone("partly"), comment="   padded   ")
    assert "\u201cpadded\u201d" in render_markdown(report)
    html = render_html(report)
    assert '<q class="typed"><bdi>padded</bdi></q>' in html and '<span class="typed"><bdi>padded</bdi></span>' in html


def test_no_role_lines_draws_no_role_chart(program) -> None:
    html = render_html(room(program, 4, everyone("partly")))
    role = html.split('<section id="role">')[1].split("</section>")[0]
    assert "The room entered no lines of its role description." in role
    assert "<svg" not in role and "swatch" not in role


def test_a_spread_is_shown_with_one_decimal_in_every_format(program) -> None:
    """1, 2, 3 and 4 have a population sd of 1.118…: 1.1, as the console shows it and as README says."""
    seats = participants(4)
    step = next(s for s in program.steps("full") if s.key.endswith("competency-audit"))
    item = program.item_list("competencies").items[0].id
    values = ("absent", "scattered", "organised", "joined-up")
    answers = [Answer(p.id, step.key, item=item, perspective="team", value=v) for p, v in zip(seats, values)]
    report = build_report(program, info(seats), answers, RoomRecords(), WorkshopState())
    assert "| 1–4 | 1.1 |" in render_markdown(report)
    assert '<td class="num">1.1</td>' in render_html(report)


def test_the_competency_audit_says_what_the_room_rated_for_in_the_contents_words_in_every_format(program) -> None:
    # the audit asks the room to rate "the company" (its rated_for); the summary said "rated for the team", its
    # perspective, in every format, while the slide and the wall said the company
    seats = participants(2)
    step = next(s for s in program.steps("full") if s.key.endswith("competency-audit"))
    item = program.item_list("competencies").items[0].id
    answers = [Answer(p.id, step.key, item=item, perspective="team", value="organised") for p in seats]
    report = build_report(program, info(seats), answers, RoomRecords(), WorkshopState())
    (audit,) = report.audits
    assert audit.rated_for == "the company"
    assert ", rated for the company." in render_markdown(report)
    assert ", rated for the company." in render_html(report)
    assert "rated for the team" not in render_markdown(report) + render_html(report)

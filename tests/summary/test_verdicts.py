"""What the summary says the answers mean, on the shipped content: levels a sceptical CCO would sign, no fix
prescribed where the room says the thing is real, and no claim of agreement where nothing could be compared.

The shipped scale: Yes 100, Partly 50 ("some of it, some of the time, or only on paper"), No 0.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from shipped_rooms import everyone, room, text_of

from bootcamp.content import load_dir
from bootcamp.export.report_html import render_html
from bootcamp.export.report_json import render_json
from bootcamp.export.report_markdown import render_markdown
from bootcamp.locations import default_content_dir


@pytest.fixture(scope="module")
def program():
    return load_dir(default_content_dir())


def halves(first: str, second: str) -> Callable[[int, int], str]:
    return lambda n, q: first if n % 2 == 0 else second


# -- 1. levels that match what the answers mean ------------------------------------------------------------------


def test_a_room_answering_partly_throughout_is_not_taking_hold(program) -> None:
    """Partly is "some of it, some of the time, or only on paper": that is good intentions, not machinery in use."""
    report = room(program, 4, everyone("partly"))
    assert report.overall.score == 50
    assert report.overall.level.id == "good-intentions"
    assert {d.level.id for d in report.dimensions} == {"good-intentions"}
    assert "only on paper" in report.overall.level.text


def test_half_yes_half_partly_is_not_hard_wired(program) -> None:
    report = room(program, 4, halves("yes", "partly"))
    assert report.overall.score == 75
    assert report.overall.level.id == "taking-hold"
    assert all(d.level.id == "taking-hold" for d in report.dimensions)


def test_all_yes_is_hard_wired_and_all_no_lip_service(program) -> None:
    assert room(program, 4, everyone("yes")).overall.level.id == "hard-wired"
    assert room(program, 4, everyone("no")).overall.level.id == "lip-service"
    assert room(program, 4, halves("partly", "no")).overall.level.id == "lip-service"  # 25: half say not at all


def test_a_room_split_on_most_dimensions_names_no_overall_level_and_says_why(program) -> None:
    report = room(program, 4, halves("yes", "no"))
    overall = report.overall
    assert overall.score == 50 and overall.unclear == 10
    assert overall.level is None and overall.level_withheld
    assert overall.withheld_text == "no level: the room is split on 10 of 10 measured dimensions"
    markdown = render_markdown(report)
    assert "**50/100**" in markdown and "*No level: the room is split on 10 of 10 measured dimensions.*" in markdown
    assert "Most of the machinery" not in markdown and "> " not in markdown.split("## Dimensions")[0]
    assert "no level: the room is split on 10 of 10 measured dimensions" in text_of(render_html(report))
    data = json.loads(render_json(report))["overall"]
    assert (data["level"], data["level_withheld"], data["unclear"]) == (None, True, 10)


def test_a_room_split_on_a_few_dimensions_keeps_its_level(program) -> None:
    # people 0, 1 split yes/no on the first three questions, everyone partly elsewhere: a few splits, no majority
    report = room(program, 4, lambda n, q: ("yes" if n % 2 else "no") if q < 3 else "partly")
    assert 0 < report.overall.unclear <= report.overall.measured // 2
    assert report.overall.level is not None


def test_one_person_answering_names_no_overall_level(program) -> None:
    report = room(program, 1, lambda n, q: "yes" if q % 2 else "partly")
    overall = report.overall
    assert overall.one_voice == 10 and overall.level is None and overall.level_withheld
    assert overall.withheld_text == "no level: 10 of 10 measured dimensions rest on one answer to each question"
    mandate = report.dimensions[0]
    assert mandate.one_voice
    assert "one voice" in " ".join(render_markdown(report).split("## Dimensions")[1].split("\n")[:6])


# -- 2. what looks real is said to be real --------------------------------------------------------------------


def test_dimensions_everyone_answered_yes_are_listed_as_real_with_no_fix(program) -> None:
    report = room(program, 4, everyone("yes"))
    assert len(report.looks_real) == 10 and report.weakest_first == ()
    markdown = render_markdown(report)
    assert "Do next:" not in markdown
    assert "## Looks real" in markdown
    assert "- **Mandate** — 100/100, Hard-wired" in markdown
    # the evidence to ask for: the question's own "ask next"
    assert "When two leaders last disagreed about a customer priority" in markdown.split("## Looks real")[1]
    html = text_of(render_html(report))
    assert "Do next" not in html and "Looks real" in html
    assert json.loads(render_json(report))["looks_real"][0] == "mandate"


def test_a_question_everyone_answered_yes_in_a_weak_dimension_gets_no_fix(program) -> None:
    # question 0 (mandate-one-driver): all yes; every other question: all no
    report = room(program, 4, lambda n, q: "yes" if q == 0 else "no")
    mandate = next(d for d in report.dimensions if d.id == "mandate")
    assert mandate in report.weakest_first
    markdown = render_markdown(report)
    section = next(part for part in markdown.split("### ") if part[:1].isdigit() and "Mandate" in part[:20])
    assert "Name one accountable leader" not in section  # the first question's fix
    assert "In place: the room says this is in place" in section


# -- 3. no claim of agreement where nothing could be compared ------------------------------------------------


def test_nothing_scored_claims_no_agreement_and_nobody_knows_leads_the_overall(program) -> None:
    report = room(program, 4, everyone("dont-know"))
    markdown = render_markdown(report)
    assert "broadly agrees" not in markdown
    assert "No commitment question has a scored answer, so whether the room agrees cannot be told." in markdown
    overall = markdown.split("## Overall")[1].split("## Dimensions")[0]
    assert "yet" not in overall
    assert "all 96 answers to the commitment questions were \u201cdon\u2019t know\u201d" in overall
    assert "- **Mandate**: nobody knows: 100% answered" in overall
    html = text_of(render_html(report))
    assert "Mandate : nobody knows: 100% answered" in html and "yet" not in html.split("Dimensions")[0]


def test_one_person_claims_no_agreement(program) -> None:
    markdown = render_markdown(room(program, 1, everyone("yes")))
    assert "broadly agrees" not in markdown
    assert "No question has more than one scored answer, so whether the room agrees cannot be told." in markdown


def test_a_room_that_agrees_still_says_so(program) -> None:
    assert "broadly agrees" in render_markdown(room(program, 4, everyone("partly")))

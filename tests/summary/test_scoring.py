"""Scores, levels, don't know and disagreement, checked against figures worked out by hand.

Fixture scales: commitment yes=2 / partly=1 / no=0 (so yes=100, partly=50, no=0 once
normalised) plus "dont-know"; strength strong=2 / mixed=1 / weak=0 plus "dont-know".
Levels: Lip service from 0, Hard-wired from 70.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from summary_rooms import (
    FIXTURE,
    MANDATE,
    RATE,
    ROLE,
    Room_,
    fixture_program,
    golden_room,
    info,
    mandate,
    participants,
    rating,
    structure,
)

from bootcamp.content import load_sources, read_sources
from bootcamp.content.model import Leaning
from bootcamp.export.report_markdown import render_markdown
from bootcamp.store.model import Action, ActionStatus, Answer, RoleLine, RoomRecords, WorkshopState
from bootcamp.summary import DimensionStatus, build_report
from bootcamp.summary.scoring import is_split, level_for, to_score


def dimension(report, dimension_id):
    return next(d for d in report.dimensions if d.id == dimension_id)


def test_three_people_yes_partly_no_score_fifty() -> None:
    # (100 + 50 + 0) / 3 = 50
    report = Room_(participants(3), mandate("yes", "partly", "no")).report()
    result = dimension(report, "mandate")
    assert (result.score, result.answered, result.scored, result.dont_know) == (50, 3, 3, 0)
    assert result.level.id == "lip-service"
    assert result.status is DimensionStatus.SCORED
    assert result.questions[0].counts[0].option_id == "yes"
    assert [c.count for c in result.questions[0].counts] == [1, 1, 1, 0]


def test_two_yes_one_partly_reaches_hard_wired() -> None:
    # (100 + 100 + 50) / 3 = 83.3 → 83 ≥ 70
    result = dimension(Room_(participants(3), mandate("yes", "yes", "partly")).report(), "mandate")
    assert result.score == 83
    assert result.level.id == "hard-wired"


def test_dont_know_is_kept_out_of_the_score_and_reported_as_a_share() -> None:
    # scored: yes, partly → (100 + 50) / 2 = 75; don't know 2 of 4 = 50 % ≥ 30 %: nobody knows
    result = dimension(Room_(participants(4), mandate("yes", "dont-know", "partly", "dont-know")).report(), "mandate")
    assert (result.score, result.answered, result.scored, result.dont_know) == (75, 4, 2, 2)
    assert result.dont_know_share == pytest.approx(0.5)
    assert result.nobody_knows


def test_one_dont_know_in_five_is_not_a_finding() -> None:
    # 1 of 5 = 20 % < 30 %; scored (100·2 + 0·2) / 4 = 50
    result = dimension(Room_(participants(5), mandate("yes", "yes", "no", "no", "dont-know")).report(), "mandate")
    assert result.dont_know_share == pytest.approx(0.2)
    assert not result.nobody_knows
    assert result.score == 50


def test_only_dont_know_means_not_measured_not_zero() -> None:
    report = Room_(participants(2), mandate("dont-know", "dont-know")).report()
    result = dimension(report, "mandate")
    assert result.score is None and result.level is None and not result.measured
    assert result.status is DimensionStatus.NO_SCORED_ANSWERS
    assert result.dont_know_share == 1.0
    assert report.overall.measured == 0 and report.overall.score is None


def test_no_answers_at_all_is_not_measured() -> None:
    report = Room_(participants(3)).report()
    assert all(d.score is None for d in report.dimensions)
    assert dimension(report, "mandate").dont_know_share is None
    assert report.weakest_first == ()
    assert report.overall.score is None


def test_a_split_room_is_flagged_unclear_with_the_counts() -> None:
    # 2 yes, 2 no: a half at each end ≥ a quarter, 4 scored ≥ 3
    result = dimension(Room_(participants(4), mandate("yes", "no", "yes", "no")).report(), "mandate")
    assert result.unclear
    assert (result.low_end, result.high_end, result.scored) == (2, 2, 4)
    assert result.score == 50


def test_exactly_a_quarter_at_one_end_counts() -> None:
    # 4 scored: yes, partly, partly, no → 1 at each end = exactly a quarter
    assert dimension(Room_(participants(4), mandate("yes", "partly", "partly", "no")).report(), "mandate").unclear


def test_fewer_than_a_quarter_at_one_end_is_not_a_split() -> None:
    # 5 scored: 1 yes, 3 partly, 1 no → 1/5 = 20 % < 25 %
    result = dimension(Room_(participants(5), mandate("yes", "partly", "partly", "partly", "no")).report(), "mandate")
    assert not result.unclear


def test_two_people_who_differ_are_not_a_split_room() -> None:
    assert not dimension(Room_(participants(2), mandate("yes", "no")).report(), "mandate").unclear


def test_dont_know_does_not_count_towards_the_split() -> None:
    # scored: yes, no (2 < 3) though 4 answered
    result = dimension(Room_(participants(4), mandate("yes", "no", "dont-know", "dont-know")).report(), "mandate")
    assert not result.unclear


def test_all_at_one_end_is_agreement() -> None:
    assert not dimension(Room_(participants(3), mandate("no", "no", "no")).report(), "mandate").unclear


def test_structure_questions_score_in_the_structure_dimension() -> None:
    # reports-to-ceo: partly, no, yes → (50 + 0 + 100) / 3 = 50
    report = Room_(participants(3), structure("partly", "no", "yes")).report()
    result = dimension(report, "structure")
    assert result.score == 50
    assert result.questions[0].step_key == ROLE and result.questions[0].item == "reports-to-ceo"
    assert dimension(report, "mandate").score is None


def test_overall_is_the_mean_of_the_measured_dimensions_as_shown() -> None:
    # mandate (100 + 100 + 50) / 3 = 83.3 → 83; structure (0 + 50 + 0) / 3 = 16.7 → 17; (83 + 17) / 2 = 50
    report = Room_(participants(3), mandate("yes", "yes", "partly") + structure("no", "partly", "no")).report()
    assert [d.score for d in report.dimensions] == [83, 17]
    assert report.overall.score == 50
    assert report.overall.level.id == "lip-service"
    assert (report.overall.answered, report.overall.scored, report.overall.measured) == (6, 6, 2)


def test_overall_rounds_a_half_up() -> None:
    # mandate 100; structure (0 + 50) / 2 = 25 → (100 + 25) / 2 = 62.5 → 63
    report = Room_(participants(2), mandate("yes", "yes") + structure("no", "partly")).report()
    assert report.overall.score == 63


def test_weakest_first_orders_measured_dimensions_and_carries_ask_and_do() -> None:
    report = Room_(participants(3), mandate("yes", "partly", "partly") + structure("no", "no", "partly")).report()
    assert [d.id for d in report.weakest_first] == ["structure", "mandate"]
    weakest = report.weakest_first[0].questions[0]
    assert weakest.ask_next == "Who would the CCO escalate a cross-silo conflict to?"
    assert weakest.do_next == "Move the reporting line up to where the change is decided."


def test_a_dimension_the_room_agrees_is_in_place_looks_real_and_is_not_in_weakest_first() -> None:
    report = Room_(participants(3), mandate("yes", "yes", "yes") + structure("no", "no", "partly")).report()
    assert [d.id for d in report.weakest_first] == ["structure"]
    assert [d.id for d in report.looks_real] == ["mandate"]
    assert report.in_place(report.looks_real[0].questions[0])


def test_not_measured_dimensions_are_listed_apart() -> None:
    report = Room_(participants(2), mandate("yes", "no")).report()
    assert [d.id for d in report.not_measured] == ["structure"]


def test_level_boundaries() -> None:
    levels = fixture_program().levels
    assert level_for(69.9, levels).id == "lip-service"
    assert level_for(70, levels).id == "hard-wired"
    assert level_for(0, levels).id == "lip-service"
    assert level_for(None, levels) is None


def test_score_rounding_is_half_up_and_stable() -> None:
    assert to_score(0.625) == 63
    assert to_score(0.145) == 15  # 14.499999… in floating point
    assert to_score(1 / 3) == 33
    assert (to_score(0.0), to_score(1.0)) == (0, 100)


def test_is_split_needs_three_answers() -> None:
    assert not is_split(2, 1, 1)
    assert is_split(3, 1, 1)
    assert is_split(8, 2, 2) and not is_split(8, 1, 7)


def test_removed_participants_answers_still_count_and_they_are_listed_apart() -> None:
    # p3 removed; its "no" still counts: (100 + 100 + 0) / 3 = 67
    people = participants(3, removed=(3,), names=("Ana", "Ben", "Chloe"))
    report = Room_(people, mandate("yes", "yes", "no")).report()
    assert dimension(report, "mandate").score == 67
    assert [p.name for p in report.removed] == ["Chloe"]
    assert [p.name for p in report.present] == ["Ana", "Ben"]
    assert report.removed[0].answers == 1


def test_the_last_answer_to_a_key_wins() -> None:
    answers = [Answer("p1", MANDATE, value="no"), Answer("p1", MANDATE, value="yes")]
    assert dimension(Room_(participants(1), answers).report(), "mandate").score == 100


def test_answers_that_match_nothing_are_counted_not_scored() -> None:
    answers = [
        *mandate("yes"),
        Answer("p1", "basics/nowhere", value="yes"),
        Answer("p1", MANDATE, item="stray", value="yes"),
        Answer("p1", ROLE, item="reports-to-ceo", value="maybe"),
        Answer("p1", RATE, item="persist", perspective="boss", value="strong"),
        Answer("p1", "basics/welcome", value="yes"),
    ]
    report = Room_(participants(1), answers).report()
    assert report.unmatched_answers == 5
    assert dimension(report, "mandate").answered == 1


def test_half_day_agenda_leaves_out_the_role_check() -> None:
    # the fixture's role check is on the full agenda only
    room = Room_(participants(2), mandate("yes", "no") + structure("yes", "yes"), agenda="half")
    report = room.report()
    result = dimension(report, "structure")
    assert result.status is DimensionStatus.NOT_ON_AGENDA and result.score is None
    assert report.unmatched_answers == 2
    assert report.role is None  # no role check on the agenda and no lines entered


def test_a_skipped_step_without_answers_says_so() -> None:
    room = Room_(participants(2), mandate("yes"), state=WorkshopState(skipped=(ROLE,)))
    report = room.report()
    assert dimension(report, "structure").status is DimensionStatus.SKIPPED
    assert [s.key for s in report.skipped] == [ROLE]
    assert report.skipped[0].minutes == 10 and report.skipped[0].session == "Basics"


def test_a_step_skipped_with_answers_is_never_said_to_be_skipped_for_time() -> None:
    """"smw" typed without a: s skipped a fully rated step, and the summary said "This step was skipped for time."
    above its grid of answers. Answers win: the step is reported by what the room answered."""
    answers = [rating(n, "persist", perspective, "strong") for n in (1, 2) for perspective in ("self", "team")]
    room = Room_(participants(2), answers + mandate("yes"), state=WorkshopState(skipped=(RATE, MANDATE)))
    report = room.report()
    assert report.skipped == ()
    assert [(h.step_key, h.skipped) for h in report.heat_maps] == [(RATE, False)]
    assert all(not q.skipped for d in report.dimensions for q in d.questions if q.step_key == MANDATE)
    assert "skipped for time" not in render_markdown(report)


def test_comments_keep_their_author_unless_the_step_was_a_secret_ballot() -> None:
    answers = [
        Answer("p1", MANDATE, value="no", comment="Nobody decides."),
        Answer("b" * 24, MANDATE, value="yes", comment="Fine."),
    ]
    people = participants(1, names=("Ana",))
    open_room = Room_(people, answers).report()
    assert [(c.participant, c.value) for c in dimension(open_room, "mandate").questions[0].comments] == [
        ("Ana", "No"),
        ("", "Yes"),
    ]
    secret = Room_(people, answers, state=WorkshopState(secret=(MANDATE,))).report()
    assert {c.participant for c in dimension(secret, "mandate").questions[0].comments} == {""}
    assert dimension(secret, "mandate").score == 50  # the ballot counts


def test_heat_map_cells_averages_and_gaps() -> None:
    answers = [
        rating(1, "persist", "self", "strong"),
        rating(1, "persist", "team", "weak"),
        rating(2, "persist", "self", "mixed"),
        rating(2, "persist", "team", "weak"),
        rating(2, "give-power-away", "self", "dont-know"),
    ]
    report = Room_(participants(2), answers).report()
    (heat_map,) = report.heat_maps
    assert [(c.item, c.perspective) for c in heat_map.columns] == [
        ("persist", "self"),
        ("persist", "team"),
        ("give-power-away", "self"),
        ("give-power-away", "team"),
    ]
    assert [row.participant for row in heat_map.rows] == ["P1", "P2"]
    p2 = heat_map.rows[1].cells
    assert p2[0].option_id == "mixed" and p2[0].normalised == 0.5
    assert p2[2].option_id == "dont-know" and p2[2].normalised is None
    assert p2[3] is None
    self_avg = heat_map.averages[0]
    # persist self: strong 2, mixed 1 → mean 1.5 of 0..2 → 0.75
    assert (self_avg.mean, self_avg.normalised, self_avg.low, self_avg.high, self_avg.spread) == (1.5, 0.75, 1, 2, 0.5)
    assert heat_map.averages[2].dont_know == 1 and heat_map.averages[2].mean is None
    (gap,) = heat_map.gaps  # only persist has both perspectives scored
    assert gap.item == "persist" and gap.gap == pytest.approx(0.75) and gap.flagged


def test_secret_rating_shows_room_figures_only() -> None:
    answers = [rating(1, "persist", "self", "strong"), rating(2, "persist", "self", "weak")]
    report = Room_(participants(2), answers, state=WorkshopState(secret=(RATE,))).report()
    (heat_map,) = report.heat_maps
    assert heat_map.secret and heat_map.rows == ()
    assert heat_map.averages[0].mean == 1.0


def audit_program():
    """The fixture content with the rating seen from the team's view only: an audit, like the competencies."""
    sources = read_sources(FIXTURE)
    sources["sessions/basics.yaml"] = sources["sessions/basics.yaml"].replace(
        "perspectives: [self, team]", "perspectives: [team]"
    )
    return load_sources(sources)


def test_a_rating_from_one_perspective_is_an_audit_with_average_and_spread() -> None:
    answers = [
        rating(1, "persist", "team", "strong"),
        rating(2, "persist", "team", "weak"),
        rating(3, "persist", "team", "weak"),
        rating(4, "persist", "team", "dont-know"),
    ]
    people = participants(4)
    report = build_report(audit_program(), info(people), answers, RoomRecords(), WorkshopState())
    assert report.heat_maps == ()
    (audit,) = report.audits
    persist = audit.rows[0]
    # 2, 0, 0 → mean 2/3 = 0.667; population sd = sqrt(((4/3)² + 2·(2/3)²) / 3) = 0.943
    assert (persist.answered, persist.scored, persist.dont_know) == (4, 3, 1)
    assert persist.mean == pytest.approx(0.667) and persist.spread == pytest.approx(0.943)
    assert (persist.low, persist.high, persist.perspective) == (0, 2, "team")
    assert audit.rows[1].scored == 0 and audit.rows[1].mean is None


def test_a_line_the_room_called_undecided_is_said_apart_from_one_not_decided() -> None:
    from bootcamp.export.report_markdown import render_markdown
    from bootcamp.export.report_text import tactical_phrase

    room = RoomRecords(
        role_lines=(
            RoleLine("l1", "Carry a personal quarterly quota", decision="tactical"),
            RoleLine("l2", "Own the quota for renewals", decision="undecided"),
            RoleLine("l3", "Something else entirely"),
        )
    )
    report = Room_(participants(3), structure("no", "partly", "no"), room=room).report()
    role = report.role
    assert (role.tactical, role.strategic, role.decided, role.left_undecided, role.undecided) == (1, 0, 1, 1, 1)
    assert [line.decision for line in role.lines] == ["tactical", "undecided", ""]
    assert role.lines[1].agrees is None  # the room took no side: it neither agrees nor disagrees
    said = "1 of 1 decided lines are tactical duties (100%); 1 undecided by the room; 1 not decided yet."
    assert tactical_phrase(report) == said
    assert "| 2 | Own the quota for renewals | undecided by the room |" in render_markdown(report)
    assert "| 3 | Something else entirely | not decided |" in render_markdown(report)
    nothing_taken = dataclasses.replace(room, role_lines=(room.role_lines[1], room.role_lines[2]))
    report = Room_(participants(3), structure("no", "partly", "no"), room=nothing_taken).report()
    assert tactical_phrase(report) == "None of the 2 lines is decided strategic or tactical: 1 undecided by the room, 1 not decided yet."


def test_role_verdict_share_of_tactical_duties_and_structural_gaps() -> None:
    room = RoomRecords(
        role_lines=(
            RoleLine("l1", "Carry a personal quarterly quota", decision="tactical"),
            RoleLine("l2", "Own the quota for renewals", decision="tactical"),
            RoleLine("l3", "Lead the customer journey redesign", decision="strategic"),
            RoleLine("l4", "Something else entirely"),
        )
    )
    report = Room_(participants(3), structure("no", "partly", "no"), room=room).report()
    role = report.role
    assert (role.tactical, role.strategic, role.undecided, role.decided) == (2, 1, 1, 3)
    assert role.tactical_share == pytest.approx(2 / 3)
    assert [line.suggestion for line in role.lines] == [
        Leaning.TACTICAL,
        Leaning.TACTICAL,
        Leaning.STRATEGIC,
        Leaning.UNDECIDED,
    ]
    assert role.lines[0].agrees is True and role.lines[3].agrees is None
    assert "quota" in role.lines[0].reason.lower()
    # (0 + 50 + 0) / 3 = 17 < 50: a structural gap, with what to do about it
    (gap,) = role.gaps
    assert gap.item == "reports-to-ceo" and gap.score == 17
    assert gap.do_next.startswith("Move the reporting line up")


def test_a_structure_question_scored_high_is_no_gap() -> None:
    report = Room_(participants(2), structure("yes", "partly")).report()
    assert report.role.gaps == () and report.role.tactical_share is None


def test_actions_past_due_and_still_open_are_overdue_on_the_report_date() -> None:
    room = RoomRecords(
        actions=(
            Action("a1", "Open and late", due="2026-10-01", status=ActionStatus.OPEN, source=MANDATE),
            Action("a2", "Doing and late", due="2026-10-14", status=ActionStatus.DOING),
            Action("a3", "Done and late", due="2026-10-01", status=ActionStatus.DONE),
            Action("a4", "Due on the day", due="2026-10-15"),
            Action("a5", "No date"),
            Action("a6", "From a card", due="not a date", source="poker:persist"),
        )
    )
    report = Room_(participants(1), room=room).report(as_of="2026-10-15")
    assert [a.overdue for a in report.actions] == [True, True, False, False, False, False]
    assert report.actions[0].source_title == "Who drives agreement?"
    assert report.actions[5].source_title == "Aptitude Poker: Persist!"
    # by default the report is as of the workshop's date: nothing was overdue on the day
    assert not any(a.overdue for a in Room_(participants(1), room=room).report().actions)


def test_golden_room_figures() -> None:
    """The golden Markdown's input, checked figure by figure."""
    report = golden_room().report(as_of="2026-10-15")
    # mandate: yes, no, no, yes (Dev, removed, counts) → 50, split 2/2
    # structure: no, partly, don't know, no → (0 + 50 + 0) / 3 = 17, don't know 1/4 = 25 %
    assert [(d.id, d.score, d.unclear, d.dont_know) for d in report.dimensions] == [
        ("mandate", 50, True, 0),
        ("structure", 17, False, 1),
    ]
    assert report.overall.score == 34  # (50 + 17) / 2 = 33.5 → 34
    assert report.role.tactical_share == pytest.approx(2 / 3)
    assert [a.overdue for a in report.actions] == [True, False, False]


def test_report_is_frozen() -> None:
    report = golden_room().report()
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.workshop = "x"  # type: ignore[misc]


def test_averages_round_half_up_and_the_gap_is_the_difference_of_the_shown_averages_on_their_scale() -> None:
    from bootcamp.export.report_csv import render_csv
    from bootcamp.export.report_html import render_html
    from bootcamp.export.report_json import render_json
    from bootcamp.export.report_markdown import render_markdown

    # persist: self 0, 1, 1, 1 → 0.75; team 1, 1, 1, 2 → 1.25. Power away: self 1, 1, 2 → 1.333; team 1, 2 → 1.5.
    answers = [
        *(rating(n, "persist", "self", v) for n, v in enumerate(("weak", "mixed", "mixed", "mixed"), 1)),
        *(rating(n, "persist", "team", v) for n, v in enumerate(("mixed", "mixed", "mixed", "strong"), 1)),
        *(rating(n, "give-power-away", "self", v) for n, v in enumerate(("mixed", "mixed", "strong"), 1)),
        *(rating(n, "give-power-away", "team", v) for n, v in enumerate(("mixed", "strong"), 1)),
    ]
    report = Room_(participants(4), answers).report()
    markdown = render_markdown(report)
    assert "| Item | Self (0–2) | Team (0–2) | Self − team | Answered (self / team) |" in markdown
    assert "| Persist! | 0.8 | 1.3 | −0.5 **gap** | 4 / 4 |" in markdown  # not 0.8 | 1.2 (half to even)
    assert "| Give the Power Away | 1.3 | 1.5 | −0.2 | 3 / 2 |" in markdown  # one scale: not −8 points of 100
    html = render_html(report)
    assert '<td class="num">−0.5</td><td>gap</td>' in html and ">0.8</td>" in html and ">1.3</td>" in html
    gaps = json.loads(render_json(report))["heat_maps"][0]["gaps"]
    assert [(g["shown_gap"], g["flagged"]) for g in gaps] == [(-0.5, True), (-0.2, False)]
    rows = [row for row in csv.DictReader(io.StringIO(render_csv(report))) if row["section"] == "self-team-gap"]
    assert [row["value"] for row in rows] == ["-0.5", "-0.2"]


def test_a_score_from_fewer_than_half_the_dimensions_names_no_level_and_says_why() -> None:
    """One dimension answered of the shipped ten: "50/100 Taking hold" in large type read as the organisation's level."""
    from bootcamp.content import load_dir
    from bootcamp.export.report_html import render_html
    from bootcamp.export.report_json import render_json
    from bootcamp.export.report_markdown import render_markdown
    from bootcamp.locations import default_content_dir

    program = load_dir(default_content_dir())
    people = participants(3)
    answers = [Answer(p.id, "commitment/mandate-one-driver", value=v) for p, v in zip(people, ("yes", "partly", "no"))]
    report = build_report(program, info(people), answers, RoomRecords(), WorkshopState())
    overall = report.overall
    assert (overall.score, overall.measured, overall.dimensions, overall.level_needs) == (50, 1, 10, 5)
    assert overall.level is None and overall.level_withheld
    markdown = render_markdown(report)
    assert "**50/100**" in markdown and "*No level: only 1 of 10 dimensions measured (a level needs 5).*" in markdown
    assert "no level: only 1 of 10 dimensions measured (a level needs 5)" in render_html(report)
    data = json.loads(render_json(report))["overall"]
    assert (data["level"], data["level_withheld"], data["level_needs"]) == (None, True, 5)


def test_half_the_dimensions_measured_name_the_level() -> None:
    report = Room_(participants(3), mandate("yes", "yes", "partly")).report()  # the fixture's two: one measured
    assert not report.overall.level_withheld and report.overall.level is not None

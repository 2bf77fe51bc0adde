"""``compare``: the progress between two runs, checked against figures worked out by hand (comparison_rooms.py)."""

from __future__ import annotations

import dataclasses

import pytest
from comparison_rooms import earlier_room, later_room, structure_room
from summary_rooms import Room_, fixture_program, mandate, participants, structure

from bootcamp.content.model import Level
from bootcamp.errors import UserError
from bootcamp.export.comparison_json import comparison_to_data
from bootcamp.export.comparison_text import notes
from bootcamp.summary.comparison import compare
from bootcamp.summary.comparison_model import ActionState, Measured, Move
from bootcamp.summary.model import DimensionStatus
from bootcamp.summary.report import build_report


@pytest.fixture(scope="module")
def comparison():
    return compare(earlier_room().report(), later_room().report())


def test_each_run_is_named_and_the_later_date_decides_what_is_overdue(comparison) -> None:
    before, after = comparison.before, comparison.after
    assert (before.workshop_id, before.date, before.agenda) == ("w1", "2026-09-21", "full")
    assert (after.workshop_id, after.date, after.agenda) == ("w2", "2027-03-01", "half")
    assert comparison.as_of == "2027-03-01"
    assert comparison.before.participants == comparison.after.participants == 4
    differs = (comparison.organisation_differs, comparison.agenda_differs, comparison.content_differs)
    assert differs == (False, True, False)


def test_a_dimension_measured_both_times(comparison) -> None:
    mandate = next(d for d in comparison.dimensions if d.id == "mandate")
    assert (mandate.score_before, mandate.score_after, mandate.change) == (33, 88, 55)
    assert mandate.measured is Measured.BOTH
    assert (mandate.level_before.id, mandate.level_after.id) == ("lip-service", "hard-wired")
    assert mandate.level_move is Move.UP
    assert (mandate.dont_know_share_before, mandate.dont_know_share_after) == (0.25, 0.0)
    assert (mandate.unclear_before, mandate.unclear_after) == (True, False)  # the split room now agrees
    assert (mandate.answered_before, mandate.scored_before) == (4, 3)
    assert (mandate.answered_after, mandate.scored_after) == (4, 4)


def test_a_dimension_measured_once_is_said_so_and_never_compared_with_zero(comparison) -> None:
    structure = next(d for d in comparison.dimensions if d.id == "structure")
    assert structure.measured is Measured.BEFORE_ONLY
    assert (structure.score_before, structure.score_after, structure.change) == (0, None, None)
    assert (structure.status_before, structure.status_after) == (DimensionStatus.SCORED, DimensionStatus.NOT_ON_AGENDA)
    assert structure.level_move is None and structure.dont_know_share_after is None
    assert comparison.measured_once == (structure,)


def test_the_overall_score_and_like_for_like(comparison) -> None:
    overall = comparison.overall
    assert (overall.score_before, overall.score_after) == (17, 88)  # both kept, each on its own run's dimensions
    assert (overall.measured_before, overall.measured_after, overall.shared) == (2, 1, 1)
    assert (overall.like_for_like_before, overall.like_for_like_after, overall.like_for_like_change) == (33, 88, 55)
    # Structure was measured in the earlier run only: 17 → 88 is no change, and no level moved "up".
    assert not overall.same_dimensions and overall.change == 55 and overall.level_move is None
    assert overall.dont_know_share_before == pytest.approx(1 / 8)  # 1 "don't know" of 8 answers
    assert overall.dont_know_share_after == 0.0


def test_a_run_cannot_show_progress_by_not_asking_again_what_went_badly() -> None:
    """The tester's Wayne runs: the one dimension measured both times fell, the one that scored 0 was not asked
    again, and the headline read a gain. The change is the like-for-like one whenever the dimensions differ."""
    earlier = Room_(participants(2), [*mandate("yes", "yes"), *structure("no", "no")])  # 100 and 0: overall 50
    later = Room_(participants(2), mandate("partly", "partly"), agenda="half", workshop_id="w2", date="2027-03-01")
    overall = compare(earlier.report(), later.report()).overall
    assert (overall.score_before, overall.score_after) == (50, 50)
    assert (overall.like_for_like_before, overall.like_for_like_after) == (100, 50)
    assert not overall.same_dimensions and overall.change == -50


def test_the_overall_change_of_runs_that_measured_the_same_dimensions_is_the_difference_of_their_scores() -> None:
    both = compare(
        structure_room("w1", "2026-01-01", "no").report(), structure_room("w2", "2026-06-01", "partly", "no").report()
    ).overall
    assert both.same_dimensions and (both.score_before, both.score_after, both.change) == (0, 25, 25)


def test_a_run_whose_overall_level_was_withheld_says_so() -> None:
    earlier = earlier_room().report()
    few = dataclasses.replace(earlier, overall=dataclasses.replace(earlier.overall, level=None, dimensions=10))
    overall = compare(few, later_room().report()).overall
    assert (overall.level_withheld_before, overall.level_withheld_after) == (True, False)
    assert overall.level_before is None and overall.level_after is not None


def test_biggest_moves_first_then_those_measured_once(comparison) -> None:
    assert [d.id for d in comparison.biggest_moves_first] == ["mandate", "structure"]


def test_aptitude_averages_by_item_and_perspective(comparison) -> None:
    [heat_map] = comparison.heat_maps
    rows = {(r.item, r.perspective): r for r in heat_map.rows}
    persist_self = rows[("persist", "self")]
    assert (persist_self.mean_before, persist_self.mean_after) == (1.0, 2.0)
    assert persist_self.change == pytest.approx(0.5)
    persist_team = rows[("persist", "team")]
    assert (persist_team.normalised_before, persist_team.normalised_after) == (0.0, 0.5)
    give = rows[("give-power-away", "self")]
    assert give.measured is Measured.AFTER_ONLY and give.change is None and give.mean_after == 0.0
    assert rows[("give-power-away", "team")].measured is Measured.NEITHER
    assert heat_map.perspectives == ("self", "team")


def test_the_role_verdict_of_a_run_without_a_role_check(comparison) -> None:
    role = comparison.role
    assert role is not None
    assert (role.lines_before, role.tactical_before, role.decided_before) == (3, 2, 3)
    assert role.tactical_share_before == pytest.approx(2 / 3)
    assert (role.lines_after, role.tactical_share_after) == (None, None)  # the half day has no role check
    assert [g.id for g in role.unchecked] == ["reports-to-ceo"]  # a gap then, not asked again
    assert role.closed == role.opened == role.remaining == ()
    assert (role.structure_scored_before, role.structure_scored_after) == (1, 0)


def test_structure_not_assessed_in_either_run_is_told_apart_from_no_gap() -> None:
    earlier = Room_(participants(2), mandate("yes", "no"))  # full days: the role check is on the agenda
    later = Room_(participants(2), mandate("yes", "yes"), workshop_id="w2", date="2027-03-01")
    role = compare(earlier.report(), later.report()).role
    assert role is not None and not role.gaps_listed
    assert (role.structure_scored_before, role.structure_scored_after) == (0, 0)


def test_structural_gaps_closed_opened_and_remaining() -> None:
    closed = compare(
        structure_room("w1", "2026-01-01", "no", "no").report(),
        structure_room("w2", "2026-06-01", "yes", "partly").report(),
    )
    assert [(g.id, g.score_before, g.score_after) for g in closed.role.closed] == [("reports-to-ceo", 0, 75)]
    opened = compare(
        structure_room("w1", "2026-01-01", "yes").report(), structure_room("w2", "2026-06-01", "partly", "no").report()
    )
    assert [(g.score_before, g.score_after) for g in opened.role.opened] == [(100, 25)]
    remaining = compare(
        structure_room("w1", "2026-01-01", "no", "no").report(),
        structure_room("w2", "2026-06-01", "partly", "no").report(),
    )
    assert [(g.score_before, g.score_after) for g in remaining.role.remaining] == [(0, 25)]
    assert remaining.overall.level_move is Move.SAME


def test_the_earlier_actions_as_of_the_later_date(comparison) -> None:
    states = {a.id: (a.status, a.state, a.again) for a in comparison.actions}
    assert states == {
        "a1": ("open", ActionState.OVERDUE, "open"),  # agreed again in the later run, whatever the case and spacing
        "a2": ("doing", ActionState.OPEN, ""),  # due after the later run
        "a3": ("done", ActionState.DONE, ""),
        "a4": ("dropped", ActionState.DROPPED, ""),
        "a5": ("open", ActionState.OPEN, ""),  # due on the later run's day: not overdue yet
    }
    assert comparison.new_actions == 1
    assert [a.id for a in comparison.actions_in(ActionState.OVERDUE)] == ["a1"]


def test_organisations_that_differ_are_compared_and_said_to_differ() -> None:
    later = later_room()
    later.organisation = "Acme Holdings"
    assert compare(earlier_room().report(), later.report()).organisation_differs
    later.organisation = "  acme "
    assert not compare(earlier_room().report(), later.report()).organisation_differs


def test_reports_with_no_dimension_in_common_are_refused_in_one_sentence() -> None:
    later = later_room().report()
    other_ids = tuple(dataclasses.replace(d, id=f"x-{d.id}") for d in later.dimensions)
    renamed = dataclasses.replace(later, dimensions=other_ids)
    with pytest.raises(UserError) as refused:
        compare(earlier_room().report(), renamed)
    message = str(refused.value)
    assert message == (
        "workshops w1 and w2 have no commitment dimension in common: they were run with different content "
        "and cannot be compared"
    )
    assert "\n" not in message


def test_a_run_is_not_compared_with_itself_or_with_a_later_one_first() -> None:
    report = earlier_room().report()
    with pytest.raises(UserError, match="cannot be compared with itself"):
        compare(report, report)
    with pytest.raises(UserError, match=r"workshop w2 \(2027-03-01\) is dated after workshop w1"):
        compare(later_room().report(), report)




def test_levels_redefined_between_the_runs_name_both_scores_with_the_later_runs_levels() -> None:
    """A workshop made months ago keeps the content it was made with, levels included. Its CCO's run again on
    newer content, whose Hard-wired starts higher, read 'Metrics 50 → 63 (+13), Taking hold → Good intentions ↓':
    a rising score said to fall a level. Both scores are named with the later run's levels, and a note says so."""
    program = fixture_program()
    lip, hard = sorted(program.levels, key=lambda level: level.min_score)
    assert (lip.min_score, hard.min_score) == (0, 70)
    older_levels = (lip, Level(hard.id, hard.title, 50, hard.text))  # the earlier content's Hard-wired: from 50
    earlier = Room_(participants(4), [*mandate("yes", "partly", "partly", "no"), *structure("no", "no", "no", "no")])
    earlier_report = build_report(
        dataclasses.replace(program, levels=older_levels), earlier.info, earlier.answers, earlier.room, earlier.state
    )
    later = Room_(
        participants(4),
        [*mandate("yes", "yes", "partly", "no"), *structure("no", "no", "no", "no")],
        workshop_id="w2",
        date="2027-03-01",
    )
    comparison = compare(earlier_report, later.report())
    mandate_change = next(d for d in comparison.dimensions if d.id == "mandate")
    assert (mandate_change.score_before, mandate_change.score_after) == (50, 63)
    assert earlier_report.dimensions[0].level.id == "hard-wired"  # as the earlier run's own summary says
    assert (mandate_change.level_before.id, mandate_change.level_after.id) == ("lip-service", "lip-service")
    assert mandate_change.level_move is Move.SAME
    assert comparison.overall.level_move is Move.SAME
    assert comparison.levels_redefined
    [note] = [n for n in notes(comparison) if "levels" in n]
    assert note == (
        "The levels were redefined between the runs (Hard-wired from 50 then, from 70 now): "
        "both runs' scores are named with the later run's levels."
    )
    data = comparison_to_data(comparison)
    assert data["levels_redefined"] is True
    assert [level["min_score"] for level in data["levels_before"]] == [0, 50]
    assert not compare(later.report(), dataclasses.replace(later, workshop_id="w3").report()).levels_redefined

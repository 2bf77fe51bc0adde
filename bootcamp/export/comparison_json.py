"""The progress between two runs as JSON: documented, versioned, every figure of the other formats.

Format ``bootcamp-commitment-comparison``, version 5 (``version`` changes when a field changes
meaning or goes away; new fields may appear within a version). Version 2: a rating's ``change`` is on
the rating's own scale, as its ``mean_*`` are (version 1 had it on 0..1). Version 3: ``overall.change`` is the
like-for-like change when the runs measured different dimensions, and ``overall.level_move`` is ``null`` then
(version 2 had the difference of the two overall scores, which a run raised by not asking again what went
badly). Version 4: ``level_before`` names the earlier score with the later run's levels (version 3 named it with the
earlier run's own, which differ when ``levels_redefined``: a rising score read as falling a level). Version 5: a
dimension's scores are of the questions both runs asked on the same scale (``question_changes`` names the others;
``run_score_*`` keep each run's own score), and ``overall.change`` is then the like-for-like change (version 4 compared
a dimension across a removed, new or re-scaled question). Written as the commitment
report's JSON is (:mod:`bootcamp.export.report_json`): text exactly as typed, with the
characters a terminal or text editor could obey as ``\\uXXXX`` escapes. Every figure has two
sides, ``_before`` (the earlier run) and ``_after`` (the later one); a side is ``null`` when
that run did not measure it, never 0. Scores are whole numbers 0..100; shares are 0..1;
``mean_*`` figures are in the rating scale's own values, ``normalised_*`` on 0..1.

Top level:

- ``format``: ``"bootcamp-commitment-comparison"``; ``version``: 5.
- ``before``, ``after``: ``{workshop_id, workshop, organisation, date, agenda, anonymous, program,
  content_hash, participants, left_during_the_day, days}`` (``participants``: present at the end of the day;
  ``left_during_the_day``: removed after answering, whose answers count: the cover counts both; ``days``: the dates
  a run of more than one day met on, ``[]`` for one day, dated with ``date``).
- ``as_of``: the later run's date, which decides which earlier actions are overdue.
- ``levels``: ``[{id, title, min_score, text}]``, the later run's, lowest first: both runs' scores are named with
  them (``level_before``, ``level_after``). ``levels_before``: the earlier run's own, which its summary names its
  scores with; ``levels_redefined``: ``true`` when they band the scores differently (a workshop keeps the content
  it was made with, and a newer content may start a level higher), so an earlier ``level_before`` here may differ
  from the level its own summary gives.
- ``overall``: ``{score_before, score_after, change, same_dimensions, level_before, level_after, level_move,
  measured_before, measured_after, shared, like_for_like_before, like_for_like_after,
  like_for_like_change, dont_know_share_before, dont_know_share_after, level_withheld_before,
  level_withheld_after, level_withheld_why_before, level_withheld_why_after, questions_left_out,
  asked_differently}``.
  ``level_withheld_*``: that run has a score but names no level (``level_*`` is ``null``), ``level_withheld_why_*``
  says why in a few words: too few dimensions measured ("only 2 dimensions measured"), most measured dimensions
  resting on one answer to each question, or most splitting the room. ``score_*``: the mean of the
  dimensions that run measured. ``shared``: dimensions both runs measured; ``like_for_like_*``: the mean of
  those alone. ``questions_left_out``: questions of the dimensions both runs scored asked in one run only or on
  another scale, left out of both runs' scores there (see a dimension's ``question_changes``);
  ``asked_differently``: dimensions both runs scored none of whose questions was asked alike (not in ``shared``). ``same_dimensions``: both runs
  measured the same dimensions (``measured_before`` = ``measured_after`` = ``shared`` > 0) with the same questions
  (``questions_left_out`` = 0). ``change``, the progress to report: ``score_after`` minus
  ``score_before`` when ``same_dimensions``, else ``like_for_like_change`` (``null`` when ``shared`` is 0): the
  two overall scores of runs that measured different dimensions are never compared. ``level_move``: ``up``,
  ``down``, ``same``, or ``null`` when a run has no level or the runs measured different dimensions.
- ``dimensions``: the later content's order, then those only the earlier content has; each
  ``{id, title, status_before, status_after, score_before, score_after, change, measured,
  level_before, level_after, level_move, answered_before, answered_after, scored_before,
  scored_after, dont_know_share_before, dont_know_share_after, nobody_knows_before,
  nobody_knows_after, unclear_before, unclear_after, question_changes, run_score_before, run_score_after}``.
  ``question_changes``: the dimension's questions the two runs did not ask alike (matched by ``step_key`` and
  ``item``; one answered in neither run where it differs is not named), each ``{step_key, item, why, text_before,
  text_after, scale_before, scale_after}``; ``why``:
  ``earlier-only``, ``later-only``, ``scale-changed`` (these three are left out: the scores, counts, levels and
  findings of both runs are then of the questions both asked on the same scale) or ``reworded`` (compared as the
  same question); ``[]`` unless both runs scored the dimension. ``run_score_*``: each run's own score for it, as its
  summary gives it (it differs from ``score_*`` when a question was left out). ``status_*``: as in the report
  (``scored``, ``no-scored-answers``, ``skipped``, ``jumped-past``, ``not-reached``, ``not-run``,
  ``not-asked``, ``not-started``, ``not-on-agenda``) or ``null`` when that run's content has no such dimension.
  ``measured``: ``both``, ``earlier-only``, ``later-only``, ``neither``; ``change`` is ``null`` unless
  ``both``. ``unclear_*``: the room disagreed (the renderers say a split changed only when ``both``).
- ``biggest_moves_first``: every dimension id: those measured in both runs, the largest move first,
  then those only the later run measured, then only the earlier, then neither.
- ``heat_maps``: ``{step_key, title, list_title, scale_title, perspectives, rows: [rating], scale_low,
  scale_high, scale_title_before, scale_low_before, scale_high_before, scale_changed}``; the averages are on the
  scale from ``scale_low`` to ``scale_high`` (the later run's, else the earlier's); ``scale_*_before``: the earlier
  run's scale (``""`` and 0 when it did not rate the step); ``scale_changed``: both runs rated it, on scales that
  count differently (other option ids or values): each run's averages are then on its own scale and not compared.
- ``audits``: ``{step_key, title, list_title, scale_title, perspective, scale_low, scale_high,
  rows: [rating], rated_for, scale_title_before, scale_low_before, scale_high_before, scale_changed}``
  (``rated_for`` as in the summary's JSON; the scales as for a heat map).
- A rating: ``{item, title, perspective, mean_before, mean_after, normalised_before,
  normalised_after, answered_before, answered_after, compared, measured, change}``; ``change`` is ``mean_after``
  minus ``mean_before`` on the rating's scale, each as the other formats show it (one decimal, halves up),
  or ``null`` unless ``both`` and ``compared`` (``false`` when its step's ``scale_changed``).
- ``role``: ``null`` or ``{title, lines_before, lines_after, tactical_before, tactical_after,
  decided_before, decided_after, tactical_share_before, tactical_share_after, closed, opened,
  remaining, unchecked, first_measured, structure_scored_before, structure_scored_after}``; ``lines_*`` is
  ``null`` for a run without a role check; the five gap lists hold ``{id, text, score_before, score_after}``;
  ``first_measured``: a gap now whose question had no scored answer in the earlier run (no change is told, so it
  is not ``opened``); ``structure_scored_*``: the structure questions with a scored answer in that run (0: no gap
  can be told for it).
- ``actions``: the earlier run's, ``[{id, what, owner, due, status, state, source_title, again, run_id, run,
  run_date, status_at, days_late}]``. ``status`` as recorded in the earlier workshop; ``state``: ``done``, ``dropped``, ``overdue``,
  ``open`` as of ``as_of`` (``open``: not due yet, or no due date; one marked done or dropped after ``as_of``
  was still to do then: ``overdue`` or ``open``, its ``status`` as recorded now); ``again``: the status of the same action on
  the later run's list, or ``""``; ``run_id``, ``run``, ``run_date``: the run it was agreed in (id, name, date);
  ``status_at``: the day it was marked done or dropped, ``""`` when it was not or that day was not kept (no day is
  guessed); ``days_late``: how many days after ``due`` it was done, ``null`` when done by then, not done, or either
  day is not known (both new within version 5: no field changed meaning).
- ``carried_actions``: the same, for the actions of the runs before the earlier one in its line that are still
  open or under way as recorded there (``state`` ``overdue`` or ``open``), oldest run first, but those a run since
  agreed again; ``[]`` when there are none.
- ``new_actions``: actions on the later run's list that the earlier one did not have.
- ``actions_done_late``: how many of ``actions`` were done by ``as_of`` after their ``due`` (``state`` ``done``,
  ``days_late`` above 0), as every other format counts them beside the done: "5 done (2 of them late)"; one done with
  no day kept is not counted (new within version 5: no field changed meaning).
- ``runs``: every run of the line up to ``after``, oldest first (the runs before ``before`` in its line, then
  the two compared), for the trend: ``[{workshop_id, workshop, date, score, level, measured, dimensions}]``;
  ``score``: the run's overall score, ``null`` when it measured nothing; ``level``: the title of the level its
  own summary names, ``""`` when it names none; only the two compared when the runs between were not read.
- ``organisation_differs``, ``content_differs``, ``agenda_differs``: booleans.
- ``compared_with``: why ``before`` is the run compared with, or ``null`` when not said:
  ``{workshop_id, rule, why, follows_missing, notes}``. ``rule``: ``follows`` (the run ``after`` was made
  again from), ``organisation`` (the latest earlier run of its organisation: it follows none, or one not
  in this library) or ``given`` (named by whoever asked); ``follows_missing``: the id of the run ``after``
  follows when that run is not in this library, else ``""``; ``notes``: the same said in sentences.
"""

from __future__ import annotations

from typing import Any

from bootcamp.export.report_json import plain_data, printable_json
from bootcamp.summary.action_days import done_late
from bootcamp.summary.comparison_model import (
    ActionProgress,
    ActionState,
    Comparison,
    DimensionChange,
    OverallChange,
    RatingChange,
    RoleChange,
)
from bootcamp.summary.lineage import EarlierChoice

FORMAT = "bootcamp-commitment-comparison"

_DERIVED: dict[type, tuple[str, ...]] = {
    DimensionChange: ("measured", "change"),
    OverallChange: ("same_dimensions", "change", "like_for_like_change"),
    RatingChange: ("measured", "mean_change"),
    RoleChange: ("tactical_share_before", "tactical_share_after"),
    Comparison: ("levels_redefined",),
    ActionProgress: ("days_late",),
}


def comparison_to_data(comparison: Comparison, chosen: EarlierChoice | None = None) -> dict[str, Any]:
    data = plain_data(comparison, _DERIVED)
    data.pop("version")
    for part in (*data["heat_maps"], *data["audits"]):  # a rating's change, on its scale, is named change
        for row in part["rows"]:
            row["change"] = row.pop("mean_change")
    return {
        "format": FORMAT,
        "version": comparison.version,
        **data,
        "biggest_moves_first": [d.id for d in comparison.biggest_moves_first],
        "actions_done_late": done_late(comparison.actions_in(ActionState.DONE)),
        "compared_with": _compared_with(chosen, comparison),
    }


def _compared_with(chosen: EarlierChoice | None, comparison: Comparison) -> dict[str, Any] | None:
    if chosen is None or chosen.run is None:
        return None
    return {
        "workshop_id": chosen.run.id,
        "rule": chosen.rule.value if chosen.rule else None,
        "why": chosen.why,
        "follows_missing": chosen.missing,
        "notes": list(chosen.notes(comparison.before)),
    }


def render_comparison_json(comparison: Comparison, chosen: EarlierChoice | None = None) -> str:
    return printable_json(comparison_to_data(comparison, chosen))

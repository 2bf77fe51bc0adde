"""The commitment report as JSON: documented, versioned, every figure of the other formats.

Format ``bootcamp-commitment-report``, version 1 (``version`` changes when a field changes
meaning or goes away; new fields may appear within a version). Text is kept exactly as
typed: JSON escaping carries it, and the characters a terminal or a text editor could
obey (C0 and C1 controls, DEL, bidirectional controls, line and paragraph separators)
are written as ``\\uXXXX`` escapes, so the file is safe to print and decodes to the
original text. Scores are whole numbers 0..100 or ``null`` (not measured); shares are
0..1; figures on a scale (``mean``, ``low``, ``high``, ``spread``) are in the scale's
own values.

Top level:

- ``format``: ``"bootcamp-commitment-report"``; ``version``: 1.
- ``workshop_id``, ``workshop`` (name), ``organisation``, ``date`` (ISO), ``agenda``
  (``full``/``half``), ``anonymous`` (bool), ``program`` (content title), ``content_hash``.
- ``days``: the ISO dates the room met on when the workshop ran over more than one day (its day clock started again
  the next morning), oldest first; ``[]`` for a workshop of one day, dated with ``date``.
- ``as_of``: the ISO date that decided which actions are overdue.
- ``archived_at``: only in the report of an archived workshop (``bootcamp archive``): when it was put away, ISO 8601
  (``""`` when that cannot be read).
- ``thresholds``: ``dont_know_finding`` (share), ``disagreement_share``,
  ``disagreement_min_answers``, ``structure_gap_below`` (score), ``self_team_gap`` (share of scale).
- ``levels``: ``[{id, title, min_score, text}]``, lowest first.
- ``overall``: ``{score, level, measured, dimensions, answered, scored, dont_know, unclear, one_voice, level_needs,
  level_withheld, withheld_text}``; ``unclear`` and ``one_voice`` count the measured dimensions that split the room
  and that rest on one answer to each question; ``level`` is a level object or ``null``: ``null`` too when
  ``level_withheld``, a score that names no level: from fewer measured dimensions than ``level_needs`` (half of
  them), or with more than half of the measured ones ``one_voice`` or ``unclear``; ``withheld_text`` says which
  (``""`` when a level is named).
- ``dimensions``: in the content's order, each ``{id, title, text, status, score, level,
  answered, scored, dont_know, dont_know_share, nobody_knows, low_end, high_end, unclear,
  measured, one_voice, questions}``; ``one_voice``: measured, no question with more than one scored answer. ``status``: ``scored``, ``no-scored-answers`` (asked, no scored answer),
  ``skipped`` (for time), ``jumped-past``, ``not-reached``, ``not-run`` (not run on the console, none imported),
  ``not-asked`` (a mix of skipped, jumped past and not reached),
  ``not-started`` (the workshop never started), ``not-on-agenda``. ``low_end``/``high_end``: scored answers at each end of the scale;
  ``unclear``: the room disagrees.
- ``questions`` (in a dimension): ``{id, step_key, item, text, dimension, answered, scored,
  dont_know, score, counts: [{option_id, label, count, dont_know, value}], comments: [{participant,
  value, text, secret}], ask_next, do_next, skipped, reach, scale}``; ``participant`` is ``""`` for a secret ballot
  (``secret``) and in an anonymous workshop; a count's ``value`` is its option's place on the scale, 0 to 1
  (``null`` for don't know); ``scale`` is the title of the scale the question was asked on;
  ``reach`` is its step's, as in ``steps``.
- ``weakest_first``: ids of the measured dimensions that do not look real, lowest score first.
- ``looks_real``: ids of the dimensions that look real: scored at the top level, neither ``unclear`` nor ``one_voice``
  nor ``nobody_knows``.
- ``heat_maps``: ``{step_key, title, list_title, scale_title, legend: [{option_id, label, key,
  value, normalised}], columns: [{item, title, short, perspective}], rows: [{participant_id,
  participant, removed, cells: [null | {option_id, label, key, normalised}]}], averages:
  [rating], gaps: [{item, title, self_normalised, team_normalised, self_mean, team_mean, scale_low, scale_high,
  gap, shown_gap, flagged}], secret, skipped, reach}``. ``cells`` and ``averages`` line up with ``columns``;
  ``rows`` is empty for a secret ballot. A gap's ``gap`` is self minus team on 0..1; ``shown_gap`` is the one
  every summary shows, on the item's scale (``scale_low``..``scale_high``): the difference of the two means as
  shown, one decimal rounded half up; ``flagged`` when it is at least ``self_team_gap`` of the scale.
- ``audits``: ``{step_key, title, list_title, scale_title, legend, perspective, scale_low,
  scale_high, rows: [rating], skipped, reach, rated_for}``; ``reach``: its step's, as in ``steps``; ``rated_for``:
  what the room rated, in the content's words ("the company"), ``""`` when it names none.
- A rating: ``{item, title, perspective, answered, scored, dont_know, mean, normalised, low,
  high, spread}`` (``spread``: population standard deviation).
- ``role``: ``null`` or ``{check_id, title, lines: [{id, text, decision, suggestion, reason,
  markers, agrees}], strategic, tactical, undecided, decided, tactical_share, structure:
  [question], gaps: [question], left_undecided}``; ``decision`` is ``"undecided"`` for a line the room talked over
  and left undecided, ``""`` for one not decided yet; ``undecided`` counts the lines not decided yet,
  ``left_undecided`` those the room left undecided (neither is in ``decided``).
- ``actions``: ``[{id, what, owner, due, status, source, source_title, overdue, status_at, days_late}]``;
  ``status_at``: the day it was marked done or dropped, ``""`` when it was not (or was before that day was kept:
  no day is guessed); ``days_late``: how many days after ``due`` it was done, ``null`` when done by then, not done,
  or either day is not known (new within version 1).
- ``actions_done_late``: how many of ``actions`` were done after their ``due`` (``days_late`` above 0), as every
  other format counts them beside the done: "5 done (2 of them late)"; one done with no day kept is not counted
  (new within version 1: no field changed meaning).
- ``skipped``: ``[{key, title, session, minutes}]``: steps skipped for time.
- ``participants``: ``[{id, name, role, removed, answers}]``; ``name`` is P1 … when anonymous, and ``role`` then
  ``""``: an anonymous workshop's roles are ``roles``, sorted, tied to no seat (``[]`` in a named workshop), one per
  person; ``roles_counted``: ``[{role, count}]``, each role once with how many have it (case and spaces aside).
- ``participants_counted``: the people the answers come from, as the cover counts them: those present at the end of
  the day and ``participants_left``, those removed after answering (they left during the day; their answers count).
- ``poker``: ``[{card, title, holder, notes: [[prompt label, text]]}]``; ``holder`` is ``""`` when anonymous.
- ``notes``: ``[{step_key, step_title, text, quick}]``. ``bootcamp summary`` leaves the facilitator's quick notes
  out of ``notes`` and ``notebook`` unless given ``--with-private-notes``; ``private_notes_left_out`` counts them.
- ``started``: whether the workshop was started (a step done or skipped, a timer run, an answer given).
- ``steps``: every step of the agenda in order, ``[{key, title, session, minutes, asks, reach}]``; ``asks``:
  the step takes answers; ``reach``: ``answered``, ``no-scored-answer``, ``shown`` (reached, asks nothing),
  ``jumped-past``, ``skipped``, ``not-reached``, ``not-run`` (the workshop was not run on the console: its answers
  were imported; rules in ``bootcamp.summary.coverage``).
- ``notebook``: everything the room wrote, in the agenda's order, ``[{kind, step_key, where, label, text, at,
  when, who}]``; ``kind``: ``room``, ``discuss``, ``quick``, ``poker``, ``role`` (``label``: the decision), ``comment``; ``text`` as typed, line
  breaks kept; ``at``: the stored UTC time or ``""``; ``when``: that time in the local time of the machine
  that wrote the report; ``who``: ``""`` when anonymous, for a secret ballot, or where no writer is recorded;
  a comment's ``where`` names, after the step's title, the item it rates and its perspective (``Rate the ten
  aptitudes: Persist! (team)``) or the structure question, and its ``label`` is the answer it came with (``""``
  for a rating in an anonymous workshop, whose heat map would tie item and answer to a seat).
- ``unmatched_answers``: stored answers that name nothing in the agenda's content.
"""

from __future__ import annotations

import dataclasses
import json
import re
from enum import Enum
from typing import Any

from bootcamp.summary.action_days import done_late
from bootcamp.summary.model import (
    DISAGREEMENT_MIN_ANSWERS,
    DISAGREEMENT_SHARE,
    DONT_KNOW_FINDING,
    SELF_TEAM_GAP,
    STRUCTURE_GAP_BELOW,
    ActionResult,
    CommitmentReport,
    DimensionResult,
    OverallResult,
    RoleLineResult,
    RoleVerdict,
    SelfTeamGap,
)
from bootcamp.summary.rounding import half_up

FORMAT = "bootcamp-commitment-report"

# Derived values a reader of the JSON should not have to recompute.
_DERIVED: dict[type, tuple[str, ...]] = {
    DimensionResult: ("measured", "one_voice"),
    OverallResult: ("level_needs", "level_withheld", "withheld_text"),
    SelfTeamGap: ("gap", "shown_gap", "flagged"),
    RoleLineResult: ("agrees",),
    RoleVerdict: ("decided", "tactical_share"),
    ActionResult: ("days_late",),
}
_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def report_to_data(report: CommitmentReport) -> dict[str, Any]:
    data = plain_data(report, _DERIVED)
    data.pop("version")
    if data["archived_at"] is None:  # only an archived workshop's report has it
        del data["archived_at"]
    return {
        "format": FORMAT,
        "version": report.version,
        **data,
        "thresholds": {
            "dont_know_finding": DONT_KNOW_FINDING,
            "disagreement_share": DISAGREEMENT_SHARE,
            "disagreement_min_answers": DISAGREEMENT_MIN_ANSWERS,
            "structure_gap_below": STRUCTURE_GAP_BELOW,
            "self_team_gap": SELF_TEAM_GAP,
        },
        "roles_counted": plain_data(report.roles_counted, _DERIVED),
        "participants_counted": report.participants_counted,
        "participants_left": report.participants_left,
        "weakest_first": [d.id for d in report.weakest_first],
        "looks_real": [d.id for d in report.looks_real],
        "actions_done_late": done_late(report.actions),
    }


def render_json(report: CommitmentReport) -> str:
    return printable_json(report_to_data(report))


def printable_json(data: dict[str, Any] | list[Any]) -> str:
    """Indented JSON, an object or a list, with every character a terminal could obey as a ``\\uXXXX`` escape."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def plain_data(value: Any, derived: dict[type, tuple[str, ...]]) -> Any:
    """Frozen values as JSON data; ``derived`` names the properties of each type a reader should get too."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: plain_data(getattr(value, f.name), derived) for f in dataclasses.fields(value)}
        for name in derived.get(type(value), ()):
            data[name] = plain_data(getattr(value, name), derived)
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [plain_data(v, derived) for v in value]
    if isinstance(value, dict):
        return {str(k): plain_data(v, derived) for k, v in value.items()}
    if isinstance(value, float):
        return half_up(value, 4)
    return value

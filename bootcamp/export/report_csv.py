"""The commitment report as CSV: one row per dimension and per item, for a spreadsheet.

Every row has the same columns (``COLUMNS``); ``section`` says what the row is and which
columns it fills (the others stay empty):

==================  ==========================================================================
section             columns filled
==================  ==========================================================================
overall             score, level, answered, scored, dont_know, text (dimensions measured)
dimension           id, title, score, level, answered, scored, dont_know, dont_know_share,
                    rank (1 = weakest; empty when not measured), flags, text (dimension text)
question            id, title (the question), group (dimension id), score, answered, scored,
                    dont_know, dont_know_share, value (the tally), flags, ask_next, do_next;
                    ``id`` is ``step-key`` or ``step-key#structure-question-id``
comment             id (as the question's), group (dimension id), participant ("" for a
                    secret ballot and in an anonymous workshop), value (the option's label), text
                    (the comment)
heatmap-cell        group (step key), id (item), title, participant, perspective, value (the
                    option's label), score (its place on the scale, 0..100)
heatmap-average     group, id, title, perspective, score, mean, low, high, spread, answered,
                    scored, dont_know
self-team-gap       group, id, title, value (self minus team on the item's scale, from the averages as
                    shown), flags (gap)
audit               group, id, title, perspective, score, mean, low, high, spread, answered,
                    scored, dont_know
role-line           id, title (the line), value (the room's decision), suggestion, text (why)
role-share          value (tactical share 0..1), answered (decided lines), scored (tactical)
structure-gap       id, title, score, level, ask_next, do_next
action              id, title (what), owner, due, value (status), text (where it came from),
                    flags (overdue; or late: done after its due date), when (the day it was
                    marked done or dropped; empty when it was not, or that day was not kept)
skipped-step        id (step key), title, group (session), value (planned minutes)
step                id (step key), title, group (session), value (planned minutes), flags (how far
                    the room got: answered, no-scored-answer, shown, jumped-past, skipped,
                    not-reached, not-run)
participant         id, title (display name), text (role; "" in an anonymous workshop), answered
                    (answers), flags (removed)
headcount           value (the participants the answers come from: those present and those who left during the
                    day after answering), text (as the cover says it: "40 participants (1 left during the day)")
role-in-room        text (a role of an anonymous workshop's room, once, in sorted order: tied to no seat), value
                    (how many in the room have it)
poker-note          id (card), title, participant (holder), group (prompt), text
room-note           id (step key), title (step title), text, flags (quick)
note                everything the room wrote, as the Notes page and the JSON ``notebook`` list it,
                    in that order: id (step key; ``poker:<card-id>`` for a Poker card), title (the
                    step's or card's title), group (kind: room, discuss, quick, poker, role,
                    comment), value (the option a comment came with, the Poker prompt or the role
                    line's decision), participant (who, when the workshop is named and it is
                    recorded), when (local time), text
==================  ==========================================================================

The ``note`` rows repeat the comments, room notes and Poker notes of the rows above and add the rest (comments on
ratings and on the competency audit, role lines), so the CSV carries every note the other summaries do.

``score`` is 0..100; ``mean``/``low``/``high``/``spread`` are on the item's own scale;
shares are 0..1. Text is neutralised for spreadsheets: a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a line break (or the full-width signs) gets a
leading ``'`` so it is never run as a formula; control characters are shown as ␀, ␛ ….
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from bootcamp.export.report_text import people_said, tactical_phrase, tally
from bootcamp.export.safe_text import plain
from bootcamp.plurals import counted
from bootcamp.summary.action_days import closed_on
from bootcamp.summary.model import CommitmentReport, QuestionResult, RatingSummary
from bootcamp.summary.rounding import half_up, whole

COLUMNS = (
    "section",
    "id",
    "title",
    "group",
    "participant",
    "perspective",
    "value",
    "score",
    "level",
    "mean",
    "low",
    "high",
    "spread",
    "answered",
    "scored",
    "dont_know",
    "dont_know_share",
    "rank",
    "flags",
    "suggestion",
    "owner",
    "due",
    "text",
    "ask_next",
    "do_next",
    "when",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will show, never evaluate."""
    text = plain(text)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{half_up(value, 3):g}"
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def render_csv(report: CommitmentReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in _rows(report):
        writer.writerow([_cell(row.get(column)) for column in COLUMNS])
    return out.getvalue()


def _question_id(question: QuestionResult) -> str:
    return f"{question.step_key}#{question.item}" if question.item else question.step_key


def _rows(report: CommitmentReport) -> Iterator[dict[str, Any]]:
    overall = report.overall
    yield {
        "section": "overall",
        "score": overall.score,
        "level": overall.level.title if overall.level else None,
        "answered": overall.answered,
        "scored": overall.scored,
        "dont_know": overall.dont_know,
        "text": (
            overall.withheld_text
            if overall.level_withheld
            else f"{overall.measured} of {counted(overall.dimensions, 'dimension')} measured"
        ),
    }
    rank = {d.id: n for n, d in enumerate(report.weakest_first, 1)}
    for d in report.dimensions:
        flags = [d.status.value] if not d.measured else []
        flags += ["unclear"] * d.unclear + ["nobody-knows"] * d.nobody_knows
        yield {
            "section": "dimension",
            "id": d.id,
            "title": d.title,
            "score": d.score,
            "level": d.level.title if d.level else None,
            "answered": d.answered,
            "scored": d.scored,
            "dont_know": d.dont_know,
            "dont_know_share": d.dont_know_share,
            "rank": rank.get(d.id),
            "flags": ";".join(flags),
            "text": d.text,
        }
        for q in d.questions:
            yield {
                "section": "question",
                "id": _question_id(q),
                "title": q.text,
                "group": d.id,
                "score": q.score,
                "answered": q.answered,
                "scored": q.scored,
                "dont_know": q.dont_know,
                "dont_know_share": q.dont_know / q.answered if q.answered else None,
                "value": tally(q),
                "flags": "skipped" if q.skipped else "",
                "ask_next": q.ask_next,
                "do_next": q.do_next,
            }
            for c in q.comments:
                yield {
                    "section": "comment",
                    "id": _question_id(q),
                    "group": d.id,
                    "participant": c.participant,
                    "value": c.value,
                    "text": c.text,
                }
    for heat_map in report.heat_maps:
        for row in heat_map.rows:
            for column, cell in zip(heat_map.columns, row.cells, strict=True):
                if cell is None:
                    continue
                yield {
                    "section": "heatmap-cell",
                    "group": heat_map.step_key,
                    "id": column.item,
                    "title": column.title,
                    "participant": row.participant,
                    "perspective": column.perspective,
                    "value": cell.label,
                    "score": None if cell.normalised is None else whole(cell.normalised * 100),
                }
        for average in heat_map.averages:
            yield _rating("heatmap-average", heat_map.step_key, average)
        for gap in heat_map.gaps:
            yield {
                "section": "self-team-gap",
                "group": heat_map.step_key,
                "id": gap.item,
                "title": gap.title,
                "value": gap.shown_gap,
                "flags": "gap" if gap.flagged else "",
            }
    for audit in report.audits:
        for row in audit.rows:
            yield _rating("audit", audit.step_key, row)
    if report.role:
        role = report.role
        for line in role.lines:
            yield {
                "section": "role-line",
                "id": line.id,
                "title": line.text,
                "value": line.decision,
                "suggestion": line.suggestion.value,
                "text": line.reason,
            }
        yield {
            "section": "role-share",
            "value": role.tactical_share,
            "answered": role.decided,
            "scored": role.tactical,
            "text": tactical_phrase(report),
        }
        for q in role.gaps:
            yield {
                "section": "structure-gap",
                "id": q.item or q.id,
                "title": q.text,
                "score": q.score,
                "ask_next": q.ask_next,
                "do_next": q.do_next,
            }
    for a in report.actions:
        yield {
            "section": "action",
            "id": a.id,
            "title": a.what,
            "owner": a.owner,
            "due": a.due,
            "value": a.status,
            "text": a.source_title,
            "flags": "overdue" if a.overdue else "late" if a.days_late else "",
            "when": closed_on(a.status, a.status_at),
        }
    for s in report.skipped:
        yield {"section": "skipped-step", "id": s.key, "title": s.title, "group": s.session, "value": s.minutes}
    for step in report.steps:
        yield {
            "section": "step",
            "id": step.key,
            "title": step.title,
            "group": step.session,
            "value": step.minutes,
            "flags": step.reach.value,
        }
    for p in report.participants:
        yield {
            "section": "participant",
            "id": p.id,
            "title": p.name,
            "text": p.role,
            "answered": p.answers,
            "flags": "removed" if p.removed else "",
        }
    yield {"section": "headcount", "value": report.participants_counted, "text": people_said(report)}
    for counted_role in report.roles_counted:
        yield {"section": "role-in-room", "text": counted_role.role, "value": counted_role.count}
    for card in report.poker:
        for label, text in card.notes:
            yield {
                "section": "poker-note",
                "id": card.card,
                "title": card.title,
                "participant": card.holder,
                "group": label,
                "text": text,
            }
    for note in report.notes:
        yield {
            "section": "room-note",
            "id": note.step_key,
            "title": note.step_title,
            "text": note.text,
            "flags": "quick" if note.quick else "",
        }
    for written in report.notebook:
        yield {
            "section": "note",
            "id": written.step_key,
            "title": written.where,
            "group": written.kind.value,
            "value": written.label,
            "participant": written.who,
            "when": written.when,
            "text": written.text,
        }


def _rating(section: str, step_key: str, rating: RatingSummary) -> dict[str, Any]:
    return {
        "section": section,
        "group": step_key,
        "id": rating.item,
        "title": rating.title,
        "perspective": rating.perspective,
        "score": None if rating.normalised is None else whole(rating.normalised * 100),
        "mean": rating.mean,
        "low": rating.low,
        "high": rating.high,
        "spread": rating.spread,
        "answered": rating.answered,
        "scored": rating.scored,
        "dont_know": rating.dont_know,
    }

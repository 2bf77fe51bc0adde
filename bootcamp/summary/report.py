"""``build_report``: a workshop's content copy and stored data → one :class:`CommitmentReport`.

A pure function: it reads no file and no clock, so the same inputs always give the same
report, and the screen, Markdown, HTML, JSON and CSV all show one and the same thing.

Removed participants: their answers still count. They answered in the room, on the day,
and the report is the room's; dropping them would change the scores by a roster edit.
They are listed apart, so a reader sees whose answers those were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bootcamp.content.model import Program
from bootcamp.names import told_apart
from bootcamp.store.model import Action, ActionStatus, Answer, RoomRecords, WorkshopInfo, WorkshopState
from bootcamp.summary.answers import AnswerIndex, count_unmatched
from bootcamp.summary.coverage import is_started, step_coverage, step_reaches
from bootcamp.summary.model import (
    ActionResult,
    CommitmentReport,
    NoteKind,
    ParticipantResult,
    PokerNote,
    RoomNoteResult,
    SkippedStep,
)
from bootcamp.summary.notes import build_notes
from bootcamp.summary.ratings import build_ratings
from bootcamp.summary.role import build_verdict
from bootcamp.summary.room_clock import room_days
from bootcamp.summary.scoring import score_dimensions

_STILL_TO_DO = (ActionStatus.OPEN, ActionStatus.DOING)


def build_report(
    program: Program,
    info: WorkshopInfo,
    answers: Sequence[Answer],
    room: RoomRecords,
    state: WorkshopState,
    *,
    as_of: date | str | None = None,
) -> CommitmentReport:
    """The commitment report; ``as_of`` (default: the workshop's date) decides which actions are overdue."""
    agenda = info.agenda if program.agenda(info.agenda) is not None else "full"
    index = AnswerIndex.of(answers, info)
    names = told_apart(info.participants)  # "Sam Lee (CFO)" where two are called Sam Lee
    # Anonymous: no comment, Poker note or role is tied to a seat (P2 beside "(CEO)" names whoever the CEO is).
    written_by = {} if info.anonymous else names
    # Answers win over a skip: a step the room answered is reported by its answers, never as skipped for time
    # (a stray s skipped a fully rated step, and the summary said so above its grid of answers).
    secret = frozenset(state.secret)
    skipped = frozenset(key for key in state.skipped if not index.of_step(key))
    started = is_started(state, index)
    reaches = step_reaches(program, agenda, state, index, room)
    dimensions, overall = score_dimensions(program, agenda, index, written_by, reaches, secret, skipped, started=started)
    heat_maps, audits = build_ratings(program, agenda, index, info, secret, skipped, reaches)
    report_date = _as_date(as_of) or _as_date(info.date)
    return CommitmentReport(
        workshop_id=info.id,
        workshop=info.name,
        organisation=info.organisation,
        date=info.date,
        agenda=agenda,
        anonymous=info.anonymous,
        program=program.title,
        content_hash=program.content_hash or info.content_hash,
        as_of=report_date.isoformat() if report_date else "",
        levels=tuple(sorted(program.levels, key=lambda level: level.min_score)),
        overall=overall,
        dimensions=dimensions,
        heat_maps=heat_maps,
        audits=audits,
        role=build_verdict(program, agenda, room, dimensions),
        actions=tuple(_action(action, program, report_date) for action in room.actions),
        skipped=tuple(
            SkippedStep(step.key, step.title, _session_title(program, step.session_id), step.minutes)
            for step in program.steps(agenda)
            if step.key in skipped
        ),
        participants=tuple(
            ParticipantResult(
                p.id, p.display_name, "" if info.anonymous else p.role, p.removed, index.per_person.get(p.id, 0)
            )
            for p in info.participants
        ),
        poker=_poker_notes(program, room, written_by),
        notes=tuple(
            RoomNoteResult(note.step_key, _step_title(program, note.step_key), note.text, note.quick)
            for note in room.notes
            if note.text.strip()
        ),
        unmatched_answers=count_unmatched(program, agenda, index),
        started=started,
        steps=step_coverage(program, agenda, reaches, {s.id: s.title for s in program.sessions}),
        notebook=build_notes(program, agenda, info, room, index, state.secret, room_days(state)),
        roles=tuple(sorted((p.role for p in info.participants if p.role), key=str.casefold)) if info.anonymous else (),
        days=_days(state),
    )


def _days(state: WorkshopState) -> tuple[str, ...]:
    """The dates a workshop run over more than one day met on; empty for one day (:meth:`WorkshopState.days_met`)."""
    return state.days_met()


def without_private_notes(report: CommitmentReport) -> CommitmentReport:
    """The report to share: the facilitator's quick notes (ctrl+n, "not projected") taken out of every note list,
    and counted, so whoever writes it can say so. The full data export keeps them."""
    left_out = sum(1 for note in report.notes if note.quick)
    if not left_out:
        return report
    return replace(
        report,
        notes=tuple(note for note in report.notes if not note.quick),
        notebook=tuple(note for note in report.notebook if note.kind is not NoteKind.QUICK),
        private_notes_left_out=report.private_notes_left_out + left_out,
    )


def private_notes_said(report: CommitmentReport) -> str:
    """One sentence for whoever wrote a summary to share; "" when no quick note was left out."""
    count = report.private_notes_left_out
    if not count:
        return ""
    notes = "1 quick note" if count == 1 else f"{count} quick notes"
    return f"{notes} (the facilitator's own, ctrl+n) left out of this summary"


def _as_date(value: date | str | None) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _action(action: Action, program: Program, report_date: date | None) -> ActionResult:
    due = _as_date(action.due)
    overdue = bool(due and report_date and due < report_date and action.status in _STILL_TO_DO)
    return ActionResult(
        id=action.id,
        what=action.what,
        owner=action.owner,
        due=action.due,
        status=str(action.status),
        source=action.source,
        source_title=_source_title(program, action.source),
        overdue=overdue,
        status_at=action.status_at,
    )


def _source_title(program: Program, source: str) -> str:
    kind, _, card_id = source.partition(":")
    if kind == "poker" and card_id:
        poker = program.poker()
        deck = program.item_list(poker.deck) if poker else None
        card = deck.item(card_id) if deck else None
        return f"{poker.title}: {card.title}" if poker and card else source
    return _step_title(program, source) if source else ""


def _step_title(program: Program, step_key: str) -> str:
    step = program.step(step_key)
    return step.title if step else step_key


def _session_title(program: Program, session_id: str) -> str:
    session = program.session(session_id)
    return session.title if session else session_id


def _poker_notes(program: Program, room: RoomRecords, names: dict[str, str]) -> tuple[PokerNote, ...]:
    poker = program.poker()
    deck = program.item_list(poker.deck) if poker else None
    labels = {prompt.id: prompt.label for prompt in poker.prompts} if poker else {}
    found: list[PokerNote] = []
    for card in room.poker:
        written = {prompt: text for prompt, text in card.notes.items() if text.strip()}
        if not written:
            continue
        ordered = [(labels[p], written[p]) for p in labels if p in written]
        ordered += [(p, text) for p, text in written.items() if p not in labels]  # prompts since removed
        item = deck.item(card.card_id) if deck else None
        found.append(
            PokerNote(card.card_id, item.title if item else card.card_id, names.get(card.holder, ""), tuple(ordered))
        )
    return tuple(found)

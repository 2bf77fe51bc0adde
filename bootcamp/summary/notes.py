"""Everything the room wrote, in one list for the Notes page and every export: room, discussion and quick notes,
Aptitude Poker notes by card, the lines of the role description with the room's decisions, and the comments
typed with answers.

Notes come in the agenda's order (by the step they were written at; Poker notes at the Poker step),
each step's notes by the time they were written (those with no time stored first, as they were stored). Who wrote a note is said only where it is recorded and
the workshop is named: never in an anonymous workshop, never for a secret ballot (whose time is not
stored either). Role lines are here too: the Role page cuts a long line to fit its row, and the CCO rereads
them whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bootcamp.content.model import Asks, Program, RoleCheck, StepKind
from bootcamp.names import told_apart
from bootcamp.store.model import RoomRecords, WorkshopInfo
from bootcamp.summary.answers import AnswerIndex, options_of
from bootcamp.summary.model import Note, NoteKind, decision_label
from bootcamp.summary.room_clock import RoomDay, room_when


def _about(step_title: str, asks: Asks | None, item_id: str, perspective: str) -> str:
    """Where a comment was typed: the step, and for a rating or a structure question which item (and perspective):
    "Rate the ten aptitudes: Persist! (team)"."""
    item = asks.item(item_id) if asks and item_id else None
    if item is None:
        return step_title
    return f"{step_title}: {item.title}" + (f" ({perspective})" if perspective else "")


def build_notes(
    program: Program,
    agenda: str,
    info: WorkshopInfo,
    room: RoomRecords,
    index: AnswerIndex,
    secret: Sequence[str],
    days: Sequence[RoomDay] = (),
) -> tuple[Note, ...]:
    """``days``: the workshop's days with the room's offsets (room_clock.room_days), so each note's time is the
    room's clock."""
    shown = told_apart(info.participants)  # "Sam Lee (CFO)" where two are called Sam Lee
    names: Mapping[str, str] = {} if info.anonymous else {p.id: shown[p.id] for p in info.participants if p.name}
    steps = program.steps(agenda)
    order = {step.key: number for number, step in enumerate(steps)}
    poker = program.poker()
    poker_step = next((s.key for s in steps if s.kind is StepKind.EXERCISE and poker and s.exercise == poker.id), "")
    found: list[tuple[int, str, int, Note]] = []

    def add(step_key: str, note: Note) -> None:
        # UTC ISO times of one writer sort as text; a note with no time keeps its place before the timed ones.
        found.append((order.get(step_key, len(order)), note.at, len(found), note))

    for note in room.notes:
        if not note.text.strip():
            continue
        step = program.step(note.step_key)
        kind = (
            NoteKind.QUICK
            if note.quick
            else NoteKind.DISCUSS
            if step and step.kind is StepKind.DISCUSS
            else NoteKind.ROOM
        )
        title = step.title if step else note.step_key
        when = room_when(note.at, info.date, days)
        add(note.step_key, Note(kind, note.step_key, title, "", note.text, note.at, when, ""))

    for step in steps:
        commented = [answer for answer in index.of_step(step.key) if answer.comment.strip()]
        if not commented:
            continue
        asks = program.asks(step)
        # Looked up once per step, not per comment: options_of hashes the whole scale to find it.
        options = options_of(asks.scale) if asks else {}
        hidden = step.key in secret
        # The heat map lists each seat's rating: in an anonymous workshop, a rating comment's item and answer together
        # would point at the seat that wrote it, so it names the item alone.
        answer_told = not (info.anonymous and step.kind is StepKind.RATE)
        if info.anonymous:  # seats' order would tell whose comment is whose: by time, then by what they say
            commented.sort(key=lambda answer: (answer.at, answer.comment))
        for answer in commented:
            option = options.get(answer.value)
            at = "" if hidden else answer.at
            add(
                step.key,
                Note(
                    NoteKind.COMMENT,
                    step.key,
                    _about(step.title, asks, answer.item, answer.perspective),
                    option[0].label if option and answer_told else "",
                    answer.comment,
                    at,
                    room_when(at, info.date, days),
                    "" if hidden else names.get(answer.participant_id, ""),
                ),
            )

    check_step = next(
        (s for s in steps if s.kind is StepKind.CHECK and isinstance(program.exercise(s.exercise), RoleCheck)), None
    )
    for role_line in room.role_lines:
        if not role_line.text.strip():
            continue
        known = role_line.decision in ("strategic", "tactical", "undecided")
        decision = decision_label(role_line.decision if known else "")
        key, title = (check_step.key, check_step.title) if check_step else ("", "Role description")
        add(
            key,
            Note(
                NoteKind.ROLE,
                key,
                title,
                decision,
                role_line.text,
                role_line.at,
                room_when(role_line.at, info.date, days),
                "",
            ),
        )

    deck = program.item_list(poker.deck) if poker else None
    labels = {prompt.id: prompt.label for prompt in poker.prompts} if poker else {}
    for card in room.poker:
        item = deck.item(card.card_id) if deck else None
        written = [(p, card.notes[p]) for p in labels if card.notes.get(p, "").strip()]
        written += [
            (p, text) for p, text in card.notes.items() if p not in labels and text.strip()
        ]  # prompts since removed
        for prompt, text in written:
            add(
                poker_step,
                Note(
                    NoteKind.POKER,
                    f"poker:{card.card_id}",
                    item.title if item else card.card_id,
                    labels.get(prompt, prompt),
                    text,
                    "",
                    "",
                    names.get(card.holder, ""),
                ),
            )
    return tuple(note for *_, note in sorted(found, key=lambda entry: entry[:3]))

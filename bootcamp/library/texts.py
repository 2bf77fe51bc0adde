"""The text search needs from one workshop: each piece with where it is (pure: values in, entries out)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from bootcamp.library.model import (
    ACTION,
    COMMENT,
    ORGANISATION,
    PARTICIPANT,
    POKER_NOTE,
    QUICK_NOTE,
    ROLE_LINE,
    ROOM_NOTE,
    STEP,
    WORKSHOP,
)
from bootcamp.store.ids import is_ballot_id

if TYPE_CHECKING:
    from bootcamp.content.model import Program
    from bootcamp.store.model import Answer, RoomRecords, WorkshopInfo

POKER_SOURCE = "poker:"  # an action's source when it came from an Aptitude Poker card


class TextEntry(NamedTuple):
    where: str  # one of bootcamp.library.model's WORKSHOP … POKER_NOTE
    step_key: str  # "" for the workshop's name, organisation and participants
    text: str
    about: str  # a comment's participant id ("" when secret or anonymous), a Poker note's "card-id/prompt-id", else ""
    order: int  # the step's place in the agenda (-1 before every step), so hits read in the order of the day


def _steps(program: Program | None, agenda: str) -> tuple[dict[str, int], dict[str, str], str, str]:
    """Each step key's place in the agenda and its title, and the keys of its role-check and Aptitude Poker steps
    ("" if none)."""
    if program is None:
        return {}, {}, "", ""
    order: dict[str, int] = {}
    titles: dict[str, str] = {}
    role_step = poker_step = ""
    for index, step in enumerate(program.steps(agenda)):
        order.setdefault(step.key, index)
        titles.setdefault(step.key, step.title)
        exercise = program.exercise(step.exercise) if step.exercise else None
        kind = getattr(exercise, "kind", "")
        if kind == "role-check" and not role_step:
            role_step = step.key
        elif kind == "poker" and not poker_step:
            poker_step = step.key
    return order, titles, role_step, poker_step


def text_entries(
    info: WorkshopInfo, room: RoomRecords, answers: tuple[Answer, ...] | list[Answer], program: Program | None
) -> list[TextEntry]:
    """Everything of the workshop a search may find; never a participant's name in an anonymous workshop."""
    order, titles, role_step, poker_step = _steps(program, info.agenda)

    def entry(where: str, step_key: str, text: str, about: str = "") -> TextEntry:
        return TextEntry(where, step_key, text, about, order.get(step_key, -1))

    entries = [entry(WORKSHOP, "", info.name), entry(ORGANISATION, "", info.organisation)]
    if not info.anonymous:  # their names are "" anyway; never searched, whatever a file says
        entries += [entry(PARTICIPANT, "", p.name) for p in info.participants if p.name]
    # a step's title first among its texts: the first hit for "Mandate" opens that step, its notes and answers
    entries += [entry(STEP, key, title) for key, title in titles.items()]
    entries += [entry(QUICK_NOTE if note.quick else ROOM_NOTE, note.step_key, note.text) for note in room.notes]
    for answer in answers:
        if answer.comment:
            secret = info.anonymous or is_ballot_id(answer.participant_id)
            entries.append(entry(COMMENT, answer.step_key, answer.comment, "" if secret else answer.participant_id))
    entries += [entry(ROLE_LINE, role_step, line.text) for line in room.role_lines]
    for action in room.actions:
        step_key = poker_step if action.source.startswith(POKER_SOURCE) else action.source
        entries.append(entry(ACTION, step_key, action.what))
    for card in room.poker:
        entries += [entry(POKER_NOTE, poker_step, text, f"{card.card_id}/{prompt}") for prompt, text in card.notes.items() if text]
    entries = [e for e in entries if e.text]
    entries.sort(key=lambda e: e.order)  # stable: within a step, the kinds keep the order above
    return entries

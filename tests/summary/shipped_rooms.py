"""Rooms answering the shipped content's commitment questions, for tests of what the summary says about them."""

from __future__ import annotations

import re
from collections.abc import Callable

from summary_rooms import info, participants

from bootcamp.content.model import Program
from bootcamp.store.model import Answer, RoomRecords, WorkshopState
from bootcamp.summary import CommitmentReport, build_report
from bootcamp.summary.scoring import asked_questions


def room(program: Program, people: int, value: Callable[[int, int], str], *, comment: str = "") -> CommitmentReport:
    """Every commitment question answered by ``people`` people: person n's answer to question q is value(n, q);
    the questions in the content's order of dimensions (0 is the mandate's first)."""
    seats = participants(people)
    order = [d.id for d in program.dimensions]
    asked = sorted(asked_questions(program, "full"), key=lambda a: order.index(a.question.dimension))
    answers = [
        Answer(p.id, a.step.key, item=a.item, value=value(n, q), comment=comment)
        for n, p in enumerate(seats)
        for q, a in enumerate(asked)
        if value(n, q)
    ]
    return build_report(program, info(seats), answers, RoomRecords(), WorkshopState())


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def everyone(answer: str) -> Callable[[int, int], str]:
    return lambda n, q: answer

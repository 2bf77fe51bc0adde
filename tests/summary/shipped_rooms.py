"""Rooms answering the shipped content's commitment questions, for tests of what the summary says about them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from summary_rooms import info, participants

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.content.model import Program
from bootcamp.demo import create_demo_workshop
from bootcamp.locations import default_content_dir
from bootcamp.store import Store
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


def demo_report(data_dir: Path) -> CommitmentReport:
    """The demo's day as its summary reports it: ten dimensions of commented questions, ten aptitudes rated for self
    and team (twenty heat-map columns)."""
    store = Store(data_dir, FixedClock())
    workshop = store.open(create_demo_workshop(store, load_dir(default_content_dir()).sources).id)
    return build_report(workshop.program(), workshop.info(), workshop.answers(), workshop.room(), workshop.state())

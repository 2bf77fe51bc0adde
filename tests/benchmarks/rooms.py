"""The workshops the figures are measured on, built from the shipped content and the demo room.

The demo room (``bootcamp.demo``, fixed seed) has eight people with answers on every
step. A room of any size is made from it: each extra seat answers as one of the demo's
people did, so every participant's file is as big as a real one (about 50 answers).
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.content import read_sources
from bootcamp.demo import create_demo_workshop
from bootcamp.locations import default_content_dir
from bootcamp.store import Store, WorkshopBundle, is_ballot_id, new_ballot_id
from bootcamp.store.files import workshop_file
from bootcamp.store.ids import new_participant_id, new_workshop_id
from bootcamp.store.model import Answer, Participant, WorkshopInfo


def shipped_sources() -> dict[str, str]:
    return read_sources(default_content_dir())


def demo_room(scratch: Path, sources: dict[str, str]) -> WorkshopBundle:
    """The demo workshop as one value (written once to ``scratch`` and read back, as the app would see it)."""
    store = Store(scratch, SystemClock())
    return store.open(create_demo_workshop(store, sources).id).bundle()


def room_of(demo: WorkshopBundle, size: int) -> WorkshopBundle:
    """The demo room with ``size`` seats: the demo's own people first, then copies of them with new ids and names."""
    people = demo.info.participants
    by_owner: dict[str, list[Answer]] = {}
    for answer in demo.answers:
        by_owner.setdefault(answer.participant_id, []).append(answer)
    ballots = [owner for owner in by_owner if is_ballot_id(owner)]

    seats: list[Participant] = []
    answers: list[Answer] = []
    for seat in range(size):
        model = people[seat % len(people)]
        if seat < len(people):
            person = model
        else:
            person = dataclasses.replace(
                model,
                id=new_participant_id({p.id for p in seats}),
                number=seat + 1,
                name=f"{model.name} {seat // len(people) + 1}",
            )
        seats.append(person)
        answers += [dataclasses.replace(a, participant_id=person.id) for a in by_owner.get(model.id, ())]
        if ballots:  # a secret ballot per seat, as on the demo's secret step
            ballot = ballots[seat % len(ballots)]
            owner = ballot if seat < len(ballots) else new_ballot_id()
            answers += [dataclasses.replace(a, participant_id=owner) for a in by_owner[ballot]]
    info = dataclasses.replace(demo.info, participants=tuple(seats))
    # The deal goes round the seats there are, as a deal does: a smaller room holds no card of someone absent.
    poker = tuple(dataclasses.replace(card, holder=seats[n % len(seats)].id) for n, card in enumerate(demo.room.poker))
    room = dataclasses.replace(demo.room, poker=poker)
    return dataclasses.replace(demo, info=info, room=room, answers=tuple(answers))


def stored_workshop(data_dir: Path, bundle: WorkshopBundle) -> WorkshopInfo:
    """``bundle`` written to ``data_dir`` through the store, with a new id."""
    return Store(data_dir, SystemClock()).import_workshop(bundle, new_id=True)


def add_copies(data_dir: Path, original: WorkshopInfo, count: int) -> None:
    """``count`` more workshops in ``data_dir``, each a copy of ``original`` under its own id (years of boot camps).

    Copied as plain files, not through the store: this is set-up, and a thousand durable
    imports would take minutes. Only ``workshop.json`` differs, because it names its folder.
    """
    workshops = Store(data_dir).workshops_dir
    for _ in range(count):
        folder = workshops / new_workshop_id()
        while folder.exists():  # ids are random: draw again on the rare clash
            folder = workshops / new_workshop_id()
        shutil.copytree(workshops / original.id, folder)
        workshop_file(folder).create(dataclasses.replace(original, id=folder.name))

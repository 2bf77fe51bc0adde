"""A secret ballot from a phone: cast once per seat, and nothing stored, logged or shown links it to the seat."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bootcamp.live.actors import Actor
from bootcamp.store import WorkshopFiles, is_ballot_id

from .conftest import MANDATE, RATE, Phone, Room, closing, phone_at, text_of


async def test_a_ballot_stores_nothing_that_links_it_to_its_seat(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    assert "Secret ballot: stored without your name." in text_of(ana.html) and 'type="radio"' in ana.html
    heard = []
    room.workshop.listen(heard.append)
    status, part = await ana.post("ballot", {"step": MANDATE, "pick:|": "no", "comment": "not really"})
    assert status == 200 and "Your ballot is cast: saved ✓" in text_of(part)  # answered once the writer stored it

    [ballot] = files.answers()
    assert is_ballot_id(ballot.participant_id)
    assert (ballot.value, ballot.comment, ballot.at) == ("no", "not really", "")  # no time
    ana_id = room.person("Ana")
    answers_folder = files.path / "answers"
    assert {p.name for p in answers_folder.iterdir()} == {
        f"{ballot.participant_id}.json",
        f"{ballot.participant_id}.json.lock",
    }
    for path in answers_folder.iterdir():
        assert os.stat(path).st_mtime == 0  # nor a file time
        assert ana_id not in path.read_text() and "Ana" not in path.read_text()
    assert {change.by for change in heard if change.by is not None} == {Actor("phone")}  # listeners hear of nobody
    log = room.log_path.read_text()
    assert "/seat" in log and "/ballot" not in log and ballot.participant_id not in log  # no log line
    assert "INFO 127.0.0.1" not in log  # nor the address of a page loaded right after it
    seats = repr(vars(room.server.room.seats))
    assert ballot.participant_id not in seats and MANDATE in seats  # the seat knows it voted, not which ballot is its
    undone = room.workshop.undo()
    assert str(undone) == "the last secret ballot on 'Who drives agreement?' (from a participant's phone)"  # nor undo
    assert ana_id not in repr(undone) and "Ana" not in str(undone)
    await closing(room, phones)


async def test_one_ballot_per_seat_and_no_named_answer_on_a_secret_step(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    ben = await phone_at(room, phones)
    await ben.sit("Ben")
    status, _ = await ben.answer("yes")
    assert status == 422
    status, _ = await ben.post("ballot", {"step": MANDATE, "pick:|": "yes"})
    assert status == 200
    status, part = await ben.post("ballot", {"step": MANDATE, "pick:|": "yes"})
    assert status == 422 and "You have cast your ballot on this step already." in text_of(part)
    assert room.workshop.snapshot.ballots_for(MANDATE) == 1
    assert room.workshop.records.answer(room.person("Ben"), MANDATE) is None
    room.move_on()
    moved = text_of(await ben.load())
    assert "The room moved on from “Who drives agreement?”: your ballot was cast." in moved
    await closing(room, phones)


async def test_a_secret_rating_is_one_ballot_with_every_pick(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    room.workshop.toggle("secret", RATE)
    chloe = await phone_at(room, phones)
    await chloe.sit("Chloe")
    picks = {"pick:persist|self": "strong", "pick:persist|team": "weak", "pick:give-power-away|self": "mixed"}
    status, _ = await chloe.post("ballot", {"step": RATE, **picks}, script=False)
    assert status == 200 and "Your ballot is cast" in text_of(chloe.html)
    await room.workshop.settled()
    stored = files.answers()
    assert len({a.participant_id for a in stored}) == 1 and all(a.at == "" for a in stored)
    assert sorted((a.item, a.perspective, a.value) for a in stored) == [
        ("give-power-away", "self", "mixed"),
        ("persist", "self", "strong"),
        ("persist", "team", "weak"),
    ]
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    status, part = await ana.post("ballot", {"step": RATE, "pick:persist|self": "maybe"})
    assert status == 422 and "Not kept: 'maybe' is not on the scale 'strength'" in text_of(part)
    status, part = await ana.post("ballot", {"step": RATE})
    assert status == 422 and "Your ballot was not cast: pick at least one answer." in text_of(part)
    assert len({a.participant_id for a in room.workshop.snapshot.answers}) == 1  # nothing of Ana's was kept
    status, _ = await ana.post("ballot", {"step": RATE, "pick:persist|self": "weak"})
    assert status == 200  # a refused ballot was not counted as cast
    await closing(room, phones)


async def test_who_has_voted_survives_a_freed_seat_and_a_restart_and_names_no_ballot(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    ana, ben = await phone_at(room, phones), await phone_at(room, phones)
    await ben.sit("Ben")
    await ana.sit("Ana")
    assert (await ben.post("ballot", {"step": MANDATE, "pick:|": "yes"}))[0] == 200
    assert (await ana.post("ballot", {"step": MANDATE, "pick:|": "no"}))[0] == 200
    assert room.server.release(room.person("Ana"))  # her phone was lost: she takes her seat again on another
    again = await phone_at(room, phones)
    await again.sit("Ana")
    assert "Your ballot is cast: saved ✓" in text_of(again.html)
    status, part = await again.post("ballot", {"step": MANDATE, "pick:|": "yes"})
    assert status == 422 and "You have cast your ballot on this step already." in text_of(part)

    await room.close()  # the console quits, and opens the workshop again with phones
    room = await Room.open(files, tmp_path, at="")
    later = await phone_at(room, phones)
    await later.sit("Ana")
    assert "Your ballot is cast: saved ✓" in text_of(later.html)
    status, part = await later.post("ballot", {"step": MANDATE, "pick:|": "yes"})
    assert status == 422 and "You have cast your ballot on this step already." in text_of(part)
    assert room.workshop.snapshot.ballots_for(MANDATE) == 2 and len(files.answers()) == 2

    # Who voted is a roll of names in no order, with no time, apart from the ballots: nothing links the two.
    voted = files.path / "voted.json"
    ids = sorted([room.person("Ana"), room.person("Ben")])  # Ben cast first: sorted, the roll says nothing of it
    assert json.loads(voted.read_text()) == {"format": "bootcamp/voted", "version": 1, "voted": {MANDATE: ids}}
    assert os.stat(voted).st_mtime == 0 and os.stat(f"{voted}.lock").st_mtime == 0
    await closing(room, phones)


async def test_once_the_results_are_revealed_the_ballot_is_closed(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    room.workshop.toggle("secret", MANDATE)
    ana, ben = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    await ben.sit("Ben")
    assert (await ana.post("ballot", {"step": MANDATE, "pick:|": "yes"}))[0] == 200
    room.workshop.toggle("revealed", MANDATE)
    page = await ben.load()
    assert "The results are out, so this ballot is closed." in text_of(page) and "Cast my ballot" not in page
    # A late ballot would change the wall's tally at once, and the room would see how Ben voted.
    status, part = await ben.post("ballot", {"step": MANDATE, "pick:|": "no"})
    assert status == 422 and "The results are out, so this ballot is closed." in text_of(part)
    assert room.workshop.snapshot.ballots_for(MANDATE) == 1 and len(files.answers()) == 1
    room.workshop.toggle("revealed", MANDATE)  # the facilitator hides the results: the ballot is open again
    assert (await ben.post("ballot", {"step": MANDATE, "pick:|": "no"}))[0] == 200
    await closing(room, phones)

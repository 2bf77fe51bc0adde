"""What the room is told about who has answered: people who left and secret ballots are counted apart."""

from __future__ import annotations

from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store import new_ballot_id
from bootcamp.store.model import Answer, Participant, WorkshopInfo

STEP = "commitment/mandate"


def room(*answers: Answer) -> WorkshopSnapshot:
    seats = (
        Participant("p1", 1, "Ana"),
        Participant("p2", 2, "Ben"),
        Participant("p3", 3, "Chloe", removed=True),
        Participant("p4", 4, "Dee"),
    )
    info = WorkshopInfo("w", "Spring", "Org", "2026-09-21", "full", False, seats, "hash", "2026-09-21T09:00:00")
    return WorkshopSnapshot(info, answers)


def test_only_people_in_the_room_count_towards_of_n() -> None:
    data = room(Answer("p1", STEP, value="yes"), Answer("p3", STEP, value="no"), Answer("p2", STEP, comment="only a comment"))
    assert data.answered(STEP, secret=False) == "1 of 3 answered · 1 who left"


def test_ballots_are_named_apart_and_a_secret_step_counts_all_of_them() -> None:
    ballots = [Answer(new_ballot_id(), STEP, value="no") for _ in range(2)]
    data = room(Answer("p1", STEP, value="yes"), *ballots)
    assert data.answered(STEP, secret=False) == "1 of 3 answered · 2 secret ballots"
    assert data.answered(STEP, secret=True, verb="cast") == "3 cast"
    assert data.ballots_for(STEP) == 2


def test_on_a_grid_only_who_rated_every_cell_counts_and_a_ballot_counts_whole() -> None:
    grid = "aptitudes/rate"
    cells = [("a1", "self"), ("a1", "team"), ("a2", "self"), ("a2", "team")]
    ana = [Answer("p1", grid, item, side, "strong") for item, side in cells]
    ben = [Answer("p2", grid, item, side, "weak") for item, side in cells[:3]]  # one left empty
    ballot = Answer(new_ballot_id(), grid, "a1", "self", "weak")
    data = room(*ana, *ben, ballot)
    assert data.answered(grid, secret=False, verb="rated", cells=4) == "1 of 3 rated · 1 secret ballot"

"""Home's order and run numbers: an organisation's runs together and numbered along their lineage."""

from __future__ import annotations

from bootcamp.library.runs import grouped_by_organisation, run_numbers
from bootcamp.store.model import WorkshopInfo
from bootcamp.summary.lineage import line_of


def run(id: str, organisation: str, date: str, follows: str = "") -> WorkshopInfo:
    return WorkshopInfo(id, f"{organisation} {date}", organisation, date, "full", False, (), "", f"{date}T09:00:00+00:00", follows)


def test_runs_are_numbered_along_the_line_they_follow() -> None:
    first, second = run("w1", "Acme", "2026-01-10"), run("w2", "Acme", "2026-06-10", follows="w1")
    third, imported = run("w3", "Acme", "2026-09-10", follows="w2"), run("w4", "Globex", "2026-05-01", follows="gone")
    alone, looped = run("w5", "Acme", "2026-02-01"), run("w6", "Initech", "2026-03-01", follows="w6")
    library = [third, first, second, imported, alone, looped]
    numbers = run_numbers(library)
    assert numbers == {"w1": 1, "w2": 2, "w3": 3, "w4": 1, "w5": 1, "w6": 1}
    assert numbers == {info.id: len(line_of(library, info)) for info in library}  # the rule "— run N" names use


def test_two_runs_made_again_from_the_same_one_have_numbers_of_their_own() -> None:
    first, second = run("w1", "Acme", "2026-01-10"), run("w2", "Acme", "2026-06-10", follows="w1")
    branch = run("w3", "Acme", "2026-09-10", follows="w1")  # made again from run 1, after run 2 was
    assert run_numbers([branch, second, first]) == {"w1": 1, "w2": 2, "w3": 3}


def test_an_organisations_runs_stay_together_newest_organisation_first() -> None:
    acme_old, acme_new = run("a1", "Acme", "2026-01-10"), run("a2", "Acme", "2026-09-10", follows="a1")
    globex = run("g1", "Globex", "2026-05-01")
    initech = run("i1", "Initech", "2026-10-01")
    ordered = grouped_by_organisation([globex, acme_old, initech, acme_new])
    assert [info.id for info in ordered] == ["i1", "a2", "a1", "g1"]

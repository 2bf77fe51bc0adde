"""Home's order and run numbers: an organisation's runs together and numbered along their lineage."""

from __future__ import annotations

import dataclasses

from bootcamp.library.runs import grouped_by_organisation, run_numbers
from bootcamp.store.model import WorkshopInfo
from bootcamp.summary.lineage import line_of, next_run_name


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


def test_a_copy_kept_by_import_replace_is_numbered_as_the_run_in_its_place_and_takes_no_number_of_its_own() -> None:
    """The kept copy of run 2 follows run 1 as run 2 does: it took run 3, so the run made again after run 2 was
    named "— run 4", and home showed run 2's copy as a run of its own."""
    first, second = run("w1", "Acme", "2026-01-10"), run("w2", "Acme", "2026-06-10", follows="w1")
    kept = dataclasses.replace(second, id="k2", replaced_by="w2", replaced_at="2026-06-12T09:00:00+00:00")
    assert run_numbers([kept, second, first]) == {"w1": 1, "w2": 2, "k2": 2}
    assert next_run_name([first, kept], second) == "Acme 2026-06-10 \u2014 run 3"

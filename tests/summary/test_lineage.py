"""Which earlier run a workshop is compared with, and how a run made again is named (bootcamp.summary.lineage)."""

from __future__ import annotations

import dataclasses

from bootcamp.limits import WORKSHOP_NAME
from bootcamp.store.model import WorkshopInfo
from bootcamp.summary.lineage import Rule, base_name, choose_earlier, given, line_of, next_run_name


def _info(
    workshop_id: str,
    organisation: str,
    date: str,
    *,
    follows: str = "",
    name: str = "Boot camp",
    created: str = "2026-01-01T08:00:00+00:00",
) -> WorkshopInfo:
    return WorkshopInfo(workshop_id, name, organisation, date, "full", False, (), "hash", created, follows)


def test_without_follows_the_earlier_run_is_the_most_recent_one_of_the_same_organisation_before() -> None:
    later = _info("w2", "Acme", "2027-03-01")
    workshops = [
        later,
        _info("old", "Acme", "2025-01-01"),
        _info("recent", " ACME ", "2026-09-21"),
        _info("same-day", "Acme", "2027-03-01"),
        _info("later", "Acme", "2027-09-01"),
        _info("other", "Globex", "2027-01-01"),
    ]
    chosen = choose_earlier(workshops, later)
    assert chosen.run is not None and chosen.run.id == "recent" and chosen.rule is Rule.ORGANISATION
    assert chosen.why == "the latest earlier run of Acme"
    assert chosen.notes() == ("Compared with Boot camp (2026-09-21, workshop recent): the latest earlier run of Acme.",)
    none = choose_earlier([w for w in workshops if w.id not in ("recent", "old")], later)
    assert none.run is None and none.rule is None and none.notes() == ()


def test_the_run_it_follows_wins_over_a_more_recent_run_of_the_organisation() -> None:
    # The reported bug: an empty run of the same organisation, made the day before, was chosen instead.
    spring = _info("spring", "Acme", "2026-03-01", name="Spring boot camp")
    empty = _info("empty", "Acme", "2026-09-20", created="2026-09-20T09:00:00+00:00")
    later = _info("autumn", "Acme", "2026-09-21", follows="spring")
    chosen = choose_earlier([spring, empty, later], later)
    assert chosen.run == spring and chosen.rule is Rule.FOLLOWS and chosen.missing == ""
    assert chosen.compared_with() == (
        "Compared with Spring boot camp (2026-03-01, workshop spring): the run this one was made again from."
    )


def test_a_run_that_follows_one_not_in_this_library_says_so_and_falls_back() -> None:
    later = _info("autumn", "Acme", "2026-09-21", follows="gone42")
    older = _info("older", "Acme", "2025-09-01")
    chosen = choose_earlier([older, later], later)
    assert chosen.run == older and chosen.rule is Rule.ORGANISATION and chosen.missing == "gone42"
    assert chosen.notes()[0] == (
        "This run follows workshop gone42, which is not in this library; "
        "it is compared with the latest earlier run of Acme instead."
    )
    alone = choose_earlier([later], later)
    assert alone.run is None and alone.notes() == (
        "This run follows workshop gone42, which is not in this library, and no earlier run of Acme is stored "
        "here: there is nothing to compare it with.",
    )


def test_a_run_given_to_compare_with_is_called_the_one_it_follows_when_it_is() -> None:
    spring, other = _info("spring", "Acme", "2026-03-01"), _info("other", "Acme", "2026-01-01")
    later = _info("autumn", "Acme", "2026-09-21", follows="spring")
    assert given(spring, later).rule is Rule.FOLLOWS
    assert given(other, later).rule is Rule.GIVEN and given(other, later).why == "the run given to compare with"


def test_a_line_is_followed_back_to_its_first_run_and_survives_a_loop() -> None:
    one = _info("one", "Acme", "2025-01-01")
    two = _info("two", "Acme", "2025-07-01", follows="one")
    three = _info("three", "Acme", "2026-01-01", follows="two")
    assert [info.id for info in line_of([three, one, two], three)] == ["one", "two", "three"]
    loop_a, loop_b = _info("a", "Acme", "2025-01-01", follows="b"), _info("b", "Acme", "2025-02-01", follows="a")
    assert [info.id for info in line_of([loop_a, loop_b], loop_b)] == ["a", "b"]
    assert [info.id for info in line_of([two], two)] == ["two"]  # run 1 is not in this library


def test_the_next_run_is_numbered_after_the_highest_run_of_its_line() -> None:
    one = _info("one", "Acme", "2025-01-01", name="CCO boot camp")
    two = _info("two", "Acme", "2025-07-01", follows="one", name="CCO boot camp \u2014 run 2")
    assert next_run_name([one], one) == "CCO boot camp \u2014 run 2"
    assert next_run_name([one, two], two) == "CCO boot camp \u2014 run 3"  # replaced, not appended to
    assert next_run_name([one, two], one) == "CCO boot camp \u2014 run 3"  # run 2 is taken, though made from one
    assert base_name("Spring  camp - Run 7 ") == "Spring camp"
    assert base_name("Run 5 of the camp") == "Run 5 of the camp"
    long = _info("long", "Acme", "2025-01-01", name="x" * WORKSHOP_NAME.chars)
    named = next_run_name([long], long)
    assert len(named) == WORKSHOP_NAME.chars and named.endswith("\u2014 run 2")


def test_a_copy_kept_by_import_replace_is_never_the_earlier_run_unless_named() -> None:
    """bootcamp import --replace keeps the copy it replaced under a new id, with the same name, organisation, date and
    creation time: the tie was broken by id, so a later run not made again from either was compared with the
    superseded copy as often as with the workshop in its place."""
    live = _info("mmmm", "Acme", "2026-09-21")
    kept = dataclasses.replace(live, id="zzzz", replaced_by="mmmm", replaced_at="2026-09-23T10:00:00+00:00")
    later = _info("next", "Acme", "2027-03-01")
    assert choose_earlier([kept, live, later], later).run == live
    assert choose_earlier([kept, later], later).run is None
    assert given(kept, later).run == kept and choose_earlier([kept, later], _info("x", "Acme", "2027-03-01", follows="zzzz")).run == kept

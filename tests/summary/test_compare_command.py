"""`bootcamp compare` and `bootcamp new --like` through the real CLI, on stored workshops."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from stored_runs import stored
from summary_rooms import FIXTURE, MANDATE

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.store import Store, roster
from bootcamp.store.model import Action, ActionStatus, Answer


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path) -> Store:
    return Store(data, FixedClock())


@pytest.fixture
def runs(store: Store) -> tuple[str, str]:
    # mandate: no, no, partly → 17; then yes, yes, partly → 83
    return stored(store, "2026-03-01", ("no", "no", "partly")), stored(store, "2026-09-21", ("yes", "yes", "partly"))


def test_compare_markdown_to_standard_output(data: Path, runs, capsys) -> None:
    earlier, later = runs
    assert main(["compare", earlier, later, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Progress: Acme\n")
    assert "| Mandate | 17 | 83 | **+66** |" in out
    assert f"workshop `{earlier}`" in out and f"workshop `{later}`" in out


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_compare_to_a_file_in_each_format(data: Path, runs, tmp_path: Path, fmt: str, capsys) -> None:
    earlier, later = runs
    target = tmp_path / f"progress.{fmt}"
    assert main(["compare", earlier, later, "--data-dir", str(data), "--format", fmt, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        data_ = json.loads(text)
        assert data_["format"] == "bootcamp-commitment-comparison" and data_["dimensions"][0]["change"] == 66
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "Progress: <bdi>Acme</bdi>" in text
    else:
        assert "## Dimensions, biggest moves first" in text
    captured = capsys.readouterr()
    assert captured.out == "" and str(target) in captured.err


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_an_unknown_id_is_one_clear_line(data: Path, runs, capsys) -> None:
    earlier, _ = runs
    assert main(["compare", earlier, "nosuch", "--data-dir", str(data)]) == 1
    assert one_line_error(capsys).startswith("bootcamp: no workshop with id 'nosuch'")


def test_runs_in_the_wrong_order_are_one_clear_line(data: Path, runs, capsys) -> None:
    earlier, later = runs
    assert main(["compare", later, earlier, "--data-dir", str(data)]) == 1
    assert "give the earlier run first" in one_line_error(capsys)


def test_runs_of_different_content_are_refused_in_one_line(
    data: Path, store: Store, runs, tmp_path: Path, capsys
) -> None:
    earlier, _ = runs
    other = tmp_path / "other-content"
    shutil.copytree(FIXTURE, other)
    for path in other.rglob("*.yaml"):
        text = path.read_text().replace("mandate", "direction").replace("dimension: structure", "dimension: backing")
        text = text.replace("{id: structure, title: Structure", "{id: backing, title: Backing")
        path.write_text(text)
    later = stored(store, "2026-09-21", ("yes", "yes", "yes"), sources=read_sources(other))
    assert main(["compare", earlier, later, "--data-dir", str(data)]) == 1
    assert one_line_error(capsys) == (
        f"bootcamp: workshops {earlier} and {later} have no commitment dimension in common: "
        "they were run with different content and cannot be compared\n"
    )


def test_new_like_copies_the_room_organisation_agenda_and_anonymity(data: Path, store: Store, capsys) -> None:
    earlier = store.open(stored(store, "2026-03-01", ("no", "no", "no"), agenda="half")).info()
    ben = earlier.participants[1].id  # Ben left: not in the next run
    store.open(earlier.id).update_info(lambda info: roster.remove_participant(info, ben).info)
    args = ["new", "Acme, autumn", "--like", earlier.id, "--date", "2026-09-21", "--data-dir", str(data)]
    assert main(args) == 0
    out = capsys.readouterr().out
    new_id = out.strip().splitlines()[-1]
    assert f"the next run of {earlier.id}" in out
    info = store.open(new_id).info()
    assert (info.name, info.organisation, info.date, info.agenda, info.anonymous) == (
        "Acme, autumn",
        "Acme",
        "2026-09-21",
        "half",
        False,
    )
    assert [(p.name, p.role) for p in info.participants] == [("Ana", "CEO"), ("Chloe", "")]
    assert store.open(new_id).answers() == []  # a new run: nothing carried over but the room


def test_new_like_an_anonymous_run_stays_anonymous_and_flags_win(data: Path, store: Store, capsys) -> None:
    earlier = stored(store, "2026-03-01", ("no", "no", "no"), anonymous=True)
    args = ["new", "Next", "--like", earlier, "--org", "Acme Group", "--half-day", "--date", "2026-09-21"]
    args += ["--data-dir", str(data)]
    assert main(args) == 0
    info = store.open(capsys.readouterr().out.strip().splitlines()[-1]).info()
    assert (info.organisation, info.agenda, info.anonymous) == ("Acme Group", "half", True)
    assert [p.display_name for p in info.participants] == ["P1", "P2", "P3"]


def test_new_needs_an_organisation_or_a_run_to_copy(data: Path, store: Store, capsys) -> None:
    assert main(["new", "Spring", "--data-dir", str(data)]) == 1
    assert "--org" in one_line_error(capsys)
    data.mkdir(exist_ok=True)  # the folder is there: the id is what is unknown
    assert main(["new", "Spring", "--like", "nosuch", "--date", "2026-09-21", "--data-dir", str(data)]) == 1
    assert one_line_error(capsys).startswith("bootcamp: no workshop with id 'nosuch'")
    assert store.list_workshops() == []


# -- lineage: a run made again follows its run; compare LATER alone uses it -----------------------------------


def new_like(data: Path, like: str, *more: str) -> None:
    args = ["new", *more, "--like", like, "--date", "2026-09-21", "--content", str(FIXTURE), "--data-dir", str(data)]
    assert main(args) == 0


def created_id(capsys) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_new_like_asks_for_the_date_and_creates_nothing_without_it(data: Path, store: Store, capsys) -> None:
    earlier = stored(store, "2026-03-01", ("no", "no", "no"))
    assert main(["new", "Acme, autumn", "--like", earlier, "--data-dir", str(data)]) == 1
    error = one_line_error(capsys)
    assert "--date" in error and "no workshop was created" in error
    assert [info.id for info in store.list_workshops()] == [earlier]


def test_new_without_like_still_defaults_to_today(data: Path, store: Store, capsys) -> None:
    assert main(["new", "Spring", "--org", "Acme", "--participants", "Ana", "--data-dir", str(data)]) == 0
    info = store.open(created_id(capsys)).info()
    assert info.date == date.today().isoformat() and info.follows == ""


def test_new_like_follows_its_run_and_is_named_by_its_place_in_the_line(data: Path, store: Store, capsys) -> None:
    first = stored(store, "2026-03-01", ("no", "no", "no"), name="Acme boot camp")
    new_like(data, first)
    second = store.open(created_id(capsys)).info()
    assert (second.name, second.follows, second.date) == ("Acme boot camp \u2014 run 2", first, "2026-09-21")
    assert main(["new", "--like", second.id, "--date", "2027-03-01", "--data-dir", str(data)]) == 0
    third = store.open(created_id(capsys)).info()
    assert (third.name, third.follows) == ("Acme boot camp \u2014 run 3", second.id)
    new_like(data, first, "Acme, autumn")  # a name given wins
    assert store.open(created_id(capsys)).info().name == "Acme, autumn"


def test_new_like_refuses_a_date_before_the_run_it_follows_naming_both_dates(
    data: Path, store: Store, capsys
) -> None:
    earlier = stored(store, "2026-03-01", ("no", "no", "no"))
    args = ["new", "--like", earlier, "--date", "2026-01-01", "--content", str(FIXTURE), "--data-dir", str(data)]
    assert main(args) == 1
    assert one_line_error(capsys) == (
        f"bootcamp: --date: 2026-01-01 is before 2026-03-01, the date of the run it follows (workshop {earlier}); "
        "no workshop was created\n"
    )
    assert [info.id for info in store.list_workshops()] == [earlier]
    assert main([*args[:4], "2026-03-01", *args[5:]]) == 0  # the same day is not before it


def test_every_run_made_again_from_the_same_one_gets_the_next_number(data: Path, store: Store, capsys) -> None:
    first = stored(store, "2026-03-01", ("no", "no", "no"), name="Acme boot camp")
    names = []
    for _ in range(3):
        new_like(data, first)
        names.append(store.open(created_id(capsys)).info().name)
    assert names == [f"Acme boot camp \u2014 run {n}" for n in (2, 3, 4)]


def test_compare_later_alone_uses_the_run_it_follows_and_names_it(data: Path, store: Store, capsys) -> None:
    spring = stored(store, "2026-03-01", ("no", "no", "partly"), name="Spring boot camp")
    new_like(data, spring, "Autumn boot camp")
    later = created_id(capsys)
    for person, value in zip(store.open(later).info().participants, ("yes", "yes", "partly"), strict=True):
        store.open(later).save_answer(Answer(person.id, MANDATE, value=value))
    # The reported bug: an empty run of the same organisation, nearer in date, was compared with instead.
    store.create_workshop(
        name="Empty rehearsal", organisation="Acme", date="2026-09-20", participants=[("Ana", "")],
        sources=read_sources(FIXTURE),
    )
    assert main(["compare", later, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"workshop `{spring}`" in out and "Empty rehearsal" not in out
    assert (
        f"Compared with Spring boot camp (2026-03-01, workshop {spring}): the run this one was made again from."
        in out
    )
    assert "| Mandate | 17 | 83 | **+66** |" in out
    for fmt in ("html", "json"):
        assert main(["compare", later, "--format", fmt, "--data-dir", str(data)]) == 0
        text = capsys.readouterr().out
        if fmt == "json":
            said = json.loads(text)["compared_with"]
            assert (said["workshop_id"], said["rule"], said["follows_missing"]) == (spring, "follows", "")
        else:
            assert f"<bdi>Compared with Spring boot camp (2026-03-01, workshop {spring}): the run this one" in text


def test_compare_with_both_ids_says_the_run_was_given(data: Path, runs, capsys) -> None:
    earlier, later = runs
    assert main(["compare", earlier, later, "--data-dir", str(data)]) == 0
    assert f"(2026-03-01, workshop {earlier}): the run given to compare with." in capsys.readouterr().out


def test_compare_later_alone_falls_back_to_the_organisations_latest_run_and_says_why(data: Path, runs, capsys) -> None:
    earlier, later = runs
    assert main(["compare", later, "--data-dir", str(data)]) == 0
    assert f"(2026-03-01, workshop {earlier}): the latest earlier run of Acme." in capsys.readouterr().out


def test_a_run_that_follows_one_not_in_this_library_is_said_so(data: Path, store: Store, runs, capsys) -> None:
    earlier, later = runs
    store.open(later).update_info(lambda info: dataclasses.replace(info, follows="imported42"))
    assert main(["compare", later, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert (
        "This run follows workshop imported42, which is not in this library; it is compared with the latest "
        "earlier run of Acme instead." in out
    )
    assert f"workshop `{earlier}`" in out
    shutil.rmtree(data / "workshops" / earlier)
    assert main(["compare", later, "--data-dir", str(data)]) == 1
    assert one_line_error(capsys) == (
        f"bootcamp: workshop {later} follows workshop imported42, which is not in this library, and no earlier run "
        "of Acme is stored here: give the run to compare it with as EARLIER_ID\n"
    )


def test_a_run_whose_earlier_run_cannot_be_read_names_that_file_and_compares_with_no_other(
    data: Path, store: Store, capsys
) -> None:
    """Before: run 2's earlier run had its workshop.json cut short, and `bootcamp compare RUN2` said that run "is not in
    this library" (and compared with an older run of the organisation when there was one), though its folder was there
    and `summary` on it named the damaged file: the CCO was sent looking for a run that had never gone."""
    older = stored(store, "2026-01-10", ("no", "no", "no"), name="Winter boot camp")
    spring = stored(store, "2026-03-01", ("no", "no", "partly"), name="Spring boot camp")
    later = stored(store, "2026-09-21", ("yes", "yes", "partly"))
    store.open(later).update_info(lambda info: dataclasses.replace(info, follows=spring))
    damaged = data / "workshops" / spring / "workshop.json"
    damaged.write_text('{"format": "bootcamp/workshop", "version": 1, "workshop": {"id": "', encoding="utf-8")
    for remove_the_older_run in (False, True):
        if remove_the_older_run:
            shutil.rmtree(data / "workshops" / older)
        assert main(["compare", later, "--data-dir", str(data)]) == 1
        error = one_line_error(capsys)
        assert error.startswith(f"bootcamp: cannot read {damaged}: not valid JSON (line 1, column"), error
        assert "not in this library" not in error
    assert damaged.read_text(encoding="utf-8").endswith('"id": "')


def with_actions(store: Store, workshop_id: str, *actions: Action) -> None:
    store.open(workshop_id).update_room(lambda room: dataclasses.replace(room, actions=actions))


def test_an_action_marked_done_after_the_later_run_is_not_said_done_as_of_its_date(
    data: Path, store: Store, runs, capsys
) -> None:
    """Before: the CCO marked an action of run 1 done weeks after run 2 (the actions view, D, the day it happened), and
    run 2's comparison, "as of" run 2's date, then said it was done by then and counted it done, rewriting what run 2
    found: as of that date it was still overdue. The status recorded is kept beside it, as it stands now."""
    earlier, later = runs  # 2026-03-01, then 2026-09-21
    with_actions(
        store,
        earlier,
        Action("a1", "Name the accountable leader", "Ana", "2026-04-01", ActionStatus.DONE, status_at="2026-10-12"),
        Action("a2", "Book the CEO", "Chloe", "2026-12-01", ActionStatus.DROPPED, status_at="2026-11-02"),
        Action("a3", "Draft a shared churn metric", "Ben", "2026-05-01", ActionStatus.DONE, status_at="2026-09-21"),
        Action("a4", "Send the scorecard to the board", "Ana", "2026-05-01", ActionStatus.DONE),  # before status_at
    )
    assert main(["compare", earlier, later, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "4 actions from the earlier run: 2 done (1 of them late), 1 overdue, 1 still open. As of 2026-09-21" in out, out
    assert "| Name the accountable leader | Ana | 2026-04-01 | done 2026-10-12, 194 days late | **overdue** |" in out
    assert "| Book the CEO | Chloe | 2026-12-01 | dropped 2026-11-02 | still open, not due yet |" in out
    assert "| Draft a shared churn metric | Ben | 2026-05-01 | done 2026-09-21, 143 days late | done |" in out  # on the day
    assert "| Send the scorecard to the board | Ana | 2026-05-01 | done | done |" in out
    assert main(["compare", earlier, later, "--format", "json", "--data-dir", str(data)]) == 0
    said = json.loads(capsys.readouterr().out)["actions"]
    assert [(a["id"], a["status"], a["state"]) for a in sorted(said, key=lambda a: a["id"])] == [
        ("a1", "done", "overdue"), ("a2", "dropped", "open"), ("a3", "done", "done"), ("a4", "done", "done"),
    ]


def test_compare_carries_the_open_actions_of_the_runs_before_the_earlier_one_naming_their_run(
    data: Path, store: Store, capsys
) -> None:
    """Run 3 compared with run 2, which agreed no actions of its own: run 1's actions still to do are carried, with
    the run they came from; one done is not, nor one run 2 agreed again (it is followed there)."""
    first = stored(store, "2026-03-01", ("no", "no", "partly"), name="Spring boot camp")
    with_actions(
        store,
        first,
        Action("a1", "Name the accountable leader", "Ana", "2026-04-01", ActionStatus.OPEN),
        Action("a2", "Draft a shared churn metric", "Ben", "", ActionStatus.DOING),
        Action("a3", "Book the CEO", "Chloe", "2026-03-15", ActionStatus.DONE),
        Action("a4", "Send the scorecard to the board", "Ana", "2026-05-01", ActionStatus.OPEN),
    )
    new_like(data, first)
    second = created_id(capsys)
    assert main(["new", "--like", second, "--date", "2027-03-01", "--data-dir", str(data)]) == 0
    third = created_id(capsys)

    assert main(["compare", third, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert (
        "The earlier run recorded no actions. 3 actions from runs before it are still to do: 2 overdue, 1 still open. "
        "As of 2027-03-01, the later run's date." in out
    )
    assert "### Still to do from runs before the earlier one" in out
    agreed_in = f"Spring boot camp (2026-03-01) · workshop `{first}`"
    assert f"| Name the accountable leader | Ana | 2026-04-01 | open | **overdue** | {agreed_in} |   |" in out
    assert f"| Draft a shared churn metric | Ben | – | doing | open, no due date | {agreed_in} |   |" in out
    assert "Book the CEO" not in out

    with_actions(store, second, Action("b1", "send the  scorecard to the board", "Ana", "2027-06-01"))
    assert main(["compare", third, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "1 action from the earlier run: 1 still open. 2 actions from runs before it are still to do: 1 overdue, 1 still open." in out
    assert out.count("scorecard") == 1  # run 2's, not run 1's as well
    assert main(["compare", third, "--format", "json", "--data-dir", str(data)]) == 0
    carried = json.loads(capsys.readouterr().out)["carried_actions"]
    assert [(a["id"], a["state"], a["run_id"], a["run_date"]) for a in carried] == [
        ("a1", "overdue", first, "2026-03-01"),
        ("a2", "open", first, "2026-03-01"),
    ]
    assert main(["compare", third, "--format", "html", "--data-dir", str(data)]) == 0
    html = capsys.readouterr().out
    assert "Still to do from runs before the earlier one" in html and "open, no due date" in html


def test_a_run_before_the_earlier_one_that_cannot_be_read_is_named_and_left_out(data: Path, store: Store, capsys) -> None:
    first = stored(store, "2026-03-01", ("no", "no", "partly"), name="Spring boot camp")
    new_like(data, first)
    second = created_id(capsys)
    assert main(["new", "--like", second, "--date", "2027-03-01", "--data-dir", str(data)]) == 0
    third = created_id(capsys)
    room = data / "workshops" / first / "room.json"
    room.write_bytes(b'{"format": ')  # cut short
    assert main(["compare", third, "--data-dir", str(data)]) == 0
    captured = capsys.readouterr()
    assert "## Actions from the earlier run" in captured.out
    assert captured.err.count("\n") == 1 and captured.err.startswith(
        f"bootcamp: warning: the actions of workshop {first}, an earlier run in this line, are left out: cannot read "
    )

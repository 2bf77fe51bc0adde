"""`bootcamp compare` and `bootcamp new --like` through the real CLI, on stored workshops."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from summary_rooms import FIXTURE, MANDATE

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.store import Store, roster
from bootcamp.store.model import Answer


def stored(store: Store, date: str, values: tuple[str, ...], *, sources: dict[str, str] | None = None, **kwargs) -> str:
    info = store.create_workshop(
        name=kwargs.get("name", "Acme boot camp"),
        organisation=kwargs.get("organisation", "Acme"),
        date=date,
        participants=[("Ana", "CEO"), ("Ben", ""), ("Chloe", "")],
        agenda=kwargs.get("agenda", "full"),
        anonymous=kwargs.get("anonymous", False),
        sources=sources or read_sources(FIXTURE),
    )
    workshop = store.open(info.id)
    for person, value in zip(info.participants, values, strict=True):
        workshop.save_answer(Answer(person.id, MANDATE, value=value))
    return info.id


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
    args = ["new", "Next", "--like", earlier, "--org", "Acme Group", "--half-day", "--data-dir", str(data)]
    assert main(args) == 0
    info = store.open(capsys.readouterr().out.strip().splitlines()[-1]).info()
    assert (info.organisation, info.agenda, info.anonymous) == ("Acme Group", "half", True)
    assert [p.display_name for p in info.participants] == ["P1", "P2", "P3"]


def test_new_needs_an_organisation_or_a_run_to_copy(data: Path, store: Store, capsys) -> None:
    assert main(["new", "Spring", "--data-dir", str(data)]) == 1
    assert "--org" in one_line_error(capsys)
    assert main(["new", "Spring", "--like", "nosuch", "--data-dir", str(data)]) == 1
    assert one_line_error(capsys).startswith("bootcamp: no workshop with id 'nosuch'")
    assert store.list_workshops() == []

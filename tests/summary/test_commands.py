"""`bootcamp summary` and `bootcamp print` on a stored workshop, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from summary_rooms import FIXTURE, MANDATE, ROLE, STRUCTURE_QUESTION

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.store import Store
from bootcamp.store.model import Answer


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    store = Store(data, FixedClock())
    info = store.create_workshop(
        name="Acme boot camp",
        organisation="Acme",
        date="2026-09-21",
        participants=[("Ana", "CEO"), ("Ben", ""), ("Chloe", "")],
        sources=read_sources(FIXTURE),
    )
    workshop = store.open(info.id)
    for person, value in zip(info.participants, ("yes", "yes", "partly"), strict=True):
        workshop.save_answer(Answer(person.id, MANDATE, value=value))
        workshop.save_answer(Answer(person.id, ROLE, item=STRUCTURE_QUESTION, value="no"))
    return data, info.id


def test_summary_markdown_to_standard_output(stored, capsys) -> None:
    data, workshop_id = stored
    assert main(["summary", workshop_id, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Commitment test: Acme boot camp")
    assert "**42/100 — Lip service**" in out  # mandate (100+100+50)/3 = 83, structure 0 → (83 + 0) / 2 = 41.5 → 42
    assert "### 1. Structure — 0/100" in out


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_summary_to_a_file_in_each_format(stored, tmp_path: Path, fmt: str, capsys) -> None:
    data, workshop_id = stored
    target = tmp_path / f"summary.{fmt}"
    assert main(["summary", workshop_id, "--data-dir", str(data), "--format", fmt, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    if fmt == "json":
        assert json.loads(text)["overall"]["score"] == 42
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["section"] == "overall" and rows[0]["score"] == "42"
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "Acme boot camp" in text
    else:
        assert "## Weakest first" in text
    captured = capsys.readouterr()
    assert captured.out == "" and str(target) in captured.err


def test_a_csv_summary_file_opens_in_excel_with_its_accents(tmp_path: Path, capsys) -> None:
    """Excel reads a CSV without a byte-order mark in the machine's code page: "Chloé" came out "ChloÃ©"."""
    data = tmp_path / "data"
    store = Store(data, FixedClock())
    info = store.create_workshop(
        name="Équipe boot camp", organisation="Société Générale", date="2026-09-21",
        participants=[("Chloé Müller", "CEO")], sources=read_sources(FIXTURE),
    )
    store.open(info.id).save_answer(Answer(info.participants[0].id, MANDATE, value="yes", comment="Ça va, «oui»"))
    target = tmp_path / "summary.csv"
    assert main(["summary", info.id, "--data-dir", str(data), "--format", "csv", "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsection,") and raw.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), dialect="excel"))
    assert any(row["text"] == "Ça va, «oui»" and row["participant"] == "Chloé Müller" for row in rows)
    capsys.readouterr()
    assert main(["summary", info.id, "--data-dir", str(data), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("section,")  # on standard output, for a pipe: no mark


def test_summary_of_an_unknown_workshop_is_one_clear_line(stored, capsys) -> None:
    data, _ = stored
    assert main(["summary", "nosuch", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("bootcamp: no workshop with id 'nosuch'") and "Traceback" not in err


def test_summary_to_an_unwritable_place_is_one_clear_line(stored, tmp_path: Path, capsys) -> None:
    data, workshop_id = stored
    target = tmp_path / "missing-folder" / "summary.md"
    assert main(["summary", workshop_id, "--data-dir", str(data), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"bootcamp: cannot write {target}") and "Traceback" not in err


@pytest.mark.parametrize(
    "command", [["summary", "{id}"], ["export", "{id}", "--format", "json"], ["print", "sheets", "{id}"]]
)
def test_no_command_writes_over_a_stored_workshop(stored, command: list[str], capsys) -> None:
    """-o naming a file the store keeps is refused, and the workshop is as it was: it once replaced workshop.json."""
    data, workshop_id = stored
    kept = data / "workshops" / workshop_id / "workshop.json"
    before = kept.read_bytes()
    args = [part.format(id=workshop_id) for part in command]
    assert main([*args, "--data-dir", str(data), "-o", str(kept)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"bootcamp: cannot write {kept}: it is inside the data folder") and err.count("\n") == 1
    assert kept.read_bytes() == before
    (data / "exports").mkdir()
    assert main(["summary", workshop_id, "--data-dir", str(data), "-o", str(data / "exports" / "summary.md")]) == 0


def test_print_deck_from_the_content(tmp_path: Path, capsys) -> None:
    target = tmp_path / "deck.html"
    assert main(["print", "deck", "--content", str(FIXTURE), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").count('<article class="card">') == 2


def test_print_sheets_of_a_workshop(stored, capsys) -> None:
    data, workshop_id = stored
    assert main(["print", "sheets", workshop_id, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.count('<article class="sheet">') == 3
    assert f"bootcamp import-answers {workshop_id} FILE.csv" in out


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_a_summary_leaves_the_facilitators_quick_notes_out_unless_asked(stored, tmp_path: Path, fmt, capsys) -> None:
    import dataclasses

    from bootcamp.store.model import RoomNote

    data, workshop_id = stored
    notes = (
        RoomNote("n1", MANDATE, "The room agreed on one driver", at="2026-09-21T10:00:00+00:00"),
        RoomNote("n2", MANDATE, "Ben seemed unconvinced, ask him later", at="2026-09-21T10:05:00+00:00", quick=True),
    )
    Store(data, FixedClock()).open(workshop_id).update_room(lambda room: dataclasses.replace(room, notes=notes))
    target = tmp_path / f"summary.{fmt}"
    args = ["summary", workshop_id, "--data-dir", str(data), "--format", fmt, "-o", str(target)]
    assert main(args) == 0
    shared = target.read_text(encoding="utf-8")
    assert "The room agreed on one driver" in shared and "Ben seemed unconvinced" not in shared
    assert "bootcamp: 1 quick note (the facilitator's own, ctrl+n) left out of this summary; --with-private-notes " \
        "keeps them" in capsys.readouterr().err
    assert main([*args, "--with-private-notes"]) == 0
    assert "Ben seemed unconvinced" in target.read_text(encoding="utf-8")
    assert "left out" not in capsys.readouterr().err
    export = tmp_path / "data.json"
    assert main(["export", workshop_id, "--data-dir", str(data), "--format", "json", "-o", str(export)]) == 0
    assert "Ben seemed unconvinced" in export.read_text(encoding="utf-8")  # the full data keeps everything


def test_a_summary_and_an_export_of_an_archived_workshop_say_it_is_archived(stored, tmp_path: Path, capsys) -> None:
    """Archived workshops are still exported (a client's earlier run): a reader of the file is told it was put away."""
    data, workshop_id = stored
    common = ["--data-dir", str(data)]
    assert main(["summary", workshop_id, *common]) == 0
    assert "Archived" not in capsys.readouterr().out
    assert main(["archive", workshop_id, *common]) == 0
    archived_at = json.loads((data / "workshops" / workshop_id / "archived.json").read_text())["archived_at"]
    assert main(["summary", workshop_id, *common]) == 0
    head = capsys.readouterr().out.split("\n## ")[0]
    day = datetime.fromisoformat(archived_at).astimezone().date().isoformat()  # the day where it is read
    summary = head.split("# Commitment test", 1)[1]
    assert f"Archived on {day}" in summary and "bootcamp archive" not in summary  # for the client: no command
    assert main(["summary", workshop_id, *common, "--format", "json", "-o", str(tmp_path / "s.json")]) == 0
    report = json.loads((tmp_path / "s.json").read_text())
    assert (report["version"], report["archived_at"]) == (1, archived_at)
    assert main(["summary", workshop_id, *common, "--format", "html", "-o", str(tmp_path / "s.html")]) == 0
    assert f"Archived on {day}" in (tmp_path / "s.html").read_text()
    assert main(["export", workshop_id, *common, "-o", str(tmp_path / "w.json")]) == 0
    exported = json.loads((tmp_path / "w.json").read_text())
    assert (exported["version"], exported["archived_at"]) == (1, archived_at)
    # The export imports again (a copy, in the lists: archiving it is the new library's choice).
    assert main(["import", str(tmp_path / "w.json"), "--data-dir", str(tmp_path / "other")]) == 0
    assert not (tmp_path / "other" / "workshops" / workshop_id / "archived.json").exists()
    assert main(["archive", workshop_id, "--undo", *common]) == 0
    assert main(["export", workshop_id, *common, "-o", str(tmp_path / "w2.json")]) == 0
    assert "archived_at" not in json.loads((tmp_path / "w2.json").read_text())


def test_the_archived_line_gives_the_day_where_the_reader_is_not_the_utc_one(monkeypatch) -> None:
    # Archived at 22:30 in New York is 02:30 UTC the next day: the line said the next day.
    import time
    from types import SimpleNamespace

    from bootcamp.export.report_text import archived_said

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        report = SimpleNamespace(archived_at="2026-10-03T02:30:00+00:00", workshop_id="abcd1234")
        assert archived_said(report) == "Archived on 2026-10-02"
    finally:
        monkeypatch.undo()
        time.tzset()

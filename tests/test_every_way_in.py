"""Every way in refuses the same bad record with the same sentence (bootcamp/checks.py).

The ways in: the console (the live workshop, as the console's widgets ask it), ``bootcamp new`` and
its form, ``bootcamp import`` (JSON), ``bootcamp import-answers`` (CSV) and the store itself, which the
demo writes through. A phone goes through the live workshop too: tests/join/test_answering.py checks
that its page says the same sentences. Each says where in its own terms (a CSV's line and column, a JSON
field, a flag); what is wrong is said in the same words everywhere.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bootcamp.checks import RecordRefused
from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.content import Program, load_dir
from bootcamp.export import data_csv, data_json
from bootcamp.live.requests import CommentAnswer, GiveAnswer, PutAction, PutNote, PutRoleLine
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.model import Action, Answer
from bootcamp.ui.screens.new_workshop import check_form

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
MANDATE = "basics/mandate"
TALK = "basics/talk"

# A bad record of each kind, and the sentence every way in must give for it.
OFF_THE_SCALE = "'maybe' is not on the scale"
LONG_COMMENT = "2,001 characters; a comment may have at most 2,000"
NO_SUCH_STEP = "unknown step 'basics/nowhere'"
EMPTY_NOTE = "a note is needed"
LONG_ROLE_LINE = "1,001 characters; a role line may have at most 1,000"
EMPTY_ACTION = "an action is needed"
BLANK_NAME = "a workshop name is needed"
LONG_PERSON = "81 characters; a participant's name may have at most 80"
NOBODY = "nobody is listed; a workshop needs at least one participant"


@pytest.fixture
def program() -> Program:
    return load_dir(FIXTURE_CONTENT)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", FixedClock())


@pytest.fixture
def files(store: Store, program: Program) -> WorkshopFiles:
    info = store.create_workshop(
        name="Spring",
        organisation="Northwind",
        date="2026-09-21",
        participants=[("Ana", "CEO"), ("Ben", "")],
        sources=program.sources,
    )
    return store.open(info.id)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    return code, capsys.readouterr().err


# -- the ways in, each giving what it said ---------------------------------------------------------------------


async def by_the_console(files: WorkshopFiles, request: object) -> str:
    workshop = LiveWorkshop.open(files, FixedClock())
    workshop.start()
    try:
        with pytest.raises(RecordRefused) as refused:
            workshop.apply(request)  # type: ignore[arg-type]
        assert not workshop.snapshot.answers and not workshop.snapshot.room.notes  # nothing kept
        return str(refused.value)
    finally:
        await workshop.close()


def by_json_import(
    capsys: pytest.CaptureFixture[str], files: WorkshopFiles, tmp_path: Path, change: Callable[[dict], None]
) -> str:
    document = json.loads(data_json.dumps(files.bundle()))
    change(document)
    exported = tmp_path / "workshop.json"
    exported.write_text(json.dumps(document))
    other = tmp_path / "other"
    code, err = run_cli(capsys, "import", str(exported), "--data-dir", str(other))
    assert code == 1 and "Traceback" not in err
    assert not (other / "workshops").exists() or not any((other / "workshops").glob("[!.]*"))
    return err


def by_csv_import(
    capsys: pytest.CaptureFixture[str], files: WorkshopFiles, tmp_path: Path, program: Program, answer: Answer
) -> str:
    text = data_csv.dumps(files.info(), program, [answer])
    sheet = tmp_path / "answers.csv"
    sheet.write_text(text)
    code, err = run_cli(capsys, "import-answers", files.id, str(sheet), "--data-dir", str(files.path.parents[1]))
    assert code == 1 and "Traceback" not in err and files.answers() == []
    return err


def by_the_store(store: Store, files: WorkshopFiles, change: Callable[[dict], None]) -> str:
    """As the demo writes its workshops: a whole bundle through ``Store.import_workshop``."""
    document = json.loads(data_json.dumps(files.bundle()))
    change(document)
    bundle = data_json._from_document(document)[0]  # the records as read, before the JSON import's own check
    with pytest.raises(RecordRefused) as refused:
        store.import_workshop(bundle, new_id=True)
    return str(refused.value)


def by_the_store_in_place(store: Store, files: WorkshopFiles, change: Callable[[dict], None]) -> str:
    """As ``bootcamp import --replace`` puts a copy handed back in place of the one stored: nothing changes."""
    before = files.bundle()
    document = json.loads(data_json.dumps(before))
    change(document)
    bundle = data_json._from_document(document)[0]
    with pytest.raises(RecordRefused) as refused:
        store.import_over(bundle)
    assert files.bundle() == before and [info.id for info in store.list_workshops()] == [files.id]
    return str(refused.value)


# -- the records ------------------------------------------------------------------------------------------------


def first_answer(document: dict, **fields: str) -> None:
    document["answers"] = [{"participant_id": document["workshop"]["participants"][0]["id"], "step_key": MANDATE,
                            "item": "", "perspective": "", "value": "yes", "comment": "", "at": "2026-09-21T10:00:00+00:00",
                            **fields}]


@pytest.mark.parametrize(
    ("fields", "console", "said"),
    [
        ({"value": "maybe"}, lambda ana: GiveAnswer(ana, MANDATE, "maybe"), OFF_THE_SCALE),
        ({"comment": "x" * 2001}, lambda ana: CommentAnswer(ana, MANDATE, "x" * 2001), LONG_COMMENT),
        ({"step_key": "basics/nowhere"}, lambda ana: GiveAnswer(ana, "basics/nowhere", "yes"), NO_SUCH_STEP),
    ],
)
async def test_a_bad_answer_is_refused_alike_by_the_console_both_imports_and_the_store(
    fields: dict[str, str],
    console: Callable[[str], object],
    said: str,
    files: WorkshopFiles,
    store: Store,
    program: Program,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana = files.info().participants[0].id
    answer = Answer(ana, MANDATE, "", "", "yes", "", "2026-09-21T10:00:00+00:00")
    answer = Answer(**{**answer.__dict__, **fields})
    heard = {
        "console": await by_the_console(files, console(ana)),
        "JSON import": by_json_import(capsys, files, tmp_path, lambda d: first_answer(d, **fields)),
        "CSV import": by_csv_import(capsys, files, tmp_path, program, answer),
        "store (the demo)": by_the_store(store, files, lambda d: first_answer(d, **fields)),
        "store, in place (import --replace)": by_the_store_in_place(store, files, lambda d: first_answer(d, **fields)),
    }
    assert {way: said in text for way, text in heard.items()} == dict.fromkeys(heard, True), heard


@pytest.mark.parametrize(
    ("room_field", "record", "console", "said"),
    [
        ("notes", {"id": "n-1", "step_key": TALK, "text": " ", "at": "", "quick": False}, PutNote(TALK, " "), EMPTY_NOTE),
        ("role_lines", {"id": "r-1", "text": "x" * 1001, "decision": "", "at": ""}, PutRoleLine("x" * 1001), LONG_ROLE_LINE),
        (
            "actions",
            {"id": "a-1", "what": "", "owner": "", "due": "", "status": "open", "source": "", "at": ""},
            PutAction(Action("", "")),
            EMPTY_ACTION,
        ),
    ],
)
async def test_a_bad_room_record_is_refused_alike_by_the_console_the_json_import_and_the_store(
    room_field: str,
    record: dict,
    console: object,
    said: str,
    files: WorkshopFiles,
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def change(document: dict) -> None:
        document["room"][room_field] = [record]

    heard = {
        "console": await by_the_console(files, console),
        "JSON import": by_json_import(capsys, files, tmp_path, change),
        "store (the demo)": by_the_store(store, files, change),
        "store, in place (import --replace)": by_the_store_in_place(store, files, change),
    }
    assert {way: said in text for way, text in heard.items()} == dict.fromkeys(heard, True), heard


async def test_a_bad_workshop_or_roster_is_refused_alike_by_new_its_form_the_console_the_json_import_and_the_store(
    files: WorkshopFiles, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = ("--content", str(FIXTURE_CONTENT), "--data-dir", str(tmp_path / "new"))
    form = {"organisation": "Northwind", "date": "2026-09-21", "agenda": "full", "anonymous": False}

    def rename_workshop(document: dict) -> None:
        document["workshop"]["name"] = "  "

    blank = {
        "new": run_cli(capsys, "new", "  ", "--org", "Northwind", "--participants", "Ana", *content)[1],
        "form": check_form(name="  ", participants="Ana", **form).problems["name"],
        "JSON import": by_json_import(capsys, files, tmp_path, rename_workshop),
        "store (the demo)": by_the_store(store, files, rename_workshop),
    }
    assert {way: BLANK_NAME in text for way, text in blank.items()} == dict.fromkeys(blank, True), blank

    long_name = "N" * 81

    def rename_ana(document: dict) -> None:
        document["workshop"]["participants"][0]["name"] = long_name

    workshop = LiveWorkshop.open(files, FixedClock())
    workshop.start()
    try:
        with pytest.raises(RecordRefused) as refused:
            workshop.records.add_participant(long_name)
    finally:
        await workshop.close()
    long = {
        "new": run_cli(capsys, "new", "Spring", "--org", "Northwind", "--participants", long_name, *content)[1],
        "form": check_form(name="Spring", participants=long_name, **form).problems["participants"],
        "console (a late arrival)": str(refused.value),
        "JSON import": by_json_import(capsys, files, tmp_path, rename_ana),
        "store (the demo)": by_the_store(store, files, rename_ana),
    }
    assert {way: LONG_PERSON in text for way, text in long.items()} == dict.fromkeys(long, True), long

    def nobody(document: dict) -> None:
        document["workshop"]["participants"] = []
        document["answers"] = []
        document["room"]["poker"] = []

    empty = {
        "new": run_cli(capsys, "new", "Spring", "--org", "Northwind", "--participants", ",,,", *content)[1],
        "form": check_form(name="Spring", participants=" , ,", **form).problems["participants"],
        "JSON import": by_json_import(capsys, files, tmp_path, nobody),
        "store (the demo)": by_the_store(store, files, nobody),
    }
    assert {way: NOBODY in text for way, text in empty.items()} == dict.fromkeys(empty, True), empty
    assert not (tmp_path / "new" / "workshops").exists() or not any((tmp_path / "new" / "workshops").iterdir())


def test_a_csv_of_ten_thousand_bad_rows_says_twenty_in_full_then_how_many_more_and_where_to_get_them_all(
    files: WorkshopFiles, program: Program, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = files.info().participants[0].id
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["participant_id", "step", "value"])
    writer.writerows([ana, MANDATE, f"maybe {n}"] for n in range(9_997))
    sheet = tmp_path / "bad.csv"
    sheet.write_text(out.getvalue())
    data = ("--data-dir", str(files.path.parents[1]))

    code, err = run_cli(capsys, "import-answers", files.id, str(sheet), *data)
    lines = err.splitlines()
    assert code == 1 and len(lines) == 22, lines[:3]
    assert lines[0] == f"bootcamp: 9,997 problems in {sheet}; nothing was imported:"
    assert lines[1].startswith(f"{sheet}:2: value: 'maybe 0' is not on the scale")
    assert lines[-1] == "and 9,977 more like these; add --problems-to FILE to get every one in a file"

    every = tmp_path / "problems.txt"
    code, err = run_cli(capsys, "import-answers", files.id, str(sheet), *data, "--problems-to", str(every))
    assert code == 1 and err.splitlines()[-1] == f"and 9,977 more like these; every one is in {every}"
    written = every.read_text().splitlines()
    assert len(written) == 9_997 and written[-1].startswith(f"{sheet}:9998: value: 'maybe 9996'")
    assert files.answers() == []

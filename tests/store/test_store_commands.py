"""The scriptable commands: list, new, export, import, import-answers."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.clock import iso
from bootcamp.store import Store, roster
from bootcamp.store.model import Answer

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"


class Cli:
    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data = data
        self.capsys = capsys

    def __call__(self, *args: str, data: Path | None = None) -> tuple[int, list[str], list[str]]:
        self.capsys.readouterr()
        code = main([*args, "--data-dir", str(data or self.data)])
        out, err = self.capsys.readouterr()
        return code, out.splitlines(), err.splitlines()

    def new(self, *args: str) -> str:
        code, out, err = self("new", *args, "--content", str(FIXTURE_CONTENT))
        assert code == 0, err
        return out[-1]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


def test_list_says_so_in_one_line_when_there_are_none(cli: Cli) -> None:
    cli.data.mkdir()
    assert cli("list") == (0, [f"no workshops in {cli.data} (given with --data-dir)"], [])


def test_list_says_a_data_folder_given_with_the_flag_is_missing_not_empty(cli: Cli) -> None:
    typo = cli.data.parent / "dta"
    assert cli("list", data=typo) == (
        1,
        [],
        [f"bootcamp: the data folder {typo} does not exist (given with --data-dir): check the path"],
    )
    assert not typo.exists()


def test_list_says_a_data_folder_from_the_environment_is_missing_and_how_it_was_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    forgotten = tmp_path / "old-laptop" / "bootcamp"
    monkeypatch.setenv("BOOTCAMP_DATA_DIR", str(forgotten))
    assert main(["list"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        f"bootcamp: the data folder {forgotten} does not exist (set by $BOOTCAMP_DATA_DIR): check the path\n",
    )


def test_list_in_the_default_folder_never_used_says_no_workshops_yet_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bootcamp.locations

    fresh = tmp_path / "share" / "bootcamp"
    monkeypatch.delenv("BOOTCAMP_DATA_DIR", raising=False)
    monkeypatch.setattr(bootcamp.locations, "user_data_dir", lambda: fresh)
    assert main(["list"]) == 0
    assert capsys.readouterr() == (f"no workshops yet in {fresh} (your user data folder)\n", "")
    assert not fresh.exists()


def test_list_names_the_folder_on_stderr_and_keeps_stdout_one_workshop_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "from-env"
    monkeypatch.setenv("BOOTCAMP_DATA_DIR", str(data))
    assert main(["new", "Acme day", "--org", "Acme", "--participants", "Ana", "--content", str(FIXTURE_CONTENT)]) == 0
    workshop_id = capsys.readouterr().out.splitlines()[-1]
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[0] for line in out.splitlines()] == [workshop_id]
    assert err == f"workshops in {data} (set by $BOOTCAMP_DATA_DIR)\n"


def test_new_prints_the_id_last_and_list_shows_it_first(cli: Cli) -> None:
    first = cli.new("Acme day", "--org", "Acme", "--participants", "Ana, Ben ,,Chloé", "--date", "2026-09-21")
    second = cli.new("Board offsite", "--org", "Acme Group", "--date", "2026-10-02", "--half-day", "--anonymous",
                     "--participants", "(CFO), (CEO)")
    code, out, err = cli("list")
    assert (code, err) == (0, [f"workshops in {cli.data} (given with --data-dir)"])
    assert [line.split()[0] for line in out] == [second, first]
    assert out[0].split("  ")[0:2] == [second, "2026-10-02"]
    assert "Board offsite" in out[0] and "Acme Group" in out[0] and "2 participants" in out[0]
    assert out[0].endswith("half day, anonymous")
    assert "3 participants" in out[1] and out[1].endswith("full day")
    info = Store(cli.data).open(first).info()
    assert [p.name for p in info.participants] == ["Ana", "Ben", "Chloé"]


def test_new_anonymous_keeps_the_roles_given_alone_and_asks_which_a_bare_entry_is(cli: Cli) -> None:
    workshop_id = cli.new("Anon2", "--org", "Gamma", "--participants", "(CFO), (CEO)", "--anonymous")
    seats = Store(cli.data).open(workshop_id).info().participants
    assert [(p.name, p.role, p.display_name) for p in seats] == [("", "CFO", "P1"), ("", "CEO", "P2")]
    code, out, err = cli("new", "Anon3", "--org", "Gamma", "--participants", "CFO, CEO", "--anonymous")
    assert code == 1 and err == [
        "bootcamp: --participants: 'CFO': an anonymous workshop stores no names; write a role in brackets, "
        'as in "(CFO)", or give just how many participants'
    ]
    assert [info.id for info in Store(cli.data).list_workshops()] == [workshop_id]  # nothing made


def test_new_refuses_a_bad_date_in_one_line(cli: Cli) -> None:
    code, out, err = cli("new", "X", "--org", "O", "--date", "21.9.2026", "--content", str(FIXTURE_CONTENT))
    assert (code, out, err) == (
        1,
        [],
        ["bootcamp: the workshop date '21.9.2026' is not a date: use YYYY-MM-DD, e.g. 2026-12-05"],
    )
    assert not cli.data.exists()


def test_new_keeps_the_roles_given_with_the_participants(tmp_path: Path) -> None:
    """``Name (role)`` reads the same on the command line as in the app's form (bootcamp.store.roster)."""
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "bootcamp", "new", "Spring", "--org", "Acme", "--date", "2026-09-21",
         "--participants", "Ana (CFO), Ben", "--content", str(FIXTURE_CONTENT), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,  # python -m bootcamp: this checkout's package
    )
    assert result.returncode == 0, result.stderr
    workshop_id = result.stdout.splitlines()[-1]
    stored = json.loads((data / "workshops" / workshop_id / "workshop.json").read_text())
    participants = stored["workshop"]["participants"]
    assert [(p["number"], p["name"], p["role"]) for p in participants] == [(1, "Ana", "CFO"), (2, "Ben", "")]


def test_new_refuses_a_roster_it_cannot_read_in_one_line_naming_the_line(cli: Cli) -> None:
    content = ("--content", str(FIXTURE_CONTENT))
    code, out, err = cli("new", "X", "--org", "O", "--participants", "Ana (CFO)\n(CEO)", *content)
    assert (code, out, err) == (1, [], ["bootcamp: --participants: line 2: '(CEO)' has a role but no name"])
    assert not cli.data.exists()
    code, out, err = cli("new", "X", "--org", "O", "--participants", "Ana, ana", *content)
    assert code == 0  # two people may share a name: warned, not refused
    assert err == ["bootcamp: warning: --participants: 'Ana' is listed twice; add an initial or a role to tell them apart"]
    anonymous = cli.new("Y", "--org", "O", "--anonymous", "--participants", "3")
    assert [p.display_name for p in Store(cli.data).open(anonymous).info().participants] == ["P1", "P2", "P3"]


ATTENDEES = [("Smith, Ana", "CFO"), ("Okonkwo, David", "CEO"), ("Zoë Łukasiewicz", ""), ("José Núñez", "Head of Sales")] + [
    (f"Person{n} Example", "Service") for n in range(1, 15)
]


def test_new_takes_its_people_from_a_registration_list_excel_saved_in_europe(cli: Cli, tmp_path: Path) -> None:
    """A registration tool's attendee list as Excel saves it on a European Windows: semicolons, Windows-1252, names
    written surname first, columns it does not need."""
    rows = ["Name;E-mail;Job Title;Company"] + [f'"{name}";x@acme.example;{role};Acme' for name, role in ATTENDEES[:2]]
    rows += [f"{name};x@acme.example;{role};Acme" for name, role in ATTENDEES[3:]]
    sheet = tmp_path / "attendees.csv"
    sheet.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    code, out, err = cli("new", "Spring", "--org", "Acme", "--participants-file", str(sheet), "--content",
                         str(FIXTURE_CONTENT))
    assert code == 0, err
    assert out[0].startswith("created Spring for Acme on ") and "17 participants" in out[0]
    assert err[0].startswith(f"bootcamp: warning: {sheet}: read as Windows-1252")
    assert err[1:] == [f"bootcamp: note: {sheet}:2: 'Smith, Ana' read as 'Ana Smith' (surname first) (also on line 3)"]
    seats = Store(cli.data).open(out[-1]).info().participants
    assert [(p.name, p.role) for p in seats[:4]] == [("Ana Smith", "CFO"), ("David Okonkwo", "CEO"),
                                                      ("José Núñez", "Head of Sales"), ("Person1 Example", "Service")]


def test_new_takes_one_name_a_line_and_an_anonymous_workshop_keeps_only_the_roles(cli: Cli, tmp_path: Path) -> None:
    names = tmp_path / "people.txt"
    names.write_text("\ufeffAna Ortiz (CFO)\nBen Lee\n\nBen Lee\n", encoding="utf-8")
    code, out, err = cli("new", "Spring", "--org", "Acme", "--participants-file", str(names), "--content",
                         str(FIXTURE_CONTENT))
    assert code == 0 and "3 participants" in out[0]
    assert err == [
        "bootcamp: warning: --participants-file: 'Ben Lee' is listed twice; add an initial or a role to tell them apart"
    ]
    sheet = tmp_path / "attendees.csv"
    sheet.write_text("First Name,Last Name,Job Title\nAna,Ortiz,CFO\nBen,Lee,\n", encoding="utf-8")
    anonymous = cli.new("Board", "--org", "Acme", "--anonymous", "--participants-file", str(sheet))
    seats = Store(cli.data).open(anonymous).info().participants
    assert [(p.name, p.role, p.display_name) for p in seats] == [("", "CFO", "P1"), ("", "", "P2")]


def test_new_refuses_a_people_file_it_cannot_read_in_one_sentence_and_makes_nothing(cli: Cli, tmp_path: Path) -> None:
    content = ("--content", str(FIXTURE_CONTENT))
    sheet = tmp_path / "attendees.csv"
    sheet.write_text("First Name,Last Name,Job Title\nAna,Ortiz,CFO\n,,CEO\n", encoding="utf-8")
    code, out, err = cli("new", "X", "--org", "O", "--participants-file", str(sheet), *content)
    assert (code, out, err) == (1, [], [
        f"bootcamp: {sheet}:3: First Name, Last Name: empty, but the line has 'CEO'; every line needs a name; "
        "no workshop was created"
    ])
    code, out, err = cli("new", "X", "--org", "O", "--participants-file", str(tmp_path / "missing.csv"), *content)
    assert (code, out) == (1, []) and err[0].startswith(f"bootcamp: cannot read {tmp_path / 'missing.csv'}: ")
    code, out, err = cli("new", "X", "--org", "O", "--participants", "Ana", "--participants-file", str(sheet), *content)
    assert (code, err) == (1, ["bootcamp: give --participants or --participants-file, not both; no workshop was created"])
    assert not cli.data.exists()


def test_new_lists_the_problems_of_broken_content(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "content"
    (broken / "sessions").mkdir(parents=True)
    (broken / "sessions" / "program.yaml").write_text("title: [unclosed\n")
    code, out, err = cli("new", "X", "--org", "O", "--content", str(broken))
    assert code == 1 and out == []
    assert err[0].startswith("sessions/program.yaml:")
    assert err[-1].startswith("bootcamp: ") and "no workshop was created" in err[-1]
    assert Store(cli.data).list_workshops() == []


def test_list_shows_typed_text_without_obeying_it(cli: Cli) -> None:
    cli.new("\x1b[2J\x1b]0;pwned\x07Acme", "--org", "[bold]Acme[/bold] \u202eevil", "--participants", "Ana")
    code, out, _ = cli("list")
    assert "\x1b" not in out[0] and "\u202e" not in out[0]
    assert "\\x1b[2J\\x1b]0;pwned\\x07Acme" in out[0] and "[bold]Acme[/bold] \\u202eevil" in out[0]


def test_export_import_round_trip_through_files(cli: Cli, tmp_path: Path) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben")
    exported = tmp_path / "acme.json"
    code, out, _ = cli("export", workshop_id, "--format", "json", "-o", str(exported))
    assert code == 0 and out == [f"exported workshop {workshop_id} to {exported}"]
    assert json.loads(exported.read_text())["workshop"]["id"] == workshop_id

    other = tmp_path / "other"
    code, out, _ = cli("import", str(exported), data=other)
    assert code == 0 and out[-1] == workshop_id
    assert Store(other).open(workshop_id).bundle() == Store(cli.data).open(workshop_id).bundle()

    code, out, err = cli("import", str(exported), data=other)
    assert code == 1 and err == [
        f"bootcamp: {exported}: workshop {workshop_id} (Acme day) is in {other} already, the same as in the file: "
        "nothing was imported"
    ]
    code, out, _ = cli("import", str(exported), "--new-id", data=other)
    assert code == 0 and out[-1] != workshop_id and len(Store(other).list_workshops()) == 2


def test_a_day_handed_back_replaces_the_day_before_and_keeps_it_archived(cli: Cli, tmp_path: Path) -> None:
    """Laptop B ran day 2 of a workshop laptop A ran day 1 of; B's export imported on A was refused as any id already
    there ("import with --new-id to keep both"), with no way to bring day 2 in place of day 1."""
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben")
    day_one, day_two = tmp_path / "day 1.json", tmp_path / "dag två.json"
    cli("export", workshop_id, "-o", str(day_one))
    laptop_b = tmp_path / "b"
    cli("import", str(day_one), data=laptop_b)
    ana = Store(laptop_b).open(workshop_id).info().participants[0]
    Store(laptop_b).open(workshop_id).save_answer(Answer(ana.id, "basics/mandate", value="yes", at=iso(time.time() + 60)))
    cli("export", workshop_id, "-o", str(day_two), data=laptop_b)

    code, _, err = cli("import", str(day_two))
    assert code == 1 and err[0].startswith(f"bootcamp: {day_two}: workshop {workshop_id} (Acme day) in {cli.data} is an older copy")
    code, out, err = cli("import", str(day_two), "--replace")
    assert code == 0, err
    (kept,) = (info.id for info in Store(cli.data).list_workshops() if info.id != workshop_id)
    assert out == [
        f"imported Acme day (2 participants, 1 answer) into {cli.data} in place of the copy there, which is kept, "
        f"archived, as workshop {kept} (bootcamp archive {kept} --undo brings it back to the lists)",
        workshop_id,
    ]
    assert Store(cli.data).open(workshop_id).bundle().answers == Store(laptop_b).open(workshop_id).bundle().answers
    assert Store(cli.data).open(kept).bundle().answers == ()


def test_import_counts_the_people_as_the_list_does(cli: Cli, tmp_path: Path) -> None:
    """Before: "imported Acme day (3 participants, …)" of a workshop bootcamp list shows with 2 (Ben, removed during
    the day, counted as in the room)."""
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben,Chloe")
    workshop = Store(cli.data).open(workshop_id)
    ben = next(p for p in workshop.info().participants if p.name == "Ben")
    workshop.update_info(lambda info: roster.remove_participant(info, ben.id).info)  # type: ignore[union-attr]
    exported = tmp_path / "acme.json"
    assert cli("export", workshop_id, "--format", "json", "-o", str(exported))[0] == 0

    other = tmp_path / "other"
    code, out, _ = cli("import", str(exported), data=other)
    _, listed, _ = cli("list", data=other)
    in_the_list = listed[0].split("  ")[4]
    assert code == 0 and in_the_list == "2 participants" and out[0].startswith(f"imported Acme day ({in_the_list}, ")


def test_import_of_a_broken_or_missing_file_says_which(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "bootcamp-workshop", "version": 1}')
    assert cli("import", str(broken)) == (1, [], [f"bootcamp: {broken}: workshop: missing; nothing was imported"])
    code, _, err = cli("import", str(tmp_path / "nope.json"))
    assert code == 1 and err == [f"bootcamp: cannot read {tmp_path / 'nope.json'}: No such file or directory"]
    assert Store(cli.data).list_workshops() == []


def test_csv_export_and_import_answers(cli: Cli, tmp_path: Path) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,item,perspective,value,comment\nAna,basics/mandate,,,yes,=cmd|' /C calc'!A0\n"
                     "Ben,basics/rate-aptitudes,persist,self,weak,\n")
    code, out, err = cli("import-answers", workshop_id, str(paper))
    assert (code, out[0], err) == (0, f"imported 2 answers into workshop {workshop_id}", [])

    code, out, _ = cli("export", workshop_id, "--format", "csv")
    assert code == 0 and len(out) == 3
    assert out[0] == "workshop_id,participant_id,participant,step,item,perspective,value,comment,at"
    assert ",Ben,basics/rate-aptitudes,persist,self,weak,," in out[1]
    assert ",Ana,basics/mandate,,,yes,'=cmd|' /C calc'!A0," in out[2]

    paper.write_text("participant,step,value\nAna,basics/mandate,no\nZoe,basics/mandate,yes\n")
    code, out, err = cli("import-answers", workshop_id, str(paper))
    assert (code, out) == (1, [])
    assert err == [
        f"bootcamp: 1 problem in {paper}; nothing was imported:",
        f"{paper}:3: participant: unknown participant 'Zoe'",
    ]
    answers = Store(cli.data).open(workshop_id).answers()
    assert sorted(a.value for a in answers) == ["weak", "yes"]  # Ana's "no" was not imported either


def test_a_csv_export_file_opens_in_excel_with_its_accents_and_imports_back(cli: Cli, tmp_path: Path) -> None:
    """Excel reads a CSV without a byte-order mark in the machine's code page: "Chloé" came out "ChloÃ©"."""
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Chloé,Ben")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value,comment\nChloé,basics/mandate,yes,\"Ça va, oui\"\n", encoding="utf-8")
    assert cli("import-answers", workshop_id, str(paper))[0] == 0
    exported = tmp_path / "answers.csv"
    assert cli("export", workshop_id, "--format", "csv", "-o", str(exported))[0] == 0
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfworkshop_id,") and "Chloé".encode() in raw
    code, out, err = cli("import-answers", workshop_id, str(exported))  # the file comes back as it went
    assert code == 0 and err == [] and "already there" in " ".join(out)


def test_import_answers_never_writes_over_a_different_stored_answer_without_replace(cli: Cli, tmp_path: Path) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana Ortiz,Ben", "--date", "2026-12-01")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value\nAna Ortiz,basics/mandate,partly\nBen,basics/mandate,no\n")
    assert cli("import-answers", workshop_id, str(paper))[:2] == (0, [f"imported 2 answers into workshop {workshop_id}",
                                                                     "2 answers with no time in the sheet were dated "
                                                                     "2026-12-01, the workshop's date"])
    stored = sorted(Store(cli.data).open(workshop_id).answers(), key=lambda a: a.value)

    sheet = tmp_path / "one-row.csv"
    sheet.write_text("participant,step,value\nBen,basics/mandate,no\nAna Ortiz,basics/mandate,no\n")
    code, out, err = cli("import-answers", workshop_id, str(sheet))
    assert (code, out) == (1, [])
    assert err == [
        f"bootcamp: 1 problem in {sheet}; nothing was imported, as it differs from the answer stored "
        "(--replace replaces it):",
        f"{sheet}:3: Ana Ortiz, Who drives agreement?: the file says No, but Partly is stored",
    ]
    assert sorted(Store(cli.data).open(workshop_id).answers(), key=lambda a: a.value) == stored  # nothing written

    assert cli("import-answers", workshop_id, str(sheet), "--replace") == (
        0,
        [
            f"imported 1 answer into workshop {workshop_id}; 1 answer already there",
            "replaced 1 stored answer:",
            "  line 3: Ana Ortiz, Who drives agreement?: Partly \u2192 No",
            "1 answer with no time in the sheet was dated 2026-12-01, the workshop's date",
        ],
        [],
    )
    assert sorted(a.value for a in Store(cli.data).open(workshop_id).answers()) == ["no", "no"]


def test_importing_the_same_file_twice_finds_every_answer_already_there(cli: Cli, tmp_path: Path) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,item,perspective,value,comment\nAna,basics/mandate,,,yes,the CEO\n"
                     "Ben,basics/rate-aptitudes,persist,self,weak,\n")
    assert cli("import-answers", workshop_id, str(paper))[0] == 0
    files = Store(cli.data).open(workshop_id)
    before = {path.name: path.read_bytes() for path in (files.path / "answers").iterdir()}
    assert cli("import-answers", workshop_id, str(paper)) == (
        0, [f"imported 0 answers into workshop {workshop_id}; 2 answers already there"], []
    )
    assert {path.name: path.read_bytes() for path in (files.path / "answers").iterdir()} == before

    paper.write_text("participant,step,item,perspective,value,comment\nAna,basics/mandate,,,yes,the board\n"
                     "Ben,basics/rate-aptitudes,persist,self,strong,\n")
    code, out, err = cli("import-answers", workshop_id, str(paper))
    assert (code, out) == (1, [])
    assert err[0] == (
        f"bootcamp: 2 problems in {paper}; nothing was imported, as they differ from the answers stored "
        "(--replace replaces them):"
    )
    assert err[1:] == [
        f'{paper}:2: Ana, Who drives agreement?: the file says Yes, comment "the board", but Yes, comment "the CEO" '
        "is stored",
        f"{paper}:3: Ben, Rate the aptitudes, Persist! (yourself): the file says Strength, but Weakness is stored",
    ]


def test_paper_answers_without_a_time_are_dated_with_the_workshops_date_and_given_times_kept(
    cli: Cli, tmp_path: Path
) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben", "--date", "2026-12-01")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value,at\nAna,basics/mandate,yes,\nBen,basics/mandate,no,2026-12-01T10:15:00+00:00\n")
    code, out, _ = cli("import-answers", workshop_id, str(paper))
    assert code == 0
    assert out[-1] == "1 answer with no time in the sheet was dated 2026-12-01, the workshop's date"
    assert sorted(a.at for a in Store(cli.data).open(workshop_id).answers()) == [
        "2026-12-01",
        "2026-12-01T10:15:00+00:00",
    ]


def test_a_csv_excel_saved_as_windows_1252_is_read_so_and_says_it_was(cli: Cli, tmp_path: Path) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "José,Ben")
    paper = tmp_path / "paper.csv"
    paper.write_bytes("participant,step,value,comment\nJosé,basics/mandate,yes,¥ and € budget\n".encode("cp1252"))
    code, out, err = cli("import-answers", workshop_id, str(paper))
    assert (code, out[0]) == (0, f"imported 1 answer into workshop {workshop_id}")
    assert err == [
        f"bootcamp: warning: {paper}: read as Windows-1252, as Excel saves it: it is not UTF-8 text (byte 0xe9 on "
        "line 2, column 4)"
    ]
    assert [a.comment for a in Store(cli.data).open(workshop_id).answers()] == ["¥ and € budget"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 0x81 is no character in Windows-1252 either
        ("participant,step,value\nAna,basics/mandate,yes\nBen,basics/mandate,n\x81o\n".encode("latin-1"), ":3:21: not UTF-8 text (byte 0x81)"),
        ("participant,step,value\nAna,basics/mandate,yes\n".encode("utf-16"), ":1:1: UTF-16 text, not UTF-8"),
        ("participant,step,value\nAn\u00e1,basics/mandate,yes\n".encode("utf-16-le"), ":1:2: not UTF-8 text (byte 0x00, as in UTF-16)"),
    ],
)
def test_a_file_that_is_not_utf8_is_refused_with_its_line_and_column(
    cli: Cli, tmp_path: Path, raw: bytes, expected: str
) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben")
    paper = tmp_path / "paper.csv"
    paper.write_bytes(raw)
    assert cli("import-answers", workshop_id, str(paper)) == (
        1, [], [f"bootcamp: {paper}{expected}; save it as UTF-8 and try again"]
    )
    exported = tmp_path / "workshop.json"
    exported.write_bytes(raw)
    assert cli("import", str(exported)) == (1, [], [f"bootcamp: {exported}{expected}; save it as UTF-8 and try again"])


def test_import_answers_of_a_csv_with_only_its_header_says_so_and_fails(cli: Cli, tmp_path: Path) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value\n\n")  # a blank line is no row either
    assert cli("import-answers", workshop_id, str(paper)) == (
        1,
        [],
        [f"bootcamp: {paper}: no answer rows under the header; nothing was imported"],
    )
    assert Store(cli.data).open(workshop_id).answers() == []


def test_export_gets_the_readable_answers_out_past_a_damaged_answers_file_left_as_it_is(
    cli: Cli, tmp_path: Path
) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana,Ben")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value\nAna,basics/mandate,yes\nBen,basics/mandate,no\n")
    assert cli("import-answers", workshop_id, str(paper))[0] == 0
    ana = Store(cli.data).open(workshop_id).info().participants[0].id
    damaged = cli.data / "workshops" / workshop_id / "answers" / f"{ana}.json"
    damaged.write_bytes(damaged.read_bytes()[:40])  # cut short, as by a full disk or a bad copy
    cut = damaged.read_bytes()

    code, out, err = cli("export", workshop_id, "--format", "csv")
    assert (code, out) == (1, []) and len(err) == 1
    assert err[0].startswith(f"bootcamp: cannot read {damaged}: not valid JSON")
    assert err[0].endswith(f"(`bootcamp export {workshop_id} --skip-damaged` exports the answers that can be read)")

    code, out, err = cli("export", workshop_id, "--format", "csv", "--skip-damaged")
    assert code == 0 and len(out) == 2 and ",Ben,basics/mandate,,,no," in out[1]
    assert len(err) == 1 and err[0].startswith(f"bootcamp: warning: skipped {damaged}: not valid JSON")
    exported = tmp_path / "partial.json"
    assert cli("export", workshop_id, "--skip-damaged", "-o", str(exported))[0] == 0
    assert [a["value"] for a in json.loads(exported.read_text())["answers"]] == ["no"]
    assert damaged.read_bytes() == cut  # nothing written over the damaged file


def test_csv_on_a_terminal_shows_escapes_instead_of_obeying_them(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana")
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value,comment\nAna,basics/mandate,yes,\x1b[31mred\x1b[0m\n", newline="")
    assert cli("import-answers", workshop_id, str(paper))[0] == 0
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = cli("export", workshop_id, "--format", "csv")
    assert code == 0 and "\\x1b[31mred\\x1b[0m" in out[1] and "\x1b" not in "".join(out)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    code, out, _ = cli("export", workshop_id, "--format", "csv")
    assert "\x1b[31mred\x1b[0m" in out[1]  # a file or a pipe gets the text exactly as typed


def test_unknown_workshop_ids_are_named(cli: Cli, tmp_path: Path) -> None:
    cli.data.mkdir()  # there: the id is what is unknown (a folder not there is said first)
    for command in (["export", "nope"], ["import-answers", "nope", str(tmp_path / "x.csv")]):
        assert cli(*command) == (1, [], [f"bootcamp: no workshop with id 'nope' in {cli.data} (see `bootcamp list`)"])


def test_new_warns_of_a_date_months_ahead_and_still_creates_it(cli: Cli) -> None:
    from datetime import date, timedelta

    content = ("--content", str(FIXTURE_CONTENT))
    today = date.today()
    ahead = (today + timedelta(days=365)).isoformat()
    code, out, err = cli("new", "X", "--org", "O", "--participants", "Ana", "--date", ahead, *content)
    assert code == 0 and out[0].startswith("created X for O on " + ahead)
    assert err == [f"bootcamp: warning: --date: {ahead} is 365 days from today ({today.isoformat()}): check the year"]
    code, _, err = cli("new", "Y", "--org", "O", "--participants", "Ana", "--date", (today + timedelta(days=30)).isoformat(), *content)
    assert code == 0 and err == []


def test_every_command_naming_a_workshop_says_first_that_a_mistyped_data_folder_does_not_exist(
    cli: Cli, tmp_path: Path
) -> None:
    """Not "no workshop with id …" (which blames the id): the folder is what is wrong, as `list` says."""
    typo = cli.data.parent / "dta"
    paper = tmp_path / "paper.csv"
    paper.write_text("participant,step,value\n")
    said = [f"bootcamp: the data folder {typo} does not exist (given with --data-dir): check the path"]
    for command in (
        ["present", "atp3mq3x"],
        ["open", "atp3mq3x"],
        ["export", "atp3mq3x"],
        ["summary", "atp3mq3x"],
        ["compare", "atp3mq3x"],
        ["compare", "atp3mq3x", "b4q9z2mm"],
        ["import-answers", "atp3mq3x", str(paper)],
        ["print", "sheets", "atp3mq3x"],
        ["new", "--like", "atp3mq3x", "--date", "2026-10-01"],
    ):
        assert cli(*command, data=typo) == (1, [], said), command
    assert not typo.exists()


def test_an_empty_data_folder_content_folder_or_output_file_is_refused_not_taken_as_left_out(
    cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: `bootcamp --data-dir "$BACKUP" delete ID --yes` with $BACKUP unset ran on the user data folder, the real
    library, as if --data-dir had been left out (and `-o ""` wrote to the terminal, `--content ""` used the shipped
    content): a script's empty variable reached the workshops it was never meant for."""
    import bootcamp.locations

    real = tmp_path / "share" / "bootcamp"
    monkeypatch.delenv("BOOTCAMP_DATA_DIR", raising=False)
    monkeypatch.setattr(bootcamp.locations, "user_data_dir", lambda: real)
    workshop = Cli(real, capsys).new("Spring", "--org", "Acme", "--participants", "Ana, Ben")
    before = sorted(p.relative_to(real) for p in real.rglob("*"))
    for argv, said in (
        (["--data-dir", "", "delete", workshop, "--yes"], "--data-dir"),
        (["--data-dir", " ", "list"], "--data-dir"),
        (["export", workshop, "-o", ""], "-o"),
        (["summary", workshop, "--output", " "], "-o"),
        (["--content", "", "new", "X", "--org", "Y", "--participants", "A"], "--content"),
    ):
        capsys.readouterr()
        assert main(argv) == 1, argv
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and err.startswith(f"bootcamp: {said} is empty"), (argv, err)
    assert sorted(p.relative_to(real) for p in real.rglob("*")) == before


def test_a_workshop_id_in_a_user_data_folder_never_used_says_there_are_no_workshops_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bootcamp.locations

    fresh = tmp_path / "share" / "bootcamp"
    monkeypatch.delenv("BOOTCAMP_DATA_DIR", raising=False)
    monkeypatch.setattr(bootcamp.locations, "user_data_dir", lambda: fresh)
    assert main(["export", "atp3mq3x"]) == 1
    assert capsys.readouterr() == ("", f"bootcamp: no workshops yet in {fresh} (your user data folder)\n")
    assert not fresh.exists()


def test_the_store_names_a_missing_data_folder_rather_than_the_id(tmp_path: Path) -> None:
    from bootcamp.store.errors import StoreError

    with pytest.raises(StoreError, match=r"the data folder .*dta does not exist: check the path"):
        Store(tmp_path / "dta").open("atp3mq3x")


def test_export_without_o_does_not_pour_the_json_onto_a_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About 300 KB of JSON (the content copy with it) scrolled past a facilitator who typed `bootcamp export ID`:
    on a terminal it is refused in one line saying how to write it; a pipe or a redirect still gets it all."""
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = cli("export", workshop_id)
    assert (code, out) == (1, []) and len(err) == 1, err
    assert err[0].startswith(f"bootcamp: the JSON export of workshop {workshop_id} is ")
    assert f"add -o {workshop_id}.json to write it to a file, or redirect it (> {workshop_id}.json)" in err[0]
    assert cli("export", workshop_id, "--format", "csv")[0] == 0  # a CSV of the answers is fit to read there
    code, out, err = cli("export", workshop_id, "-o", str(tmp_path / "x.json"))
    assert code == 0 and json.loads((tmp_path / "x.json").read_text())["workshop"]["id"] == workshop_id
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)  # `bootcamp export ID > x.json`, `| jq`
    code, out, err = cli("export", workshop_id)
    assert code == 0 and json.loads("\n".join(out))["workshop"]["id"] == workshop_id and err == []


@pytest.mark.parametrize(
    ("command", "unknown", "usage"),
    [
        (["list", "--format", "json"], "--format json", "usage: bootcamp list "),
        (["export", "atp3mq3x", "--fromat", "csv"], "--fromat csv", "usage: bootcamp export "),
        (["print", "sheets", "atp3mq3x", "--format", "pdf"], "--format pdf", "usage: bootcamp print sheets "),
    ],
)
def test_an_unknown_option_names_the_command_and_its_usage(
    cli: Cli, capsys: pytest.CaptureFixture[str], command: list[str], unknown: str, usage: str
) -> None:
    """Not the top-level usage, which names neither the command nor its options (argparse's default)."""
    cli.data.mkdir()
    with pytest.raises(SystemExit) as exited:
        main([*command, "--data-dir", str(cli.data)])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and err.startswith(usage), err
    assert err.splitlines()[-1] == f"bootcamp {' '.join(usage.split()[2:])}: error: unrecognized arguments: {unknown}"


def test_an_unknown_option_before_any_command_is_still_said_with_the_top_level_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--frobnicate"])
    err = capsys.readouterr().err
    assert err.startswith("usage: bootcamp [-h]") and err.splitlines()[-1].endswith("unrecognized arguments: --frobnicate")


def test_a_binary_file_given_to_import_is_said_to_be_no_export_not_a_text_encoding(cli: Cli, tmp_path: Path) -> None:
    picture = tmp_path / "qr.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    assert cli("import", str(picture)) == (1, [], [f"bootcamp: {picture}: not a workshop export (a binary file)"])
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana")
    assert cli("import-answers", workshop_id, str(picture)) == (
        1, [], [f"bootcamp: {picture}: not a CSV of answers (a binary file)"]
    )


def test_utf16_without_its_mark_is_said_even_when_every_character_is_ascii(cli: Cli, tmp_path: Path) -> None:
    """Its NULs are valid UTF-8, so it was read as text and refused for its header, full of NULs."""
    workshop_id = cli.new("Acme day", "--org", "Acme", "--participants", "Ana")
    paper = tmp_path / "paper.csv"
    paper.write_bytes("participant,step,value\nAna,basics/mandate,yes\n".encode("utf-16-le"))
    assert cli("import-answers", workshop_id, str(paper)) == (
        1, [], [f"bootcamp: {paper}:1:2: not UTF-8 text (byte 0x00, as in UTF-16); save it as UTF-8 and try again"]
    )

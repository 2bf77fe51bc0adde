"""``bootcamp forget WORKSHOP PERSON`` and ``bootcamp delete WORKSHOP``, run as a consultant runs them (the CLI's main).

On the demo's two runs (bootcamp.demo_earlier): the earlier run, then the run made again from it, with the same people.
"""

from __future__ import annotations

import builtins
import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.commands import confirm
from bootcamp.demo_earlier import create_demo_runs
from bootcamp.store import Store, StoreError
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.owner_lock import OwnerLock
from bootcamp.store.trash import finish_deletions

ROOT = Path(__file__).resolve().parents[1]
NAME = "Maria Lindqvist"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def every_text(folder: Path) -> str:
    """Every file's text; not the owner lock's, which holds while taken who took it (empty once let go)."""
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "owner.lock"]
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in files)


@pytest.fixture
def runs(store: Store, sources: dict[str, str]) -> tuple[WorkshopInfo, WorkshopInfo]:
    """(the earlier run, the later one made again from it)."""
    later = create_demo_runs(store, sources)
    return store.open(later.follows).info(), later


class Terminal:
    """Someone at a terminal: types ``answer`` to whatever is asked; ``asked``, the questions."""

    def __init__(self) -> None:
        self.answer = ""
        self.asked: list[str] = []

    def input(self, question: str) -> str:
        self.asked.append(question)
        return self.answer


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    person = Terminal()
    monkeypatch.setattr(confirm, "on_a_terminal", lambda: True)
    monkeypatch.setattr(builtins, "input", person.input)
    return person


# -- forget ----------------------------------------------------------------------------------------------------


def test_forget_by_name_erases_her_says_what_went_and_names_the_later_run_that_still_has_her(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, later = runs
    data = ("--data-dir", str(store.data_dir))
    code, out, err = run_cli(capsys, "forget", earlier.id, "maria LINDQVIST", "--yes", "--redact-notes", *data)

    assert (code, err) == (0, [])
    assert out[0].startswith(f"{NAME} (Chief Customer Officer) in workshop {earlier.id}") and "answers" in out[0]
    goes = out[0].split("; to erase: ", 1)[1]
    assert f"erased {NAME} (Chief Customer Officer) from workshop {earlier.id}: {goes}" in out
    assert "phone" not in goes  # she never joined from a phone: the line after once said her phone seat went
    assert any(later.id in line and "bootcamp forget there too" in line for line in out)
    assert "outside bootcamp" in out[-1]
    assert "Lindqvist" not in every_text(store.workshops_dir / earlier.id)
    assert NAME in {p.name for p in store.open(later.id).info().participants}  # the later run is left as it is


def test_forget_in_the_later_run_names_the_earlier_run_that_seats_her_too(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: forgotten from last week's run, the one a consultant is asked about, she was said to be erased and
    nothing named the run it was made again from, which still held her name, her role and her answers."""
    earlier, later = runs
    code, out, err = run_cli(capsys, "forget", later.id, NAME, "--yes", "--data-dir", str(store.data_dir))
    assert (code, err) == (0, [])
    seated = [line for line in out if "bootcamp forget there too" in line]
    assert len(seated) == 1 and earlier.id in seated[0] and NAME in seated[0], out
    assert NAME in {p.name for p in store.open(earlier.id).info().participants}  # left as it is


def test_a_later_run_she_was_not_carried_into_is_not_said_to_hold_her(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a run made again from it was always said to carry its people, her too, and to need forgetting there."""
    earlier, later = runs
    later_files = store.open(later.id)
    later_files.update_info(lambda info: dataclasses.replace(
        info, participants=tuple(p for p in info.participants if p.name != NAME)
    ))
    code, out, err = run_cli(capsys, "forget", earlier.id, NAME, "--yes", "--data-dir", str(store.data_dir))
    assert (code, err) == (0, [])
    assert not any("there too" in line for line in out), out


def test_forget_without_a_terminal_or_yes_refuses_in_one_sentence_and_erases_nothing(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, _ = runs
    before = every_text(store.workshops_dir / earlier.id)
    code, out, err = run_cli(capsys, "forget", earlier.id, NAME, "--data-dir", str(store.data_dir))
    assert code == 1 and len(err) == 1 and "--yes" in err[0] and "nothing was erased" in err[0]
    assert any("names them in" in line for line in out)  # what it would have done is shown all the same
    assert every_text(store.workshops_dir / earlier.id) == before


def test_forget_on_a_terminal_asks_first_and_no_keeps_everything(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str], terminal: Terminal
) -> None:
    earlier, _ = runs
    data = ("--data-dir", str(store.data_dir))
    terminal.answer = "n"
    code, out, _ = run_cli(capsys, "forget", earlier.id, "P1", *data)
    assert code == 1 and out[-1] == "nothing was erased"
    places = next(line for line in out if "names them in" in line).split("names them in ")[1].split(",")[0]
    assert terminal.asked == [
        f"Erase {NAME} (Chief Customer Officer) from workshop {earlier.id} for good? Their name stays in the "
        f"{places} above (n, then --redact-notes, to put (a participant) there). [y/N] "
    ]  # once she is forgotten, a rerun with --redact-notes finds nobody of her name
    assert NAME in {p.name for p in store.open(earlier.id).info().participants}

    terminal.answer = "y"
    code, out, _ = run_cli(capsys, "forget", earlier.id, "P1", *data)
    assert code == 0
    assert NAME not in {p.name for p in store.open(earlier.id).info().participants}


def test_forget_while_a_console_has_the_workshop_open_is_refused_in_one_sentence(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, _ = runs
    with OwnerLock(store.workshops_dir / earlier.id, purpose="console", clock=store.clock):
        code, out, err = run_cli(capsys, "forget", earlier.id, NAME, "--yes", "--data-dir", str(store.data_dir))
    assert code == 1 and out == [] and len(err) == 1 and earlier.id in err[0]
    assert NAME in {p.name for p in store.open(earlier.id).info().participants}


def test_forgetting_the_only_participant_is_refused_before_it_asks(
    store: Store, sources: dict[str, str], capsys: pytest.CaptureFixture[str], terminal: Terminal
) -> None:
    """Before: it showed what would go and asked "Erase Ana Ortiz … for good?", and only after y said a workshop keeps
    at least one participant."""
    info = store.create_workshop(
        name="Solo", organisation="Acme", date="2026-09-21", participants=[("Ana Ortiz", "")], sources=sources
    )
    terminal.answer = "y"
    code, out, err = run_cli(capsys, "forget", info.id, "Ana Ortiz", "--data-dir", str(store.data_dir))
    assert (code, out, terminal.asked) == (1, [], [])
    assert len(err) == 1 and f"bootcamp delete {info.id}" in err[0]


def test_forget_an_unknown_person_says_so_in_one_sentence(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, _ = runs
    code, out, err = run_cli(capsys, "forget", earlier.id, "Maria", "--yes", "--data-dir", str(store.data_dir))
    assert code == 1 and out == [] and len(err) == 1 and "'Maria'" in err[0] and "P7" in err[0]


def test_the_later_run_compares_with_the_earlier_one_she_is_forgotten_from_without_her(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, later = runs
    data = ("--data-dir", str(store.data_dir))
    _, before, _ = run_cli(capsys, "compare", later.id, *data)
    run_cli(capsys, "forget", earlier.id, NAME, "--yes", *data)
    code, after, err = run_cli(capsys, "compare", later.id, *data)
    assert code == 0 and err == []
    earlier_line = next(line for line in after if line.startswith("- Earlier run"))
    counted_before = next(line for line in before if line.startswith("- Earlier run"))
    assert counted_before != earlier_line and "participants" in earlier_line


# -- delete ----------------------------------------------------------------------------------------------------


def test_delete_asks_for_the_id_and_a_wrong_one_keeps_the_workshop(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str], terminal: Terminal
) -> None:
    earlier, later = runs
    data = ("--data-dir", str(store.data_dir))
    terminal.answer = "yes"
    code, out, _ = run_cli(capsys, "delete", earlier.id, *data)
    assert code == 1 and "nothing was deleted" in out[-1]
    assert store.exists(earlier.id)
    assert any(line.startswith(f"run 2, workshop {later.id}") and "follows it" in line for line in out)

    terminal.answer = f" {earlier.id} "
    code, out, _ = run_cli(capsys, "delete", earlier.id, *data)
    assert code == 0 and out[-1].startswith("deleted ")
    assert terminal.asked[-1] == f"Type the workshop's id, {earlier.id}, to delete it for good: "
    assert sorted(os.listdir(store.workshops_dir)) == sorted([".create.lock", later.id])


def test_delete_counts_the_people_as_the_list_does(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the demo day, "7 participants" in bootcamp list, was "8 participants" in delete's first line (it
    counted James Whitfield, removed during the day, as in the room)."""
    _, later = runs
    data = ("--data-dir", str(store.data_dir))
    _, listed, _ = run_cli(capsys, "list", *data)
    in_the_list = next(line for line in listed if line.startswith(later.id)).split("  ")[4]
    code, out, _ = run_cli(capsys, "delete", later.id, *data)
    assert code == 1 and f"), {in_the_list}: it goes for good" in out[0], (in_the_list, out[0])


def test_after_delete_the_later_run_still_opens_summarises_and_its_comparison_says_the_earlier_is_gone(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, later = runs
    data = ("--data-dir", str(store.data_dir))
    code, _, err = run_cli(capsys, "delete", earlier.id, "--yes", *data)
    assert (code, err) == (0, [])
    assert earlier.id not in every_text(store.data_dir / "library.json")  # its names and notes with it

    code, out, _ = run_cli(capsys, "summary", later.id, *data)
    assert code == 0 and out[0].startswith("# Commitment test")
    code, out, err = run_cli(capsys, "compare", later.id, *data)
    assert code == 1 and len(err) == 1 and f"follows workshop {earlier.id}, which is not in this library" in err[0]
    code, out, _ = run_cli(capsys, "list", *data)
    assert [line.split()[0] for line in out] == [later.id]


def test_delete_without_a_terminal_or_yes_and_while_open_on_a_console_is_refused(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, _ = runs
    data = ("--data-dir", str(store.data_dir))
    code, _, err = run_cli(capsys, "delete", earlier.id, *data)
    assert code == 1 and len(err) == 1 and "--yes" in err[0]
    with OwnerLock(store.workshops_dir / earlier.id, purpose="console", clock=store.clock):
        code, _, err = run_cli(capsys, "delete", earlier.id, "--yes", *data)
    assert code == 1 and len(err) == 1 and earlier.id in err[0]
    assert store.exists(earlier.id)


def test_delete_that_cannot_be_done_says_only_why_never_that_it_goes(
    store: Store,
    runs: tuple[WorkshopInfo, WorkshopInfo],
    capsys: pytest.CaptureFixture[str],
    terminal: Terminal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before: `bootcamp delete` on a read-only data folder printed "…: it goes for good, every answer, note and action
    with it", asked for the id, then failed on the lock: the CCO was told it went, and it could not. What can be known
    first (the lock taken by a console or refused, a folder that cannot be written) is now said alone, nothing asked."""
    earlier, _ = runs
    data = ("--data-dir", str(store.data_dir))
    terminal.answer = earlier.id
    real_access = os.access
    read_only = {str(store.workshops_dir)}
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: str(path) not in read_only and real_access(path, mode, **kw))
    code, out, err = run_cli(capsys, "delete", earlier.id, *data)
    assert (code, out, terminal.asked) == (1, [], [])
    assert err == [
        f"bootcamp: nothing was deleted: workshop {earlier.id} is in {store.workshops_dir}, which cannot be written "
        "(a read-only disk or folder); make it writable, then delete again"
    ]
    read_only.clear()

    def refused(lock: OwnerLock) -> OwnerLock:  # as on a read-only mount, where owner.lock cannot be opened to write
        raise StoreError(f"cannot lock workshop {lock.folder.name}: {lock.path}: Read-only file system")

    with monkeypatch.context() as stubbed:
        stubbed.setattr(OwnerLock, "acquire", refused)
        code, out, err = run_cli(capsys, "delete", earlier.id, *data)
    assert (code, out, terminal.asked) == (1, [], [])
    assert len(err) == 1 and err[0].startswith(f"bootcamp: cannot lock workshop {earlier.id}: "), err
    with OwnerLock(store.workshops_dir / earlier.id, purpose="console", clock=store.clock):
        code, out, err = run_cli(capsys, "delete", earlier.id, *data)
    assert (code, out, terminal.asked) == (1, [], []) and len(err) == 1 and earlier.id in err[0]
    assert store.exists(earlier.id)


def test_a_workshop_that_cannot_be_read_is_deleted_by_its_id(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str], terminal: Terminal
) -> None:
    """Before: a client asked for their workshop to be deleted, its workshop.json was damaged, and bootcamp delete said
    there was no workshop with that id: the consultant was left to find the folder and remove it by hand."""
    earlier, later = runs
    data = ("--data-dir", str(store.data_dir))
    (store.workshops_dir / earlier.id / "workshop.json").write_text("{broken")
    terminal.answer = earlier.id
    code, out, err = run_cli(capsys, "delete", earlier.id, *data)
    assert (code, err) == (0, []), err
    assert out[0].startswith(f"workshop {earlier.id} cannot be read") and "goes for good" in out[0], out
    assert terminal.asked == [f"Type the workshop's id, {earlier.id}, to delete it for good: "]
    assert sorted(os.listdir(store.workshops_dir)) == sorted([".create.lock", later.id])

    code, out, err = run_cli(capsys, "delete", "no-such", "--yes", *data)  # an id that is not there is still refused
    assert code == 1 and len(err) == 1 and "no workshop with id or name 'no-such'" in err[0]


def test_forget_and_archive_say_a_damaged_workshop_cannot_be_read_not_that_there_is_none(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the CCO back weeks later, whose workshop.json had been cut short, ran bootcamp forget (and archive) on
    it and was told there was no workshop with that id, though `summary`, `export` and `open` on the same id named the
    file that cannot be read: the workshop looked gone when one file needed mending."""
    earlier, _ = runs
    data = ("--data-dir", str(store.data_dir))
    damaged = store.workshops_dir / earlier.id / "workshop.json"
    damaged.write_bytes(damaged.read_bytes()[:300])
    before = every_text(store.workshops_dir / earlier.id)
    for argv in (("forget", earlier.id, NAME, "--yes"), ("archive", earlier.id), ("archive", "--undo", earlier.id)):
        code, out, err = run_cli(capsys, *argv, *data)
        assert (code, out, len(err)) == (1, [], 1), (argv, out, err)
        assert err[0].startswith(f"bootcamp: cannot read {damaged}: not valid JSON (line 1, column"), err
        assert "no workshop" not in err[0]
    assert every_text(store.workshops_dir / earlier.id) == before


def test_a_delete_killed_while_removing_leaves_no_half_workshop_and_the_next_start_finishes_it(
    store: Store, runs: tuple[WorkshopInfo, WorkshopInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    earlier, later = runs
    helper = ROOT / "tests" / "store" / "delete_process.py"
    killed = subprocess.run(
        [sys.executable, str(helper), str(store.data_dir), earlier.id],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    left = [name for name in os.listdir(store.workshops_dir) if name.startswith(".deleted-")]
    assert len(left) == 1  # half removed, under a hidden name

    code, out, err = run_cli(capsys, "list", "--data-dir", str(store.data_dir))
    assert code == 0 and [line.split()[0] for line in out] == [later.id]
    assert not any("not a workshop" in line for line in err)

    finish_deletions(store.workshops_dir)  # what the app's start does before home's list
    assert not any(name.startswith(".deleted-") for name in os.listdir(store.workshops_dir))

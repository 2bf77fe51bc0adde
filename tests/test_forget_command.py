"""``bootcamp forget WORKSHOP PERSON`` , run as a consultant runs them (the CLI's main).

On the demo's two runs (bootcamp.demo_earlier): the earlier run, then the run made again from it, with the same people.
"""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.commands import confirm
from bootcamp.demo_earlier import create_demo_runs
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.owner_lock import OwnerLock

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
    assert any(line.startswith(f"erased {NAME}") for line in out)
    assert any(later.id in line and "bootcamp forget there too" in line for line in out)
    assert "outside bootcamp" in out[-1]
    assert "Lindqvist" not in every_text(store.workshops_dir / earlier.id)
    assert NAME in {p.name for p in store.open(later.id).info().participants}  # the later run is left as it is


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
    assert terminal.asked == [f"Erase {NAME} (Chief Customer Officer) from workshop {earlier.id} for good? [y/N] "]
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

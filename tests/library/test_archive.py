"""Putting finished workshops away: archived ones leave home's list and `bootcamp list`, keep every file, and come back."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.errors import UserError
from bootcamp.library import Library
from bootcamp.store import Store
from bootcamp.store.archive import archive, is_archived, unarchive
from bootcamp.store.model import Answer
from bootcamp.store.owner_lock import OwnerLock, WorkshopBusy
from tests.library.conftest import make_workshop
from tests.store_fixtures import met_on_two_days


def every_file(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_archiving_hides_a_workshop_from_the_listing_and_keeps_every_file(
    store: Store, sources: dict[str, str], library: Library
) -> None:
    spring = make_workshop(store, sources, name="Spring", date="2026-03-02")
    autumn = make_workshop(store, sources, name="Autumn", date="2026-09-21")
    with store.owned(spring.id, purpose="test") as files:
        files.save_answer(Answer(files.info().participants[0].id, "intro/welcome", value="x"))
    before = every_file(store.workshops_dir / spring.id)

    archive(store, spring.id)

    assert is_archived(store.workshops_dir / spring.id)
    after = every_file(store.workshops_dir / spring.id)
    assert {name: data for name, data in after.items() if name != "archived.json"} == before
    listing = library.listing()
    assert [row.info.id for row in listing.rows if not row.archived] == [autumn.id]
    assert [row.info.id for row in listing.rows if row.archived] == [spring.id]

    unarchive(store, spring.id)
    assert every_file(store.workshops_dir / spring.id) == before
    assert not any(row.archived for row in library.listing().rows)


def test_a_workshop_open_on_a_console_is_not_archived(store: Store, sources: dict[str, str]) -> None:
    workshop = make_workshop(store, sources)
    with OwnerLock(store.workshops_dir / workshop.id, purpose="the console", clock=store.clock):
        with pytest.raises(WorkshopBusy):
            archive(store, workshop.id)
    assert not is_archived(store.workshops_dir / workshop.id)


def test_archiving_twice_or_unarchiving_what_is_not_archived_says_so(store: Store, sources: dict[str, str]) -> None:
    workshop = make_workshop(store, sources)
    with pytest.raises(UserError, match="is not archived"):
        unarchive(store, workshop.id)
    archive(store, workshop.id)
    with pytest.raises(UserError, match="is archived already"):
        archive(store, workshop.id)


def test_the_listing_says_every_day_a_two_day_workshop_met(
    store: Store, sources: dict[str, str], library: Library, utc_calendar: None
) -> None:
    workshop = make_workshop(store, sources, date="2026-09-21")
    met_on_two_days(store, workshop.id)
    (row,) = library.listing().rows
    assert row.days == ("2026-09-21", "2026-09-22")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_the_archive_command_by_id_or_name_and_list_with_archived(
    store: Store, sources: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    spring = make_workshop(store, sources, name="Spring", date="2026-03-02")
    autumn = make_workshop(store, sources, name="Autumn", date="2026-09-21")
    data = ("--data-dir", str(store.data_dir))

    code, out, _ = run_cli(capsys, "archive", "spring", *data)
    assert code == 0 and "archived" in out[0] and "Spring" in out[0]
    code, out, err = run_cli(capsys, "list", *data)
    assert [line.split()[0] for line in out] == [autumn.id]
    assert any("1 archived" in line and "--archived" in line for line in err)
    code, out, _ = run_cli(capsys, "list", "--archived", *data)
    assert [line.split()[0] for line in out] == [autumn.id, spring.id] and "archived" in out[1]

    code, out, _ = run_cli(capsys, "archive", "--undo", spring.id, *data)
    assert code == 0 and "back" in out[0]
    code, out, _ = run_cli(capsys, "list", *data)
    assert len(out) == 2


def test_the_archive_command_refuses_an_unknown_or_ambiguous_name_in_one_sentence(
    store: Store, sources: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    one = make_workshop(store, sources, name="Kick-off", date="2026-03-02")
    two = make_workshop(store, sources, name="Kick-off", organisation="Beta", date="2026-04-02")
    data = ("--data-dir", str(store.data_dir))
    code, _, err = run_cli(capsys, "archive", "Nope", *data)
    assert code != 0 and len(err) == 1 and "no workshop" in err[0] and "Nope" in err[0]
    code, _, err = run_cli(capsys, "archive", "kick-off", *data)
    assert code != 0 and len(err) == 1 and one.id in err[0] and two.id in err[0]
    assert not os.path.exists(store.workshops_dir / one.id / "archived.json")


def test_list_dates_a_two_day_workshop_with_both_days(
    store: Store, sources: dict[str, str], capsys: pytest.CaptureFixture[str], utc_calendar: None
) -> None:
    workshop = make_workshop(store, sources, date="2026-09-21")
    met_on_two_days(store, workshop.id)
    _, out, _ = run_cli(capsys, "list", "--data-dir", str(store.data_dir))
    assert out[0].split()[1] == "2026-09-21–22"


def test_archive_and_undo_name_a_two_day_workshop_by_both_days_and_show_no_raw_control_character(
    store: Store, sources: dict[str, str], capsys: pytest.CaptureFixture[str], utc_calendar: None
) -> None:
    """Before: `bootcamp archive` said "(Acme, 2026-09-21, …)" of a workshop `list` dates "2026-09-21–22", and
    `--undo` printed the organisation as stored, a right-to-left override turning the rest of the line around."""
    workshop = make_workshop(store, sources, organisation="Acme \u202eevil", date="2026-09-21")
    met_on_two_days(store, workshop.id)
    data = ("--data-dir", str(store.data_dir))
    for argv in (("archive", workshop.id), ("archive", "--undo", workshop.id)):
        code, out, _ = run_cli(capsys, *argv, *data)
        assert code == 0 and "2026-09-21–22" in out[0], out
        assert "\u202e" not in out[0] and "\\u202e" in out[0]


def test_a_disk_that_refuses_the_archive_file_is_said_in_one_sentence(
    store: Store, sources: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or a folder gone read-only) gave a traceback from `bootcamp archive`, and ended home."""
    workshop = make_workshop(store, sources, name="Spring")
    data = ("--data-dir", str(store.data_dir))

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patched:
        patched.setattr("bootcamp.store.archive.replace_durably", full_disk)
        code, _, err = run_cli(capsys, "archive", workshop.id, *data)
    assert code != 0 and len(err) == 1 and "No space left on device" in err[0] and "archived.json" in err[0]
    assert not is_archived(store.workshops_dir / workshop.id)

    archive(store, workshop.id)
    real_unlink = os.unlink

    def read_only(path, *args, **kwargs) -> None:
        if str(path).endswith("archived.json"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_unlink(path, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(os, "unlink", read_only)
        code, _, err = run_cli(capsys, "archive", "--undo", workshop.id, *data)
    assert code != 0 and len(err) == 1 and "Permission denied" in err[0]
    assert is_archived(store.workshops_dir / workshop.id)

"""A workshop handed to another laptop and merely opened there, on the console, and closed with nothing done: its
copy there is still the file's, so the same file, or the later one handed back, is judged by what the room did."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from refused_imports import import_refused

from bootcamp.clock import FixedClock, iso
from bootcamp.export import data_json
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store, WorkshopBundle
from bootcamp.store.model import RoomNote
from bootcamp.store.owner_lock import CONSOLE


async def _opened_and_closed(store: Store, workshop_id: str, clock: FixedClock) -> None:
    """The console opened on the workshop, nothing done, the console left (q)."""
    workshop = LiveWorkshop.open(store.open(workshop_id), clock, purpose=CONSOLE)
    workshop.start()
    assert await workshop.close()


def _handed(bundle: WorkshopBundle) -> WorkshopBundle:
    return data_json.loads(data_json.dumps(bundle), "handed.json")


@pytest.mark.parametrize("showing", ["presenter", "blank", "private_entry", "show_timer"])
async def test_a_copy_exported_while_the_console_showed_the_wall_and_only_opened_here_is_still_the_files(
    tmp_path: Path, sources: dict[str, str], clock: FixedClock, utc_calendar: None, showing: str
) -> None:
    laptop_a = Store(tmp_path / "a", clock)
    info = laptop_a.create_workshop(
        name="Acme boot camp", organisation="Acme", date="2026-09-21", participants=[("Ana", "CEO")], sources=sources
    )
    with laptop_a.owned(info.id, purpose="test") as files:
        files.update_state(lambda state: dataclasses.replace(state, **{showing: True}, updated_at=clock.now()))
    exported = _handed(laptop_a.open(info.id).bundle())  # exported at the day's end, the wall still up
    laptop_b = Store(tmp_path / "b", clock)
    laptop_b.import_workshop(exported)
    clock.advance(3600)
    await _opened_and_closed(laptop_b, info.id, clock)
    assert import_refused(laptop_b, exported) == (
        f"workshop {info.id} (Acme boot camp) is in {laptop_b.data_dir} already, the same as in the file: "
        "nothing was imported"
    )


async def test_a_later_copy_is_later_than_one_only_opened_here_since(
    tmp_path: Path, sources: dict[str, str], clock: FixedClock, utc_calendar: None
) -> None:
    """The console's opening put the wall away and saved it, stamping the state with the time it was opened: a copy
    handed back with a note written before that was taken for older, and refused as 'changed after the file's'."""
    laptop_a = Store(tmp_path / "a", clock)
    info = laptop_a.create_workshop(
        name="Acme boot camp", organisation="Acme", date="2026-09-21", participants=[("Ana", "CEO")], sources=sources
    )
    with laptop_a.owned(info.id, purpose="test") as files:
        files.update_state(lambda state: dataclasses.replace(state, presenter=True))
    laptop_b = Store(tmp_path / "b", clock)
    laptop_b.import_workshop(_handed(laptop_a.open(info.id).bundle()))
    clock.advance(1800)
    with laptop_a.owned(info.id, purpose="test") as files:  # a note added on A after the first hand-over
        files.update_room(lambda room: dataclasses.replace(room, notes=(RoomNote("n-1", "basics/talk", "Ask Ana", at=iso(clock.now())),)))
    later = _handed(laptop_a.open(info.id).bundle())
    clock.advance(1800)
    await _opened_and_closed(laptop_b, info.id, clock)
    assert import_refused(laptop_b, later) == (
        f"workshop {info.id} (Acme boot camp) in {laptop_b.data_dir} is an older copy than the file's "
        "(last on 21 Sep at 14:13 here, 21 Sep at 14:43 in the file; 0 answers here, 0 in the file): "
        "nothing was imported; --replace puts the file's copy in its place and keeps the one here, archived"
    )

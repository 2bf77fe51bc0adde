"""A workshop handed to another laptop and merely opened there, on the console, and closed with nothing done: its
copy there is still the file's, so the same file, or the later one handed back, is judged by what the room did."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from refused_imports import import_refused

from bootcamp.cli import main
from bootcamp.clock import FixedClock, iso
from bootcamp.content.loader import load_sources
from bootcamp.export import data_json
from bootcamp.flow import Flow
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store, WorkshopBundle
from bootcamp.store.copies import TwoCopies
from bootcamp.store.model import RoomNote, StepTimer
from bootcamp.store.owner_lock import CONSOLE
from bootcamp.ui.app import create_app
from tests.store_fixtures import FIXTURE_CONTENT


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


async def test_a_copy_whose_running_timer_only_a_console_opened_and_closed_here_paused_is_the_same_as_the_files(
    tmp_path: Path, sources: dict[str, str], clock: FixedClock, utc_calendar: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exported on A at the break with the timer running, imported on B, opened on B's console and closed (q), nothing
    done: the console paused the timer as it left and saved that, and the copy handed back to A was said to be a later
    one than A's, pointing to --replace, and A's file imported again on B was refused as 'changed after the file's
    copy'. Pausing on the way out is no work of the room's: each copy is the other's."""
    laptop_a, laptop_b = tmp_path / "a", tmp_path / "b"
    info = Store(laptop_a, clock).create_workshop(
        name="Acme boot camp", organisation="Acme", date="2026-09-21", participants=[("Ana", "CEO")], sources=sources
    )
    program = load_sources(sources)
    with Store(laptop_a, clock).owned(info.id, purpose="test") as files:  # A's console started the day's clock
        files.update_state(lambda state: Flow(program, "full", state, clock).start())
    clock.advance(900)
    from_a, from_b = tmp_path / "from-a.json", tmp_path / "from-b.json"
    assert main(["export", info.id, "-o", str(from_a), "--data-dir", str(laptop_a)]) == 0
    assert main(["import", str(from_a), "--data-dir", str(laptop_b)]) == 0
    clock.advance(120)
    app = create_app(data_dir=laptop_b, content_dir=FIXTURE_CONTENT, clock=clock, open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):  # the console on the workshop, its timer running on from A's
            if app.workshop is not None and app.workshop.flow.running:
                break
            await pilot.pause()
        assert app.workshop is not None and app.workshop.flow.running
        clock.advance(60)
        await pilot.press("q", "y")  # quit, confirmed
        assert app.workshop is None
    left = Store(laptop_b, clock).open(info.id).state()
    assert left.timers[left.step_key].running_since is None  # the console paused it as it left, and saved that
    capsys.readouterr()

    assert main(["export", info.id, "-o", str(from_b), "--data-dir", str(laptop_b)]) == 0
    assert main(["import", str(from_b), "--data-dir", str(laptop_a)]) == 1
    assert main(["import", str(from_a), "--data-dir", str(laptop_b)]) == 1
    refusals = capsys.readouterr().err.splitlines()
    assert refusals == [
        f"bootcamp: {from_b}: workshop {info.id} (Acme boot camp) is in {laptop_a} already, the same as in the file: "
        "nothing was imported",
        f"bootcamp: {from_a}: workshop {info.id} (Acme boot camp) is in {laptop_b} already, the same as in the file: "
        "nothing was imported",
    ]


@pytest.mark.parametrize(
    ("stopped", "same"),
    [
        (StepTimer(elapsed=900.0), True),  # ran on 5 minutes from where the file's copy stood, then paused
        (StepTimer(elapsed=600.0), True),  # paused the moment it was copied
        (StepTimer(elapsed=300.0), False),  # counts less than the file's had before it ran: started over, or undone
        (StepTimer(elapsed=900.0, extra_minutes=5.0), False),  # minutes added in the room
    ],
)
def test_a_clock_is_the_same_only_when_the_stopped_one_ran_on_from_where_the_running_one_stood(
    store: Store, sources: dict[str, str], clock: FixedClock, stopped: StepTimer, same: bool
) -> None:
    info = store.create_workshop(
        name="Acme boot camp", organisation="Acme", date="2026-09-21", participants=[("Ana", "CEO")], sources=sources
    )
    bundle = store.open(info.id).bundle()
    step = bundle.state.step_key
    running = StepTimer(elapsed=600.0, running_since=clock.now())

    def timed(timer: StepTimer) -> WorkshopBundle:
        return dataclasses.replace(bundle, state=dataclasses.replace(bundle.state, timers={step: timer}))

    assert TwoCopies(here=timed(stopped), in_file=timed(running)).same is same
    assert TwoCopies(here=timed(running), in_file=timed(stopped)).same is same

"""SVG snapshots of the projector window at 80×24 and 120×40 and the console's speaker view at 120×40 (fixed clock).

Update after a deliberate change with ``pytest tests/ui/test_projector_snapshots.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import new_workshop, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import StepTimer, WorkshopState
from bootcamp.store.owner_lock import CONSOLE, OwnerLock
from bootcamp.store.projector_lock import ProjectorLock
from bootcamp.ui.projector_app import create_projector_app
from bootcamp.ui.screens.projector import ProjectorScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

MANDATE = "basics/mandate"


@pytest.fixture
def under_way(store: Store, fixture_program: Program, clock: FixedClock) -> str:
    """A workshop on its question step, the timer running for 90 s, the day started 20 minutes ago."""
    info = new_workshop(store, fixture_program)
    store.open(info.id).save_state(
        WorkshopState(
            step_key=MANDATE,
            done=("basics/welcome", "basics/rate-aptitudes"),
            timers={MANDATE: StepTimer(running_since=clock.now() - 90)},
            day_started_at=clock.now() - 20 * 60,
        )
    )
    return info.id


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_projector_window(
    size, under_way: str, store: Store, data_dir: Path, clock: FixedClock, snap_compare
) -> None:
    async def ready(pilot) -> None:
        screen = await wait_for_screen(pilot, ProjectorScreen)
        screen.tick()  # the once-a-second probe for the console, run now rather than whenever the machine gets to it
        await settle(pilot)

    app = create_projector_app(data_dir=data_dir, workshop_id=under_way, clock=clock, poll_seconds=None)
    # A console holds the workshop, as in the room: without one, the first tick (at a time that depends on the
    # machine's load) said "no console has this workshop open" and the picture differed from run to run
    with OwnerLock(store.open(under_way).path, purpose=CONSOLE, clock=clock):
        assert snap_compare(app, terminal_size=size, run_before=ready)


def test_speaker_view(under_way: str, store: Store, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)

    with ProjectorLock(store.open(under_way).path):  # as a projector window would hold it
        assert snap_compare(make_app(open_workshop=under_way), terminal_size=(120, 40), run_before=ready)

"""SVG snapshots of the summary's Notes page on the demo room (fixed seed, fixed clock) at 80×24 and 120×40.

Update after a deliberate change with ``pytest tests/ui/test_notes_snapshots.py --snapshot-update``, and look
at the pictures before committing them.
"""

from __future__ import annotations

import pytest
from ui_helpers import SHIPPED_CONTENT, settle, wait_for_screen

from bootcamp.content import load_dir
from bootcamp.demo import create_demo_workshop
from bootcamp.store import Store
from bootcamp.ui.screens.summary import SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_notes_page(size, store: Store, make_app, snap_compare) -> None:
    demo_id = create_demo_workshop(store, load_dir(SHIPPED_CONTENT).sources).id

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("8")
        await settle(pilot)

    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo_id)
    assert snap_compare(app, terminal_size=size, run_before=ready)

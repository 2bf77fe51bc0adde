"""SVG snapshots of the summary's Progress page: the demo day against its earlier run (fixed seeds, fixed clock).

At 80×24 in projector colours (as the room sees it) and at 120×40 on the console. Update after a
deliberate change with ``pytest tests/ui/test_progress_snapshots.py --snapshot-update``, and look
at the pictures before committing them.
"""

from __future__ import annotations

import itertools

import pytest
from ui_helpers import SHIPPED_CONTENT, settle, wait_for_screen, wait_until

from bootcamp.content import load_dir
from bootcamp.demo_earlier import create_demo_runs
from bootcamp.store import Store
from bootcamp.store import store as store_module
from bootcamp.ui.screens.summary import PROGRESS, SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen


@pytest.fixture
def demo_id(store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    # The page names the run it compares with by its id: the same ids in every run of the test.
    numbers = itertools.count(1)
    monkeypatch.setattr(store_module, "new_workshop_id", lambda: f"run{next(numbers):05d}")
    return create_demo_runs(store, load_dir(SHIPPED_CONTENT).sources).id


def progress_page(*keys: str):
    async def ready(pilot) -> None:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        await settle(pilot)
        await wait_until(pilot, lambda: PROGRESS in screen._pages(), "the Progress page")
        await pilot.press("9", *keys)
        await settle(pilot)

    return ready


def test_progress_on_the_projector(demo_id: str, make_app, snap_compare) -> None:
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo_id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=progress_page("p"))


def test_progress_on_the_console(demo_id: str, make_app, snap_compare) -> None:
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo_id)
    assert snap_compare(app, terminal_size=(120, 40), run_before=progress_page())

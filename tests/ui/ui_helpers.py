"""Helpers the UI tests share: a workshop to open, and waiting for the app without sleeping."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen

from bootcamp.content import Program
from bootcamp.locations import default_content_dir
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo
from bootcamp.ui.app import BootcampApp

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
SHIPPED_CONTENT = default_content_dir()
ROOM = [("Ana Ortiz", "CEO"), ("Ben Okafor", "Sales"), ("Chloe Martin", "Service")]


def new_workshop(
    store: Store, program: Program, *, agenda: str = "full", name: str = "Spring boot camp"
) -> WorkshopInfo:
    return store.create_workshop(
        name=name,
        organisation="Northwind Insurance",
        date="2026-09-21",
        participants=list(ROOM),
        agenda=agenda,
        anonymous=False,
        sources=program.sources,
    )


async def settle(pilot: Pilot) -> None:
    """Let workers finish and every message they posted be handled (no sleeping)."""
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_for_screen(pilot: Pilot, kind: type[Screen]) -> Screen:
    """Turn the event loop (never sleep) until ``kind`` is the active screen."""
    for _ in range(200):
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted:
            await pilot.pause()
            return pilot.app.screen
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError(f"{kind.__name__} never became the active screen (it is {pilot.app.screen!r})")


def screen_text(app: BootcampApp) -> str:
    """Everything visible on the terminal right now, as plain text (from the SVG Textual would save)."""
    svg = re.sub(r"<style.*?</style>", "", app.export_screenshot(), flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def wait_until(pilot: Pilot, done, what: str = "the app to catch up") -> None:
    """Turn the event loop (never sleep) until ``done()`` is true."""
    for _ in range(400):
        if done():
            return
        await pilot.pause()
    raise AssertionError(f"timed out waiting for {what}")


async def press_many(pilot: Pilot, key: str, times: int, moves: list[str]) -> list[str]:
    """Press ``key`` ``times`` times as fast as the app takes keys; the step keys of the moves it made.

    ``moves`` is filled by a ``message_hook`` with each :class:`WalkScreen.Moved`; the keys are
    queued at once and handled in order, so a long walk does not wait for idle after every key.
    """
    start = len(moves)
    for _ in range(times):
        pilot.app.simulate_key(key)
    await wait_until(pilot, lambda: len(moves) >= start + times, f"{times} presses of {key}")
    return moves[start:]

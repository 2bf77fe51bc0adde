"""Helpers for the room's records on the console: open a workshop at a step, read what the files hold."""

from __future__ import annotations

from textual.pilot import Pilot
from ui_helpers import settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.model import WorkshopState
from bootcamp.ui.screens.workshop import WorkshopScreen

POKER, TALK, ACTIONS, WELCOME = "basics/poker", "basics/talk", "basics/next", "basics/welcome"
HOSTILE = [
    "[bold red]x",
    "[link=https://x]y[/link]",
    "\x1b[31mred",
    "party 🎉 time",
    "שלום עולם",
    "nul\x00here",
]


def at_step(store: Store, workshop_id: str, step_key: str) -> None:
    store.open(workshop_id).save_state(WorkshopState(step_key=step_key))


def room_at_step(store: Store, program: Program, people: list[tuple[str, str]], step_key: str, name: str = "Room") -> str:
    """A workshop of ``people`` (name, role) on ``program``'s content, opened at ``step_key``: its id."""
    info = store.create_workshop(
        name=name, organisation="Org", date="2026-09-21", participants=people, sources=program.sources
    )
    at_step(store, info.id, step_key)
    return info.id


async def open_console(pilot: Pilot) -> WorkshopScreen:
    screen = await wait_for_screen(pilot, WorkshopScreen)
    await settle(pilot)
    return screen  # type: ignore[return-value]


async def console_at(pilot: Pilot, step_key: str) -> WorkshopScreen:
    """The console, jumped to ``step_key`` and settled."""
    console: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
    await console.jump_to(step_key)
    await settle(pilot)
    return console


def on_disk(store: Store, workshop_id: str) -> WorkshopFiles:
    """A fresh reader of the workshop's files (nothing kept in memory)."""
    return store.open(workshop_id)

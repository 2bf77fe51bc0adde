"""The console redraws only what changed (issue 13, speed): an answer key redraws the answer's row, the tally
and the status bar, with no new layout and no repaint of the whole screen; a step change leaves the side
panels and the agenda's other lines alone when what they show is the same; the timer's tick redraws nothing
while the time shown stays the same."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import pytest
from room_helpers import at_step, open_console
from textual import events
from textual.message import Message
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets.tree import TreeNode
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle

from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.answers.question_table import QuestionTable

QUESTION = "commitment/mandate-one-driver"
SIDE_PANELS = ("#day-pace", "#day-plan", "#timer-state", "#quick-notes")  # the projected finish moves with the room


@contextmanager
def refreshes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Widget, bool, bool]]]:
    """Every refresh asked for meanwhile: (widget, whole widget repainted, laid out again)."""
    seen: list[tuple[Widget, bool, bool]] = []
    original = Widget.refresh

    def spy(self: Widget, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Widget:
        if self.is_mounted:
            seen.append((self, repaint and not regions, layout))
        return original(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    with monkeypatch.context() as patched:
        patched.setattr(Widget, "refresh", spy)
        yield seen


def names(widgets: object) -> set[str]:
    return {f"{type(widget).__name__}#{widget.id}" for widget in widgets}  # type: ignore[attr-defined]


@asynccontextmanager
async def answering_a_question(
    store: Store, make_app
) -> AsyncIterator[tuple[Pilot, WorkshopScreen, QuestionTable, WorkshopInfo]]:
    """The console at 120×40 on a commitment question of a new workshop, its answers focused (``a``)."""
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, QUESTION)
    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        await pilot.press("a")
        await settle(pilot)
        yield pilot, console, console.query_one(QuestionTable), info


async def test_an_answer_key_redraws_the_row_without_a_layout(store: Store, make_app, monkeypatch) -> None:
    async with answering_a_question(store, make_app) as (pilot, console, table, info):
        assert table.has_focus and table.cursor_row == 0

        with refreshes(monkeypatch) as seen:
            await pilot.press("y")
            await settle(pilot)
        assert table.cursor_row == 1 and table.get_cell(info.participants[0].id, "answer").plain.strip()
        laid_out = [widget for widget, _whole, layout in seen if layout]
        assert laid_out == [], f"an answer laid out again: {names(laid_out)}"
        repainted = {widget for widget, whole, _layout in seen if whole}
        assert console not in repainted  # never every cell of the screen
        assert table not in repainted  # only the rows that changed: the answer's, and the cursor's
        assert console.query_one("#status-bar") in repainted  # what did change is drawn: saving…, saved


@contextmanager
def keys_handled(monkeypatch: pytest.MonkeyPatch, kind: type[Message] = events.Key) -> Iterator[list[MessagePump]]:
    """Every node that handled a ``kind`` message meanwhile, in order (one bubbling up is handled at each node it
    reaches)."""
    seen: list[MessagePump] = []
    original = MessagePump._dispatch_message

    async def spy(self: MessagePump, message: Message) -> None:
        if isinstance(message, kind):
            seen.append(self)
        return await original(self, message)

    with monkeypatch.context() as patched:
        patched.setattr(MessagePump, "_dispatch_message", spy)
        yield seen


async def test_an_answer_key_is_taken_where_it_lands(store: Store, make_app, monkeypatch) -> None:
    """The answer key runs the table's own binding at the table: it does not bubble through the six containers
    above it to reach the app's binding check first (a sixth of an answer key's time, measured)."""
    async with answering_a_question(store, make_app) as (pilot, console, table, info):

        with keys_handled(monkeypatch) as handled:
            await pilot.press("y")
            await settle(pilot)
        assert table.cursor_row == 1 and table.get_cell(info.participants[0].id, "answer").plain.strip()
        assert handled == [console.app, table]  # the app hands it to the focused table, which answers

        with keys_handled(monkeypatch) as handled:
            await pilot.press("t")  # not an answer: it bubbles up to the console's binding (the timer) as before
            await settle(pilot)
        assert console.flow.running
        assert handled[:2] == [console.app, table] and handled[-2:] == [console, console.app]


async def test_an_answer_moves_the_cursor_without_telling_the_console(store: Store, make_app, monkeypatch) -> None:
    """The cursor moving on to the next person is news to nobody above the table: its message stops there rather
    than crossing the six containers above it to the app while the answer is being drawn."""
    async with answering_a_question(store, make_app) as (pilot, console, table, info):

        with keys_handled(monkeypatch, DataTable.RowHighlighted) as handled:
            await pilot.press("y")
            await settle(pilot)
        assert table.cursor_row == 1
        assert handled == [table]


async def test_a_step_change_leaves_what_it_does_not_change_alone(store: Store, make_app, monkeypatch) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    first, second, third = (step.key for step in program.steps("full")[:3])
    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        assert isinstance(console, WorkshopScreen) and console.flow.current.key == first
        panels = {console.query_one(selector) for selector in SIDE_PANELS}
        notes = console.query_one("#notes-text")
        relabelled: list[str] = []
        original_set_label = TreeNode.set_label

        def set_label(node: TreeNode, label: object) -> None:
            relabelled.append(node.data)
            original_set_label(node, label)

        monkeypatch.setattr(TreeNode, "set_label", set_label)
        with refreshes(monkeypatch) as seen:
            await pilot.press("right")
            await settle(pilot)
        assert console.flow.current.key == second
        # The day has not started and the timer not run: the day panel, the timer's state, the quick notes say
        # what they said; the step's own notes changed, and are drawn again.
        drawn = {widget for widget, *_ in seen}
        assert names(panels & drawn) == set()
        assert notes in drawn
        assert sorted(relabelled) == sorted([first, second])  # only the marks that moved
        repainted = {widget for widget, whole, _layout in seen if whole}
        assert console not in repainted  # the header's counter changed: its line is drawn, not the screen

        # The clock's tick with nothing changed (the test's clock stands still): nothing drawn again at all.
        with refreshes(monkeypatch) as seen:
            console.tick()
            await settle(pilot)
        side = set(console.query("#side-column *"))
        assert names(widget for widget, *_ in seen if widget in side) == set()
        await pilot.press("right")
        await settle(pilot)
        assert console.flow.current.key == third

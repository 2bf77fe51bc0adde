"""The app lets one key in at a time (``bootcamp.ui.key_order``): in order, and never stuck behind a lost key."""

from __future__ import annotations

import pytest
from textual import events, on
from textual.binding import Binding
from textual.widgets import Input

from bootcamp.ui.key_order import KEY_STUCK_SECONDS, KeysInOrderApp


class Keys(KeysInOrderApp[None]):
    """Tab, or Enter in the first field, moves the focus to the second field; letters type into the focused one."""

    BINDINGS = [Binding("f1", "note", "Note")]

    def __init__(self) -> None:
        super().__init__()
        self.notes = 0

    def compose(self):  # noqa: ANN201 - Textual's
        yield Input(id="first")
        yield Input(id="second")

    def action_note(self) -> None:
        self.notes += 1

    @on(Input.Submitted, "#first")
    def _next_field(self) -> None:
        self.screen.focus_next()  # as a form does: its handler runs once Submitted has bubbled up to it


def burst(app: Keys, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_keys_after_a_tab_land_in_the_field_it_moved_to() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        burst(app, "a", "b", "tab", "c", "d")
        await pilot.pause(0.3)
        assert (app.query_one("#first", Input).value, app.query_one("#second", Input).value) == ("ab", "cd")


async def test_keys_after_an_enter_that_moves_the_form_on_land_in_the_next_field() -> None:
    """Enter's binding posts Submitted to the field; the next key waits until the form's handler has moved on."""
    app = Keys()
    async with app.run_test() as pilot:
        burst(app, *"what", "enter", *"who")
        await pilot.pause(0.3)
        assert (app.query_one("#first", Input).value, app.query_one("#second", Input).value) == ("what", "who")


async def test_a_key_whose_handling_never_reports_back_lets_the_next_in_after_a_while(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Keys()
    async with app.run_test() as pilot:
        monkeypatch.setattr(app, "_follow", lambda key, node: None)  # every key's trail lost
        burst(app, "x", "f1")
        await pilot.pause(KEY_STUCK_SECONDS / 4)
        assert app.query_one("#first", Input).value == "x" and app.notes == 0  # f1 waits for x to report back
        await pilot.pause(KEY_STUCK_SECONDS * 1.5)
        assert app.notes == 1  # given up on x: f1 came in

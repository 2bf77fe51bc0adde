"""Typed text saves itself: after a second of idle, on Enter and on leaving the field; never twice for the same text."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button
from ui_helpers import wait_until

from bootcamp.ui.widgets import typed_text
from bootcamp.ui.widgets.typed_text import AutosaveInput, AutosaveTextArea


class Fields(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.saved: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield AutosaveInput("before", save=lambda text: self.saved.append(("input", text)), id="one-line")
        yield AutosaveTextArea("", save=lambda text: self.saved.append(("area", text)), id="many-lines")
        yield Button("elsewhere")


async def test_a_pause_in_typing_saves_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typed_text, "IDLE_SECONDS", 0.05)
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#one-line", AutosaveInput)
        field.focus()
        field.insert_text_at_cursor(" and after")  # one burst of typing
        await wait_until(pilot, lambda: app.saved, "the idle save")
        await pilot.pause(0.2)
        assert app.saved == [("input", "before and after")]


async def test_enter_and_leaving_the_field_save_what_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typed_text, "IDLE_SECONDS", 60.0)  # no idle save here: only Enter and blur
    app = Fields()
    async with app.run_test() as pilot:
        app.query_one("#one-line").focus()
        await pilot.press("x", "enter")
        assert app.saved == [("input", "beforex")]
        await pilot.press("enter")  # nothing new: no second save
        assert app.saved == [("input", "beforex")]
        app.query_one("#many-lines").focus()
        await pilot.press(*"line one", "enter", *"line two")
        app.query_one(Button).focus()
        await pilot.pause()
        assert app.saved[-1] == ("area", "line one\nline two")


async def test_removing_the_field_saves_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typed_text, "IDLE_SECONDS", 60.0)
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#one-line", AutosaveInput)
        field.value = "typed, then the step changed"
        await field.remove()
        await pilot.pause()
        assert ("input", "typed, then the step changed") in app.saved

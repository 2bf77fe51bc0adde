"""Typed text saves itself: after a second of idle, on Enter and on leaving the field; never twice for the same text."""

from __future__ import annotations

import gc

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


async def test_enter_in_a_many_line_field_saves_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """kill -9 right after Enter lost a whole room note: Enter in a note saved nothing until a second of idle."""
    monkeypatch.setattr(typed_text, "IDLE_SECONDS", 60.0)
    monkeypatch.setattr(typed_text, "MOST_UNSAVED_SECONDS", 60.0)
    app = Fields()
    async with app.run_test() as pilot:
        app.query_one("#many-lines").focus()
        await pilot.press(*"the room says", "enter")
        assert app.saved == [("area", "the room says\n")]


async def test_typing_that_never_pauses_still_saves_every_so_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """A note typed for 6 s without a pause was not on disk: each key put the idle save off again."""
    monkeypatch.setattr(typed_text, "IDLE_SECONDS", 0.5)
    monkeypatch.setattr(typed_text, "MOST_UNSAVED_SECONDS", 0.15)
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#many-lines", AutosaveTextArea)
        field.focus()
        for letter in "continuous typing":  # a key every 30 ms: never idle for 0.5 s
            await pilot.press(letter)
            await pilot.pause(0.03)
        saved = [text for where, text in app.saved if where == "area"]
        assert len(saved) >= 2 and all("continuous typing".startswith(text) for text in saved), saved
        assert saved == sorted(set(saved), key=len)  # each save holds more, never the same twice


async def test_a_note_field_taken_off_the_screen_is_let_go() -> None:
    """A console walked through a day mounts a field per room note on every discussion step: Textual's TextArea keeps
    a watch on the app's theme until the theme changes, so every field ever shown stayed alive with its caches (a
    lap of the agenda grew the console by 12 MB). A field taken off the screen now takes its watch with it."""
    app = App[None]()
    async with app.run_test(size=(80, 24)) as pilot:
        for round_ in range(20):
            fields = [AutosaveTextArea(f"note {round_}.{n}", save=lambda text: None) for n in range(5)]
            await app.screen.mount_all(fields)
            await pilot.pause()
            for field in fields:
                await field.remove()
            del fields, field
        await pilot.pause()
        gc.collect()
        theme_watchers = getattr(app, "__watchers", {}).get("theme", [])
        assert [node for node, _ in theme_watchers if isinstance(node, AutosaveTextArea)] == []
        alive = [o for o in gc.get_objects() if isinstance(o, AutosaveTextArea)]
        assert len(alive) <= 5  # at most the round just removed, still in the last frame's maps; not all 100

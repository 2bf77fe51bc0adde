"""Hostile text in the room's records is stored exactly and shown literally: never as markup, never as escapes."""

from __future__ import annotations

import pytest
from room_helpers import ACTIONS, HOSTILE, POKER, TALK, at_step, on_disk, open_console
from textual import events
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.limits import NOTE
from bootcamp.store import Store
from bootcamp.store.model import Action
from bootcamp.ui.screens.action_form import ActionFormScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.roster import RosterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.text import safe
from bootcamp.ui.widgets.poker.cards import CardPanel, PokerNoteField
from bootcamp.ui.widgets.room_notes import NoteField

BIG = ("a hundred kilobytes of notes " * 3600)[:100_000]
LONGEST = ("the longest note a room may keep " * 200)[:NOTE.chars]


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def shown_literally(text: str, screen: str) -> bool:
    """The text's first line as the screen shows it: markup characters as typed, controls as visible symbols."""
    return safe(text) in screen


def no_raw_controls(screen: str) -> bool:
    return "\x1b" not in screen and "\x00" not in screen


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))  # as a terminal's bracketed paste: to the focused field
    await pilot.pause()


async def test_hostile_discussion_notes_are_shown_as_typed_on_the_console_and_the_projector(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, TALK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        for text in HOSTILE:
            app.workshop.records.put_note(TALK, text)
        await settle(pilot)
        screen = screen_text(app)
        assert all(shown_literally(text, screen) for text in HOSTILE), screen
        assert no_raw_controls(screen)
        app.screen.query(NoteField).last().focus()  # the empty field waiting last
        await paste(pilot, "pasted [b]bold[/b] \x1b[2J and \x00")
        await pilot.press("tab")
        await settle(pilot)
        assert app.workshop.records.room.notes[-1].text == "pasted [b]bold[/b] \x1b[2J and \x00"
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        screen = screen_text(app)
        assert all(shown_literally(f"• {text}", screen) for text in HOSTILE if text.strip())
        assert no_raw_controls(screen)
        assert await app.flush()
    stored = [n.text for n in on_disk(store, workshop_id).room().notes]
    assert stored == [*HOSTILE, "pasted [b]bold[/b] \x1b[2J and \x00"]


async def test_a_note_over_its_limit_is_refused_in_one_sentence_and_the_longest_allowed_is_kept_whole(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, TALK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab")
        await paste(pilot, BIG)
        await pilot.press("tab")
        await settle(pilot)
        assert app.workshop.records.room.notes == ()
        said = [n.message for n in app._notifications]
        assert said == ["the note was not kept: text: 100,000 characters; a note may have at most 5,000"]
        refused = app.screen.query(NoteField).first()
        assert refused.text == BIG  # still in its field, to be cut down: nothing typed is thrown away
        refused.focus()
        refused.clear()
        await paste(pilot, LONGEST)
        await pilot.press("tab")
        await settle(pilot)
        assert [n.text for n in app.workshop.records.room.notes] == [LONGEST]
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        assert "the longest note a room may keep" in screen_text(app)
        assert await app.flush()
    assert [n.text for n in on_disk(store, workshop_id).room().notes] == [LONGEST]


async def test_hostile_poker_notes_actions_and_names_are_stored_exactly_and_shown_literally(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, POKER)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        live = app.workshop.records
        for text in HOSTILE[:3]:
            live.add_participant(text, text)
        await pilot.press("tab", "d", "enter")
        await wait_until(pilot, lambda: bool(app.screen.query(CardPanel)), "the card")
        await settle(pilot)
        today = app.screen.query_one("#poker-note-today", PokerNoteField)
        await pilot.press("tab")  # from the cards into the card's first note
        await paste(pilot, "\n".join(HOSTILE))
        await pilot.press("tab")
        for text in HOSTILE:
            live.put_action(Action("", text, owner=text, source="poker:persist"))
        await settle(pilot)
        assert live.room.poker[0].notes["today"] == "\n".join(HOSTILE)
        screen = screen_text(app)
        assert all(shown_literally(text, screen) for text in HOSTILE), screen
        assert no_raw_controls(screen)
        assert today.text == "\n".join(HOSTILE)  # the field holds the exact text; only its drawing is made safe
        await pilot.press("f2")
        await wait_for_screen(pilot, RosterScreen)
        await settle(pilot)
        screen = screen_text(app)
        assert all(shown_literally(text, screen) for text in HOSTILE[:3]) and no_raw_controls(screen)
        assert await app.flush()
    room = on_disk(store, workshop_id).room()
    assert room.poker[0].notes["today"] == "\n".join(HOSTILE)
    assert [a.what for a in room.actions] == HOSTILE
    names = [p.name for p in on_disk(store, workshop_id).info().participants]
    assert names[-3:] == HOSTILE[:3]


async def test_hostile_actions_read_literally_on_the_projector(workshop_id: str, make_app, store: Store) -> None:
    at_step(store, workshop_id, ACTIONS)
    store.open(workshop_id).update_room(
        lambda room: room.__class__(
            actions=tuple(Action(f"a-{n}", text, owner=text[:8], source=ACTIONS) for n, text in enumerate(HOSTILE))
        )
    )
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        screen = screen_text(app)
        assert "[bold red]x" in screen and "␛[31mred" in screen and no_raw_controls(screen)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        screen = screen_text(app)
        assert all(shown_literally(text, screen) for text in HOSTILE), screen
        assert no_raw_controls(screen)


async def test_the_action_form_shows_a_hostile_action_literally_and_saves_it_unchanged(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, ACTIONS)
    hostile = "\x1b[31mred [bold]x\x00"
    action = Action("a-1", hostile, owner=HOSTILE[1])
    store.open(workshop_id).update_room(lambda room: room.__class__(actions=(action,)))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab", "enter")
        await wait_for_screen(pilot, ActionFormScreen)
        screen = screen_text(app)
        assert "␛[31mred [bold]x␀" in screen and HOSTILE[1] in screen and no_raw_controls(screen)
        await pilot.press("tab", "tab", *"2026-10-30", "enter")
        await wait_for_screen(pilot, WorkshopScreen)
        assert await app.flush()
    stored = on_disk(store, workshop_id).room().actions
    assert [(a.what, a.owner, a.due) for a in stored] == [(hostile, HOSTILE[1], "2026-10-30")]

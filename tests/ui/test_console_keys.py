"""Keys on the console that testers found doing more than the facilitator meant: s on a step with answers,
ctrl+z reaching back to another step."""

from __future__ import annotations

import pytest
from room_helpers import ACTIONS, POKER, at_step, open_console
from test_answering import MANDATE, RATE, console_at
from test_joining import notified
from test_keys import palette_titles
from ui_helpers import new_workshop, settle

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.help import key_table
from bootcamp.ui.widgets.agenda import DONE, SKIPPED, Agenda
from bootcamp.ui.widgets.key_bar import KeyBar


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def test_s_on_a_step_with_answers_is_refused_in_one_sentence(workshop_id: str, make_app, store: Store) -> None:
    """"smw" typed without a first: s skipped a fully rated step for time. A step with answers is not skipped."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        await pilot.press("a", "s", "escape")  # one rating given: the step has answers
        await pilot.press("s")
        await settle(pilot)
        assert console.flow.current.key == RATE and RATE not in app.workshop.state.skipped
        assert notified(app)[-1] == (
            "The room has worked on this step: → moves on; s skips only steps with nothing from the room."
        )
        await console.jump_to(MANDATE)  # a step with no answer still skips
        await pilot.press("s")
        await settle(pilot)
        assert MANDATE in app.workshop.state.skipped


async def test_a_step_skipped_before_it_was_answered_shows_done(workshop_id: str, make_app, store: Store) -> None:
    """Skipped, then gone back to and answered: the agenda and the status bar no longer say skipped."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        await pilot.press("s", "left")  # skipped, then back to it
        await settle(pilot)
        agenda = console.query_one(Agenda)
        assert RATE in app.workshop.state.skipped
        await pilot.press("a", "s", "escape")  # the room rates it after all
        await console.jump_to(MANDATE)
        await settle(pilot)
        label = str(agenda._step_nodes[RATE].label)
        assert label.startswith(f"{DONE} ") and not label.startswith(SKIPPED), label
        await console.jump_to(RATE)
        await settle(pilot)
        assert "skipped for time" not in str(console.query_one("#status-bar").render())


async def test_ctrl_z_says_what_it_took_back_and_that_it_was_on_another_step(workshop_id: str, make_app) -> None:
    """ctrl+z deleted a room note written minutes before on another step and said only "Undone: a note"."""
    from bootcamp.live.requests import PutNote

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        app.workshop.apply(PutNote("basics/talk", "Continuous typing by the facilitator, then Enter"))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert notified(app)[-1] == (
            "Undone: a note on 'What surprised you?' (\"Continuous typing by the…\"), on step 7, not this one"
            " (from the console)."
        )
        await pilot.press("a", "y", "escape", "ctrl+z")  # on this step: no need to say where
        await settle(pilot)
        assert notified(app)[-1] == "Undone: the answer of Ana Ortiz on 'Who drives agreement?' (from the console)."
        assert console.flow.current.key == MANDATE


@pytest.mark.parametrize("move", ["pagedown", "pageup"])
async def test_a_note_being_typed_is_saved_as_the_room_moves_on(
    workshop_id: str, make_app, store: Store, monkeypatch: pytest.MonkeyPatch, move: str
) -> None:
    """Moving step with the cursor still in a note saves it at once, not a second later."""
    from room_helpers import TALK, at_step

    from bootcamp.ui.widgets import typed_text

    monkeypatch.setattr(typed_text, "IDLE_SECONDS", 60.0)
    monkeypatch.setattr(typed_text, "MOST_UNSAVED_SECONDS", 60.0)
    at_step(store, workshop_id, TALK)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, TALK)
        await pilot.press("tab", *"moving on", move)
        await settle(pilot)
        assert console.flow.current.key != TALK
        assert [note.text for note in app.workshop.records.room.notes] == ["moving on"]
        assert await app.flush()
        assert [note.text for note in Store(store.data_dir).open(workshop_id).room().notes] == ["moving on"]


async def test_s_on_a_step_holding_role_lines_or_a_room_note_is_refused_a_quick_note_is_not_the_rooms(
    workshop_id: str, make_app
) -> None:
    """Role lines and room notes are the room's work as much as answers: skipped for time, the summary's coverage
    said "skipped" of a role check with its lines entered."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, "basics/role")
        app.workshop.records.put_role_lines(("Own the customer strategy",))
        await pilot.press("escape", "s")
        await settle(pilot)
        assert console.flow.current.key == "basics/role" and not app.workshop.state.skipped
        await console.jump_to("basics/talk")
        app.workshop.records.put_note("basics/talk", "Silos again")  # the room's note on a discussion
        await pilot.press("escape", "s")
        await settle(pilot)
        assert console.flow.current.key == "basics/talk" and not app.workshop.state.skipped
        await console.jump_to("basics/welcome")
        app.workshop.records.put_note("basics/welcome", "start on time next time", quick=True)  # the facilitator's
        await pilot.press("escape", "s")
        await settle(pilot)
        assert app.workshop.state.skipped == ("basics/welcome",)


@pytest.mark.parametrize("step_key", [ACTIONS, POKER])
async def test_a_is_named_add_action_where_it_adds_one_and_answer_elsewhere(
    workshop_id: str, make_app, store: Store, step_key: str
) -> None:
    """On the actions step and the Poker step a adds an action, as the step's hint says; the footer, help and the
    palette called it "Answer", the word for every other step, so a facilitator reading them went looking for answers."""
    at_step(store, workshop_id, step_key)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        footer = [key.description for key in console.query_one(KeyBar).keys]
        assert "Add action" in footer and "Answer" not in footer
        help_keys = {what: keys for keys, what in key_table(console)}
        adding = next(what for what in help_keys if what.startswith("Add an action"))
        assert help_keys[adding] == "a"
        assert not any(what.startswith("Go to the answers") for what in help_keys)
        assert (await palette_titles(console))[adding] == "key: a"
        await console.jump_to(RATE)  # a step the room answers: a goes to its answers again
        await settle(pilot)
        footer = [key.description for key in console.query_one(KeyBar).keys]
        assert "Answer" in footer and "Add action" not in footer
        assert "Go to the answers of this step (Esc comes back)" in {what for _, what in key_table(console)}

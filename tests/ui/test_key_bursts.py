"""Keys typed in a burst are handled in order, each where the one before left the focus.

Driven on a real terminal (tmux): one ``send-keys`` writes every key at once, so no key waits for the
one before (Pilot's ``press`` waits for the app between keys and never showed the loss). Before,
Textual sent every key of a burst to the widget focused when the burst arrived: after ``a`` (go to the
answers) the ``y n p`` that followed went to the step, not the answers, and were lost; the roster typed
after Tab went into Organisation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from room_helpers import ACTIONS, at_step, open_console
from test_answering import MANDATE, ROLE, console_at, stored
from textual import events
from tmux_helpers import Tmux, wait_for_files
from ui_helpers import new_workshop, screen_text, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp

MANDATE_TITLE = "Who drives agreement?"  # the fixture's question, step 3


def console_on_the_question(tmux: Tmux, tmp_path: Path, data_dir: Path, workshop_id: str) -> None:
    tmux.start("kb", [sys.executable, "-m", "bootcamp", "open", workshop_id, "--data-dir", str(data_dir)], tmp_path)
    tmux.wait_for_text("kb", "step 1 of")
    tmux.keys("kb", "Right")
    tmux.wait_for_text("kb", "step 2 of")
    tmux.keys("kb", "Right")
    tmux.wait_for_text("kb", "step 3 of", MANDATE_TITLE)


def answers_on_disk(store: Store, workshop_id: str) -> dict[str, str]:
    """Who answered the question what, by participant id."""
    return {who: value for (who, step, _, _), (value, _) in stored(store, workshop_id).items() if step == MANDATE}


@pytest.mark.slow
def test_answers_typed_in_a_burst_are_all_stored(
    tmux: Tmux, tmp_path: Path, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    info = new_workshop(store, fixture_program)
    ana, ben, chloe = (p.id for p in info.participants)
    console_on_the_question(tmux, tmp_path, data_dir, info.id)
    tmux.text("kb", "aynp")  # to the answers; Ana yes, Ben no, Chloe partly
    wanted = {ana: "yes", ben: "no", chloe: "partly"}
    wait_for_files(lambda: answers_on_disk(store, info.id), lambda found: found == wanted, f"{wanted}")


@pytest.mark.slow
def test_a_burst_that_ends_in_a_reveal_stores_every_answer_before_it(
    tmux: Tmux, tmp_path: Path, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    info = new_workshop(store, fixture_program)
    ana, ben, chloe = (p.id for p in info.participants)
    console_on_the_question(tmux, tmp_path, data_dir, info.id)
    # Ana yes, Ben partly, Chloe no; the cursor stays on Chloe, the last: don't know, yes, then partly; reveal.
    tmux.text("kb", "aypndypr")
    wanted = {ana: "yes", ben: "partly", chloe: "partly"}
    wait_for_files(lambda: answers_on_disk(store, info.id), lambda found: found == wanted, f"{wanted}")
    wait_for_files(
        lambda: Store(data_dir).open(info.id, sweep=False).state().revealed,
        lambda revealed: MANDATE in revealed,  # type: ignore[operator]
        "the reveal",
    )


@pytest.mark.slow
def test_a_search_typed_fast_in_the_palette_keeps_every_key(
    tmux: Tmux, tmp_path: Path, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    info = new_workshop(store, fixture_program)
    console_on_the_question(tmux, tmp_path, data_dir, info.id)
    tmux.keys("kb", "C-p", *"note", *["BSpace"] * 4, *"export")  # the palette opened in the same burst
    screen = tmux.wait_for_text("kb", "export")
    typed = [line for line in screen.splitlines() if "export" in line][0]
    assert "nexpor" not in typed and "note" not in typed


@pytest.mark.slow
def test_esc_and_the_next_key_in_one_burst_are_both_handled(
    tmux: Tmux, tmp_path: Path, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    """Esc and a key arriving together (typed within tmux's or screen's escape-time, or bundled by SSH) is what a
    terminal sends for Alt+key: in the answers, Esc then g did nothing at all, neither back to the step nor Jump.
    No key of the app is an Alt key, so an Alt+letter is Esc, then the letter."""
    info = new_workshop(store, fixture_program)
    console_on_the_question(tmux, tmp_path, data_dir, info.id)
    tmux.keys("kb", "a")
    tmux.wait_for_text("kb", "x Clear")  # the answers' keys in the footer
    tmux.keys("kb", "Escape", "g")
    tmux.wait_for_text("kb", "Jump to")


def open_the_form(tmux: Tmux) -> None:
    """n opens the form once the boot camp's content is loaded: home then says its agendas' steps."""
    tmux.wait_for_text("kb", "New workshop", " steps, ")
    tmux.keys("kb", "n")
    tmux.wait_for_text("kb", "Participants")


@pytest.mark.slow
def test_a_new_workshop_typed_in_a_burst_lands_in_its_fields(tmux: Tmux, tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir()
    tmux.start("kb", [sys.executable, "-m", "bootcamp", "--data-dir", str(data_dir)], tmp_path)
    tmux.wait_for_text("kb", "New workshop")
    open_the_form(tmux)
    tmux.keys(
        "kb", *"Spring camp", "Tab", *"Northwind", "Tab", "C-u", *"2026-09-21", "Tab", *"Ana Ortiz, Ben Okafor",
    )  # fmt: skip
    tmux.wait_for_text("kb", "Ben Okafor")
    tmux.keys("kb", "C-s")
    workshops = wait_for_files(lambda: Store(data_dir).list_workshops(), bool, "the new workshop")
    [created] = workshops  # type: ignore[misc]
    assert (created.name, created.organisation, created.date) == ("Spring camp", "Northwind", "2026-09-21")
    assert [p.name for p in created.participants] == ["Ana Ortiz", "Ben Okafor"]


# -- the same without a terminal: keys posted to the app at once, none awaited -------------------------------------


def burst(app: BootcampApp, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_answers_posted_at_once_are_all_stored(store: Store, fixture_program: Program, make_app) -> None:
    info = new_workshop(store, fixture_program)
    ana, ben, chloe = (p.id for p in info.participants)
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        burst(app, "a", "y", "n", "p", "r")
        await wait_until(pilot, lambda: MANDATE in app.workshop.state.revealed, "the reveal")
        live = app.workshop.records
        assert {who: live.answer(who, MANDATE).value for who in (ana, ben, chloe)} == {  # type: ignore[union-attr]
            ana: "yes",
            ben: "no",
            chloe: "partly",
        }


async def test_private_entry_opened_and_answered_in_one_burst_keeps_every_key(
    store: Store, fixture_program: Program, make_app
) -> None:
    """e opens the screen; Enter (the first person), p and a comment follow before its widgets are mounted."""
    info = new_workshop(store, fixture_program)
    ana = info.participants[0].id
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        burst(app, "e", "enter", "p", *"not yet", "enter")
        await wait_until(pilot, lambda: "Thank you, Ana Ortiz" in screen_text(app), "Ana's answer taken")
        answer = app.workshop.records.answer(ana, MANDATE)
        assert answer is not None and (answer.value, answer.comment) == ("partly", "not yet")


async def test_an_action_typed_in_one_burst_lands_in_its_fields(store: Store, fixture_program: Program, make_app) -> None:
    """Enter moves the form on once ``Submitted`` reaches it: the owner typed just after it went into What."""
    info = new_workshop(store, fixture_program)
    at_step(store, info.id, ACTIONS)
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        burst(app, "tab", "a", *"Call five lost customers", "enter", *"Ben Okafor", "enter", *"2026-11-15", "enter")
        await wait_until(pilot, lambda: app.workshop.records.room.actions, "the action saved")
        [action] = app.workshop.records.room.actions
        assert (action.what, action.owner, action.due) == ("Call five lost customers", "Ben Okafor", "2026-11-15")


async def test_role_lines_typed_in_one_burst_are_each_their_own_line(
    store: Store, fixture_program: Program, make_app
) -> None:
    """Enter adds the line and empties the field once ``Submitted`` reaches the step: the next line's first
    letters typed just after it were added to the line before."""
    info = new_workshop(store, fixture_program)
    app: BootcampApp = make_app(open_workshop=info.id)
    lines = ["Run the contact centre rota", "Set the experience strategy", "Approve refunds"]
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, ROLE)
        burst(app, *[key for line in lines for key in (*line, "enter")])  # the line field has the keys on arrival
        await wait_until(pilot, lambda: len(app.workshop.records.room.role_lines) == 3, "three role lines")
        assert [line.text for line in app.workshop.records.room.role_lines] == lines

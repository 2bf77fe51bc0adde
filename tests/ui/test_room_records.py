"""The room's notes on a discuss step, the action list, and quick notes from the console and presenter mode."""

from __future__ import annotations

import pytest
from room_helpers import ACTIONS, TALK, WELCOME, at_step, on_disk, open_console
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus, RoomNote, RoomRecords
from bootcamp.ui.screens.action_form import ActionFormScreen
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.quick_note import QuickNoteScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.action_table import ActionTable
from bootcamp.ui.widgets.notes import FacilitatorNotes
from bootcamp.ui.widgets.room_notes import NoteField


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def note_fields(app) -> list[NoteField]:
    return list(app.screen.query(NoteField))


# -- discuss ----------------------------------------------------------------------------------------------------


async def test_discussion_notes_are_written_edited_and_removed_as_typed(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, TALK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, NoteField)
        await pilot.press(*"silos again", "tab")  # Tab saves and lands in the next, empty field
        await pilot.press(*"pricing confuses people", "tab")
        await pilot.press(*"drop me", "tab")
        await settle(pilot)
        live = app.workshop.records
        assert [n.text for n in live.room.notes] == ["silos again", "pricing confuses people", "drop me"]
        assert len(note_fields(app)) == 4 and not note_fields(app)[-1].text  # one empty field waits last
        await pilot.press("shift+tab", "ctrl+r")  # remove the third note
        await settle(pilot)
        first = note_fields(app)[0]
        first.focus()
        await pilot.press("end", *" and again", "tab")  # an edit saves the same note
        await settle(pilot)
        assert [n.text for n in live.room.notes] == ["silos again and again", "pricing confuses people"]
        talk = "'What surprised you?'"
        # the console's ctrl+z: the edit is taken back … (each named by its step and first words)
        assert live.undo().label == f'a change to a note on {talk} ("silos again and again")'
        assert live.undo().label == f'removing a note on {talk} ("drop me")'  # … and the removal
        await settle(pilot)
        assert [f.text for f in note_fields(app)] == ["silos again", "pricing confuses people", "drop me", ""]
        assert await app.flush()
        await settle(pilot)
        assert "saved" in str(first.border_subtitle)
    stored = on_disk(store, workshop_id).room().notes
    assert [(n.step_key, n.text, n.quick) for n in stored] == [
        (TALK, "silos again", False),
        (TALK, "pricing confuses people", False),
        (TALK, "drop me", False),
    ]


async def test_tab_from_the_step_starts_a_new_note_and_never_types_into_one_written(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, TALK)
    files = on_disk(store, workshop_id)
    written = (RoomNote("n1", TALK, "Ana: a clear owner"), RoomNote("n2", TALK, "Ben: one roadmap"))
    files.update_room(lambda room: RoomRecords(notes=written))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab", *"XYZ")
        assert [field.text for field in note_fields(app)] == ["Ana: a clear owner", "Ben: one roadmap", "XYZ", ""]
        await pilot.press("shift+tab", *" soon")  # a note written is entered at its end
        await pilot.press("up", *" now")  # the arrow at a note's first line goes to the note above
        await pilot.press("down", "down", *"!")  # … and at its last line to the note below
        await pilot.press("escape")  # leaving the field saves it
        await settle(pilot)
        live = app.workshop.records
        assert [n.text for n in live.room.notes] == ["Ana: a clear owner now", "Ben: one roadmap soon", "XYZ!"]
        first = note_fields(app)[0]
        await pilot.click(first, offset=(4, 1))  # a click keeps its own place
        assert app.focused is first and first.cursor_location == (0, 2)  # where it landed, not at the end


async def test_the_room_sees_the_notes_written_so_far_under_the_prompt(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, TALK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        live = app.workshop.records
        live.put_note(TALK, "silos again")
        live.put_note(TALK, "only for me", quick=True)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        live.put_note(TALK, "written while projected")
        await settle(pilot)
        text = screen_text(app)
        assert "What surprised you most today?" in text
        assert "• silos again" in text and "• written while projected" in text
        assert "only for me" not in text


# -- actions ----------------------------------------------------------------------------------------------------


async def test_actions_are_added_edited_moved_on_and_removed_and_a_bad_date_is_refused(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, ACTIONS)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, ActionTable)
        await pilot.press("a")
        await wait_for_screen(pilot, ActionFormScreen)
        await pilot.press(*"Call five lost customers", "enter", *"Ben Okafor", "enter", *"2026-02-30", "enter")
        assert "Due date '2026-02-30' is not a real date (YYYY-MM-DD)." in screen_text(app)
        assert isinstance(app.screen, ActionFormScreen)
        await pilot.press(*["backspace"] * 10, *"2026-11-15", "enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("a")
        await wait_for_screen(pilot, ActionFormScreen)
        await pilot.press(*"Publish the churn numbers", "enter", "enter", "enter")  # no owner, no date yet
        await wait_for_screen(pilot, WorkshopScreen)
        live = app.workshop.records
        assert [(a.what, a.owner, a.due) for a in live.room.actions] == [
            ("Call five lost customers", "Ben Okafor", "2026-11-15"),
            ("Publish the churn numbers", "", ""),
        ]
        await pilot.press("enter")  # edit the one under the cursor: the new one
        form = await wait_for_screen(pilot, ActionFormScreen)
        assert form.query_one("#action-what").value == "Publish the churn numbers"
        await pilot.press("tab", *"Ana Ortiz", "enter", *"2026-12-01", "enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("space", "space")  # open → doing → done
        await pilot.press("up", "delete")  # the first goes
        await settle(pilot)
        assert [(a.what, a.owner, a.due, a.status, a.source) for a in live.room.actions] == [
            ("Publish the churn numbers", "Ana Ortiz", "2026-12-01", ActionStatus.DONE, ACTIONS)
        ]
        text = screen_text(app)
        assert "Publish the churn" in text and "done" in text
        assert await app.flush()
    stored = on_disk(store, workshop_id).room().actions
    assert [(a.what, a.owner, a.due, a.status) for a in stored] == [
        ("Publish the churn numbers", "Ana Ortiz", "2026-12-01", ActionStatus.DONE)
    ]


async def test_a_on_the_actions_step_adds_an_action_even_before_tab_reaches_the_table(
    workshop_id: str, make_app, store: Store
) -> None:
    """The step says "a adds": a facilitator pressing a and typing the action at once had the a ignored (the step
    takes no answers), and the action's words went to the console's keys (the E of "CEO" opened paper sheets)."""
    at_step(store, workshop_id, ACTIONS)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("a", *"CEO names one leader", "enter", *"Ana Ortiz", "enter", *"2026-12-01", "enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        assert [(a.what, a.owner, a.due) for a in app.workshop.records.room.actions] == [
            ("CEO names one leader", "Ana Ortiz", "2026-12-01")
        ]
        assert isinstance(app.focused, ActionTable)  # where Enter edits it and a adds the next
        assert "a adds an action" in screen_text(app)


async def test_an_action_removed_and_taken_back_returns_to_its_place(workshop_id: str, make_app, store: Store) -> None:
    at_step(store, workshop_id, ACTIONS)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        live = app.workshop.records
        for what in ("First", "Second", "Third"):
            live.put_action(Action("", what, "Ana Ortiz", "", source=ACTIONS))
        await settle(pilot)
        table = console.query_one(ActionTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("delete")  # the second goes …
        await settle(pilot)
        assert [a.what for a in live.room.actions] == ["First", "Third"]
        await pilot.press("ctrl+z")  # … and comes back where it was, not at the bottom
        await settle(pilot)
        assert [a.what for a in live.room.actions] == ["First", "Second", "Third"]
        assert [table.get_row_at(n)[0].plain.splitlines()[0] for n in range(table.row_count)] == [
            "First",
            "Second",
            "Third",
        ]
        assert await app.flush()
    assert [a.what for a in on_disk(store, workshop_id).room().actions] == ["First", "Second", "Third"]


async def test_escape_closes_the_action_form_without_saving(workshop_id: str, make_app, store: Store) -> None:
    at_step(store, workshop_id, ACTIONS)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab", "a")
        await wait_for_screen(pilot, ActionFormScreen)
        await pilot.press(*"Never mind", "escape")
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop.records.room.actions == ()


async def test_the_room_reads_the_action_list_at_80x24(workshop_id: str, make_app, store: Store) -> None:
    at_step(store, workshop_id, ACTIONS)
    store.open(workshop_id).update_room(
        lambda room: room.__class__(
            actions=tuple(
                Action(f"a-{n}", f"Action number {n}", owner="Ana Ortiz", due="2026-10-30", source=ACTIONS)
                for n in range(20)
            )
        )
    )
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "Action number 0" in text and "Action number 13" in text and "Action number 14" not in text
        assert "… and 6 more" in text and "Ana Ortiz" in text and "2026-10-30" in text


# -- quick notes ------------------------------------------------------------------------------------------------


async def test_a_quick_note_from_the_console_is_kept_on_the_current_step(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, TALK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab", *"typing a note")  # ctrl+n works from inside a text field too
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, QuickNoteScreen)
        await pilot.press("enter")  # an empty note is not kept
        assert isinstance(app.screen, QuickNoteScreen) and "Type the note first" in screen_text(app)
        await pilot.press(*"ask Ben about renewals", "enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await settle(pilot)
        quick = [n for n in app.workshop.records.room.notes if n.quick]
        assert [(n.step_key, n.text) for n in quick] == [(TALK, "ask Ben about renewals")]
        notes_panel = app.screen.query_one(FacilitatorNotes)
        assert "ask Ben about renewals" in str(notes_panel.query_one("#quick-notes").render())
        assert "ask Ben about renewals" not in [f.text for f in note_fields(app)]  # not one of the room's notes
        assert await app.flush()
    stored = on_disk(store, workshop_id).room().notes
    assert [(n.step_key, n.text, n.quick) for n in stored if n.quick] == [(TALK, "ask Ben about renewals", True)]


async def quick_note_on_the_wall(pilot) -> None:
    """The console in presenter mode (the mirrored wall), with ctrl+n's quick-note dialog open over it."""
    await open_console(pilot)
    await pilot.press("f5")
    await wait_for_screen(pilot, PresenterScreen)
    await pilot.press("ctrl+n")
    await wait_for_screen(pilot, QuickNoteScreen)


async def test_a_quick_note_works_in_presenter_mode_and_escape_keeps_nothing(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, WELCOME)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await quick_note_on_the_wall(pilot)
        await pilot.press(*"nothing", "escape")
        await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, QuickNoteScreen)
        await pilot.press(*"room is cold", "space", "enter")  # keys the presenter binds are typed here
        await wait_for_screen(pilot, PresenterScreen)
        assert app.workshop.flow.current.key == WELCOME  # neither space nor enter moved the slide
        assert [(n.step_key, n.text, n.quick) for n in app.workshop.records.room.notes] == [
            (WELCOME, "room is cold ", True)
        ]
        assert await app.flush()
    assert [n.text for n in on_disk(store, workshop_id).room().notes] == ["room is cold "]


async def test_a_quick_note_typed_in_presenter_mode_is_not_shown_to_the_room(
    workshop_id: str, make_app, store: Store
) -> None:
    """Presenter mode is the mirrored wall: the note dialog said "not projected" while the room read the note as it
    was typed. Now the typed text is masked there, and the dialog says why."""
    at_step(store, workshop_id, WELCOME)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await quick_note_on_the_wall(pilot)
        await pilot.press(*"CFO defensive", "enter")  # the space is typed, not a next-step key
        await wait_for_screen(pilot, PresenterScreen)
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, QuickNoteScreen)
        await pilot.press(*"Ben bored")
        await pilot.pause()
        shown = screen_text(app)
        assert "Ben bored" not in shown and "Ben" not in shown
        assert "not projected" not in shown and "the room sees this screen" in shown
        await pilot.press("enter")
        await wait_for_screen(pilot, PresenterScreen)
        assert [n.text for n in app.workshop.records.room.notes] == ["CFO defensive", "Ben bored"]
        await pilot.press("f5")  # the console, which the room does not see: typed as ever
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, QuickNoteScreen)
        await pilot.press(*"seen here")
        await pilot.pause()
        assert "seen here" in screen_text(app) and "not projected" in screen_text(app)
        await pilot.press("escape")
        assert await app.flush()


async def test_there_is_no_quick_note_without_an_open_workshop(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert not isinstance(app.screen, QuickNoteScreen)


@pytest.mark.parametrize("leave", ["quit", "escape"])
async def test_a_note_typed_a_moment_before_leaving_is_saved(workshop_id: str, make_app, store: Store, leave: str) -> None:
    """Its idle timer has not fired: leaving the workshop (Esc, then ctrl+w) or quitting saves it all the same."""
    at_step(store, workshop_id, TALK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("tab", *"typed just now")
        assert isinstance(app.focused, NoteField)
        if leave == "quit":
            await app.action_quit()
        else:
            await pilot.press("escape", "ctrl+w")  # out of the field, then out of the workshop
            await wait_for_screen(pilot, HomeScreen)
            assert await app.flush()
    assert [n.text for n in on_disk(store, workshop_id).room().notes] == ["typed just now"]

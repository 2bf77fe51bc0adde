"""People (F2): add, rename, remove and restore during the workshop; anonymous rooms; a late arrival's missed steps."""

from __future__ import annotations

import pytest
from room_helpers import WELCOME, at_step, on_disk, open_console
from textual import events
from textual.widgets import Input
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.screens.private_entry import PrivateEntryScreen
from bootcamp.ui.screens.roster import PeopleTable, RosterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

RATE, MANDATE, ROLE, BREAK = "basics/rate-aptitudes", "basics/mandate", "basics/role", "basics/break"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def open_roster(pilot) -> RosterScreen:
    await open_console(pilot)
    await pilot.press("f2")
    screen = await wait_for_screen(pilot, RosterScreen)
    await settle(pilot)
    return screen  # type: ignore[return-value]


def rows(screen: RosterScreen, table_id: str, *, marks: bool = False) -> list[str]:
    """Each row's cells as one line; the save mark (the last cell) only when asked for."""
    table = screen.query_one(f"#{table_id}", PeopleTable)
    cells = [table.get_row_at(n) for n in range(table.row_count)]
    return [" ".join(str(cell) for cell in (row if marks else row[:-1])).strip() for row in cells]


async def test_people_are_added_renamed_removed_and_restored_with_their_answers(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, WELCOME)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot)
        live = app.workshop.records
        ana = live.info.present[0]
        live.set_answer(ana.id, MANDATE, "yes")
        await pilot.press("a", *"Dee Late", "enter", *"Finance", "enter")
        await settle(pilot)
        assert rows(screen, "present")[-1].startswith("P4 Dee Late Finance")
        await pilot.press("r")  # the new person is highlighted: rename them, with a team
        await pilot.press("ctrl+u", *"Dee Lately", "enter", "ctrl+u", *"Finance, EMEA", "enter")
        await settle(pilot)
        assert rows(screen, "present")[-1].startswith("P4 Dee Lately Finance, EMEA")
        await pilot.press("up", "up", "up", "delete")  # Ana leaves
        await settle(pilot)
        assert [r.split()[0] for r in rows(screen, "present")] == ["P2", "P3", "P4"]
        assert rows(screen, "removed")[0].startswith("P1 Ana Ortiz CEO")
        assert "Removed (1)" in screen_text(app)
        assert live.answer(ana.id, MANDATE).value == "yes"  # kept while she is out
        await pilot.press("u")
        await settle(pilot)
        assert [p.display_name for p in live.info.present] == ["Ana Ortiz", "Ben Okafor", "Chloe Martin", "Dee Lately"]
        assert not screen.query_one("#removed", PeopleTable).display
        assert live.data.answers_for(MANDATE)[0].participant_id == ana.id
        assert await app.flush()
        await settle(pilot)
        assert rows(screen, "present", marks=True)[-1].endswith("✓ saved")
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
    info = on_disk(store, workshop_id).info()
    assert [(p.number, p.name, p.role, p.removed) for p in info.participants] == [
        (1, "Ana Ortiz", "CEO", False),
        (2, "Ben Okafor", "Sales", False),
        (3, "Chloe Martin", "Service", False),
        (4, "Dee Lately", "Finance, EMEA", False),
    ]


async def test_late_registrations_pasted_as_lines_into_the_name_field_are_each_added(
    workshop_id: str, make_app, store: Store
) -> None:
    """The evening before, three late registrations copied from the e-mail: the field kept the first, the others
    were dropped without a word."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_roster(pilot)
        await pilot.press("a")
        app.post_message(events.Paste("Cleo Marsh (COO)\r\nWu, Dan\r\nEve Stone\r\n"))
        await settle(pilot)
        assert [row.split(maxsplit=1)[1] for row in rows(screen, "present")[-3:]] == [
            "Cleo Marsh COO", "Dan Wu", "Eve Stone"
        ]
        assert [n.message for n in app._notifications][-1] == (
            "Added 3 people: Cleo Marsh, Dan Wu, Eve Stone ('Wu, Dan' read as 'Dan Wu' (surname first))"
        )
        assert not screen.query_one("#roster-form").has_class("-open")
        await pilot.press("a")
        app.post_message(events.Paste("Fay Old\n(CEO)\n"))  # a line that is no one: nothing added, said where
        await settle(pilot)
        assert str(screen.query_one("#form-problem").render()) == "Nobody added: line 2: '(CEO)' has a role but no name"
        shown = len(rows(screen, "present"))
    assert len(store.open(workshop_id).info().present) == shown == 6


async def test_several_lines_pasted_while_renaming_replace_the_name_as_one_line_would(
    workshop_id: str, make_app, store: Store
) -> None:
    """Renaming opens with the name selected; one line pasted replaces it, but two lines pasted were added to its
    end: 'Ana OrtizAna Ortiz-Smith'."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot)
        await pilot.press("r")
        await settle(pilot)
        name_field = screen.query_one("#form-name", Input)
        before = name_field.value
        assert name_field.selected_text == before  # Input selects its text on focus
        app.post_message(events.Paste("Ana Ortiz-Smith\r\nBen Lee\r\n"))
        await settle(pilot)
        assert name_field.value == "Ana Ortiz-Smith"
        name_field.action_end()
        app.post_message(events.Paste("-Lee\r\nBen Lee\r\n"))  # nothing selected: at the cursor, as Input does
        await settle(pilot)
        assert name_field.value == "Ana Ortiz-Smith-Lee"


async def test_a_walk_in_with_the_name_of_someone_on_the_list_is_said_when_added(
    workshop_id: str, make_app, store: Store
) -> None:
    """Walk-ins pasted on the day, one of them the registered Ana Ortiz again ("Ortiz, Ana" from the e-mail), one the
    cancellation removed that morning: both were added as new people without a word, two Ana Ortiz on the phones'
    list and Ben's answers left with the removed seat."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_roster(pilot)
        ben = app.workshop.records.info.present[1]
        app.workshop.records.remove_participant(ben.id)
        await settle(pilot)
        await pilot.press("a")
        app.post_message(events.Paste("Fay Old\nOrtiz, Ana\nben okafor\n"))
        await settle(pilot)
        said = [n for n in app._notifications][-1]
        assert said.message == (
            "Added 3 people: Fay Old, Ana Ortiz, ben okafor ('Ortiz, Ana' read as 'Ana Ortiz' (surname first)). "
            "P5 Ana Ortiz has the name of P1 Ana Ortiz, in the room: r renames one, x removes one added twice. "
            "P6 ben okafor has the name of P2 Ben Okafor, removed: u brings them back with their answers, x removes P6."
        )
        assert said.severity == "warning"
        await pilot.press("a", *"chloe martin", "enter", "enter")  # one typed at the form: the same
        await settle(pilot)
        assert [n.message for n in app._notifications][-1] == (
            "Added chloe martin. P7 chloe martin has the name of P3 Chloe Martin, in the room: r renames one, "
            "x removes one added twice."
        )
    assert len(store.open(workshop_id).info().present) == 6


async def test_a_name_is_required_and_escape_leaves_the_form_first(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot)
        await pilot.press("a", "enter", "enter")
        assert "Type a name" in screen_text(app)
        await pilot.press("escape")  # out of the form, still on the roster
        assert isinstance(app.screen, RosterScreen) and isinstance(app.focused, PeopleTable)
        assert len(rows(screen, "present")) == 3
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)


async def test_an_anonymous_room_stores_no_names_and_asks_only_for_a_role(
    store: Store, fixture_program: Program, make_app
) -> None:
    info = store.create_workshop(
        name="Quiet boot camp",
        organisation="Northwind",
        date="2026-09-21",
        participants=[("", "CEO"), ("", "Sales")],
        anonymous=True,
        sources=fixture_program.sources,
    )
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot)
        assert not screen.query("#form-name")
        assert "no names are kept" in screen_text(app)
        await pilot.press("a", *"Finance", "enter")
        await settle(pilot)
        assert rows(screen, "present") == ["P1 CEO", "P2 Sales", "P3 Finance"]
        await pilot.press("r", "ctrl+u", *"Finance lead", "enter")
        await settle(pilot)
        assert rows(screen, "present")[-1] == "P3 Finance lead"
        assert await app.flush()
    stored = on_disk(store, info.id).info().participants
    assert [(p.display_name, p.name, p.role) for p in stored] == [
        ("P1", "", "CEO"),
        ("P2", "", "Sales"),
        ("P3", "", "Finance lead"),
    ]


async def test_steps_the_whole_room_jumped_past_are_missed_by_nobody(workshop_id: str, make_app, store: Store) -> None:
    at_step(store, workshop_id, BREAK)  # past the question and the role check, which nobody answered
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot)
        live = app.workshop.records
        for person in live.info.present:
            live.set_answer(person.id, RATE, "strong", item="persist", perspective="self")
        screen.query_one("#present", PeopleTable).move_cursor(row=0)
        await settle(pilot)
        text = screen_text(app)
        assert "Nothing missed so far." in text and "Missed" not in text  # not "Missed 2 answering steps"
        await pilot.press("a", *"Dee Late", "enter", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Missed 1 answering step:" in text and "• Rate the aptitudes" in text  # what the others answered


async def test_a_late_arrival_sees_what_they_missed_and_starts_answering_it(
    workshop_id: str, make_app, store: Store
) -> None:
    at_step(store, workshop_id, BREAK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_roster(pilot)
        live = app.workshop.records
        for person in live.info.present:
            live.set_answer(person.id, RATE, "strong", item="persist", perspective="self")
        live.set_answer(live.info.present[0].id, MANDATE, "yes")
        live.set_answer(live.info.present[1].id, ROLE, "yes", item="reports-to-ceo")
        await pilot.press("a", *"Dee Late", "enter", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Missed 3 answering steps" in text
        assert "• Rate the aptitudes" in text and "• Who drives agreement?" in text and "• Role check" in text
        await pilot.press("up", "up", "up")  # Ana answered two of them
        await settle(pilot)
        assert "Missed 1 answering step:" in screen_text(app)
        await pilot.press("down", "down", "down", "m")
        await wait_for_screen(pilot, PrivateEntryScreen)  # Dee answers the three, unseen, one after another
        text = screen_text(app)
        assert "Dee Late, your answer" in text and "Rate the aptitudes" in text


async def test_a_late_list_of_many_names_pasted_is_one_save_and_a_few_redraws(
    workshop_id: str, make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offsite's late list, 190 names pasted at once: each was saved on its own (workshop.json read and rewritten
    190 times) and the list redrawn after each change and each save, about 7 s of a frozen console. Now one write
    and a few redraws, whatever the count."""
    from bootcamp.store import WorkshopFiles

    writes: list[int] = []
    update_info = WorkshopFiles.update_info
    monkeypatch.setattr(WorkshopFiles, "update_info", lambda self, edit: writes.append(1) or update_info(self, edit))
    shows: list[int] = []
    show = RosterScreen.show
    monkeypatch.setattr(RosterScreen, "show", lambda self: shows.append(1) or show(self))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_roster(pilot)
        await pilot.press("a")
        shows.clear()
        app.post_message(events.Paste("\n".join(f"Walk-in {n} (Team {n % 7})" for n in range(60))))
        await settle(pilot)
        assert await app.flush()
        await settle(pilot)
        assert len(rows(screen, "present")) == 63
        assert rows(screen, "present", marks=True)[-1].endswith("✓ saved")
        assert [n.message for n in app._notifications][-1].startswith("Added 60 people: Walk-in 0, Walk-in 1")
        assert len(writes) == 1
        assert len(shows) <= 3  # the paste's own, its change, its save's result
    assert len(store.open(workshop_id).info().present) == 63


async def test_a_secret_ballot_cast_at_the_keyboard_is_listed_as_one_they_may_have_cast(
    workshop_id: str, make_app, store: Store
) -> None:
    """On the day every one of five cast a ballot at the keyboard on a secret step, and People told each of them they
    had missed it, with m to start them answering: a second ballot. A keyboard ballot names nobody, so the app cannot
    know who cast one; the line says so, for the facilitator to ask."""
    at_step(store, workshop_id, BREAK)
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot)
        app.workshop.toggle("secret", MANDATE)
        live = app.workshop.records
        for _ in live.info.present:
            live.cast_ballot(MANDATE, [("", "", "yes")])
        screen.query_one("#present", PeopleTable).move_cursor(row=0)
        screen.show()
        await settle(pilot)
        text = screen_text(app)
    # the detail column wraps the line after "(secret"
    assert "• Who drives agreement? (secret" in text and "ballot: ask whether they cast one)" in text

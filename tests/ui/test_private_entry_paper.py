"""Private entry as an assistant typing a stack of paper sheets uses it: never an answer replaced unseen, the sheet's
row order, blank rows skipped, a comment on any row, and one person's whole sheet in one go."""

from __future__ import annotations

import re

import pytest
from room_helpers import console_at
from textual.widgets import OptionList
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.export.printables import render_sheets
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.help import key_table
from bootcamp.ui.screens.private_entry import PrivateEntryScreen, asks_of
from bootcamp.ui.screens.workshop import WorkshopScreen

RATE, MANDATE, ROLE = "basics/rate-aptitudes", "basics/mandate", "basics/role"
SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def value(app: BootcampApp, who: str, step: str, item: str = "", perspective: str = "") -> str | None:
    answer = app.workshop.records.answer(who, step, item, perspective)
    return answer.value if answer is not None else None


def people_labels(app: BootcampApp) -> list[str]:
    people = app.screen.query_one("#people", OptionList)
    return [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]


def highlighted_name(app: BootcampApp) -> str:
    people = app.screen.query_one("#people", OptionList)
    assert people.highlighted is not None
    return str(people.get_option_at_index(people.highlighted).prompt).split("  ")[0].strip()


async def test_a_question_s_one_row_is_counted_as_one_row(workshop_id: str, make_app) -> None:
    """Every commitment question thanked each person with "1 of 1 rows answered"."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        await pilot.press("enter", "y", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Thank you, Ana Ortiz" in text and "1 of 1 row answered" in text and "1 rows" not in text


@pytest.mark.parametrize("size", SIZES)
async def test_a_question_at_the_keyboard_names_no_sheet_row_and_shows_its_answer_under_the_comment(
    workshop_id: str, make_app, size: tuple[int, int]
) -> None:
    """Private entry on a question read "on the sheet: – · –": a paper sheet's empty item and perspective columns, on
    the screen where the room answers at the keyboard. And once a key was pressed the comment was asked with nothing
    to say which answer it went with."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        await pilot.press("enter")
        text = screen_text(app)
        assert "Who drives agreement?" in text and "on the sheet" not in text and "– · –" not in text
        await pilot.press("p")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#comment")
        assert "Stored: Partly" in screen_text(app)


# -- 1. an extra Enter, or someone already answered ----------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_an_extra_enter_goes_on_to_the_next_person_and_never_replaces_an_answer(
    workshop_id: str, make_app, size: tuple[int, int]
) -> None:
    """The tester's burst: Ana answers Yes, then ``y⏎⏎⏎n⏎``: the list went back to Ana, n replaced her Yes."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, MANDATE)
        ana, ben, _ = app.workshop.info.present
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        await pilot.press("enter", "y")
        await pilot.press(*[{"\r": "enter"}.get(key, key) for key in "y\r\r\rn\r"])  # one burst
        await settle(pilot)
        assert value(app, ana.id, MANDATE) == "yes"
        assert value(app, ben.id, MANDATE) == "no"  # the second Enter chose the next person without an answer
        assert "Thank you, Ben Okafor" in screen_text(app)
        await pilot.press("enter")
        assert highlighted_name(app) == "Chloe Martin"
        assert "answered ✓" in people_labels(app)[0] and "answered ✓" in people_labels(app)[1]


@pytest.mark.parametrize("size", SIZES)
async def test_someone_already_answered_is_told_so_and_a_key_replaces_only_when_pressed_again(
    workshop_id: str, make_app, size: tuple[int, int]
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, RATE)
        ana = app.workshop.info.present[0]
        live = app.workshop.records
        live.set_answer(ana.id, RATE, "mixed", item="persist", perspective="self", comment="from paper")  # imported
        for item, perspective in (("persist", "team"), ("give-power-away", "self"), ("give-power-away", "team")):
            live.set_answer(ana.id, RATE, "weak", item=item, perspective=perspective)
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        app.screen.query_one("#people", OptionList).highlighted = 0
        await pilot.press("enter")
        text = screen_text(app)
        assert "already" in text and "4 of 4" in text  # said before any key is pressed
        # In the room anyone may pick any name: that there is an answer is said, not what it is (a sheet shows it).
        stored = str(app.screen.query_one("#stored").render())
        assert "Answered already (not shown here)" in stored and "Mixed" not in stored and "from paper" not in text
        await pilot.press("s")
        assert value(app, ana.id, RATE, "persist", "self") == "mixed"  # not replaced
        text = screen_text(app)
        assert "s again replaces it with Strength" in text
        await pilot.press("s")
        assert value(app, ana.id, RATE, "persist", "self") == "strong"  # replaced on purpose
        assert live.answer(ana.id, RATE, "persist", "self").comment == "from paper"
        await pilot.press("m")  # persist/team: Weakness stored, m once does nothing
        assert value(app, ana.id, RATE, "persist", "team") == "weak"
        await pilot.press("enter")  # Enter keeps it and goes on
        assert value(app, ana.id, RATE, "persist", "team") == "weak"
        assert "Give the Power Away" in screen_text(app)


# -- 2. the sheet's order ------------------------------------------------------------------------------------------


def test_private_entry_asks_in_the_printed_sheets_row_order(store: Store, fixture_program: Program, make_app) -> None:
    info = new_workshop(store, fixture_program)
    html = render_sheets(fixture_program, info).split('<article class="sheet">')[1]
    printed = re.findall(r'<td class="item"><code>([^<]*)</code>.*?<td class="persp"><code>([^<]*)</code>', html)
    printed = [(item.replace("–", ""), perspective.replace("–", "")) for item, perspective in printed]
    steps = [s for s in fixture_program.steps("full") if s.kind.value in ("rate", "question", "check")]

    class Shell:  # asks_of reads only the program
        program = fixture_program

    asked = [(a.item, a.perspective) for s in steps for a in asks_of(s, Shell())]  # type: ignore[arg-type]
    assert asked == printed
    assert asked[:2] == [("persist", "self"), ("persist", "team")]


@pytest.mark.parametrize("size", SIZES)
async def test_ratings_are_asked_item_by_item_and_each_row_is_named_as_the_sheet_names_it(
    workshop_id: str, make_app, size: tuple[int, int]
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, RATE)
        ana = app.workshop.info.present[0]
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        await pilot.press("enter")
        text = screen_text(app)
        assert "row 1 of 4" in text and "persist · self" in text
        await pilot.press("s")
        text = screen_text(app)
        assert "row 2 of 4" in text and "persist · team" in text and "Rate your team" in text
        await pilot.press("m", "w", "d")
        assert [value(app, ana.id, RATE, i, p) for i in ("persist", "give-power-away") for p in ("self", "team")] == [
            "strong",
            "mixed",
            "weak",
            "dont-know",
        ]


# -- 3. a blank row, going back, correcting from the thanks --------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_a_blank_row_is_skipped_and_going_back_shows_what_was_typed(
    workshop_id: str, make_app, size: tuple[int, int]
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, RATE)
        ana = app.workshop.info.present[0]
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        await pilot.press("enter")
        assert "Enter skips the row" in screen_text(app)  # the skip key is shown
        await pilot.press("s", "enter", "w", "d")  # persist/team left blank on paper
        assert value(app, ana.id, RATE, "persist", "team") is None
        assert "Thank you, Ana Ortiz" in screen_text(app)
        await pilot.press("backspace")  # from the thanks: the last row again, with what was typed
        text = screen_text(app)
        assert "row 4 of 4" in text and "Stored: Don't know" in text
        await pilot.press("m")  # typed in this turn: corrected at once
        assert value(app, ana.id, RATE, "give-power-away", "team") == "mixed"
        await pilot.press("backspace", "backspace", "backspace")
        text = screen_text(app)
        assert "row 2 of 4" in text and "Stored" not in text  # the blank row is still blank
        await pilot.press("backspace")
        assert "Stored: Strength" in screen_text(app)


# -- 4. a comment on any row ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_a_comment_goes_with_any_row(workshop_id: str, make_app, size: tuple[int, int]) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, RATE)
        ana = app.workshop.info.present[0]
        live = app.workshop.records
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        await pilot.press("enter")
        assert "Tab: comment" in screen_text(app)
        await pilot.press("tab", *"see notes, p.7", "enter")  # the comment beside persist/self
        assert "see notes, p.7" in screen_text(app)  # still on the row, its comment shown
        await pilot.press("s", "tab", "enter", "m")  # Tab then Enter: no comment
        assert (
            live.answer(ana.id, RATE, "persist", "self").value,
            live.answer(ana.id, RATE, "persist", "self").comment,
        ) == (
            "strong",
            "see notes, p.7",
        )
        assert live.answer(ana.id, RATE, "persist", "team").comment == ""
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        console = await console_at(pilot, ROLE)
        console.start_private_entry()  # e on the role check goes into its line field (another fix)
        await wait_for_screen(pilot, PrivateEntryScreen)
        app.screen.query_one("#people", OptionList).highlighted = 0
        await pilot.press("enter", "tab", *"Officer level", "enter", "y")
        answer = live.answer(ana.id, ROLE, "reports-to-ceo")
        assert (answer.value, answer.comment) == ("yes", "Officer level")


# -- 5. one person's whole sheet -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_one_persons_whole_sheet_in_one_go_with_progress(
    workshop_id: str, make_app, store: Store, size: tuple[int, int]
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, "basics/welcome")  # a teach step: the sheet key works anywhere
        ana, ben, chloe = app.workshop.info.present
        live = app.workshop.records
        live.set_answer(ben.id, RATE, "strong", item="persist", perspective="self")
        live.set_answer(ben.id, MANDATE, "yes")
        await pilot.press("E")
        await wait_for_screen(pilot, PrivateEntryScreen)
        labels = people_labels(app)
        assert "2 of 6" in labels[1] and "of 6" not in labels[0]  # Ben is partly entered
        assert highlighted_name(app) == "Ana Ortiz"
        await pilot.press("enter")
        text = screen_text(app)
        assert "Ana Ortiz" in text and "step 1 of 3" in text and "row 1 of 4" in text
        await pilot.press("S", "m")  # Caps Lock: S is s
        assert value(app, ana.id, RATE, "persist", "self") == "strong"
        await pilot.press("w", "enter")  # give-power-away/team blank on paper
        text = screen_text(app)
        assert "step 2 of 3" in text and "row 1 of 1" in text and "Who drives agreement?" in text
        await pilot.press("y", "enter")  # the question's comment: none
        assert "step 3 of 3" in screen_text(app)
        await pilot.press("p")
        text = screen_text(app)
        assert "Thank you, Ana Ortiz" in text and "5 of 6 rows" in text
        await pilot.press("enter")
        assert highlighted_name(app) == "Ben Okafor"  # the next sheet not complete
        assert "5 of 6" in people_labels(app)[0]
        await pilot.press("enter")
        text = screen_text(app)
        assert "row 2 of 4" in text  # Ben goes on where his sheet stops
        assert "Ben Okafor" in text and "2 of 6" in text
        await pilot.press("pagedown")  # the next step of the sheet
        assert "step 2 of 3" in screen_text(app) and "Stored: Yes" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        assert not app.workshop.state.private_entry
        assert [value(app, chloe.id, RATE, "persist", "self")] == [None]


async def keys_on_the_first_row(pilot, key: str) -> dict[str, str]:
    """What each key does on the first row of private entry opened by ``key`` (e at the keyboard, E for sheets)."""
    await pilot.press(key)
    entry = await wait_for_screen(pilot, PrivateEntryScreen)
    await pilot.press("enter")
    await wait_until(pilot, lambda: entry.phase == "ask", "the first row")
    return {what: shown for shown, what in key_table(entry)}


async def test_help_and_the_palette_list_the_sheet_key_and_private_entrys_keys(workshop_id: str, make_app) -> None:
    from test_keys import palette_titles

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, "basics/welcome")
        table = dict((what, keys) for keys, what in key_table(console))
        sheets = next(what for what in table if what.startswith("Paper sheets"))
        assert table[sheets] == "E"
        assert (await palette_titles(console))[sheets] == "key: E"
        keys = await keys_on_the_first_row(pilot, "E")
        assert keys["Skip this row (left empty on the sheet)"] == "⏎"
        assert keys["A comment on this row"] == "tab"
        assert keys["Go back to the previous row (shows what is stored)"] == "⌫"
        assert "pgdn" in keys["Next step of the sheet"]


async def test_at_the_keyboard_enter_is_said_to_skip_the_row_without_the_sheets_words(
    workshop_id: str, make_app
) -> None:
    """Private entry (e) said Enter skips a row "left empty on the sheet", and "an empty row", where a person answers
    at the keyboard and has no sheet: the paper's words, as the row's name was before 70c86e5. At the keyboard Enter
    skips the row, nothing stored for it; paper sheets (E) keep the words of the sheet."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, RATE)
        keys = await keys_on_the_first_row(pilot, "e")
        assert keys["Skip this row: nothing is stored for it (an answer stored before stays)"] == "⏎"
        assert not any("sheet" in what or "empty" in what for what in keys)
        assert "Enter skips the row" in screen_text(app) and "empty row" not in screen_text(app)


async def test_a_sheet_typed_again_never_casts_a_second_secret_ballot(workshop_id: str, make_app) -> None:
    """A whole sheet (E) cast its secret steps' ballots without the step's roll of voters: typing a person's sheet
    again (a second pass over the stack) cast a second ballot for them, counted twice."""
    from bootcamp.store.ids import is_ballot_id

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, "basics/welcome")
        app.workshop.toggle("secret", MANDATE)
        live = app.workshop.records
        ana = app.workshop.info.present[0]

        def ballots() -> int:
            return sum(1 for a in live.data.answers if a.step_key == MANDATE and is_ballot_id(a.participant_id))

        await pilot.press("E")
        await wait_for_screen(pilot, PrivateEntryScreen)
        app.screen.query_one("#people", OptionList).highlighted = 0
        await pilot.press("enter", "s", "m", "w", "s", "y", "enter", "p")  # Ana's sheet: ratings, the ballot, role
        await settle(pilot)
        assert "Thank you, Ana Ortiz" in screen_text(app)
        assert ballots() == 1 and live.has_voted(MANDATE, ana.id)
        await pilot.press("enter")  # the stack again: Ana's sheet typed a second time
        app.screen.query_one("#people", OptionList).highlighted = 0
        await pilot.press("enter")
        for _ in range(8):  # every row kept as stored, to the end of the sheet
            if "Thank you" in screen_text(app):
                break
            await pilot.press("enter")
            await settle(pilot)
        assert "Thank you, Ana Ortiz" in screen_text(app)
        assert ballots() == 1


async def test_in_the_room_a_comment_stored_before_is_not_shown_and_an_empty_enter_keeps_it(
    workshop_id: str, make_app
) -> None:
    """Anyone may pick any name in the room: Ana's earlier comment is not put in the field for them to read, and an
    empty Enter (nothing typed over it) must not clear it unseen."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        ana = app.workshop.info.present[0]
        live = app.workshop.records
        live.set_answer(ana.id, MANDATE, "yes", comment="only the CEO decides")
        await pilot.press("e")
        await wait_for_screen(pilot, PrivateEntryScreen)
        app.screen.query_one("#people", OptionList).highlighted = 0
        await pilot.press("enter", "n", "n")  # No, pressed twice: replaced on purpose; then the comment
        await settle(pilot)
        assert "only the CEO decides" not in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        answer = live.answer(ana.id, MANDATE)
        assert (answer.value, answer.comment) == ("no", "only the CEO decides")

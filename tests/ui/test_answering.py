"""Answering in the room, keyboard first: questions, ratings, the role check, secret ballots, private entry, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from room_helpers import console_at
from textual import events
from textual.widgets import OptionList
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store, is_ballot_id
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.help import key_table
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.private_entry import PrivateEntryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.text import one_line
from bootcamp.ui.widgets.answers.answer_grid import AnswerGrid
from bootcamp.ui.widgets.answers.moved_on import KeysHint
from bootcamp.ui.widgets.answers.question_table import NAME_WIDTH, QuestionTable
from bootcamp.ui.widgets.answers.role_lines import RoleLineInput, RoleLinesTable

RATE, MANDATE, ROLE = "basics/rate-aptitudes", "basics/mandate", "basics/role"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


def stored(store: Store, workshop_id: str) -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """What is on disk: (participant, step, item, perspective) → (value, comment)."""
    answers = Store(store.data_dir).open(workshop_id).answers()
    return {(a.participant_id, a.step_key, a.item, a.perspective): (a.value, a.comment) for a in answers}


async def test_a_question_goes_round_the_room_hidden_until_revealed(workshop_id: str, make_app, store: Store) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        ana, ben, chloe = app.workshop.info.present
        await pilot.press("a")
        assert isinstance(app.focused, QuestionTable)
        await pilot.press("y", "c", *"only on paper", "enter", "n", "d")
        live = app.workshop.records
        assert [live.answer(p.id, MANDATE).value for p in (ana, ben, chloe)] == ["yes", "no", "dont-know"]
        assert live.answer(ana.id, MANDATE).comment == "only on paper"  # the comment follows who just answered
        text = screen_text(app)
        assert "3 of 3 answered" in text and "results hidden" in text
        assert "Yes" not in text.split("Who")[1] and "only on paper" not in text  # hidden: answered, not what

        await pilot.press("r")
        await settle(pilot)
        assert MANDATE in app.workshop.state.revealed
        text = screen_text(app)
        assert "only on paper" in text and "Don't know" in text
        tally = [line for line in text.splitlines() if "█" in line]
        assert len(tally) == 3  # yes, no, don't know; partly has no bar

        assert await app.flush()
        on_disk = stored(store, workshop_id)
        assert on_disk[(ana.id, MANDATE, "", "")] == ("yes", "only on paper")
        assert on_disk[(chloe.id, MANDATE, "", "")] == ("dont-know", "")
        assert app.workshop.save_status.label == "saved"
        assert console.query_one("#status-bar").render().plain.endswith("saved")


async def test_undo_and_clear(workshop_id: str, make_app, store: Store) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        ana, ben, _ = app.workshop.info.present
        await pilot.press("a", "y", "p", "up", "x")  # Ana yes, Ben partly, back to Ben and clear him
        live = app.workshop.records
        assert live.answer(ana.id, MANDATE).value == "yes" and live.answer(ben.id, MANDATE) is None
        await pilot.press("ctrl+z")
        assert live.answer(ben.id, MANDATE).value == "partly"
        await pilot.press("ctrl+z")
        assert live.answer(ben.id, MANDATE) is None
        assert await app.flush()
        assert (ben.id, MANDATE, "", "") not in stored(store, workshop_id)


async def test_ratings_fill_down_each_column_then_the_next(workshop_id: str, make_app, store: Store) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, RATE)
        ana = app.workshop.info.present[0]
        items = [item.id for item in app.workshop.program.item_list("aptitudes").items]
        await pilot.press("a")
        grid = console.query_one(AnswerGrid)
        assert app.focused is grid
        await pilot.press("s", "w", "m")  # Ana's self column (two items), then the top of her team column
        live = app.workshop.records
        assert [live.answer(ana.id, RATE, item, "self").value for item in items] == ["strong", "weak"]
        assert live.answer(ana.id, RATE, items[0], "team").value == "mixed"
        assert "results hidden" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        text = screen_text(app)
        assert "the room's average, 0–2" in text and "Self" in text and "Team" in text
        assert await app.flush()
        assert len(stored(store, workshop_id)) == len(items) + 1


async def test_the_role_check_suggests_and_the_room_decides(workshop_id: str, make_app, store: Store) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, ROLE)
        assert isinstance(app.focused, RoleLineInput)  # the line field has the keys on arrival
        for line in ("Carry a personal quarterly new-business quota", "Lead the customer journey redesign"):
            await pilot.press(*line, "enter")
        table = console.query_one(RoleLinesTable)
        await wait_until(pilot, lambda: table.row_count == 2, "two role lines")
        table.focus()
        await pilot.press("home")
        suggestions = [table.suggestion(line.text).leaning.value for line in app.workshop.records.room.role_lines]
        assert suggestions == ["tactical", "strategic"]
        await pilot.press("k", "t")  # take the suggestion for the first, overrule it for the second
        assert [line.decision for line in app.workshop.records.room.role_lines] == ["tactical", "tactical"]
        assert "Tactical: 2 of 2 decided lines (100%)" in screen_text(app)
        grid = console.query_one(AnswerGrid)
        grid.focus()
        await pilot.press("y", "n")
        structure = [q.id for q in app.workshop.program.exercise("role-check").structure]
        ana = app.workshop.info.present[0]
        assert app.workshop.records.answer(ana.id, ROLE, structure[0]).value == "yes"
        assert await app.flush()
        room = Store(store.data_dir).open(workshop_id).room()
        assert [(line.text[:5], line.decision) for line in room.role_lines] == [("Carry", "tactical"), ("Lead ", "tactical")]


POSTING = Path(__file__).resolve().parents[1] / "fixtures" / "postings" / "bullets-with-headings.txt"
POSTING_DUTIES = [  # as tests/content/test_posting_split.py has them: the title, blurb, requirements and offer left out
    "Set the vision and the three-year plan for the customer experience",
    "Lead the voice of the customer programme and share what customers say with every leader",
    "Map the moving-home journey and redesign it with operations and IT",
    "Run the 24/7 contact centre and its staffing rota",
    "Handle escalated complaints that reach the executive team",
]


async def test_a_whole_posting_pasted_into_the_role_check_becomes_its_duty_lines(
    workshop_id: str, make_app, store: Store
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, ROLE)
        assert isinstance(app.focused, RoleLineInput)  # the line field has the keys on arrival
        assert isinstance(app.focused, RoleLineInput)
        posting = POSTING.read_text(encoding="utf-8").replace("\n", "\r\n")  # as pasted from a Windows editor
        app.post_message(events.Paste(posting))  # as a terminal's bracketed paste: to the focused field
        table = console.query_one(RoleLinesTable)
        await wait_until(pilot, lambda: table.row_count == len(POSTING_DUTIES), "the posting's duty lines")
        await settle(pilot)
        lines = app.workshop.records.room.role_lines
        assert [line.text for line in lines] == POSTING_DUTIES
        assert [line.decision for line in lines] == [""] * len(POSTING_DUTIES)  # the room decides
        assert table.suggestion(lines[2].text).leaning.value == "strategic"  # the test content's journey marker
        assert app.focused.value == ""  # nothing of the paste left in the field
        said = list(app._notifications)[-1].message  # what was left out is said too, with how many
        assert said == "5 duty lines added from the paste; left out: 4 headings, 10 outside the duties."
        text = screen_text(app)
        assert "Requirements" not in text and "Competitive salary" not in text and "About us" not in text

        assert isinstance(app.focused, RoleLineInput)  # the field keeps the focus for the next paste
        app.post_message(events.Paste("Benefits\r- Pension\r- Gym membership\r"))  # "\r" alone between lines
        await settle(pilot)
        assert len(app.workshop.records.room.role_lines) == len(POSTING_DUTIES)  # nothing added
        said = list(app._notifications)[-1].message
        assert said == "No duty lines in the paste: every line was left out (1 heading, 2 outside the duties)."

        app.post_message(events.Paste("Lead the customer journey redesign"))  # one line: into the field to edit
        await settle(pilot)
        assert app.focused.value == "Lead the customer journey redesign"
        assert len(app.workshop.records.room.role_lines) == len(POSTING_DUTIES)
        assert await app.flush()
    room = Store(store.data_dir).open(workshop_id).room()
    assert [line.text for line in room.role_lines] == POSTING_DUTIES


DROPPED = Path(__file__).resolve().parents[1] / "fixtures" / "posting_files" / "riverside-health.docx"
DROPPED_DUTIES = 8  # as tests/test_posting_file.py has them


async def test_a_posting_file_dragged_onto_the_terminal_becomes_its_duty_lines(
    workshop_id: str, make_app, store: Store, tmp_path: Path
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, ROLE)
        assert isinstance(app.focused, RoleLineInput)  # the line field has the keys on arrival
        app.post_message(events.Paste(f"'{DROPPED}' "))  # as GNOME Terminal pastes a dropped file: quoted
        table = console.query_one(RoleLinesTable)
        await wait_until(pilot, lambda: table.row_count == DROPPED_DUTIES, "the document's duty lines")
        await settle(pilot)
        lines = app.workshop.records.room.role_lines
        assert lines[0].text.startswith("The Director leads patient experience across the Riverside Health system")
        assert app.focused.value == ""  # the path is not left in the field as a line to add
        said = list(app._notifications)[-1].message
        assert said == "8 duty lines added from riverside-health.docx; left out: 5 headings, 8 outside the duties."

        old_word = tmp_path / "job description.doc"
        old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
        app.post_message(events.Paste(str(old_word).replace(" ", "\\ ")))  # as macOS Terminal pastes it
        await wait_until(pilot, lambda: list(app._notifications)[-1].severity == "error", "the one sentence")
        said = list(app._notifications)[-1].message
        assert said.startswith("job description.doc is an old Word (.doc) or Office file, which is not read here")
        assert len(app.workshop.records.room.role_lines) == DROPPED_DUTIES  # nothing added, nothing lost
        assert await app.flush()
    room = Store(store.data_dir).open(workshop_id).room()
    assert len(room.role_lines) == DROPPED_DUTIES


async def test_a_secret_ballot_stores_no_names(workshop_id: str, make_app, store: Store) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("v")
        await settle(pilot)
        assert MANDATE in app.workshop.state.secret
        await pilot.press("a", "n", "n", "y")
        assert "3 ballots cast" in screen_text(app)
        await pilot.press("x")  # the last voter pressed the wrong key
        await settle(pilot)
        assert "2 ballots cast" in screen_text(app)
        assert await app.flush()
        on_disk = stored(store, workshop_id)
        assert sorted(value for value, _ in on_disk.values()) == ["no", "no"]
        assert all(is_ballot_id(participant) for participant, *_ in on_disk)


async def test_a_secret_ballot_toggled_twice_in_one_moment_leaves_the_named_table(workshop_id: str, make_app) -> None:
    """v pressed twice faster than the console redraws: the second toggle found the table still on its way out and
    kept it, and the ballot box stayed on a step whose answers were named again (the keys then cast ballots)."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        console.action_secret_ballot()  # on: the table goes, the ballot box comes
        console.action_secret_ballot()  # off again before either has happened
        await settle(pilot)
        assert MANDATE not in app.workshop.state.secret
        assert [type(w) for w in console.query("#answers > *") if not isinstance(w, KeysHint)] == [QuestionTable]
        assert "Secret ballot" not in screen_text(app)
        await pilot.press("a", "y")
        ana = app.workshop.info.present[0]
        assert app.workshop.records.answer(ana.id, MANDATE).value == "yes"  # named, not a ballot


async def test_private_entry_shows_only_the_question_to_the_person_answering(
    workshop_id: str, make_app, store: Store
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        ana, ben, _ = app.workshop.info.present
        app.workshop.records.set_answer(ben.id, MANDATE, "no", comment="BEN-SAYS-NO")
        await pilot.press("e")
        entry = await wait_for_screen(pilot, PrivateEntryScreen)
        assert app.workshop.state.private_entry
        assert "Who is answering?" in screen_text(app)
        entry.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        text = screen_text(app)
        assert "Ana Ortiz, your answer" in text and "Do leaders let one person" in text
        assert "BEN-SAYS-NO" not in text and "No " not in text.split("your answer")[0]
        await pilot.press("p", *"not yet", "enter")
        assert "Thank you, Ana Ortiz" in screen_text(app)
        await pilot.press("enter")  # the next person
        assert "Who is answering?" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        assert not app.workshop.state.private_entry
        answer = app.workshop.records.answer(ana.id, MANDATE)
        assert (answer.value, answer.comment) == ("partly", "not yet")


async def test_a_late_arrival_answers_what_they_missed_in_private(workshop_id: str, make_app, store: Store) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, "basics/poker")
        live = app.workshop.records
        ana = app.workshop.info.present[0]  # what the room answered before Dee came in
        live.set_answer(ana.id, RATE, "strong", item="persist", perspective="self")
        live.set_answer(ana.id, MANDATE, "yes")
        live.set_answer(ana.id, ROLE, "yes", item="reports-to-ceo")
        dee = live.add_participant("Dee Late", "Finance")
        walked = app.workshop.flow.steps[: app.workshop.flow.index]
        missed = live.missed_steps(dee.id, walked)
        assert [step.key for step in missed] == [RATE, MANDATE, ROLE]
        console.answer_missed(dee.id, [MANDATE, ROLE])
        await wait_for_screen(pilot, PrivateEntryScreen)
        assert "Dee Late, your answer" in screen_text(app)
        structure = app.workshop.program.exercise("role-check").structure
        await pilot.press("y", "enter", *["p"] * len(structure))
        assert "Thank you, Dee Late" in screen_text(app)
        await pilot.press("enter")
        await wait_for_screen(pilot, WorkshopScreen)
        assert live.answer(dee.id, MANDATE).value == "yes"
        assert [live.answer(dee.id, ROLE, q.id).value for q in structure] == ["partly"] * len(structure)
        assert [step.key for step in live.missed_steps(dee.id, walked)] == [RATE]


async def test_the_room_sees_the_tally_only_once_revealed_and_never_during_private_entry(
    workshop_id: str, make_app
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await console_at(pilot, MANDATE)
        for participant, value in zip(app.workshop.info.present, ("yes", "no", "no")):
            app.workshop.records.set_answer(participant.id, MANDATE, value)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "3 of 3 answered" in text and "█" not in text
        app.workshop.toggle("revealed", MANDATE)
        app.screen.show_room()
        await settle(pilot)
        assert "█" in screen_text(app)
        app.workshop.set_private_entry(True)
        app.screen.show_room()
        await settle(pilot)
        assert "█" not in screen_text(app) and "private entry" in screen_text(app)


async def test_the_consoles_over_time_toast_is_taken_down_on_entering_presenter_mode(workshop_id: str, make_app) -> None:
    """Raised on the console a moment before F5, "Over time — add 2 minutes? press +" stayed over the projected
    slide for seconds; the slide's own bottom line says it. Another warning stays."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        console = await console_at(pilot, MANDATE)
        console.signal_over_time()
        app.notify("Could not save: the disk is full", severity="warning")
        await settle(pilot)
        assert "Over time" in screen_text(app)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "Over time" not in text and "the disk is full" in text


async def test_presenter_mode_shows_the_room_no_passing_notice_but_still_a_warning(workshop_id: str, make_app) -> None:
    """A tester saw "Phones can join at http://…" drawn over the projected slide: a notice for the facilitator."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        app.notify("Phones can join at http://127.0.0.1:1/ABCDE", title="Phones")
        app.notify("Could not save: the disk is full", severity="warning")
        await settle(pilot)
        text = screen_text(app)
        assert "Phones can join" not in text and "the disk is full" in text


async def test_presenter_mode_reveals_and_hides_with_r_but_takes_no_answers(workshop_id: str, make_app) -> None:
    # A mirrored projector: the facilitator stays in F5, where leaving would put the notes on the wall.
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await console_at(pilot, MANDATE)
        for participant, value in zip(app.workshop.info.present, ("yes", "no", "no")):
            app.workshop.records.set_answer(participant.id, MANDATE, value)
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        assert "Reveal this step's results to the room, or hide them again" in dict(
            (what, keys) for keys, what in key_table(presenter)
        )
        await pilot.press("r")
        await settle(pilot)
        assert MANDATE in app.workshop.state.revealed and "█" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert MANDATE not in app.workshop.state.revealed and "█" not in screen_text(app)
        await pilot.press("y", "n", "d")  # no cursor on the wall: answer keys do nothing here
        await settle(pilot)
        assert [app.workshop.records.answer(p.id, MANDATE).value for p in app.workshop.info.present] == [
            "yes",
            "no",
            "no",
        ]
        await pilot.press("right", "right")  # the break, a teach step: nothing to reveal, and help does not offer it
        await settle(pilot)
        assert app.workshop.flow.current.key == "basics/break"
        before = app.workshop.state.revealed
        await pilot.press("r")
        await settle(pilot)
        assert app.workshop.state.revealed == before
        assert "Reveal this step's results to the room, or hide them again" not in dict(
            (what, keys) for keys, what in key_table(presenter)
        )


HOSTILE_NAME = "[bold red]Mallory[/bold red]"
HOSTILE_COMMENT = "[link=x]y[/link]\x1b[31m"


async def test_hostile_names_comments_and_lines_are_shown_as_typed(store: Store, fixture_program: Program, make_app) -> None:
    info = store.create_workshop(
        name="Hostile",
        organisation="Org",
        date="2026-09-21",
        participants=[(HOSTILE_NAME, ""), ("שלום 🙂", "")],
        sources=fixture_program.sources,
    )
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        mallory = app.workshop.info.present[0]
        app.workshop.records.set_answer(mallory.id, MANDATE, "yes", comment=HOSTILE_COMMENT)
        app.workshop.toggle("revealed", MANDATE)
        console.show_room()
        await settle(pilot)
        text = screen_text(app)
        assert one_line(HOSTILE_NAME, NAME_WIDTH) in text and "שלום 🙂" in text  # literally, cut to the column
        table = console.query_one(QuestionTable)  # the comment is cut to the room the other columns leave
        assert table.get_cell(mallory.id, "comment").plain == one_line("[link=x]y[/link]␛[31m", table.comment_width())
        assert table.get_cell(mallory.id, "who").plain == one_line(HOSTILE_NAME, NAME_WIDTH)
        await console.jump_to(ROLE)
        await settle(pilot)
        app.workshop.records.put_role_line("[b]Own[/b] the \x1b]8;;https://evil\x07 NPS\x00")
        await settle(pilot)
        assert "[b]Own[/b] the ␛]8;;https://evil␇ NPS␀" in screen_text(app)
        await console.jump_to(RATE)
        await settle(pilot)
        grid = console.query_one(AnswerGrid)
        headers = [str(column.label) for column in grid.columns.values()]
        assert headers[1].splitlines()[0].strip() == "[bold"  # the first name (up to a space), literally


@pytest.mark.parametrize("size", [pytest.param((120, 40), id="120x40")])
def test_snapshot_rate_grid_revealed(size, workshop_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await console_at(pilot, RATE)
        live = pilot.app.workshop.records
        items = [item.id for item in pilot.app.workshop.program.item_list("aptitudes").items]
        values = ["strong", "mixed", "weak", "dont-know"]
        for n, participant in enumerate(live.info.present):
            for m, item in enumerate(items):
                live.set_answer(participant.id, RATE, values[(n + m) % 4], item=item, perspective="self")
                live.set_answer(participant.id, RATE, values[(n + 2 * m) % 3], item=item, perspective="team")
        pilot.app.workshop.toggle("revealed", RATE)
        assert await pilot.app.flush()
        await settle(pilot)  # the changes' notifications are shown before the facilitator presses a
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_snapshot_question_with_its_tally(size, workshop_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        console = await console_at(pilot, MANDATE)
        live = pilot.app.workshop.records
        for participant, value in zip(live.info.present, ("yes", "partly", "no")):
            live.set_answer(participant.id, MANDATE, value, comment=f"{participant.display_name} says {value}")
        pilot.app.workshop.toggle("revealed", MANDATE)
        assert await pilot.app.flush()
        console.show_room()
        if size == (80, 24):  # the room's view of it
            await pilot.press("f5")
            await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=workshop_id), terminal_size=size, run_before=ready)


async def test_escape_leaves_the_answers_and_never_the_workshop(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)
        await pilot.press("a")
        assert isinstance(app.focused, QuestionTable)
        await pilot.press("escape")
        assert app.screen is console and app.focused is console.query_one("#step-body")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is console and app.workshop is not None  # ctrl+w leaves, never Esc


async def test_a_console_that_stopped_while_blanked_does_not_leave_the_wall_black(
    workshop_id: str, make_app, store: Store
) -> None:
    files = store.open(workshop_id)
    files.update_state(lambda state: state.__class__(step_key=MANDATE, blank=True, private_entry=True))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert await app.flush()
        stored_state = Store(store.data_dir).open(workshop_id).state()
        assert (stored_state.step_key, stored_state.blank, stored_state.private_entry) == (MANDATE, False, False)
        await settle(pilot)
        assert app.workshop.save_status.label == "saved"


async def test_a_step_answered_and_then_jumped_away_from_shows_done_in_the_agenda(
    workshop_id: str, make_app, store: Store
) -> None:
    from bootcamp.ui.widgets.agenda import DONE, Agenda

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, MANDATE)  # reached by g, as a facilitator jumps to it
        await pilot.press("a", "y")
        await console.jump_to(ROLE)  # and g away from it once the room answered
        await settle(pilot)
        assert app.workshop.flow.is_done(MANDATE)
        agenda = app.screen.query_one(Agenda)
        assert str(agenda._step_nodes[MANDATE].label).startswith(f"{DONE} ")
        await console.jump_to(RATE)  # a step jumped away from with no answer is not done
        await settle(pilot)
        assert not app.workshop.flow.is_done(ROLE)
    assert MANDATE in Store(store.data_dir).open(workshop_id).state().done


async def test_the_who_column_tells_apart_people_whose_names_cut_alike(
    store: Store, fixture_program: Program, make_app
) -> None:
    """In a 40-person room two rows read "Mohammed Al-R…" and two "Ana Ortiz": a key typed for one of them could
    go to the other. Two of one name are told apart by their role, two names cut alike by their ends."""
    room = [("Mohammed Al-Rashid", ""), ("Mohammed Al-Rashidi", ""), ("Ana Ortiz", "CEO"), ("Ana Ortiz", "Sales")]
    info = store.create_workshop(
        name="Offsite", organisation="Fabrikam", date="2026-09-21", participants=room, sources=fixture_program.sources
    )
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        table = app.screen.query_one(QuestionTable)
        who = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert len(set(who)) == len(room), who
        assert all(len(name) <= NAME_WIDTH for name in who)
        assert who[2].startswith("Ana Ortiz (C") and who[3].startswith("Ana Ortiz (S")

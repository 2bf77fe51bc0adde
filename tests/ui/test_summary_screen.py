"""The summary screen: opened from the console (following the room) and from home (read from disk),
its pages and keys, the projector theme, participant text shown as typed, and writing the files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import OptionList, TabbedContent
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.summary import PAGE_IDS, SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.theme import CONSOLE_THEME, PROJECTOR_THEME
from bootcamp.ui.widgets.report.next_steps import DimensionDetail

MANDATE = "basics/mandate"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def open_summary_from_console(pilot) -> SummaryScreen:
    await wait_for_screen(pilot, WorkshopScreen)
    await pilot.press("f4")
    return await wait_for_screen(pilot, SummaryScreen)  # type: ignore[return-value]


def page(screen: SummaryScreen) -> str:
    return screen.query_one(TabbedContent).active


async def test_f4_opens_the_summary_of_the_open_workshop_and_it_follows_the_room(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary_from_console(pilot)
        assert screen.report is not None and screen.report.overall.score is None
        text = screen_text(app)
        assert "Commitment test" in text and "Spring boot camp" in text and "● live" in text
        assert "Not measured yet" in text
        assert "not measured: the workshop was never started" in text  # never drawn as 0, nor said to be asked
        assert "asked, but no scored answer" not in text

        assert app.workshop is not None
        people = [p.id for p in app.workshop.info.participants]
        app.workshop.records.set_answer(people[0], MANDATE, "yes")
        app.workshop.records.set_answer(people[1], MANDATE, "partly")
        await wait_until(pilot, lambda: screen.report is not None and screen.report.overall.answered == 2)
        await settle(pilot)
        assert screen.report.overall.score == 75
        text = screen_text(app)
        assert "Lip service" in text and " 75 " in text  # the bar's figure, beside the level it decides

        app.workshop.records.set_answer(people[2], MANDATE, "dont-know")
        await wait_until(pilot, lambda: screen.report.overall.answered == 3)
        await settle(pilot)
        assert "!33%" in screen_text(app)  # a third said "don't know": a finding of its own

        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)


async def test_pages_switch_by_number_arrow_and_clicker_keys(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_summary_from_console(pilot)
        assert page(screen) == "overview"
        await pilot.press("2")
        assert page(screen) == "next-steps"
        assert isinstance(app.focused, OptionList)  # ↑ ↓ choose a dimension at once
        await pilot.press("pagedown")
        assert page(screen) == "aptitudes"
        await pilot.press("right")
        assert page(screen) == "competencies"
        await pilot.press("left", "pageup")
        assert page(screen) == "next-steps"
        await pilot.press("7")
        assert page(screen) == "coverage"
        await pilot.press("pagedown")
        assert page(screen) == "notes"
        await pilot.press("pagedown")
        assert page(screen) == "overview"  # round again
        for number, expected in enumerate(PAGE_IDS, 1):
            await pilot.press(str(number))
            assert page(screen) == expected
            await settle(pilot)
            assert "Traceback" not in screen_text(app)


async def test_next_steps_show_the_chosen_dimension_with_what_to_ask_and_do(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        people = [p.id for p in app.workshop.info.participants]
        app.workshop.records.set_answer(people[0], MANDATE, "no", comment="Each VP runs their own plan.")
        app.workshop.records.set_answer(people[1], MANDATE, "", comment="No answer, but: budgets are per silo")
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        assert screen.report is not None and screen.report.unmatched_answers == 0
        await pilot.press("2")
        await settle(pilot)
        detail = screen.query_one(DimensionDetail)
        assert detail.dimension_id == "mandate"  # measured, and the weakest: first
        text = screen_text(app)
        assert "Mandate" in text and "0/100 · Lip service" in text
        assert "Ask next" in text and "Who decides when two leaders disagree about a customer priority?" in text
        assert "Do next" in text and "Name one accountable leader and have the CEO say so in public." in text
        assert "“Each VP runs their own plan.” — Ana Ortiz, No" in text
        assert "“No answer, but: budgets are per silo” — Ben Okafor\n" in text  # a comment alone: no score, no label
        assert "1 answered" in text
        await pilot.press("down")
        await settle(pilot)
        assert detail.dimension_id == "structure"
        # The console never left its first step nor ran a timer: no walk to measure the role check against.
        assert "not measured: not run on the console" in screen_text(app)


async def test_p_toggles_the_projector_theme_and_closing_restores_the_console_theme(workshop_id: str, make_app) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary_from_console(pilot)
        assert app.theme == CONSOLE_THEME
        await pilot.press("p")
        assert app.theme == PROJECTOR_THEME
        await pilot.press("p")
        assert app.theme == CONSOLE_THEME
        await pilot.press("p", "escape")
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.theme == CONSOLE_THEME


async def test_summary_key_is_in_help_and_the_palette(workshop_id: str, make_app) -> None:
    from bootcamp.ui.commands import screen_actions

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        found = {action.title: action.keys for action in screen_actions(console)}
        assert found["The commitment-test summary, updated as answers arrive"] == ("f4",)
        await pilot.press("f4")
        summary = await wait_for_screen(pilot, SummaryScreen)
        titles = {action.title for action in screen_actions(summary)}
        assert {
            "Write the summary as Markdown and printable HTML into the exports folder",
            "Page 3: the aptitude heat map",
        } <= titles
        await pilot.press("question_mark")
        await settle(pilot)
        assert "High-contrast colours, for a projector, on or off" in screen_text(app)


async def test_home_opens_the_saved_summary_of_the_selected_workshop(
    store: Store, fixture_program: Program, make_app
) -> None:
    info = new_workshop(store, fixture_program)
    files = store.open(info.id)
    files.save_answer(_answer(info.participants[0].id, "yes"))
    app: BootcampApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("s")
        screen = await wait_for_screen(pilot, SummaryScreen)
        assert screen.workshop is None and screen.report is not None
        assert screen.report.overall.score == 100
        text = screen_text(app)
        assert "saved answers" in text and "Hard-wired" in text
        assert screen.report.as_of == "2026-09-21"  # the clock's day decides what is overdue
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)


async def test_home_says_plainly_when_a_workshop_file_cannot_be_read(
    store: Store, fixture_program: Program, make_app, data_dir: Path
) -> None:
    info = new_workshop(store, fixture_program)
    store.open(info.id).save_answer(_answer(info.participants[0].id, "yes"))
    broken = next(path for path in data_dir.rglob("*.json") if path.parent.name == "answers")
    broken.write_text("{ not json")
    app: BootcampApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [message] = [n for n in app._notifications if n.title == "Could not read the summary"]
        assert message.message.startswith("cannot read ") and str(broken) in message.message
        assert "Traceback" not in message.message


def _answer(participant_id: str, value: str):
    from bootcamp.store.model import Answer

    return Answer(participant_id, MANDATE, value=value)


async def test_e_writes_markdown_and_html_into_the_exports_folder_of_the_data_folder(
    workshop_id: str, make_app, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not into the folder the app was started from (a git checkout, say): into ``<data folder>/exports``,
    made 0700, and the notification gives each file's full path."""
    started_from = tmp_path / "checkout"
    started_from.mkdir()
    monkeypatch.chdir(started_from)
    monkeypatch.delenv("BOOTCAMP_EXPORT_DIR", raising=False)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summary_from_console(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: any(n.title == "Summary written" for n in app._notifications), "written")
        out = data_dir / "exports"
        names = sorted(path.name for path in out.iterdir())
        assert names == [
            f"commitment-test-spring-boot-camp-{workshop_id}.html",
            f"commitment-test-spring-boot-camp-{workshop_id}.md",
        ]
        assert list(started_from.iterdir()) == []
        assert out.stat().st_mode & 0o777 == 0o700
        assert (out / names[1]).read_text().startswith("# Commitment test: Spring boot camp")
        assert "<html" in (out / names[0]).read_text()
        [message] = [n for n in app._notifications if n.title == "Summary written"]
        assert sorted(message.message.splitlines()) == [str(out / names[0]), str(out / names[1])]


async def test_bootcamp_export_dir_chooses_another_folder(
    workshop_id: str, make_app, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "shared" / "summaries"  # its parents are made too
    monkeypatch.setenv("BOOTCAMP_EXPORT_DIR", str(chosen))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summary_from_console(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: any(n.title == "Summary written" for n in app._notifications), "written")
        assert len(list(chosen.iterdir())) == 2
        assert not (data_dir / "exports").exists()
        [message] = [n for n in app._notifications if n.title == "Summary written"]
        assert all(line.startswith(str(chosen) + "/") for line in message.message.splitlines())


async def test_e_says_so_when_the_folder_cannot_be_written(
    workshop_id: str, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"  # $BOOTCAMP_EXPORT_DIR names a file, not a folder
    blocked.write_text("")
    monkeypatch.setenv("BOOTCAMP_EXPORT_DIR", str(blocked / "exports"))
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary_from_console(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: any(n.title == "Summary not written" for n in app._notifications), "told")
        [message] = [n for n in app._notifications if n.title == "Summary not written"]
        assert message.message == f"Could not write the summary into {blocked / 'exports'}: Not a directory."
        assert message.severity == "error"
        assert isinstance(app.screen, SummaryScreen)


HOSTILE_PEOPLE = [
    ("[bold red]Ana[/]", "[i]CEO"),
    ("\x1b[31mBen", "Sales"),
    ("[link=https://evil.example]Chloe[/link]", ""),
]


async def test_participant_text_is_shown_as_typed_on_every_page(
    store: Store, fixture_program: Program, make_app
) -> None:
    from bootcamp.store.model import Action

    info = store.create_workshop(
        name="[blink]Spring[/]",
        organisation="\x1b]8;;http://evil.example\x07Acme",
        date="2026-09-21",
        participants=HOSTILE_PEOPLE,
        agenda="full",
        anonymous=False,
        sources=fixture_program.sources,
    )
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        live = app.workshop.records
        people = [p.id for p in app.workshop.info.participants]
        live.set_answer(people[0], MANDATE, "no", comment="[bold]loud[/bold] \x1b[2J")
        for person in people:
            live.set_answer(person, "basics/rate-aptitudes", "strong", item="persist", perspective="self")
        live.put_role_line("[red]Carry a quota[/red]", decision="tactical")
        live.put_action(Action("", "[b]Fix[/b] \x1b[5mnow", owner="[link=https://evil.example]Ben[/link]"))
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        seen: dict[str, str] = {}
        for number, page_id in enumerate(PAGE_IDS, 1):
            await pilot.press(str(number))
            await settle(pilot)
            seen[page_id] = screen_text(app)
            assert "\x1b" not in seen[page_id]
        assert page(screen) == "notes"
        assert "[blink]Spring[/]" in seen["overview"] and "␛]8;;http://evil.example␇Acme" in seen["overview"]
        assert "“[bold]loud[/bold] ␛[2J” — [bold red]Ana[/], No" in seen["next-steps"]
        names = seen["aptitudes"]
        assert (
            "[bold red]Ana[/]" in names and "␛[31mBen" in names and "[link=https://evil.example]Chloe[/link]" in names
        )
        assert "[red]Carry a quota[/red]" in seen["role"]
        assert "[b]Fix[/b] ␛[5mnow" in seen["actions"] and "[link=https://evil.example]Ben[/link]" in seen["actions"]
        assert "[i]CEO" in seen["coverage"] and "␛[31mBen" in seen["coverage"]
        assert "[bold]loud[/bold] ␛[2J" in seen["notes"] and "[bold red]Ana[/]" in seen["notes"]


async def test_an_anonymous_workshops_pages_tie_no_comment_to_a_seat_and_no_seat_to_a_role(
    store: Store, fixture_program: Program, make_app
) -> None:
    info = store.create_workshop(
        name="Anon day",
        organisation="Initech",
        date="2026-09-21",
        participants=[("", "CFO"), ("", "CEO"), ("", "COO")],
        agenda="full",
        anonymous=True,
        sources=fixture_program.sources,
    )
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        live = app.workshop.records
        people = [p.id for p in app.workshop.info.participants]
        live.set_answer(people[0], MANDATE, "yes", comment="The CEO decides everything herself")
        live.set_answer(people[1], MANDATE, "no", comment="Nobody owns it")
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        seen: dict[str, str] = {}
        for number, page_id in enumerate(PAGE_IDS, 1):
            await pilot.press(str(number))
            await settle(pilot)
            seen[page_id] = screen_text(app)
        assert page(screen) == "notes"
        assert "“Nobody owns it” — No" in seen["next-steps"] and "“The CEO decides everything herself” — Yes" in seen[
            "next-steps"
        ]
        assert "P2" not in seen["next-steps"] and "secret ballot" not in seen["next-steps"]
        coverage = seen["coverage"]
        assert "P1" in coverage and "P2" in coverage  # who answered how much, by seat
        assert "Roles in the room (not tied to a seat):\n• CEO (1)\n• CFO (1)\n• COO (1)\n" in coverage
        for line in coverage.splitlines():
            if "P1" in line or "P2" in line or "P3" in line:
                assert not any(role in line for role in ("CFO", "CEO", "COO")), line


async def test_two_people_of_one_name_are_told_apart_on_the_console(
    store: Store, fixture_program: Program, make_app
) -> None:
    info = store.create_workshop(
        name="Twins day",
        organisation="Initech",
        date="2026-09-21",
        participants=[("Sam Lee", "CFO"), ("Sam Lee", "CTO"), ("Kim", "")],
        agenda="full",
        anonymous=False,
        sources=fixture_program.sources,
    )
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        live = app.workshop.records
        people = [p.id for p in app.workshop.info.participants]
        live.set_answer(people[0], MANDATE, "yes", comment="Finance says we have a mandate")
        live.set_answer(people[1], MANDATE, "no", comment="IT says nobody has a mandate")
        for person in people:
            live.set_answer(person, "basics/rate-aptitudes", "strong", item="persist", perspective="self")
        await pilot.press("f4")
        await wait_for_screen(pilot, SummaryScreen)
        seen: dict[str, str] = {}
        for number, page_id in enumerate(PAGE_IDS, 1):
            await pilot.press(str(number))
            await settle(pilot)
            seen[page_id] = screen_text(app)
        assert "“IT says nobody has a mandate” — Sam Lee (CTO), No" in seen["next-steps"]
        assert "1 Sam Lee (CFO) · 2 Sam Lee (CTO) · 3 Kim" in seen["aptitudes"]
        assert "Sam Lee (CTO)" in seen["notes"]


def detail_lines(detail: DimensionDetail) -> list[str]:
    """The chosen dimension as the console draws it, line by line, at the width it has."""
    from rich.console import Console

    console = Console(width=detail.size.width, record=True, color_system=None)
    assert detail.report is not None
    console.print(detail.render())
    return [row.rstrip() for row in console.export_text().splitlines()]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_next_steps_keep_an_unmeasured_dimensions_title_whole(workshop_id: str, make_app, size) -> None:
    """The verdict gives way to the title: "  not measured: not run on the console; no answe" had lost its name."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        people = [p.id for p in app.workshop.info.participants]
        app.workshop.records.set_answer(people[0], MANDATE, "no")
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        detail = screen.query_one(DimensionDetail)
        assert detail.dimension_id == "structure"
        lines = detail_lines(detail)
        assert lines[0].startswith("Structure")
        verdict = " ".join(row.strip() for row in lines[:3])
        assert "not measured: not run on the console; no answers came for it" in verdict


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_next_steps_say_a_dimension_the_room_agrees_on_looks_real_with_no_fix(
    workshop_id: str, make_app, size
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        for person in app.workshop.info.participants:
            app.workshop.records.set_answer(person.id, MANDATE, "yes")
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("2")
        await settle(pilot)
        detail = screen.query_one(DimensionDetail)
        assert detail.dimension_id == "mandate"
        text = "\n".join(detail_lines(detail))
        assert "Looks real" in text and "In place" in text
        assert "Do next" not in text and "Name one accountable leader" not in text
        assert "Mandate" in screen.query_one("#dimension-list", OptionList).get_option_at_index(0).prompt.plain


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_overview_claims_no_agreement_when_every_answer_is_dont_know(workshop_id: str, make_app, size) -> None:
    from bootcamp.ui.widgets.report.findings import Findings

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.workshop is not None
        for person in app.workshop.info.participants:
            app.workshop.records.set_answer(person.id, MANDATE, "dont-know")
        await pilot.press("f4")
        screen = await wait_for_screen(pilot, SummaryScreen)
        await settle(pilot)
        from rich.console import Console

        findings = screen.query_one(Findings)
        console = Console(width=200, record=True, color_system=None)
        console.print(findings.render())
        text = console.export_text()
        assert "No commitment question has a scored answer, so whether the room agrees cannot be told." in text
        assert "none has 30%" not in text and "nobody knows: 100%" in text


@pytest.mark.parametrize("size", [(120, 40), (100, 30)], ids=["120x40", "100x30"])
async def test_the_actions_page_says_the_day_each_action_was_done_and_if_late(
    size, store: Store, fixture_program: Program, make_app
) -> None:
    """Before: a CCO back weeks later, who marked actions done in the actions view (D, the day it happened), read
    "done" on the summary's Actions page for each, the day kept but not shown, on time or three weeks late alike.
    Then "21 days late" wrapped under the day with its comma left at the end of the line above ("done 2026-11-18,"):
    the lateness is now a line of its own under the day, at any width."""
    workshop = new_workshop(store, fixture_program).id
    actions = (
        Action("a1", "Name the accountable leader", "Ana", "2026-10-28", ActionStatus.DONE, status_at="2026-11-18"),
        Action("a2", "Draft a shared churn metric", "Ben", "2026-12-01", ActionStatus.DONE, status_at="2026-11-20"),
        Action("a3", "Book the CEO", "Chloe", "2026-10-01", ActionStatus.DROPPED, status_at="2026-11-02"),
        Action("a4", "Send the scorecard to the board", "Ana", "2026-10-01", ActionStatus.DONE),  # no day kept
    )
    store.open(workshop).update_room(lambda room: dataclasses.replace(room, actions=actions))
    app: BootcampApp = make_app(open_workshop=workshop)
    async with app.run_test(size=size) as pilot:
        await open_summary_from_console(pilot)
        await pilot.press(str(PAGE_IDS.index("actions") + 1))
        await settle(pilot)
        lines = screen_text(app).splitlines()
    rows = {line.split("  ")[0]: line for line in lines}  # cells end where they meet
    late = next(number for number, line in enumerate(lines) if line.startswith("Name the accountable leader"))
    day = lines[late].index("done 2026-11-18")
    assert not lines[late][day + len("done 2026-11-18") :].startswith(","), lines[late]  # no comma left dangling
    assert lines[late + 1].strip() == "21 days late", lines[late : late + 2]  # on the line under the day, whole
    assert "2026-12-01done 2026-11-20" in rows["Draft a shared churn metric"]
    assert "2026-10-01dropped 2026-11-02" in rows["Book the CEO"]  # dropped is not late
    assert "2026-10-01done    " in rows["Send the scorecard to the board"]  # no day kept: none invented
    # Only the late one has a line of lateness under it.
    assert [line.strip() for line in lines if "late" in line and "actions" not in line] == ["21 days late"], lines
    # the count above the table: the one done with no day kept is done, counted neither late nor on time
    assert any(line.startswith("4 actions · 0 overdue") and line.endswith(" · 3 done (1 of them late) · 1 dropped")
               for line in lines), lines

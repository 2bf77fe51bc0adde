"""The summary's Progress page (only when an earlier run of the same organisation is stored; it follows the
room like the other pages) and running the test again from home."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, RadioSet, Static, TabbedContent, TextArea
from ui_helpers import FIXTURE_CONTENT, ROOM, new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.content import Program, read_sources
from bootcamp.store import Store
from bootcamp.store.model import Action, ActionStatus, Answer, RoomRecords
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.commands import screen_actions
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.new_workshop import NewWorkshopScreen
from bootcamp.ui.screens.summary import PROGRESS, SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.report.progress import ProgressView, shortened_run_name

MANDATE = "basics/mandate"
RATE = "basics/rate-aptitudes"
ROLE = "basics/role"


def earlier_run(store: Store, sources: dict[str, str], *, organisation: str = "Northwind Insurance") -> str:
    """Six months before the fixture workshop: everyone answered "no" to the mandate question (0),
    and agreed two actions, one done since and one overdue by now."""
    info = store.create_workshop(
        name="Spring boot camp",
        organisation=organisation,
        date="2026-03-01",
        participants=list(ROOM),
        sources=sources,
    )
    files = store.open(info.id)
    for person in info.participants:
        files.save_answer(Answer(person.id, MANDATE, value="no"))
    actions = (
        Action("a1", "Name the accountable leader", owner="Ana Ortiz", due="2026-04-01"),
        Action("a2", "Book the CEO for the kick-off", owner="Ben Okafor", due="2026-03-15", status=ActionStatus.DONE),
    )
    files.update_room(lambda room: RoomRecords(actions=actions))
    return info.id


async def open_summary(pilot) -> SummaryScreen:
    await wait_for_screen(pilot, WorkshopScreen)
    await pilot.press("f4")
    screen = await wait_for_screen(pilot, SummaryScreen)
    await settle(pilot)
    return screen  # type: ignore[return-value]


async def on_progress_page(pilot) -> SummaryScreen:
    """The summary on its Progress page (9), whether or not it found a run to compare with."""
    screen = await open_summary(pilot)
    await wait_until(pilot, lambda: PROGRESS in screen._pages(), "the Progress page")
    await pilot.press("9")
    await settle(pilot)
    return screen


async def open_progress(pilot) -> tuple[SummaryScreen, ProgressView]:
    """The summary on its Progress page (9), once the comparison is read."""
    screen = await on_progress_page(pilot)
    view = screen.query_one(ProgressView)
    await wait_until(pilot, lambda: view.comparison is not None, "the comparison")
    await settle(pilot)
    return screen, view


async def test_no_progress_page_without_an_earlier_run(store: Store, fixture_program: Program, make_app) -> None:
    later = new_workshop(store, fixture_program).id
    earlier_run(store, fixture_program.sources, organisation="Globex")  # another organisation's run
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(pilot)
        assert PROGRESS not in screen._pages() and not screen.query(ProgressView)
        assert "Progress" not in screen_text(app)
        assert "Page 9: progress since the earlier run" not in {a.title for a in screen_actions(screen)}
        await pilot.press("9")
        assert screen.query_one(TabbedContent).active == "overview"


async def test_the_progress_page_compares_with_the_earlier_run_and_follows_the_room(
    store: Store, fixture_program: Program, make_app
) -> None:
    later = new_workshop(store, fixture_program).id
    earlier_run(store, fixture_program.sources)
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(pilot)
        await wait_until(pilot, lambda: PROGRESS in screen._pages(), "the Progress page")
        assert "Page 9: progress since the earlier run" in {a.title for a in screen_actions(screen)}
        await pilot.press("9")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == PROGRESS
        text = screen_text(app)
        assert "Progress" in text and "Since 2026-03-01 (about 7 months apart): Spring boot camp" in text
        assert "0 → –" in text and "earlier only" in text  # nobody has answered today yet: never drawn as 0
        assert "overdue" in text and "Name the accountable leader" in text
        assert "2 actions from the earlier run: 1 done, 1 overdue." in text

        assert app.workshop is not None
        for person in app.workshop.info.participants:
            app.workshop.records.set_answer(person.id, MANDATE, "yes")
        view = screen.query_one(ProgressView)
        await wait_until(pilot, lambda: view.comparison is not None and view.comparison.overall.change == 100)
        await settle(pilot)
        text = screen_text(app)
        assert "0 → 100" in text and "+100" in text and "↑ Hard-wired" in text
        said = " ".join(text.split())
        assert "Like for like, on the 1 dimension measured both times: 0 → 100 (+100)" in said, said


async def test_the_headline_is_like_for_like_when_the_runs_measured_different_dimensions(
    store: Store, fixture_program: Program, make_app
) -> None:
    """The earlier run scored the mandate 100 and the structure 0 (overall 50); today only the mandate is answered,
    "partly" (50). The page read "Overall 50 → 50 ±0" though the one dimension measured both times fell by 50."""
    later = new_workshop(store, fixture_program).id
    earlier = store.open(earlier_run(store, fixture_program.sources))
    for person in earlier.info().participants:
        earlier.save_answer(Answer(person.id, MANDATE, value="yes"))
        earlier.save_answer(Answer(person.id, ROLE, item="reports-to-ceo", value="no"))
    now = store.open(later)
    for person in now.info().participants:
        now.save_answer(Answer(person.id, MANDATE, value="partly"))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, view = await open_progress(pilot)
        text = " ".join(screen_text(app).split())
    assert re.search("Like for like, 1 dimension: 100 → 50 ?−50", text), text  # (the SVG drops a styled space)
    assert "Overall 50 → 50, not compared: the runs measured different dimensions (2 and 1, 1 in common)" in text
    assert "±0" not in text


async def test_structure_and_ratings_neither_run_gave_are_said_so(store: Store, fixture_program: Program, make_app) -> None:
    """Neither run answered a structure question: the page said "No structural gap in either run"."""
    later = new_workshop(store, fixture_program).id
    earlier_run(store, fixture_program.sources)
    now = store.open(later)
    for person in now.info().participants:
        now.save_answer(Answer(person.id, MANDATE, value="yes"))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 60)) as pilot:
        screen, view = await open_progress(pilot)
        text = " ".join(screen_text(app).split())
    assert "Structure was not assessed in either run (no structure question has a scored answer)" in text, text
    assert "No structural gap" not in text
    # Neither run rated the aptitudes: one sentence, not a row of dashes per aptitude.
    assert "Neither run rated them (Rate the aptitudes has no rating in either run)." in text
    assert "– → –" not in text.split("Two aptitudes")[-1]


async def test_a_run_that_follows_another_organisations_run_is_not_called_progress(
    store: Store, fixture_program: Program, make_app
) -> None:
    later = new_workshop(store, fixture_program).id
    other = earlier_run(store, fixture_program.sources, organisation="Globex")
    store.open(later).update_info(lambda info: dataclasses.replace(info, follows=other))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await open_progress(pilot)
        text = " ".join(screen_text(app).split())
    assert "Comparison across organisations, not progress: Globex → Northwind Insurance" in text, text


async def test_a_rating_moves_on_its_own_scale_as_bootcamp_compare_says_it(
    store: Store, fixture_program: Program, make_app
) -> None:
    """A CCO read "0.4 → 0.8 (+22)" beside averages on a 0–2 scale: the change is said on that scale."""
    later = new_workshop(store, fixture_program).id
    earlier = store.open(earlier_run(store, fixture_program.sources))
    for person in earlier.info().participants:
        earlier.save_answer(Answer(person.id, RATE, item="persist", perspective="self", value="weak"))
    now = store.open(later)
    for person in now.info().participants:
        now.save_answer(Answer(person.id, RATE, item="persist", perspective="self", value="mixed"))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await open_progress(pilot)
        text = screen_text(app)
        assert "self 0 → 1 +1" in text and "+100" not in text, text
        # the scale the averages are on, as the comparison's files say it ("on Strength, mixed or weakness (0 to 2)")
        assert "on Strength or weakness (0 to 2): the change on the same scale." in text, text


async def test_pages_turn_through_progress_and_back_round(store: Store, fixture_program: Program, make_app) -> None:
    later = new_workshop(store, fixture_program).id
    earlier_run(store, fixture_program.sources)
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_summary(pilot)
        await wait_until(pilot, lambda: PROGRESS in screen._pages(), "the Progress page")
        await pilot.press("8", "right")
        assert screen.query_one(TabbedContent).active == PROGRESS
        await pilot.press("right")
        assert screen.query_one(TabbedContent).active == "overview"
        await pilot.press("left")
        assert screen.query_one(TabbedContent).active == PROGRESS


async def test_saved_summary_from_home_has_the_progress_page_too(
    store: Store, fixture_program: Program, make_app
) -> None:
    new_workshop(store, fixture_program)
    earlier_run(store, fixture_program.sources)
    app: BootcampApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("s")  # the newest workshop is selected first
        screen = await wait_for_screen(pilot, SummaryScreen)
        await settle(pilot)
        await wait_until(pilot, lambda: PROGRESS in screen._pages(), "the Progress page")
        await pilot.press("9")
        await settle(pilot)
        assert "saved answers" in screen_text(app) and "Since 2026-03-01" in screen_text(app)


async def test_an_earlier_run_of_other_content_says_why_there_is_no_comparison(
    store: Store, fixture_program: Program, make_app, tmp_path: Path
) -> None:
    other = tmp_path / "other-content"
    shutil.copytree(FIXTURE_CONTENT, other)
    for path in other.rglob("*.yaml"):
        text = path.read_text().replace("mandate", "direction").replace("dimension: structure", "dimension: backing")
        path.write_text(text.replace("{id: structure, title: Structure", "{id: backing, title: Backing"))
    later = new_workshop(store, fixture_program).id
    earlier_run(store, read_sources(other))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_progress_page(pilot)
        assert "have no commitment dimension in common" in screen_text(app)


@pytest.mark.parametrize("anonymous", [False, True])
async def test_home_runs_the_test_again_through_the_filled_in_form(
    anonymous: bool, store: Store, fixture_program: Program, make_app
) -> None:
    earlier = store.create_workshop(
        name="Spring boot camp",
        organisation="Northwind Insurance",
        date="2026-03-01",
        participants=list(ROOM),
        agenda="half",
        anonymous=anonymous,
        sources=fixture_program.sources,
    )
    app: BootcampApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        assert "Run the test again" in {a.title.split(":")[0] for a in screen_actions(home)}
        await pilot.press("a")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        assert form.query_one("#name", Input).value == "Spring boot camp \u2014 run 2"  # told apart from run 1
        assert form.query_one("#organisation", Input).value == "Northwind Insurance"
        date = form.query_one("#date", Input)
        assert date.value == "" and date.placeholder == "YYYY-MM-DD, e.g. 2026-09-21"  # asked, not assumed
        names = ("P1", "P2", "P3") if anonymous else ("Ana Ortiz", "Ben Okafor", "Chloe Martin")
        roster = "\n".join(f"{name} ({role})" for name, (_, role) in zip(names, ROOM, strict=True))
        assert form.query_one("#participants", TextArea).text == roster
        assert form.query_one("#agenda", RadioSet).pressed_index == 1  # the half day, as before
        assert form.query_one("#anonymity", RadioSet).pressed_index == (1 if anonymous else 0)
        assert "Run the test again" in screen_text(app)
        await pilot.press("ctrl+s")  # the facilitator confirms, forgetting the date
        await settle(pilot)
        problem = form.query_one("#date-problem", Static)
        assert app.screen is form and problem.display and problem.region.bottom <= 24  # under the field, on screen
        assert str(problem.content) == "the date is empty: type the day of this workshop as YYYY-MM-DD"
        assert form.query_one("#create").region.bottom <= 24 and len(store.list_workshops()) == 1
        date.value = "2026-09-28"
        await pilot.press("ctrl+s")
        screen = await wait_for_screen(pilot, WorkshopScreen)
        info = screen.workshop.info
    assert info.id != earlier.id and (info.organisation, info.agenda, info.anonymous) == (
        "Northwind Insurance",
        "half",
        anonymous,
    )
    assert (info.name, info.date, info.follows) == ("Spring boot camp \u2014 run 2", "2026-09-28", earlier.id)
    assert [(p.name, p.role) for p in info.participants] == [
        (p.name, p.role) for p in earlier.participants
    ]


async def test_escape_leaves_the_next_run_uncreated(store: Store, fixture_program: Program, make_app) -> None:
    new_workshop(store, fixture_program)
    app: BootcampApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, NewWorkshopScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
    assert len(store.list_workshops()) == 1


async def test_typed_text_on_the_progress_page_is_shown_as_typed(
    store: Store, fixture_program: Program, make_app
) -> None:
    later = new_workshop(store, fixture_program).id
    files = store.open(earlier_run(store, fixture_program.sources))
    hostile = Action("a9", "[bold red]Fix[/] \x1b[31mnow", owner="[link=http://x]Ana[/link]", due="2026-04-01")
    files.update_room(lambda room: RoomRecords(actions=(hostile,)))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_progress_page(pilot)
        text = screen_text(app)
        assert "[bold red]Fix[/] \u241b[31mnow" in text and "[link=http://x]Ana[/link], 2026-04-01" in text


# -- lineage: the run made again is compared with the run it follows ------------------------------------------


async def run_again_from_home(pilot, app: BootcampApp, like: str, day: str) -> str:
    """``a`` on ``like`` in home's list, the date typed, Create: the new workshop's id."""
    home = await wait_for_screen(pilot, HomeScreen)
    await wait_until(pilot, lambda: any(row.info.id == like for row in home.rows), "the run listed")
    table = home.workshop_list.query_one("DataTable")
    table.move_cursor(row=next(n for n, row in enumerate(home.rows) if row.info.id == like))
    await settle(pilot)
    await pilot.press("a")
    form = await wait_for_screen(pilot, NewWorkshopScreen)
    form.query_one("#date", Input).value = day
    await pilot.press("ctrl+s")
    screen = await wait_for_screen(pilot, WorkshopScreen)
    return screen.workshop.info.id  # type: ignore[attr-defined]


async def test_a_third_run_is_named_run_3_and_follows_the_second(
    store: Store, fixture_program: Program, make_app
) -> None:
    first = earlier_run(store, fixture_program.sources)
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        second = await run_again_from_home(pilot, app, first, "2026-09-21")
        await pilot.press("ctrl+w")
        third = await run_again_from_home(pilot, app, second, "2027-03-01")
    infos = {info.id: info for info in store.list_workshops()}
    assert (infos[second].name, infos[second].follows) == ("Spring boot camp \u2014 run 2", first)
    assert (infos[third].name, infos[third].follows) == ("Spring boot camp \u2014 run 3", second)


async def test_progress_uses_the_run_it_was_made_again_from_and_names_it(
    store: Store, fixture_program: Program, make_app
) -> None:
    # The reported bug: an empty run of the same organisation, made the same day as the real one (and so
    # the most recent by the organisation's rule), was compared with instead of the run made again from.
    spring = earlier_run(store, fixture_program.sources)
    empty = store.create_workshop(
        name="Rehearsal", organisation="Northwind Insurance", date="2026-03-01", participants=list(ROOM),
        sources=fixture_program.sources,
    )
    store.open(empty.id).update_info(lambda info: dataclasses.replace(info, created_at="2099-01-01T00:00:00+00:00"))
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await run_again_from_home(pilot, app, spring, "2026-09-21")
        screen, view = await open_progress(pilot)
        text = screen_text(app)
    assert view.comparison is not None and view.comparison.before.workshop_id == spring
    assert f"Compared with Spring boot camp (2026-03-01, workshop {spring}): the run this one was made" in text
    assert "2 actions from the earlier run: 1 done, 1 overdue." in text  # the spring run's, not the empty one's


async def test_progress_says_when_the_run_it_follows_is_not_in_this_library(
    store: Store, fixture_program: Program, make_app
) -> None:
    later = new_workshop(store, fixture_program)
    store.open(later.id).update_info(lambda info: dataclasses.replace(info, follows="imported42"))
    app: BootcampApp = make_app(open_workshop=later.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_progress_page(pilot)
        assert (
            "This run follows workshop imported42, which is not in this library, and no earlier run of Northwind "
            "Insurance is stored here: there is nothing to compare it with."
        ) in " ".join(screen_text(app).split())
        spring = earlier_run(store, fixture_program.sources)  # an earlier run of the organisation appears
        screen.read_earlier(screen.report)
        view = screen.query_one(ProgressView)
        await wait_until(pilot, lambda: view.comparison is not None, "the comparison")
        await settle(pilot)
        text = " ".join(screen_text(app).split())
    assert (
        "This run follows workshop imported42, which is not in this library; it is compared with the latest "
        "earlier run of Northwind Insurance instead."
    ) in text
    assert f"Compared with Spring boot camp (2026-03-01, workshop {spring}): the latest earlier run of" in text


async def test_progress_calls_an_action_marked_done_after_this_run_overdue_as_of_it_and_done_since(
    store: Store, fixture_program: Program, make_app
) -> None:
    """Before: an action of the spring run marked done in October, weeks after this run of 21 September, read "done"
    on this run's page, "as of 2026-09-21": what this run found (it was overdue then) was rewritten."""
    spring = earlier_run(store, fixture_program.sources)
    store.open(spring).update_room(
        lambda room: dataclasses.replace(
            room, actions=(dataclasses.replace(room.actions[0], status=ActionStatus.DONE, status_at="2026-10-12"),
                           *room.actions[1:])
        )
    )
    later = new_workshop(store, fixture_program).id
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await open_progress(pilot)
        text = " ".join(screen_text(app).split())
    assert "2 actions from the earlier run: 1 done, 1 overdue." in text, text
    assert "overdue Name the accountable leader" in text and "Ana Ortiz, 2026-04-01 · done 2026-10-12" in text


async def test_progress_says_the_day_an_earlier_action_was_done_and_how_late(
    store: Store, fixture_program: Program, make_app
) -> None:
    """Before: the spring run's actions read "done" on this run's Progress page, whether done on time or late and
    whenever it was: the day the CCO gave in the actions view (D) was kept and shown there alone."""
    spring = earlier_run(store, fixture_program.sources)
    store.open(spring).update_room(
        lambda room: dataclasses.replace(
            room, actions=(room.actions[0], dataclasses.replace(room.actions[1], status_at="2026-04-20"))
        )
    )
    later = new_workshop(store, fixture_program).id
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_progress(pilot)
        text = " ".join(screen_text(app).split())
    assert "done Book the CEO for the kick-off" in text, text
    assert "Ben Okafor, 2026-03-15 · done 2026-04-20, 36 days late" in text
    assert "2 actions from the earlier run: 1 done (late), 1 overdue." in text  # the count says it too


async def test_progress_names_the_file_when_the_run_it_follows_cannot_be_read(
    store: Store, fixture_program: Program, make_app
) -> None:
    """Before: run 2's Progress page said the run it follows "is not in this library" when that run's workshop.json
    had been cut short (its folder still there), and compared with an older run of the organisation instead."""
    older = earlier_run(store, fixture_program.sources)
    store.open(older).update_info(lambda info: dataclasses.replace(info, date="2026-01-10"))
    spring = earlier_run(store, fixture_program.sources)
    later = new_workshop(store, fixture_program)
    store.open(later.id).update_info(lambda info: dataclasses.replace(info, follows=spring))
    damaged = store.workshops_dir / spring / "workshop.json"
    damaged.write_bytes(damaged.read_bytes()[:200])
    app: BootcampApp = make_app(open_workshop=later.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_progress_page(pilot)
        text = " ".join(screen_text(app).split())
        assert screen.query_one(ProgressView).comparison is None
    assert "The earlier run could not be read: cannot read" in text and "not valid JSON" in text, text
    assert "not in this library" not in text


async def test_e_on_the_progress_page_writes_the_progress_too(
    store: Store, fixture_program: Program, make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``e`` wrote the summary alone, with no progress in it, from the Progress page too: the comparison shown
    there is written beside it, as ``bootcamp compare`` writes it, and the notification names every file."""
    monkeypatch.delenv("BOOTCAMP_EXPORT_DIR", raising=False)
    later = new_workshop(store, fixture_program).id
    earlier_run(store, fixture_program.sources)
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_progress_page(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: any(n.title == "Summary written" for n in app._notifications), "written")
        out = data_dir / "exports"
        progress = out / f"commitment-test-spring-boot-camp-{later}-progress.md"
        assert progress.read_text().startswith("# Progress: Northwind Insurance\n")
        assert "Name the accountable leader" in progress.read_text()
        assert (out / f"commitment-test-spring-boot-camp-{later}-progress.html").exists()
        [message] = [n for n in app._notifications if n.title == "Summary written"]
        assert str(progress) in message.message.splitlines()


async def test_actions_still_open_from_runs_before_the_earlier_one_are_on_the_page_and_its_file(
    store: Store, fixture_program: Program, make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run 3 compared with run 2, which agreed no actions: run 1's overdue action was on `bootcamp compare`'s list
    but not on the Progress page, so a CCO reading the page thought nothing was left from the spring."""
    monkeypatch.delenv("BOOTCAMP_EXPORT_DIR", raising=False)
    spring = earlier_run(store, fixture_program.sources)  # "Name the accountable leader" open; the other done
    summer = store.create_workshop(
        name="Summer boot camp", organisation="Northwind Insurance", date="2026-06-01", participants=list(ROOM),
        sources=fixture_program.sources,
    )
    store.open(summer.id).update_info(lambda info: dataclasses.replace(info, follows=spring))
    later = new_workshop(store, fixture_program).id
    store.open(later).update_info(lambda info: dataclasses.replace(info, follows=summer.id))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await open_progress(pilot)
        text = " ".join(screen_text(app).split())
        assert view.comparison is not None and view.comparison.before.workshop_id == summer.id
        assert "The earlier run recorded no actions. 1 action from runs before it is still to do: 1 overdue." in text
        assert "Still to do from runs before it" in text
        assert "overdue Name the accountable leader" in text and "Ana Ortiz, 2026-04-01 · from 2026-03-01" in text
        assert "Book the CEO" not in text  # done: not carried
        await pilot.press("e")
        await wait_until(pilot, lambda: any(n.title == "Summary written" for n in app._notifications), "written")
    progress = (data_dir / "exports" / f"commitment-test-spring-boot-camp-{later}-progress.md").read_text()
    assert "### Still to do from runs before the earlier one" in progress and "Name the accountable leader" in progress


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_twelve_runs_each_have_a_line_with_their_score_oldest_first(
    size, store: Store, fixture_program: Program, make_app
) -> None:
    """A client who ran the test every quarter for three years saw only the last two runs on the Progress page: the
    trend the CCO meets the board with was in eleven other summaries. Some runs fall on the same day of different
    years; one of them had nothing answered."""
    days = ["2023-12-12", "2024-03-12", "2024-06-12", "2024-09-12", "2024-12-12", "2025-03-12", "2025-06-12",
            "2025-09-12", "2025-12-12", "2026-03-12", "2026-06-12"]  # fmt: skip
    previous = ""
    for n, day in enumerate(days):
        info = store.create_workshop(
            name="Spring boot camp" + (f" \u2014 run {n + 1}" if n else ""), organisation="Northwind Insurance",
            date=day, participants=list(ROOM), sources=fixture_program.sources, follows=previous,
        )  # fmt: skip
        if n != 4:  # the fifth run was cut short before any answer
            for person, value in zip(info.participants, ("yes" if n > 6 else "partly", "partly", "no"), strict=True):
                store.open(info.id).save_answer(Answer(person.id, MANDATE, value=value))
        previous = info.id
    later = new_workshop(store, fixture_program, name="Spring boot camp \u2014 run 12")
    store.open(later.id).update_info(lambda info: dataclasses.replace(info, follows=previous))
    app: BootcampApp = make_app(open_workshop=later.id)
    async with app.run_test(size=size) as pilot:
        screen, view = await open_progress(pilot)
        assert view.comparison is not None
        drawn = [piece for piece in view.draw_comparison(view.comparison, view.content_region.width)]
        lines = [piece.plain for piece in drawn if hasattr(piece, "plain")]
    heading = next(n for n, text in enumerate(lines) if text.startswith("Every run, 12 since 2023-12-12"))
    rows = lines[heading + 1 : heading + 13]
    assert [row[:10] for row in rows] == [*days, "2026-09-21"], rows
    assert all(len(row.rstrip()) <= size[0] for row in rows)
    assert rows[0].split()[2] == "33" and rows[7].split()[2] == "50", rows  # each run's own overall score
    assert "nothing measured" in rows[4] and " – " in rows[4]
    assert rows[10].rstrip().endswith("run 11") and rows[11].rstrip().endswith("run 12"), rows  # the number is kept


@pytest.mark.parametrize(
    ("name", "width"),
    [("春季首席客户官训练营 — run 12", 12), ("春季训练营 — run 3", 14), ("Spring boot camp — run 12", 12)],
)
def test_a_run_name_cut_to_its_column_keeps_its_number_in_cells(name: str, width: int) -> None:
    """A Chinese or Japanese name takes two cells a character: cut by characters it came out wider than its column,
    and the column's own cut took the run number off, the one part that tells the runs apart."""
    shown = shortened_run_name(name, width)
    assert cell_len(shown) <= width and shown.endswith(name.rsplit(" ", 1)[1]), shown


async def test_every_run_with_chinese_names_fits_the_page_with_each_run_number(
    store: Store, fixture_program: Program, make_app
) -> None:
    """A Shanghai client's runs, named in Chinese: each line of the every-run table ran past the page at 80 columns
    (its name measured in characters, not cells), cut off at the edge with the run number."""
    previous = ""
    for n, day in enumerate(["2025-09-12", "2026-03-12"]):
        info = store.create_workshop(
            name="春季首席客户官训练营" + (f" \u2014 run {n + 1}" if n else ""), organisation="Northwind Insurance",
            date=day, participants=list(ROOM), sources=fixture_program.sources, follows=previous,
        )  # fmt: skip
        for person in info.participants:
            store.open(info.id).save_answer(Answer(person.id, MANDATE, value="partly"))
        previous = info.id
    later = new_workshop(store, fixture_program, name="春季首席客户官训练营 \u2014 run 3")
    store.open(later.id).update_info(lambda info: dataclasses.replace(info, follows=previous))
    app: BootcampApp = make_app(open_workshop=later.id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, view = await open_progress(pilot)
        assert view.comparison is not None
        width = view.content_region.width
        drawn = [piece for piece in view.draw_comparison(view.comparison, width)]
        lines = [piece.plain for piece in drawn if hasattr(piece, "plain")]
    heading = next(n for n, text in enumerate(lines) if text.startswith("Every run, 3 since 2025-09-12"))
    rows = [row.rstrip() for row in lines[heading + 1 : heading + 4]]
    assert all(cell_len(row) <= width for row in rows), [cell_len(row) for row in rows]
    assert rows[1].endswith("run 2") and rows[2].endswith("run 3"), rows


async def test_a_rating_on_another_scale_in_the_earlier_run_is_said_not_compared(
    store: Store, fixture_program: Program, make_app
) -> None:
    """The earlier run rated the aptitudes 0 to 4; the page read "self 0 → 1 -1"-like moves across two scales."""
    sources = dict(fixture_program.sources)
    program = sources["sessions/program.yaml"]
    sources["sessions/program.yaml"] = program.replace("title: Strength or weakness", "title: Weak to strong").replace(
        "value: 2, key: s", "value: 4, key: s"
    )
    later = new_workshop(store, fixture_program).id
    earlier = store.open(earlier_run(store, sources))
    for person in earlier.info().participants:
        earlier.save_answer(Answer(person.id, RATE, item="persist", perspective="self", value="strong"))
    now = store.open(later)
    for person in now.info().participants:
        now.save_answer(Answer(person.id, RATE, item="persist", perspective="self", value="mixed"))
    app: BootcampApp = make_app(open_workshop=later)
    async with app.run_test(size=(120, 60)) as pilot:
        screen, view = await open_progress(pilot)
        text = " ".join(screen_text(app).split())
    said = (
        "Rate the aptitudes was rated on Weak to strong (0 to 4) then, Strength or weakness (0 to 2) now: its averages "
        "are on two scales, so they are not compared."
    )
    assert said in text, text
    assert "4 → 1" not in text and "-3" not in text

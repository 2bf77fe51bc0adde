"""Search every workshop from home, and open a result to review it read only (issue 14).

A review is a follower: opening it, and moving through its steps, must leave every file of the workshop as
it was (bytes and modification times), take no owner lock, move no position and start no timer. ``c``
continues the workshop as its owner; while a console holds it, one sentence says who.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.library import SearchHit
from bootcamp.store import Store
from bootcamp.store.model import Answer, PokerCard, RoomNote, StepTimer, WorkshopState
from bootcamp.store.owner_lock import CONSOLE, OwnerLock, describe, holder_of
from bootcamp.store.projector_lock import ProjectorLock
from bootcamp.ui.commands import screen_actions
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen
from bootcamp.ui.screens.review import BANNER, ReviewScreen
from bootcamp.ui.screens.search import SearchScreen, hit_text
from bootcamp.ui.screens.wall_confirm import WallConfirmScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.search_results import FoundHit, excerpt
from bootcamp.ui.widgets.steps import StepView

TALK, MANDATE, WELCOME = "basics/talk", "basics/mandate", "basics/welcome"
NOTE = "Pricing was the surprise:\nnobody owns the renewal conversation"
COMMENT = "Nobody owns churn, the board asks about pricing twice a year"
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program, clock: FixedClock) -> str:
    """A workshop stopped on its question step (timer paused after 5 minutes), with a note and a comment."""
    info = new_workshop(store, fixture_program)
    files = store.open(info.id)
    files.save_state(
        WorkshopState(
            step_key=MANDATE,
            done=(WELCOME,),
            timers={MANDATE: StepTimer(elapsed=300.0)},
            day_started_at=clock.now() - 3600,
        )
    )
    files.update_room(lambda room: room.__class__(notes=(RoomNote(id="n1", step_key=TALK, text=NOTE, at="x"),)))
    files.save_answer(Answer(participant_id=info.participants[0].id, step_key=MANDATE, value="partly", comment=COMMENT))
    other = store.create_workshop(
        name="Autumn boot camp",
        organisation="Contoso Retail",
        date="2026-10-02",
        participants=[("Dana Wu", "CFO")],
        agenda="full",
        anonymous=False,
        sources=fixture_program.sources,
    )
    store.open(other.id).update_room(
        lambda room: room.__class__(notes=(RoomNote(id="n2", step_key=TALK, text="pricing is fine here", at="x"),))
    )
    return info.id


def files_as_they_are(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of a workshop folder, with its bytes and modification time (ns)."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), os.stat(path).st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


async def open_search(pilot) -> SearchScreen:
    """From home, once it has settled: `/`."""
    await wait_for_screen(pilot, HomeScreen)
    await settle(pilot)
    await pilot.press("slash")
    return await wait_for_screen(pilot, SearchScreen)  # type: ignore[return-value]


async def search_for(pilot, text: str) -> SearchScreen:
    """From home: `/`, type ``text``, and wait for its results."""
    screen = await open_search(pilot)
    for char in text:
        await pilot.press(char)
    await wait_until(pilot, lambda: screen.searches and screen.found_for == text, f"results for {text!r}")
    await settle(pilot)
    return screen


async def review_first(pilot, screen: SearchScreen) -> ReviewScreen:
    await pilot.press("down", "enter")
    return await review_opened(pilot)


async def review_opened(pilot) -> ReviewScreen:
    """The review a key just opened, once it has read its workshop."""
    review: ReviewScreen = await wait_for_screen(pilot, ReviewScreen)  # type: ignore[assignment]
    await wait_until(pilot, lambda: review.flow is not None, "the review to read the workshop")
    await settle(pilot)
    return review


# -- the excerpt ------------------------------------------------------------------------------------------


def test_an_excerpt_is_cut_around_the_match_with_line_breaks_shown_and_the_words_highlighted() -> None:
    text = "A" * 100 + " the renewal\nconversation " + "B" * 100
    start = text.index("renewal")
    shown = excerpt(text, ((start, start + len("renewal")),), width=40)
    assert shown.plain.startswith("…") and shown.plain.endswith("…")
    assert "renewal⏎conversation" in shown.plain
    assert len(shown.plain) == 42
    highlighted = [shown.plain[span.start : span.end] for span in shown.spans if "reverse" in str(span.style)]
    assert highlighted == ["renewal"]


def test_an_excerpt_whose_match_its_opening_shows_starts_at_the_opening() -> None:
    """A CCO searched "bonus" and read "…en (CFO) visibly uncomfortable": the note's name was cut though it fitted."""
    text = "Ben (CFO) visibly uncomfortable on the bonus question; " + "and then a long discussion " * 4
    start = text.index("bonus")
    shown = excerpt(text, ((start, start + len("bonus")),), width=70)
    assert shown.plain.startswith("Ben (CFO) visibly") and shown.plain.endswith("…")
    late = text + "the word churn at the end"
    at = late.index("churn")
    assert excerpt(late, ((at, at + 5),), width=70).plain.startswith("…")  # far in: cut around it, as before


def test_an_excerpt_shows_control_characters_as_symbols() -> None:
    shown = excerpt("bad \x1b[31mred", ((4, 5),))
    assert "\x1b" not in shown.plain and "␛[31mred" in shown.plain


# -- search and review ------------------------------------------------------------------------------------


async def test_home_offers_search_on_slash_and_in_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        offered = [(found.action, found.keys) for found in screen_actions(home)]
        assert ("search", ("/",)) in offered


async def test_search_opens_a_result_in_review_and_reading_it_changes_nothing(
    workshop_id: str, store: Store, make_app
) -> None:
    folder = store.open(workshop_id).path
    before = files_as_they_are(folder)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "renewal")
        assert [(f.hit.workshop_id, f.hit.step_key) for f in screen.found] == [(workshop_id, TALK)]
        shown = screen_text(app)
        assert "Spring boot camp" in shown and "Northwind Insurance" in shown and "2026-09-21" in shown
        assert "What surprised you?" in shown  # the step's title, not its key
        assert "surprise:⏎nobody owns the renewal" in shown

        review = await review_first(pilot, screen)
        assert review.flow is not None and review.flow.current.key == TALK  # at the result's step
        shown = screen_text(app)
        assert BANNER in shown and "nobody owns the renewal conversation" in shown
        assert holder_of(folder) is None  # no owner lock taken
        assert app.workshop is None  # nothing opened as owner
    assert files_as_they_are(folder) == before  # position, timers, everything: the same bytes and times
    assert store.open(workshop_id).state().step_key == MANDATE


async def test_moving_between_steps_in_review_writes_nothing(workshop_id: str, store: Store, make_app) -> None:
    folder = store.open(workshop_id).path
    before = files_as_they_are(folder)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        review = await review_first(pilot, await search_for(pilot, "renewal"))
        walked = [review.flow.current.key]  # type: ignore[union-attr]
        for key in ("left", "left", "left", "right", "pageup", "pagedown", "right"):
            await pilot.press(key)
            await settle(pilot)
            walked.append(review.flow.current.key)  # type: ignore[union-attr]
        poker, pause, role = "basics/poker", "basics/break", "basics/role"
        assert walked == [TALK, poker, pause, role, pause, role, pause, poker]  # it moved, here
        assert files_as_they_are(folder) == before
    assert files_as_they_are(folder) == before


async def test_a_review_shows_the_comment_and_its_author_on_the_question(
    workshop_id: str, store: Store, make_app
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "churn")
        assert [(f.hit.step_key, f.step_title) for f in screen.found] == [(MANDATE, "Who drives agreement?")]
        await review_first(pilot, screen)
        shown = screen_text(app)
        assert "comment · Ana Ortiz" in shown and "Nobody owns churn" in shown


async def test_a_review_follows_what_a_console_writes_meanwhile(workshop_id: str, store: Store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await review_first(pilot, await search_for(pilot, "renewal"))
        later = RoomNote(id="n3", step_key=TALK, text="Written while the CCO reads", at="y")
        store.open(workshop_id).update_room(lambda room: dataclasses.replace(room, notes=(*room.notes, later)))
        review._look_again()
        await wait_until(pilot, lambda: "Written while the CCO reads" in screen_text(app), "the new note to show")
        assert review.flow is not None and review.flow.current.key == TALK


async def test_a_poll_coming_back_while_right_arrow_moves_the_review_shows_one_step(
    workshop_id: str, make_app
) -> None:
    """A console answering meanwhile: the review's poll came back while → was still swapping the step's view (the
    key's action and the poll's message run in two tasks), both swapped, and the next step showed twice, stacked."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await review_first(pilot, await search_for(pilot, "churn"))
        assert review.flow is not None and review.flow.current.key == MANDATE and review.workshop is not None
        polled = ReviewScreen.Polled(review.workshop)  # what the poll read: the room as a console left it
        await asyncio.gather(review.action_next(), review._polled(polled))
        await settle(pilot)
        assert [view.step.key for view in review.query(StepView)] == [review.flow.current.key]
        assert review.flow.current.key != MANDATE


async def test_c_continues_the_workshop_as_its_owner_where_it_stopped(
    workshop_id: str, store: Store, make_app
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await review_first(pilot, await search_for(pilot, "renewal"))
        await pilot.press("c")
        console: WorkshopScreen = await wait_for_screen(pilot, WorkshopScreen)  # type: ignore[assignment]
        await settle(pilot)
        assert app.workshop is not None and app.workshop.info.id == workshop_id
        assert holder_of(store.open(workshop_id).path) is not None  # its owner now
        assert console.flow.current.key == MANDATE  # where it stopped, not where the review was
        assert [type(s) for s in app.screen_stack[1:]] == [HomeScreen, WorkshopScreen]  # leaving goes home
        told = [n.message for n in app._notifications]
        assert told == ["Continued where it stopped (step 3 of 8); you were reviewing “What surprised you?”: g jumps there."]


async def test_c_on_a_workshop_a_console_holds_says_who_in_one_sentence(
    workshop_id: str, store: Store, make_app, clock: FixedClock
) -> None:
    folder = store.open(workshop_id).path
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await review_first(pilot, await search_for(pilot, "renewal"))
        with OwnerLock(folder, purpose=CONSOLE, clock=clock):
            before = files_as_they_are(folder)
            await pilot.press("c")
            await settle(pilot)
            assert app.screen is review and app.workshop is None
            refused = [n for n in app._notifications if n.title == "Still read only"]
            assert len(refused) == 1
            said = refused[0].message
            assert said == describe(holder_of(folder), workshop_id, now=clock.now())  # type: ignore[arg-type]
            assert "is open in the console on host" in said and f"(process {os.getpid()})" in said
            assert files_as_they_are(folder) == before


async def test_typing_fast_in_the_search_field_keeps_every_key(workshop_id: str, make_app) -> None:
    typed = "Nobody owns the RENEWAL"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_search(pilot)
        field = screen.query_one("#query", Input)
        for char in typed:  # posted at once, no waiting between keys: a burst
            app.post_message(events.Key({" ": "space", "?": "question_mark"}.get(char, char), char))
        await wait_until(pilot, lambda: field.value == typed, "every key to land in the field")
        await wait_until(pilot, lambda: screen.found_for == typed, "the search of the whole query")
        assert [f.hit.step_key for f in screen.found] == [TALK]
        assert screen.searches <= 3  # debounced: not a search per key


async def test_a_participant_found_opens_the_review_where_the_workshop_stopped(workshop_id: str, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "Chloe")
        assert [(f.hit.where, f.hit.step_key, f.step_title) for f in screen.found] == [("participant", "", "")]
        assert "a participant" in screen_text(app)
        review = await review_first(pilot, screen)
        assert review.flow is not None and review.flow.current.key == MANDATE


async def test_a_step_s_title_found_opens_the_review_at_that_step(workshop_id: str, make_app) -> None:
    """A CCO back weeks later searched "surprised", the step's title, and found nothing to open."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "spring surprised")  # "spring": the workshop's name
        assert [(f.hit.workshop_id, f.hit.where, f.hit.step_key) for f in screen.found] == [(workshop_id, "step", TALK)]
        assert "the step's title" in screen_text(app)
        review = await review_first(pilot, screen)
        assert review.flow is not None and review.flow.current.key == TALK
        assert "nobody owns the renewal conversation" in screen_text(app)  # the step's own note, read there


async def test_a_step_s_title_found_is_shown_once_its_match_highlighted(workshop_id: str, make_app) -> None:
    """A hit on a step's title showed the title twice: on its place line ("What surprised you?  ·  the step's
    title") and again under it as the matched text. The place line shows it once, the match highlighted in it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "surprised")
        found = next(f for f in screen.found if f.hit.where == "step")
        shown = hit_text(found)
        assert shown.plain.count("What surprised you?") == 1
        assert shown.plain.splitlines()[1].strip() == "What surprised you?  ·  the step's title"
        highlighted = [shown.plain[span.start : span.end] for span in shown.spans if "reverse" in str(span.style)]
        assert highlighted == ["surprised"]
        assert screen_text(app).count("What surprised you?") == len(screen.found)  # once a hit, on the screen too


async def test_enter_in_the_field_reviews_the_first_result(workshop_id: str, make_app) -> None:
    """A CCO typed "renewal" and pressed Enter, as in every search box, and nothing opened: only ↓ then Enter did."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "renewal")
        assert screen.focused is screen.query_one("#query", Input)
        assert "Enter reviews the first" in screen_text(app)
        await pilot.press("enter")
        review = await review_opened(pilot)
        assert review.flow is not None and review.flow.current.key == TALK


async def test_enter_typed_before_the_search_ends_reviews_its_first_result(workshop_id: str, make_app) -> None:
    """Enter pressed at once after typing, before the pause that searches, opens what that query finds first."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_search(pilot)
        await pilot.press(*"churn", "enter")
        review = await review_opened(pilot)
        assert review.flow is not None and review.flow.current.key == MANDATE


async def test_enter_on_a_query_that_finds_nothing_stays_in_the_field(workshop_id: str, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "zzzz")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.focused is screen.query_one("#query", Input)
        assert "Nothing found for “zzzz”" in screen_text(app)


async def test_down_goes_to_the_results_and_slash_back_to_the_query(workshop_id: str, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "pricing")
        results, field = screen.query_one(OptionList), screen.query_one("#query", Input)
        await pilot.press("down")
        assert screen.focused is results and results.highlighted == 0
        await pilot.press("down", "slash", "s")
        assert screen.focused is field and field.value == "s"  # the query comes back selected: typing starts anew


async def test_with_a_projector_window_following_search_shows_no_other_organisation_until_confirmed(
    workshop_id: str, store: Store, make_app
) -> None:
    quick = RoomNote(id="q1", step_key=TALK, text="pricing: Ben resists, ask him privately", at="x", quick=True)
    store.open(workshop_id).update_room(lambda room: dataclasses.replace(room, notes=(*room.notes, quick)))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        with ProjectorLock(store.open(workshop_id).path):  # a projector window follows Northwind's workshop
            await pilot.press("ctrl+w")
            await wait_for_screen(pilot, LeaveConfirmScreen)
            await pilot.press("y")
            await wait_until(pilot, lambda: not app.workshop_closing, "the workshop's saves to finish")
            screen = await search_for(pilot, "pricing")
            assert {f.hit.organisation for f in screen.found} == {"Northwind Insurance"} and len(screen.found) == 2
            shown = screen_text(app)
            assert "Contoso" not in shown and "Only Northwind Insurance: the room is watching." in shown
            assert "Ben resists" not in shown  # the facilitator's quick note stays off the wall
            await pilot.press("ctrl+o")
            await wait_for_screen(pilot, WallConfirmScreen)
            await pilot.press("escape")  # kept to Northwind
            await wait_for_screen(pilot, SearchScreen)
            await settle(pilot)
            assert "Contoso" not in screen_text(app)
            await pilot.press("ctrl+o")
            await wait_for_screen(pilot, WallConfirmScreen)
            await pilot.press("y")
            await wait_for_screen(pilot, SearchScreen)
            await wait_until(pilot, lambda: len(screen.found) == 3, "every organisation's results")
            assert "Contoso Retail" in screen_text(app) and "Ben resists" not in screen_text(app)  # still watched
        await pilot.press("backspace", "g")  # the projector window gone: the quick note is the facilitator's to see
        await wait_until(pilot, lambda: len(screen.found) == 4, "the quick note too, once nobody watches")


async def test_typed_text_is_shown_as_typed_in_results_and_review(workshop_id: str, store: Store, make_app) -> None:
    hostile = "[bold red]Marked[/] up \x1b[31mhostile"
    note = RoomNote(id="n4", step_key=TALK, text=hostile, at="y")
    store.open(workshop_id).update_room(lambda room: dataclasses.replace(room, notes=(*room.notes, note)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "hostile")
        assert "[bold red]Marked[/] up ␛[31mhostile" in screen_text(app)
        await review_first(pilot, screen)
        assert "[bold red]Marked[/] up ␛[31mhostile" in screen_text(app)


async def test_a_review_names_a_poker_notes_card_and_prompt_as_the_notes_page_does(
    workshop_id: str, store: Store, make_app
) -> None:
    """The side panel read "poker note · persist · today": the card's and the prompt's ids."""
    files = store.open(workshop_id)
    ana = files.info().participants[0].id
    notes = {"today": "Renewal calls are ad hoc", "opportunity": "A renewal playbook", "gone": "A renewal prompt removed"}
    files.update_room(lambda room: dataclasses.replace(room, poker=(PokerCard("persist", ana, notes),)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await review_first(pilot, await search_for(pilot, "playbook"))
        said = app.screen.query_one("#review-said-text", Static).render()
        heads = [line for line in str(said).splitlines() if line.startswith("poker note")]
        assert heads == [
            "poker note · Persist! — How we live it today",
            "poker note · Persist! — The opportunity",
            "poker note · Persist! — gone",  # a prompt since removed from the content: its id, as on the Notes page
        ]


async def test_a_slow_search_holds_up_no_key_and_an_older_answer_is_never_shown(
    workshop_id: str, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp.library.library import Library

    searched: list[str] = []
    real_search = Library.search

    def slow_search(self, query: str, **kwargs):
        searched.append(query)
        time.sleep(1.0)  # a slow disk: longer than the pause that starts a search
        return real_search(self, query, **kwargs)

    monkeypatch.setattr(Library, "search", slow_search)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_search(pilot)
        field = screen.query_one("#query", Input)
        await pilot.press(*"pricing")
        for _ in range(200):
            if searched:
                break
            await pilot.pause(0.05)
        assert searched == ["pricing"]
        for char in " twice":  # typed while that search is still reading
            app.post_message(events.Key("space" if char == " " else char, char))
        await wait_until(pilot, lambda: field.value == "pricing twice", "the keys typed during the search")
        assert screen.found_for == ""  # not held up: the first search has not answered yet
        for _ in range(200):  # two slow searches, one after the other: up to 10 s on a busy machine
            if screen.found_for == "pricing twice":
                break
            await pilot.pause(0.05)
        assert screen.found_for == "pricing twice" and [f.hit.where for f in screen.found] == ["comment"]
        assert screen.searches == 1  # the answer for "pricing" came while "pricing twice" was typed: dropped


async def test_search_results_say_nothing_found(workshop_id: str, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "zzzz")
        assert screen.found == [] and "Nothing found for “zzzz”" in screen_text(app)
        assert screen.query_one(OptionList).option_count == 0


# -- snapshots --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_search_results_snapshot(size: tuple[int, int], workshop_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await search_for(pilot, "pricing")

    assert snap_compare(make_app(), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_review_snapshot(size: tuple[int, int], workshop_id: str, make_app, snap_compare) -> None:
    async def ready(pilot) -> None:
        await review_first(pilot, await search_for(pilot, "churn"))

    assert snap_compare(make_app(), terminal_size=size, run_before=ready)


def test_a_result_names_an_archived_workshop_and_both_days_of_a_two_day_one() -> None:
    days = ("2026-09-21", "2026-09-22")
    hit = SearchHit("w1", "Autumn", "Acme", "2026-09-21", "", "workshop", "Autumn", ((0, 6),), archived=True, days=days)
    first_line = hit_text(FoundHit(hit, "")).plain.splitlines()[0]
    assert first_line == "Autumn  ·  Acme  ·  2026-09-21–22  ·  archived"

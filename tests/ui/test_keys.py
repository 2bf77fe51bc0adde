"""Every key is in help (?) and every action in the command palette, from the bindings themselves."""

from __future__ import annotations

import pytest
from ui_helpers import new_workshop, screen_text, wait_for_screen

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.commands import BootcampCommands, described_actions
from bootcamp.ui.screens.help import HelpScreen, key_table
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen

WALK_ACTIONS = {"next", "previous", "jump", "skip", "toggle_timer", "add_minutes", "blank"}


async def palette_titles(screen) -> dict[str, str]:
    provider = BootcampCommands(screen)
    return {hit.text: hit.help async for hit in provider.discover()}  # type: ignore[attr-defined]


def actions(screen) -> set[str]:
    return {found.action for node in (screen, screen.app) for found in described_actions(node)}


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id


async def test_console_and_presenter_offer_every_walk_action(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        assert WALK_ACTIONS | {"presenter", "back", "leave_workshop", "toggle_done", "help", "quit"} <= actions(console)
        titles = await palette_titles(console)
        assert {"Next step (marks this one done)", "Skip this step for time (one the room has not worked on)", "Add 2 minutes to the timer"} <= set(
            titles
        )
        assert titles["Presenter mode: only the slide, for the projector"] == "key: f5"
        assert titles["Leave the workshop (asks first while the room watches)"] == "key: ^w"  # never Esc
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        assert WALK_ACTIONS | {"leave", "leave_workshop"} <= actions(presenter)


async def test_help_lists_every_key_of_the_screen_and_the_app(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        table = dict((what, keys) for keys, what in key_table(console))
        assert table["Next step (marks this one done)"] == "→ / pgdn"
        assert table["Blank the screen (any key brings it back)"] == "b / ."
        assert table["Help: every key"] == "? / f1"  # f1 where a text field takes "?"
        assert table["Quit (asks first while a workshop is open; every save is finished first)"] == "^q / q"
        described = {found.title for node in (console, app) for found in described_actions(node)}
        answering = {"Go to the answers of this step (Esc comes back)", "Reveal this step's results to the room, or hide them again"}
        assert answering <= described - set(table)  # a teach step: the answering keys are not listed where they do nothing
        assert set(table) <= described
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        text = screen_text(app)
        assert all(what in text for what in table)
        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_help_scrolls_to_its_last_key_and_keeps_its_footer_on_a_projector_sized_screen(
    size: tuple[int, int], workshop_id: str, make_app
) -> None:
    """At 80×24 the list grew past the screen: its last keys and the footer (ctrl+p, esc) could not be reached, and
    ctrl+p is how a laptop without F-keys reaches F2, F4, F5 and F6."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        last_key, last_what = key_table(console)[-1]
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        await pilot.pause()
        assert "ctrl+p finds any of these by name" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert last_what in text and "ctrl+p finds any of these by name" in text and "esc closes" in text


async def test_palette_runs_an_action_on_the_screen(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"skip this")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.pause()
        assert console.flow.is_skipped("basics/welcome")


async def test_home_palette_offers_new_workshop_and_demo(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        titles = await palette_titles(home)
        assert {"New workshop", "Demo", "Help: every key", "Quit (asks first while a workshop is open; every save is finished first)"} <= set(titles)
        assert "Content problems" not in titles  # only offered when there are some


async def test_help_and_the_palette_list_the_keys_of_the_focused_answers(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        await console.jump_to("basics/mandate")
        await pilot.press("a")
        table = dict((what, keys) for keys, what in key_table(console))
        assert table["Yes"] == "y" and table["Don't know"] == "d"  # the scale's keys, from the content
        assert table["Write or change the comment of the person at the cursor"] == "c"
        assert "Cursor up" not in table  # Textual's own table keys are not this app's to list
        titles = await palette_titles(console)
        assert titles["Reveal this step's results to the room, or hide them again"] == "key: r"
        assert titles["Partly"] == "key: p"

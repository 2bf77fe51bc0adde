"""The palette's Theme offers only the themes this app made readable, and every state of the console, home and every
page of the summary are readable in each.

Textual's own themes were all offered: in textual-light the tally's amber bar was 1.3:1 on the step, the footer's
keys 2.9:1 and "over time" 3.3:1, and most built-in themes, dark ones too, had text under 4.5:1 somewhere.
"""

from __future__ import annotations

import pytest
from rich._palettes import EIGHT_BIT_PALETTE
from rich.color import ColorSystem
from room_helpers import console_at
from textual.color import Color
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._toast import Toast
from ui_helpers import SHIPPED_CONTENT, new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program, load_dir
from bootcamp.demo import create_demo_workshop
from bootcamp.demo_earlier import create_demo_runs
from bootcamp.flow import Flow
from bootcamp.store import Store
from bootcamp.store.archive import archive
from bootcamp.store.model import WorkshopState
from bootcamp.ui.app import BootcampApp
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.summary import PROGRESS, SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.theme import CONSOLE_LIGHT_THEME, CONSOLE_THEME, PROJECTOR_THEME
from bootcamp.ui.widgets.report.progress import ProgressView
from tests.ui.test_colour_depths import contrast

MANDATE, RATE = "basics/mandate", "basics/rate-aptitudes"
OFFERED = [CONSOLE_THEME, CONSOLE_LIGHT_THEME, PROJECTOR_THEME]
BORDERS = set("─│╭╮╰╯┌┐└┘├┤▏▕ ")  # lines between parts, not read (the key bar's palette border among them)


def below_the_bars(app: BootcampApp) -> list[tuple[str, float, str, int]]:
    """Every piece of the screen as the terminal gets it that is under the repo's bars, in full colour and as a
    256-colour terminal draws it (each colour's nearest of 256): text (a letter or digit in it) under 4.5:1 on its
    background, a mark or a bar (✓, ·, █, the timer's digits) under 3:1 (WCAG's non-text contrast)."""
    background = Color.parse(app.current_theme.background or "#000000")
    low = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for line_filter in app.get_line_filters():
            strip = Strip(strip).apply_filter(line_filter, background)
        for segment in strip:
            text, style = segment.text.strip(), segment.style
            if not text or set(text) <= BORDERS or style is None or style.color is None or style.bgcolor is None:
                continue
            least = 4.5 if any(character.isalnum() for character in text) else 3
            colours = (style.color, style.bgcolor)
            full = contrast(*(colour.get_truecolor() for colour in colours))
            in_256 = contrast(*(EIGHT_BIT_PALETTE[colour.downgrade(ColorSystem.EIGHT_BIT).number] for colour in colours))
            low += [(depth, round(ratio, 1), text, y) for depth, ratio in (("full", full), ("256", in_256)) if ratio < least]
    return low


async def test_the_palette_offers_only_the_themes_made_readable(make_app) -> None:
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # What the palette's Theme lists (Textual's ThemeProvider reads available_themes).
        assert sorted(app.available_themes) == sorted(OFFERED)
        assert app.theme == CONSOLE_THEME


@pytest.mark.parametrize("theme", OFFERED)
async def test_every_state_of_the_console_is_readable_in_each_theme_offered(
    theme: str, store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """One screen with every state: two of three answered (✓ and ·), the tally revealed, the answers' selected row,
    the timer over time, a toast of each severity, the footer's keys, the status bar's and the title's quiet words."""
    info = new_workshop(store, fixture_program)
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        console = await console_at(pilot, MANDATE)
        app.theme = theme
        live = app.workshop.records
        for participant, value in zip(live.info.present[:2], ("yes", "partly")):
            live.set_answer(participant.id, MANDATE, value, comment=f"{participant.display_name} says {value}")
        app.workshop.toggle("revealed", MANDATE)
        assert await app.flush()
        console.show_room()
        await pilot.press("t")
        clock.advance(5 * 60)
        console.tick()
        await pilot.press("a")
        app.notify("Chloe Martin answered this from a phone.", title="Not replaced", markup=False, timeout=60)
        app.notify("Not everything is saved yet.", title="Still saving", severity="error", markup=False, timeout=60)
        await wait_until(pilot, lambda: len(app.screen.query(Toast)) == 3, "the three toasts")
        await settle(pilot)
        shown = screen_text(app)
        for state in ("over time", "█", "Not replaced", "Still saving", "saved", "answered", "Quit"):
            assert state in shown, state
        assert below_the_bars(app) == []



@pytest.mark.parametrize("theme", OFFERED)
async def test_a_revealed_rating_grid_is_readable_in_each_theme_offered(
    theme: str, store: Store, fixture_program: Program, make_app
) -> None:
    """The heat map's cells, don't know among them, the grid's selected cell and the room's averages under it."""
    info = new_workshop(store, fixture_program)
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, RATE)
        app.theme = theme
        live = app.workshop.records
        items = [item.id for item in app.workshop.program.item_list("aptitudes").items]
        values = ["strong", "mixed", "weak", "dont-know"]
        for n, participant in enumerate(live.info.present):
            for m, item in enumerate(items):
                live.set_answer(participant.id, RATE, values[(n + m) % 4], item=item, perspective="self")
        app.workshop.toggle("revealed", RATE)
        assert await app.flush()
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "█" in screen_text(app)
        assert below_the_bars(app) == []


async def test_presenter_mode_and_the_summary_s_contrast_go_back_to_the_theme_chosen(store: Store, fixture_program: Program, make_app) -> None:
    info = new_workshop(store, fixture_program)
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        app.theme = CONSOLE_LIGHT_THEME
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        assert app.theme == PROJECTOR_THEME
        await pilot.press("f5")
        await wait_for_screen(pilot, WorkshopScreen)
        assert app.theme == CONSOLE_LIGHT_THEME

        await pilot.press("f4")  # the summary's p: the projector's contrast, then back to the theme chosen
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("p")
        assert app.theme == PROJECTOR_THEME
        await pilot.press("p")
        assert app.theme == CONSOLE_LIGHT_THEME


def test_snapshot_the_console_in_the_light_theme(store: Store, fixture_program: Program, make_app, snap_compare) -> None:
    """A question answered by two of three, revealed, the answers' cursor on the third, in the light console."""
    info = new_workshop(store, fixture_program)

    async def ready(pilot) -> None:
        console = await console_at(pilot, MANDATE)
        pilot.app.theme = CONSOLE_LIGHT_THEME
        live = pilot.app.workshop.records
        for participant, value in zip(live.info.present[:2], ("yes", "partly")):
            live.set_answer(participant.id, MANDATE, value, comment=f"{participant.display_name} says {value}")
        pilot.app.workshop.toggle("revealed", MANDATE)
        assert await pilot.app.flush()
        console.show_room()
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(make_app(open_workshop=info.id), terminal_size=(120, 40), run_before=ready)


def workshops_in_every_state(store: Store, program: Program, clock: FixedClock) -> None:
    """Four workshops of one organisation on home, newest first: not started, under way, finished, and one archived
    (listed once v shows them). Each on its own date, so the rows keep their order."""

    def made(name: str, date: str) -> str:
        people = [("Ana Ortiz", "CEO")]
        return store.create_workshop(name=name, organisation="Northwind", date=date, participants=people, sources=program.sources).id

    made("Not started yet", "2026-09-24")
    under_way = made("Under way", "2026-09-23")
    store.open(under_way).save_state(WorkshopState(step_key="basics/rate-aptitudes", done=("basics/welcome",)))
    finished = made("All done", "2026-09-22")
    steps = Flow(program, "full", WorkshopState(), clock).steps
    store.open(finished).save_state(WorkshopState(step_key=steps[-1].key, done=tuple(step.key for step in steps)))
    archive(store, made("Put away", "2026-09-21"))


@pytest.mark.parametrize("theme", OFFERED)
async def test_home_is_readable_in_each_theme_offered(
    theme: str, store: Store, fixture_program: Program, make_app, clock: FixedClock
) -> None:
    """Home's list with a workshop in each state (the archived one shown), the highlighted row on one not started
    (its quiet words, and an organisation's later run dimmed, on the cursor's colour) and the detail."""
    workshops_in_every_state(store, fixture_program, clock)
    app: BootcampApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        app.theme = theme
        await pilot.press("v")
        await wait_until(pilot, lambda: len(home.rows) == 4 and not home.workshop_list.still_reading, "every workshop")
        not_started = [row.info.name for row in home.rows].index("Not started yet")
        home.workshop_list.query_one(DataTable).move_cursor(row=not_started)
        await settle(pilot)
        shown = screen_text(app)
        for state in ("not started", "Rate", "finished", "archived ·"):
            assert state in shown, state
        low = below_the_bars(app)
        assert low == [], low


# Each page, with a piece of it that was under the bars: the levels' names ("Hard-wired" 1.5:1 on the light theme's
# page), the competencies' range lines (1.9:1 on their band), the role's "not decided" tag (2.6:1), the notes' thumb.
SUMMARY_PAGES = {
    "overview": "Hard-wired",
    "next-steps": "Next steps",
    "aptitudes": "Aptitudes",
    "competencies": "average ± one standard deviation",
    "role": "not decided",
    "actions": "Actions",
    "coverage": "Coverage",
    "notes": "Notes",
}


@pytest.mark.parametrize("theme", OFFERED)
async def test_every_page_of_the_summary_is_readable_in_each_theme_offered(
    theme: str, store: Store, make_app
) -> None:
    """The demo room's summary, each page in turn in one run: levels, charts, tabs, actions, coverage, notes."""
    demo = create_demo_workshop(store, load_dir(SHIPPED_CONTENT).sources)
    app: BootcampApp = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        summary = await wait_for_screen(pilot, SummaryScreen)
        app.theme = theme
        low = {}
        for page, piece in SUMMARY_PAGES.items():
            summary.action_page(page)
            await settle(pilot)
            assert piece in screen_text(app), (page, piece)
            low[page] = below_the_bars(app)
        assert {page: pieces for page, pieces in low.items() if pieces} == {}, low


@pytest.mark.parametrize("theme", OFFERED)
async def test_the_progress_page_is_readable_in_each_theme_offered(theme: str, store: Store, make_app) -> None:
    """The demo day made again from its earlier run, answers in both: each dimension's earlier and later bars (the
    later one's colour was one shade on every theme, the earlier grey on it 1.4:1 on the dark console, 1.3:1 on the
    light one), the moves up and down, the earlier run's actions, the role and the ratings, read top to bottom."""
    later = create_demo_runs(store, load_dir(SHIPPED_CONTENT).sources)
    app: BootcampApp = make_app(content_dir=SHIPPED_CONTENT, open_workshop=later.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        summary = await wait_for_screen(pilot, SummaryScreen)
        await wait_until(pilot, lambda: PROGRESS in summary._pages(), "the Progress page")
        app.theme = theme
        await pilot.press("9")
        view = summary.query_one(ProgressView)
        await wait_until(pilot, lambda: view.comparison is not None, "the comparison")
        await settle(pilot)
        assert "▀ earlier" in screen_text(app) and "Biggest moves first" in screen_text(app)
        low = below_the_bars(app)
        scroll = summary.query_one(f"#{PROGRESS} VerticalScroll")
        while scroll.scroll_y < scroll.max_scroll_y:  # the rest of the page, a screenful at a time
            scroll.scroll_to(y=scroll.scroll_y + scroll.size.height, animate=False)
            await settle(pilot)
            low += below_the_bars(app)
        assert low == [], low

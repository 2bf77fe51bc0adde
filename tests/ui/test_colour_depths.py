"""The heat map's and the summary's colours keep their meaning when a terminal has only 16 colours.

Rich (and so Textual) gives a 16-colour terminal each colour's nearest ANSI colour. "Mixed" amber became
bright red, a weakness's dark red became yellow, a strength's green became dark grey, and the summary's
lowest level ("Lip service") the same yellow as the next; with a light theme "don't know" was grey on grey.
"""

from __future__ import annotations

import pytest
from rich._palettes import EIGHT_BIT_PALETTE
from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet
from rich.console import Console
from rich.palette import Palette
from rich.segment import Segment
from rich.style import Style
from room_helpers import console_at, open_console
from textual.app import App
from textual.color import Color as TextualColor
from textual.filter import ANSIToTruecolor, Monochrome
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets._header import HeaderTitle
from textual.widgets._toast import Toast
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle, wait_for_screen, wait_until

from bootcamp.content import Program, load_dir
from bootcamp.demo import create_demo_workshop
from bootcamp.live.snapshot import Tally
from bootcamp.store import Store
from bootcamp.ui.screens.home import HomeScreen
from bootcamp.ui.screens.new_workshop import NewWorkshopScreen
from bootcamp.ui.screens.summary import SummaryScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.theme import CONSOLE, CONSOLE_LIGHT, PROJECTOR
from bootcamp.ui.widgets.answers.answer_grid import heat_style
from bootcamp.ui.widgets.answers.tally import tally_text
from bootcamp.ui.widgets.report.charts import EIGHTHS, INK_ON_DARK, INK_ON_LIGHT, on_colour, on_score, score_colour

RED, YELLOW, GREEN = {1, 9}, {3, 11}, {2, 10}
# What the ANSI colours look like on xterm: a 16-colour terminal draws its own, not Rich's matching palette.
XTERM = Palette(
    [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
)


def ansi(color: Color | None) -> int:
    assert color is not None
    number = color.downgrade(ColorSystem.STANDARD).number
    assert number is not None
    return number


def luminance(triplet: ColorTriplet) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in triplet)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: ColorTriplet, other: ColorTriplet) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_in_16(style: Style) -> float:
    """The contrast of a style's text on its background as a 16-colour xterm draws them."""
    return contrast(ColorTriplet(*XTERM[ansi(style.color)]), ColorTriplet(*XTERM[ansi(style.bgcolor)]))


def test_the_grid_s_heat_colours_stay_red_amber_green_in_16_colours() -> None:
    weakness, mixed, strength = (Style.parse(heat_style(value)) for value in (0.0, 0.5, 1.0))
    assert ansi(weakness.bgcolor) in RED
    assert ansi(mixed.bgcolor) in YELLOW
    assert ansi(strength.bgcolor) in GREEN
    for style in (weakness, mixed, strength, Style.parse(heat_style(None))):
        assert readable_in_16(style) >= 4.5, style


def test_don_t_know_has_a_colour_of_its_own_on_any_theme() -> None:
    dont_know = Style.parse(heat_style(None))
    assert dont_know.bgcolor is not None  # "grey62" alone was grey on a light theme's grey
    on_light = contrast(dont_know.bgcolor.get_truecolor(), Color.parse("#e0e0e0").get_truecolor())
    on_dark = contrast(dont_know.bgcolor.get_truecolor(), Color.parse("#14181f").get_truecolor())
    assert on_light >= 2 and on_dark >= 2  # the cell stands out from either background
    assert contrast(dont_know.color.get_truecolor(), dont_know.bgcolor.get_truecolor()) >= 4.5


def bars_as_drawn(fixture_program: Program, *, no_color: bool) -> dict[str, Style]:
    """Each option's bar in the commitment tally as the app sends it: Textual first turns a named ANSI colour into
    its own truecolor (ANSIToTruecolor with its dark ANSI theme), then under NO_COLOR into grey (Monochrome)."""
    scale = fixture_program.scale("commitment")
    assert scale is not None
    tally = Tally(scale, tuple((option.id, option.label, 1) for option in scale.options), len(scale.options))
    background = TextualColor.parse(CONSOLE.background)
    filters = [ANSIToTruecolor(App().ansi_theme_dark)] + ([Monochrome()] if no_color else [])
    bars = {}
    for line, option in zip(tally_text(tally).split("\n"), scale.options):
        segments = list(line.render(Console()))
        for line_filter in filters:
            segments = line_filter.apply(segments, background)
        (bar,) = [segment for segment in segments if "█" in segment.text]
        bars[option.label] = bar.style
    return bars


def test_the_tally_s_bars_stay_red_amber_green_in_16_colours(fixture_program: Program) -> None:
    """On the wall "Partly" was drawn bright red and "No" magenta: a 16-colour terminal's nearest to Textual's
    own red and yellow."""
    bars = bars_as_drawn(fixture_program, no_color=False)
    assert ansi(bars["No"].color) in RED
    assert ansi(bars["Partly"].color) in YELLOW
    assert ansi(bars["Yes"].color) in GREEN


@pytest.mark.parametrize("background", [CONSOLE.background, PROJECTOR.background])
def test_every_tally_bar_stands_out_from_the_screen_without_colour(fixture_program: Program, background: str) -> None:
    """Under NO_COLOR the "No" bar was dark grey on black (1.9:1 on the projector): the wall seemed to say nobody
    had said no. A bar is a shape with no text on it: 3:1 is the least it needs (WCAG's non-text contrast)."""
    screen = Color.parse(background).get_truecolor()
    for label, style in bars_as_drawn(fixture_program, no_color=True).items():
        assert contrast(style.color.get_truecolor(), screen) >= 3, label


def as_sent_in_256(widget: Widget, y: int) -> list[tuple[str, float]]:
    """Each piece of text on line ``y`` of ``widget`` with its contrast, as a 256-colour terminal (macOS
    Terminal.app) draws it: Textual's dim blended into a colour first, then each colour's nearest of 256."""
    app = widget.app
    segments = list(widget.render_line(y))
    segments = ANSIToTruecolor(app.ansi_theme_dark).apply(segments, TextualColor.parse(app.current_theme.background))
    drawn = []
    for segment in segments:
        if segment.text.strip() and segment.style and segment.style.color and segment.style.bgcolor:
            colours = (segment.style.color, segment.style.bgcolor)
            text, back = (EIGHT_BIT_PALETTE[colour.downgrade(ColorSystem.EIGHT_BIT).number] for colour in colours)
            drawn.append((segment.text.strip(), contrast(text, back)))
    return drawn


@pytest.mark.parametrize("theme", [CONSOLE.name, CONSOLE_LIGHT.name])
async def test_the_status_bar_s_quiet_words_are_readable_in_256_colours(
    store: Store, fixture_program: Program, make_app, theme: str
) -> None:
    """In Terminal.app the console's panel grey (#27303C, a little blue) became xterm's teal 23, and "saved",
    "next:" and the title bar's organisation were grey on teal at 2.8:1 (5:1 in full colour)."""
    info = new_workshop(store, fixture_program)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        app.theme = theme
        await settle(pilot)
        drawn = as_sent_in_256(console.query_one("#status-bar"), 0) + as_sent_in_256(console.query_one(HeaderTitle), 0)
        assert any("saved" in text for text, _ in drawn) and any("Northwind" in text for text, _ in drawn)
        for text, ratio in drawn:
            assert ratio >= 4.5, (text, ratio)


def kind(number: int) -> int:
    for order, colours in enumerate((RED, YELLOW, GREEN)):
        if number in colours:
            return order
    raise AssertionError(f"ANSI colour {number} is neither red, yellow nor green")


# Every lightness the summary draws with: a score's cell (figures on it), and its ink on a dark and on a light page.
@pytest.mark.parametrize("lightness", [INK_ON_LIGHT.lightness, 0.45, INK_ON_DARK.lightness])
def test_the_summary_s_score_colours_keep_their_order_in_16_colours(lightness: float) -> None:
    kinds = [kind(ansi(score_colour(step / 100, lightness))) for step in range(101)]
    assert kinds == sorted(kinds)  # never back towards red as the score rises
    assert kinds[0] == 0 and kinds[50] == 1 and kinds[100] == 2
    # The levels at 0, 25, 50 and 75: the lowest red, the highest green.
    bands = [kind(ansi(score_colour(middle, lightness))) for middle in (0.125, 0.375, 0.625, 0.875)]
    assert bands[0] == 0 and bands[-1] == 2


@pytest.mark.parametrize("step", range(0, 101, 5))
def test_a_score_s_figure_is_readable_on_its_colour_in_16_colours_and_in_truecolor(step: int) -> None:
    style = on_colour(score_colour(step / 100))  # the figures' cells (the gauge's dark bands carry no text)
    assert readable_in_16(style) >= 3, (step, style)
    assert contrast(style.color.get_truecolor(), style.bgcolor.get_truecolor()) >= 4.5, step
    assert on_score(step / 100) == on_colour(score_colour(step / 100))


def placeholders(form) -> list[Style]:  # noqa: ANN001 - a screen
    """The style each empty field's placeholder is drawn in, its background included."""
    styles = []
    for field in form.query(Input):
        if field.value or not field.placeholder:
            continue
        words = field.placeholder.split()[0]
        for y in range(field.size.height):
            segments = list(field.render_line(y))
            styles += [segment.style for segment in segments if words in segment.text and segment.style]
    return styles


async def test_a_placeholder_stands_out_from_its_field_in_16_colours_and_without_colour(
    store: Store, fixture_program: Program, make_app
) -> None:
    """The role check's only instruction is its field's placeholder: it was grey on the same grey."""
    workshop = store.create_workshop(
        name="Spring", organisation="Org", date="2026-03-01", participants=[("Ana", "")], sources=fixture_program.sources
    )
    app = make_app(open_workshop=workshop.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("ctrl+w")
        home = await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: bool(home.rows), "the workshop listed")
        await pilot.press("n")
        form = await wait_for_screen(pilot, NewWorkshopScreen)
        await settle(pilot)
        styles = placeholders(form)
        assert styles  # an unfocused field's
        for style in styles:
            assert style.color is not None and style.bgcolor is not None
            assert readable_in_16(style) >= 3, style
            (grey,) = Monochrome().apply([Segment("x", style)], TextualColor(0, 0, 0))
            assert readable_in_16(grey.style) >= 3, grey.style  # NO_COLOR: greys, then 16 colours


def drawn_in_16(app, lines: range | None = None) -> list[tuple[str, float, int, int]]:  # noqa: ANN001 - a running app
    """Every piece of the screen (or of its ``lines``) as a 16-colour xterm draws it: (text, contrast, its ANSI
    colour, its background's). Rich sends each colour's nearest of its own 16, where a dark grey is nearer its grey 8
    than black, and xterm draws grey 8 mid grey (127), as bright as its bright red."""
    background = TextualColor.parse(app.current_theme.background)
    drawn = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if lines is not None and y not in lines:
            continue
        segments = list(strip)
        for line_filter in app.get_line_filters():
            segments = line_filter.apply(segments, background)
        for segment in segments:
            style = segment.style
            if segment.text.strip() and style and style.color and style.bgcolor:
                drawn.append((segment.text.strip(), round(readable_in_16(style), 1), ansi(style.color), ansi(style.bgcolor)))
    return drawn


async def test_the_summary_s_bars_stand_out_from_their_track_in_16_colours_on_the_dark_console(
    store: Store, make_app
) -> None:
    """The lowest dimensions' red bars were bright red on grey 8, 1.0:1: the track's grey became grey 8."""
    demo = create_demo_workshop(store, load_dir(SHIPPED_CONTENT).sources)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=demo.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("f4")
        summary = await wait_for_screen(pilot, SummaryScreen)
        await settle(pilot)
        page = summary.query_one("#pages").region  # the footer's palette key has a ▏ of its own
        drawn = drawn_in_16(app, range(page.y, page.bottom))
        bars = [(ratio, colour, back) for text, ratio, colour, back in drawn if set(text) <= set("█" + EIGHTHS)]
        assert {colour for _, colour, _ in bars} & RED, bars  # the red ones among them
        assert all(ratio >= 3 for ratio, _, _ in bars), sorted(set(bars))


# Measured, not fixed here: both stand on a dark grey that Rich sends as grey 8, and neither is the summary's. The ✓'s
# row is the answers table's zebra stripe (Textual's DataTable: $surface-lighten-1 at 50%, #262C34), the toast's
# ground Textual's $panel-lighten-1. Red or green is under 3:1 on xterm's grey 8 whatever its shade: the stripe and
# the toast need a ground Rich sends as black (as the summary's track now is), in the answers widget and app.tcss.
@pytest.mark.xfail(strict=True, reason="the ✓ is bright green on the stripe's grey 8, 2.9:1: the answers table's")
async def test_a_saved_answer_s_mark_stands_out_in_16_colours_on_the_dark_console(
    store: Store, fixture_program: Program, make_app
) -> None:
    """A saved answer's ✓ on a striped row of the answers, the cursor in the table."""
    info = new_workshop(store, fixture_program)
    app = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        console = await console_at(pilot, "basics/mandate")
        live = app.workshop.records
        for participant in live.info.present[:2]:
            live.set_answer(participant.id, "basics/mandate", "yes")
        assert await app.flush()
        console.show_room()
        await settle(pilot)
        await pilot.press("a")  # the answers' cursor: the ✓ on a striped row
        await settle(pilot)
        marks = [(ratio, colour, back) for text, ratio, colour, back in drawn_in_16(app) if text == "✓"]
        assert marks and all(ratio >= 3 for ratio, _, _ in marks), marks


async def test_the_error_toast_s_edge_stands_out_in_16_colours_on_the_dark_console(make_app) -> None:
    """Textual's toast, on $panel-lighten-1, was grey 8 in 16 colours: its error edge bright red on it, 1.0:1."""
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        app.notify("Not everything is saved yet.", title="Still saving", severity="error", markup=False, timeout=60)
        await wait_until(pilot, lambda: bool(app.screen.query(Toast)), "the toast")
        await settle(pilot)
        edges = [(ratio, colour, back) for text, ratio, colour, back in drawn_in_16(app) if text == "▌"]
        assert edges and all(ratio >= 3 for ratio, _, _ in edges), edges

"""The HTML summary and comparison on a screen in dark mode: drawn dark by the page itself, every colour of its own
(a phone or laptop in dark mode showed a white page). Measured from the style sheet and the pages drawn, not from a
copy of the CSS: the dark set covers every colour of the light one, every shape drawn in a colour of its own has a
dark rule, text keeps WCAG AA (4.5:1) on its ground and a chart's shapes 3:1 on the paper, for every score on the
scale; paper stays light."""

from __future__ import annotations

import colorsys
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from drawn_pages import PAGES, drawn_page

from bootcamp.export.report_style import SCORE_SHADES, STYLE

DARK_MEDIA = "@media screen and (prefers-color-scheme: dark) {"
HUES = range(0, 121)  # the scale's every hue, red (0) to green (120)
# (text, its ground) in the dark set: what is written on what
TEXT_ON_GROUND = [
    ("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("bad-ink", "paper"), ("comment-ink", "paper"),
    ("band-ink", "paper"), ("chip-ink", "chip"), ("red-ink", "red-chip"), ("amber-ink", "amber-chip"),
    ("green-ink", "green-chip"), ("grey-ink", "grey-chip"), ("blue-ink", "blue-chip"), ("rank-ink", "ink"),
    ("on-part", "strategic"), ("on-part", "tactical"), ("on-pale-part", "undecided"), ("on-part", "left-undecided"),
    ("ink", "overdue"), ("ink", "note"), ("muted", "dont-know"), ("ink", "dont-know-stripe"),
]
SHAPES_ON_PAPER = ["strategic", "tactical", "undecided", "left-undecided", "tick", "accent"]


def block_after(css: str, opening: str) -> str:
    """The text inside the block that ``opening`` opens, its nested blocks with it."""
    start = css.index(opening) + len(opening)
    depth = 1
    for at in range(start, len(css)):
        depth += {"{": 1, "}": -1}.get(css[at], 0)
        if depth == 0:
            return css[start:at]
    raise AssertionError(f"{opening} is not closed")


def custom_properties(block: str) -> dict[str, str]:
    """The colours a ``:root`` rule in ``block`` gives its custom properties (name without the dashes → value)."""
    found: dict[str, str] = {}
    for body in re.findall(r":root\s*\{([^{}]*)\}", block):
        found.update(re.findall(r"--([\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)", body))
    return found


def rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """Every innermost rule, (selector, {property: value})."""
    return [
        (" ".join(selector.split()), dict(re.findall(r"([\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)", body)))
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    ]


def rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.strip()
    if colour.startswith("#"):
        digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:4])
        return tuple(int(digits[n : n + 2], 16) / 255 for n in (0, 2, 4))  # type: ignore[return-value]
    raise AssertionError(f"not a hex colour: {colour}")


def hsl(hue: float, saturation: float, lightness: float) -> tuple[float, float, float]:
    return colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100)


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    def luminance(colour: tuple[float, float, float]) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


LIGHT = custom_properties(STYLE[: STYLE.index(DARK_MEDIA)])
DARK = custom_properties(block_after(STYLE, DARK_MEDIA))


def test_the_dark_set_is_for_screens_and_gives_every_colour_of_the_light_one_a_dark_counterpart() -> None:
    assert LIGHT and set(DARK) == set(LIGHT)
    assert [name for name in LIGHT if DARK[name] == LIGHT[name]] == []
    assert "color-scheme: dark" in block_after(STYLE, DARK_MEDIA)
    assert "color-scheme: only light" in block_after(STYLE, "@media print {")  # paper is printed light
    # Outside the custom properties and the print rule, no rule names a colour of its own: each goes by what it is for.
    plain = re.sub(r":root\s*\{[^{}]*\}", "", STYLE.replace(block_after(STYLE, "@media print {"), ""))
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b|rgba?\(", plain) == []


def test_text_in_the_dark_set_keeps_wcag_aa_on_its_ground_and_shapes_three_to_one_on_the_paper() -> None:
    low = {
        f"{text} on {ground}": round(contrast(rgb(DARK[text]), rgb(DARK[ground])), 2)
        for text, ground in TEXT_ON_GROUND
    }
    assert {pair: ratio for pair, ratio in low.items() if ratio < 4.5} == {}
    shapes = {name: round(contrast(rgb(DARK[name]), rgb(DARK["paper"])), 2) for name in SHAPES_ON_PAPER}
    assert {name: ratio for name, ratio in shapes.items() if ratio < 3} == {}


def test_text_in_the_light_set_keeps_wcag_aa_on_its_ground_too() -> None:
    """The role chart's "not decided" part wrote white on light grey (2.03:1), and "undecided by the room" white on mid
    grey (3.66:1): printed or on a washed-out projector the counts faded into their part."""
    low = {
        f"{text} on {ground}": round(contrast(rgb(LIGHT[text]), rgb(LIGHT[ground])), 2)
        for text, ground in TEXT_ON_GROUND
    }
    assert {pair: ratio for pair, ratio in low.items() if ratio < 4.5} == {}


@pytest.mark.parametrize("shade", SCORE_SHADES, ids=lambda shade: shade.selector)
def test_a_score_drawn_dark_stands_out_at_every_hue_of_the_scale_and_unmeasured(shade) -> None:  # noqa: ANN001
    paper, ink = rgb(DARK["paper"]), rgb(DARK["ink"])
    needed, against = {"text": (4.5, paper), "under-text": (4.5, ink), "shape": (3.0, paper)}.get(shade.role, (0, paper))
    colours = [hsl(hue, shade.saturation, shade.lightness) for hue in HUES] + [hsl(0, 0, shade.lightness)]
    assert min(contrast(colour, against) for colour in colours) >= needed


class Coloured(HTMLParser):
    """Every element drawn in a colour of its own: its tag, classes, and the properties its colours are given in."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.found: list[tuple[str, frozenset[str], str, str]] = []  # tag, classes, property, its style or value
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = {name: value or "" for name, value in attrs}
        classes = frozenset(given.get("class", "").split())
        style = given.get("style", "")
        for declaration in style.split(";"):
            prop = declaration.split(":")[0].strip()
            if prop in ("color", "background", "background-color", "border-left-color"):
                self.found.append((tag, classes, "background-color" if prop == "background" else prop, style))
        for prop in ("fill", "stroke"):
            if given.get(prop, "") not in ("", "none"):
                self.found.append((tag, classes, prop, style or given[prop]))


def shade_for(classes: frozenset[str], prop: str) -> bool:
    for shade in SCORE_SHADES:
        wanted = set(re.findall(r"\.([\w-]+)", shade.selector.split()[-1]))
        if shade.prop == prop and wanted <= classes:
            return True
    return False


def dark_rule_for(classes: frozenset[str], prop: str, css: str) -> bool:
    """A rule that gives one of ``classes`` the property in a colour the dark set redraws (a custom property)."""
    for selector, declarations in rules(css):
        last = selector.split()[-1] if selector else ""
        wanted = set(re.findall(r"\.([\w-]+)", last))
        named = re.findall(r"var\(--([\w-]+)\)", declarations.get(prop, ""))
        if wanted and wanted <= classes and named and all(name in DARK for name in named):
            return True
    return False


def test_every_colour_a_page_draws_inline_has_a_dark_counterpart(tmp_path: Path) -> None:
    """A score's colour (a heat map's cell, a bar, a band) is redrawn from its hue; a fixed one (a bar's track, the
    role's parts) by its class's rule; either way, none stays as drawn for light paper."""
    for name in PAGES:
        page = drawn_page(name, tmp_path / "data")
        css = page[page.index("<style>") + len("<style>") : page.index("</style>")]
        drawn = Coloured(page).found
        assert len({(tag, classes) for tag, classes, _, _ in drawn}) >= 5, name  # the measure has something to measure
        missing = [
            (name, tag, sorted(classes), prop)
            for tag, classes, prop, style in drawn
            if not (shade_for(classes, prop) and "--hue:" in style) and not dark_rule_for(classes, prop, css)
        ]
        assert missing == []
        assert '<meta name="color-scheme" content="light dark">' in page


def laid_on(colour: str, ground: str) -> tuple[float, float, float]:
    """An ``rgba()`` colour as it shows laid on an opaque ``ground``."""
    red, green, blue, alpha = (float(part) for part in re.findall(r"[\d.]+", colour))
    return tuple(  # type: ignore[return-value]
        alpha * part / 255 + (1 - alpha) * under for part, under in zip((red, green, blue), rgb(ground))
    )


def test_the_shade_where_a_table_goes_on_shows_on_dark_paper_as_plainly_as_on_light() -> None:
    """On a phone in dark mode the heat map and the dimensions ran past the screen's edge with next to no shade there:
    black at 60% on near-black paper is 1.13:1, where light paper's shade is 1.88:1, and the cue that a table goes on
    was lost."""
    light = contrast(laid_on(LIGHT["shade"], LIGHT["paper"]), rgb(LIGHT["paper"]))
    dark = contrast(laid_on(DARK["shade"], DARK["paper"]), rgb(DARK["paper"]))
    assert light > 1.5  # the light shade shows: the measure has something to match
    assert round(dark, 2) >= round(light, 2)
    assert laid_on(DARK["shade-clear"], DARK["paper"]) == rgb(DARK["paper"])  # it fades to nothing

"""Text charts for the summary screen, drawn in terminal cells: bars, the level gauge, range bars.

Pure functions of figures, a width and styles (Rich ``Text`` only, no widgets), so a chart
fits whatever width its widget has: the 80-column projector or the 120-column console.
The colour scale is the printed report's (``export/report_charts.py``): red at 0 through
amber to green at 100, so the screen and the paper agree.
"""

from __future__ import annotations

import colorsys
from collections.abc import Sequence
from dataclasses import dataclass

from rich.color import Color
from rich.style import Style
from rich.text import Text

from bootcamp.content.model import Level
from bootcamp.ui.text import plain, safe

EIGHTHS = "▏▎▍▌▋▊▉"  # a bar's last cell, filled from the left in eighths
BLACK = Color.parse("#000000")
WHITE = Color.parse("#ffffff")


# The hues of each third of the scale (degrees: 0 red, 60 yellow, 120 green), with a jump between thirds rather
# than a smooth ramp: a terminal of 16 colours gets each colour's nearest ANSI colour, and the smooth ramp's
# orange-reds and yellow-greens became yellow, bright red or grey ("Lip service" as yellow as "Good intentions").
# Within these, at every lightness drawn here, the nearest stays red, yellow or green, in order.
THIRDS = ((0.0, 6.0), (44.0, 62.0), (106.0, 120.0))
SATURATION = 0.8


def score_colour(fraction: float, lightness: float = 0.45) -> Color:
    """Red (0) through amber to green (1), as in the printed report: a low third red, a middle third amber, a
    high third green, each ANSI's own in 16 colours."""
    fraction = max(0.0, min(1.0, fraction))
    third = min(2, int(fraction * 3))
    low, high = THIRDS[third]
    hue = low + (high - low) * (fraction * 3 - third)
    red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness, SATURATION)
    return Color.from_rgb(red * 255, green * 255, blue * 255)


@dataclass(frozen=True)
class Ink:
    """How a score's colour is drawn straight on a theme's page (a bar, a level's name, a line): its lightness, and
    the colour of a mark drawn over it (the audit's average)."""

    lightness: float
    mark: Color


# One lightness for every page was too light for the light theme (a level's name 1.5:1 on white, a bar 1.3:1) and
# too dark for the dark one (a red bar 2.3:1 on its track): each now keeps a bar or a line 3:1 on its track and a
# name 4.5:1 on the page, in full colour and in 256, and stays red, yellow or green in 16 colours.
INK_ON_DARK = Ink(0.6, WHITE)
INK_ON_LIGHT = Ink(0.22, BLACK)


def ink(dark: bool) -> Ink:
    return INK_ON_DARK if dark else INK_ON_LIGHT


def _luminance(colour: Color) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour.get_truecolor())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def on_colour(colour: Color, *, bold: bool = False) -> Style:
    """Text on a coloured cell: black or white, whichever stands out more (WCAG contrast; a bright green had
    white text, unreadable once a 16-colour terminal drew it bright green)."""
    luminance = _luminance(colour)
    light = (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05)
    return Style(color=BLACK if light else WHITE, bgcolor=colour, bold=bold)


def on_score(fraction: float, *, bold: bool = False) -> Style:
    return on_colour(score_colour(fraction), bold=bold)


def fit(text: Text | str, width: int, *, align: str = "left", style: str | Style = "") -> Text:
    """Exactly ``width`` cells: cut with an ellipsis, or padded on the side ``align`` leaves free."""
    line = text.copy() if isinstance(text, Text) else plain(text, style)
    if "\n" in line.plain or "\t" in line.plain:  # one line: same length, so the styles stay where they were
        line = Text(line.plain.replace("\n", " ").replace("\t", " "), style=line.style, spans=line.spans)
    line.no_wrap = True
    line.end = ""
    if width <= 0:
        return Text(end="")
    line.truncate(width, overflow="ellipsis")
    gap = width - line.cell_len
    if gap > 0:
        if align == "right":
            line = Text(" " * gap, end="") + line
        elif align == "center":
            line = Text(" " * (gap // 2), end="") + line
            line.append(" " * (width - line.cell_len))
        else:
            line.append(" " * gap)
    return line


def bar(
    fraction: float | None, width: int, track: Style, colour: Color | None = None, drawn: Ink = INK_ON_DARK
) -> Text:
    """A bar filled to ``fraction`` of ``width`` cells (to an eighth of a cell); a dashed track when None.

    Its colour is the score's on the report's scale unless ``colour`` says otherwise (a count is no verdict).
    """
    if width <= 0:
        return Text(end="")
    background = Style(bgcolor=track.bgcolor)
    if fraction is None:
        return Text("╌" * width, style=Style(color=track.color), end="")
    fraction = max(0.0, min(1.0, fraction))
    cells = fraction * width
    full = int(cells)
    eighths = round((cells - full) * 8)
    if eighths == 8:
        full, eighths = full + 1, 0
    fill = Style(color=colour or score_colour(fraction, drawn.lightness)) + background
    line = Text("█" * full, style=fill, end="")
    if full < width and eighths:
        line.append(EIGHTHS[eighths - 1], fill)
    line.append(" " * (width - line.cell_len), background)
    return line


def level_bands(levels: Sequence[Level]) -> list[tuple[Level, float, float]]:
    """Each level with the scores it covers, lowest first: (level, from, to)."""
    ordered = sorted(levels, key=lambda level: level.min_score)
    bands = []
    for n, level in enumerate(ordered):
        end = ordered[n + 1].min_score if n + 1 < len(ordered) else 100.0
        if end > level.min_score:
            bands.append((level, max(0.0, level.min_score), min(100.0, end)))
    return bands


def gauge(
    score: int | None, current: Level | None, levels: Sequence[Level], width: int, muted: Style, drawn: Ink = INK_ON_DARK
) -> list[Text]:
    """Two lines: the levels as named bands along 0..100, then a marker under the score."""
    bands = level_bands(levels)
    line = Text(end="")
    for level, start, end in bands:
        left, right = round(start / 100 * width), round(end / 100 * width)
        here = current is not None and level.id == current.id
        # The level reached is filled with its colour; the others name theirs in it. Filled dark, they were
        # white on yellow in 16 colours.
        middle = (start + end) / 200
        if here:
            style = on_colour(score_colour(middle), bold=True)
        else:
            style = Style(color=score_colour(middle, drawn.lightness))
        label = " " + level.title
        line.append_text(fit(plain(label, style), right - left))
    line.append(" " * (width - line.cell_len))
    if score is None:
        return [line, plain("not measured: no commitment question has a scored answer yet", muted)]
    at = min(width - 1, int(score / 100 * width))
    label = f"▲ {score}"
    marker = f"{' ' * at}{label}" if at + len(label) <= width else f"{' ' * (at - len(label) + 1)}{score} ▲"
    return [line, Text(marker, style="bold", end="")]


def stacked_cells(parts: Sequence[tuple[str, int, Style]], width: int) -> list[int]:
    """The cells of each part of a stacked bar ``width`` wide, in proportion to its count (all 0 for no count)."""
    total = sum(count for _, count, _ in parts)
    if not total:
        return [0] * len(parts)
    exact = [count / total * width for _, count, _ in parts]
    cells = [int(share) for share in exact]
    # Largest remainders get the cells left over, so the parts add up to the width exactly.
    for n in sorted(range(len(parts)), key=lambda n: exact[n] - cells[n], reverse=True)[: width - sum(cells)]:
        cells[n] += 1
    return cells


def stacked(parts: Sequence[tuple[str, int, Style]], width: int, track: Style) -> Text:
    """Counts side by side as one bar ``(label, count, style)``, each labelled where it fits."""
    if not sum(count for _, count, _ in parts):
        return Text(" " * width, style=Style(bgcolor=track.bgcolor), end="")
    line = Text(end="")
    for (label, count, style), size in zip(parts, stacked_cells(parts, width), strict=True):
        if not size:
            continue
        words = f" {label} {count}" if len(label) + len(str(count)) + 2 <= size else f" {count}"
        line.append_text(fit(plain(words if len(words) <= size else "", style), size))
    return line


def stacked_labelled(parts: Sequence[tuple[str, int, Style]], width: int) -> bool:
    """Whether :func:`stacked` shows every part's label in the bar (a part with no count needs none)."""
    cells = stacked_cells(parts, width)
    fits = [not count or len(label) + len(str(count)) + 2 <= size for (label, count, _), size in zip(parts, cells)]
    return all(fits)


def legend(parts: Sequence[tuple[str, int, Style]]) -> Text:
    """The parts of a stacked bar named with their counts, each after a swatch of its colour: ``██ strategic 3``; a
    part with no count is not in the bar, nor in its key."""
    line = Text(end="")
    for n, (label, count, style) in enumerate(part for part in parts if part[1]):
        if n:
            line.append("   ")
        line.append("  ", Style(bgcolor=style.color if style.reverse else style.bgcolor))  # a reversed part too
        line.append(f" {label} {count}")
    return line


def position(value: float, low: float, high: float, width: int) -> int:
    """The cell of ``value`` on a scale from ``low`` (first cell) to ``high`` (last cell)."""
    span = high - low or 1.0
    return max(0, min(width - 1, round((value - low) / span * (width - 1))))


def range_bar(
    mean: float | None,
    low: float | None,
    high: float | None,
    spread: float | None,
    scale: tuple[float, float],
    width: int,
    track: Style,
    drawn: Ink = INK_ON_DARK,
) -> Text:
    """An audit row: the answers' range as a line, ± one standard deviation shaded (the track's shade), the average
    a dot."""
    cells: list[tuple[str, Style]] = [("─", Style(color=track.color))] * width
    if mean is not None and low is not None and high is not None:
        scale_low, scale_high = scale
        fraction = (mean - scale_low) / ((scale_high - scale_low) or 1.0)
        # The band was a darker shade of the line's colour, the line on it 1.9:1 (1.3:1 in the light theme); on the
        # track's grey the line keeps 3:1 in either, and its hue says the score.
        colour, band = score_colour(fraction, drawn.lightness), track.bgcolor
        first, last = position(low, *scale, width), position(high, *scale, width)
        for at in range(first, last + 1):
            cells[at] = ("━", Style(color=colour))
        if spread:
            # The band stays inside the answers' range: nobody answered beyond it.
            start = max(first, position(mean - spread, *scale, width))
            for at in range(start, min(last, position(mean + spread, *scale, width)) + 1):
                cells[at] = ("━", Style(color=colour, bgcolor=band))
        cells[position(mean, *scale, width)] = ("●", Style(color=drawn.mark, bgcolor=band, bold=True))
    line = Text(end="")
    for char, style in cells:
        line.append(char, style)
    return line


def axis(marks: Sequence[tuple[float, str]], scale: tuple[float, float], width: int, style: Style) -> Text:
    """Labels at their values along a scale, each centred on its value where there is room."""
    line = [" "] * width
    taken: list[tuple[int, int]] = []
    placed = [(position(value, *scale, width), safe(text)[:width]) for value, text in marks]
    # The outermost labels first: they say which way the scale runs.
    for at, label in sorted(placed, key=lambda mark: abs(mark[0] - (width - 1) / 2), reverse=True):
        start = max(0, min(at - len(label) // 2, width - len(label)))
        end = start + len(label)
        if any(start <= other_end and other_start <= end for other_start, other_end in taken):
            continue  # it would touch a label already placed
        line[start:end] = list(label)
        taken.append((start, end))
    return Text("".join(line), style=style, end="")

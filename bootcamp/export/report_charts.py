"""Inline SVG charts for the HTML report: small, self-contained, readable on paper in grey.

Every chart takes figures (never participant text) and returns an ``<svg>`` string with a
``<title>`` so a screen reader and a tooltip say what the bar shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bootcamp.content.model import Level

# Each shape carries its colour as well as its class: a mail client that drops the page's style sheet and keeps the
# SVG paints a shape with no fill black (a score bar's track read as the bar). The style sheet's rules still win.
TRACK = 'fill="#eef1f4"'
UNMEASURED = 'fill="#eef1f4" stroke="#b8c0c8" stroke-dasharray="4 3"'
TICK = 'stroke="#59636d"'
LABEL_CHAR = 7.5  # about the width of one character of a bar's 12 px bold labels, in px
PART_FILLS = {"strategic": "#2e7d5b", "tactical": "#c0392b", "undecided": "#b0b7be", "left-undecided": "#6c757d"}
PALE_PARTS = {"undecided": "#1d2329"}  # light enough that white on them fades: their counts in dark ink


def score_hue(fraction: float) -> int:
    """Red (0) through amber to green (1): the one colour scale of the whole report."""
    return round(max(0.0, min(1.0, fraction)) * 120)


def score_colour(fraction: float | None, lightness: int = 42) -> str:
    if fraction is None:
        return "#9aa0a6"
    return f"hsl({score_hue(fraction)} 62% {lightness}%)"


def score_hue_property(fraction: float | None) -> str:
    """The score's place on the scale as a custom property, ``--hue:60`` (``--hue:0;--sat:0%``, grey, unmeasured),
    from which the dark theme draws it again (report_style.SCORE_SHADES): the inline colour is drawn for light paper."""
    return "--hue:0;--sat:0%" if fraction is None else f"--hue:{score_hue(fraction)}"


def score_style(prop: str, fraction: float | None, lightness: int) -> str:
    """An element's inline style in the score's colour, ``background:hsl(60 62% 78%);--hue:60``."""
    return f"{prop}:{score_colour(fraction, lightness)};{score_hue_property(fraction)}"


def scored(fraction: float | None) -> str:
    """``style="--hue:60"``, for a shape drawn in the score's colour."""
    return f'style="{score_hue_property(fraction)}"'


def _svg(width: int, height: int, title: str, body: str, css_class: str) -> str:
    return (
        f'<svg class="{css_class}" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{body}</svg>'
    )


def score_bar(score: int | None, levels: Sequence[Level], title: str, width: int = 320, height: int = 18) -> str:
    """A 0..100 bar with a tick at each level's threshold; a hatched empty track when not measured."""
    ticks = "".join(
        f'<line x1="{level.min_score / 100 * width:.1f}" y1="0" x2="{level.min_score / 100 * width:.1f}" '
        f'y2="{height}" class="tick" {TICK}/>'
        for level in levels
        if 0 < level.min_score < 100
    )
    if score is None:
        fill = f'<rect x="0" y="0" width="{width}" height="{height}" rx="3" class="unmeasured" {UNMEASURED}/>'
    else:
        fill = (
            f'<rect x="0" y="0" width="{score / 100 * width:.1f}" height="{height}" rx="3" '
            f'fill="{score_colour(score / 100)}" class="fill" {scored(score / 100)}/>'
        )
    track = f'<rect x="0" y="0" width="{width}" height="{height}" rx="3" class="track" {TRACK}/>'
    return _svg(width, height, title, track + fill + ticks, "bar score-bar")


def gauge(score: int | None, levels: Sequence[Level], width: int = 1000, height: int = 84) -> str:
    """The overall score: level bands along 0..100, each named, with a marker at the score."""
    bands = []
    ordered = sorted(levels, key=lambda level: level.min_score)
    for n, level in enumerate(ordered):
        start = max(0.0, level.min_score)
        end = ordered[n + 1].min_score if n + 1 < len(ordered) else 100.0
        if end <= start:
            continue
        middle = (start + end) / 2 / 100
        bands.append(
            f'<rect x="{start / 100 * width:.1f}" y="22" width="{(end - start) / 100 * width:.1f}" height="26" '
            f'fill="{score_colour(middle, 80)}" class="band" {scored(middle)}><title>{escape(level.title)} from '
            f"{level.min_score:g}</title></rect>"
            + (
                # The top band is narrow (Hard-wired from 90): its name ends at the gauge's end, not cut there.
                f'<text x="{end / 100 * width - 6:.1f}" y="70" text-anchor="end" class="band-label">'
                if n + 1 == len(ordered)
                else f'<text x="{start / 100 * width + 6:.1f}" y="70" class="band-label">'
            )
            + f"{escape(level.title)}</text>"
        )
    marker = ""
    if score is not None:
        x = score / 100 * width
        marker = (
            f'<path d="M{x - 12:.1f} 2 L{x + 12:.1f} 2 L{x:.1f} 20 Z" '
            f'fill="{score_colour(score / 100, 34)}" class="marker" {scored(score / 100)}/>'
            f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="50" class="needle"/>'
        )
    title = "overall score not measured" if score is None else f"overall score {score} of 100"
    return _svg(width, height, title, "".join(bands) + marker, "gauge")


def range_bar(
    mean: float | None,
    low: float | None,
    high: float | None,
    spread: float | None,
    scale_low: float,
    scale_high: float,
    title: str,
    width: int = 300,
    height: int = 22,
) -> str:
    """An audit row: the answers' range as a thin line, ± one standard deviation as a band, the mean as a dot."""
    span = scale_high - scale_low or 1.0

    def x(value: float) -> float:
        return max(0.0, min(1.0, (value - scale_low) / span)) * (width - 12) + 6

    body = f'<line x1="6" y1="{height / 2}" x2="{width - 6}" y2="{height / 2}" class="track-line"/>'
    if mean is not None and low is not None and high is not None:
        colour = score_colour((mean - scale_low) / span)
        hue = scored((mean - scale_low) / span)
        body += (
            f'<line x1="{x(low):.1f}" y1="{height / 2}" x2="{x(high):.1f}" y2="{height / 2}" '
            f'class="range" stroke="{colour}" {hue}/>'
        )
        if spread:
            body += (
                f'<rect x="{x(mean - spread):.1f}" y="{height / 2 - 5}" '
                f'width="{x(mean + spread) - x(mean - spread):.1f}" '
                f'height="10" rx="3" fill="{colour}" class="spread" {hue}/>'
            )
        body += f'<circle cx="{x(mean):.1f}" cy="{height / 2}" r="6" fill="{colour}" class="mean" {hue}/>'
    return _svg(width, height, title, body, "bar range-bar")


def dumbbell(
    self_value: float, team_value: float, flagged: bool, title: str, width: int = 260, height: int = 20
) -> str:
    """Self (filled) and team (hollow) on 0..1, joined by a line: a gap chart row."""

    def x(value: float) -> float:
        return max(0.0, min(1.0, value)) * (width - 16) + 8

    cls = "link flagged" if flagged else "link"
    body = (
        f'<line x1="8" y1="{height / 2}" x2="{width - 8}" y2="{height / 2}" class="track-line"/>'
        f'<line x1="{x(self_value):.1f}" y1="{height / 2}" x2="{x(team_value):.1f}" y2="{height / 2}" class="{cls}"/>'
        f'<circle cx="{x(team_value):.1f}" cy="{height / 2}" r="6" class="team" fill="#fff" '
        f'stroke="{score_colour(team_value)}" {scored(team_value)}/>'
        f'<circle cx="{x(self_value):.1f}" cy="{height / 2}" r="6" class="self" fill="{score_colour(self_value)}" '
        f"{scored(self_value)}/>"
    )
    return _svg(width, height, title, body, "bar dumbbell")


def stacked_bar(parts: Sequence[tuple[str, int, str]], title: str, width: int = 480, height: int = 22) -> str:
    """Counts side by side as one bar: ``(label, count, css class)``, each part named with its count where that fits
    ("tactical 5"), else its count alone."""
    total = sum(count for _, count, _ in parts)
    body = f'<rect x="0" y="0" width="{width}" height="{height}" rx="3" class="track" {TRACK}/>'
    x = 0.0
    for label, count, css_class in parts:
        if not count or not total:
            continue
        part = count / total * width
        body += (
            f'<rect x="{x:.1f}" y="0" width="{part:.1f}" height="{height}" class="{css_class}" '
            f'fill="{PART_FILLS.get(css_class, "#6c757d")}">'
            f"<title>{escape(label)}: {count}</title></rect>"
        )
        # Named where the name fits, as the console's bar is: strategic green and tactical red print as one grey.
        named = f"{label} {count}"
        shown = named if part >= len(named) * LABEL_CHAR + 12 else str(count) if part > 28 else ""
        if shown:
            ink, pale = (PALE_PARTS[css_class], " on-pale") if css_class in PALE_PARTS else ("#fff", "")
            body += (
                f'<text x="{x + part / 2:.1f}" y="{height / 2 + 4}" text-anchor="middle" class="count{pale}" '
                f'fill="{ink}">'
                f"{escape(shown)}</text>"
            )
        x += part
    return _svg(width, height, title, body, "bar stacked-bar")

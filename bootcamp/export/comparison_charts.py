"""Inline SVG for the comparison page: an earlier and a later score as two bars on one 0..100 track.

Figures only (never participant text), in the report's colour scale (:mod:`bootcamp.export.report_charts`),
with a ``<title>`` that says both scores for a screen reader and a tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bootcamp.content.model import Level
from bootcamp.export.report_charts import TICK, TRACK, UNMEASURED, score_colour, scored


def before_after_bars(
    before: int | None, after: int | None, levels: Sequence[Level], title: str, width: int = 320, height: int = 30
) -> str:
    """The earlier score as a thin pale bar over the later one in full colour; a dashed track where a run
    measured nothing; a tick at each level's threshold."""

    def bar(score: int | None, y: int, size: int, lightness: int, css_class: str) -> str:
        track = f'<rect x="0" y="{y}" width="{width}" height="{size}" rx="2" class="track" {TRACK}/>'
        if score is None:
            unmeasured = f'<rect x="0" y="{y}" width="{width}" height="{size}" rx="2" class="unmeasured" {UNMEASURED}/>'
            return track + unmeasured
        return track + (
            f'<rect x="0" y="{y}" width="{score / 100 * width:.1f}" height="{size}" rx="2" '
            f'fill="{score_colour(score / 100, lightness)}" class="{css_class}" {scored(score / 100)}/>'
        )

    ticks = "".join(
        f'<line x1="{level.min_score / 100 * width:.1f}" y1="0" x2="{level.min_score / 100 * width:.1f}" '
        f'y2="{height}" class="tick" {TICK}/>'
        for level in levels
        if 0 < level.min_score < 100
    )
    body = bar(before, 1, 10, 74, "earlier") + bar(after, 13, 16, 42, "later") + ticks
    return (
        f'<svg class="bar before-after" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{body}</svg>'
    )

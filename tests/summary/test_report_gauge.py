"""The HTML summary's gauge: every level's band named in full, the narrow top band too."""

from __future__ import annotations

import re

from bootcamp.content import load_dir
from bootcamp.export.report_charts import gauge
from bootcamp.locations import default_content_dir


def test_the_top_levels_name_ends_at_the_gauges_end_instead_of_being_cut_there() -> None:
    """Hard-wired starts at 90: its name, begun at 90, ran past the gauge's end and printed as "Hard-wirec"."""
    levels = load_dir(default_content_dir()).levels
    svg = gauge(42, levels)
    labels = re.findall(r'<text x="([0-9.]+)" y="70"( text-anchor="end")? class="band-label">([^<]+)</text>', svg)
    assert [title for _, _, title in labels] == [level.title for level in sorted(levels, key=lambda l: l.min_score)]
    *others, (x, anchor, title) = labels
    assert (title, anchor, float(x)) == ("Hard-wired", ' text-anchor="end"', 994.0)
    assert all(anchor == "" for _, anchor, _ in others)

"""Progress between two runs whose rate step changed scale: the aptitudes rated on strength … weakness (0 to 2) a
year ago and on a five-point scale (1 to 5) now. Averages on two scales are not one measure: the step is not
compared, and the comparison says so, naming the step and both scales (as it does for a question on another scale).

Each run is scored with its own content, as a workshop keeps the copy it was run with.
"""

from __future__ import annotations

from summary_rooms import FIXTURE, RATE, Room_, participants

from bootcamp.content.loader import load_sources, read_sources
from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.comparison_json import comparison_to_data
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.export.comparison_text import notes
from bootcamp.store.model import Answer
from bootcamp.summary.comparison import compare
from bootcamp.summary.comparison_model import COMPARISON_VERSION
from bootcamp.summary.report import build_report

AUDIT = "basics/audit-aptitudes"
AUDIT_STEP = """
  - id: audit-aptitudes
    kind: rate
    title: Audit the aptitudes
    minutes: 5
    items: aptitudes
    scale: strength
    perspectives: [team]
"""
FIVE = """
  five:
    title: One to five
    options:
      - {id: "1", label: Poor, value: 1, key: "1"}
      - {id: "2", label: Weak, value: 2, key: "2"}
      - {id: "3", label: Fair, value: 3, key: "3"}
      - {id: "4", label: Good, value: 4, key: "4"}
      - {id: "5", label: Strong, value: 5, key: "5"}
"""
ITEMS = ("persist", "give-power-away")


def _content(scale: str = "strength"):
    """The fixture content with an audit step after the heat map's, both rated on ``scale``."""
    sources = read_sources(FIXTURE)
    basics = sources["sessions/basics.yaml"]
    at = basics.index("  - id: mandate")
    basics = basics[:at] + AUDIT_STEP.lstrip("\n") + basics[at:]
    sources["sessions/basics.yaml"] = basics.replace("scale: strength", f"scale: {scale}")
    sources["sessions/program.yaml"] = sources["sessions/program.yaml"].replace("scales:\n", "scales:" + FIVE, 1)
    return load_sources(sources)


def _report(scale: str, value: str, *, workshop_id: str, date: str):
    answers = [
        Answer(f"p{n}", step, item=item, perspective=perspective, value=value)
        for n in range(1, 5)
        for step, perspectives in ((RATE, ("self", "team")), (AUDIT, ("team",)))
        for item in ITEMS
        for perspective in perspectives
    ]
    room = Room_(participants(4), answers, workshop_id=workshop_id, date=date)
    return build_report(_content(scale), room.info, room.answers, room.room, room.state)


def test_a_rate_step_on_another_scale_is_not_compared_and_the_note_names_it_and_both_scales() -> None:
    """Before: every aptitude read "0 → 3.0 (+3.0)" (a weakness then, 'fair' now), the change on the later scale of
    two averages on different scales, and 0–1 shares compared behind it, with no word that the scale had changed."""
    earlier = _report("strength", "weak", workshop_id="w1", date="2026-09-21")
    later = _report("five", "3", workshop_id="w2", date="2027-03-01")
    comparison = compare(earlier, later)
    [heat_map], [audit] = comparison.heat_maps, comparison.audits
    for part in (heat_map, audit):
        assert part.scale_changed
        before = (part.scale_title_before, part.scale_low_before, part.scale_high_before)
        assert before == ("Strength or weakness", 0, 2)
        assert (part.scale_title, part.scale_low, part.scale_high) == ("One to five", 1, 5)
        assert all(row.change is None and row.mean_change is None for row in part.rows)
        assert {(row.mean_before, row.mean_after) for row in part.rows} == {(0, 3)}  # each run's own, kept
    said = notes(comparison)
    for title in ("Rate the aptitudes", "Audit the aptitudes"):
        [note] = [n for n in said if title in n]
        assert "Strength or weakness (0 to 2) then, One to five (1 to 5) now" in note and "not compared" in note
    markdown = render_comparison_markdown(comparison)
    html = render_comparison_html(comparison)
    for text in (markdown, html):
        assert "+3" not in text and "+0.5" not in text and "Strength or weakness (0 to 2) then" in text
    data = comparison_to_data(comparison)
    assert data["version"] == COMPARISON_VERSION == 5
    for part in (data["heat_maps"][0], data["audits"][0]):
        assert part["scale_changed"] is True
        assert (part["scale_title_before"], part["scale_low_before"], part["scale_high_before"]) == (
            "Strength or weakness",
            0,
            2,
        )
        assert all(row["change"] is None for row in part["rows"])


def test_a_rate_step_on_the_same_scale_is_compared_as_before_with_no_note() -> None:
    earlier = _report("strength", "weak", workshop_id="w1", date="2026-09-21")
    later = _report("strength", "strong", workshop_id="w2", date="2027-03-01")
    comparison = compare(earlier, later)
    [heat_map], [audit] = comparison.heat_maps, comparison.audits
    for part in (heat_map, audit):
        assert not part.scale_changed and part.scale_title_before == "Strength or weakness"
        assert {row.mean_change for row in part.rows} == {2.0}
    assert not [n for n in notes(comparison) if "aptitudes" in n]

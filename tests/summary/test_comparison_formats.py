"""The comparison in Markdown (against a reviewed golden file), JSON (documented and versioned) and HTML.

When the Markdown changes on purpose, regenerate the golden file and review the diff before committing:

    BOOTCAMP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/summary/test_comparison_formats.py
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from comparison_rooms import earlier_room, later_room, structure_room
from summary_rooms import Room_, mandate, participants, structure
from test_escaping import Elements, assert_no_live_markup, assert_printable

from bootcamp.export import comparison_json
from bootcamp.export.comparison_html import render_comparison_html
from bootcamp.export.comparison_json import FORMAT, comparison_to_data, render_comparison_json
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.summary.comparison import compare
from bootcamp.summary.comparison_model import AuditChange, RatingChange

GOLDEN = Path(__file__).parent / "golden" / "comparison.md"


@pytest.fixture(scope="module")
def comparison():
    return compare(earlier_room().report(), later_room().report())


def keys(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            keys(inner, found)
    elif isinstance(value, list):
        for inner in value:
            keys(inner, found)
    return found


def test_markdown_matches_the_golden_file(comparison) -> None:
    markdown = render_comparison_markdown(comparison)
    if os.environ.get("BOOTCAMP_UPDATE_GOLDEN"):
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8"), (
        "the Markdown comparison changed; if on purpose, regenerate with BOOTCAMP_UPDATE_GOLDEN=1 "
        ".venv/bin/python -m pytest tests/summary/test_comparison_formats.py and review the diff"
    )


def test_json_is_versioned_and_every_field_is_documented(comparison) -> None:
    data = json.loads(render_comparison_json(comparison))
    assert data["format"] == FORMAT == "bootcamp-commitment-comparison" and data["version"] == 5
    spans = re.findall(r"``(.+?)``", comparison_json.__doc__ or "", re.DOTALL)
    documented = {word for span in spans for word in re.findall(r"\w+", span)}
    missing = sorted(keys(data, set()) - documented)
    assert missing == [], f"fields missing from comparison_json's docstring: {missing}"


def test_json_carries_the_figures_with_both_sides(comparison) -> None:
    data = comparison_to_data(comparison)
    mandate, structure = data["dimensions"]
    assert (mandate["score_before"], mandate["score_after"], mandate["change"]) == (33, 88, 55)
    assert (mandate["measured"], mandate["level_move"], mandate["unclear_before"]) == ("both", "up", True)
    assert (structure["score_after"], structure["change"], structure["measured"]) == (None, None, "earlier-only")
    assert structure["status_after"] == "not-on-agenda"
    assert data["overall"]["like_for_like_change"] == 55 and data["overall"]["change"] == 55  # not 17 → 88's +71
    assert data["overall"]["same_dimensions"] is False and data["overall"]["level_move"] is None
    assert data["biggest_moves_first"] == ["mandate", "structure"]
    assert data["role"]["tactical_share_before"] == pytest.approx(0.6667) and data["role"]["lines_after"] is None
    assert [a["state"] for a in data["actions"]] == ["overdue", "open", "done", "dropped", "open"]
    assert data["actions"][0]["again"] == "open" and data["new_actions"] == 1
    rows = {(r["item"], r["perspective"]): r for r in data["heat_maps"][0]["rows"]}
    assert rows[("persist", "self")]["change"] == 1.0
    assert rows[("give-power-away", "self")]["measured"] == "later-only"
    assert data["as_of"] == "2027-03-01" and data["agenda_differs"] is True


def test_html_is_one_safe_page_with_a_before_and_after_chart_per_dimension(comparison) -> None:
    html = render_comparison_html(comparison)
    assert_printable(html)
    page = Elements(html)
    assert_no_live_markup(page)
    assert "default-src 'none'" in page.named("meta")[1]["content"]
    charts = [attrs for attrs in page.named("svg") if "before-after" in attrs.get("class", "")]
    assert len(charts) == len(comparison.dimensions) + 1  # one per dimension and the overall
    text = page.all_text
    assert "Progress: Acme" in text and "Dimensions, biggest moves first" in text
    assert "measured only in the earlier run (the later run: not on this agenda)" in text
    assert "Actions from the earlier run" in text and "overdue" in text


def test_a_rating_change_is_on_the_scale_of_the_averages_beside_it_in_every_format(comparison) -> None:
    """Persist! rated 1 then 2 on a 0–2 scale moved by 1 point of that scale, not "+50" points of 100; the heading
    says so, and the change is the difference of the two averages as shown."""
    markdown = render_comparison_markdown(comparison)
    assert "earlier → later (the change on the same scale)." in markdown
    assert "| Persist! | 1 → 2 (+1) | 0 → 1 (+1) |" in markdown
    assert "points of 100 along" not in markdown
    html = render_comparison_html(comparison)
    assert '1 → 2 <span class="chip change up">+1</span>' in html and "(+50)" not in html and ">+50<" not in html
    data = comparison_to_data(comparison)
    rows = {(r["item"], r["perspective"]): r for r in data["heat_maps"][0]["rows"]}
    assert data["version"] == 5 and rows[("persist", "self")]["change"] == 1.0


def overall_section(markdown: str) -> str:
    return markdown.split("## Overall\n")[1].split("\n## ")[0].lstrip("\n")


def test_the_headline_is_like_for_like_when_the_runs_measured_different_dimensions(comparison) -> None:
    """A CCO read "50 → 90/100 (+40)" when the one dimension measured both times fell from 100 to 50: the later run
    had not asked again the question that scored 0. The two overall scores stay, but are not compared."""
    overall = overall_section(render_comparison_markdown(comparison))
    assert overall.startswith("**Like for like, on the 1 dimension measured both times: 33 → 88/100 (+55)**\n")
    assert "+71" not in overall and "↑" not in overall
    assert (
        "Overall scores, not compared: 17 → 88/100. The runs measured different dimensions (2 and 1, 1 in common), "
        "so the difference between them is not progress. Level: Lip service → Hard-wired."
    ) in " ".join(overall.split())
    html = render_comparison_html(comparison)
    assert ">+71<" not in html
    verdict = html.split('<p class="verdict">')[1].split("</p>")[0]
    assert verdict == (
        'Like for like, on the 1 dimension measured both times: 33 → 88 <span class="chip change up">+55</span>'
    )
    assert "Overall scores, not compared: 17 → 88/100." in Elements(html).all_text
    # The two scores stay in sight, small and grey, each with what it rests on: not a big green gain.
    assert '<p class="big aside">17<small>/100</small></p><p class="meta">earlier overall, 2 dimensions</p>' in html
    assert '<p class="big aside">88<small>/100</small></p><p class="meta">later overall, 1 dimension</p>' in html
    # Markdown's bars draw what is compared, the like-for-like scores, not the two overall scores side by side
    assert "` earlier, like for like  \n" in overall and "` later, like for like" in overall
    assert "` earlier  \n" not in overall


def test_runs_that_measured_the_same_dimensions_keep_the_overall_headline() -> None:
    same = compare(
        structure_room("w1", "2026-01-01", "no", "no").report(),
        structure_room("w2", "2026-06-01", "partly", "no").report(),
    )
    overall = overall_section(render_comparison_markdown(same))
    assert overall.startswith("**0 → 25/100 (+25)** — Lip service (same)\n")
    assert "not compared" not in overall
    html = render_comparison_html(same)
    assert '<p class="verdict"><span class="chip change up">+25</span> Lip service (same)</p>' in html


def test_a_withheld_overall_level_is_said_in_words() -> None:
    """The headline read "— – → Hard-wired" when the earlier run measured too few dimensions for a level."""
    same = compare(
        structure_room("w1", "2026-01-01", "no").report(), structure_room("w2", "2026-06-01", "partly", "no").report()
    )
    # One person answered the earlier run: its level is withheld, and the comparison says why as the summary does.
    said = (
        "level: not given for the earlier run (the one measured dimension rests on one answer to each question) "
        "→ Lip service"
    )
    overall = overall_section(render_comparison_markdown(same))
    assert overall.startswith(f"**0 → 25/100 (+25)** — {said}\n") and "– →" not in overall
    assert f'<p class="verdict"><span class="chip change up">+25</span> {said}</p>' in render_comparison_html(same)
    differing = compare(earlier_room().report(), later_room().report())
    differing = dataclasses.replace(
        differing,
        overall=dataclasses.replace(
            differing.overall,
            level_before=None,
            level_withheld_before=True,
            level_withheld_why_before="only 2 dimensions measured",
        ),
    )
    overall = " ".join(overall_section(render_comparison_markdown(differing)).split())
    assert "Level: not given for the earlier run (only 2 dimensions measured) → Hard-wired." in overall
    assert "– →" not in overall


def test_structure_assessed_in_neither_run_is_not_called_free_of_gaps() -> None:
    """Neither run answered a structure question, and the comparison said "No structural gap in either run"."""
    earlier = Room_(participants(2), mandate("yes", "no"))  # full days: the role check is on the agenda
    later = Room_(participants(2), mandate("yes", "yes"), workshop_id="w2", date="2027-03-01")
    comparison = compare(earlier.report(), later.report())
    said = "Structure was not assessed in either run (no structure question has a scored answer): no gap can be told."
    markdown = render_comparison_markdown(comparison)
    assert said in markdown and "No structural gap" not in markdown
    html = render_comparison_html(comparison)
    assert f"<p>{said}</p>" in html and "No structural gap" not in html


def test_structure_assessed_in_one_run_only_says_which() -> None:
    earlier = Room_(participants(2), mandate("yes", "no"))
    later = Room_(participants(2), [*mandate("yes"), *structure("yes")], workshop_id="w2", date="2027-03-01")
    markdown = render_comparison_markdown(compare(earlier.report(), later.report()))
    assert (
        "No structural gap in the later run; the earlier run has no scored structure question, so no change can be "
        "told." in markdown
    )
    both = compare(later.report(), dataclasses.replace(later, workshop_id="w3", date="2027-09-01").report())
    assert "No structural gap in either run." in render_comparison_markdown(both)


def unrated_comparison():
    """Neither run rated anything: a heat map and an audit with no average on either side."""
    earlier = Room_(participants(2), mandate("yes", "no"))
    later = Room_(participants(2), mandate("yes", "yes"), workshop_id="w2", date="2027-03-01")
    comparison = compare(earlier.report(), later.report())
    row = RatingChange("assets", "Honor customers as assets", "team", None, None, None, None, 0, 0)
    audit = AuditChange("basics/audit", "Audit the competencies", "Competencies", "How far", "team", 1, 5, (row,))
    return dataclasses.replace(comparison, audits=(audit,))


def test_ratings_neither_run_gave_are_one_sentence_not_a_table_of_dashes() -> None:
    comparison = unrated_comparison()
    [heat_map] = comparison.heat_maps
    assert heat_map.rated_in_neither and comparison.audits[0].rated_in_neither
    markdown = render_comparison_markdown(comparison)
    assert "Neither run rated them (*Rate the aptitudes* has no rating in either run)." in markdown, markdown
    assert "Neither run rated them (*Audit the competencies* has no rating in either run)." in markdown
    ratings = markdown.split("## Two aptitudes")[1].split("## Role")[0]
    assert "| – |" not in ratings and "| Item |" not in ratings
    html = render_comparison_html(comparison)
    assert "Neither run rated them (<em>Audit the competencies</em> has no rating in either run)." in html
    assert "Neither run rated them (<em>Rate the aptitudes</em> has no rating in either run)." in html
    assert 'class="ratings"' not in html
    rated = render_comparison_markdown(compare(earlier_room().report(), later_room().report()))
    assert "Neither run rated" not in rated


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [(0.36, 0.8, "+0.4"), (1.34, 0.96, "−0.3"), (1.25, 1.0, "−0.3"), (0.75, 1.25, "+0.5"), (1.04, 0.96, "±0")],
)
def test_a_rating_change_is_the_difference_of_the_averages_as_shown(before: float, after: float, shown: str) -> None:
    from bootcamp.export.comparison_text import signed_mean
    from bootcamp.summary.comparison_model import RatingChange

    row = RatingChange("persist", "Persist!", "self", before, after, before / 2, after / 2, 4, 4)
    assert signed_mean(row.mean_change) == shown


def test_a_comparison_of_two_organisations_names_both_in_its_title_and_is_not_called_progress() -> None:
    later = later_room()
    later.organisation = "Globex"
    comparison = compare(earlier_room().report(), later.report())
    markdown = render_comparison_markdown(comparison)
    assert markdown.startswith("# Comparison across organisations, not progress: Acme → Globex\n")
    assert "Progress" not in markdown
    html = render_comparison_html(comparison)
    page = Elements(html)
    assert page.named("title") and "<title>Comparison across organisations, not progress: Acme → Globex</title>" in html
    assert "<h1>Comparison across organisations, not progress: <bdi>Acme</bdi> → <bdi>Globex</bdi></h1>" in html
    assert "Progress" not in html
    assert render_comparison_markdown(compare(earlier_room().report(), later_room().report())).startswith(
        "# Progress: Acme\n"
    )


def test_the_aptitude_averages_say_the_scale_they_are_on_in_every_format(comparison) -> None:
    """"Persist! 1 → 2" read to a board as out of nothing: the heading names the scale's ends, as the audit's does."""
    markdown = render_comparison_markdown(comparison)
    assert "From *Rate the aptitudes*, on Strength or weakness (0 to 2): earlier → later" in markdown
    html = render_comparison_html(comparison)
    assert "on Strength or weakness (0 to 2): the room&rsquo;s average" in html
    data = comparison_to_data(comparison)
    assert (data["heat_maps"][0]["scale_low"], data["heat_maps"][0]["scale_high"]) == (0, 2)

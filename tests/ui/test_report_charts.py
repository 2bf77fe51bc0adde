"""The summary screen's text charts: pure functions of figures and a width (no app needed)."""

from __future__ import annotations

import pytest
from rich.style import Style
from rich.text import Text

from bootcamp.content.model import Level
from bootcamp.summary.model import ActionResult, HeatMapRow
from bootcamp.ui.widgets.report.actions import action_order
from bootcamp.ui.widgets.report.charts import (
    axis,
    bar,
    fit,
    gauge,
    legend,
    position,
    range_bar,
    stacked,
    stacked_labelled,
)
from bootcamp.ui.widgets.report.heat_map import column_labels, initials

TRACK = Style(color="grey50", bgcolor="grey15")
LEVELS = (
    Level("lip-service", "Lip service", 0, ""),
    Level("good-intentions", "Good intentions", 25, ""),
    Level("taking-hold", "Taking hold", 50, ""),
    Level("hard-wired", "Hard-wired", 75, ""),
)


@pytest.mark.parametrize(
    "text", ["short", "a title far too long for its column", "Ünïcödé 名前 wide", "two\nlines\tand tab"]
)
@pytest.mark.parametrize("align", ["left", "right", "center"])
def test_fit_gives_exactly_the_width_on_one_line(text: str, align: str) -> None:
    fitted = fit(text, 12, align=align)
    assert fitted.cell_len == 12 and "\n" not in fitted.plain and "\t" not in fitted.plain


def test_fit_cuts_with_an_ellipsis_and_pads_on_the_free_side() -> None:
    assert fit("Customers as an asset", 10).plain == "Customers…"
    assert fit("17", 4, align="right").plain == "  17"
    assert fit("ab", 6, align="center").plain == "  ab  "


def test_fit_shows_markup_and_escapes_as_typed() -> None:
    assert fit("[bold red]x\x1b[31m", 20).plain.rstrip() == "[bold red]x␛[31m"


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.17, 0.5, 0.999, 1.0])
@pytest.mark.parametrize("width", [1, 8, 23, 60])
def test_a_bar_is_always_its_width(fraction: float, width: int) -> None:
    assert bar(fraction, width, TRACK).cell_len == width


def test_a_bar_fills_to_its_fraction_in_eighths_and_unmeasured_is_dashed_not_empty() -> None:
    assert bar(1.0, 10, TRACK).plain == "█" * 10
    assert bar(0.5, 10, TRACK).plain == "█" * 5 + " " * 5
    assert bar(0.17, 10, TRACK).plain == "█▊" + " " * 8  # 1.7 cells: one full, then 6/8 of the next (rounded)
    assert bar(0.0, 10, TRACK).plain == " " * 10
    assert bar(None, 10, TRACK).plain == "╌" * 10


def test_gauge_names_every_level_and_marks_the_score_under_it() -> None:
    bands, marker = gauge(39, LEVELS[1], LEVELS, 80, TRACK)
    assert bands.cell_len == 80
    assert [bands.plain[at : at + 16].strip() for at in (1, 21, 41, 61)] == [
        "Lip service",
        "Good intentions",
        "Taking hold",
        "Hard-wired",
    ]
    assert marker.plain.index("▲") == 31  # 39% of 80 cells
    assert marker.plain.endswith("▲ 39")
    _, unmeasured = gauge(None, None, LEVELS, 80, TRACK)
    assert unmeasured.plain.startswith("not measured")


def test_gauge_marker_near_the_end_stays_inside() -> None:
    _, marker = gauge(100, LEVELS[3], LEVELS, 40, TRACK)
    assert marker.cell_len <= 40 and marker.plain.endswith("100 ▲")


def test_stacked_parts_fill_the_width_in_proportion_with_their_counts() -> None:
    line = stacked([("strategic", 2, Style()), ("tactical", 5, Style()), ("not decided", 1, Style())], 80, TRACK)
    assert line.cell_len == 80
    assert line.plain.startswith(" strategic 2 ") and line.plain.index(" tactical 5") == 20  # 2 of 8: a quarter
    assert line.plain[70:].strip() == "1"  # 10 cells: too few for its label, the count still shows
    assert stacked([("a", 0, Style())], 10, TRACK).plain == " " * 10


def test_a_stacked_bar_too_narrow_for_a_label_says_so_and_its_legend_names_every_part() -> None:
    parts = [("strategic", 3, Style(bgcolor="green")), ("tactical", 2, Style(bgcolor="red")), ("not decided", 28, TRACK)]
    assert not stacked_labelled(parts, 76)  # 3 of 33 on 76 cells: 7, too few for " strategic 3"
    assert stacked(parts, 76, TRACK).plain.startswith(" 3 ")
    assert stacked_labelled(parts, 400)
    assert stacked_labelled([("strategic", 0, Style()), ("tactical", 5, Style())], 20)  # nothing to label
    shown = legend(parts)
    assert shown.plain == "   strategic 3      tactical 2      not decided 28"
    assert shown.spans[0].style == Style(bgcolor="green")  # each name after a swatch of its part's colour
    assert legend([("undecided", 1, Style(color="grey50", reverse=True))]).spans[0].style == Style(bgcolor="grey50")


def test_range_bar_puts_the_range_and_the_average_where_they_are_on_the_scale() -> None:
    line = range_bar(3.0, 2.0, 5.0, 0.5, (1.0, 5.0), 41, TRACK)
    assert line.cell_len == 41
    assert line.plain.index("●") == position(3.0, 1.0, 5.0, 41) == 20
    assert line.plain[:10] == "─" * 10 and set(line.plain[10:41]) <= {"━", "●"}
    assert set(range_bar(None, None, None, None, (1.0, 5.0), 20, TRACK).plain) == {"─"}


def test_axis_places_labels_and_leaves_out_those_that_would_collide() -> None:
    marks = [(1.0, "1 Absent"), (3.0, "3 Organised"), (5.0, "5 Embedded")]
    line = axis(marks, (1.0, 5.0), 60, TRACK)
    assert line.plain.startswith("1 Absent") and line.plain.endswith("5 Embedded") and "3 Organised" in line.plain
    crowded = axis(marks, (1.0, 5.0), 24, TRACK)
    assert crowded.plain == "1 Absent      5 Embedded"  # the ends first: they say which way the scale runs


def test_initials_and_numbers_when_two_people_share_them() -> None:
    assert initials("Maria Lindqvist") == "ML" and initials("P3") == "P3" and initials("Jean-Luc Picard") == "JP"

    def row(name: str) -> HeatMapRow:
        return HeatMapRow(name, name, False, ())

    assert column_labels([row("Ana Ortiz"), row("Ben Okafor")]) == ["AO", "BO"]
    assert column_labels([row("Ana Ortiz"), row("Alex Olsen"), row("Ben")]) == ["1", "2", "3"]


def test_actions_overdue_first_then_by_due_date_then_done() -> None:
    def action(what: str, due: str, status: str = "open", overdue: bool = False) -> ActionResult:
        return ActionResult(what, what, "", due, status, "", "", overdue)

    actions = [
        action("done", "2026-01-01", "done"),
        action("later", "2026-12-01"),
        action("undated", ""),
        action("soon", "2026-10-01"),
        action("late", "2026-09-01", overdue=True),
    ]
    assert [a.what for a in sorted(actions, key=action_order)] == ["late", "soon", "later", "undated", "done"]


def test_charts_are_rich_text_without_markup_parsing() -> None:
    assert isinstance(fit("[b]x[/b]", 10), Text) and "[b]x[/b]" in fit("[b]x[/b]", 10).plain

"""The progress between two runs as Markdown: what moved, biggest moves first, and the earlier run's actions.

Escaped as the summary is (:mod:`bootcamp.export.report_markdown`): participant text with
:func:`md`, content text folded onto one line with :func:`content`.
"""

from __future__ import annotations

from bootcamp.export.comparison_text import (
    ARROW,
    action_counts,
    dimensions_count,
    heading,
    interval,
    level_move,
    like_for_like_lead,
    measured_once,
    method_notes,
    neither_rated,
    no_gap_listed,
    not_compared,
    notes,
    overall_level,
    pair,
    rated_on_two_scales,
    run_named,
    scale_span,
    score_or_dash,
    share_pair,
    signed,
    signed_mean,
    split_pair,
    state_phrase,
    tactical_pair,
    two_scales,
)
from bootcamp.export.report_markdown import content, markdown_table, md
from bootcamp.export.report_text import number, participants_phrase, text_bar
from bootcamp.summary.action_progress import action_order
from bootcamp.summary.comparison_model import (
    ActionProgress,
    ActionState,
    AuditChange,
    Comparison,
    GapChange,
    HeatMapChange,
    Measured,
    RatingChange,
    RoleChange,
    RunFacts,
)
from bootcamp.summary.lineage import EarlierChoice


def render_comparison_markdown(comparison: Comparison, chosen: EarlierChoice | None = None) -> str:
    """``chosen``: why the earlier run is the one compared with, said under the two runs."""
    parts: list[list[str]] = [
        _head(comparison, chosen),
        _overall(comparison),
        _every_run(comparison),
        _dimensions(comparison),
        *(_heat_map(heat_map) for heat_map in comparison.heat_maps),
        *(_audit(audit) for audit in comparison.audits),
        _role(comparison.role) if comparison.role else [],
        _actions(comparison),
        ["## How these figures were compared", "", *(f"- {note}" for note in method_notes(comparison))],
    ]
    return "\n".join("\n".join(part) + "\n" for part in parts if part)


def _run(label: str, run: RunFacts) -> str:
    people = participants_phrase(run.participants + run.left_during_the_day, run.left_during_the_day)
    day = "half day" if run.agenda == "half" else "full day"
    return f"- {label}: **{md(run.workshop)}**, {run.held_on}, {day}, {people} · workshop `{run.workshop_id}`"


def _head(comparison: Comparison, chosen: EarlierChoice | None) -> list[str]:
    before, after = comparison.before, comparison.after
    apart = interval(before.date, after.date)
    lines = [
        f"# {heading(comparison)}: "
        + (
            pair(md(before.organisation or "–"), md(after.organisation or "–"))  # two organisations: both named
            if comparison.organisation_differs
            else md(after.organisation or after.workshop)
        ),
        "",
        f"{pair(before.held_on, after.held_on)}" + (f" ({apart})" if apart else "") + f" · {content(after.program)}",
        "",
        _run("Earlier run", before),
        _run("Later run", after),
    ]
    for said in chosen.notes(comparison.before) if chosen else ():
        lines += ["", md(said)]  # a paragraph each: which run, and why that one
    found = notes(comparison)
    if found:
        lines += ["", *(f"> {md(note)}" for note in found)]
    return lines


def _bars(before: int, after: int, what: str) -> list[str]:
    return [f"`{text_bar(before / 100, 20)}` earlier{what}  ", f"`{text_bar(after / 100, 20)}` later{what}"]


def _overall(comparison: Comparison) -> list[str]:
    overall = comparison.overall
    lines = ["## Overall", ""]
    like = overall.like_for_like_change
    like_figures = f"{pair(score_or_dash(overall.like_for_like_before), score_or_dash(overall.like_for_like_after))}"
    compared = overall.same_dimensions or overall.score_before is None or overall.score_after is None
    if overall.score_before is None or overall.score_after is None:
        lines.append(
            f"**{pair(score_or_dash(overall.score_before), score_or_dash(overall.score_after))}/100**: "
            "a run without a scored answer cannot be compared."
        )
    elif overall.same_dimensions:
        move = overall_level(overall)
        lines.append(
            f"**{pair(str(overall.score_before), str(overall.score_after))}/100 ({signed(overall.change)})**"
            + (f" — {content(move)}" if move else "")
        )
    else:  # the like-for-like change is the progress: the two overall scores are shown, not compared
        figures = f": {like_figures}/100 ({signed(like)})" if like is not None else ""
        lines += [f"**{like_for_like_lead(overall)}{figures}**", "", content(not_compared(overall))]
    # Bars side by side invite a comparison: they draw only what is compared, the overall scores when both runs measured
    # the same dimensions, else the like-for-like scores (two bars of different dimensions read as progress or decline).
    if overall.same_dimensions and overall.score_before is not None and overall.score_after is not None:
        lines += ["", *_bars(overall.score_before, overall.score_after, "")]
    elif overall.like_for_like_before is not None and overall.like_for_like_after is not None:
        lines += ["", *_bars(overall.like_for_like_before, overall.like_for_like_after, ", like for like")]
    lines.append("")
    if compared:  # else the headline said it
        lines.append(
            f"Like for like, on the {dimensions_count(overall.shared)} measured both times: "
            + (f"{like_figures} ({signed(like)})." if like is not None else "nothing to compare.")
        )
    lines.append(
        f"Dimensions measured: {pair(str(overall.measured_before), str(overall.measured_after))}; "
        f"\u201cdon\u2019t know\u201d: {share_pair(overall.dont_know_share_before, overall.dont_know_share_after)} "
        "of the answers given."
    )
    return lines


def _every_run(comparison: Comparison) -> list[str]:
    """Each run of the line with its overall score, oldest first: the trend beside the two runs compared."""
    runs = comparison.runs_listed
    if not runs:
        return []
    compared = {comparison.before.workshop_id, comparison.after.workshop_id}
    rows = [
        (
            f"**{run.held_on}**" if run.workshop_id in compared else run.held_on,
            f"{md(run.workshop)} · `{run.workshop_id}`",
            score_or_dash(run.score),
            f"`{text_bar((run.score or 0) / 100, 20)}`" if run.score is not None else "nothing measured",
            content(run.level) or "–",
        )
        for run in runs
    ]
    header = ("Date", "Workshop", "Overall", "", "Level")
    lead = f"{len(runs)} runs since {runs[0].date}, oldest first; the two compared in bold. Each run's overall score"
    lead += " is on the dimensions it measured, named with its own levels."
    return ["## Every run", "", lead, "", *markdown_table(header, rows, "llrll")]


def _dimensions(comparison: Comparison) -> list[str]:
    rows = []
    for d in comparison.biggest_moves_first:
        both = d.measured is Measured.BOTH
        rows.append(
            (
                content(d.title),
                score_or_dash(d.score_before),
                score_or_dash(d.score_after),
                f"**{signed(d.change)}**" if both else measured_once(d),
                content(level_move(d)) or "–",
                share_pair(d.dont_know_share_before, d.dont_know_share_after),
                split_pair(d),
            )
        )
    header = ("Dimension", "Earlier", "Later", "Change", "Level", "Don\u2019t know", "Room split")
    return ["## Dimensions, biggest moves first", "", *markdown_table(header, rows, "lrrllll")]


def _rating_cell(row: RatingChange | None) -> str:
    if row is None or row.measured is Measured.NEITHER:
        return "–"
    if row.measured is not Measured.BOTH:
        return pair(number(row.mean_before), number(row.mean_after))
    return f"{pair(number(row.mean_before), number(row.mean_after))} ({signed_mean(row.mean_change)})"


def _heat_map(heat_map: HeatMapChange) -> list[str]:
    lines = [f"## {content(heat_map.list_title)}: room averages", ""]
    if heat_map.rated_in_neither:
        return [*lines, neither_rated(f"*{content(heat_map.title)}*")]
    if heat_map.scale_changed:  # one sentence: averages on two scales side by side would read as a change
        return [*lines, rated_on_two_scales(f"*{content(heat_map.title)}*", two_scales(heat_map, content))]
    lines.append(
        f"From *{content(heat_map.title)}*, on {content(heat_map.scale_title)}{scale_span(heat_map)}: earlier {ARROW} later "
        "(the change on the same scale)."
    )
    items = list(dict.fromkeys((row.item, row.title) for row in heat_map.rows))
    by_key = {(row.item, row.perspective): row for row in heat_map.rows}
    header = ["Item", *(p.capitalize() or "Average" for p in heat_map.perspectives)]
    rows = [
        [content(title), *(_rating_cell(by_key.get((item, p))) for p in heat_map.perspectives)]
        for item, title in items
    ]
    return [*lines, "", *markdown_table(header, rows, "l" + "r" * len(heat_map.perspectives))]


def _audit(audit: AuditChange) -> list[str]:
    seen_as = f", rated for {audit.seen_as}" if audit.seen_as else ""
    if audit.rated_in_neither:
        return [f"## {content(audit.list_title)}: audit", "", neither_rated(f"*{content(audit.title)}*")]
    if audit.scale_changed:
        return [
            f"## {content(audit.list_title)}: audit",
            "",
            rated_on_two_scales(f"*{content(audit.title)}*", two_scales(audit, content)),
        ]
    lines = [
        f"## {content(audit.list_title)}: audit",
        "",
        f"From *{content(audit.title)}*, on {content(audit.scale_title)} "
        f"({number(audit.scale_low)} to {number(audit.scale_high)}){seen_as}.",
        "",
    ]
    rows = [
        (
            content(row.title),
            number(row.mean_before),
            number(row.mean_after),
            signed_mean(row.mean_change) if row.measured is Measured.BOTH else "–",
        )
        for row in audit.rows
    ]
    return lines + markdown_table(("Item", "Earlier", "Later", "Change"), rows, "lrrr")


def _gaps(title: str, gaps: tuple[GapChange, ...]) -> list[str]:
    if not gaps:
        return []
    return [
        "",
        f"{title}:",
        "",
        *(
            f"- *{content(gap.text)}* — {pair(score_or_dash(gap.score_before), score_or_dash(gap.score_after))}"
            for gap in gaps
        ),
    ]


def _role(role: RoleChange) -> list[str]:
    lines = ["## Role definition", "", f"Tactical duties: {tactical_pair(role)}."]
    gaps = (
        _gaps("Structural gaps closed", role.closed)
        + _gaps("Structural gaps opened", role.opened)
        + _gaps("Structural gaps still open", role.remaining)
        + _gaps("Structural gaps not asked again", role.unchecked)
        + _gaps("Structural gaps now, with no scored answer in the earlier run", role.first_measured)
    )
    return lines + (gaps or ["", no_gap_listed(role)])


def _action_cells(a: ActionProgress) -> tuple[str, ...]:
    """An action's what, owner, due date, status and where it stands, as both action tables show them."""
    state = f"**{state_phrase(a)}**" if a.state is ActionState.OVERDUE else state_phrase(a)
    return md(a.what), md(a.owner) or "–", md(a.due) or "–", a.status_said, state


def _again(a: ActionProgress) -> str:
    return f"yes ({a.again})" if a.again else ""


def _actions(comparison: Comparison) -> list[str]:
    lines = ["## Actions from the earlier run", "", action_counts(comparison)]
    if not comparison.actions and not comparison.carried_actions:
        return lines
    lines[-1] += f" As of {comparison.as_of}, the later run's date."
    if comparison.actions:
        rows = [(*_action_cells(a), _again(a)) for a in sorted(comparison.actions, key=action_order)]
        lines += [
            "",
            *markdown_table(("What", "Owner", "Due", "Status", f"As of {comparison.as_of}", "Agreed again"), rows),
        ]
    if comparison.carried_actions:
        rows = [
            (*_action_cells(a), f"{md(run_named(a))} · workshop `{a.run_id}`", _again(a))
            for a in comparison.carried_actions
        ]
        header = ("What", "Owner", "Due", "Status", f"As of {comparison.as_of}", "Agreed in", "Agreed again")
        lines += ["", "### Still to do from runs before the earlier one", "", *markdown_table(header, rows)]
    if comparison.new_actions:
        count = comparison.new_actions
        lines += ["", f"The later run agreed {count} new action{'s' if count != 1 else ''}: see its summary."]
    return lines

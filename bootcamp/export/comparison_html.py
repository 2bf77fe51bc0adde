"""The progress between two runs as one self-contained, printable HTML page.

Built like the summary page (:mod:`bootcamp.export.report_html`), with its stylesheet, its
Content-Security-Policy and its escaping: participant text through :func:`user` (escaped,
control characters visible, isolated in ``<bdi>``), content text through :func:`words`.
Each dimension shows its earlier and later scores as two bars on one track (inline SVG).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from bootcamp.export.comparison_charts import before_after_bars
from bootcamp.export.comparison_text import (
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
from bootcamp.export.html_text import user, words
from bootcamp.export.report_charts import score_bar, score_style
from bootcamp.export.report_html import CSP, boxed, html_section, status_cell
from bootcamp.export.report_style import STYLE, running_header
from bootcamp.export.report_text import number, participants_phrase
from bootcamp.export.safe_text import plain
from bootcamp.summary.action_progress import action_order
from bootcamp.summary.comparison_model import (
    ActionProgress,
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


def render_comparison_html(comparison: Comparison, chosen: EarlierChoice | None = None) -> str:
    """``chosen``: why the earlier run is the one compared with, said on the cover."""
    sections = [
        _overall(comparison),
        _every_run(comparison),
        _dimensions(comparison),
        *(_heat_map(heat_map) for heat_map in comparison.heat_maps),
        *(_audit(audit) for audit in comparison.audits),
        _role(comparison.role) if comparison.role else "",
        _actions(comparison),
        html_section("method", "How these figures were compared", _list(escape(n) for n in method_notes(comparison))),
    ]
    after = comparison.after
    title = f"{heading(comparison)}: " + (
        pair(plain(comparison.before.organisation or "–"), plain(after.organisation or "–"))  # both organisations
        if comparison.organisation_differs
        else plain(after.organisation or after.workshop)
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'  # see STYLE's :root
        f"<title>{escape(title)}</title>\n"
        f"<style>{STYLE}{_STYLE_MORE}{running_header(f'{title} · {comparison.before.date} → {after.date}')}</style>\n"
        "</head>\n<body>\n<main>\n"
        + _cover(comparison, chosen)
        + "\n".join(section for section in sections if section)
        + "\n</main>\n</body>\n</html>\n"
    )


def _list(items: Iterable[str]) -> str:
    return '<ul class="plain">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _change(points: int | None) -> str:
    """A change as a chip: green up, red down, grey for no change or nothing to compare."""
    tone = "grey" if not points else "up" if points > 0 else "down"
    return f'<span class="chip change {tone}">{escape(signed(points))}</span>'


def _mean_change(change: float | None) -> str:
    """A rating's change on its own scale as a chip, toned as :func:`_change`."""
    tone = "grey" if not change else "up" if change > 0 else "down"
    return f'<span class="chip change {tone}">{escape(signed_mean(change))}</span>'


def _run(label: str, run: RunFacts) -> str:
    people = participants_phrase(run.participants + run.left_during_the_day, run.left_during_the_day)
    day = "half day" if run.agenda == "half" else "full day"
    return (
        f"<li><strong>{label}</strong>: {user(run.workshop)}, {escape(run.held_on)}, {day}, {people} · "
        f"workshop <code>{escape(run.workshop_id)}</code></li>"
    )


def _organisations(comparison: Comparison) -> str:
    """Whose progress: the organisation, or both when the two runs are for different ones (earlier → later)."""
    before, after = comparison.before, comparison.after
    if comparison.organisation_differs:
        return pair(user(before.organisation or '–'), user(after.organisation or '–'))
    return user(after.organisation or after.workshop)


def _cover(comparison: Comparison, chosen: EarlierChoice | None) -> str:
    before, after = comparison.before, comparison.after
    apart = interval(before.date, after.date)
    which = "".join(f'<p class="chosen">{user(said)}</p>' for said in (chosen.notes(comparison.before) if chosen else ()))
    found = "".join(f'<p class="note">{user(note)}</p>' for note in notes(comparison))
    return (
        '<header class="cover">\n'
        f'<p class="kicker">{words(after.program)}</p>\n'
        f"<h1>{heading(comparison)}: {_organisations(comparison)}</h1>\n"
        f'<p class="facts">{escape(pair(before.held_on, after.held_on))}{f" ({escape(apart)})" if apart else ""}</p>\n'
        f'<ul class="plain runs">{_run("Earlier run", before)}{_run("Later run", after)}</ul>\n'
        f"{which}{found}</header>\n"
    )


def _big(score: int | None, label: str, measured: int | None = None) -> str:
    """A run's overall score in large type; with ``measured`` (the runs measured different dimensions, so the
    scores are not compared), smaller and grey, with how many dimensions it rests on."""
    if score is None:
        return f'<div class="run-score"><p class="big grey">–</p><p class="meta">{label}: not measured</p></div>'
    if measured is not None:
        return (
            f'<div class="run-score"><p class="big aside">{score}<small>/100</small></p>'
            f'<p class="meta">{label} overall, {dimensions_count(measured)}</p></div>'
        )
    return (
        f'<div class="run-score"><p class="big" style="{score_style("color", score / 100, 34)}">{score}'
        f'<small>/100</small></p><p class="meta">{label}</p></div>'
    )


def _overall(comparison: Comparison) -> str:
    overall = comparison.overall
    like = overall.like_for_like_change
    like_figures = escape(pair(score_or_dash(overall.like_for_like_before), score_or_dash(overall.like_for_like_after)))
    compared = overall.same_dimensions or overall.score_before is None or overall.score_after is None
    if compared:
        verdict = f"{_change(overall.change)} {escape(overall_level(overall))}"
    else:  # the like-for-like change is the progress: the two overall scores are shown, not compared
        verdict = escape(like_for_like_lead(overall)) + (f": {like_figures} {_change(like)}" if like is not None else "")
    detail = (
        f"Like for like, on the {dimensions_count(overall.shared)} measured both times: "
        + (f"{like_figures} {_change(like)}" if like is not None else "nothing to compare")
        + ".<br>"
        if compared
        else f"{escape(not_compared(overall))}<br>"
    )
    earlier = _big(overall.score_before, "earlier", None if compared else overall.measured_before)
    later = _big(overall.score_after, "later", None if compared else overall.measured_after)
    body = (
        '<div class="overall">'
        f'{earlier}<p class="arrow">&rarr;</p>{later}'
        f'<div class="gauge-box"><p class="verdict">{verdict}</p>'
        + before_after_bars(
            overall.score_before,
            overall.score_after,
            comparison.levels,
            f"overall: earlier {score_or_dash(overall.score_before)}, later {score_or_dash(overall.score_after)}",
            width=640,
        )
        + f"<p>{detail}Dimensions measured: {overall.measured_before} &rarr; {overall.measured_after}; "
        f"&ldquo;don&rsquo;t know&rdquo;: "
        f"{escape(share_pair(overall.dont_know_share_before, overall.dont_know_share_after))} of the answers.</p>"
        "</div></div>"
    )
    return html_section("overall", "Overall", body)


def _every_run(comparison: Comparison) -> str:
    """Each run of the line with its overall score, oldest first, the two compared in bold: the trend over years of
    runs, as the Markdown's "Every run" table and the Progress page list it."""
    runs = comparison.runs_listed
    if not runs:
        return ""
    compared = {comparison.before.workshop_id, comparison.after.workshop_id}
    rows = []
    for run in runs:
        date = escape(run.held_on)
        title = f"{run.held_on}: {'nothing measured' if run.score is None else f'overall {run.score}'}"
        level = words(run.level) if run.level else ("nothing measured" if run.score is None else "–")
        rows.append(
            f'<tr class="run{" compared" if run.workshop_id in compared else ""}">'
            f'<th scope="row">{f"<strong>{date}</strong>" if run.workshop_id in compared else date}</th>'
            f'<td class="num score">{score_or_dash(run.score)}</td>'
            f"<td>{score_bar(run.score, comparison.levels, title, width=240)}</td>"
            f"<td>{level}</td><td>{user(run.workshop)} · <code>{escape(run.workshop_id)}</code></td></tr>"
        )
    table = boxed(
        '<table class="every-run"><thead><tr><th>Date</th><th class="num">Overall</th><th>0&ndash;100</th>'
        "<th>Level</th><th>Workshop</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    lead = (
        f"{len(runs)} runs since {escape(runs[0].date)}, oldest first; the two compared in bold. Each run&rsquo;s "
        "overall score is on the dimensions it measured, named with its own levels."
    )
    return html_section("every-run", "Every run", table, lead)


def _dimensions(comparison: Comparison) -> str:
    rows = []
    for d in comparison.biggest_moves_first:
        both = d.measured is Measured.BOTH
        title = f"{plain(d.title)}: earlier {score_or_dash(d.score_before)}, later {score_or_dash(d.score_after)}"
        change = _change(d.change) if both else f'<span class="chip grey once">{escape(measured_once(d))}</span>'
        rows.append(
            f'<tr class="dimension"><th scope="row">{words(d.title)}</th>'
            f'<td class="num">{score_or_dash(d.score_before)}</td>'
            f'<td class="num score">{score_or_dash(d.score_after)}</td>'
            f"<td>{change}</td>"
            f"<td>{before_after_bars(d.score_before, d.score_after, comparison.levels, title)}</td>"
            f"<td>{words(level_move(d)) or '–'}</td>"
            f'<td class="num">{escape(share_pair(d.dont_know_share_before, d.dont_know_share_after))}</td>'
            f"<td>{escape(split_pair(d))}</td></tr>"
        )
    table = boxed(
        '<table class="dimensions"><thead><tr><th>Dimension</th><th class="num">Earlier</th>'
        '<th class="num">Later</th><th>Change</th><th>Earlier (pale) and later</th><th>Level</th>'
        '<th class="num">Don&rsquo;t know</th><th>Room split</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )
    return html_section("dimensions", "Dimensions, biggest moves first", table)


def _rating(row: RatingChange | None) -> str:
    if row is None or row.measured is Measured.NEITHER:
        return '<td class="num">–</td>'
    change = _mean_change(row.mean_change) if row.mean_change is not None else ""
    return f'<td class="num">{escape(pair(number(row.mean_before), number(row.mean_after)))} {change}</td>'


def _heat_map(heat_map: HeatMapChange) -> str:
    if heat_map.rated_in_neither:
        said = f"<p>{neither_rated(f'<em>{words(heat_map.title)}</em>')}</p>"
        return html_section(f"heatmap-{_anchor(heat_map.step_key)}", f"{words(heat_map.list_title)}: room averages", said)
    if heat_map.scale_changed:  # one sentence: averages on two scales side by side would read as a change
        said = f"<p>{rated_on_two_scales(f'<em>{words(heat_map.title)}</em>', two_scales(heat_map, words))}</p>"
        heading = f"{words(heat_map.list_title)}: room averages"
        return html_section(f"heatmap-{_anchor(heat_map.step_key)}", heading, said)
    items = list(dict.fromkeys((row.item, row.title) for row in heat_map.rows))
    by_key = {(row.item, row.perspective): row for row in heat_map.rows}
    head = "".join(f'<th class="num">{escape(p.capitalize() or "Average")}</th>' for p in heat_map.perspectives)
    rows = "".join(
        f'<tr><th scope="row">{words(title)}</th>'
        + "".join(_rating(by_key.get((item, p))) for p in heat_map.perspectives)
        + "</tr>"
        for item, title in items
    )
    lead = (
        f"From <em>{words(heat_map.title)}</em>, on {words(heat_map.scale_title)}{escape(scale_span(heat_map))}: "
        "the room&rsquo;s average, "
        "earlier &rarr; later, and the change on the same scale."
    )
    table = boxed(f'<table class="ratings"><thead><tr><th>Item</th>{head}</tr></thead><tbody>{rows}</tbody></table>')
    return html_section(f"heatmap-{_anchor(heat_map.step_key)}", f"{words(heat_map.list_title)}: room averages", table, lead)


def _audit(audit: AuditChange) -> str:
    if audit.rated_in_neither:
        said = f"<p>{neither_rated(f'<em>{words(audit.title)}</em>')}</p>"
        return html_section(f"audit-{_anchor(audit.step_key)}", f"{words(audit.list_title)}: audit", said)
    if audit.scale_changed:
        said = f"<p>{rated_on_two_scales(f'<em>{words(audit.title)}</em>', two_scales(audit, words))}</p>"
        return html_section(f"audit-{_anchor(audit.step_key)}", f"{words(audit.list_title)}: audit", said)
    rows = "".join(
        f'<tr><th scope="row">{words(r.title)}</th><td class="num">{number(r.mean_before)}</td>'
        f'<td class="num">{number(r.mean_after)}</td>'
        f"<td>{_mean_change(r.mean_change) if r.mean_change is not None else '–'}</td></tr>"
        for r in audit.rows
    )
    seen_as = f", rated for {escape(audit.seen_as)}" if audit.seen_as else ""
    lead = (
        f"From <em>{words(audit.title)}</em>, on {words(audit.scale_title)} "
        f"({number(audit.scale_low)} to {number(audit.scale_high)}){seen_as}."
    )
    table = boxed(
        '<table class="ratings"><thead><tr><th>Item</th><th class="num">Earlier</th><th class="num">Later</th>'
        f"<th>Change</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return html_section(f"audit-{_anchor(audit.step_key)}", f"{words(audit.list_title)}: audit", table, lead)


def _gaps(title: str, gaps: tuple[GapChange, ...], tone: str) -> str:
    if not gaps:
        return ""
    items = "".join(
        f'<li><span class="chip {tone}">'
        f"{escape(pair(score_or_dash(g.score_before), score_or_dash(g.score_after)))}</span> {words(g.text)}</li>"
        for g in gaps
    )
    return f'<h3>{title}</h3><ul class="plain">{items}</ul>'


def _role(role: RoleChange) -> str:
    gaps = (
        _gaps("Structural gaps closed", role.closed, "up")
        + _gaps("Structural gaps opened", role.opened, "down")
        + _gaps("Structural gaps still open", role.remaining, "red")
        + _gaps("Structural gaps not asked again", role.unchecked, "grey")
        + _gaps("Structural gaps now, with no scored answer in the earlier run", role.first_measured, "grey")
    )
    body = (
        f'<p class="verdict">Tactical duties: {escape(tactical_pair(role))}.</p>'
        + (gaps or f"<p>{escape(no_gap_listed(role))}</p>")
    )
    return html_section("role", "Role definition", body)


def _actions(comparison: Comparison) -> str:
    lead = escape(action_counts(comparison))
    if not comparison.actions and not comparison.carried_actions:
        return html_section("actions", "Actions from the earlier run", "", lead)
    table = ""
    if comparison.actions:
        table = boxed(
            '<table class="actions"><thead><tr><th>What</th><th>Owner</th><th>Due</th><th>Status</th>'
            f"<th>As of {escape(comparison.as_of)}</th><th>Agreed again</th></tr></thead><tbody>"
            + "".join(_action_row(a, "") for a in sorted(comparison.actions, key=action_order))
            + "</tbody></table>"
        )
    if comparison.carried_actions:
        table += "<h3>Still to do from runs before the earlier one</h3>" + boxed(
            '<table class="actions carried"><thead><tr><th>What</th><th>Owner</th><th>Due</th><th>Status</th>'
            f"<th>As of {escape(comparison.as_of)}</th><th>Agreed in</th><th>Agreed again</th></tr></thead><tbody>"
            + "".join(
                _action_row(a, f"<td>{user(run_named(a))} · workshop <code>{escape(a.run_id)}</code></td>")
                for a in comparison.carried_actions
            )
            + "</tbody></table>"
        )
    more = ""
    if comparison.new_actions:
        count = comparison.new_actions
        more = f"<p>The later run agreed {count} new action{'s' if count != 1 else ''}: see its summary.</p>"
    return html_section("actions", "Actions from the earlier run", table + more, lead)


def _action_row(a: ActionProgress, agreed_in: str) -> str:
    return (
        f'<tr class="{a.state.value}"><td class="typed">{user(a.what)}</td>'
        f"<td>{user(a.owner) if a.owner else '–'}</td><td>{user(a.due) if a.due else '–'}</td>"
        f"{status_cell(a.status, a.status_at, a.due)}"
        f'<td><span class="chip state-{a.state.value}">{escape(state_phrase(a))}</span></td>'
        f"{agreed_in}<td>{escape(a.again) if a.again else ''}</td></tr>"
    )


def _anchor(step_key: str) -> str:
    return "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in step_key)


_STYLE_MORE = """
.big.aside { font-size: 40px; color: var(--muted); }
.every-run th[scope=row] { font-weight: normal; white-space: nowrap; }  /* the two compared in bold, as in the lead */
.runs { margin: 6px 0; }
.note { background: var(--note); border-left: 4px solid var(--note-edge); padding: 6px 10px; margin: 8px 0; }
.run-score { min-width: 120px; text-align: center; } .arrow { font-size: 40px; color: var(--muted); margin: 0; }
.chip.change { font-size: 13px; }
.chip.up, .chip.state-done { background: var(--green-chip); color: var(--green-ink); }
.chip.down, .chip.state-overdue { background: var(--red-chip); color: var(--red-ink); }
.chip.state-open { background: var(--blue-chip); color: var(--blue-ink); }
.chip.state-dropped { background: var(--grey-chip); color: var(--grey-ink); }
svg.before-after { width: 100%; min-width: 90px; max-width: 320px; height: auto; display: block; }
.gauge-box svg.before-after { max-width: 640px; }
table.ratings { width: auto; min-width: 50%; }
table.dimensions td.num, table.ratings td.num { white-space: nowrap; }
/* A sentence in a chip wraps within the change column: kept on one line it pushed the table past the page. */
.chip.once { white-space: normal; max-width: 16em; border-radius: 6px; }
"""

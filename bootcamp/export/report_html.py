"""The commitment report as one self-contained, printable HTML page.

Built from escaped templates: participant text is HTML-escaped and isolated in ``<bdi>``
(right-to-left text stays in its own cell), content text is the author's Markdown
rendered by markdown-it with raw HTML off. Charts are inline SVG and coloured table
cells; the stylesheet is inline and has a print section (the reader's paper, a page per section, colours
kept). A Content-Security-Policy forbids scripts and every external fetch, so the page
works offline and nothing in it can run even if something slipped through.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from bootcamp.export.html_text import prose, user, words
from bootcamp.export.report_charts import dumbbell, gauge, range_bar, score_bar, score_style, stacked_bar
from bootcamp.export.report_style import STYLE, running_header
from bootcamp.export.report_text import (
    IN_PLACE,
    NOTE_KINDS,
    NOTHING_MISSED,
    ROLES_IN_THE_ROOM,
    actions_counted,
    agenda_said,
    archived_said,
    coverage_phrase,
    findings,
    looks_real_lead,
    method_notes,
    missed_steps,
    note_lines,
    note_place,
    note_who,
    number,
    overall_findings,
    people_said,
    percent,
    scale_range,
    score_text,
    signed_number,
    structure_phrase,
    tactical_phrase,
    unasked_phrase,
    unmeasured_overall,
    weakest_empty,
)
from bootcamp.export.safe_text import plain
from bootcamp.plurals import counted
from bootcamp.summary.action_days import closed_on, days_late, late_said
from bootcamp.summary.model import (
    Audit,
    Comment,
    CommitmentReport,
    DimensionResult,
    HeatMap,
    ParticipantResult,
    QuestionResult,
    RatingCell,
    RatingSummary,
    RoleVerdict,
    SelfTeamGap,
    decision_label,
)

_OVERDUE = ' <span class="chip red">overdue</span>'


def status_cell(status: str, status_at: str, due: str) -> str:
    """An action's status chip, then the day it was done or dropped and how late, when that day is known."""
    day, late = closed_on(status, status_at), late_said(days_late(status, status_at, due))
    return (
        f'<td><span class="chip status-{escape(status)}">{escape(status)}</span>'
        + (f" {escape(day)}" if day else "")
        + (f' <span class="chip red">{escape(late)}</span>' if late else "")
        + "</td>"
    )
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def render_html(report: CommitmentReport) -> str:
    sections = [
        _overall(report),
        _dimensions(report),
        _weakest(report),
        _looks_real(report),
        *(_heat_map(heat_map) for heat_map in report.heat_maps),
        *(_audit(audit) for audit in report.audits),
        _role(report.role, report) if report.role else "",
        _actions(report),
        _notes(report),
        _appendix(report),
    ]
    title = f"Commitment test: {plain(report.workshop)}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'  # see STYLE's :root
        f"<title>{escape(title)}</title>\n<style>{STYLE}{running_header(_page_header(report))}</style>\n"
        "</head>\n<body>\n<main>\n"
        + _cover(report)
        + "\n".join(section for section in sections if section)
        + "\n</main>\n</body>\n</html>\n"
    )


def _page_header(report: CommitmentReport) -> str:
    """Organisation · workshop · date: what every printed page of the summary is about."""
    parts = (report.organisation, f"Commitment test: {report.workshop}", report.held_on)
    return " \u00b7 ".join(part for part in parts if part.strip())


def boxed(table: str) -> str:
    """A table in a box of its own that scrolls sideways when the screen is narrower than the table (a phone): the
    page itself is never wider than the screen. Printed, the box shows the whole table."""
    return f'<div class="scroll">{table}</div>'


def html_section(section_id: str, heading: str, body: str, lead: str = "") -> str:
    lead_html = f'<p class="lead">{lead}</p>' if lead else ""
    return f'<section id="{section_id}">\n<h2>{heading}</h2>\n{lead_html}{body}\n</section>\n'


def _archived(report: CommitmentReport) -> str:
    said = archived_said(report)
    if not said:
        return ""
    command = f"`bootcamp archive --undo {report.workshop_id}`"
    return f'<p class="meta"><strong>{escape(said).replace(escape(command), f"<code>{escape(command[1:-1])}</code>")}</strong></p>\n'


def _cover(report: CommitmentReport) -> str:
    facts = [
        user(report.organisation) if report.organisation else "",
        escape(report.held_on),
        agenda_said(report),
        people_said(report),
    ]
    return (
        '<header class="cover">\n'
        f'<p class="kicker">{words(report.program)}</p>\n'
        f"<h1>Commitment test: {user(report.workshop)}</h1>\n"
        f'<p class="facts">{" · ".join(f for f in facts if f)}</p>\n'
        f'<p class="meta">workshop <code>{escape(report.workshop_id)}</code> · report as of '
        f"{escape(report.as_of or '–')}</p>\n{_archived(report)}</header>\n"
    )


def _chips(dimension: DimensionResult) -> str:
    chips = []
    if not dimension.measured:
        chips.append('<span class="chip grey">not measured</span>')
    if dimension.unclear:
        chips.append('<span class="chip red">unclear</span>')
    if dimension.nobody_knows:
        chips.append('<span class="chip amber">nobody knows</span>')
    return "".join(chips)


def _overall(report: CommitmentReport) -> str:
    overall = report.overall
    if overall.score is None:
        big = '<p class="big grey">not measured</p>'
    else:
        level = words(overall.level.title) if overall.level else ""
        if overall.level_withheld:
            level = f'<span class="grey">{escape(overall.withheld_text)}</span>'
        big = (
            f'<p class="big" style="{score_style("color", overall.score / 100, 34)}">{overall.score}'
            f'<small>/100</small></p><p class="level">{level}</p>'
        )
    level_text = (
        f'<p class="level-text">{prose(overall.level.text)}</p>' if overall.level and overall.level.text else ""
    )
    why = f"<p>Not measured: {escape(unmeasured_overall(report))}.</p>" if overall.score is None else ""
    counts = why + (
        f"<p>{overall.measured} of {counted(overall.dimensions, 'dimension')} measured from "
        f"{counted(overall.scored, 'scored answer')}; "
        f"{overall.dont_know} &ldquo;don&rsquo;t know&rdquo; of {counted(overall.answered, 'answer')} given.</p>"
    )
    flagged = overall_findings(report)
    finding_list = ""
    if flagged:
        items = "".join(f"<li><strong>{words(d.title)}</strong>: {escape(f)}</li>" for d, f in flagged)
        finding_list = f'<ul class="findings">{items}</ul>'
    body = (
        f'<div class="overall"><div class="score-box">{big}</div>'
        f'<div class="gauge-box">{gauge(overall.score, report.levels)}{level_text}{counts}</div></div>'
        f"{finding_list}"
    )
    return html_section("overall", "Overall", body)


def _dimensions(report: CommitmentReport) -> str:
    rows = []
    for d in report.dimensions:
        level = words(d.level.title) if d.level else "–"
        title = f"{d.title}: {score_text(d.score)}"
        rows.append(
            f'<tr class="dimension"><th scope="row">{words(d.title)}</th>'
            f'<td class="num score">{"–" if d.score is None else d.score}</td>'
            f"<td>{score_bar(d.score, report.levels, title)}</td>"
            f"<td>{level}</td>"
            f'<td class="num">{d.answered}</td><td class="num">{d.scored}</td>'
            f'<td class="num">{percent(d.dont_know_share)}</td><td>{_chips(d)}</td></tr>'
        )
    table = boxed(
        '<table class="dimensions"><thead><tr><th>Dimension</th><th class="num">Score</th><th></th><th>Level</th>'
        '<th class="num">Answered</th><th class="num">Scored</th><th class="num">Don&rsquo;t know</th>'
        "<th>Findings</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    return html_section("dimensions", "Dimensions", table)


def _question(question: QuestionResult, in_place: bool = False) -> str:
    fraction = None if question.score is None else question.score / 100
    tally = " · ".join(f"{words(c.label)}&nbsp;{c.count}" for c in question.counts)
    said = unasked_phrase(question.reach, question.skipped)
    skipped = f' <span class="chip grey">{escape(said)}</span>' if said else ""
    return (
        '<div class="question">'
        f'<p class="q"><span class="qscore" style="{score_style("background", fraction, 90)}">'
        f"{escape(score_text(question.score))}</span> {prose(question.text)}{skipped}</p>"
        f'<p class="tally">{tally}</p>'
        f"<dl><dt>Ask next</dt><dd>{prose(question.ask_next)}</dd>"
        + (f"<dt>In place</dt><dd>{escape(IN_PLACE)}.</dd></dl>" if in_place else "")
        + (f"<dt>Do next</dt><dd>{prose(question.do_next)}</dd></dl>" if not in_place else "")
        + _comments(question)
        + "</div>"
    )


def _comments(question: QuestionResult) -> str:
    comments = "".join(
        f'<li><q class="typed">{user(c.text.strip())}</q>' + (" — " + ", ".join(said) if (said := _comment_by(c)) else "")
        + "</li>"
        for c in question.comments
    )
    return f'<ul class="comments">{comments}</ul>' if comments else ""


def _weakest(report: CommitmentReport) -> str:
    cards = []
    for rank, d in enumerate(report.weakest_first, 1):
        level = f" · {words(d.level.title)}" if d.level else ""
        found = "".join(f'<p class="finding">{escape(f)}</p>' for f in findings(d))
        questions = "".join(_question(q, report.in_place(q)) for q in sorted(d.questions, key=_weakest_question))
        cards.append(
            f'<article class="card" style="{score_style("border-left-color", (d.score or 0) / 100, 42)}">'
            f'<h3><span class="rank">{rank}</span> {words(d.title)} '
            f'<span class="card-score">{d.score}/100{level}</span></h3>'
            f'<p class="dim-text">{prose(d.text)}</p>{found}{questions}</article>'
        )
    if report.not_measured:
        items = "".join(
            f"<li><strong>{words(d.title)}</strong>: {escape('; '.join(findings(d)))}"
            + "".join(f'<br><span class="ask">Ask next: {prose(q.ask_next)}</span>' for q in d.questions)
            + "</li>"
            for d in report.not_measured
        )
        cards.append(f'<h3>Not measured</h3><ul class="plain">{items}</ul>')
    body = "".join(cards) if cards else f"<p>{escape(weakest_empty(report))}</p>"
    return html_section("weakest", "Weakest first", body, "What to ask inside the organisation next, and what to do.")


def _looks_real(report: CommitmentReport) -> str:
    if not report.looks_real:
        return ""
    cards = []
    for d in report.looks_real:
        level = f" · {words(d.level.title)}" if d.level else ""
        questions = "".join(
            '<div class="question">'
            f'<p class="q"><span class="qscore" style="{score_style("background", (q.score or 0) / 100, 90)}">'
            f"{escape(score_text(q.score))}</span> {prose(q.text)}</p>"
            f'<p class="tally">{" · ".join(f"{words(c.label)}&nbsp;{c.count}" for c in q.counts)}</p>'
            f"<dl><dt>Evidence</dt><dd>{prose(q.ask_next)}</dd></dl>"
            + _comments(q)
            + "</div>"
            for q in d.questions
        )
        cards.append(
            f'<article class="card" style="{score_style("border-left-color", (d.score or 0) / 100, 42)}">'
            f'<h3>{words(d.title)} <span class="card-score">{d.score}/100{level}</span></h3>{questions}</article>'
        )
    return html_section("real", "Looks real", "".join(cards), escape(looks_real_lead(report)))


def _weakest_question(question: QuestionResult) -> int:
    return 101 if question.score is None else question.score


def _heat_cell(cell: RatingCell | None, group_start: bool) -> str:
    group = " group" if group_start else ""
    if cell is None:
        return f'<td class="cell empty{group}"></td>'
    if cell.normalised is None:
        return f'<td class="cell dk{group}" title="{words(cell.label)}">?</td>'
    return (
        f'<td class="cell{group}" style="{score_style("background", cell.normalised, 78)}" '
        f'title="{words(cell.label)}">{words(cell.key.upper() or cell.label)}</td>'
    )


def _comment_by(comment: Comment) -> list[str]:
    """Who (never in an anonymous workshop) and the answer it came with (none for a comment alone), escaped."""
    who = user(comment.participant) if comment.participant else "secret ballot" if comment.secret else ""
    return [said for said in (who, words(comment.value)) if said]


def _heat_map(heat_map: HeatMap) -> str:
    items = list(dict.fromkeys((c.item, c.short) for c in heat_map.columns))
    perspectives = list(dict.fromkeys(c.perspective for c in heat_map.columns))
    span = len(perspectives)
    head1 = "".join(f'<th colspan="{span}" class="item">{words(short)}</th>' for _, short in items)
    head2 = "".join(
        f'<th class="persp{" group" if n == 0 else ""}">{escape(p)}</th>'
        for _ in items
        for n, p in enumerate(perspectives)
    )
    body_rows = [
        f'<tr><th scope="row">{user(row.participant)}{" <small>(removed)</small>" if row.removed else ""}</th>'
        + "".join(_heat_cell(cell, n % span == 0) for n, cell in enumerate(row.cells))
        + "</tr>"
        for row in heat_map.rows
    ]
    averages = "".join(
        f'<td class="cell avg{" group" if n % span == 0 else ""}" '
        f'style="{score_style("background", a.normalised, 70)}" '
        f'title="{a.answered} answered, {a.dont_know} don&rsquo;t know">{number(a.mean)}</td>'
        if a.normalised is not None
        else f'<td class="cell avg empty{" group" if n % span == 0 else ""}">–</td>'
        for n, a in enumerate(heat_map.averages)
    )
    body_rows.append(f'<tr class="room"><th scope="row">Room average</th>{averages}</tr>')
    wide = " wide" if len(heat_map.columns) > 10 else ""
    table = (
        f'<div class="scroll"><table class="heatmap{wide}">'
        f'<thead><tr><th rowspan="2" class="who">Participant</th>{head1}</tr><tr>{head2}</tr></thead>'
        f"<tbody>{''.join(body_rows)}</tbody></table></div>"
    )
    legend = " ".join(
        f'<span class="swatch" style="{score_style("background", p.normalised, 78)}">{words(p.key.upper())}</span>'
        f"{words(p.label)}"
        if p.normalised is not None
        else f'<span class="swatch dk">?</span>{words(p.label)}'
        for p in heat_map.legend
    )
    notes = []
    if heat_map.secret:
        notes.append("<p>Answered by secret ballot: only the room&rsquo;s figures are shown.</p>")
    if said := unasked_phrase(heat_map.reach, heat_map.skipped):
        notes.append(f'<p><span class="chip grey">{escape(said)}</span></p>')
    gaps = ""
    if heat_map.gaps:
        rows = "".join(
            f'<tr{" class=flagged" if g.flagged else ""}><th scope="row">{words(g.title)}</th>'
            f"<td>{dumbbell(g.self_normalised, g.team_normalised, g.flagged, _gap_title(g))}</td>"
            f'<td class="num">{signed_number(g.shown_gap)}</td><td>{"gap" if g.flagged else ""}</td></tr>'
            for g in heat_map.gaps
        )
        span = scale_range(heat_map.legend)
        gaps = (
            '<h3>Self against team</h3><p class="legend"><span class="dot self"></span>self '
            f'<span class="dot team"></span>team — self minus team, on the rating scale{f" ({span})" if span else ""}'
            " as the room averages show it</p>"
            + boxed(f'<table class="gaps"><tbody>{rows}</tbody></table>')
        )
    lead = f"From <em>{words(heat_map.title)}</em>, rated on {words(heat_map.scale_title)}."
    body = f'{"".join(notes)}{table}<p class="legend">{legend}</p>{gaps}'
    return html_section(f"heatmap-{_anchor(heat_map.step_key)}", f"{words(heat_map.list_title)}: heat map", body, lead)


def _gap_title(gap: SelfTeamGap) -> str:
    return (
        f"{plain(gap.title)}: self {number(gap.self_mean)}, team {number(gap.team_mean)}, "
        f"self minus team {signed_number(gap.shown_gap)}"
    )


def _audit_bar(audit: Audit, row: RatingSummary) -> str:
    title = f"{plain(row.title)}: average {number(row.mean)}"
    return range_bar(row.mean, row.low, row.high, row.spread, audit.scale_low, audit.scale_high, title)


def _audit(audit: Audit) -> str:
    rows = "".join(
        f'<tr><th scope="row">{words(r.title)}</th>'
        f'<td class="num">{number(r.mean)}</td>'
        f"<td>{_audit_bar(audit, r)}</td>"
        f'<td class="num">{"–" if r.low is None else f"{number(r.low)}–{number(r.high)}"}</td>'
        f'<td class="num">{number(r.spread)}</td><td class="num">{r.answered}</td>'
        f'<td class="num">{r.dont_know}</td></tr>'
        for r in audit.rows
    )
    table = boxed(
        '<table class="audit"><thead><tr><th>Item</th><th class="num">Average</th><th>Range, spread and average</th>'
        '<th class="num">Range</th><th class="num">Spread (sd)</th><th class="num">Answered</th>'
        f'<th class="num">Don&rsquo;t know</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    seen_as = f", rated for {escape(audit.seen_as)}" if audit.seen_as else ""
    lead = (
        f"From <em>{words(audit.title)}</em>, on {words(audit.scale_title)} "
        f"({number(audit.scale_low)} to {number(audit.scale_high)}){seen_as}."
    )
    said = unasked_phrase(audit.reach, audit.skipped)
    skipped = f'<p><span class="chip grey">{escape(said)}</span></p>' if said else ""
    return html_section(f"audit-{_anchor(audit.step_key)}", f"{words(audit.list_title)}: audit", skipped + table, lead)


def _role(role: RoleVerdict, report: CommitmentReport) -> str:
    parts = [
        ("strategic", role.strategic, "strategic"),
        ("tactical", role.tactical, "tactical"),
        ("undecided by the room", role.left_undecided, "left-undecided"),
        ("not decided", role.undecided, "undecided"),
    ]
    shown = [(label, count) for label, count, css_class in parts if count or css_class != "left-undecided"]
    # A screen reader says the bar by its title alone: it carries the counts the bar shows.
    bar = stacked_bar(parts, "role description lines: " + ", ".join(f"{count} {label}" for label, count in shown))
    left = '<span class="swatch left-undecided"></span>undecided by the room ' if role.left_undecided else ""
    legend = (
        '<p class="legend"><span class="swatch strategic"></span>strategic '
        f'<span class="swatch tactical"></span>tactical {left}<span class="swatch undecided"></span>not decided</p>'
    )
    lines = ""
    if role.lines:
        rows = "".join(
            f'<tr><td class="num">{n}</td><td class="typed">{user(line.text)}</td>'
            f'<td class="decided"><span class="chip {line.decision or "grey"}">'
            f"{escape(decision_label(line.decision))}</span></td>"
            f'<td class="suggested"><span class="chip {line.suggestion.value}">'
            f"{escape(line.suggestion.value)}</span></td>"
            f'<td class="reason">{user(line.reason)}</td></tr>'
            for n, line in enumerate(role.lines, 1)
        )
        lines = boxed(
            '<table class="lines"><thead><tr><th class="num">#</th><th>Line</th><th>Room decided</th>'
            f"<th>Suggested</th><th>Why suggested</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    said = structure_phrase(role)
    gaps = f"<p>{escape(said)}</p>" if said else "".join(_question(q) for q in role.gaps)
    if not role.lines:  # a sentence says so: an empty bar and its legend would chart nothing
        bar = legend = ""
    body = f'<p class="verdict">{escape(tactical_phrase(report))}</p>{bar}{legend}{lines}<h3>Structural gaps</h3>{gaps}'
    return html_section("role", "Role definition", body)


def _actions(report: CommitmentReport) -> str:
    if not report.actions:
        return html_section("actions", "Actions", "<p>No actions were recorded.</p>")
    rows = "".join(
        f'<tr class="{"overdue" if a.overdue else ""}"><td class="typed">{user(a.what)}</td>'
        f"<td>{user(a.owner) if a.owner else '–'}</td>"
        f"<td>{user(a.due) if a.due else '–'}{_OVERDUE if a.overdue else ''}</td>"
        f"{status_cell(a.status, a.status_at, a.due)}"
        f"<td>{words(a.source_title) if a.source_title else '–'}</td></tr>"
        for a in report.actions
    )
    lead = escape(actions_counted(report))
    table = boxed(
        '<table class="actions"><thead><tr><th>What</th><th>Owner</th><th>Due</th><th>Status</th><th>From</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    return html_section("actions", "Actions", table, lead)


def _notes(report: CommitmentReport) -> str:
    """Every note in one list: where, what kind, when and who above the text, whose line breaks stay breaks."""
    if not report.notebook:
        return ""
    items = []
    for note in report.notebook:
        facts = [f"<em>{words(note_place(note))}</em>", escape(NOTE_KINDS[note.kind]), escape(note.when)]
        if note.who:
            facts.append(user(note_who(note)))
        text = "<br>".join(user(line) for line in note_lines(note))
        items.append(f'<li>{" · ".join(f for f in facts if f)}<br><span class="typed">{text}</span></li>')
    return html_section("notes", "Notes: what the room wrote", f'<ul class="plain notes">{"".join(items)}</ul>')


def _list(items: Iterable[str]) -> str:
    return '<ul class="plain">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _appendix(report: CommitmentReport) -> str:
    missed = missed_steps(report)
    reached = f"<p>{escape(coverage_phrase(report))}</p>"
    if report.started and not missed:
        reached += f"<p>{escape(NOTHING_MISSED)}</p>"
    for heading, steps in missed:
        reached += f"<p>{escape(heading)}</p>" + _list(
            f"{words(s.session)} › {words(s.title)} ({number(s.minutes, 0)} min)" for s in steps
        )

    def person(p: ParticipantResult) -> str:
        role = f" ({user(p.role)})" if p.role else ""
        return f"{user(p.name)}{role} — {counted(p.answers, 'answer')}"

    people = _list(person(p) for p in report.present)
    if report.roles:
        roles = _list(f"{user(r.role)} ({r.count})" for r in report.roles_counted)
        people += f"<p>{escape(ROLES_IN_THE_ROOM)}</p>{roles}"
    if report.removed:
        people += "<p>Removed during the workshop (their answers still count):</p>" + _list(
            person(p) for p in report.removed
        )
    method = _list(escape(note) for note in method_notes(report))
    levels = _list(
        f"<strong>{words(level.title)}</strong> from {number(level.min_score, 0)}: {prose(level.text)}"
        for level in report.levels
    )
    body = (
        f'<div class="columns"><div><h3>What the room got through</h3>{reached}<h3>Participants</h3>{people}</div>'
        f"<div><h3>Levels</h3>{levels}<h3>How these figures were made</h3>{method}"
        f'<p class="meta">content version {escape(report.content_hash[:12] or "–")} · '
        f"report format {report.version}</p></div></div>"
    )
    return html_section("appendix", "About this report", body)


def _anchor(step_key: str) -> str:
    return "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in step_key)

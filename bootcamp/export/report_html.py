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
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from bootcamp.export.report_charts import dumbbell, gauge, range_bar, score_bar, score_colour, stacked_bar
from bootcamp.export.report_text import (
    IN_PLACE,
    NOTE_KINDS,
    NOTHING_MISSED,
    ROLES_IN_THE_ROOM,
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

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_OVERDUE = ' <span class="chip red">overdue</span>'
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only the HTML report needs it

    return MarkdownIt("commonmark", {"html": False})


def user(text: str) -> str:
    """Participant text: escaped, control characters made visible, isolated for right-to-left text."""
    return f"<bdi>{escape(plain(text))}</bdi>"


def words(text: str) -> str:
    """Content text shown as text (titles, labels)."""
    return escape(plain(text))


def prose(text: str) -> str:
    """Content text that may use Markdown (bold, links): rendered inline, raw HTML off."""
    return _markdown().renderInline(plain(text))


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
        '<meta name="color-scheme" content="only light">\n'  # see STYLE's :root
        f"<title>{escape(title)}</title>\n<style>{STYLE}{running_header(_page_header(report))}</style>\n"
        "</head>\n<body>\n<main>\n"
        + _cover(report)
        + "\n".join(section for section in sections if section)
        + "\n</main>\n</body>\n</html>\n"
    )


def css_string(text: str) -> str:
    """``text`` as a CSS string, every character but a letter, a digit or a space escaped: a name holding a quote,
    a backslash or ``</style>`` stays text inside the page's style sheet."""
    return '"' + "".join(c if c.isalnum() and c.isascii() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def running_header(text: str) -> str:
    """The print rule that puts ``text`` at the top of every printed page and "page N of M" at its foot: a board
    pack's loose page still says whose it is."""
    small = 'font: 8pt "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #5f6b76;'
    return (
        f"\n@page {{ @top-left {{ content: {css_string(' '.join(plain(text).split()))}; {small} }}\n"
        f'  @bottom-right {{ content: "page " counter(page) " of " counter(pages); {small} }} }}\n'
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
            f'<p class="big" style="color:{score_colour(overall.score / 100, 34)}">{overall.score}'
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
        f'<p class="q"><span class="qscore" style="background:{score_colour(fraction, 90)}">'
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
            f'<article class="card" style="border-left-color:{score_colour((d.score or 0) / 100)}">'
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
            f'<p class="q"><span class="qscore" style="background:{score_colour((q.score or 0) / 100, 90)}">'
            f"{escape(score_text(q.score))}</span> {prose(q.text)}</p>"
            f'<p class="tally">{" · ".join(f"{words(c.label)}&nbsp;{c.count}" for c in q.counts)}</p>'
            f"<dl><dt>Evidence</dt><dd>{prose(q.ask_next)}</dd></dl>"
            + _comments(q)
            + "</div>"
            for q in d.questions
        )
        cards.append(
            f'<article class="card" style="border-left-color:{score_colour((d.score or 0) / 100)}">'
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
        f'<td class="cell{group}" style="background:{score_colour(cell.normalised, 78)}" '
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
        f'<td class="cell avg{" group" if n % span == 0 else ""}" style="background:{score_colour(a.normalised, 70)}" '
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
        f'<span class="swatch" style="background:{score_colour(p.normalised, 78)}">{words(p.key.upper())}</span>'
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
        f'<td><span class="chip status-{escape(a.status)}">{escape(a.status)}</span></td>'
        f"<td>{words(a.source_title) if a.source_title else '–'}</td></tr>"
        for a in report.actions
    )
    overdue = sum(1 for a in report.actions if a.overdue)
    lead = f"{overdue} overdue as of {escape(report.as_of)}." if overdue else ""
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


STYLE = """
/* Drawn light only, as printed: colours carry figures (a heat map's cells, a score on its scale), and a browser or mail
   app that darkens a page by itself darkens each colour its own way (a "mixed" cell darker than a "weak" one). */
:root { color-scheme: only light; }
:root { --ink:#1d2329; --muted:#5f6b76; --line:#d9dee3; --paper:#fff; --soft:#f4f6f8; --accent:#1f5f8b;
  --strategic:#2e7d5b; --tactical:#c0392b; --undecided:#b0b7be; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin:0; background:var(--soft); color:var(--ink);
  font: 15px/1.5 "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; background: var(--paper); }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 8px; }
h2 { font-size: 22px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 3px solid var(--accent); }
h3 { font-size: 17px; margin: 18px 0 8px; }
section { padding: 18px 0 10px; }
.cover { padding: 18px 0 14px; border-bottom: 1px solid var(--line); }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: 600;
  margin: 0; font-size: 13px; }
.facts { font-size: 17px; margin: 0; }
.meta { color: var(--muted); font-size: 13px; }
.lead { color: var(--muted); margin-top: -4px; }
.overall { display: flex; gap: 28px; align-items: center; flex-wrap: wrap; }
.score-box { min-width: 170px; text-align: center; }
.big { font-size: 64px; font-weight: 700; line-height: 1; margin: 0; }
.big small { font-size: 22px; color: var(--muted); font-weight: 400; }
.big.grey { font-size: 28px; color: var(--muted); }
.level { font-size: 20px; font-weight: 600; margin: 4px 0 0; }
.level-text { font-style: italic; margin: 6px 0; }
.gauge-box { flex: 1; min-width: 320px; }
svg.gauge { width: 100%; max-width: 680px; height: auto; }
svg.score-bar { width: 100%; min-width: 90px; max-width: 320px; height: auto; display: block; }
svg.range-bar, svg.dumbbell, svg.stacked-bar { max-width: 100%; height: auto; }
svg .band-label { font-size: 20px; fill: #3b444c; }
svg .track { fill: #eef1f4; } svg .unmeasured { fill: #eef1f4; stroke: #b8c0c8; stroke-dasharray: 4 3; }
svg .tick { stroke: #59636d; stroke-width: 1.5; stroke-dasharray: 2 2; }
svg .needle { stroke: #1d2329; stroke-width: 2; }
svg .axis { font-size: 11px; fill: #5f6b76; }
svg .track-line { stroke: #d5dbe0; stroke-width: 2; }
svg .range { stroke-width: 3; opacity: .55; } svg .spread { opacity: .35; }
svg .link { stroke: #8b96a0; stroke-width: 3; } svg .link.flagged { stroke: var(--tactical); }
svg .team { stroke-width: 3; }
svg .strategic { fill: var(--strategic); } svg .tactical { fill: var(--tactical);
  } svg .undecided { fill: var(--undecided); } svg .left-undecided { fill: #7d8790; }
svg .count { fill: #fff; font-size: 12px; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.score { font-weight: 700; font-size: 18px; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  background: #e8ecef; color: #3b444c; margin-right: 4px; white-space: nowrap; }
.chip.red, .chip.tactical { background: #fbe3e0; color: #9b2a1f; }
.chip.amber { background: #fdf0d5; color: #8a5a00; }
.chip.strategic { background: #dff1e8; color: #1f5e42; }
.chip.grey, .chip.undecided { background: #eceff1; color: #5f6b76; }
.chip.status-done { background: #dff1e8; color: #1f5e42; } .chip.status-dropped { background: #eceff1; color: #5f6b76; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 6px; padding: 10px 16px 8px;
  margin: 0 0 14px; }
.card h3 { margin-top: 4px; }
.rank { display: inline-block; width: 26px; height: 26px; border-radius: 13px; background: var(--ink); color: #fff;
  text-align: center; font-size: 15px; line-height: 26px; margin-right: 6px; }
.card-score { color: var(--muted); font-weight: 400; margin-left: 8px; }
.dim-text { color: var(--muted); margin: 0 0 6px; }
.finding { color: #9b2a1f; font-weight: 600; margin: 4px 0; }
.question { border-top: 1px dashed var(--line); padding: 6px 0 4px; }
.q { margin: 4px 0 2px; font-weight: 600; }
.qscore { display: inline-block; min-width: 66px; text-align: center; border-radius: 4px; padding: 0 6px;
  margin-right: 6px; font-weight: 700; }
.tally { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
dl { display: grid; grid-template-columns: 130px 1fr; gap: 2px 12px; margin: 4px 0; }
dt { font-weight: 600; color: var(--muted); } dd { margin: 0; }
.comments { margin: 4px 0 4px 0; padding-left: 18px; color: #39434c; }
.typed { white-space: pre-wrap; overflow-wrap: anywhere; }
/* A phone scrolls these tables in their box, rather than squeeze typed text to a letter a line. */
table.lines, table.actions { min-width: 40em; } td.typed { min-width: 8em; }
q.typed { quotes: "\\201C" "\\201D"; }
.scroll { overflow-x: auto; }
/* A box whose table goes on past the screen is shaded at that edge: the shades stay at the box's edges, and a cover
   that moves with the table hides each once its end is reached (a page with no scripts cannot ask). */
@media screen { .scroll { background:
  linear-gradient(to right, var(--paper) 40%, rgba(255, 255, 255, 0)) left / 32px 100% no-repeat local,
  linear-gradient(to left, var(--paper) 40%, rgba(255, 255, 255, 0)) right / 32px 100% no-repeat local,
  radial-gradient(farthest-side at 0 50%, rgba(29, 35, 41, .3), rgba(29, 35, 41, 0)) left / 14px 100% no-repeat
    scroll,
  radial-gradient(farthest-side at 100% 50%, rgba(29, 35, 41, .3), rgba(29, 35, 41, 0)) right / 14px 100% no-repeat
    scroll var(--paper); } }
/* On a phone each role line reads down the screen: the line, what the room decided and what is suggested, and why,
   each at the screen's width; scrolled sideways, its rows stood tall for a reason wrapped out of sight. */
@media screen and (max-width: 640px) {
  table.lines, table.lines tbody { display: block; min-width: 0; }
  table.lines thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.lines tr { display: grid; grid-template-columns: 1.6em auto 1fr; gap: 2px 10px; padding: 8px 0;
    border-bottom: 1px solid var(--line); }
  table.lines td { border: 0; padding: 0; min-width: 0; }
  table.lines td.num { text-align: left; font-weight: 600; }
  table.lines td.typed, table.lines td.reason { grid-column: 2 / -1; }
  table.lines td.decided { grid-column: 2; } table.lines td.suggested { grid-column: 3; }
  table.lines td.reason { color: var(--muted); font-size: 14px; }
  table.lines td.decided::before { content: "Room decided "; }
  table.lines td.suggested::before { content: "Suggested "; }
  table.lines td.decided::before, table.lines td.suggested::before { color: var(--muted); font-size: 13px; }
}
table.heatmap { width: auto; min-width: 60%; }
table.heatmap.wide { table-layout: fixed; width: 100%; }
table.heatmap.wide th.who { width: 120px; }
/* On a narrow screen no column is narrower than its cells and headers: a phone scrolls the heat map in its box
   rather than squeeze twenty columns to a letter's width ("MSMMM"). Wider, and printed, they share the width. */
@media screen and (max-width: 900px) { table.heatmap.wide { table-layout: auto; } }
table.heatmap th { overflow-wrap: break-word; }
table.heatmap.wide th.item { font-size: 11px; padding: 4px 2px; }
table.heatmap th.item { text-align: center; font-size: 12px; text-transform: none; letter-spacing: 0;
  color: var(--ink); border-left: 2px solid #fff; }
table.heatmap th.persp { text-align: center; font-size: 10px; letter-spacing: 0; padding: 4px 1px; }
table.heatmap td.cell { text-align: center; font-size: 13px; font-weight: 600; min-width: 34px;
  border: 2px solid #fff; padding: 6px 4px; }
table.heatmap .group { border-left: 3px solid #9aa4ad !important; }
table.heatmap td.dk { background: repeating-linear-gradient(45deg, #eceff1, #eceff1 4px, #dfe3e7 4px, #dfe3e7 8px);
  color: var(--muted); font-weight: 700; }
table.heatmap td.empty { background: #fafbfc; }
table.heatmap tr.room th, table.heatmap tr.room td { border-top: 3px solid var(--ink); font-weight: 700; }
.legend { font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; min-width: 18px; height: 18px; border-radius: 3px; vertical-align: -4px;
  margin: 0 4px 0 10px;
  font-size: 11px; font-weight: 700; text-align: center; line-height: 18px; color: var(--ink); }
.swatch.dk { background: #eceff1; }
.swatch.strategic { background: var(--strategic); } .swatch.tactical { background: var(--tactical);
  } .swatch.undecided { background: var(--undecided); } .swatch.left-undecided { background: #7d8790; }
.dot { display: inline-block; width: 11px; height: 11px; border-radius: 6px; margin: 0 4px 0 10px;
  vertical-align: -1px; }
.dot.self { background: #5f6b76; } .dot.team { border: 2px solid #5f6b76; }
table.gaps { width: auto; } table.gaps tr.flagged th { color: #9b2a1f; }
.verdict { font-size: 18px; font-weight: 600; }
tr.overdue td { background: #fff4f2; }
ul.plain { padding-left: 18px; } ul.findings li { margin: 2px 0; }
.ask { color: var(--muted); font-size: 14px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
code { font-size: 13px; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
@media (max-width: 760px) { .columns { grid-template-columns: 1fr; } dl { grid-template-columns: 1fr; } }
@media screen and (max-width: 480px) { main { padding: 16px 14px 32px; } }
@page { margin: 16mm 12mm 14mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section { break-before: page; padding-top: 0; }
  #overall, #dimensions { break-before: auto; }
  h2, h3, .lead { break-after: avoid; }
  /* A card may run over a page (a room of 40 comments on each question): kept whole it moved to the next page,
     leaving its section's heading alone. Its title, a question and its tally stay with what follows them, and a
     question's advice with its first comment; a page breaks between questions, never inside a title or a line of
     text (bound to the next question as well, a question left only its title's lines to break between). */
  .card h3, .dim-text, .finding, .question .q, .question .tally { break-after: avoid; }
  .question .comments > li:first-child { break-before: avoid; }
  .card h3, .dim-text, .finding, .question .q, .question .tally { break-inside: avoid; }
  tr, .comments li, .question dl { break-inside: avoid; }
  table.dimensions { break-inside: avoid; }
  .scroll { overflow: visible; }
  table.heatmap td.cell { min-width: 0; font-size: 8pt; padding: 3px 2px; }
  table.heatmap th { font-size: 7.5pt; }
  th, td { padding: 3px 5px; }
  .chip { font-size: 8pt; padding: 0 5px; }
}
"""

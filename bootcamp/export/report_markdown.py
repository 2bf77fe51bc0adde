"""The commitment report as Markdown: headings, tables (GitHub style) and the weakest-first list.

Participant text is escaped so that it reads as typed in any Markdown viewer: a role line
``[click](javascript:alert(1))`` stays text, ``<script>`` stays text, a leading ``#`` or
``1.`` starts no heading or list. Content text (titles, what to ask and do next) is the
author's Markdown and is kept, folded onto one line where a table or list needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bootcamp.export.report_text import (
    IN_PLACE,
    NOTE_KINDS,
    NOTHING_MISSED,
    ROLES_IN_THE_ROOM,
    actions_counted,
    agenda_said,
    agreement_phrase,
    archived_said,
    comment_by,
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
    tally,
    text_bar,
    unasked_phrase,
    unmeasured_overall,
    weakest_empty,
)
from bootcamp.export.safe_text import one_line
from bootcamp.plurals import counted
from bootcamp.summary.model import (
    Audit,
    CommitmentReport,
    HeatMap,
    QuestionResult,
    RoleVerdict,
    ScalePoint,
    decision_label,
)

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~])")  # inline syntax anywhere in a line
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&lt;" would turn into "<"
_LINE_START = re.compile(r"^([#+\-=>])|^(\d+)([.)])")  # headings, lists, quotes, setext underlines


# Text that none of md's passes would change: no white space but single spaces between words, no character that
# plain() shows or balances, nothing Markdown reads. Most comments are such text; a report of 200 people has
# thousands of them, and a few C-level checks instead of six passes were most of the time its Markdown took.
_CHANGED_ANYWHERE = re.compile(r"[^\S ]|[\\`*_\[\]<>|~&\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def md(text: str) -> str:
    """Participant text as literal Markdown inline text, on one line."""
    first = text[:1]
    if (
        first not in " #+-=>"
        and not first.isdecimal()  # a list: "1." or "1)" (isdecimal is what _LINE_START's \d matches)
        and not text.endswith(" ")
        and "  " not in text
        and not _CHANGED_ANYWHERE.search(text)
    ):
        return text
    return _escaped(text)


def _escaped(text: str) -> str:
    line = one_line(text)
    line = _ALWAYS.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


class _Once(dict[str, str]):
    """``once[text]`` is ``render(text)``, worked out once per text: for the texts a report repeats hundreds of
    times (names, places, option labels), made for one rendering and dropped with it."""

    def __init__(self, render: Callable[[str], str]) -> None:
        super().__init__()
        self._render = render

    def __missing__(self, text: str) -> str:
        found = self[text] = self._render(text)
        return found


def content(text: str) -> str:
    """Author Markdown folded onto one line; ``|`` escaped so it cannot split a table cell."""
    return one_line(text).replace("|", "\\|")


def _or_dash(text: str) -> str:
    return text if text else "–"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A GitHub table; ``align`` has one letter per column: l(eft), r(ight) or c(entre)."""
    marks = [{"r": "---:", "c": ":---:"}.get(align[n : n + 1], "---") for n in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(cell if cell else " " for cell in row) + " |" for row in rows]
    return lines


def render_markdown(report: CommitmentReport) -> str:
    parts: list[list[str]] = [
        _head(report),
        _overall(report),
        _dimensions(report),
        _weakest(report),
        _looks_real(report),
        _disagreement(report),
        *(_heat_map(heat_map) for heat_map in report.heat_maps),
        *(_audit(audit) for audit in report.audits),
        _role(report.role, report) if report.role else [],
        _actions(report),
        _notebook(report),
        _skipped(report),
        _participants(report),
        ["## How these figures were made", "", *(f"- {note}" for note in method_notes(report))],
    ]
    return "\n".join("\n".join(part) + "\n" for part in parts if part)


def _head(report: CommitmentReport) -> list[str]:
    facts = [
        md(report.organisation),
        report.held_on,
        agenda_said(report),
        people_said(report),
    ]
    return [
        f"# Commitment test: {md(report.workshop)}",
        "",
        " · ".join(fact for fact in facts if fact),
        "",
        f"{content(report.program)} · workshop `{report.workshop_id}` · report as of {report.as_of or '–'}",
        *(["", f"**{archived}**"] if (archived := archived_said(report)) else []),
    ]


def _overall(report: CommitmentReport) -> list[str]:
    overall = report.overall
    lines = ["## Overall", ""]
    if overall.score is None:
        lines.append(f"**Not measured**: {unmeasured_overall(report)}.")
    else:
        level = f" — {content(overall.level.title)}" if overall.level else ""
        lines.append(f"**{overall.score}/100{level}** `{text_bar(overall.score / 100, 20)}`")
        if overall.level_withheld:
            lines += ["", f"*{overall.withheld_text[0].upper()}{overall.withheld_text[1:]}.*"]
        if overall.level and overall.level.text:
            lines += ["", f"> {content(overall.level.text)}"]
    lines += [
        "",
        f"{overall.measured} of {counted(overall.dimensions, 'dimension')} measured from "
        f"{counted(overall.scored, 'scored answer')}; "
        f"{overall.dont_know} \u201cdon\u2019t know\u201d of {counted(overall.answered, 'answer')} given.",
    ]
    flagged = overall_findings(report)
    if flagged:
        lines += ["", *(f"- **{content(d.title)}**: {finding}" for d, finding in flagged)]
    if report.levels:
        scale = " · ".join(f"{content(level.title)} from {number(level.min_score, 0)}" for level in report.levels)
        lines += ["", f"Levels: {scale}."]
    return lines


def _dimensions(report: CommitmentReport) -> list[str]:
    rows = [
        (
            content(d.title),
            "–" if d.score is None else str(d.score),
            f"`{text_bar(None if d.score is None else d.score / 100)}`",
            content(d.level.title) if d.level else "–",
            str(d.answered),
            str(d.scored),
            percent(d.dont_know_share),
            "; ".join(findings(d)),
        )
        for d in report.dimensions
    ]
    header = ("Dimension", "Score", "", "Level", "Answered", "Scored", "Don\u2019t know", "Finding")
    return ["## Dimensions", "", *markdown_table(header, rows, "lrllrrrl")]


def _question_lines(question: QuestionResult, names: _Once, labels: _Once, in_place: bool = False) -> list[str]:
    """A question and its comments; ``names`` escapes who wrote one, ``labels`` the option chosen (each once);
    a question ``in_place`` gets no fix meant for a low score."""
    head = f"- *{content(question.text)}* — {score_text(question.score)}"
    lines = [
        head
        + (f" ({tally(question)})" if question.counts else "")
        + (f" — {said}" if (said := unasked_phrase(question.reach, question.skipped)) else "")
    ]
    lines.append(f"  - Ask next: {content(question.ask_next)}")
    lines.append(f"  - In place: {IN_PLACE}." if in_place else f"  - Do next: {content(question.do_next)}")
    for comment in question.comments:
        said = [names[who] for who in (comment_by(comment),) if who] + [labels[comment.value]] * bool(comment.value)
        lines.append(f"  - “{md(comment.text)}”" + (" — " + ", ".join(said) if said else ""))
    return lines


def _weakest(report: CommitmentReport) -> list[str]:
    lines = ["## Weakest first"]
    names, labels = _Once(md), _Once(content)
    if not report.weakest_first:
        lines += ["", weakest_empty(report)]
    for rank, dimension in enumerate(report.weakest_first, 1):
        level = f", {content(dimension.level.title)}" if dimension.level else ""
        lines += ["", f"### {rank}. {content(dimension.title)} — {dimension.score}/100{level}", ""]
        if dimension.text:
            lines += [content(dimension.text), ""]
        for finding in findings(dimension):
            lines.append(f"**Finding:** {finding}.")
            lines.append("")
        for question in sorted(dimension.questions, key=_weakest_question):
            lines += _question_lines(question, names, labels, report.in_place(question))
    if report.not_measured:
        lines += ["", "### Not measured", ""]
        for dimension in report.not_measured:
            lines.append(f"- **{content(dimension.title)}**: {'; '.join(findings(dimension))}.")
            for question in dimension.questions:
                lines.append(f"  - Ask next: {content(question.ask_next)}")
    return lines


def _looks_real(report: CommitmentReport) -> list[str]:
    if not report.looks_real:
        return []
    lines = ["## Looks real", "", looks_real_lead(report)]
    names, labels = _Once(md), _Once(content)
    for dimension in report.looks_real:
        level = f", {content(dimension.level.title)}" if dimension.level else ""
        lines += ["", f"- **{content(dimension.title)}** — {dimension.score}/100{level}"]
        for question in dimension.questions:
            lines.append(f"  - *{content(question.text)}* — {score_text(question.score)} ({tally(question)})")
            lines.append(f"    - Evidence to ask for: {content(question.ask_next)}")
            for comment in question.comments:
                who = names[comment.participant] if comment.participant else "secret ballot"
                lines.append(f"    - “{md(comment.text)}” — {who}, {labels[comment.value]}")
    return lines


def _weakest_question(question: QuestionResult) -> int:
    return 101 if question.score is None else question.score


def _disagreement(report: CommitmentReport) -> list[str]:
    split = [d for d in report.dimensions if d.unclear]
    lines = ["## Where the room disagrees", ""]
    if not split:
        return lines + [agreement_phrase(report)]
    for dimension in split:
        lines.append(
            f"- **{content(dimension.title)}**: {dimension.low_end} of {counted(dimension.scored, 'scored answer')} "
            f"at the low end, "
            f"{dimension.high_end} at the high end — the commitment is unclear."
        )
    return lines


def _heat_map(heat_map: HeatMap) -> list[str]:
    lines = [f"## {content(heat_map.list_title)}: heat map", ""]
    lines.append(
        f"From *{content(heat_map.title)}*, rated on {content(heat_map.scale_title)}: "
        + ", ".join(f"{content(p.label)} = {number(p.value)}" for p in heat_map.legend if p.value is not None)
        + "."
    )
    if said := unasked_phrase(heat_map.reach, heat_map.skipped):
        lines += ["", f"This step was {said}."]
    lines += ["", "### Room averages", ""]
    perspectives = list(dict.fromkeys(c.perspective for c in heat_map.columns))
    by_column = {(c.item, c.perspective): avg for c, avg in zip(heat_map.columns, heat_map.averages, strict=True)}
    gaps = {g.item: g for g in heat_map.gaps}
    items = list(dict.fromkeys((c.item, c.title) for c in heat_map.columns))
    answered_header = "Answered (" + " / ".join(perspectives) + ")" if len(perspectives) > 1 else "Answered"
    on = f" ({span})" if (span := scale_range(heat_map.legend)) else ""  # averages and gap share the scale
    header = ["Item", *(p.capitalize() + on for p in perspectives), "Self − team" if gaps else "", answered_header]
    rows = []
    for item, title in items:
        averages = [by_column[(item, p)] for p in perspectives]
        gap = gaps.get(item)
        gap_text = ""
        if gap is not None:
            gap_text = signed_number(gap.shown_gap) + (" **gap**" if gap.flagged else "")
        answered = " / ".join(str(a.answered) for a in averages)
        rows.append([content(title), *(number(a.mean) for a in averages), gap_text, answered])
    if not gaps:
        header.pop(-2)
        rows = [row[:-2] + row[-1:] for row in rows]
    lines += markdown_table(header, rows, "l" + "r" * (len(header) - 1))
    if heat_map.secret:
        lines += ["", "Answered by secret ballot: only the room's figures are shown."]
    elif heat_map.rows:
        lines += ["", "### Each participant", "", *_participant_table(heat_map)]
    return lines


def _participant_table(heat_map: HeatMap) -> list[str]:
    """A row per participant, a column per item; each cell the option's mark from each perspective ("S / W": self
    rated a strength, team a weakness), a legend above: twenty columns of words ran far off a wiki page or a chat."""
    perspectives = list(dict.fromkeys(c.perspective for c in heat_map.columns))
    marks = {p.option_id: _mark(p) for p in heat_map.legend}
    legend = ", ".join(f"{marks[p.option_id]} = {content(p.label)}" for p in heat_map.legend)
    lines = [f"Each cell is {' / '.join(perspectives)}: {legend}; – not answered.", ""]
    span = len(perspectives)
    items = list(dict.fromkeys((c.item, c.short) for c in heat_map.columns))
    header = ["Participant", *(content(short) for _, short in items)]
    rows = []
    for row in heat_map.rows:
        said = ["–" if cell is None else marks[cell.option_id] for cell in row.cells]
        cells = [
            "" if all(mark == "–" for mark in group) else " / ".join(group)
            for group in (said[n : n + span] for n in range(0, len(said), span))
        ]
        rows.append([md(row.participant) + (" (removed)" if row.removed else ""), *cells])
    return lines + markdown_table(header, rows, "l" + "c" * len(items))


def _mark(option: ScalePoint) -> str:
    """An option as a heat map's cell shows it, as the HTML's does: its key in capitals, "?" for don't know."""
    return "?" if option.normalised is None else md(option.key.upper()) or content(option.label)


def _audit(audit: Audit) -> list[str]:
    lines = [f"## {content(audit.list_title)}: audit", ""]
    seen_as = f", rated for {audit.seen_as}" if audit.seen_as else ""
    lines.append(
        f"From *{content(audit.title)}*, on {content(audit.scale_title)} "
        f"({number(audit.scale_low)} to {number(audit.scale_high)}){seen_as}."
    )
    if said := unasked_phrase(audit.reach, audit.skipped):
        lines += ["", f"This step was {said}."]
    span = audit.scale_high - audit.scale_low
    rows = [
        (
            content(row.title),
            number(row.mean),
            f"`{text_bar(None if row.mean is None else (row.mean - audit.scale_low) / span if span else 1.0)}`",
            "–" if row.low is None else f"{number(row.low)}–{number(row.high)}",
            number(row.spread),
            str(row.answered),
            str(row.dont_know),
        )
        for row in audit.rows
    ]
    header = ("Item", "Average", "", "Range", "Spread (sd)", "Answered", "Don\u2019t know")
    return [*lines, "", *markdown_table(header, rows, "lrllrrr")]


def _role(role: RoleVerdict, report: CommitmentReport) -> list[str]:
    lines = ["## Role definition", "", tactical_phrase(report)]
    if role.lines:
        rows = [
            (
                str(n),
                md(line.text),
                decision_label(line.decision),
                line.suggestion.value,
                md(line.reason),
            )
            for n, line in enumerate(role.lines, 1)
        ]
        lines += ["", *markdown_table(("#", "Line", "Room decided", "Suggested", "Why suggested"), rows, "r")]
    lines += ["", "### Structural gaps", ""]
    if said := structure_phrase(role):
        lines.append(said)
    names, labels = _Once(md), _Once(content)
    for question in role.gaps:
        lines += _question_lines(question, names, labels)
    return lines


def _actions(report: CommitmentReport) -> list[str]:
    lines = ["## Actions", ""]
    if not report.actions:
        return lines + ["No actions were recorded."]
    lines += [actions_counted(report), ""]
    rows = [
        (
            md(a.what),
            _or_dash(md(a.owner)),
            _or_dash(md(a.due)) + (" **overdue**" if a.overdue else ""),
            a.status_said,
            _or_dash(md(a.source_title)),
        )
        for a in report.actions
    ]
    return lines + markdown_table(("What", "Owner", "Due", "Status", "From"), rows)


def _notebook(report: CommitmentReport) -> list[str]:
    """Every note, one list item each; a note's lines stay lines (a hard break, the item's indent kept)."""
    if not report.notebook:
        return []
    lines = ["## Notes", ""]
    escaped = _Once(md)  # places and names come back note after note
    for note in report.notebook:
        facts = [f"*{escaped[note_place(note)]}*", NOTE_KINDS[note.kind], note.when, escaped[note_who(note)]]
        text = "  \n  ".join(md(line) if line.strip() else "" for line in note_lines(note))
        lines.append(f"- {' · '.join(fact for fact in facts if fact)}:  \n  {text}")
    return lines


def _skipped(report: CommitmentReport) -> list[str]:
    lines = ["## What the room got through", "", coverage_phrase(report)]
    missed = missed_steps(report)
    if report.started and not missed:
        return lines + ["", NOTHING_MISSED]
    for heading, steps in missed:
        lines += ["", heading, ""]
        lines += [f"- {content(s.session)} › {content(s.title)} ({number(s.minutes, 0)} min)" for s in steps]
    return lines


def _participants(report: CommitmentReport) -> list[str]:
    lines = ["## Participants", ""]
    lines += [
        f"- {md(p.name)}" + (f" ({md(p.role)})" if p.role else "") + f" — {counted(p.answers, 'answer')}"
        for p in report.present
    ]
    if report.roles:
        lines += ["", ROLES_IN_THE_ROOM, "", *(f"- {md(r.role)} ({r.count})" for r in report.roles_counted)]
    if report.removed:
        lines += ["", "Removed during the workshop (their answers still count):", ""]
        lines += [
            f"- {md(p.name)}" + (f" ({md(p.role)})" if p.role else "") + f" — {counted(p.answers, 'answer')}"
            for p in report.removed
        ]
    return lines

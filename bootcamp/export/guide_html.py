"""The facilitator's guide as printable HTML, in the look of the deck and the answer sheets.

The first page is the day at a glance; then each session starts a new page (a break or a meal follows the session
before it on its page), and a step is never split between pages where it fits on one. The notes are printed as the
console's notes column shows them: plain text, labels bold, not the slide's Markdown.
"""

from __future__ import annotations

from html import escape

from bootcamp.export.guide_plan import Guide, GuideKey, GuideSession, GuideStep
from bootcamp.export.html_text import css_string, user, words
from bootcamp.export.printables import printable_page
from bootcamp.export.safe_text import one_line
from bootcamp.flow import format_minutes
from bootcamp.plurals import counted

# The console's keys on every step, the same all day: listed once on the first page, not under each step.
EVERY_STEP_KEYS = (
    GuideKey("→", "next step"),
    GuideKey("←", "back"),
    GuideKey("t", "starts or pauses the step's timer"),
    GuideKey("+ / -", "two minutes more or less"),
    GuideKey("s", "skips the step for time"),
    GuideKey("g", "jumps to a step"),
    GuideKey("f5", "presenter mode"),
    GuideKey("b", "blanks the wall"),
    GuideKey("ctrl+n", "a quick note of your own"),
    GuideKey("?", "every key"),
)


def heading(guide: Guide) -> str:
    """Whose day the guide is for: the workshop's name, else the boot camp's title."""
    return guide.workshop.name if guide.workshop else guide.title


def day_line(guide: Guide) -> str:
    """The agenda, the start and end, the planned total: ``Full day · 09:00–16:55 · 7 h 55 planned``."""
    return (
        f"{guide.agenda_title} · {guide.clock(0)}–{guide.ends} · {format_minutes(guide.total_minutes)} planned, "
        f"{counted(len(guide.steps), 'step')}"
    )


def render_guide_html(guide: Guide) -> str:
    title = f"Facilitator's guide: {one_line(heading(guide))}"
    body = _glance(guide) + "".join(_session(guide, session) for session in guide.sessions)
    running = f"Facilitator's guide · {one_line(heading(guide))} · not for the wall"
    pages = f"@page {{ @top-left {{ content: {css_string(running)}; }} }}"
    return printable_page(title, body, STYLE + pages)


def _glance(guide: Guide) -> str:
    workshop = guide.workshop
    who = ""
    if workshop is not None:
        who = (
            f'<p class="who">{user(workshop.organisation)} · {escape(workshop.date)} · '
            f"{counted(len(workshop.present), 'participant')} · workshop <code>{escape(workshop.id)}</code></p>"
        )
    rows = []
    for session in guide.sessions:
        happens = "".join(f"<li>{words(said)}</li>" for said in session.what_happens)
        rows.append(
            f'<tr class="{"break" if session.is_break else "session"}">'
            f'<td class="time">{guide.clock(session.starts)}</td>'
            f"<td><b>{words(session.title)}</b>"
            + ("" if session.is_break else f' <span class="dim">{counted(len(session.steps), "step")}</span>')
            + f'<ul class="happens">{happens}</ul></td>'
            f'<td class="num">{format_minutes(session.minutes)}</td>'
            f'<td class="num">{format_minutes(session.ends)}</td></tr>'
        )
    bring = "".join(f"<li>{_with_code(item)}</li>" for item in guide.bring)
    every = " · ".join(f"<kbd>{escape(k.key)}</kbd> {escape(k.does)}" for k in EVERY_STEP_KEYS)
    return (
        '<section class="glance">'
        f"<h1>{user(heading(guide))}</h1>"
        + f'<p class="subtitle">Facilitator\'s guide{f" · {words(guide.title)}" if workshop else ""}</p>{who}'
        f'<p class="day">{escape(day_line(guide))}</p>'
        '<h2>The day at a glance</h2><table class="glance-table"><thead><tr><th>starts</th><th>session</th>'
        '<th class="num">minutes</th><th class="num">running total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><td class="time">{guide.ends}</td><td><b>End of the day</b></td><td></td>'
        f'<td class="num">{format_minutes(guide.total_minutes)}</td></tr></tfoot></table>'
        f'<h2>Print and bring</h2><ul class="bring">{bring}</ul>'
        f'<h2>Keys on every step</h2><p class="every">{every}</p>'
        "</section>"
    )


def _with_code(sentence: str) -> str:
    """A sentence whose `backquoted` commands print as code."""
    parts = escape(sentence).split("`")
    return "".join(f"<code>{part}</code>" if odd else part for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts)))


def _session(guide: Guide, session: GuideSession) -> str:
    classes = "session-block break" if session.is_break else "session-block"
    return (
        f'<section class="{classes}">'
        f'<h2 class="session-title"><span class="time">{guide.clock(session.starts)}–{guide.clock(session.ends)}</span> '
        f"{words(session.title)} <span class=\"dim\">{format_minutes(session.minutes)}</span></h2>"
        + "".join(_step(guide, step) for step in session.steps)
        + "</section>"
    )


def _step(guide: Guide, planned: GuideStep) -> str:
    step = planned.step
    return (
        f'<article class="step" id="step-{planned.number}">'
        f'<header><span class="counter">{planned.counter}</span>'
        f'<span class="when">{guide.clock(planned.starts)} · {format_minutes(step.minutes)} · '
        f"until {guide.clock(planned.ends)}</span></header>"
        f'<h3>{words(step.title)} <span class="kind">{escape(step.kind.value)}</span></h3>'
        f"{_notes(planned)}{_asked(planned)}{_keys(planned)}</article>"
    )


def _notes(planned: GuideStep) -> str:
    if not planned.notes:
        return '<div class="notes"><p class="none">No notes for this step.</p></div>'
    blocks = []
    for block in planned.notes:
        lines = "".join(
            "<p>" + (f"<strong>{words(line.label)}</strong>" if line.label else "") + f"{words(line.text)}</p>"
            for line in block
        )
        blocks.append(f'<div class="block">{lines}</div>')
    return f'<div class="notes">{"".join(blocks)}</div>'


def _asked(planned: GuideStep) -> str:
    asked = planned.asked
    if asked is None:
        return ""
    items = "".join(f"<li>{words(item)}</li>" for item in asked.items)
    options = " · ".join(f"<kbd>{escape(o.key)}</kbd> {words(o.does)}" for o in asked.options)
    comment = " · a comment if they like" if asked.comment else ""
    return (
        '<div class="asked"><p class="label">The room answers</p>'
        f'<p class="prompt">{words(asked.prompt)}</p>'
        + (f'<ul class="items">{items}</ul>' if items else "")
        + f'<p class="options">{options}{comment}</p></div>'
    )


def _keys(planned: GuideStep) -> str:
    if not planned.keys:
        return ""
    keys = " · ".join(f'<span class="key"><kbd>{escape(k.key)}</kbd> {escape(k.does)}</span>' for k in planned.keys)
    return f'<p class="keys"><span class="label">Keys</span> {keys}</p>'


STYLE = """
.glance, .session-block { background: #fff; margin: 0 0 24px; padding: 22px 28px; border-radius: 8px;
  box-shadow: 0 2px 6px rgba(0,0,0,.12); }
.glance h1 { font-size: 26px; margin: 0; }
.subtitle, .who, .dim { color: #5f6b76; } .subtitle, .who { margin: 2px 0; }
.day { font-size: 16px; font-weight: 600; margin: 8px 0 0; }
.glance h2 { font-size: 15px; margin: 16px 0 4px; color: #1f5f8b; text-transform: uppercase; letter-spacing: .05em; }
table.glance-table th { text-align: left; font-size: 11px; color: #5f6b76; border-bottom: 1px solid #c3cad1; padding: 3px 6px; }
table.glance-table td { border-bottom: 1px solid #dde2e6; padding: 3px 6px; vertical-align: top; }
table.glance-table tr.break td { background: #f1f3f5; color: #5f6b76; }
table.glance-table tfoot td { border-bottom: 0; border-top: 2px solid #1f5f8b; }
td.time, span.time { font-variant-numeric: tabular-nums; font-weight: 700; white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
ul.happens { margin: 0; padding-left: 16px; font-size: 12.5px; color: #39434c; }
ul.happens:empty { display: none; }
.bring li { margin: 2px 0; }
.every { font-size: 12.5px; margin: 0; }
kbd { font: 11.5px/1.2 "DejaVu Sans Mono", Menlo, Consolas, monospace; border: 1px solid #aab3bb; border-radius: 3px;
  padding: 0 4px; background: #f8f9fa; white-space: nowrap; }
.session-title { font-size: 20px; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 3px solid #1f5f8b; }
.session-block.break .session-title { border-bottom-color: #aab3bb; }
.step { border-bottom: 1px solid #dde2e6; padding: 10px 0 12px; }
.step:last-child { border-bottom: 0; }
.step header { display: flex; justify-content: space-between; color: #5f6b76; font-size: 12px;
  text-transform: uppercase; letter-spacing: .05em; }
.step .when { font-weight: 700; color: #1d2329; letter-spacing: 0; font-variant-numeric: tabular-nums; }
.step h3 { font-size: 17px; margin: 2px 0 6px; padding: 0; border: 0; }
.step h3 .kind { font-size: 11px; font-weight: 400; color: #5f6b76; text-transform: uppercase; letter-spacing: .06em;
  margin-left: 6px; }
.notes p { margin: 0 0 3px; } .notes .block + .block { margin-top: 8px; } .notes .none { color: #5f6b76; font-style: italic; }
.asked { margin-top: 8px; padding: 6px 10px; border-left: 3px solid #1f5f8b; background: #f4f7fa; }
.asked .label { font-size: 11px; color: #5f6b76; text-transform: uppercase; letter-spacing: .05em;
  margin: 0; text-align: left; }
.asked .prompt { margin: 2px 0; font-weight: 600; }
.asked .items { margin: 2px 0; padding-left: 18px; font-size: 13px; }
.asked .options { margin: 4px 0 0; font-size: 13px; }
.keys { margin: 8px 0 0; font-size: 13px; } .keys .key { white-space: nowrap; }
.keys .label { font-size: 11px; color: #5f6b76; text-transform: uppercase; letter-spacing: .05em; margin-right: 4px; }
@media print {
  .glance, .session-block { box-shadow: none; border-radius: 0; margin: 0; padding: 0; }
  .glance { break-after: page; }
  /* A session starts a new page; a break or a meal goes on with the page of the session before it. */
  .session-block { break-before: page; }
  .session-block.break { break-before: auto; margin-top: 14px; }
  .step, .asked, tr { break-inside: avoid; }
  .step header, .step h3 { break-after: avoid; }
  table.glance-table thead { display: table-header-group; }
}
"""

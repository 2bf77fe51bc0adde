"""Paper for the day, as printable HTML: the Aptitude Poker deck and the participants' answer sheets.

Answer sheets follow the CSV that ``bootcamp import-answers`` reads, column for column
(``ANSWER_COLUMNS``): each row of a sheet prints the ids a typist copies (workshop,
participant, step, item, perspective) and the scale's options with their ids, so what is
ticked on paper becomes one CSV row without guessing. Printed, every page of a sheet names whose it is and its
ids (each sheet prints on pages of its own name, whose top margin says so) and its number; a step's heading is the
first row of its table's head, so it goes with its rows onto each page they fill. The typist's note and every sheet
fill an even number of pages, so printed on both sides no leaf holds two people's pages.
"""

from __future__ import annotations

from html import escape

from bootcamp.content.model import Program, Scale, Step, StepKind
from bootcamp.export.data_csv import COLUMNS as ANSWER_COLUMNS
from bootcamp.export.html_text import css_string as _css_string
from bootcamp.export.html_text import prose, user, words
from bootcamp.export.safe_text import one_line
from bootcamp.store.model import WorkshopInfo

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def render_deck(program: Program) -> str:
    """One Aptitude Poker card per printed page: the aptitude, and room to write under each prompt."""
    poker = program.poker()
    deck = program.item_list(poker.deck) if poker else None
    if poker is None or deck is None:
        return printable_page("Aptitude Poker", "<p>This boot camp has no Aptitude Poker exercise.</p>")
    cards = []
    for number, card in enumerate(deck.items, 1):
        prompts = "".join(
            f'<div class="prompt"><h3>{words(p.label)}</h3>'
            + (f'<p class="hint">{prose(p.text)}</p>' if p.text else "")
            + '<div class="lines">'
            + '<div class="line"></div>' * 5
            + "</div></div>"
            for p in poker.prompts
        )
        cards.append(
            '<article class="card">'
            f'<header><span class="deck">{words(poker.title)} · {words(deck.title)}</span>'
            f'<span class="count">{number} / {len(deck.items)}</span></header>'
            f"<h2>{words(card.title)}</h2>"
            f'<p class="text">{prose(card.text)}</p>'
            '<p class="holder">Held by <span class="blank"></span> Date <span class="blank short"></span></p>'
            f"{prompts}</article>"
        )
    intro = f'<section class="intro screen-only"><h1>{words(poker.title)}</h1><p>{prose(poker.body)}</p></section>'
    return printable_page(f"{one_line(poker.title)}: the deck", intro + "".join(cards))


def render_sheets(program: Program, info: WorkshopInfo) -> str:
    """A sheet per participant (removed ones left out) for every answerable step of the agenda."""
    agenda = info.agenda if program.agenda(info.agenda) is not None else "full"
    steps = [s for s in program.steps(agenda) if s.kind in (StepKind.QUESTION, StepKind.RATE, StepKind.CHECK)]
    sheets = []
    # Each sheet prints on pages of its own name, whose margins say whose sheet it is; and on an even number of them,
    # so that printed on both sides no leaf holds two people's pages (Chromium prints `break-before: right` as a
    # plain page break, so the sheet's least height is what does it).
    per_sheet = _even(_sheet_pages(program, steps))
    pages = [f"@media print {{ .sheet {{ min-height: calc({per_sheet} * 100vh - 3mm); }} }}"]
    present = info.present
    for number, participant in enumerate(present, 1):
        blocks = "".join(_step_block(program, step) for step in steps)
        who = f"{one_line(participant.display_name)} \u00b7 participant_id {participant.id} \u00b7 workshop_id {info.id}"
        pages.append(
            f"@page sheet-{number} {{ @top-left {{ content: {_css_string(who)}; }} "
            f"@top-right {{ content: {_css_string(f'sheet {number} of {len(present)}')}; }} }}\n"
            f"#sheet-{number} {{ page: sheet-{number}; }}"
        )
        sheets.append(
            f'<div id="sheet-{number}"><article class="sheet">'
            f"<header><h2>{user(info.name)} — answer sheet</h2>"
            f'<table class="ids"><tr><th>participant</th><td class="big">{user(participant.display_name)}</td>'
            f"<th>participant_id</th><td><code>{escape(participant.id)}</code></td>"
            f"<th>workshop_id</th><td><code>{escape(info.id)}</code></td></tr></table></header>"
            '<p class="how">Tick one box per row; write a comment if you like. '
            "Leave a row empty to skip it.</p>"
            f"{blocks}"
            f'<p class="end">End of the answer sheet of {user(participant.display_name)} '
            f"(sheet {number} of {len(present)}).</p></article></div>"
        )
    columns = ", ".join(f"<code>{c}</code>" for c in ANSWER_COLUMNS)
    intro = (
        '<section class="intro">'
        f"<h1>Answer sheets: {user(info.name)}</h1>"
        f"<p>For the typist: each ticked row becomes one row of a CSV with the columns {columns}, "
        f"read by <code>bootcamp import-answers {escape(info.id)} FILE.csv</code>. Copy the ids printed on "
        "the sheet: <code>workshop_id</code> and <code>participant_id</code> from its head, <code>step</code> "
        "from the heading of the block, <code>item</code> and <code>perspective</code> from the row (an empty "
        "cell where it shows –), and for <code>value</code> the id printed under the ticked column. "
        "<code>participant</code> is the name on the sheet; "
        "<code>comment</code> what was written; leave <code>at</code> empty.</p>"
        f"<p>Each sheet is {per_sheet} pages and starts on a new leaf, so the sheets may be printed on both sides; "
        "a page left blank is there for that.</p></section>"
    )
    if not sheets:
        intro += "<p>This workshop has no participants yet.</p>"
    return printable_page(f"Answer sheets: {one_line(info.name)}", intro + "".join(sheets), "\n".join(pages))


_WRITE = '<div class="write"></div>' * 2  # two ruled lines to write a comment on

# How tall a sheet prints, in mm, measured in Chromium and rounded up: the page's text area (Letter's height, A4's
# width, 12 mm margins), a step's table head (repeated on each page its rows go on to), a row of one line of text
# and each line more, the characters of a line in a row's item column (fewer than fit: words wrap early).
_PAGE_HEIGHT, _SHEET_HEAD, _SHEET_END, _STEP_GAP, _TABLE_HEAD = 255.0, 32.0, 8.0, 4.0, 23.0
_ROW_LEAST, _ROW_BASE, _LINE, _LINE_CHARS = 16.0, 8.5, 5.4, 25


def _sheet_pages(program: Program, steps: list[Step]) -> int:
    """The pages a sheet prints on, as Chromium breaks it: a row never split, a table's head above its first row."""
    pages, used = 1, _SHEET_HEAD
    for step in steps:
        asks = program.asks(step)
        if asks is None:
            continue
        texts = {item.id: item.title if step.kind is StepKind.RATE else item.text for item in asks.items}
        rows = [max(_ROW_LEAST, _ROW_BASE + _LINE * -(-len(texts[item]) // _LINE_CHARS)) for item, _ in asks.cells]
        used += _STEP_GAP
        if rows and used + _TABLE_HEAD + rows[0] > _PAGE_HEIGHT:
            pages, used = pages + 1, 0.0
        used += _TABLE_HEAD
        for row in rows:
            if used + row > _PAGE_HEIGHT:
                pages, used = pages + 1, _TABLE_HEAD
            used += row
    return pages + (used + _SHEET_END > _PAGE_HEIGHT)


def _even(pages: int) -> int:
    return pages + pages % 2


def _row(item: str, perspective: str, label: str, scale: Scale) -> str:
    boxes = '<td class="tick"><span class="box"></span></td>' * len(scale.options)
    return (
        f'<tr><td class="item"><code>{escape(item) or "–"}</code><br>{label}</td>'
        f'<td class="persp"><code>{escape(perspective) or "–"}</code></td>{boxes}<td class="comment">{_WRITE}</td></tr>'
    )


def _step_block(program: Program, step: Step) -> str:
    asks = program.asks(step)
    if asks is None:
        return ""
    scale = asks.scale
    # a rating's row names its item; a question's or structure question's row prints the question
    labels = {item.id: words(item.title) if step.kind is StepKind.RATE else prose(item.text) for item in asks.items}
    rows = [_row(item, perspective, labels[item], scale) for item, perspective in asks.cells]
    options = "".join(f'<th class="tick">{words(o.label)}<br><code>{escape(o.id)}</code></th>' for o in scale.options)
    # The heading is the table's first header row: printed again on every page the table goes on to (the typist
    # copies its step id onto every row), and never left alone at the foot of a page.
    return (
        f'<section class="step"><table class="answers">'
        f'<colgroup><col class="item"><col class="persp">{"<col class=tick>" * len(scale.options)}<col></colgroup><thead>'
        f'<tr class="heading"><th colspan="{len(scale.options) + 3}"><h3>{words(step.title)} '
        f'<span class="key">step <code>{escape(step.key)}</code></span></h3></th></tr>'
        f"<tr><th>item</th><th>perspective</th>{options}<th>comment</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def printable_page(title: str, body: str, pages: str = "") -> str:
    """A whole printable HTML page in the printables' look; ``pages``: style rules of its own after theirs."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}{pages}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n"
        "</html>\n"
    )


STYLE = """
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef1f4; color: #1d2329; font: 14px/1.45 "Source Sans 3", "Segoe UI", Arial, sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 20px; }
code { font: 12px/1.3 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f1f3f5; padding: 0 3px;
  border-radius: 3px; }
.intro { background: #fff; padding: 14px 20px; margin-bottom: 20px; border-radius: 6px; }
.card, .sheet { background: #fff; margin: 0 0 24px; padding: 22px 28px; border-radius: 8px;
  box-shadow: 0 2px 6px rgba(0,0,0,.12); }
.card { min-height: 260mm; border-top: 10px solid #1f5f8b; display: flex; flex-direction: column; }
.card header { display: flex; justify-content: space-between; color: #5f6b76; font-size: 12px;
  text-transform: uppercase; letter-spacing: .06em; }
.card h2 { font-size: 34px; margin: 16px 0 6px; }
.card .text { font-size: 17px; color: #39434c; margin: 0 0 14px; }
.holder { color: #5f6b76; }
.blank { display: inline-block; width: 220px; border-bottom: 1px solid #8b96a0; margin: 0 16px 0 6px; }
.blank.short { width: 110px; }
.prompt { flex: 1; margin-top: 10px; }
.prompt h3 { font-size: 18px; margin: 6px 0 2px; color: #1f5f8b; }
.hint { color: #5f6b76; margin: 0 0 4px; }
.line { border-bottom: 1px solid #c3cad1; height: 30px; }
.sheet header h2 { margin: 0 0 8px; font-size: 20px; }
table { border-collapse: collapse; width: 100%; }
table.ids th { text-align: left; font-size: 11px; color: #5f6b76; font-weight: 600; padding: 2px 6px 2px 0; }
table.ids td { padding: 2px 18px 2px 0; } table.ids td.big { font-size: 18px; font-weight: 700; }
.how { color: #5f6b76; margin: 8px 0; }
.step { margin-top: 14px; }
.step h3 { font-size: 15px; margin: 0; padding-bottom: 2px; border-bottom: 2px solid #1f5f8b; color: #1d2329; }
.step h3 .key { float: right; font-size: 12px; font-weight: 400; color: #5f6b76; }
table.answers tr.heading th { padding: 0 0 4px; border: 0; font-size: inherit; }
table.answers th { text-align: left; font-size: 11px; color: #5f6b76; border-bottom: 1px solid #c3cad1;
  padding: 3px 6px; vertical-align: bottom; }
table.answers td { border-bottom: 1px solid #dde2e6; padding: 4px 6px; vertical-align: middle; }
table.answers th.tick, table.answers td.tick { text-align: center; padding: 3px 2px; }
table.answers th.tick code { font-size: 8.5px; padding: 0 1px; }
td.item code, td.persp code { font-size: 10.5px; }
table.answers { table-layout: fixed; } col.item { width: 30%; } col.persp { width: 9%; } col.tick { width: 7.5%; }
/* Room to write a comment: a wide column, two ruled lines. */
td.comment { vertical-align: bottom; } .write { height: 6.5mm; border-bottom: 1px solid #aab3bb; }
.end { color: #5f6b76; font-size: 12px; margin: 6px 0 0; text-align: right; break-before: avoid; }
.box { display: inline-block; width: 15px; height: 15px; border: 1.5px solid #1d2329; border-radius: 2px; }
@page { margin: 12mm;
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 10px Arial, sans-serif; color: #5f6b76; }
  @top-left { font: 10px Arial, sans-serif; color: #5f6b76; } @top-right { font: 10px Arial, sans-serif; color: #5f6b76; } }
@media print {
  body { background: #fff; } main { max-width: none; padding: 0; }
  .card, .sheet { box-shadow: none; border-radius: 0; margin: 0; padding: 0; break-after: page; }
  .sheet { display: flow-root; }
  .card { min-height: 100vh; }
  /* The note for the typist fills both sides of its leaf, so the first sheet starts on a leaf of its own. */
  .intro { padding: 0; margin: 0; break-after: page; display: flow-root; min-height: calc(2 * 100vh - 3mm); }
  .screen-only { display: none; }
  tr, .prompt { break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; }
}
"""

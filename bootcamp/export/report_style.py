"""How the summary and comparison pages look, on a screen, a phone and paper: their stylesheet, and the print rule
that heads every printed page with what it is about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bootcamp.export.html_text import css_string
from bootcamp.export.safe_text import plain


def running_header(text: str) -> str:
    """The print rule that puts ``text`` at the top of every printed page and "page N of M" at its foot: a board
    pack's loose page still says whose it is."""
    small = 'font: 8pt "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #5f6b76;'
    return (
        f"\n@page {{ @top-left {{ content: {css_string(' '.join(plain(text).split()))}; {small} }}\n"
        f'  @bottom-right {{ content: "page " counter(page) " of " counter(pages); {small} }} }}\n'
    )


_LIGHT = """
/* Drawn light, as printed, and dark on a screen set to dark mode (the dark set at the end). Colours carry figures (a
   heat map's cells, a score on its scale): a browser or mail app that darkens a page by itself darkens each colour
   its own way (a "mixed" cell darker than a "weak" one), so the page draws both itself. Every colour once, by what
   it is for, as the phone page does. */
:root { color-scheme: light dark; }
:root { --ink:#1d2329; --muted:#5f6b76; --line:#d9dee3; --paper:#fff; --soft:#f4f6f8; --accent:#1f5f8b;
  --strategic:#2e7d5b; --tactical:#c0392b; --undecided:#b0b7be; --left-undecided:#6c757d; --on-part:#fff;
  --on-pale-part:#1d2329;
  --band-ink:#3b444c; --track:#eef1f4; --unmeasured-edge:#b8c0c8; --tick:#59636d; --track-line:#d5dbe0;
  --link:#8b96a0; --comment-ink:#39434c; --bad-ink:#9b2a1f; --overdue:#fff4f2; --rank-ink:#fff;
  --chip:#e8ecef; --chip-ink:#3b444c; --red-chip:#fbe3e0; --red-ink:#9b2a1f; --amber-chip:#fdf0d5;
  --amber-ink:#8a5a00; --green-chip:#dff1e8; --green-ink:#1f5e42; --grey-chip:#eceff1; --grey-ink:#5f6b76;
  --blue-chip:#e3edf6; --blue-ink:#1f5f8b; --note:#fdf0d5; --note-edge:#c98a00;
  --cell-edge:#fff; --group-edge:#9aa4ad; --dont-know:#eceff1; --dont-know-stripe:#dfe3e7; --empty:#fafbfc;
  --paper-clear:rgba(255, 255, 255, 0); --shade:rgba(29, 35, 41, .3); --shade-clear:rgba(29, 35, 41, 0); }
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
svg .band-label { font-size: 20px; fill: var(--band-ink); }
svg .track { fill: var(--track); }
svg .unmeasured { fill: var(--track); stroke: var(--unmeasured-edge); stroke-dasharray: 4 3; }
svg .tick { stroke: var(--tick); stroke-width: 1.5; stroke-dasharray: 2 2; }
svg .needle { stroke: var(--ink); stroke-width: 2; }
svg .axis { font-size: 11px; fill: var(--muted); }
svg .track-line { stroke: var(--track-line); stroke-width: 2; }
svg .range { stroke-width: 3; opacity: .55; } svg .spread { opacity: .35; }
svg .link { stroke: var(--link); stroke-width: 3; } svg .link.flagged { stroke: var(--tactical); }
svg .team { stroke-width: 3; fill: var(--paper); }
svg .strategic { fill: var(--strategic); } svg .tactical { fill: var(--tactical);
  } svg .undecided { fill: var(--undecided); } svg .left-undecided { fill: var(--left-undecided); }
svg .count { fill: var(--on-part); font-size: 12px; font-weight: 700; } svg .count.on-pale { fill: var(--on-pale-part); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.score { font-weight: 700; font-size: 18px; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  background: var(--chip); color: var(--chip-ink); margin-right: 4px; white-space: nowrap; }
.chip.red, .chip.tactical { background: var(--red-chip); color: var(--red-ink); }
.chip.amber { background: var(--amber-chip); color: var(--amber-ink); }
.chip.strategic { background: var(--green-chip); color: var(--green-ink); }
.chip.grey, .chip.undecided { background: var(--grey-chip); color: var(--grey-ink); }
.chip.status-done { background: var(--green-chip); color: var(--green-ink); }
.chip.status-dropped { background: var(--grey-chip); color: var(--grey-ink); }
.card { border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 6px; padding: 10px 16px 8px;
  margin: 0 0 14px; }
.card h3 { margin-top: 4px; }
.rank { display: inline-block; width: 26px; height: 26px; border-radius: 13px; background: var(--ink);
  color: var(--rank-ink); text-align: center; font-size: 15px; line-height: 26px; margin-right: 6px; }
.card-score { color: var(--muted); font-weight: 400; margin-left: 8px; }
.dim-text { color: var(--muted); margin: 0 0 6px; }
.finding { color: var(--bad-ink); font-weight: 600; margin: 4px 0; }
.question { border-top: 1px dashed var(--line); padding: 6px 0 4px; }
.q { margin: 4px 0 2px; font-weight: 600; }
.qscore { display: inline-block; min-width: 66px; text-align: center; border-radius: 4px; padding: 0 6px;
  margin-right: 6px; font-weight: 700; }
.tally { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
dl { display: grid; grid-template-columns: 130px 1fr; gap: 2px 12px; margin: 4px 0; }
dt { font-weight: 600; color: var(--muted); } dd { margin: 0; }
.comments { margin: 4px 0 4px 0; padding-left: 18px; color: var(--comment-ink); }
.typed { white-space: pre-wrap; overflow-wrap: anywhere; }
/* A phone scrolls these tables in their box, rather than squeeze typed text to a letter a line. */
table.lines, table.actions { min-width: 40em; } td.typed { min-width: 8em; }
q.typed { quotes: "\\201C" "\\201D"; }
.scroll { overflow-x: auto; }
/* A box whose table goes on past the screen is shaded at that edge: the shades stay at the box's edges, and a cover
   that moves with the table hides each once its end is reached (a page with no scripts cannot ask). */
@media screen { .scroll { background:
  linear-gradient(to right, var(--paper) 40%, var(--paper-clear)) left / 32px 100% no-repeat local,
  linear-gradient(to left, var(--paper) 40%, var(--paper-clear)) right / 32px 100% no-repeat local,
  radial-gradient(farthest-side at 0 50%, var(--shade), var(--shade-clear)) left / 14px 100% no-repeat scroll,
  radial-gradient(farthest-side at 100% 50%, var(--shade), var(--shade-clear)) right / 14px 100% no-repeat
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
  color: var(--ink); border-left: 2px solid var(--cell-edge); }
table.heatmap th.persp { text-align: center; font-size: 10px; letter-spacing: 0; padding: 4px 1px; }
table.heatmap td.cell { text-align: center; font-size: 13px; font-weight: 600; min-width: 34px;
  border: 2px solid var(--cell-edge); padding: 6px 4px; }
table.heatmap .group { border-left: 3px solid var(--group-edge) !important; }
table.heatmap td.dk { background: repeating-linear-gradient(45deg, var(--dont-know), var(--dont-know) 4px,
  var(--dont-know-stripe) 4px, var(--dont-know-stripe) 8px);
  color: var(--muted); font-weight: 700; }
table.heatmap td.empty { background: var(--empty); }
table.heatmap tr.room th, table.heatmap tr.room td { border-top: 3px solid var(--ink); font-weight: 700; }
.legend { font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; min-width: 18px; height: 18px; border-radius: 3px; vertical-align: -4px;
  margin: 0 4px 0 10px;
  font-size: 11px; font-weight: 700; text-align: center; line-height: 18px; color: var(--ink); }
.swatch.dk { background: var(--dont-know); }
.swatch.strategic { background: var(--strategic); } .swatch.tactical { background: var(--tactical);
  } .swatch.undecided { background: var(--undecided); } .swatch.left-undecided { background: var(--left-undecided); }
.dot { display: inline-block; width: 11px; height: 11px; border-radius: 6px; margin: 0 4px 0 10px;
  vertical-align: -1px; }
.dot.self { background: var(--muted); } .dot.team { border: 2px solid var(--muted); }
table.gaps { width: auto; } table.gaps tr.flagged th { color: var(--bad-ink); }
.verdict { font-size: 18px; font-weight: 600; }
tr.overdue td { background: var(--overdue); }
ul.plain { padding-left: 18px; } ul.findings li { margin: 2px 0; }
.ask { color: var(--muted); font-size: 14px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
code { font-size: 13px; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
@media (max-width: 760px) { .columns { grid-template-columns: 1fr; } dl { grid-template-columns: 1fr; } }
@media screen and (max-width: 480px) { main { padding: 16px 14px 32px; } }
@page { margin: 16mm 12mm 14mm; }
@media print {
  :root { color-scheme: only light; }
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


# The dark set: a screen in dark mode (never paper, printed light as drawn). Text keeps WCAG AA on its ground (4.5:1),
# a chart's shapes 3:1 on the paper; tests/summary/test_dark_theme.py measures both.
# A box's shade where its table goes on is a light tint here: on near-black paper no shadow shows (black itself is
# 1.2:1), and the cue must show as plainly as on light paper.
_DARK_PALETTE = """
  --ink:#e6eaee; --muted:#a7b2bc; --line:#38414a; --paper:#161b20; --soft:#0d1114; --accent:#7db6de;
  --strategic:#43a878; --tactical:#e0665a; --undecided:#7d8791; --left-undecided:#a3adb7; --on-part:#0d1114; --on-pale-part:#0d1114;
  --band-ink:#c4ccd3; --track:#2a3239; --unmeasured-edge:#6c7781; --tick:#9aa5af; --track-line:#3b444d;
  --link:#7f8a95; --comment-ink:#cdd4da; --bad-ink:#f2958b; --overdue:#3a1f1c; --rank-ink:#161b20;
  --chip:#2c343c; --chip-ink:#d3dae0; --red-chip:#4a2420; --red-ink:#f6b1a9; --amber-chip:#43351a;
  --amber-ink:#f1cf8a; --green-chip:#1d3d2f; --green-ink:#a6dcc0; --grey-chip:#2c343c; --grey-ink:#b9c2ca;
  --blue-chip:#1c3347; --blue-ink:#a9cdea; --note:#3a2f17; --note-edge:#d9a441;
  --cell-edge:#161b20; --group-edge:#5d6873; --dont-know:#2a3037; --dont-know-stripe:#343b43; --empty:#1b2026;
  --paper-clear:rgba(22, 27, 32, 0); --shade:rgba(230, 234, 238, .24); --shade-clear:rgba(230, 234, 238, 0);
"""

Role = Literal["text", "under-text", "shape", "area"]


@dataclass(frozen=True)
class ScoreShade:
    """Something drawn in a score's colour on the red-to-green scale, and how the dark set draws it.

    The page draws each one inline for light paper (``score_colour``, at its own lightness) and gives it the score's
    place on the scale (``--hue``; an unmeasured one ``--sat: 0%``, grey); on a dark screen this rule draws it again
    from that hue, at a saturation and lightness for dark paper. ``role`` says what it must stand out from: as
    ``text``, from the paper; ``under-text``, from the ink on it; a ``shape``, from the paper at 3:1; an ``area``
    (a level's band, a spread), from nothing, as text is never on it."""

    selector: str
    prop: str
    saturation: int
    lightness: int
    role: Role

    def rule(self) -> str:
        # !important: the inline colour is the light one, and a style attribute wins over any plain rule.
        colour = f"hsl(var(--hue) var(--sat, {self.saturation}%) {self.lightness}%)"
        return f'  {self.selector}[style*="--hue"] {{ {self.prop}: {colour} !important; }}\n'


SCORE_SHADES = (
    ScoreShade(".big", "color", 62, 66, "text"),
    ScoreShade(".qscore", "background-color", 45, 22, "under-text"),
    ScoreShade(".card", "border-left-color", 55, 50, "shape"),
    ScoreShade("table.heatmap td.cell", "background-color", 45, 21, "under-text"),
    ScoreShade("table.heatmap td.cell.avg", "background-color", 50, 27, "under-text"),
    ScoreShade(".swatch", "background-color", 45, 21, "under-text"),
    ScoreShade("svg .fill", "fill", 60, 50, "shape"),
    ScoreShade("svg .band", "fill", 40, 26, "area"),
    ScoreShade("svg .marker", "fill", 62, 70, "shape"),
    ScoreShade("svg .range", "stroke", 60, 50, "shape"),
    ScoreShade("svg .spread", "fill", 60, 50, "area"),
    ScoreShade("svg .mean", "fill", 60, 50, "shape"),
    ScoreShade("svg .self", "fill", 60, 50, "shape"),
    ScoreShade("svg .team", "stroke", 60, 50, "shape"),
    ScoreShade("svg .later", "fill", 60, 50, "shape"),
    ScoreShade("svg .earlier", "fill", 35, 30, "area"),
)

DARK = (
    "@media screen and (prefers-color-scheme: dark) {\n"
    f"  :root {{ color-scheme: dark;{_DARK_PALETTE}  }}\n"
    + "".join(shade.rule() for shade in SCORE_SHADES)
    + "}\n"
)

STYLE = _LIGHT + DARK

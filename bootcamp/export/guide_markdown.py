"""The facilitator's guide as Markdown: the same day at a glance and steps as the HTML, for a notes app or a diff."""

from __future__ import annotations

from bootcamp.export.guide_html import EVERY_STEP_KEYS, day_line, heading
from bootcamp.export.guide_plan import Guide, GuideStep
from bootcamp.export.safe_text import one_line, plain
from bootcamp.flow import format_minutes
from bootcamp.plurals import counted


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def render_guide_markdown(guide: Guide) -> str:
    lines = [f"# Facilitator's guide: {one_line(heading(guide))}", "", f"{one_line(guide.title)} · {day_line(guide)}"]
    if guide.workshop is not None:
        workshop = guide.workshop
        lines += [
            "",
            f"{one_line(workshop.organisation)} · {workshop.date} · {counted(len(workshop.present), 'participant')} · "
            f"workshop `{workshop.id}`",
        ]
    lines += ["", "## The day at a glance", "", "| starts | session | minutes | running total | what happens |"]
    lines.append("|---|---|--:|--:|---|")
    for session in guide.sessions:
        happens = "; ".join(session.what_happens)
        lines.append(
            f"| {guide.clock(session.starts)} | {_cell(session.title)} | {format_minutes(session.minutes)} | "
            f"{format_minutes(session.ends)} | {_cell(happens)} |"
        )
    lines.append(f"| {guide.ends} | **End of the day** | | {format_minutes(guide.total_minutes)} | |")
    lines += ["", "## Print and bring", "", *(f"- {item}" for item in guide.bring)]
    lines += ["", "## Keys on every step", "", " · ".join(f"`{k.key}` {k.does}" for k in EVERY_STEP_KEYS)]
    for session in guide.sessions:
        lines += [
            "",
            f"## {guide.clock(session.starts)}–{guide.clock(session.ends)} {one_line(session.title)} "
            f"({format_minutes(session.minutes)})",
        ]
        for step in session.steps:
            lines += _step(guide, step)
    return "\n".join(lines) + "\n"


def _step(guide: Guide, planned: GuideStep) -> list[str]:
    step = planned.step
    lines = [
        "",
        f"### {planned.counter}: {one_line(step.title)}",
        "",
        f"*{guide.clock(planned.starts)} · {format_minutes(step.minutes)} · until {guide.clock(planned.ends)} · "
        f"{step.kind.value}*",
        "",
    ]
    if not planned.notes:
        lines.append("*No notes for this step.*")
    for number, block in enumerate(planned.notes):
        if number:
            lines.append("")
        # each paragraph a line of its own (a hard break), as the console shows it
        lines += [(f"**{plain(line.label).strip()}** " if line.label else "") + plain(line.text).strip() + "  " for line in block]
    asked = planned.asked
    if asked is not None:
        lines += ["", f"> **The room answers:** {plain(asked.prompt)}"]
        lines += [f"> - {one_line(item)}" for item in asked.items]
        options = " · ".join(f"`{o.key}` {o.does}" for o in asked.options)
        lines.append(f"> {options}" + (" · a comment if they like" if asked.comment else ""))
    if planned.keys:
        lines += ["", "Keys: " + " · ".join(f"`{k.key}` {k.does}" for k in planned.keys)]
    return lines

"""``bootcamp print deck [-o FILE]``, ``bootcamp print sheets ID [-o FILE]`` and ``bootcamp print guide [ID]
[--half-day] [--start HH:MM] [--format html|md] [-o FILE]``: paper for the day, as HTML."""

from __future__ import annotations

import argparse
from pathlib import Path

from bootcamp.commands.output import write_output
from bootcamp.content import load_dir
from bootcamp.errors import UserError
from bootcamp.export.printables import render_deck, render_sheets
from bootcamp.locations import data_dir, default_content_dir


def run(args: argparse.Namespace) -> int:
    if args.what == "deck":
        # The deck is the content's: a facilitator's own (--content) or the shipped boot camp.
        program = load_dir(Path(getattr(args, "content", None) or default_content_dir()))
        write_output(render_deck(program), args.output, "the Aptitude Poker deck", args)
        return 0
    if args.what == "guide":
        return _guide(args)
    from bootcamp.store import Store

    workshop = Store(data_dir(getattr(args, "data_dir", None))).open(args.id)
    info = workshop.info()
    write_output(render_sheets(workshop.program(), info), args.output, f"answer sheets for workshop {info.id}", args)
    return 0


def _guide(args: argparse.Namespace) -> int:
    from bootcamp.export.guide_html import render_guide_html
    from bootcamp.export.guide_markdown import render_guide_markdown
    from bootcamp.export.guide_plan import DEFAULT_START, build_guide, parse_start

    start = parse_start(args.start or DEFAULT_START)  # a bad time is refused before anything is read
    if args.id:
        from bootcamp.store import Store

        workshop = Store(data_dir(getattr(args, "data_dir", None))).open(args.id)
        info = workshop.info()
        program = workshop.program()  # the content the workshop runs, as the console shows it
        if args.half_day and info.agenda != "half":
            raise UserError(
                f"--half-day is for a guide without a workshop: workshop {info.id} runs the {info.agenda} agenda"
            )
        # A workshop whose agenda vanished from its content opens on the first agenda (Flow): so does its guide.
        agenda = info.agenda if program.steps(info.agenda) else program.agendas[0].id
        guide = build_guide(program, agenda, start, info)
        what = f"the facilitator's guide for workshop {info.id}"
    else:
        program = load_dir(Path(getattr(args, "content", None) or default_content_dir()))
        guide = build_guide(program, "half" if args.half_day else "full", start)
        what = f"the facilitator's guide to the {guide.agenda_title.lower()}"
    render = render_guide_markdown if args.format == "md" else render_guide_html
    write_output(render(guide), args.output, what, args)
    return 0

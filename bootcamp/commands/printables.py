"""``bootcamp print deck [-o FILE]`` and ``bootcamp print sheets ID [-o FILE]``: paper for the day, as HTML."""

from __future__ import annotations

import argparse
from pathlib import Path

from bootcamp.commands.output import write_output
from bootcamp.content import load_dir
from bootcamp.export.printables import render_deck, render_sheets
from bootcamp.locations import data_dir, default_content_dir


def run(args: argparse.Namespace) -> int:
    if args.what == "deck":
        # The deck is the content's: a facilitator's own (--content) or the shipped boot camp.
        program = load_dir(Path(getattr(args, "content", None) or default_content_dir()))
        write_output(render_deck(program), args.output, "the Aptitude Poker deck", args)
        return 0
    from bootcamp.store import Store

    workshop = Store(data_dir(getattr(args, "data_dir", None))).open(args.id)
    info = workshop.info()
    write_output(render_sheets(workshop.program(), info), args.output, f"answer sheets for workshop {info.id}", args)
    return 0

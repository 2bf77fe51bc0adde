"""``bootcamp present ID``: a read-only projector window that follows the facilitator's console."""

from __future__ import annotations

import argparse

from bootcamp.locations import data_dir


def run(args: argparse.Namespace) -> int:
    from bootcamp.ui.projector_app import create_projector_app

    # An unknown id or an unreadable workshop raises a UserError here, before the window opens.
    create_projector_app(data_dir=data_dir(getattr(args, "data_dir", None)), workshop_id=args.id).run()
    return 0

"""The facilitator's app: ``bootcamp`` (your workshops), ``bootcamp open ID`` (one workshop, as its owner,
where it stopped) and ``bootcamp demo`` (a throw-away demo)."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from bootcamp.locations import data_dir, default_content_dir


def run(args: argparse.Namespace) -> int:
    content_dir = Path(getattr(args, "content", None) or default_content_dir())
    if getattr(args, "command", None) == "demo":
        return _run_demo(content_dir)
    folder = data_dir(getattr(args, "data_dir", None))
    opening = getattr(args, "id", None) if getattr(args, "command", None) == "open" else None
    if opening is not None:
        from bootcamp.clock import SystemClock
        from bootcamp.store import Store

        Store(folder, SystemClock()).open(opening, sweep=False)  # an unknown id is one line here, not a window
    from bootcamp.ui.app import create_app

    create_app(data_dir=folder, content_dir=content_dir, open_workshop=opening).run()
    return 0


def _run_demo(content_dir: Path) -> int:
    """The demo lives in a temporary data folder that is removed when the app closes."""
    from bootcamp.clock import SystemClock
    from bootcamp.content import load_dir
    from bootcamp.demo_earlier import create_demo_runs
    from bootcamp.store import Store
    from bootcamp.ui.app import create_app

    program = load_dir(content_dir)  # a ContentError is a UserError: the CLI lists the problems
    folder = Path(tempfile.mkdtemp(prefix="bootcamp-demo-"))
    try:
        clock = SystemClock()
        info = create_demo_runs(Store(folder, clock), program.sources)  # the demo day and its earlier run
        create_app(data_dir=folder, content_dir=content_dir, clock=clock, open_workshop=info.id).run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0

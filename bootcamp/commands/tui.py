"""The facilitator's app: ``bootcamp`` (your workshops), ``bootcamp open ID [--join [ADDRESS][:PORT]]`` (one
workshop, as its owner, where it stopped; with the phone page on) and ``bootcamp demo`` (a throw-away demo)."""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bootcamp.gc_tuning import hold_during_start, release_after_start
from bootcamp.locations import default_content_dir, find_data_dir


def run(args: argparse.Namespace) -> int:
    # No garbage collection from here until home's list is drawn (bootcamp.gc_tuning): importing Textual and the
    # app makes objects that all live on, and each collection walked them for nothing (about 10 ms of a start).
    hold_during_start()
    try:
        return _run(args)
    finally:
        release_after_start()  # the app released it once its list was drawn, unless it never got that far


def _run(args: argparse.Namespace) -> int:
    content_dir = Path(getattr(args, "content", None) or default_content_dir())
    demo = getattr(args, "command", None) == "demo"
    if demo and not getattr(args, "data_dir", None):  # only the flag keeps it: $BOOTCAMP_DATA_DIR holds real days
        return _run_demo(content_dir)
    chosen = find_data_dir(getattr(args, "data_dir", None))
    folder = chosen.path
    from bootcamp.store.layout import WORKSHOPS_FOLDER
    from bootcamp.store.trash import finish_deletions

    finish_deletions(folder / WORKSHOPS_FOLDER)  # a deletion killed midway left a hidden folder: removed now
    opening = getattr(args, "id", None) if getattr(args, "command", None) == "open" else None
    if demo:  # a facilitator practising who wants to keep what they did: the demo made there, opened, kept
        opening = _kept_demo(content_dir, folder)
    join = None
    if opening is not None:
        from bootcamp.clock import SystemClock
        from bootcamp.store import Store

        if getattr(args, "join", None) is not None:
            from bootcamp.join.addresses import check_can_serve, parse_join_address

            join = parse_join_address(args.join)  # a mistyped address is one line here, not a window
            check_can_serve(join)  # so is yesterday's address, or a port another program holds
        Store(folder, SystemClock()).open(opening, sweep=False)  # an unknown id is one line here, not a window
    from bootcamp.ui.app import create_app

    app = create_app(
        data_dir=folder, content_dir=content_dir, open_workshop=opening, join=join, data_origin=chosen.origin
    )
    app.run()
    if demo:
        reopen = f"bootcamp --data-dir {shlex.quote(str(folder))}"
        print(f"bootcamp: the demo is kept in {folder}: {reopen} opens it again", file=sys.stderr)
    if app.unsaved_at_quit:  # ended on a disk refusing the saves: the terminal is where it can still be read
        print(f"bootcamp: {app.unsaved_at_quit}", file=sys.stderr)
        return app.return_code or 1
    return app.return_code or 0  # 128 + the signal when SIGTERM or SIGHUP ended it


def _kept_demo(content_dir: Path, folder: Path) -> str:
    """The demo's two runs made in ``folder`` beside whatever it holds (nothing replaced); the id of the one to open."""
    from bootcamp.clock import SystemClock
    from bootcamp.content import load_dir
    from bootcamp.demo_earlier import create_demo_runs
    from bootcamp.errors import UserError
    from bootcamp.store import Store

    program = load_dir(content_dir)  # a ContentError is a UserError: the CLI lists the problems
    if folder.exists() and not folder.is_dir():
        raise UserError(f"the data folder {folder} is not a folder (given with --data-dir): check the path")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot make the data folder {folder}: {error.strerror or error}") from None
    return create_demo_runs(Store(folder, SystemClock()), program.sources).id


def _run_demo(content_dir: Path) -> int:
    """The demo lives in a temporary data folder that is removed when the app closes."""
    from bootcamp.clock import SystemClock
    from bootcamp.content import load_dir
    from bootcamp.demo_earlier import create_demo_runs
    from bootcamp.store import Store
    from bootcamp.ui.app import ENDING_SIGNALS, create_app

    program = load_dir(content_dir)  # a ContentError is a UserError: the CLI lists the problems
    folder = Path(tempfile.mkdtemp(prefix="bootcamp-demo-"))
    with _removed_on(ENDING_SIGNALS, folder):  # while the app runs, it ends on them as on q, then finally
        try:
            clock = SystemClock()
            info = create_demo_runs(Store(folder, clock), program.sources)  # the demo day and its earlier run
            app = create_app(
                data_dir=folder, content_dir=content_dir, clock=clock, open_workshop=info.id, data_origin="demo"
            )
            app.run()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return app.return_code or 0


@contextlib.contextmanager
def _removed_on(signals: tuple[signal.Signals, ...], folder: Path) -> Iterator[None]:
    """Before the app runs and after it, ``signals`` remove ``folder`` and then end the process as they would have."""

    def remove_and_end(signum: int, _frame: object) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # killed by it, as without this handler: the shell sees which signal

    before = {signum: signal.signal(signum, remove_and_end) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)

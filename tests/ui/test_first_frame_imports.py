"""Nothing is imported before home's first frame that the first frame does not need (issue 13).

A fresh interpreter runs the benchmark's start driver (the real app, headless, 120×40) and records
every module imported until the frame that lists the workshops, by the main thread and home's list
worker (the path to that frame); the modules below were seen on that path and are now left for later.
That the core's imports and the content start only once the list is shown is tests/ui/test_home.py's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ui_helpers import FIXTURE_CONTENT, new_workshop

from bootcamp.content import Program
from bootcamp.store import Store

CHECKOUT = Path(__file__).resolve().parents[2]

# Imported until the frame that lists the workshops, then printed (fd 1 is where the driver reports the frame).
RECORDER = """
import json, os, runpy, sys
imported = []
import threading
def on_the_path_to_the_frame():
    # The main thread and home's list worker: the workers started once the list is given to the table (the core's
    # imports, the content) run beside the frame being written out, and were seen here now and then (a race).
    if threading.current_thread() is threading.main_thread():
        return True
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "list_workshops":
            return True
        frame = frame.f_back
    return False
sys.addaudithook(lambda event, args: imported.append(args[0]) if event == "import" and on_the_path_to_the_frame() else None)
real_write = os.write
def write(fd, data):
    if fd == 1 and not getattr(write, "done", False):
        write.done = True
        real_write(2, ("IMPORTED " + json.dumps(sorted(set(imported))) + "\\n").encode())
    return real_write(fd, data)
os.write = write
sys.argv = ["start_driver", *sys.argv[1:]]
runpy.run_module("tests.benchmarks.start_driver", run_name="__main__", alter_sys=True)
"""

# Each with why it can wait.
NOT_BEFORE_THE_FIRST_FRAME = {
    "rich._emoji_codes": "Rich's emoji table (3-10 ms): pulled in by a column label given as markup",
    "rich.markdown": "slides: imported with the first step that has a body",
    "markdown_it": "slides, as above",
    "yaml": "the content: read after the list is on screen",
    "bootcamp.summary.report": "summaries: read on request",
}


def test_home_first_frame_imports_nothing_it_can_do_without(
    store: Store, data_dir: Path, fixture_program: Program
) -> None:
    new_workshop(store, fixture_program)
    result = subprocess.run(
        [sys.executable, "-c", RECORDER, "app", str(data_dir), str(FIXTURE_CONTENT), "1", "list"],
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next((line for line in result.stderr.splitlines() if line.startswith("IMPORTED ")), None)
    assert line is not None, result.stderr[-3000:]
    imported = set(json.loads(line.removeprefix("IMPORTED ")))
    assert "bootcamp.ui.screens.home" in imported  # the recorder saw the path to the frame
    early = {name: why for name, why in NOT_BEFORE_THE_FIRST_FRAME.items() if name in imported}
    assert not early, f"imported before home's first frame: {early}"

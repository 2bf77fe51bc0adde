"""SIGTERM and SIGHUP (the terminal window closed) end the app as q does: saves finished, lock let go,
a demo's throw-away folder removed, the terminal restored.

Textual handles neither signal; before, each killed the process where it stood: a closed window
left the demo's folder in the temp folder. The real consoles run in tmux (``tmux_helpers``);
``tmux kill-session`` closes the window as a person would.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_answering import MANDATE, console_at, stored
from tmux_helpers import DEADLINE, ROOT, Tmux, footer_key, footer_shows
from ui_helpers import FIXTURE_CONTENT, new_workshop

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.owner_lock import holder_of
from bootcamp.ui.app import BootcampApp, create_app

MANDATE_TITLE = "Who drives agreement?"  # the fixture's question, step 3


def running(pid: int) -> bool:
    """Whether ``pid`` is still a live process (a zombie nobody reaped has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the process
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_until_ended(pid: int, tmux: Tmux, name: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while running(pid):
        if time.monotonic() > deadline:
            screen = tmux.screen(name) if name in tmux("list-sessions", "-F", "#{session_name}") else ""
            pytest.fail(f"the app (process {pid}) still runs {DEADLINE} s after the signal:\n{screen}")
        time.sleep(0.05)


# -- the demo -------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("how", ["the window closed", "SIGHUP", "SIGTERM"])
def test_the_demo_folder_is_removed_when_a_signal_ends_the_demo(tmux: Tmux, tmp_path: Path, how: str) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    demo = tmux.start("demo", [sys.executable, "-m", "bootcamp", "demo"], tmp_path, env={"TMPDIR": str(temp)})
    tmux.wait_for_text("demo", "Northwind Energy · step")  # the demo's workshop, drawn on the console
    [folder] = temp.glob("bootcamp-demo-*")
    assert any(folder.iterdir())

    if how == "the window closed":
        tmux("kill-session", "-t", "demo")  # the pane's terminal goes: the kernel sends SIGHUP
    else:
        os.kill(demo, getattr(signal, how))
    wait_until_ended(demo, tmux, "demo")
    assert not folder.exists()
    assert list(temp.iterdir()) == []
    if how != "the window closed":
        assert tmux.ended("demo") == str(128 + getattr(signal, how))
        assert "Northwind Energy" not in tmux.screen("demo")  # the terminal is back from the app's screen


def test_before_and_after_the_app_a_signal_still_removes_the_demo_folder(tmp_path: Path) -> None:
    """The app takes the signals only while it runs; around it (making the demo, removing it) this does."""
    folder = tmp_path / "bootcamp-demo-x"
    code = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from bootcamp.commands.tui import _removed_on\n"
        "folder = Path(sys.argv[1]); folder.mkdir(); (folder / 'workshop.json').write_text('{}')\n"
        "with _removed_on((signal.SIGTERM, signal.SIGHUP), folder):\n"
        "    os.kill(os.getpid(), signal.SIGHUP)\n"
        "    time.sleep(10)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    done = subprocess.run([sys.executable, "-c", code, str(folder)], env=env, timeout=30, check=False)
    assert done.returncode == -signal.SIGHUP  # ended by the signal, as it would have been
    assert not folder.exists()


# -- a workshop's console -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_sigterm_ends_a_console_with_its_answers_saved_and_its_lock_let_go(
    tmux: Tmux, tmp_path: Path, store: Store, fixture_program: Program, data_dir: Path
) -> None:
    info = new_workshop(store, fixture_program)
    files = Store(data_dir).open(info.id, sweep=False)
    ana = info.participants[0]
    console = tmux.start("one", [sys.executable, "-m", "bootcamp", "open", info.id, "--data-dir", str(data_dir)], tmp_path)
    tmux.wait_for_text("one", "step 1 of")
    tmux.keys("one", "Right")
    tmux.wait_for_text("one", "step 2 of")
    tmux.keys("one", "Right")
    tmux.wait_for_text("one", "step 3 of", MANDATE_TITLE)
    tmux.keys("one", "a")
    yes = footer_key(tmux.wait_for("one", footer_shows("Yes"), "the answer keys"), "Yes")
    tmux.keys("one", yes, "Up", "c")  # Ana yes; back to her; her comment
    tmux.wait_for_text("one", "Type the comment")
    tmux.text("one", "typed just before the end")
    tmux.wait_for_text("one", "typed just before the end")
    assert holder_of(files.path) is not None and holder_of(files.path).pid == console

    os.kill(console, signal.SIGTERM)  # within the second after typing: the comment's idle save has not fired
    wait_until_ended(console, tmux, "one")
    assert tmux.ended("one") == str(128 + signal.SIGTERM)
    assert holder_of(files.path) is None
    answers = {(a.participant_id, a.step_key): (a.value, a.comment) for a in files.answers()}
    assert answers == {(ana.id, MANDATE): ("yes", "typed just before the end")}
    assert MANDATE_TITLE not in tmux.screen("one")


async def test_a_signal_ends_the_app_as_q_does(store: Store, fixture_program: Program, make_app) -> None:
    """The same end without a terminal: what was typed a moment ago is saved, the lock let go, 128 + the signal."""
    info = new_workshop(store, fixture_program)
    app: BootcampApp = make_app(open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("a", "y", "up", "c", *"said at the end")
        app.end_on_signal(signal.SIGTERM)
        app.end_on_signal(signal.SIGTERM)  # a second one (a window closing sends several) changes nothing
        deadline = time.monotonic() + DEADLINE
        while app.is_running and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert not app.is_running
    assert app.return_code == 128 + signal.SIGTERM
    ana = info.participants[0]
    assert stored(store, info.id)[(ana.id, MANDATE, "", "")] == ("yes", "said at the end")
    assert holder_of(store.open(info.id, sweep=False).path) is None


async def test_a_running_timer_keeps_running_when_a_signal_ends_the_app_as_after_a_crash(
    store: Store, fixture_program: Program, data_dir: Path
) -> None:
    """Nobody chose to stop (a window closed): the timer is not paused, so the reopened console counts the time
    that really passed, as after a crash. q pauses it (``test_workshop_screen``)."""
    info = new_workshop(store, fixture_program)
    clock = FixedClock()
    app = create_app(data_dir=data_dir, content_dir=FIXTURE_CONTENT, clock=clock, open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await pilot.press("t")
        await pilot.pause()
        clock.advance(30)
        app.end_on_signal(signal.SIGHUP)
        deadline = time.monotonic() + DEADLINE
        while app.is_running and time.monotonic() < deadline:
            await pilot.pause(0.05)
    timer = store.open(info.id).state().timers[MANDATE]
    assert timer.running_since is not None  # its start kept: still running
    clock.advance(60)  # the console is started again a minute later
    app = create_app(data_dir=data_dir, content_dir=FIXTURE_CONTENT, clock=clock, open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        assert app.workshop is not None and app.workshop.flow.running
        assert app.workshop.flow.elapsed() == 90  # the 30 s before and the minute the console was away


# -- the terminal, once gone ------------------------------------------------------------------------------------


def test_what_the_app_draws_goes_nowhere_once_the_terminal_is_gone() -> None:
    from bootcamp.ui.driver import TerminalOutput

    window, terminal = os.openpty()
    file = os.fdopen(terminal, "w", encoding="utf-8")
    output = TerminalOutput(file)
    output.write("drawn")
    output.flush()
    assert os.read(window, 100) == b"drawn" and not output.gone
    os.close(window)  # the window is closed: the terminal hangs up
    output.write("x" * 100_000)  # more than the buffer holds: written now, and refused
    output.flush()
    assert output.gone
    output.write("more")  # and nothing is tried again, nor raised
    output.flush()
    with contextlib.suppress(OSError):
        file.close()

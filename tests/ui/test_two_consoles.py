"""Two real consoles on one workshop, driven through tmux: the second may only follow, never change it.

Before the owner lock, a second console on the same workshop erased the first one's reveal (→),
moved the stored step back and unmarked a done step (``t``), and kept showing an answer the other
console had changed. Here console 1 opens the workshop with ``bootcamp open``, moves on to a
question, reveals it and answers it; console 2 opens the same workshop, is told who has it (host,
process, since when) and follows it read-only; its →, ``t`` and ``r`` change nothing on disk; an
answer changed on console 1 shows on console 2 within seconds; both quit and the lock is free.

Each console is a real process in its own tmux session (120×40) on a tmux server of the test's own,
so it runs without a terminal (CI). tmux is the only thing needed: run as root, the test installs it
(``tests/debian.py``); still missing, it fails when ``CI`` is set and is skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tmux_helpers import Tmux, footer_key, footer_shows, wait_for_files

from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.model import WorkshopState
from bootcamp.store.owner_lock import holder_of

FOLLOWED_WITHIN = 5.0  # seconds a change on console 1 may take to show on console 2 (it polls every 0.2 s)
QUIET = 1.0  # seconds the files are watched for a write that must not come
QUESTION = "commitment/mandate-one-driver"  # the first question of the full day (step 39)
QUESTION_TITLE = "Mandate: one driver"
BEFORE_QUESTION = "How to answer"  # the step before it, reached with g (jump)
TALLY = re.compile(r"^\s*(Yes|Partly|No|Don't know)\s+[^\d]*?(\d+)\s*$")

pytestmark = pytest.mark.slow


def answered(name: str, answer: str):  # noqa: ANN201 - a screen predicate
    """The table shows ``answer`` beside ``name``, however wide the Who column is."""
    return lambda screen: re.search(rf"{name} +{answer}\b", screen) is not None


def tallies(screen: str) -> dict[str, int]:
    """The revealed tally as the projector view draws it: a line per option, its count last."""
    return {match[1]: int(match[2]) for line in screen.splitlines() if (match := TALLY.match(line))}


def where_the_room_is(state: WorkshopState) -> tuple[object, ...]:
    """What a second console used to erase or move: the step, the reveals, the done and skipped marks, the timers."""
    return (state.step_key, state.revealed, state.done, state.skipped, state.timers, state.day_started_at)


def test_a_second_console_follows_read_only_and_sees_the_first_ones_changes(tmux: Tmux, tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = subprocess.run(
        [sys.executable, "-m", "bootcamp", "new", "Two consoles", "--org", "Acme", "--participants", "Ana,Ben",
         "--data-dir", str(data)],
        env=tmux.env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    workshop_id = made.stdout.strip().splitlines()[-1]
    store = Store(data)
    files = store.open(workshop_id, sweep=False)  # the test only reads: it never sweeps or writes
    ana = next(p.id for p in files.info().participants if p.name == "Ana")
    console = [sys.executable, "-m", "bootcamp", "open", workshop_id, "--data-dir", str(data)]

    def answers_here(stored: WorkshopFiles = files) -> dict[str, str]:
        return {answer.participant_id: answer.value for answer in stored.answers() if answer.step_key == QUESTION}

    # 1. Console 1 opens it, moves on (marking steps done), jumps to a question, reveals it and answers it.
    first = tmux.start("one", console, tmp_path)
    tmux.wait_for_text("one", "step 1 of 75", "→ Next")
    tmux.full_size("one", "Agenda · g jumps")  # the agenda column shows only at the full 120 columns
    tmux.keys("one", "Right")
    tmux.wait_for_text("one", "step 2 of 75")
    tmux.keys("one", "Right")
    tmux.wait_for_text("one", "step 3 of 75")
    tmux.keys("one", "g")
    tmux.wait_for_text("one", "Jump to")
    tmux.text("one", BEFORE_QUESTION)
    tmux.wait_for(  # the list filtered down to that step (unfiltered, it starts with the first step)
        "one",
        lambda screen: f"{BEFORE_QUESTION}  teach · 4 min · The commitment test" in screen and "Why this day  teach" not in screen,
        "the jump list filtered",
    )
    tmux.keys("one", "Enter")
    tmux.wait_for_text("one", "step 38 of 75")
    tmux.keys("one", "Right")
    tmux.wait_for_text("one", "step 39 of 75", QUESTION_TITLE, "results hidden")
    tmux.keys("one", "r")
    tmux.wait_for("one", lambda screen: "results hidden" not in screen, "the results revealed")
    tmux.keys("one", "a")
    in_answers = tmux.wait_for("one", footer_shows("Yes"), "the answer keys in the footer")
    yes, no = footer_key(in_answers, "Yes"), footer_key(in_answers, "No")
    tmux.keys("one", yes)  # the cursor starts on Ana
    tmux.wait_for("one", answered("Ana", "Yes"), "Ana's yes in the table")
    tmux.keys("one", "Escape")
    tmux.wait_for("one", footer_shows("→ Next"), "the slide's keys back in the footer")
    wait_for_files(answers_here, lambda found: found == {ana: "yes"}, "Ana's yes")
    before = wait_for_files(files.state, lambda state: QUESTION in state.revealed, "the reveal")
    assert before.step_key == QUESTION
    assert {"opening/why-this-day", "opening/how-the-day-works", "commitment/how-to-answer"} <= set(before.done)

    # 2. Console 2 is told who has it, follows it read-only, and its keys change nothing.
    holder = holder_of(files.path)
    assert holder is not None and holder.pid == first
    second = tmux.start("two", console, tmp_path)
    offer = tmux.wait_for_text("two", "Open in another console", f"(process {first})")
    assert f"workshop {workshop_id} is open in the console" in offer and "since" in offer
    tmux.keys("two", "f")
    following = tmux.wait_for_text("two", QUESTION_TITLE, "step 39 of 75")
    assert "Open in another console" not in following
    assert tallies(following) == {"Yes": 1, "Partly": 0, "No": 0, "Don't know": 0}, following
    tmux.keys("two", "Right", "t", "r", "?")  # ? is handled after the other three: once help shows, they were too
    tmux.wait_for_text("two", "Keys", "Projector window")
    quiet_until = time.monotonic() + QUIET
    while time.monotonic() < quiet_until:  # a write those keys set off would land now
        assert where_the_room_is(files.state()) == where_the_room_is(before), "the follower changed the workshop"
        assert answers_here() == {ana: "yes"}
        time.sleep(0.05)
    tmux.keys("two", "?")
    following = tmux.wait_for("two", lambda screen: "Projector window" not in screen, "help closed")
    assert "step 39 of 75" in following and QUESTION_TITLE in following, following

    # 3. Console 1 changes the answer: the follower shows it within seconds; console 1 shows its own state.
    tmux.keys("one", "a")
    tmux.wait_for("one", footer_shows("Yes"), "the answer keys in the footer")
    tmux.keys("one", "Up")
    tmux.keys("one", "Up")
    tmux.keys("one", no)
    tmux.wait_for("one", answered("Ana", "No"), "Ana's no in the table")
    changed = {"Yes": 0, "Partly": 0, "No": 1, "Don't know": 0}
    tmux.wait_for("two", lambda screen: tallies(screen) == changed, "the changed answer", within=FOLLOWED_WITHIN)
    assert answers_here() == {ana: "no"}
    mine = tmux.screen("one")
    assert "step 39 of 75" in mine and QUESTION_TITLE in mine and "results hidden" not in mine, mine
    assert "not started" in mine, mine  # the follower's t did not start the timer
    assert holder_of(files.path) == holder

    # 4. Both quit; both processes end; nobody holds the workshop any more.
    tmux.keys("one", "q")  # q asks first on the console that holds the workshop; y quits
    tmux.wait_for("one", lambda screen: "Quit bootcamp?" in screen, "the question before quitting")
    tmux.keys("one", "y")
    tmux.wait_for("two", lambda screen: "no console has this workshop open" in screen, "that console 1 has gone")
    tmux.keys("two", "q")  # the read-only follower holds no workshop open: it quits at once, as home does
    for name, pid in (("one", first), ("two", second)):
        ended = tmux.ended(name)
        assert ended == "0", f"console {name} ended with {ended}:\n{tmux.screen(name)}"
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert holder_of(files.path) is None
    assert where_the_room_is(files.state()) == where_the_room_is(before)

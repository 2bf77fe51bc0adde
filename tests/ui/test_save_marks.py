"""Save marks and the status bar tell the truth: while a full disk refuses saves, and as soon as it takes them again.

The disk is made full where the store writes (``replace_durably``): the store's own error, with the real file's
path, reaches the console as it would from a full disk.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest
from test_answering import MANDATE, console_at, stored
from ui_helpers import new_workshop, screen_text, wait_until

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp

FULL = os.strerror(errno.ENOSPC)  # "No space left on device"


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    return new_workshop(store, fixture_program).id



def status_bar(app: BootcampApp) -> str:
    return app.screen.query_one("#status-bar").render().plain  # type: ignore[attr-defined]


async def answer_refused(pilot, app: BootcampApp, disk_full: threading.Event) -> None:
    """The disk made full, then Ana's yes given at the console: its save refused, as the status bar says."""
    disk_full.set()
    await pilot.press("a", "y")
    await wait_until(pilot, lambda: "not saved" in status_bar(app), "the failure in the status bar")


def row_of(app: BootcampApp, name: str) -> str:
    return next(line for line in screen_text(app).splitlines() if name in line)


async def test_marks_say_saved_as_soon_as_the_disk_takes_the_saves_after_a_refused_quit(
    workshop_id: str, make_app, store: Store, disk_full: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bootcamp.ui.app.QUIT_FLUSH_SECONDS", 0.3)  # how long q waits for the saves
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        ana = app.workshop.info.present[0]
        await answer_refused(pilot, app, disk_full)
        assert "!" in row_of(app, "Ana Ortiz")
        await pilot.press("q", "y")  # asked first: y quits, once every save is on disk
        await pilot.pause()
        assert app.is_running  # refused: the answer is not on disk
        assert (ana.id, MANDATE, "", "") not in stored(store, workshop_id)

        disk_full.clear()  # room on the disk again: the writer's next retry (within 5 s) stores it
        deadline = time.monotonic() + 10
        while "not saved" in status_bar(app) or not status_bar(app).endswith("saved"):
            assert time.monotonic() < deadline, f"the status bar still says: {status_bar(app)}"
            await pilot.pause(0.05)
        assert "✓" in row_of(app, "Ana Ortiz") and "!" not in row_of(app, "Ana Ortiz")
        assert stored(store, workshop_id)[(ana.id, MANDATE, "", "")] == ("yes", "")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_status_bar_gives_the_reason_then_the_file(
    workshop_id: str, make_app, disk_full: threading.Event, size: tuple[int, int]
) -> None:
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, MANDATE)
        ana = app.workshop.info.present[0]
        await answer_refused(pilot, app, disk_full)
        shown = next(line for line in screen_text(app).splitlines() if "not saved" in line)  # as cut to the width
        assert f"not saved: {FULL} · {ana.id}.json" in shown
        disk_full.clear()
        assert await app.flush()


async def test_answers_queued_behind_a_failing_save_are_marked_not_saved(
    workshop_id: str, make_app, disk_full: threading.Event
) -> None:
    """The disk fills while the step's timer runs: its state.json save fails first and is retried first, so the
    answers given after it cannot be written either. They show ! (not …) for the whole outage."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        disk_full.set()
        await pilot.press("t")  # the timer: a save of state.json, which the full disk refuses
        await wait_until(pilot, lambda: "state.json" in status_bar(app), "the state.json failure in the status bar")
        await pilot.press("a", "y", "n", "d")
        await wait_until(pilot, lambda: "not saved" in status_bar(app), "the failure in the status bar")
        for name in ("Ana Ortiz", "Ben", "Chloe"):
            row = row_of(app, name)
            assert "!" in row and "…" not in row, row
        disk_full.clear()
        assert await app.flush(10)
        await pilot.pause()
        for name in ("Ana Ortiz", "Ben", "Chloe"):
            assert "✓" in row_of(app, name)


async def test_the_quit_question_says_saves_are_failing_before_y_is_pressed(
    workshop_id: str, make_app, disk_full: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen

    monkeypatch.setattr("bootcamp.ui.app.QUIT_FLUSH_SECONDS", 0.3)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await answer_refused(pilot, app, disk_full)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveConfirmScreen), "the quit question")
        asked = " ".join(screen_text(app).split())
        assert "Every answer and note is saved" not in asked
        assert "not saved" in asked and FULL in asked, asked
        await pilot.press("y")  # waits for the saves, which still fail: refused, and said so
        await wait_until(pilot, lambda: not isinstance(app.screen, LeaveConfirmScreen), "the question gone")
        await pilot.pause(0.5)
        assert app.is_running
        await pilot.press("q")  # asked again: now quitting loses what is not saved, and the question says so
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveConfirmScreen), "the quit question again")
        asked = " ".join(screen_text(app).split())
        assert "lost" in asked, asked
        await pilot.press("n")
        disk_full.clear()
        assert await app.flush(10)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveConfirmScreen), "the quit question, saved")
        assert "Every answer and note is saved" in " ".join(screen_text(app).split())
        await pilot.press("n")


async def test_leaving_while_saves_fail_asks_first_and_does_not_say_the_answers_are_kept(
    workshop_id: str, make_app, disk_full: threading.Event
) -> None:
    """ctrl+w with nothing watching left at once, hiding the failing saves behind the list of workshops; asked, it
    said "Answers are kept either way"."""
    from bootcamp.ui.screens.home import HomeScreen
    from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await answer_refused(pilot, app, disk_full)
        await pilot.press("escape", "ctrl+w")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveConfirmScreen), "the leave question")
        why = str(app.screen.query_one("#leave-why").render())
        what = str(app.screen.query_one("#leave-what").render())
        assert f"Saves are failing ({FULL} · " in why and "kept either way" not in what
        assert "1 change not on disk yet: the saves go on being tried in the background after you leave." in what
        await pilot.press("n")
        disk_full.clear()
        assert await app.flush(10)
        await pilot.press("ctrl+w")  # saved: nothing watches, so it leaves at once
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")


async def test_a_refused_quit_in_presenter_mode_does_not_put_the_data_folder_on_the_wall(
    workshop_id: str, make_app, disk_full: threading.Event, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """q, y in presenter mode while saves fail: the error toast (shown there, as a failure is never hidden) gave the
    store's whole message, "cannot save /home/…/workshops/ID/answers/….json", on the mirrored wall. Now it gives the
    reason and the file's name, as the status bar does."""
    from bootcamp.ui.screens.leave_confirm import LeaveConfirmScreen
    from bootcamp.ui.screens.presenter import PresenterScreen

    monkeypatch.setattr("bootcamp.ui.app.QUIT_FLUSH_SECONDS", 0.3)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await console_at(pilot, MANDATE)
        ana = app.workshop.info.present[0]
        await answer_refused(pilot, app, disk_full)
        assert str(data_dir) in app.save_status.error  # the store's message names the whole path
        await pilot.press("escape", "f5")
        await wait_until(pilot, lambda: isinstance(app.screen, PresenterScreen), "presenter mode")
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveConfirmScreen), "the quit question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, PresenterScreen), "back on the wall")
        await wait_until(pilot, lambda: "Still saving" in screen_text(app), "the refusal")
        shown = "".join(screen_text(app).replace("▌", "").split())  # the toast's lines joined again
        assert f"{FULL}·{ana.id}.json".replace(" ", "") in shown
        assert "cannotsave" not in shown and "workshops" not in shown and "data" not in shown
        disk_full.clear()
        assert await app.flush(10)


async def test_quitting_anyway_stops_the_saves_and_leaves_one_sentence_of_what_was_lost(
    workshop_id: str, make_app, disk_full: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """q, y, then q, y again on a disk still full: the console went, and its writer went on retrying behind the
    shell prompt, each retry printing a traceback ("Event loop is closed") onto the terminal for ten seconds,
    with not a word of what was not saved. Quitting anyway now stops the saves, and the app keeps one sentence
    of what was lost for the command to say."""
    monkeypatch.setattr("bootcamp.ui.app.QUIT_FLUSH_SECONDS", 0.3)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await console_at(pilot, MANDATE)
        info = app.workshop.info
        await answer_refused(pilot, app, disk_full)
        error = app.save_status.error
        await pilot.press("q", "y")
        await wait_until(pilot, lambda: "Still saving" in screen_text(app), "the refused quit")
        await pilot.press("q", "y")  # quits anyway
        await wait_until(pilot, lambda: not app.is_running, "the app to end")
    assert app.unsaved_at_quit == f"ended with 1 change to {info.name} not saved, now lost ({error})"
    assert not [t for t in threading.enumerate() if t.name == f"bootcamp-writer-{info.id}" and t.is_alive()]


async def test_quitting_anyway_does_not_wait_for_the_saves_a_second_time(
    workshop_id: str, make_app, disk_full: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first q, y waits for the saves and is refused; q, y again is the facilitator choosing to lose them, and it
    waited the whole wait again (five seconds of a console that looks stuck) before it went."""
    from bootcamp.live.workshop import LiveWorkshop

    monkeypatch.setattr("bootcamp.ui.app.QUIT_FLUSH_SECONDS", 0.3)
    waits: list[float] = []
    settled = LiveWorkshop.settled

    async def noting_the_wait(workshop: LiveWorkshop, timeout: float) -> bool:
        waits.append(timeout)
        return await settled(workshop, timeout)

    monkeypatch.setattr(LiveWorkshop, "settled", noting_the_wait)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await console_at(pilot, MANDATE)
        await answer_refused(pilot, app, disk_full)
        await pilot.press("q", "y")
        await wait_until(pilot, lambda: "Still saving" in screen_text(app), "the refused quit")
        assert waits == [0.3]
        await pilot.press("q", "y")  # quits anyway
        await wait_until(pilot, lambda: not app.is_running, "the app to end")
    assert waits[:2] == [0.3, 0]  # (closing the workshop then asks again, of a writer already stopped)
    assert app.unsaved_at_quit.startswith("ended with 1 change")


def test_bootcamp_says_on_the_terminal_what_quitting_anyway_lost(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from bootcamp.commands import tui

    lost = "ended with 1 change to Spring camp not saved, now lost (cannot save …: No space left on device)"
    monkeypatch.setattr(BootcampApp, "run", lambda app: setattr(app, "unsaved_at_quit", lost))
    assert tui.run(argparse.Namespace(command=None, data_dir=str(data_dir))) == 1
    assert capsys.readouterr().err == f"bootcamp: {lost}\n"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_person_added_while_the_disk_is_full_is_marked_unsaved_in_full_on_people(
    workshop_id: str, make_app, disk_full: threading.Event, size: tuple[int, int]
) -> None:
    """F2 on a full disk, a late arrival added: their row's mark read "✗ not sav", cut by the list's edge (the
    mark's column was 10 cells, its label 22): the list's mark is short, the status bar says the rest."""
    from bootcamp.ui.screens.roster import RosterScreen

    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=size) as pilot:
        await console_at(pilot, MANDATE)
        disk_full.set()
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, RosterScreen), "people")
        await pilot.press("a", *"Dee Late", "enter", "enter")
        await wait_until(pilot, lambda: "Dee Late" in screen_text(app), "Dee on the list")

        def dees_row() -> str:  # the list's row, not the details beside it ("Dee Late  P4")
            return next((line for line in screen_text(app).splitlines() if re.search(r"P4 +Dee Late", line)), "")

        await wait_until(pilot, lambda: "✗" in dees_row(), "Dee's save failing")
        assert re.search(r"Dee Late +✗ unsaved +│", dees_row()), dees_row()
        disk_full.clear()
        assert await app.flush(10)


async def test_a_console_stopped_by_the_system_while_the_disk_is_full_says_what_was_lost(
    workshop_id: str, make_app, disk_full: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill (SIGTERM) while an answer could not be saved: the console waited for it, then ended with 143 and not a
    word; the answer was gone, the terminal silent. It now leaves the same sentence as quitting anyway."""
    monkeypatch.setattr("bootcamp.ui.app_saving.QUIT_FLUSH_SECONDS", 0.3)
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        info = app.workshop.info
        await answer_refused(pilot, app, disk_full)
        error = app.save_status.error
        app.end_on_signal(signal.SIGTERM)
        await wait_until(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 128 + signal.SIGTERM
    assert app.unsaved_at_quit == f"ended with 1 change to {info.name} not saved, now lost ({error})"
    assert not [t for t in threading.enumerate() if t.name == f"bootcamp-writer-{info.id}" and t.is_alive()]


async def test_a_quick_note_kept_while_saves_fail_says_it_is_not_saved_yet(
    workshop_id: str, make_app, store: Store, disk_full: threading.Event
) -> None:
    """The quick note's notice said "Quick note kept on …" while the disk refused every save (found trying a full
    disk for real): it is held and saved with the others once the disk takes them, and says so."""
    app: BootcampApp = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await console_at(pilot, MANDATE)
        await answer_refused(pilot, app, disk_full)
        await pilot.press("ctrl+n", *"ask Ben", "enter")
        await wait_until(pilot, lambda: "ask Ben" in [n.text for n in app.workshop.records.room.notes], "the note")
        said = list(app._notifications)[-1].message
        assert said.startswith("Quick note on ") and "not saved yet" in said and FULL in said
        assert "kept" not in said

        disk_full.clear()
        assert await app.flush()
        await pilot.press("ctrl+n", *"and Ana", "enter")
        await wait_until(pilot, lambda: "and Ana" in [n.text for n in app.workshop.records.room.notes], "the note")
        assert list(app._notifications)[-1].message.startswith("Quick note kept on ")  # saves go through again
    assert "ask Ben" in [n.text for n in store.open(workshop_id).room().notes]  # held, then saved

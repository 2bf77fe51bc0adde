"""The room in memory: every change is there at once, reaches the files through the ordered writer, and can be undone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.store import OrderedWriter, Store, WorkshopFiles, is_ballot_id
from bootcamp.store.model import Action, ActionStatus
from bootcamp.ui.running import RunningWorkshop
from bootcamp.ui.saving import Mark

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
MANDATE = "basics/mandate"
RATE = "basics/rate-aptitudes"


class Results:
    """What the writer reported, handed to the workshop as the app does on its own thread."""

    def __init__(self) -> None:
        self.got: list[tuple[str, BaseException | None]] = []

    def __call__(self, job_id: str, error: BaseException | None) -> None:
        self.got.append((job_id, error))


@pytest.fixture
def results() -> Results:
    return Results()


@pytest.fixture
def writer(results: Results) -> Iterator[OrderedWriter]:
    writer = OrderedWriter(results, backoff=(0.01,))
    yield writer
    writer.close(5)


@pytest.fixture
def files(tmp_path: Path) -> WorkshopFiles:
    store = Store(tmp_path / "data", FixedClock())
    program = load_dir(FIXTURE_CONTENT)
    info = store.create_workshop(
        name="Spring",
        organisation="Northwind",
        date="2026-09-21",
        participants=[("Ana", "CEO"), ("Ben", "Sales"), ("Chloe", "")],
        sources=program.sources,
    )
    return store.open(info.id)


@pytest.fixture
def workshop(files: WorkshopFiles, writer: OrderedWriter) -> RunningWorkshop:
    return RunningWorkshop.load(files, writer, FixedClock())


def settle(workshop: RunningWorkshop, writer: OrderedWriter, results: Results) -> None:
    assert writer.flush(5)
    for job_id, error in results.got:
        workshop.saved(job_id, error)
    results.got.clear()


def reopened(files: WorkshopFiles, writer: OrderedWriter) -> RunningWorkshop:
    return RunningWorkshop.load(WorkshopFiles(files.path, FixedClock()), writer, FixedClock())


def test_an_answer_is_there_at_once_pending_then_saved_and_on_disk(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    ana = live.info.present[0]
    live.set_answer(ana.id, MANDATE, "partly")
    assert live.answer(ana.id, MANDATE).value == "partly"
    assert live.answer_mark(ana.id, MANDATE) in (Mark.PENDING, Mark.SAVED)
    settle(workshop, writer, results)
    assert live.answer_mark(ana.id, MANDATE) is Mark.SAVED
    assert workshop.save_status.label == "saved"
    stored = reopened(files, writer).live.answer(ana.id, MANDATE)
    assert (stored.value, stored.comment) == ("partly", "")


def test_a_comment_keeps_the_answer_and_an_answer_keeps_the_comment(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    ben = live.info.present[1]
    live.set_comment(ben.id, MANDATE, "only on paper")
    live.set_answer(ben.id, MANDATE, "no")
    settle(workshop, writer, results)
    stored = reopened(files, writer).live.answer(ben.id, MANDATE)
    assert (stored.value, stored.comment) == ("no", "only on paper")


def test_undo_takes_back_answers_clears_and_records_in_order(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    ana, ben, _ = live.info.present
    live.set_answer(ana.id, RATE, "strength", item="persist", perspective="self")
    live.set_answer(ana.id, RATE, "weakness", item="persist", perspective="self")
    live.clear_answer(ana.id, RATE, item="persist", perspective="self")
    note = live.put_note("basics/talk", "silos again")
    live.rename_participant(ben.id, "Benedict", "Sales")
    assert live.undo() == "renaming Ben"
    assert live.undo() == "a note"
    assert live.undo() == "clearing the answer of Ana"
    assert live.answer(ana.id, RATE, "persist", "self").value == "weakness"
    assert live.undo() == "the answer of Ana"
    assert live.answer(ana.id, RATE, "persist", "self").value == "strength"
    settle(workshop, writer, results)
    again = reopened(files, writer).live
    assert again.answer(ana.id, RATE, "persist", "self").value == "strength"
    assert note.id not in {n.id for n in again.room.notes}
    assert again.info.participant(ben.id).name == "Ben"


def test_a_secret_ballot_names_nobody_and_can_be_undone(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    first = live.cast_ballot(MANDATE, [("", "", "no")], comment="not really")
    live.cast_ballot(MANDATE, [("", "", "yes")])
    assert is_ballot_id(first)
    assert live.data.ballots_for(MANDATE) == 2
    assert live.undo() == "the last secret ballot"
    settle(workshop, writer, results)
    stored = reopened(files, writer).live.data.answers_for(MANDATE)
    assert [(a.participant_id, a.value, a.comment) for a in stored] == [(first, "no", "not really")]
    participant_ids = {p.id for p in live.info.participants}
    assert not participant_ids & {a.participant_id for a in stored}


def test_roster_changes_keep_answers_and_a_late_arrival_sees_what_they_missed(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    ana = live.info.present[0]
    live.set_answer(ana.id, MANDATE, "yes")
    live.remove_participant(ana.id)
    late = live.add_participant("Dee", "Finance")
    assert [p.display_name for p in live.info.present] == ["Ben", "Chloe", "Dee"]
    walked = workshop.flow.steps[:5]  # welcome, rate, mandate, role check, break
    assert [s.id for s in live.missed_steps(late.id, walked)] == ["rate-aptitudes", "mandate", "role"]
    assert [s.id for s in live.missed_steps(late.id, walked, skipped=(RATE,))] == ["mandate", "role"]
    settle(workshop, writer, results)
    again = reopened(files, writer).live
    assert again.answer(ana.id, MANDATE).value == "yes"  # kept while removed
    assert again.info.participant(ana.id).removed
    assert again.info.participant(late.id).number == 4 and again.info.participant(late.id).joined_at
    again.restore_participant(ana.id)
    assert ana.id in {p.id for p in again.info.present}


def test_the_poker_deal_is_stored_once_and_a_roster_change_never_re_deals(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    cards = live.deal_poker()
    # the fixture deck has two cards: dealt round the room in seat order
    assert [c.holder for c in cards] == [p.id for p in live.info.present[:2]]
    live.add_participant("Dee")
    assert live.deal_poker() == cards
    live.put_poker_note(cards[0].card_id, "today", "we show it in sales reviews")
    live.put_action(Action("", "Share churn reasons monthly", owner="Ana", due="2026-10-30", source=f"poker:{cards[0].card_id}"))
    settle(workshop, writer, results)
    room = reopened(files, writer).live.room
    assert room.poker[0].notes == {"today": "we show it in sales reviews"}
    assert [(a.what, a.status) for a in room.actions] == [("Share churn reasons monthly", ActionStatus.OPEN)]


def test_another_writers_records_survive_this_consoles_saves(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    other = WorkshopFiles(files.path, FixedClock())
    other.update_room(lambda room: room.__class__(notes=(*room.notes,), actions=(Action("a-other", "From the other console"),)))
    workshop.live.put_action(Action("", "From this console"))
    settle(workshop, writer, results)
    assert [a.what for a in other.room().actions] == ["From the other console", "From this console"]


def test_a_failed_save_stays_marked_and_is_retried(
    workshop: RunningWorkshop, writer: OrderedWriter, results: Results, files: WorkshopFiles
) -> None:
    live = workshop.live
    ana = live.info.present[0]
    save_answer, failures = live.files.save_answer, []

    def flaky(answer):  # the disk says no three times, then takes the answer
        if len(failures) < 3:
            failures.append(answer)
            raise OSError(28, "No space left on device")
        return save_answer(answer)

    live.files.save_answer = flaky  # type: ignore[method-assign]
    live.set_answer(ana.id, MANDATE, "yes")
    while not results.got:
        writer.flush(0.001)
    workshop.saved(*results.got.pop(0))
    assert live.answer_mark(ana.id, MANDATE) is Mark.FAILED
    assert workshop.save_status.label == "not saved"
    assert "No space left" in workshop.save_status.error
    settle(workshop, writer, results)
    assert len(failures) == 3
    assert live.answer_mark(ana.id, MANDATE) is Mark.SAVED
    assert workshop.save_status == workshop.save_status.__class__()
    assert reopened(files, writer).live.answer(ana.id, MANDATE).value == "yes"


def test_the_report_is_built_from_memory(workshop: RunningWorkshop) -> None:
    live = workshop.live
    for participant in live.info.present:
        live.set_answer(participant.id, MANDATE, "no")
    mandate = next(d for d in workshop.report().dimensions if d.id == "mandate")
    assert (mandate.answered, mandate.score) == (3, 0)

"""A participant asks to be forgotten: every copy of their data leaves the workshop's folder, others' words are listed.

On the demo room (bootcamp.demo), with what a real day adds beside it: a comment only she wrote, her mark on a secret
ballot's roll, her phone's seat left on, a damaged copy of that file, a line of the join log, a quick note and another
person's comment naming her, and a temporary file a killed save left.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bootcamp.demo import create_demo_workshop
from bootcamp.errors import UserError
from bootcamp.join.left_on import LeftOn, forget_holder, read_left_on, seats_held_by, write_left_on
from bootcamp.library import Library
from bootcamp.locations import join_log
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.forget import REDACTED, find_seat, forget, plan
from bootcamp.store.model import Answer, RoomNote
from bootcamp.store.owner_lock import OwnerLock, WorkshopBusy
from bootcamp.store.workshop_info import Participant

ROOT = Path(__file__).resolve().parents[2]
NAME = "Maria Lindqvist"
HER_COMMENT = "Between us, my director blocks every customer budget line"
OTHERS_COMMENT = "Maria Lindqvist should own the journey map"


def seat_named(files: WorkshopFiles, name: str) -> Participant:
    return next(p for p in files.info().participants if p.name == name)


def a_full_day(store: Store, sources: dict[str, str]) -> WorkshopFiles:
    """The demo room, with every kind of record that can hold Maria Lindqvist's data beside her answers file."""
    info = create_demo_workshop(store, sources)
    files = store.open(info.id)
    maria, david = seat_named(files, NAME), seat_named(files, "David Okonkwo")
    hers, his = files.answers_of(maria.id), files.answers_of(david.id)
    files.save_answer(dataclasses.replace(hers[0], comment=HER_COMMENT))
    files.save_answer(dataclasses.replace(his[0], comment=OTHERS_COMMENT))
    files.add_voter(hers[0].step_key, maria.id)
    files.add_voter(hers[0].step_key, david.id)
    files.update_room(lambda room: dataclasses.replace(
        room,
        notes=(*room.notes, RoomNote("n-forget1", hers[0].step_key, "Call Maria about the budget", quick=True)),
        poker=(dataclasses.replace(room.poker[0], holder=maria.id), *room.poker[1:]),  # a card in her hand
    ))
    left = LeftOn("127.0.0.1", 8765, "ABCD", b"k" * 16, seats=(("hash-maria", maria.id), ("hash-david", david.id)))
    write_left_on(files.path, left)
    (files.path / "phones.json.damaged-20260921-101502").write_text(json.dumps({"seats": [["h", maria.id]]}))
    log = join_log(store.data_dir, info.id)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(f"GET /j/ABCD 200\nerror: a seat for {NAME} could not be drawn\nGET /j/ABCD/alive 200\n")
    answers_folder = files.path / "answers"
    (answers_folder / f".{maria.id}.json.x1y2.tmp").write_text(HER_COMMENT)  # a save killed before its rename
    return files


def every_text(folder: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(folder.rglob("*")) if p.is_file())


def every_name(folder: Path) -> str:
    return "\n".join(str(p.relative_to(folder)) for p in sorted(folder.rglob("*")))


@pytest.fixture
def day(store: Store, sources: dict[str, str]) -> WorkshopFiles:
    return a_full_day(store, sources)


def test_forgetting_with_redacted_notes_leaves_her_name_and_words_in_no_file_of_the_data_folder(
    store: Store, day: WorkshopFiles
) -> None:
    maria = seat_named(day, NAME)
    numbers_before = [p.number for p in day.info().participants]
    hers = day.answers_of(maria.id)
    others_before = [a for a in day.answers() if a.participant_id != maria.id]
    her_texts = {a.comment for a in day.answers_of(maria.id) if a.comment} - {a.comment for a in others_before}
    assert HER_COMMENT in her_texts

    with store.owned(day.id, purpose="a test") as files:
        phone_seats = seats_held_by(files.path, maria.id)
        erasure = forget(files, maria, redact_notes=True, erase_elsewhere=forget_holder)
    Library(store.data_dir, store.clock).listing()  # the index, which keeps names to search, as the command does

    assert (erasure.answers, erasure.ballots_voted, phone_seats) == (len(hers), 1, 1)
    everything, names = every_text(store.data_dir), every_name(store.data_dir)
    for word in ("Maria", "Lindqvist", maria.id, *her_texts):
        assert word not in everything, word
        assert word not in names, word
    # Everyone else's data is as it was, but for her name put out of their words.
    info = day.info()
    assert [p.name for p in info.participants if p.name] and maria.id not in {p.id for p in info.participants}
    assert [p.number for p in info.participants] == [n for n in numbers_before if n != maria.number]
    after = [a for a in day.answers() if a.participant_id != maria.id]
    assert [(a.participant_id, a.key, a.value) for a in after] == [
        (a.participant_id, a.key, a.value) for a in others_before
    ]
    assert f"{REDACTED} should own the journey map" in {a.comment for a in after}
    david = seat_named(day, "David Okonkwo")
    assert day.voted() == {hers[0].step_key: (david.id,)}
    left = read_left_on(day.path)
    assert left is not None and left.seats == (("hash-david", david.id),)
    assert join_log(store.data_dir, day.id).read_text() == "GET /j/ABCD 200\nGET /j/ABCD/alive 200\n"
    assert not any(card.holder == maria.id for card in day.room().poker)


def test_without_redact_notes_others_words_naming_her_are_listed_and_kept_as_written(
    store: Store, day: WorkshopFiles
) -> None:
    maria = seat_named(day, NAME)
    room_before = day.room()
    with store.owned(day.id, purpose="a test") as files:
        erasure = forget(files, maria, erase_elsewhere=forget_holder)  # as the command does

    where = [mention.where for mention in erasure.mentions]
    assert any(w.startswith("quick note") for w in where)
    assert any(w.startswith("comment by P2 at step") for w in where)  # David Okonkwo's seat
    assert any("its owner" in w for w in where)  # an action the room gave her
    assert any(w.startswith("Poker card") for w in where)  # "Maria does it; the rest of us leave it to her."
    assert all(NAME in m.text or "Maria" in m.text for m in erasure.mentions)
    room = day.room()
    assert [n.text for n in room.notes] == [n.text for n in room_before.notes]
    assert [a.owner for a in room.actions] == [a.owner for a in room_before.actions]
    assert OTHERS_COMMENT in {a.comment for a in day.answers()}
    assert HER_COMMENT not in every_text(store.data_dir / "workshops")
    assert maria.id not in every_text(day.path) and day.info().participant(maria.id) is None


def test_a_first_name_two_people_share_is_not_taken_for_hers(store: Store, sources: dict[str, str]) -> None:
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21",
        participants=[("Ana Ortiz", ""), ("Ana Berg", ""), ("Ben Okafor", "")], sources=sources,
    )
    files = store.open(info.id)
    ortiz = seat_named(files, "Ana Ortiz")
    files.update_room(lambda room: dataclasses.replace(room, notes=(
        RoomNote("n-1", "intro/welcome", "Ana will send the deck"), RoomNote("n-2", "intro/welcome", "Ortiz disagrees"),
    )))
    with store.owned(info.id, purpose="a test") as owned:
        erasure = forget(owned, ortiz, redact_notes=True)
    assert [m.text for m in erasure.mentions] == ["Ortiz disagrees"]
    assert [n.text for n in files.room().notes] == ["Ana will send the deck", f"{REDACTED} disagrees"]


def test_the_person_is_found_by_seat_or_whole_name_and_namesakes_are_refused_naming_both_seats(
    store: Store, sources: dict[str, str]
) -> None:
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21",
        participants=[("Dee Lam", "CFO"), ("Ben Okafor", ""), ("dee  lam", "CTO")], sources=sources,
    )
    assert find_seat(info, "p2").name == "Ben Okafor"
    assert find_seat(info, "BEN OKAFOR").number == 2
    with pytest.raises(UserError) as refused:
        find_seat(info, "Dee Lam")
    assert "P1 (CFO)" in str(refused.value) and "P3 (CTO)" in str(refused.value)
    with pytest.raises(UserError, match="nobody in workshop .* is 'Ben'"):
        find_seat(info, "Ben")


def test_an_anonymous_workshop_forgets_a_seat_by_its_number(store: Store, sources: dict[str, str]) -> None:
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21", participants=[("", "CFO"), ("", "CTO"), ("", "")],
        anonymous=True, sources=sources,
    )
    files = store.open(info.id)
    second = find_seat(info, "P2")
    files.save_answer(Answer(second.id, "intro/welcome", value="yes", comment="only P2 says this"))
    with store.owned(info.id, purpose="a test") as owned:
        erasure = forget(owned, second)
    assert erasure.answers == 1 and erasure.mentions == ()
    assert [(p.number, p.role) for p in files.info().participants] == [(1, "CFO"), (3, "")]
    assert "only P2 says this" not in every_text(files.path) and second.id not in every_text(files.path)


def test_the_only_participant_is_not_forgotten_alone_but_the_workshop_deleted(
    store: Store, sources: dict[str, str]
) -> None:
    info = store.create_workshop(
        name="Solo", organisation="Acme", date="2026-09-21", participants=[("Ana Ortiz", "")], sources=sources
    )
    with store.owned(info.id, purpose="a test") as owned, pytest.raises(UserError, match=f"bootcamp delete {info.id}"):
        forget(owned, info.participants[0])
    assert store.open(info.id).info().participants == info.participants


def test_a_workshop_open_on_a_console_is_refused_and_nothing_is_erased(store: Store, day: WorkshopFiles) -> None:
    (day.path / "owner.lock").touch()  # as the console's lock leaves it
    before = every_text(day.path)
    with OwnerLock(day.path, purpose="the console", clock=store.clock), pytest.raises(WorkshopBusy):
        with store.owned(day.id, purpose="bootcamp forget") as files:
            forget(files, seat_named(files, NAME))
    assert every_text(day.path) == before


def test_the_summary_afterwards_is_the_summary_of_a_room_she_never_answered_in(
    store: Store, day: WorkshopFiles
) -> None:
    """Forgotten in one copy; never there in another, made from an export without her seat, answers and cards."""
    from bootcamp.export.report_markdown import render_markdown
    from bootcamp.summary.stored_runs import stored_report

    maria = seat_named(day, NAME)
    today = date(2026, 12, 7)
    counted_before = stored_report(store, day.id, today).participants_counted
    bundle = day.bundle()
    others = tuple(p for p in bundle.info.participants if p.id != maria.id)
    cards = tuple(dataclasses.replace(c, holder="" if c.holder == maria.id else c.holder) for c in bundle.room.poker)
    never_there = store.import_workshop(dataclasses.replace(
        bundle,
        info=dataclasses.replace(bundle.info, participants=others),
        room=dataclasses.replace(bundle.room, poker=cards),
        answers=tuple(a for a in bundle.answers if a.participant_id != maria.id),
    ), new_id=True)
    with store.owned(day.id, purpose="a test") as files:
        forget(files, maria)

    forgotten = render_markdown(stored_report(store, day.id, today)).replace(day.id, "ID")
    expected = render_markdown(stored_report(store, never_there.id, today)).replace(never_there.id, "ID")
    assert forgotten == expected
    assert stored_report(store, day.id, today).participants_counted == counted_before - 1


# -- killed midway: a rerun finishes the job ---------------------------------------------------------------------


def run_forget(data: Path, workshop_id: str, kill_at: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    helper = ROOT / "tests" / "store" / "forget_process.py"
    return subprocess.run(
        [sys.executable, str(helper), str(data), workshop_id, NAME, str(kill_at)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_a_forget_killed_after_any_of_its_writes_leaves_a_readable_workshop_and_a_rerun_finishes_it(
    store: Store, day: WorkshopFiles, tmp_path: Path
) -> None:
    undisturbed = run_forget(store.data_dir, day.id, kill_at=0)  # counts its writes, kills nothing
    assert undisturbed.returncode == 0, undisturbed.stderr
    changes = int(undisturbed.stdout.split()[-1])
    # The room, a comment, the voters' roll, the phones' seats, the log, her file, the roster (and the index).
    assert changes >= 7, undisturbed.stdout
    sources = dict(day.content().sources)
    for kill_at in range(1, changes + 1):
        data = tmp_path / f"kill-{kill_at}"  # a fresh full day each time, in a folder of its own
        fresh = Store(data, store.clock)
        files = a_full_day(fresh, sources)
        killed = run_forget(data, files.id, kill_at)
        assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stderr)

        with fresh.owned(files.id, purpose="a test") as owned:  # whole files only: every one still reads
            owned.info(), owned.answers(), owned.room(), owned.voted()
        roster_written = not any(p.name == NAME for p in files.info().participants)
        again = run_forget(data, files.id, kill_at=0)
        if roster_written:  # the last step done: nothing is left to finish, and the rerun says she is not there
            assert "nobody in workshop" in again.stderr, (kill_at, again.stderr)
        else:
            assert again.returncode == 0, (kill_at, again.stderr)
        everything = every_text(data)
        for word in ("Lindqvist", HER_COMMENT):
            assert word not in everything, (kill_at, word)


def test_plan_reads_only(store: Store, day: WorkshopFiles) -> None:
    before = every_text(day.path)
    erasure = plan(day, seat_named(day, NAME))
    assert erasure.answers == len(day.answers_of(erasure.seat.id)) > 0 and erasure.comments >= 1 and erasure.cards >= 1
    assert every_text(day.path) == before


def test_a_name_that_is_also_a_word_is_taken_for_hers_only_where_it_is_written_as_a_name(
    store: Store, sources: dict[str, str]
) -> None:
    """Before: forgetting Will Turner with --redact-notes made "We will review pricing" "We (a participant) review
    pricing" in a note of someone else's, as any part of his name matched in any case."""
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21",
        participants=[("Will Turner", ""), ("Mark Davis", ""), ("Ben Okafor", "")], sources=sources,
    )
    files = store.open(info.id)
    files.update_room(lambda room: dataclasses.replace(room, notes=(
        RoomNote("n-1", "intro/welcome", "We will review pricing; Will owns it"),
        RoomNote("n-2", "intro/welcome", "will turner and mark agreed"),
    )))
    with store.owned(info.id, purpose="a test") as owned:
        erasure = forget(owned, seat_named(files, "Will Turner"), redact_notes=True)
    assert [m.text for m in erasure.mentions] == ["We will review pricing; Will owns it", "will turner and mark agreed"]
    assert [n.text for n in files.room().notes] == [
        f"We will review pricing; {REDACTED} owns it", f"{REDACTED} and mark agreed"
    ]


def test_her_name_is_not_found_inside_anothers_hyphenated_name_and_is_found_with_a_phones_apostrophe(
    store: Store, sources: dict[str, str]
) -> None:
    """Before: forgetting Maria Lindqvist made Maria-José Ruiz "(a participant)-José" in others' notes, Angelo Rossi
    was found in "D'Angelo", and O'Brien typed on a phone (O’Brien, its apostrophe curled) was neither listed nor
    redacted."""
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21",
        participants=[("Maria Lindqvist", ""), ("Maria-José Ruiz", ""), ("Angelo Rossi", ""), ("Seán O'Brien", ""),
                      ("Ben D'Angelo", "")],
        sources=sources,
    )
    files = store.open(info.id)
    files.update_room(lambda room: dataclasses.replace(room, notes=(
        RoomNote("n-1", "intro/welcome", "Maria-José presents; Maria's idea"),
        RoomNote("n-2", "intro/welcome", "D'Angelo chairs"),
        RoomNote("n-3", "intro/welcome", "O’Brien agreed"),
    )))
    with store.owned(info.id, purpose="a test") as owned:
        maria = forget(owned, seat_named(files, "Maria Lindqvist"), redact_notes=True)
        angelo = forget(owned, seat_named(files, "Angelo Rossi"), redact_notes=True)
        sean = forget(owned, seat_named(files, "Seán O'Brien"), redact_notes=True)
    assert [[m.text for m in e.mentions] for e in (maria, angelo, sean)] == [
        ["Maria-José presents; Maria's idea"], [], ["O’Brien agreed"]
    ]
    assert [n.text for n in files.room().notes] == [
        f"Maria-José presents; {REDACTED}'s idea", "D'Angelo chairs", f"{REDACTED} agreed"
    ]


def test_a_name_typed_without_its_accent_or_with_a_phones_apostrophe_finds_the_seat_as_the_phones_do(
    store: Store, sources: dict[str, str]
) -> None:
    """Before: "Sofia Alvarez", as her e-mail asking to be forgotten spelt it, was nobody in a workshop with Sofia
    Álvarez, though a phone typing that name takes her seat."""
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21",
        participants=[("Sofia Álvarez", "CFO"), ("Seán O'Brien", ""), ("Renée Blanc", ""), ("Renee Blanc", "")],
        sources=sources,
    )
    assert find_seat(info, "Sofia Alvarez").number == 1
    assert find_seat(info, "sean o’brien").number == 2
    with pytest.raises(UserError, match="2 seats of workshop .* are named 'Renee Blanc'"):
        find_seat(info, "Renee Blanc")  # two people a phone could not tell apart: the seat is asked for
    assert find_seat(info, "P4").name == "Renee Blanc"


def test_a_person_named_like_another_seat_is_not_taken_for_that_seat(store: Store, sources: dict[str, str]) -> None:
    """Before: in a room whose first seat was entered as "P2" (a placeholder name), forget "P2" --yes erased Ana Ortiz,
    the second seat, without a word that P2 was also someone's name."""
    info = store.create_workshop(
        name="Kick-off", organisation="Acme", date="2026-09-21",
        participants=[("P2", ""), ("Ana Ortiz", ""), ("P3", "")], sources=sources,
    )
    with pytest.raises(UserError) as refused:
        find_seat(info, "p2")
    assert "P2 is seat P2 (Ana Ortiz) and the name of seat P1" in str(refused.value), refused.value
    assert find_seat(info, "P3").number == 3  # the seat and the name are one: nothing to tell apart


def test_another_persons_answers_file_that_cannot_be_read_is_listed_as_not_searched(
    store: Store, day: WorkshopFiles
) -> None:
    """Before: David's damaged answers file, his comment naming her inside, was passed over without a word: the list
    of places naming her looked complete, and --redact-notes left her name there."""
    maria, david = seat_named(day, NAME), seat_named(day, "David Okonkwo")
    damaged = day.path / "answers" / f"{david.id}.json"
    damaged.write_text('{"format": "bootcamp/answers", "answers": [{"comment": "Maria Lindqvist should own it"')
    erasure = plan(day, maria)
    unsearched = [m for m in erasure.mentions if m.where.startswith("answers of P2")]
    assert len(unsearched) == 1 and "cannot be read" in unsearched[0].where and "by hand" in unsearched[0].text

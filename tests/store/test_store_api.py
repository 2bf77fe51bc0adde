"""The store's API as the UI and the commands use it."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock, iso
from bootcamp.content import ContentError
from bootcamp.errors import UserError
from bootcamp.store import Store, StoreError, WorkshopFiles, edits, files, is_ballot_id, new_ballot_id, roster
from bootcamp.store.model import Action, Answer, RoomNote, RoomRecords, StepTimer

NOW = "2026-09-21T14:13:20+00:00"


def test_create_lists_and_opens_a_workshop(store: Store, workshop: WorkshopFiles, sources: dict[str, str]) -> None:
    info = workshop.info()
    assert [w.id for w in store.list_workshops()] == [info.id]
    assert (info.name, info.organisation, info.date, info.agenda) == ("Acme boot camp", "Acme", "2026-09-21", "full")
    assert [(p.number, p.name, p.role) for p in info.participants] == [
        (1, "Ana Ortiz", "CEO"),
        (2, "Ben Okafor", "Sales"),
        (3, "Chloé Martin", ""),
    ]
    assert len({p.id for p in info.participants}) == 3
    assert workshop.path == store.data_dir / "workshops" / info.id
    assert workshop.program().title == "Fixture boot camp"
    assert workshop.program().content_hash == info.content_hash
    assert workshop.content().sources == sources
    assert workshop.state().step_key == "basics/welcome"  # the agenda's first step


def test_ids_are_generated_short_and_file_safe(store: Store, sources: dict[str, str]) -> None:
    ids = {
        store.create_workshop(name="../../etc", organisation="O", date="2026-01-01", participants=[("Ana", "")], sources=sources).id
        for _ in range(5)
    }
    assert len(ids) == 5
    for workshop_id in ids:
        assert len(workshop_id) == 8 and workshop_id.isalnum() and workshop_id.islower()
    ballot = new_ballot_id()
    assert is_ballot_id(ballot) and not is_ballot_id("p" + ballot[1:])


def test_listing_is_newest_first(store: Store, clock: FixedClock, sources: dict[str, str]) -> None:
    def create(date: str) -> str:
        clock.advance(60)
        return store.create_workshop(name=date, organisation="O", date=date, participants=[("Ana", "")], sources=sources).id

    older, newer, same_day_later = create("2025-03-01"), create("2026-03-01"), create("2026-03-01")
    assert [w.id for w in store.list_workshops()] == [same_day_later, newer, older]


def test_an_empty_or_missing_data_dir_lists_nothing_and_creates_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "nowhere")
    assert store.list_workshops() == []
    assert not (tmp_path / "nowhere").exists()


def test_an_unknown_id_is_a_store_error_naming_it(store: Store, workshop: WorkshopFiles) -> None:
    for bad in ("nosuchid", "../" + workshop.info().id, "", "-rf"):
        with pytest.raises(StoreError, match="no workshop with id") as caught:
            store.open(bad)
        assert repr(bad) in str(caught.value)
    assert issubclass(StoreError, UserError)


def test_bad_input_to_create_is_refused_before_anything_is_written(store: Store, sources: dict[str, str]) -> None:
    with pytest.raises(UserError, match="the workshop date '21/09/2026' is not a date: use YYYY-MM-DD"):
        store.create_workshop(name="X", organisation="O", date="21/09/2026", participants=[("Ana", "")], sources=sources)
    with pytest.raises(UserError, match="date '2026-02-30'"):
        store.create_workshop(name="X", organisation="O", date="2026-02-30", participants=[("Ana", "")], sources=sources)
    with pytest.raises(StoreError, match="agenda 'quarter'"):
        store.create_workshop(name="X", organisation="O", date="2026-02-03", participants=[("Ana", "")], agenda="quarter", sources=sources)
    broken = dict(sources, **{"sessions/basics.yaml": "id: basics\nsteps: 3\n"})
    with pytest.raises(ContentError):
        store.create_workshop(name="X", organisation="O", date="2026-02-03", participants=[("Ana", "")], sources=broken)
    assert store.list_workshops() == []


def test_an_answer_is_saved_replaced_and_cleared(workshop: WorkshopFiles, clock: FixedClock) -> None:
    ana, ben, _ = (p.id for p in workshop.info().participants)
    first = workshop.save_answer(Answer(ana, "basics/mandate", value="yes"))
    assert first.at == iso(clock.now())
    workshop.save_answer(Answer(ana, "basics/rate-aptitudes", "persist", "self", "strong"))
    workshop.save_answer(Answer(ben, "basics/mandate", value="no", comment="not yet"))
    clock.advance(30)
    workshop.save_answer(Answer(ana, "basics/mandate", value="partly", comment="changed my mind"))
    answers = {(a.participant_id, a.key): a for a in workshop.answers()}
    assert len(answers) == 3
    assert answers[(ana, ("basics/mandate", "", ""))].value == "partly"
    assert answers[(ana, ("basics/mandate", "", ""))].at == iso(clock.now())
    assert answers[(ben, ("basics/mandate", "", ""))].comment == "not yet"

    workshop.clear_answer(ana, ("basics/mandate", "", ""))
    workshop.clear_answer(ana, ("basics/mandate", "", ""))  # clearing twice is harmless
    workshop.clear_answer(ben, ("basics/unknown", "", ""))
    assert [(a.participant_id, a.key) for a in workshop.answers_of(ana)] == [
        (ana, ("basics/rate-aptitudes", "persist", "self"))
    ]
    assert len(workshop.answers()) == 2


def test_an_answer_needs_a_safe_owner_and_key(workshop: WorkshopFiles) -> None:
    with pytest.raises(StoreError, match="not a participant or ballot id"):
        workshop.save_answer(Answer("../workshop", "basics/mandate", value="yes"))
    with pytest.raises(StoreError, match="item 'a|b'"):
        workshop.save_answer(Answer(workshop.info().participants[0].id, "basics/mandate", item="a|b", value="yes"))
    assert workshop.answers() == []


def test_secret_ballot_answers_are_stored_under_the_ballot_id(workshop: WorkshopFiles) -> None:
    ballot = new_ballot_id()
    workshop.save_answer(Answer(ballot, "basics/mandate", value="no"))
    assert (workshop.path / "answers" / f"{ballot}.json").exists()
    assert [a.participant_id for a in workshop.answers()] == [ballot]


def test_a_secret_ballots_file_keeps_no_time_inside_or_on_it(workshop: WorkshopFiles) -> None:
    """Beside a note of who answered when, a ballot's time would name its caster (DESIGN.md, Secret ballots)."""
    ballot = new_ballot_id()
    workshop.save_answer(Answer(ballot, "basics/mandate", value="no", at=NOW))  # a time given is dropped too
    workshop.import_answers([Answer(ballot, "basics/rate-aptitudes", "persist", "self", "strong")])
    path = workshop.path / "answers" / f"{ballot}.json"
    assert [a.at for a in workshop.answers()] == ["", ""]
    assert '"at":""' in path.read_text() and NOW not in path.read_text()
    for written in (path, path.with_name(path.name + ".lock")):
        assert os.stat(written).st_mtime == files.BALLOT_FILE_TIME
    person = workshop.info().participants[0].id
    workshop.save_answer(Answer(person, "basics/mandate", value="yes"))
    assert workshop.answers_of(person)[0].at  # a named answer keeps its time
    assert os.stat(workshop.path / "answers" / f"{person}.json").st_mtime != files.BALLOT_FILE_TIME


def test_roster_changes_are_saved_and_keep_answers(workshop: WorkshopFiles, clock: FixedClock) -> None:
    """The rules are the roster's (test_store_roster.py); here: made under the file's lock, answers untouched."""
    ana = workshop.info().participants[0]
    workshop.save_answer(Answer(ana.id, "basics/mandate", value="yes"))
    clock.advance(3600)
    joined_at = iso(clock.now())
    saved = workshop.update_info(lambda info: roster.add_participant(info, "Dara", "Service", joined_at=joined_at).info)
    assert [(p.number, p.name, p.role, p.joined_at) for p in saved.participants[3:]] == [(4, "Dara", "Service", joined_at)]
    assert workshop.info() == saved

    workshop.update_info(lambda info: roster.remove_participant(info, ana.id).info)
    info = workshop.info()
    assert info.participant(ana.id).removed and ana.id not in {p.id for p in info.present}
    assert [a.participant_id for a in workshop.answers()] == [ana.id]  # removed, answers kept

    workshop.update_info(lambda info: roster.restore_participant(info, ana.id).info)
    assert workshop.info().participant(ana.id) == ana


def test_create_seats_the_roster_by_the_roster_rules(store: Store, sources: dict[str, str]) -> None:
    info = store.create_workshop(
        name="X", organisation="O", date=" 2026-09-21 ", participants=[(" Ana ", " CEO "), ("Ben", "")], sources=sources
    )
    assert info.date == "2026-09-21"
    assert [(p.number, p.name, p.role, p.joined_at) for p in info.participants] == [
        (1, "Ana", "CEO", info.created_at),
        (2, "Ben", "", info.created_at),
    ]
    assert store.open(info.id).info() == info


def test_room_and_state_read_modify_write(workshop: WorkshopFiles, clock: FixedClock) -> None:
    note = RoomNote("n-1", "basics/talk", "We never ask customers.", at=iso(clock.now()))
    action = Action("a-1", "Map the renewal journey", owner="Ben", due="2026-10-15", source="basics/next")
    room = workshop.update_room(lambda r: RoomRecords(notes=(*r.notes, note)))
    room = workshop.update_room(lambda r: RoomRecords(notes=r.notes, actions=(*r.actions, action)))
    assert workshop.room() == room == RoomRecords(notes=(note,), actions=(action,))

    clock.advance(5)
    state = workshop.update_state(
        lambda s: type(s)(step_key="basics/mandate", done=("basics/welcome",), timers={"basics/welcome": StepTimer(300.0)})
    )
    assert state.updated_at == clock.now()
    assert workshop.state() == state
    clock.advance(5)
    workshop.save_state(type(state)(step_key="basics/role"))
    assert (workshop.state().step_key, workshop.state().updated_at) == ("basics/role", clock.now())


def test_anonymous_workshop_stores_no_names_anywhere(store: Store, sources: dict[str, str]) -> None:
    names = ["Zelda Quixote", "Yusuf Wojcik", "Xiomara Vance"]
    info = store.create_workshop(
        name="Board offsite",
        organisation="Acme",
        date="2026-09-21",
        participants=[(name, "") for name in names],
        anonymous=True,
        sources=sources,
    )
    workshop = store.open(info.id)
    late = roster.add_participant(workshop.info(), "Wilhelmina Ubu", joined_at=NOW).participant
    # the seat as the live room saves it, with a name that slipped through: put_participant drops it too
    workshop.update_info(edits.put_participant(dataclasses.replace(late, name="Wilhelmina Ubu")))
    workshop.update_info(lambda info: roster.rename_participant(info, info.participants[0].id, "Verity Tarrant").info)
    workshop.save_answer(Answer(late.id, "basics/mandate", value="yes"))
    assert [p.display_name for p in workshop.info().participants] == ["P1", "P2", "P3", "P4"]
    everything = b"".join(path.read_bytes() for path in store.data_dir.rglob("*") if path.is_file())
    for name in [*names, "Wilhelmina Ubu", "Verity Tarrant"]:
        for word in name.split():
            assert word.encode() not in everything
            assert json.dumps(word).encode() not in everything


def test_files_are_0600_and_folders_0700(store: Store, workshop: WorkshopFiles) -> None:
    participant = workshop.info().participants[0].id
    workshop.save_answer(Answer(participant, "basics/mandate", value="yes"))
    workshop.update_room(lambda r: r)
    paths = [store.data_dir, *store.data_dir.rglob("*")]
    assert len(paths) > 8
    for path in paths:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"


def test_a_folder_that_is_not_a_workshop_is_reported_not_listed(store: Store, workshop: WorkshopFiles) -> None:
    (store.workshops_dir / "holiday-photos").mkdir()
    listing = store.scan_workshops()
    assert [w.id for w in listing.workshops] == [workshop.info().id]
    assert ["holiday-photos" in str(problem) for problem in listing.problems] == [True]


def test_a_workshop_json_moved_to_another_folder_is_refused(store: Store, workshop: WorkshopFiles) -> None:
    os.rename(workshop.path, store.workshops_dir / "copied")
    with pytest.raises(StoreError, match="belongs to workshop"):
        store.open("copied")


def test_a_data_dir_that_cannot_be_written_is_a_clear_error(tmp_path: Path, sources: dict[str, str]) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    with pytest.raises(StoreError, match=f"cannot create a workshop in {blocked / 'data'}"):
        Store(blocked / "data").create_workshop(name="X", organisation="O", date="2026-01-01", participants=[("Ana", "")], sources=sources)


def test_an_answers_folder_removed_by_hand_is_made_again(workshop: WorkshopFiles) -> None:
    (workshop.path / "answers").rmdir()
    workshop.save_answer(Answer(workshop.info().participants[0].id, "basics/mandate", value="yes"))
    assert len(workshop.answers()) == 1
    assert stat.S_IMODE(os.stat(workshop.path / "answers").st_mode) == 0o700


def test_a_data_dir_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "workshops").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot read .*workshops: Not a directory"):
        Store(tmp_path / "data").list_workshops()

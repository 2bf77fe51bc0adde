"""Export and import: the JSON round trip, CSV answers out and back in, all or nothing."""

from __future__ import annotations

import csv
import dataclasses
import errno
import io
import json
import os
from pathlib import Path

import pytest
from refused_imports import import_refused

from bootcamp.clock import FixedClock, iso
from bootcamp.errors import UserError
from bootcamp.export import data_csv, data_json
from bootcamp.export.data_csv import AnswerImportError
from bootcamp.export.data_json import ImportFileError
from bootcamp.store import Store, StoreError, WorkshopBundle, WorkshopFiles, is_ballot_id, new_ballot_id, roster
from bootcamp.store import files as store_files
from bootcamp.store.archive import is_archived
from bootcamp.store.model import (
    Action,
    ActionStatus,
    Answer,
    PokerCard,
    RoleLine,
    RoomNote,
    RoomRecords,
    StepTimer,
    WorkshopDay,
    WorkshopState,
)
from bootcamp.store.owner_lock import WorkshopBusy

NOW = "2026-09-21T14:13:20+00:00"


@pytest.fixture
def full_workshop(workshop: WorkshopFiles, hostile_texts: tuple[str, ...], clock: FixedClock) -> WorkshopFiles:
    """A workshop with something in every file, hostile text in every free-text field."""
    people = workshop.info().participants
    clock.advance(3600)
    joined_at = iso(clock.now())
    late = workshop.update_info(
        lambda info: roster.add_participant(info, hostile_texts[0], hostile_texts[2], joined_at=joined_at).info
    ).participants[-1]
    workshop.update_info(lambda info: roster.remove_participant(info, people[2].id).info)
    for n, (person, text) in enumerate(zip([*people, late] * 3, hostile_texts, strict=False)):
        workshop.save_answer(
            Answer(person.id, "basics/rate-aptitudes", ["persist", "give-power-away"][n % 2], ["self", "team"][n // 6 % 2], "mixed", text)
        )
        workshop.save_answer(Answer(person.id, "basics/mandate", value=["yes", "no", "dont-know"][n % 3], comment=text))
    workshop.save_answer(Answer(people[0].id, "basics/role", "reports-to-ceo", value="partly", comment=hostile_texts[4]))
    workshop.save_answer(Answer(new_ballot_id(), "basics/mandate", value="no", comment=hostile_texts[5]))
    workshop.update_room(
        lambda _room: RoomRecords(
            notes=tuple(RoomNote(f"n-{n}", "basics/talk", text, at=NOW, quick=n % 2 == 1) for n, text in enumerate(hostile_texts)),
            role_lines=(RoleLine("r-1", hostile_texts[1], "tactical", NOW), RoleLine("r-2", "Own the journey", "", NOW)),
            poker=(PokerCard("persist", people[0].id, {"today": hostile_texts[2]}), PokerCard("give-power-away", late.id)),
            actions=(Action("a-1", hostile_texts[6], people[1].id, "2026-10-01", ActionStatus.DOING, "poker:persist", NOW),),
        )
    )
    workshop.save_state(
        WorkshopState(
            step_key="basics/poker",
            done=("basics/welcome", "basics/rate-aptitudes"),
            skipped=("basics/break",),
            timers={"basics/welcome": StepTimer(312.5, None, 2.0), "basics/poker": StepTimer(60.0, 1_790_003_000.25)},
            day_started_at=1_789_990_000.0,
            earlier_days=(WorkshopDay(started_at=1_789_900_000.0, planned=270.0, actual=405.5),),  # a day before
            revealed=("basics/mandate",),
            secret=("basics/mandate",),
            presenter=True,
        )
    )
    return workshop


# -- JSON --------------------------------------------------------------------------------------------------------


def test_export_then_import_gives_an_identical_workshop(full_workshop: WorkshopFiles, tmp_path: Path) -> None:
    original = full_workshop.bundle()
    text = data_json.dumps(original)
    elsewhere = Store(tmp_path / "elsewhere")
    info = elsewhere.import_workshop(data_json.loads(text, "acme.json"))
    assert info.id == original.info.id
    imported = elsewhere.open(info.id)
    assert imported.bundle() == original
    assert [a.at for a in original.answers if is_ballot_id(a.participant_id)] == [""]  # a ballot keeps no time
    assert data_json.dumps(imported.bundle()) == text
    assert imported.program() == full_workshop.program()


def test_the_roll_of_secret_ballot_voters_goes_with_the_workshop(full_workshop: WorkshopFiles, tmp_path: Path) -> None:
    """Before: the export left out who had cast a ballot from a phone (voted.json), so on the laptop it was handed to
    the same phone could cast a second ballot on that step, and the person was listed as yet to answer it."""
    ana = full_workshop.info().participants[0].id
    full_workshop.add_voter("basics/mandate", ana)
    elsewhere = Store(tmp_path / "elsewhere")
    info = elsewhere.import_workshop(data_json.loads(data_json.dumps(full_workshop.bundle()), "acme.json"))
    assert elsewhere.open(info.id).voted() == {"basics/mandate": (ana,)}


def test_the_export_is_versioned_documented_and_inert_on_a_terminal(full_workshop: WorkshopFiles) -> None:
    text = data_json.dumps(full_workshop.bundle())
    document = json.loads(text)
    assert (document["format"], document["version"]) == ("bootcamp-workshop", 1)
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in text)
    for name in ("workshop", "content", "state", "room", "answers", "participants", "joined_at", "role_lines", "poker"):
        assert f"``{name}``" in (data_json.__doc__ or "")
    fields = set(document["workshop"]) | set(document["state"]) | set(document["room"]) | set(document["answers"][0])
    undocumented = {field for field in fields if f"``{field}``" not in (data_json.__doc__ or "")}
    assert undocumented == set()


def test_the_export_leaves_out_when_the_clocks_stopped_so_an_older_bootcamp_still_imports_it(
    workshop: WorkshopFiles, tmp_path: Path
) -> None:
    """Kept in state.json since bootcamp asks after a pause from when the clocks stopped; an older bootcamp refuses a
    field it does not know, and an import without it reads the pause as state.json files before it did."""
    workshop.update_state(lambda s: dataclasses.replace(s, day_started_at=1789981200.0, clocks_stopped_at=1789984800.0))
    document = json.loads(data_json.dumps(workshop.bundle()))
    assert "clocks_stopped_at" not in document["state"]
    elsewhere = Store(tmp_path / "elsewhere")
    info = elsewhere.import_workshop(data_json.loads(json.dumps(document), "paused.json"))
    imported = elsewhere.open(info.id).bundle().state
    assert imported.clocks_stopped_at is None
    assert imported == dataclasses.replace(workshop.bundle().state, clocks_stopped_at=None)


def test_a_one_day_workshops_export_has_no_days_field_so_an_older_bootcamp_still_imports_it(
    workshop: WorkshopFiles, tmp_path: Path
) -> None:
    """``earlier_days`` came with two-day workshops; written empty for every workshop, it made a bootcamp from before
    them refuse every export ("state.earlier_days: unknown field"), one-day workshops too."""
    document = json.loads(data_json.dumps(workshop.bundle()))
    assert "earlier_days" not in document["state"]
    elsewhere = Store(tmp_path / "elsewhere")
    info = elsewhere.import_workshop(data_json.loads(json.dumps(document), "one-day.json"))
    assert elsewhere.open(info.id).bundle().state == workshop.bundle().state


def test_the_export_carries_each_days_offset_from_utc_so_the_laptop_it_goes_to_dates_the_days_as_the_room_did(
    workshop: WorkshopFiles, tmp_path: Path
) -> None:
    """Day 1 run in London (offset 0), day 2 in New York (-300): imported on either laptop, each day keeps its offset
    and so the room's date; a day kept without one (by a bootcamp from before it) is exported without, as it wrote."""
    london = WorkshopDay(started_at=1_796_718_600.0, planned=240.0, actual=480.0, utc_offset=0)
    workshop.update_state(
        lambda s: dataclasses.replace(s, earlier_days=(london,), day_started_at=1_796_824_800.0, day_utc_offset=-300)
    )
    document = json.loads(data_json.dumps(workshop.bundle()))
    assert (document["state"]["day_utc_offset"], document["state"]["earlier_days"][0]["utc_offset"]) == (-300, 0)
    elsewhere = Store(tmp_path / "elsewhere")
    info = elsewhere.import_workshop(data_json.loads(json.dumps(document), "two-zones.json"))
    assert elsewhere.open(info.id).bundle().state == workshop.bundle().state

    unknown = dataclasses.replace(london, utc_offset=None)
    workshop.update_state(lambda s: dataclasses.replace(s, earlier_days=(unknown,), day_utc_offset=None))
    state = json.loads(data_json.dumps(workshop.bundle()))["state"]
    assert "day_utc_offset" not in state and "utc_offset" not in state["earlier_days"][0]


def test_importing_an_existing_id_needs_new_id(store: Store, full_workshop: WorkshopFiles) -> None:
    original = full_workshop.bundle()
    bundle = data_json.loads(data_json.dumps(original), "acme.json")
    with pytest.raises(StoreError, match=f"workshop {original.info.id} .* already, the same as in the file"):
        store.import_workshop(bundle)
    info = store.import_workshop(bundle, new_id=True)
    assert info.id != original.info.id
    copy = store.open(info.id).bundle()
    assert copy == dataclasses.replace(original, info=dataclasses.replace(original.info, id=info.id))
    assert len(store.list_workshops()) == 2


def _broken_exports(good: dict) -> dict[str, tuple[str, str]]:
    """name → (file text, what the error must say)."""

    def edited(change) -> str:  # type: ignore[no-untyped-def]
        document = json.loads(json.dumps(good))
        change(document)
        return json.dumps(document)

    return {
        "truncated": (json.dumps(good)[:-40], "not valid JSON"),
        "a list": ("[]", "not a bootcamp workshop export"),
        "a newer version": (edited(lambda d: d.update(version=2)), "newer bootcamp"),
        "an unknown field": (edited(lambda d: d.update(extra=1)), "extra: unknown field"),
        "a missing part": (edited(lambda d: d.pop("room")), "room: missing"),
        "a wrong type": (edited(lambda d: d["workshop"]["participants"][0].update(number="one")), "workshop.participants[1].number"),
        "a bad id": (edited(lambda d: d["workshop"].update(id="../../x")), "workshop.id"),
        "a bad id replaced by": (edited(lambda d: d["workshop"].update(replaced_by="../x")), "workshop.replaced_by"),
        "a time replaced that is none": (
            edited(lambda d: d["workshop"].update(replaced_by="k2", replaced_at="Tuesday")),
            "workshop.replaced_at",
        ),
        "edited content": (edited(lambda d: d["content"]["sources"].update({"sessions/x.yaml": "id: x"})), "content.content_hash"),
        "an answer by nobody": (edited(lambda d: d["answers"][0].update(participant_id="pnobody")), "answers[1].participant_id"),
        "a bad answer key": (edited(lambda d: d["answers"][0].update(item="a|b")), "answers[1]"),
        "a duplicate answer": (edited(lambda d: d["answers"].append(d["answers"][0])), "a second answer"),
        "a bad status": (edited(lambda d: d["room"]["actions"][0].update(status="someday")), "room.actions[1].status"),
        "an answer to no step": (
            edited(lambda d: d["answers"][0].update(step_key="basics/nowhere")),
            "answers[1].step_key: unknown step 'basics/nowhere'",
        ),
        "a value off the scale": (
            edited(lambda d: d["answers"][0].update(value="maybe")),
            "answers[1].value: 'maybe' is not on the scale",
        ),
        "a 5 MB comment": (
            edited(lambda d: d["answers"][0].update(comment="x" * 5_000_000)),
            "answers[1].comment: 5,000,000 characters; a comment may have at most 2,000",
        ),
        "a blank workshop name": (edited(lambda d: d["workshop"].update(name="  ")), "workshop.name: a workshop name is needed"),
        "an empty note": (edited(lambda d: d["room"]["notes"][0].update(text="")), "room.notes[1].text: a note is needed"),
        # Read as a date on the day clock and in the summary: a time no calendar has was a traceback there.
        "a day clock started in no year": (
            edited(lambda d: d["state"].update(day_started_at=1e20)),
            "state.day_started_at: 1e+20 is not a time",
        ),
        "clocks stopped in no year (an export of a later bootcamp may keep when)": (
            edited(lambda d: d["state"].update(clocks_stopped_at=1e20)),
            "state.clocks_stopped_at: 1e+20 is not a time",
        ),
        "an earlier day in no year": (
            edited(lambda d: d["state"]["earlier_days"][0].update(started_at=-1e18)),
            "state.earlier_days[1].started_at: -1e+18 is not a time",
        ),
        "a day's offset from UTC no clock has": (
            edited(lambda d: d["state"].update(day_utc_offset=100_000)),
            "state.day_utc_offset: 100000 minutes is not a clock's offset from UTC",
        ),
        "an earlier day's offset in seconds": (
            edited(lambda d: d["state"]["earlier_days"][0].update(utc_offset=-18_000)),
            "state.earlier_days[1].utc_offset: -18000 minutes is not a clock's offset from UTC",
        ),
        "an earlier day of negative minutes": (
            edited(lambda d: d["state"]["earlier_days"][0].update(actual=-5)),
            "state.earlier_days[1].actual: -5.0 minutes",
        ),
        "an earlier day of more minutes than a year has": (
            edited(lambda d: d["state"]["earlier_days"][0].update(planned=-1e308)),
            "state.earlier_days[1].planned: -1e+308 minutes",
        ),
    }


def test_the_same_export_imported_twice_says_it_is_here_already(store: Store, full_workshop: WorkshopFiles) -> None:
    """Before: "a workshop with id … already exists; import with --new-id to keep both", and --new-id made a second
    copy of the very same workshop beside the first, under another id."""
    before = full_workshop.bundle()
    bundle = data_json.loads(data_json.dumps(before), "acme.json")
    assert import_refused(store, bundle) == (
        f"workshop {before.info.id} (Acme boot camp) is in {store.data_dir} already, the same as in the file: "
        "nothing was imported"
    )
    assert full_workshop.bundle() == before


def test_an_older_copy_imported_over_a_workshop_changed_since_is_refused_saying_so(
    store: Store, full_workshop: WorkshopFiles, clock: FixedClock, utc_calendar: None
) -> None:
    """Day 1 exported on laptop A, brought to B, day 2 run on B; A's export imported on B again (the same file, or one
    A made later without day 2) was refused as any id already here is, pointing to --new-id: a second copy, day 1
    only, beside day 2, under the same name. It is an older copy, said with when each was last changed."""
    older = data_json.loads(data_json.dumps(full_workshop.bundle()), "day1.json")
    clock.advance(86_400)
    full_workshop.save_answer(Answer(full_workshop.info().participants[1].id, "basics/role", "reports-to-ceo", value="yes"))
    day_two = full_workshop.bundle()
    assert import_refused(store, older) == (
        f"workshop {day_two.info.id} (Acme boot camp) in {store.data_dir} was changed after the file's copy of it "
        "(last on 22 Sep at 15:13 here, 21 Sep at 15:13 in the file; 15 answers here, 14 in the file): "
        "nothing was imported, and the workshop here is left as it is"
    )
    assert full_workshop.bundle() == day_two


def test_a_later_copy_handed_back_is_refused_pointing_to_replace(
    store: Store, full_workshop: WorkshopFiles, clock: FixedClock, utc_calendar: None
) -> None:
    """Day 2 run on laptop B and handed back to A, which still has day 1: "import with --new-id to keep both" was all
    A's facilitator read, and --new-id put day 2 beside day 1 under another id, the runs after it following day 1."""
    day_one = full_workshop.bundle()
    clock.advance(86_400)
    later = dataclasses.replace(
        day_one, answers=(*day_one.answers, Answer(day_one.info.participants[1].id, "basics/role", "reports-to-ceo", value="yes", at=iso(clock.now())))
    )
    assert import_refused(store, later) == (
        f"workshop {day_one.info.id} (Acme boot camp) in {store.data_dir} is an older copy than the file's "
        "(last on 21 Sep at 15:13 here, 22 Sep at 15:13 in the file; 14 answers here, 15 in the file): "
        "nothing was imported; --replace puts the file's copy in its place and keeps the one here, archived"
    )
    assert full_workshop.bundle() == day_one


def test_copies_changed_within_the_same_minute_are_told_apart_to_the_second(
    store: Store, full_workshop: WorkshopFiles, clock: FixedClock, utc_calendar: None
) -> None:
    """A copy handed back a few seconds after it was exported (one answer added at the break) was said to be "an older
    copy than the file's (last on 21 Sep at 15:13 in both …)": later and the same time in one sentence. Within one
    minute the times say their seconds."""
    day_one = full_workshop.bundle()
    clock.advance(20)
    later = dataclasses.replace(
        day_one, answers=(*day_one.answers, Answer(day_one.info.participants[1].id, "basics/role", "reports-to-ceo", value="yes", at=iso(clock.now())))
    )
    assert import_refused(store, later) == (
        f"workshop {day_one.info.id} (Acme boot camp) in {store.data_dir} is an older copy than the file's "
        "(last on 21 Sep at 15:13:20 here, 15:13:40 in the file; 14 answers here, 15 in the file): "
        "nothing was imported; --replace puts the file's copy in its place and keeps the one here, archived"
    )


def test_a_copy_changed_without_a_later_time_is_not_called_older_and_points_to_replace(
    store: Store, full_workshop: WorkshopFiles, utc_calendar: None
) -> None:
    """Paper answers typed in on laptop B (import-answers) are dated the workshop's day, not the day they were typed:
    B's copy handed back to A was said to be one A "changed after", times equal, 2 answers there against 3, and
    --replace, which was what A's facilitator needed, was not named. Copies whose times do not tell say so."""
    here = full_workshop.bundle()
    latest = max(answer.at for answer in here.answers)
    paper = Answer(here.info.participants[1].id, "basics/role", "reports-to-ceo", value="yes", at=latest)
    handed_back = dataclasses.replace(here, answers=(*here.answers, paper))
    assert import_refused(store, handed_back) == (
        f"workshop {here.info.id} (Acme boot camp) in {store.data_dir} and the file's copy of it differ, and their "
        "times do not say which is later (last on 21 Sep at 15:13 in both; 14 answers here, 15 in the file): "
        "nothing was imported; --replace puts the file's copy in its place and keeps the one here, archived"
    )
    assert full_workshop.bundle() == here


def test_replace_puts_the_files_copy_in_place_and_keeps_the_one_here_archived(
    store: Store, full_workshop: WorkshopFiles, clock: FixedClock
) -> None:
    day_one = full_workshop.bundle()
    clock.advance(86_400)
    later = dataclasses.replace(
        day_one, answers=(*day_one.answers, Answer(day_one.info.participants[1].id, "basics/role", "reports-to-ceo", value="yes", at=iso(clock.now())))
    )
    placed, kept = store.import_over(later)
    assert placed == later.info and {info.id for info in store.list_workshops()} == {placed.id, kept.id}
    assert _answers_sorted(store.open(placed.id).bundle()) == _answers_sorted(later)
    assert is_archived(store.workshops_dir / kept.id) and kept.id != placed.id
    assert store.open(kept.id).bundle() == dataclasses.replace(day_one, info=kept)
    assert kept.participants == day_one.info.participants and kept.date == day_one.info.date


def test_a_replace_that_cannot_reach_its_commit_point_keeps_no_copy_and_says_nothing_was_imported(
    store: Store, full_workshop: WorkshopFiles, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename that makes the file's copy the one the id holds fails (a disk gone read-only): no kept copy of a
    replace that never happened is left on the archived list, and nothing hidden is left behind."""
    before = full_workshop.bundle()
    clock.advance(86_400)
    later = dataclasses.replace(before, room=dataclasses.replace(before.room, role_lines=()))
    rename = os.rename

    def refused_at_the_commit_point(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(target).name.startswith(".replacing-"):
            raise OSError(errno.EROFS, "Read-only file system", str(target))
        return rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "rename", refused_at_the_commit_point)
    with pytest.raises(StoreError) as caught:
        store.import_over(later)
    assert str(caught.value).endswith("Read-only file system; nothing was imported")
    monkeypatch.undo()
    assert store.list_workshops() == [before.info] and full_workshop.bundle() == before
    assert [p.name for p in store.workshops_dir.iterdir() if p.name.startswith(".") and p.is_dir()] == []


def _answers_sorted(bundle: WorkshopBundle) -> WorkshopBundle:
    """On disk answers are kept per person: the same answers, in one order."""
    return dataclasses.replace(bundle, answers=tuple(sorted(bundle.answers, key=repr)))


def test_replace_is_refused_while_a_console_has_the_workshop_open(store: Store, full_workshop: WorkshopFiles) -> None:
    before = full_workshop.bundle()
    later = dataclasses.replace(before, room=dataclasses.replace(before.room, role_lines=()))
    with store.owned(before.info.id, purpose="the console"), pytest.raises(WorkshopBusy):
        store.import_over(later)
    assert full_workshop.bundle() == before and store.list_workshops() == [before.info]


def test_a_broken_export_imports_nothing_and_says_where(full_workshop: WorkshopFiles, tmp_path: Path) -> None:
    good = json.loads(data_json.dumps(full_workshop.bundle()))
    target = Store(tmp_path / "target")
    for name, (text, expected) in _broken_exports(good).items():
        with pytest.raises(ImportFileError) as caught:
            target.import_workshop(data_json.loads(text, "broken.json"))
        assert "broken.json" in str(caught.value) and expected in str(caught.value), (name, str(caught.value))
    assert target.list_workshops() == []


def test_positions_in_an_export_are_counted_from_1_as_in_content_problems(full_workshop: WorkshopFiles) -> None:
    """A person counting finds "participants[2]" at the second participant, as "steps[3]" is a session's third step."""
    good = json.loads(data_json.dumps(full_workshop.bundle()))
    wrong_type = json.loads(json.dumps(good))
    wrong_type["workshop"]["participants"][1]["name"] = 5
    with pytest.raises(ImportFileError, match=r"workshop\.participants\[2\]\.name: expected text, found a number"):
        data_json.loads(json.dumps(wrong_type), "second.json")
    off_scale = json.loads(json.dumps(good))
    off_scale["answers"][1]["value"] = "maybe"
    with pytest.raises(ImportFileError, match=r"answers\[2\]\.value: 'maybe' is not on the scale"):
        data_json.loads(json.dumps(off_scale), "second.json")


@pytest.mark.parametrize(
    ("workshop_id", "reason"),
    [
        ("-rf", "'-rf' cannot be a workshop id: it must start with a letter or a digit"),
        ("a" * 300, f"'{'a' * 40}…' cannot be a workshop id: it has 300 characters, and an id has at most 64"),
        ("../x", "'../x' cannot be a workshop id: only letters, digits, - and _ are allowed"),
    ],
)
def test_a_refused_workshop_id_is_told_the_rule_it_breaks(
    full_workshop: WorkshopFiles, workshop_id: str, reason: str
) -> None:
    document = json.loads(data_json.dumps(full_workshop.bundle()))
    document["workshop"]["id"] = workshop_id
    with pytest.raises(ImportFileError) as caught:
        data_json.loads(json.dumps(document), "odd.json")
    assert str(caught.value) == f"odd.json: workshop.id: {reason}; nothing was imported"


@pytest.mark.parametrize(
    "header", ["workshop_id,participant_id,participant,step,item,perspective,value,comment,at", "participant;step;value"]
)
def test_a_csv_of_answers_given_to_the_json_import_is_pointed_to_import_answers(header: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        data_json.loads(f"\ufeff{header}\r\np1,basics/mandate,yes\r\n", "run1.csv")
    assert str(caught.value) == (
        "run1.csv: a CSV of answers, not a workshop export (JSON); to add its answers to a workshop, "
        "use: bootcamp import-answers ID run1.csv"
    )


def test_the_command_given_for_a_csv_in_a_folder_with_a_space_can_be_copied() -> None:
    """Before: "use: bootcamp import-answers ID /tmp/hand over/run1.csv", which the shell reads as two files."""
    with pytest.raises(ImportFileError) as caught:
        data_json.loads("participant,step,value\r\nAna,basics/mandate,yes\r\n", "/tmp/hand over/run1.csv")
    assert str(caught.value).endswith("use: bootcamp import-answers ID '/tmp/hand over/run1.csv'")


def test_the_command_given_for_an_export_in_a_folder_with_a_space_can_be_copied(full_workshop: WorkshopFiles) -> None:
    export = data_json.dumps(full_workshop.bundle())
    with pytest.raises(UserError) as caught:
        data_csv.loads(export, "/tmp/hand over/w1.json", full_workshop.info(), full_workshop.program(), NOW)
    assert str(caught.value).endswith("use: bootcamp import '/tmp/hand over/w1.json')")


def test_a_persons_own_copy_given_to_import_is_said_to_be_one(full_workshop: WorkshopFiles) -> None:
    """Before: 'format: not a bootcamp workshop export (expected "format": "bootcamp-workshop")', the field's words,
    of the copy bootcamp export --person made for a participant."""
    with pytest.raises(ImportFileError) as caught:
        data_json.loads(json.dumps({"format": "bootcamp-person", "version": 1}), "ana.json")
    assert str(caught.value) == (
        "ana.json: one person's own copy (bootcamp export --person), not a workshop export: it holds their answers "
        "alone and cannot be imported; nothing was imported (export the workshop without --person to move it)"
    )


def test_a_workshop_export_given_to_import_answers_is_pointed_to_import_in_one_sentence(
    full_workshop: WorkshopFiles,
) -> None:
    """Before: the CCO moving last month's workshop to another laptop gave its export to `import-answers` and was told
    of four header problems, the first an "unknown column '{'": nothing said the file was the other command's."""
    export = data_json.dumps(full_workshop.bundle())
    info, program = full_workshop.info(), full_workshop.program()
    with pytest.raises(UserError) as caught:
        data_csv.loads(export, "w1.json", info, program, NOW)
    assert str(caught.value) == (
        "w1.json: a workshop export (JSON), not a CSV of answers; nothing was imported (to bring the workshop in, "
        "use: bootcamp import w1.json)"
    )
    with pytest.raises(UserError) as caught:  # any other JSON: a summary, a person's copy
        data_csv.loads('\ufeff {"format": "bootcamp-commitment-report"}', "summary.json", info, program, NOW)
    assert str(caught.value) == "summary.json: JSON, not a CSV of answers; nothing was imported"


def test_other_text_given_to_the_json_import_is_still_not_valid_json() -> None:
    with pytest.raises(ImportFileError, match=r"^notes.txt:1: not valid JSON: expecting value"):
        data_json.loads("step by step, we value\n", "notes.txt")


def test_an_import_that_fails_half_way_leaves_nothing(
    full_workshop: WorkshopFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = full_workshop.bundle()
    target = Store(tmp_path / "target")
    real_answers_file = store_files.answers_file
    calls = []

    def failing_answers_file(folder: Path, participant_id: str):  # type: ignore[no-untyped-def]
        calls.append(participant_id)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_answers_file(folder, participant_id)

    monkeypatch.setattr("bootcamp.store.store.answers_file", failing_answers_file)
    with pytest.raises(StoreError, match="cannot create a workshop in .*No space left on device"):
        target.import_workshop(bundle)
    monkeypatch.undo()
    assert target.list_workshops() == []
    assert sorted(p.name for p in target.workshops_dir.iterdir()) == [".create.lock"]
    assert target.import_workshop(bundle).id == bundle.info.id  # and it can be tried again


# -- CSV ---------------------------------------------------------------------------------------------------------


def test_csv_has_one_row_per_answer_in_the_documented_columns(full_workshop: WorkshopFiles) -> None:
    info, answers = full_workshop.info(), full_workshop.answers()
    text = data_csv.dumps(info, full_workshop.program(), answers)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == [
        "workshop_id", "participant_id", "participant", "step", "item", "perspective", "value", "comment", "at",
    ]
    assert len(rows) == len(answers) + 1
    assert {row[0] for row in rows[1:]} == {info.id}
    steps = [row[3] for row in rows[1:]]
    assert steps == sorted(steps, key=["basics/rate-aptitudes", "basics/mandate", "basics/role"].index)
    names = {row[1]: row[2] for row in rows[1:]}
    assert names[info.participants[1].id] == "Ben Okafor"
    assert [name for pid, name in names.items() if info.participant(pid) is None] == [""]  # the secret ballot
    formulas = [row[7] for row in rows[1:] if row[7].lstrip("'").startswith(("=", "+", "-", "@"))]
    assert formulas and all(cell.startswith("'") for cell in formulas)


def test_csv_export_then_import_answers_restores_every_answer(full_workshop: WorkshopFiles, store: Store) -> None:
    original = full_workshop.bundle()
    text = data_csv.dumps(original.info, full_workshop.program(), original.answers)
    blank = dataclasses.replace(original, answers=())
    copy = store.open(store.import_workshop(blank, new_id=True).id)
    csv_text = text.replace(original.info.id, copy.id)
    answers = data_csv.loads(csv_text, "answers.csv", copy.info(), copy.program(), NOW)
    copy.import_answers(answers)
    assert sorted(copy.answers(), key=repr) == sorted(original.answers, key=repr)
    assert [a.at for a in copy.answers() if is_ballot_id(a.participant_id)] == [""]  # a ballot keeps no time


def test_import_answers_by_display_name_label_and_title(workshop: WorkshopFiles) -> None:
    info = workshop.info()
    text = (
        "\ufeffParticipant,Step,Item,Perspective,Value,Comment\r\n"
        "ana ortiz,basics/mandate,,,Partly,\"on paper, with a comma\"\r\n"
        "Ben Okafor,basics/rate-aptitudes,Power away,team,Strength,\r\n"
        "Chloé Martin,basics/role,reports-to-ceo,,dont-know,'=1+1\r\n"
        ",,,,,\r\n"
    )
    answers = data_csv.loads(text, "paper.csv", info, workshop.program(), NOW)
    ana, ben, chloe = (p.id for p in info.participants)
    assert answers == [
        Answer(ana, "basics/mandate", "", "", "partly", "on paper, with a comma", NOW),
        Answer(ben, "basics/rate-aptitudes", "give-power-away", "team", "strong", "", NOW),
        Answer(chloe, "basics/role", "reports-to-ceo", "", "dont-know", "=1+1", NOW),
    ]


def test_a_csv_separated_by_semicolons_is_read_as_excel_wrote_it(workshop: WorkshopFiles) -> None:
    info = workshop.info()
    text = "participant;step;item;perspective;value;comment\r\nana ortiz;basics/mandate;;;Partly;\"one; two\"\r\n"
    answers = data_csv.loads(text, "europe.csv", info, workshop.program(), NOW)
    assert answers == [Answer(info.participants[0].id, "basics/mandate", "", "", "partly", "one; two", NOW)]


def test_a_quote_never_closed_is_named_with_its_line_not_read_into_one_cell(workshop: WorkshopFiles) -> None:
    text = (
        "participant,step,value,comment\n"
        'ana ortiz,basics/mandate,yes,"no end\n'
        "Ben Okafor,basics/mandate,no,\n"
    )
    with pytest.raises(AnswerImportError) as caught:
        data_csv.loads(text, "x.csv", workshop.info(), workshop.program(), NOW)
    assert caught.value.problems == [
        'x.csv:2: row: a quoted cell opened on this line is never closed (a " is missing), '
        "so the rest of the file would be read into it"
    ]


def test_a_cut_json_export_says_the_whole_reason_with_line_and_column() -> None:
    with pytest.raises(ImportFileError) as caught:
        data_json.loads('{"format": "x",\n "workshop": {"name": "Spr', "cut.json")
    assert str(caught.value) == (
        "cut.json:2: not valid JSON: unterminated string starting at line 2, column 23 "
        "(the file ends too soon: it may have been cut short)"
    )


def test_an_export_saved_with_a_byte_order_mark_imports_whole(full_workshop: WorkshopFiles, tmp_path: Path) -> None:
    """Before: an export opened and saved in a Windows editor (Notepad's "UTF-8 with BOM") was refused as
    "not valid JSON: unexpected UTF-8 BOM (decode using utf-8-sig) at line 1, column 1", the parser's words; the
    mark says only that the text is UTF-8, so it is read past."""
    original = full_workshop.bundle()
    bundle = data_json.loads("\ufeff" + data_json.dumps(original), "acme.json")
    assert bundle == original


def test_an_anonymous_workshops_participants_are_named_p1_p2(store: Store, sources: dict[str, str]) -> None:
    info = store.create_workshop(
        name="Offsite", organisation="O", date="2026-09-21", participants=[("A", ""), ("B", "")], anonymous=True, sources=sources
    )
    workshop = store.open(info.id)
    answers = data_csv.loads("participant,step,value\nP2,basics/mandate,yes\n", "form.csv", info, workshop.program(), NOW)
    workshop.import_answers(answers)
    text = data_csv.dumps(info, workshop.program(), workshop.answers())
    assert text.splitlines()[1].split(",")[1:4] == [info.participants[1].id, "P2", "basics/mandate"]


BAD_ROWS = {
    "unknown step": ("{ana},Ana Ortiz,basics/nope,,,yes", "step: unknown step 'basics/nope'"),
    "a step without answers": ("{ana},,basics/talk,,,yes", "step: 'basics/talk' is a discuss step"),
    "unknown item": ("{ana},,basics/rate-aptitudes,charm,self,strong", "item: 'charm' is not an item"),
    "missing perspective": ("{ana},,basics/rate-aptitudes,persist,,strong", "perspective: missing (self or team)"),
    "an item on a question": ("{ana},,basics/mandate,persist,,yes", "item: a question step has no items"),
    "value off the scale": ("{ana},,basics/mandate,,,maybe", "value: 'maybe' is not on the scale 'commitment'"),
    "a rating value on a question": ("{ana},,basics/mandate,,,strong", "value: 'strong' is not on the scale"),
    "unknown participant id": ("pnobody,,basics/mandate,,,yes", "participant_id: unknown participant 'pnobody'"),
    "unknown participant name": (",Zed,basics/mandate,,,yes", "participant: unknown participant 'Zed'"),
    "id and name disagree": ("{ana},Ben Okafor,basics/mandate,,,yes", "participant: 'Ben Okafor' does not match"),
    "no participant": (",,basics/mandate,,,yes", "participant: missing"),
    "bad time": ("{ana},,basics/mandate,,,yes,,yesterday", "at: 'yesterday' is not a date and time"),
    "too many cells": ("{ana},,basics/mandate,,,yes,,,surplus", "row: column 9 is past the header's last column, but holds 'surplus'"),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_one_bad_row_imports_nothing_and_names_its_line_and_column(workshop: WorkshopFiles, case: str) -> None:
    info = workshop.info()
    ana = info.participants[0].id
    row, expected = BAD_ROWS[case]
    text = (
        "participant_id,participant,step,item,perspective,value,comment,at\n"
        f"{ana},,basics/mandate,,,yes,\"a comment\non two lines\",\n"
        f"{row.format(ana=ana)}\n"
        f"{info.participants[1].id},,basics/mandate,,,no,,\n"
    )
    with pytest.raises(AnswerImportError) as caught:
        data_csv.loads(text, "FILE.csv", info, workshop.program(), NOW)
    assert caught.value.problems[0].startswith(f"FILE.csv:4: {expected}"), str(caught.value)
    assert len(caught.value.problems) == 1
    assert "nothing was imported" in str(caught.value)
    assert workshop.answers() == []


def test_every_bad_row_is_listed(workshop: WorkshopFiles) -> None:
    info = workshop.info()
    ana = info.participants[0].id
    text = (
        "workshop_id,participant_id,step,value\n"
        f"other,{ana},basics/mandate,yes\n"
        f"{info.id},{ana},basics/mandate,yes\n"
        f"{info.id},{ana},basics/mandate,no\n"
        f",{ana},basics/role,yes\n"
    )
    with pytest.raises(AnswerImportError) as caught:
        data_csv.loads(text, "x.csv", info, workshop.program(), NOW)
    assert caught.value.problems == [
        f"x.csv:2: workshop_id: 'other' is another workshop (this is {info.id})",
        "x.csv:4: step: a second answer by the same participant (first on line 3)",
        "x.csv:5: item: missing (reports-to-ceo)",
    ]


def test_an_empty_item_is_missing_even_when_an_item_has_no_short_label(workshop: WorkshopFiles) -> None:
    """An item without a short label once matched an empty item cell (its empty short label) and took the answer."""
    info = workshop.info()
    program = workshop.program()
    unlabelled = tuple(
        dataclasses.replace(lst, items=tuple(dataclasses.replace(item, short="") for item in lst.items)) for lst in program.lists
    )
    text = f"participant_id,step,item,perspective,value\n{info.participants[0].id},basics/rate-aptitudes,,self,strong\n"
    with pytest.raises(AnswerImportError) as caught:
        data_csv.loads(text, "x.csv", info, dataclasses.replace(program, lists=unlabelled), NOW)
    assert caught.value.problems == ["x.csv:2: item: missing"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", "x.csv:1: header: the file is empty"),
        ("participant,step,value,comments", "x.csv:1: header: unknown column 'comments'"),
        ("participant,step", "x.csv:1: header: the 'value' column is missing"),
        ("step,value", "x.csv:1: header: a 'participant_id' or 'participant' column is needed"),
    ],
)
def test_a_bad_header_is_reported_on_line_1(workshop: WorkshopFiles, header: str, expected: str) -> None:
    with pytest.raises(AnswerImportError) as caught:
        data_csv.loads(header, "x.csv", workshop.info(), workshop.program(), NOW)
    assert expected in caught.value.problems[0]


def test_neutralised_cells_round_trip_exactly(hostile_texts: tuple[str, ...]) -> None:
    for text in [*hostile_texts, "=", "'", "''=", "-", "'-'", "@x", "\ttab"]:
        cell = data_csv.neutralise(text)
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert data_csv.restore(cell) == text


def test_the_copy_kept_by_replace_says_what_replaced_it_and_when_and_is_named_so(
    store: Store, full_workshop: WorkshopFiles, clock: FixedClock, utc_calendar: None
) -> None:
    """The kept copy had the same name, organisation and date as the workshop in its place: `bootcamp list --archived`,
    home's archived list and forget's other workshops showed one name twice, with nothing to tell which was current."""
    day_one = full_workshop.bundle()
    clock.advance(86_400)
    later = dataclasses.replace(
        day_one, answers=(*day_one.answers, Answer(day_one.info.participants[1].id, "basics/role", "reports-to-ceo", value="yes", at=iso(clock.now())))
    )
    placed, kept = store.import_over(later)
    assert (kept.replaced_by, kept.replaced_at) == (placed.id, iso(clock.now()))
    assert kept.name == "Acme boot camp (replaced 22 Sep at 15:13)"
    assert store.open(kept.id).info() == kept and store.open(placed.id).info() == placed == later.info
    assert placed.replaced_by == ""

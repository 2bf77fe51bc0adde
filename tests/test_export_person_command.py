"""``bootcamp export ID --person PERSON``: a participant asks for their own copy of what is kept about them (the right
of access), run as a consultant runs it (the CLI's main) on the demo room (bootcamp.demo), with what a real day adds
beside it: a comment she wrote, another person's comment and a room note, a secret ballot she cast."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from bootcamp.cli import main
from bootcamp.demo import create_demo_workshop
from bootcamp.export.data_csv import COLUMNS
from bootcamp.store import Store, WorkshopFiles, is_ballot_id, new_ballot_id
from bootcamp.store.edits import hand_poker_cards, put_poker_note
from bootcamp.store.ids import new_participant_id
from bootcamp.store.model import RoomNote
from bootcamp.store.workshop_info import Participant

NAME = "Maria Lindqvist"
HER_COMMENT = "Between us, my director blocks every customer budget line"
OTHERS_COMMENT = "Our regional teams never see the churn figures"
ROOM_NOTE = "The room agreed the journey map is overdue"
BALLOT_COMMENT = "Nobody here owns the customer, honestly"
NO_BALLOTS = (
    "bootcamp: warning: secret ballots are not in this copy: a ballot carries no name, so none can be told to be theirs"
)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def seat_named(files: WorkshopFiles, name: str) -> Participant:
    return next(p for p in files.info().participants if p.name == name)


@pytest.fixture
def files(store: Store, sources: dict[str, str]) -> WorkshopFiles:
    """The demo room, a comment of hers and one of David's, a room note, and a secret ballot on her roll of voters."""
    files = store.open(create_demo_workshop(store, sources).id)
    maria, david = seat_named(files, NAME), seat_named(files, "David Okonkwo")
    hers, his = files.answers_of(maria.id), files.answers_of(david.id)
    files.save_answer(dataclasses.replace(hers[0], comment=HER_COMMENT))
    files.save_answer(dataclasses.replace(his[0], comment=OTHERS_COMMENT))
    files.update_room(lambda room: dataclasses.replace(
        room, notes=(*room.notes, RoomNote("n-access1", hers[0].step_key, ROOM_NOTE))
    ))
    ballot = dataclasses.replace(his[1], participant_id=new_ballot_id(), comment=BALLOT_COMMENT, at="")
    assert is_ballot_id(ballot.participant_id)
    files.save_answer(ballot)
    files.add_voter(ballot.step_key, maria.id)
    files.update_state(lambda state: dataclasses.replace(state, secret=(*state.secret, ballot.step_key)))
    return files


def others_words(files: WorkshopFiles, seat: Participant) -> list[str]:
    """Every other person's name, role and id, and every comment but hers: none of it is in her copy."""
    words = [OTHERS_COMMENT, ROOM_NOTE, BALLOT_COMMENT]
    for other in files.info().participants:
        if other.id != seat.id:
            words += [other.name, other.id] + ([other.role] if other.role and other.role != seat.role else [])
    return words


def test_her_json_copy_holds_her_seat_and_every_answer_of_hers_titled_and_timed_and_nothing_of_anyone_else(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    maria = seat_named(files, NAME)
    out = tmp_path / "maria.json"
    code, said, err = run_cli(
        capsys, "export", files.info().id, "--person", "maria lindqvist", "-o", str(out), "--data-dir",
        str(store.data_dir),
    )
    hers = files.answers_of(maria.id)
    assert code == 0
    assert said == (
        f"exported {len(hers)} answers (1 with a comment) of {NAME} (P{maria.number}, Chief Customer Officer) "
        f"from workshop {files.info().id} to {out}\n"
    )
    # Her ballot is not hers to take back: said once, on stderr.
    assert err == [f"{NO_BALLOTS}; by the roll of voters they cast 1 ballot"]
    document = json.loads(out.read_text())
    assert document["format"] == "bootcamp-person"
    assert document["person"] == {
        "participant_id": maria.id, "seat": f"P{maria.number}", "name": NAME, "role": "Chief Customer Officer",
        "removed": False, "joined_at": maria.joined_at,
    }
    assert document["workshop"]["id"] == files.info().id
    assert len(document["answers"]) == len(hers) and all(a["question"] and a["at"] for a in document["answers"])
    assert {(a["step_key"], a["item"], a["perspective"], a["value"]) for a in document["answers"]} == {
        (a.step_key, a.item, a.perspective, a.value) for a in hers
    }
    assert [a["comment"] for a in document["answers"] if a["comment"]] == [HER_COMMENT]
    [cast] = document["secret_ballots_cast"]
    assert cast["step_key"] == files.state().secret[-1] and cast["question"]
    text = out.read_text()
    assert [word for word in others_words(files, maria) if word in text] == []


def test_her_csv_copy_has_the_answers_csv_columns_and_only_her_rows(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    maria = seat_named(files, NAME)
    code, text, err = run_cli(
        capsys, "export", files.info().id, "--person", f"P{maria.number}", "--format", "csv", "--data-dir",
        str(store.data_dir),
    )
    assert code == 0 and err == [f"{NO_BALLOTS}; by the roll of voters they cast 1 ballot"]
    rows = list(csv.reader(io.StringIO(text)))
    # The answers CSV's columns, in its order, so a consultant knows it; then what she reads it by.
    assert rows[0] == [*COLUMNS, "question", "role"]
    body = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert len(body) == len(files.answers_of(maria.id))
    assert {(row["participant_id"], row["participant"], row["role"]) for row in body} == {
        (maria.id, NAME, "Chief Customer Officer")
    }
    assert all(row["question"] and row["at"] for row in body)
    assert HER_COMMENT in text and [word for word in others_words(files, maria) if word in text] == []


def test_someone_with_no_answer_still_gets_their_seat_name_and_role(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    files.update_info(lambda info: dataclasses.replace(info, participants=(
        *info.participants, Participant(new_participant_id(), len(info.participants) + 1, "Zoe Late", "Marketing"),
    )))
    code, text, err = run_cli(capsys, "export", files.info().id, "--person", "Zoe Late", "--data-dir",
                              str(store.data_dir))
    assert (code, err) == (0, [NO_BALLOTS])  # the workshop has secret ballots; none on a roll in her name
    document = json.loads(text)
    assert (document["person"]["name"], document["person"]["role"], document["answers"]) == (
        "Zoe Late", "Marketing", []
    )


def test_a_person_not_found_or_a_name_two_seats_share_is_refused_in_one_sentence(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    workshop, data = files.info().id, ("--data-dir", str(store.data_dir))
    out = tmp_path / "nobody.json"
    code, text, err = run_cli(capsys, "export", workshop, "--person", "Maria Lindkvist", "-o", str(out), *data)
    assert (code, text, len(err)) == (1, "", 1) and not out.exists()
    assert err[0].startswith(f"bootcamp: nobody in workshop {workshop} ") and "'Maria Lindkvist'" in err[0]

    david = seat_named(files, "David Okonkwo")
    files.update_info(lambda info: dataclasses.replace(info, participants=tuple(
        dataclasses.replace(p, name=NAME) if p.id == david.id else p for p in info.participants
    )))
    code, text, err = run_cli(capsys, "export", workshop, "--person", NAME, *data)
    maria = seat_named(files, NAME)
    assert (code, text, len(err)) == (1, "", 1)
    assert f"P{maria.number} (Chief Customer Officer)" in err[0] and f"P{david.number} ({david.role})" in err[0]


def test_person_is_refused_with_import_in_one_sentence(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = tmp_path / "whole.json"
    assert run_cli(capsys, "export", files.info().id, "-o", str(export), "--data-dir", str(store.data_dir))[0] == 0
    before = sorted(p.name for p in (store.data_dir / "workshops").iterdir())
    code, text, err = run_cli(capsys, "import", str(export), "--person", NAME, "--data-dir", str(store.data_dir))
    assert (code, text) == (1, "")
    assert err == [
        "bootcamp: --person is for bootcamp export (one person's own copy); bootcamp import reads a whole workshop, "
        "so nothing was imported"
    ]
    assert sorted(p.name for p in (store.data_dir / "workshops").iterdir()) == before


def test_her_copy_holds_the_poker_cards_dealt_to_her_by_title_and_no_other_card(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The deal is kept with her seat on each card (room.json): asking to see what is kept, she gets her hand too."""
    maria = seat_named(files, NAME)
    program = files.program()
    deck = program.item_list("aptitudes")
    assert deck is not None
    dealt = [card.card_id for card in files.room().poker]
    assert len(dealt) == 2  # the demo's deal of the tests' two-card deck
    files.update_room(hand_poker_cards({dealt[0]: maria.id, dealt[1]: seat_named(files, "David Okonkwo").id}))
    hers = [card.card_id for card in files.room().poker if card.holder == maria.id]
    others = [card.card_id for card in files.room().poker if card.holder != maria.id]
    assert len(hers) == 1 and len(others) == 1
    titles = [deck.item(card).title for card in hers]
    out = tmp_path / "maria.json"
    data = ("--data-dir", str(store.data_dir))
    code, said, _ = run_cli(capsys, "export", files.info().id, "--person", NAME, "-o", str(out), *data)
    assert code == 0 and f"and {len(hers)} Poker card" in said
    document = json.loads(out.read_text())
    # Hers alone: David's card is not in it (its title may be, as a question of the aptitudes she rated).
    assert document["poker_cards_held"] == [{"card_id": card, "title": title} for card, title in zip(hers, titles)]

    code, text, _ = run_cli(capsys, "export", files.info().id, "--person", NAME, "--format", "csv", *data)
    rows = list(csv.DictReader(io.StringIO(text)))
    poker_step = next(step for step in program.steps(files.info().agenda) if step.exercise == "aptitude-poker")
    cards = [row for row in rows if row["step"] == poker_step.key]
    assert [(row["step"], row["item"], row["participant"]) for row in cards] == [
        (poker_step.key, card, NAME) for card in hers
    ]
    assert [row["question"] for row in cards] == [
        f"{poker_step.title}: the card they hold, {title}" for title in titles
    ]
    assert [(row["value"], row["at"]) for row in cards] == [("", "")] * len(hers)


def test_her_copy_leaves_out_the_notes_on_her_card_and_a_seat_dealt_none_has_no_card(
    store: Store, files: WorkshopFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A card's notes are the room's words, not hers (README); a seat that holds no card gets a copy with none, and the
    line after -o does not count cards."""
    maria, david = seat_named(files, NAME), seat_named(files, "David Okonkwo")
    first, second = (card.card_id for card in files.room().poker)
    room_words = "The room said the call centre owns this one"
    files.update_room(hand_poker_cards({first: maria.id, second: maria.id}))
    files.update_room(put_poker_note(first, "today", room_words))
    data = ("--data-dir", str(store.data_dir))
    for fmt in ("json", "csv"):
        out = tmp_path / f"maria.{fmt}"
        code, _, _ = run_cli(capsys, "export", files.info().id, "--person", NAME, "--format", fmt, "-o", str(out), *data)
        assert code == 0 and room_words not in out.read_text(encoding="utf-8-sig")
    out = tmp_path / "david.json"
    code, said, _ = run_cli(capsys, "export", files.info().id, "--person", david.name, "-o", str(out), *data)
    assert code == 0 and "Poker card" not in said
    assert json.loads(out.read_text())["poker_cards_held"] == []
    code, text, _ = run_cli(capsys, "export", files.info().id, "--person", david.name, "--format", "csv", *data)
    assert code == 0 and "the card they hold" not in text

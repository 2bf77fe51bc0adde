"""Answering from a phone: every tap goes through the live workshop, is "saved ✓" only once the writer
stored it, and the phone always shows what the live workshop holds (real HTTP against a real workshop)."""

from __future__ import annotations

import threading
from pathlib import Path

from bootcamp.live.actors import phone
from bootcamp.live.changes import Part
from bootcamp.live.requests import ClearAnswer, GiveAnswer
from bootcamp.store import WorkshopFiles

from .conftest import MANDATE, POKER, RATE, ROLE, TALK, Phone, Room, closing, phone_at, text_of


async def test_join_pick_a_name_answer_and_see_saved_once_the_writer_stored_it(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    page = text_of(await ana.load())
    assert "Who are you?" in page and "Ana" in page and "Ben" in page
    await ana.sit("Ana")
    assert "Who drives agreement?" in text_of(ana.html) and "no answer yet" in text_of(ana.html)

    stored = threading.Event()
    save_answer = room.workshop.files.save_answer

    def slow_save(answer):  # type: ignore[no-untyped-def]
        stored.wait(5)
        return save_answer(answer)

    room.workshop.files.save_answer = slow_save  # the writer's thread waits here until the test lets it go
    room.server.save_wait = 0.2
    events = await ana.events()
    await events.next()
    status, part = await ana.answer("partly")
    assert status == 200
    assert 'value="partly" aria-pressed="true"' in part and "saving…" in part and "saved ✓" not in part
    assert room.workshop.snapshot.answers[0].value == "partly"  # in the live workshop at once
    assert files.answers() == []  # not on disk yet, and the phone did not say it was
    stored.set()
    saved = await events.until("saved ✓")
    assert 'value="partly" aria-pressed="true"' in saved
    [on_disk] = files.answers()
    assert (on_disk.participant_id, on_disk.step_key, on_disk.value) == (room.person("Ana"), MANDATE, "partly")
    undone = room.workshop.undo()
    # undo names the phone it came from, and the step
    assert str(undone) == "the answer of Ana on 'Who drives agreement?' (from Ana's phone)"
    events.close()
    await closing(room, phones)


async def test_a_plain_form_waits_for_the_save_then_shows_the_page_saved(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ben = await phone_at(room, phones)
    await ben.sit("Ben")
    status, _ = await ben.post("answer", {"step": MANDATE, "item": "", "perspective": "", "value": "no"}, script=False)
    assert status == 200  # followed the 303 back to the page
    assert 'value="no" aria-pressed="true"' in ben.html and "saved ✓" in ben.html
    status, _ = await ben.post("comment", {"step": MANDATE, "comment": "we <b>never</b> agree"}, script=False)
    assert "we &lt;b&gt;never&lt;/b&gt; agree</textarea>" in ben.html
    await room.workshop.settled()
    [answer] = files.answers()
    assert (answer.value, answer.comment) == ("no", "we <b>never</b> agree")
    await closing(room, phones)


async def test_the_phone_shows_what_the_console_changes_clears_and_undoes(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    events = await ana.events()
    await events.next()
    await ana.answer("yes")
    await events.until('value="yes" aria-pressed="true"')
    room.workshop.apply(GiveAnswer(room.person("Ana"), MANDATE, "no"))  # the facilitator corrects it
    await events.until('value="no" aria-pressed="true"')
    room.workshop.apply(ClearAnswer(room.person("Ana"), MANDATE))
    cleared = await events.until("no answer yet")
    assert 'aria-pressed="true"' not in cleared
    room.workshop.undo()  # the clear taken back
    await events.until('value="no" aria-pressed="true"')
    events.close()
    await closing(room, phones)


async def test_when_the_console_moves_on_the_phone_says_how_far_it_got_and_answers_only_the_current_step(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    chloe = await phone_at(room, phones)
    await chloe.sit("Chloe")
    assert "1 of 2" in text_of(chloe.html) and "Persist!" in chloe.html and "For yourself" in chloe.html
    events = await chloe.events()
    await events.next()
    await chloe.answer("strong", step=RATE, item="persist", perspective="self")
    await room.workshop.settled()
    room.move_on()  # to the mandate question, with one of the rating's four answers given
    moved = text_of(await events.until("moved on"))
    assert "The room moved on from “Rate the aptitudes”: 1 of 4 saved." in moved and "Who drives agreement?" in moved
    status, part = await chloe.answer("weak", step=RATE, item="persist", perspective="team")
    assert status == 422
    assert "The room has moved on to “Who drives agreement?”; that was not kept." in text_of(part)
    assert room.workshop.records.answer(room.person("Chloe"), RATE, "persist", "team") is None
    status, part = await chloe.post("comment", {"step": RATE, "comment": "half a thought"})
    assert status == 422 and "half a thought" in part  # an unsent comment stays in sight
    status, part = await chloe.answer("yes")  # she acts on the step the room is on: the notice has done its job
    assert status == 200 and "moved on" not in part
    assert "moved on" not in await chloe.load()
    events.close()
    await closing(room, phones)


async def test_a_value_off_the_scale_is_refused_in_one_sentence_and_nothing_is_kept(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    status, part = await ana.answer("maybe")
    assert status == 422
    message = text_of(part.split('role="alert"')[1].split("</p>")[0].split(">", 1)[1])
    assert message == "Not kept: 'maybe' is not on the scale 'commitment' (yes, partly, no, dont-know)."
    status, _ = await ana.post(
        "answer", {"step": MANDATE, "value": "yes", "item": "persist", "perspective": ""}, script=False
    )
    assert status == 422 and "item" in text_of(ana.html)
    assert room.workshop.snapshot.answers == ()
    await closing(room, phones)


async def test_a_rating_goes_one_item_at_a_time_with_a_row_per_perspective(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    ben = await phone_at(room, phones)
    await ben.sit("Ben")
    await ben.answer("strong", step=RATE, item="persist", perspective="self")
    status, part = await ben.answer("mixed", step=RATE, item="persist", perspective="team")
    page = text_of(part)
    assert "2 of 2" in page and "Give the Power Away" in page  # both rows of the first item given: the next one
    assert "For yourself" in page and "For your team" in page  # each row in its perspective's words
    status, part = await ben.post("go", {"step": RATE, "position": "1"})
    assert "Persist!" in text_of(part) and 'value="mixed" aria-pressed="true"' in part
    await room.workshop.settled()
    assert sorted((a.item, a.perspective, a.value) for a in files.answers()) == [
        ("persist", "self", "strong"),
        ("persist", "team", "mixed"),
    ]
    await closing(room, phones)


async def test_a_second_tap_as_the_next_item_appears_does_not_answer_it(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=RATE)
    now = [100.0]
    room.server.room.clock = lambda: now[0]
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    await ana.answer("strong", step=RATE, item="persist", perspective="self")
    status, part = await ana.answer("weak", step=RATE, item="persist", perspective="team")
    assert "2 of 2" in text_of(part)  # both rows given: the page shows the next aptitude under her finger
    now[0] += 0.35  # her double tap lands on a button of the aptitude she has not read
    status, part = await ana.answer("strong", step=RATE, item="give-power-away", perspective="team")
    assert status == 422 and (
        "That tap came as “Give the Power Away” appeared, so it was not kept: tap again to answer it." in text_of(part)
    )
    assert room.workshop.records.answer(room.person("Ana"), RATE, "give-power-away", "team") is None
    now[0] += 2  # once she has had time to read it, a tap answers it
    status, part = await ana.answer("mixed", step=RATE, item="give-power-away", perspective="team")
    assert status == 200 and "That tap came" not in part
    await room.workshop.settled()
    assert sorted((a.item, a.perspective, a.value) for a in files.answers()) == [
        ("give-power-away", "team", "mixed"),
        ("persist", "self", "strong"),
        ("persist", "team", "weak"),
    ]
    await closing(room, phones)


async def test_a_role_check_asks_its_structure_questions_one_at_a_time(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=ROLE)
    asks = room.workshop.program.asks(room.workshop.flow.current)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    first = asks.items[0]
    assert first.title in ana.html and first.text in ana.html
    option = asks.scale.options[0].id
    status, _ = await ana.answer(option, step=ROLE, item=first.id)
    assert status == 200
    await room.workshop.settled()
    assert [(a.step_key, a.item, a.value) for a in files.answers()] == [(ROLE, first.id, option)]
    await closing(room, phones)


async def test_a_discussion_takes_notes_and_a_teach_step_shows_its_title(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    assert "What surprised you?" in ana.html and "Send note" in ana.html
    status, part = await ana.post("note", {"step": TALK, "text": "silos <again>"})
    assert status == 200 and "silos &lt;again&gt;" in part and "saved ✓" in part
    [note] = room.workshop.records.room.notes
    assert (note.step_key, note.text) == (TALK, "silos <again>")
    room.workshop.move(lambda flow: flow.jump("basics/break"))
    page = text_of(await ana.load())
    assert "Break" in page and "Nothing to answer here" in page and "Send note" not in page
    await closing(room, phones)


async def test_aptitude_poker_tells_each_phone_the_cards_it_holds_and_the_card_the_room_is_on(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=POKER)
    seated = {}
    for name in ("Ana", "Ben", "Chloe"):
        seated[name] = await phone_at(room, phones)
        await seated[name].sit(name)
    page = text_of(seated["Ana"].html)
    assert "The cards are about to be dealt" in page and "Nothing to answer here" not in page

    deal = room.workshop.records.deal_poker()  # two cards among three people: one holds none
    titles = {"persist": "Persist!", "give-power-away": "Give the Power Away"}
    holders = {card.holder: titles[card.card_id] for card in deal}
    for name, seated_phone in seated.items():
        page = text_of(await seated_phone.load())
        if room.person(name) in holders:
            assert f"You hold “{holders[room.person(name)]}”" in page and "you lead the talk" in page
        else:
            assert "You hold no card this round." in page

    room.workshop.discuss_card(deal[0].card_id)
    holder = next(name for name in seated if room.person(name) == deal[0].holder)
    for name, seated_phone in seated.items():
        page = text_of(await seated_phone.load())
        whose = ", your card" if name == holder else f" ({holder}’s card)"
        assert f"The room is on “{titles[deal[0].card_id]}”{whose}." in page
        assert "Aptitude Poker: the discussion is in the room." in page and "Nothing to answer here" not in page

    # The holder leaves the room: as on the wall, the card is unheld, and nobody's phone names who left.
    room.workshop.records.remove_participant(deal[0].holder)
    for name, seated_phone in seated.items():
        if name != holder:
            page = text_of(await seated_phone.load())
            assert f"The room is on “{titles[deal[0].card_id]}”." in page and holder not in page
    await closing(room, phones)


async def test_results_reach_a_phone_only_once_revealed(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana, ben = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    await ben.sit("Ben")
    await ana.answer("yes")
    await ben.answer("yes")
    hidden = await ana.load()
    assert 'class="tally"' not in hidden
    room.workshop.toggle("revealed", MANDATE)
    shown = await ana.load()
    assert 'class="tally"' in shown and "Yes 2" in text_of(shown.split('class="tally"')[1])
    await closing(room, phones)


async def test_the_phone_answers_as_its_seat_whoever_it_claims_to_be(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    """The form names a step, an item and a value, never a participant: the seat says whose answer it is."""
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    heard = []
    room.workshop.listen(heard.append)
    await ana.post("answer", {"step": MANDATE, "value": "yes", "participant_id": room.person("Ben")})
    assert [a.participant_id for a in room.workshop.snapshot.answers] == [room.person("Ana")]
    # The seat's own save may report first (a SAVING-only change, by no one): the answer's change is the one with records
    answered = [change for change in heard if Part.RECORDS in change.parts]
    assert answered[0].by == phone(room.person("Ana"), "Ana")
    await closing(room, phones)


async def test_a_phone_is_refused_a_bad_record_by_the_check_every_way_in_gives_in_a_participants_words(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    """As tests/test_every_way_in.py for the console, both imports, new and the store: the same checks. The phone
    says the check's problem without the record's field names ("text:"), which a participant never sees."""
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    status, part = await ana.post("comment", {"step": MANDATE, "comment": "x" * 2001})
    assert status == 422 and "Not kept: 2,001 characters; a comment may have at most 2,000." in text_of(part)
    room.workshop.move(lambda flow: flow.jump(TALK))
    await ana.load()
    status, part = await ana.post("note", {"step": TALK, "text": " "})
    assert status == 422 and "Not kept: a note is needed." in text_of(part)
    assert "text:" not in text_of(part) and "comment:" not in text_of(part)
    assert room.workshop.snapshot.answers == () and room.workshop.records.room.notes == ()
    await closing(room, phones)

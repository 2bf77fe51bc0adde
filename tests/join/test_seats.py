"""Seats: claimed once and held by that browser's cookie; released by the console; latecomers let in."""

from __future__ import annotations

import re
from pathlib import Path

from bootcamp.join.server import JoinServer
from bootcamp.live.requests import ClearAnswer, GiveAnswer
from bootcamp.store import Store, WorkshopFiles

from .conftest import MANDATE, RATE, Phone, Room, closing, create, phone_at, text_of


async def test_a_second_phone_cannot_take_a_claimed_seat_and_the_same_cookie_keeps_it(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana, other = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    page = await other.load()
    assert 'Ana <span class="taken">(joined)</span>' in page and "disabled>Ana" in page.replace(
        '" disabled', " disabled"
    )
    status, _ = await other.post("seat", {"participant": room.person("Ana")}, script=False)
    assert status == 422 and "Ana's seat is taken on another phone; ask the facilitator to release it." in text_of(
        other.html
    )
    status, _ = await other.answer("no")
    assert status == 403  # holds no seat: cannot answer as anyone
    reloaded = await ana.load()  # a reload (or a phone that slept) keeps the seat: the cookie did not change
    assert '<p class="who">Ana</p>' in reloaded
    status, _ = await ana.answer("yes")
    assert status == 200
    assert room.server.joined == (room.person("Ana"),)
    cookie = next(c for c in ana.session.cookie_jar if c.key == "seat")
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/" + room.server.code
    assert cookie.value not in repr(vars(room.server.room.seats))  # the server keeps only its hash
    await closing(room, phones)


async def test_the_console_releases_a_seat_and_another_phone_may_take_it(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    first, second = await phone_at(room, phones), await phone_at(room, phones)
    await first.sit("Ben")
    told = []
    room.server.listen(lambda: told.append(room.server.joined))
    assert room.server.release(room.person("Ben"))
    assert told == [()]
    assert "Who are you?" in await first.load()  # the released phone picks again
    await second.sit("Ben")
    assert room.server.joined == (room.person("Ben"),)
    await closing(room, phones)


async def test_someone_not_on_the_roster_waits_until_the_console_admits_them(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    dee = await phone_at(room, phones)
    await dee.load()
    status, _ = await dee.post("ask", {"name": "  Dee   Dee "}, script=False)
    assert (
        status == 200
        and "Waiting to be let in" in text_of(dee.html)
        and "Dee Dee, the facilitator" in text_of(dee.html)
    )
    status, _ = await dee.answer("yes")
    assert status == 403  # not in yet
    events = await dee.events()
    await events.next()
    [waiting] = room.server.waiting
    assert waiting.name == "Dee Dee"
    person = room.server.admit(waiting.id)
    assert (person.name, person.number) == ("Dee Dee", 4)
    admitted = await events.until('<p class="who">Dee Dee</p>')
    assert "Who drives agreement?" in admitted
    status, _ = await dee.answer("partly")
    assert status == 200
    await room.workshop.settled()
    assert files.info().participant(person.id).name == "Dee Dee"
    assert [(a.participant_id, a.value) for a in files.answers()] == [(person.id, "partly")]
    events.close()
    await closing(room, phones)


async def test_a_name_asked_with_is_checked_like_every_name(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    phone = await phone_at(room, phones)
    await phone.load()
    status, part = await phone.post("ask", {"name": "   "})
    assert status == 422 and "Your name was not sent: a participant's name is needed." in text_of(part)
    assert "Not sent" not in text_of(part)  # spaces alone: no empty box to copy from
    status, part = await phone.post("ask", {"name": "x" * 81})
    assert status == 422 and "may have at most 80" in text_of(part)
    assert "Not sent (copy it if you need it): " + "x" * 81 in text_of(part)
    assert room.server.waiting == ()
    await closing(room, phones)


async def test_an_anonymous_workshop_gives_the_next_free_seat_without_a_name(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    files = create(store, anonymous=True, people=[("", ""), ("", "")])
    room = await Room.open(files, tmp_path)
    one, two, three = [await phone_at(room, phones) for _ in range(3)]
    for phone in (one, two):
        page = text_of(await phone.load())
        assert "Take a seat" in page and "No names are stored" in page
        await phone.post("seat", {}, script=False)
    assert '<p class="who">P1</p>' in one.html and '<p class="who">P2</p>' in two.html
    await three.load()
    status, _ = await three.post("seat", {}, script=False)
    assert "Ask for a seat" not in three.html and "Waiting to be let in" in text_of(three.html)
    person = room.server.admit(room.server.waiting[0].id)
    assert (person.name, person.number) == ("", 3)
    assert '<p class="who">P3</p>' in await three.load()
    status, _ = await three.answer("no")
    assert status == 200
    await closing(room, phones)


async def test_an_anonymous_phone_takes_only_a_seat_nobody_answered_for_and_never_sees_anothers_answers(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """Keyboard (or paper) answers for P1 and P3, a ballot cast for P4: those seats are someone's. A phone takes P2,
    the next one waits to be let in as a new seat; no phone is shown, or can change, another person's answer."""
    files = create(store, anonymous=True, people=[("", ""), ("", ""), ("", ""), ("", "")])
    room = await Room.open(files, tmp_path, at=RATE)
    p1, p2, p3, p4 = (p.id for p in room.workshop.info.present)
    room.workshop.records.cast_ballot(RATE, [("persist", "self", "strong")], voter=p4)  # a secret step's roll
    room.workshop.move(lambda flow: flow.jump(MANDATE))
    room.workshop.apply(GiveAnswer(p1, MANDATE, "yes"))
    room.workshop.apply(GiveAnswer(p3, MANDATE, "no", comment="Only on paper."))
    room.workshop.toggle("revealed", MANDATE)
    first, second = await phone_at(room, phones), await phone_at(room, phones)
    page = text_of(await first.load())
    assert "Take a seat" in page and "Every seat is taken" not in page
    status, _ = await first.post("seat", {}, script=False)
    assert status == 200 and '<p class="who">P2</p>' in first.html
    assert 'aria-pressed="true"' not in first.html and "saved ✓" not in first.html
    assert "Only on paper." not in first.html
    page = await second.load()
    assert '<button class="big">Ask for a seat</button>' in page and "Take a seat</button>" not in page
    assert "Every seat is taken: ask for one, and the facilitator lets you in from the laptop." in text_of(page)
    status, _ = await second.post("seat", {}, script=False)
    assert status == 200 and "Waiting to be let in" in text_of(second.html)
    status, _ = await second.answer("partly")
    assert status == 403  # holds no seat: P1's, P3's and P4's answers are not its to change
    person = room.server.admit(room.server.waiting[0].id)
    assert person.number == 5
    admitted = await second.load()
    assert '<p class="who">P5</p>' in admitted and 'aria-pressed="true"' not in admitted

    status, _ = await first.answer("partly")  # the phone's own answer, seen again after a reload
    assert status == 200
    again = await first.load()
    assert '<p class="who">P2</p>' in again and 'value="partly" aria-pressed="true"' in again
    await room.workshop.settled()
    stored = {(a.participant_id, a.value) for a in files.answers() if a.step_key == MANDATE}
    assert stored == {(p1, "yes"), (p2, "partly"), (p3, "no")}
    await closing(room, phones)


async def test_an_anonymous_seat_the_console_frees_goes_to_the_next_phone_with_its_answers(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """A phone lost or swapped: ``p`` in People hands its seat over on purpose, answers and all, to the next phone."""
    files = create(store, anonymous=True, people=[("", ""), ("", "")])
    room = await Room.open(files, tmp_path)
    lost, new, other = [await phone_at(room, phones) for _ in range(3)]
    await lost.load()
    await lost.post("seat", {}, script=False)
    await lost.answer("yes")
    assert room.server.release(room.workshop.info.present[0].id)
    await new.load()
    status, _ = await new.post("seat", {}, script=False)
    assert status == 200 and '<p class="who">P1</p>' in new.html and 'value="yes" aria-pressed="true"' in new.html
    await other.load()
    await other.post("seat", {}, script=False)
    assert '<p class="who">P2</p>' in other.html  # the seat handed over is taken: the next phone gets an empty one
    await closing(room, phones)


async def test_a_participant_removed_from_the_roster_loses_the_seat(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    chloe = await phone_at(room, phones)
    await chloe.sit("Chloe")
    room.workshop.records.remove_participant(room.person("Chloe"))
    page = text_of(await chloe.load())
    assert "Who are you?" in page and "Chloe" not in page
    status, _ = await chloe.answer("yes", step=MANDATE)
    assert status == 403
    await closing(room, phones)


async def test_a_typed_name_on_the_roster_takes_that_free_seat_and_a_taken_one_waits_for_the_console(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    files = create(store, people=[("Ana", ""), ("David Okonkwo", "CEO"), ("Renée Dubois", "")])
    room = await Room.open(files, tmp_path)
    david, renee, second = [await phone_at(room, phones) for _ in range(3)]
    typed_names = ((david, "  david   OKONKWO ", "David Okonkwo"), (renee, "renee dubois", "Renée Dubois"))
    for phone, typed, name in typed_names:
        await phone.load()
        status, _ = await phone.post("ask", {"name": typed}, script=False)
        assert status == 200 and f'<p class="who">{name}</p>' in phone.html  # case, accents and spaces aside
    assert room.server.joined == (room.person("David Okonkwo"), room.person("Renée Dubois"))
    assert room.server.waiting == ()

    await second.load()  # the same name while David's seat is on a phone: the console decides
    status, _ = await second.post("ask", {"name": "David Okonkwo"}, script=False)
    assert status == 200 and "Waiting to be let in" in text_of(second.html)
    [waiting] = room.server.waiting
    assert [p.name for p in room.server.namesakes(waiting)] == ["David Okonkwo"]
    room.server.release(room.person("David Okonkwo"))  # the console frees the seat: letting in gives that seat
    assert room.server.admit(waiting.id).id == room.person("David Okonkwo")
    assert '<p class="who">David Okonkwo</p>' in await second.load()
    assert [p.name for p in room.workshop.info.participants] == ["Ana", "David Okonkwo", "Renée Dubois"]
    await closing(room, phones)


async def test_a_phone_turned_away_is_told_so_until_it_asks_again(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    eve = await phone_at(room, phones)
    await eve.load()
    await eve.post("ask", {"name": "Eve Later"}, script=False)
    events = await eve.events()
    await events.next()
    room.server.turn_away(room.server.waiting[0].id)
    told = "The facilitator did not let this name in; check with them."
    turned_away = await events.until("Who are you?")
    assert told in text_of(turned_away)
    assert told in text_of(await eve.load())  # a reload still says why
    status, _ = await eve.post("ask", {"name": "Eve Later"}, script=False)
    assert status == 200 and "Waiting to be let in" in text_of(eve.html) and told not in text_of(eve.html)
    events.close()
    await closing(room, phones)


async def test_a_server_carrying_on_a_stopped_ones_code_key_and_seats_keeps_each_phone_in_its_seat(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """What a console killed with joining on left (``phones.json``) in the next server: the phones' cookies and the
    forms of the pages they loaded still good; a seat whose person was removed meanwhile is let go."""
    files = create(store, anonymous=True, people=[("", ""), ("", ""), ("", "")])
    room = await Room.open(files, tmp_path)
    first, second = await phone_at(room, phones), await phone_at(room, phones)
    for phone in (first, second):
        await phone.load()
        await phone.post("seat", {}, script=False)
    held, code, key = room.server.held, room.server.code, room.server.key
    assert [pid for _, pid in held] == [p.id for p in room.workshop.info.present[:2]]
    await room.server.stop(tell=False)
    room.workshop.records.remove_participant(held[1][1])
    room.server = await JoinServer.start(room.workshop, "127.0.0.1", 0, room.log_path, code=code, key=key, seats=held)
    assert room.server.held == held[:1]
    status, part = await first.answer("yes")  # the form of the page loaded from the server before
    assert status == 200 and '<p class="who">P1</p>' in part
    assert "Take a seat" in text_of(await second.load())
    await closing(room, phones)


async def ana_answering_every_item_of_the_rating(room: Room, phones: list[Phone]) -> Phone:
    """Ana's phone once it has answered both rows of both items of the rating, one by one as a person reads them."""
    now = [100.0]
    room.server.room.clock = lambda: now[0]
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    for item in ("persist", "give-power-away"):
        for perspective in ("self", "team"):
            now[0] += 2  # time to read each item: no tap is a double tap
            status, part = await ana.answer("strong", step=RATE, item=item, perspective=perspective)
            assert status == 200
    assert "2 of 2" in text_of(part) and "Give the Power Away" in text_of(part)
    return ana


async def console_killed_and_reopened(room: Room) -> None:
    """A new server on what the killed one left: its code, its key and the seats it held (nothing said to phones)."""
    await room.workshop.settled()
    held, code, key = room.server.held, room.server.code, room.server.key
    await room.server.stop(tell=False)
    room.server = await JoinServer.start(room.workshop, "127.0.0.1", 0, room.log_path, code=code, key=key, seats=held)


async def test_after_the_console_is_killed_a_phone_that_answered_every_item_comes_back_on_the_last(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    """A phone on item 2 of 2 of a rating, every row answered, came back on item 1 once the console was killed and
    reopened (where a phone is in a step is kept in memory only): the person lands where answering in order left
    them, the last item, rather than back at the start."""
    room = await Room.open(files, tmp_path, at=RATE)
    ana = await ana_answering_every_item_of_the_rating(room, phones)
    await console_killed_and_reopened(room)
    page = text_of(await ana.load())
    assert "2 of 2" in page and "Give the Power Away" in page
    await closing(room, phones)


async def test_after_the_console_is_killed_a_phone_comes_back_on_the_first_item_it_has_not_answered(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    """An item the console cleared since (or one with only a comment) is not answered: the phone comes back there."""
    room = await Room.open(files, tmp_path, at=RATE)
    ana = await ana_answering_every_item_of_the_rating(room, phones)
    room.workshop.apply(ClearAnswer(room.person("Ana"), RATE, "persist", "team"))
    await console_killed_and_reopened(room)
    page = text_of(await ana.load())
    assert "1 of 2" in page and "Persist!" in page
    await closing(room, phones)


async def test_two_people_of_one_name_are_told_apart_on_the_list_of_names_and_once_seated(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """A 40-person room had two Ana Ortiz and two Sam Lee: the list showed two identical buttons each, so either
    Ana could take the other's seat, and the summary then put her answers under the other's role."""
    files = create(
        store,
        people=[("Ana Ortiz", "Regional Director North"), ("Ana Ortiz", "Head of Strategy"), ("Sam Lee", "CFO"),
                ("Sam Lee", "CFO"), ("Ben", "")],
    )
    room = await Room.open(files, tmp_path)
    first, second = await phone_at(room, phones), await phone_at(room, phones)
    buttons = re.findall(r'<button class="big" name="participant" value="(\w+)"[^>]*>([^<]*)', await first.load())
    seats = [p.id for p in room.workshop.info.present]
    assert buttons == list(zip([seats[n] for n in (1, 0, 4, 2, 3)], [  # alphabetical, as a list of names is read
        "Ana Ortiz (Head of Strategy)", "Ana Ortiz (Regional Director North)", "Ben", "Sam Lee (CFO, P3)",
        "Sam Lee (CFO, P4)",
    ], strict=True))
    await first.post("seat", {"participant": seats[1]}, script=False)
    assert '<p class="who">Ana Ortiz (Head of Strategy)</p>' in first.html  # she sees which Ana she is
    page = await second.load()
    assert 'Ana Ortiz (Head of Strategy) <span class="taken">(joined)</span>' in page
    await closing(room, phones)


async def test_a_name_tapped_or_typed_on_a_phone_never_shows_the_answers_given_for_that_person_before(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """Anyone in the room may tap any free name. Ana answered at the keyboard (private entry) with a comment for the
    facilitator; Ben tapping "Ana" on his phone saw her No and her comment. Now the phone says the row is answered
    (not shown here) and shows what it gives itself, and what the console changes once the phone holds the seat."""
    files = create(store, people=[("Ana", "CEO"), ("Ben", "Sales"), ("Chloe", "")])
    room = await Room.open(files, tmp_path, at=RATE)
    ana, chloe = room.person("Ana"), room.person("Chloe")
    room.workshop.apply(GiveAnswer(ana, RATE, "weak", item="persist", perspective="team"))
    room.workshop.move(lambda flow: flow.jump(MANDATE))
    room.workshop.apply(GiveAnswer(ana, MANDATE, "no", comment="I do not trust Ben"))
    room.workshop.apply(GiveAnswer(chloe, MANDATE, "partly", comment="Chloe's own words"))
    tapped, typed = await phone_at(room, phones), await phone_at(room, phones)
    await tapped.sit("Ana")
    await typed.load()
    status, _ = await typed.post("ask", {"name": "chloe"}, script=False)
    assert status == 200 and '<p class="who">Chloe</p>' in typed.html
    for phone, comment in ((tapped, "I do not trust Ben"), (typed, "Chloe's own words")):
        page = await phone.load()
        assert 'aria-pressed="true"' not in page and "saved ✓" not in page
        assert comment not in page and "answered already (not shown here)" in text_of(page)
        assert "a comment is stored (not shown here)" in text_of(page)

    now = [100.0]
    room.server.room.clock = lambda: now[0]
    await tapped.answer("yes")  # over Ana's hidden No: asked first (see the test below), then replaced
    now[0] += 1
    status, part = await tapped.answer("yes")  # the phone's own answer is shown, as ever
    assert status == 200 and 'value="yes" aria-pressed="true"' in part
    status, _ = await tapped.post("comment", {"step": MANDATE, "comment": "Mine now"})
    assert "Mine now</textarea>" in await tapped.load()
    room.workshop.apply(GiveAnswer(chloe, MANDATE, "no"))  # the console changes it while her phone holds the seat
    assert 'value="no" aria-pressed="true"' in await typed.load()
    assert "Chloe's own words" not in typed.html  # the comment stays as it was: given before, not shown

    room.workshop.move(lambda flow: flow.jump(RATE))
    status, _ = await tapped.post("go", {"step": RATE, "position": "1"})  # Persist!, rated for Ana's team before
    page = await tapped.load()
    assert "Persist!" in text_of(page) and 'aria-pressed="true"' not in page
    await closing(room, phones)


async def test_a_phone_that_took_a_seat_by_name_asks_before_it_replaces_an_answer_it_does_not_show(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """Ben tapped "Ana" by mistake: her answers given at the keyboard are hidden from his phone, and one tap replaced
    one, unseen, where private entry at the console asks for a second key. Now the first tap stores nothing and
    says so; the same answer tapped again within ten seconds (not as the second tap of a double tap) replaces it.
    What the phone gave itself changes with one tap, as before."""
    files = create(store, people=[("Ana", "CEO"), ("Ben", "Sales"), ("Chloe", "")])
    room = await Room.open(files, tmp_path, at=RATE)
    ana = room.person("Ana")
    room.workshop.apply(GiveAnswer(ana, RATE, "weak", item="persist", perspective="team"))
    room.workshop.move(lambda flow: flow.jump(MANDATE))
    room.workshop.apply(GiveAnswer(ana, MANDATE, "no"))
    now = [100.0]
    room.server.room.clock = lambda: now[0]
    phone = await phone_at(room, phones)
    await phone.sit("Ana")

    def stored(step: str = MANDATE, item: str = "", perspective: str = "") -> str:
        answer = room.workshop.records.answer(ana, step, item, perspective)
        return answer.value if answer is not None else ""

    status, part = await phone.answer("yes")
    assert status == 200 and stored() == "no"  # nothing replaced
    assert "Ana answered this already. Tap “Yes” again to replace it." in text_of(part)
    assert 'aria-pressed="true"' not in part  # still not shown
    now[0] += 0.3  # the second tap of a double tap: not a second thought
    status, part = await phone.answer("yes")
    assert stored() == "no" and "Tap “Yes” again to replace it." in text_of(part)
    now[0] += 2
    status, part = await phone.answer("partly")  # another answer: asked about that one
    assert stored() == "no" and "Tap “Partly” again to replace it." in text_of(part)
    now[0] += 2
    status, part = await phone.answer("partly")
    assert status == 200 and stored() == "partly" and 'value="partly" aria-pressed="true"' in part
    now[0] += 2
    status, part = await phone.answer("yes")  # its own answer now: one tap, as ever
    assert stored() == "yes" and 'value="yes" aria-pressed="true"' in part

    # Ten seconds on, the question is asked again; and the page stops asking by itself.
    room.workshop.move(lambda flow: flow.jump(RATE))
    await phone.post("go", {"step": RATE, "position": "1"})
    await phone.answer("strong", step=RATE, item="persist", perspective="team")
    assert "Tap “Strength” again" in text_of(await phone.load())
    now[0] += 11
    assert "Tap “Strength” again" not in text_of(await phone.load())
    assert "answered already (not shown here)" in text_of(phone.html)
    await phone.answer("mixed", step=RATE, item="persist", perspective="team")
    assert stored(RATE, "persist", "team") == "weak"

    # Without scripts: the plain form's tap, then the page, asking; the second tap replaces.
    now[0] += 11
    strong = {"step": RATE, "item": "persist", "perspective": "team", "value": "strong"}
    await phone.post("answer", strong, script=False)
    assert "Tap “Strength” again" in text_of(phone.html) and stored(RATE, "persist", "team") == "weak"
    now[0] += 2
    await phone.post("answer", strong, script=False)
    assert stored(RATE, "persist", "team") == "strong"
    await closing(room, phones)


async def test_the_names_to_pick_from_come_in_alphabetical_order_accents_and_case_aside(
    store: Store, tmp_path: Path, phones: list[Phone]
) -> None:
    """An offsite of 120: the names came in registration order, so each person read every button to find theirs.
    Now alphabetical as they are shown, an accent or a capital making no difference ("émile" beside "Emma")."""
    people = [("Zoë Ward", ""), ("émile Roy", ""), ("Ana Ortiz", ""), ("Łukasz Nowak", ""), ("bob Lee", ""),
              ("Chloé Martin", ""), ("Emma Stone", ""), ("Chloe Adams", ""), ("Ana Ortiz", "CFO")]
    room = await Room.open(create(store, people=people), tmp_path)
    view = room.server.room.view("a phone with no seat")
    assert [name.name for name in view.names] == [
        "Ana Ortiz (CFO)", "Ana Ortiz (P3)", "bob Lee", "Chloe Adams", "Chloé Martin", "émile Roy", "Emma Stone",
        "Łukasz Nowak", "Zoë Ward",
    ]
    page = await (await phone_at(room, phones)).load()
    assert page.index("bob Lee") < page.index("Chloe Adams") < page.index("émile Roy") < page.index("Zoë Ward")
    await closing(room, phones)

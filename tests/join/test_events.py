"""Server-sent events: a phone hears of a change, a burst as one update, and the end."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bootcamp.join.events import BATCH_SECONDS, WAKE_SLICE, Streams
from bootcamp.live.requests import GiveAnswer
from bootcamp.store import WorkshopFiles

from .conftest import MANDATE, Phone, Room, closing, phone_at, text_of


async def test_a_change_reaches_the_phone_and_a_burst_goes_out_as_one_update(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    events = await ana.events()
    await events.next()  # the view as it is
    started = time.monotonic()
    room.move_on()
    name, data = await events.next(timeout=20.0)  # a bound for a change that never comes: the benchmark times it
    latency = time.monotonic() - started
    assert name == "view" and "Role check" in data
    print(f"SSE latency after a step change: {latency * 1000:.0f} ms (batch {BATCH_SECONDS * 1000:.0f} ms)")

    room.workshop.move(lambda flow: flow.jump(MANDATE))
    ana_id = room.person("Ana")
    for value in ["yes", "no", "partly", "dont-know"] * 5:  # twenty changes in a burst, the last one 'dont-know'
        room.workshop.apply(GiveAnswer(ana_id, MANDATE, value))
    def shows_the_last(update: tuple[str, str]) -> bool:
        return 'value="dont-know" aria-pressed="true"' in update[1] and "saved ✓" in update[1]

    # Read until the burst's end is shown, not until a quiet moment: on a loaded box a save can take longer than
    # any pause chosen here, and the end then came after the reading stopped.
    received = [await events.next(timeout=20.0)]
    while not shows_the_last(received[-1]):
        received.append(await events.next(timeout=20.0))
    assert 1 <= len(received) <= 3, f"{len(received)} updates for a burst of 20 changes"
    events.close()
    await closing(room, phones)


async def test_a_phone_whose_view_did_not_change_is_sent_nothing(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana, ben = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    await ben.sit("Ben")
    events = await ben.events()
    await events.next()
    await ana.answer("yes")  # Ana's answer is not Ben's business before the reveal
    try:
        sent = await events.next(timeout=0.5)
    except TimeoutError:
        sent = None
    assert sent is None
    room.workshop.toggle("revealed", MANDATE)
    shown = text_of(await events.until('class="tally"'))
    assert "Yes 1" in shown
    events.close()
    await closing(room, phones)


async def test_stopping_tells_every_open_page_that_its_saved_answers_are_kept(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana, waiting = await phone_at(room, phones), await phone_at(room, phones)
    await ana.sit("Ana")
    await waiting.load()
    streams = [await ana.events(), await waiting.events()]
    for events in streams:
        await events.next()
    await room.server.stop()
    for events in streams:
        name, data = await events.next()
        assert name == "closed"
        assert "Joining has stopped; the answers this page showed as saved are kept." in text_of(data)
    for phone in phones:
        await phone.close()
    assert await room.workshop.close()


async def test_a_workshop_closed_under_the_server_closes_the_pages_too(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    events = await ana.events()
    await events.next()
    assert await room.workshop.close()
    name, data = await events.next(timeout=2.0)
    assert name == "closed" and "The workshop is closed; the answers this page showed as saved are kept." in text_of(
        data
    )
    status, part = await ana.answer("yes")
    assert status == 503 and "kept" in part
    await ana.close()
    await room.server.stop()


async def test_many_open_pages_follow_one_change(files: WorkshopFiles, tmp_path: Path, phones: list[Phone]) -> None:
    room = await Room.open(files, tmp_path)
    streams = []
    for _ in range(30):
        phone = await phone_at(room, phones)
        await phone.load()
        events = await phone.events()
        await events.next()
        streams.append(events)
    started = time.monotonic()
    room.workshop.records.rename_participant(room.person("Ana"), "Anabel", "CEO")  # every picker shows the roster
    await asyncio.gather(*(events.until("Anabel", timeout=1.0) for events in streams))
    print(f"30 open pages told of a roster change in {(time.monotonic() - started) * 1000:.0f} ms")
    for events in streams:
        events.close()
    await closing(room, phones)


async def test_a_flush_wakes_the_streams_a_slice_per_turn_of_the_loop() -> None:
    """Two hundred phones' views made again in one turn held the console's loop for 50-70 ms: a slice per turn."""
    streams = Streams()
    wakes = [streams.open() for _ in range(2 * WAKE_SLICE + 1)]
    streams.flush()
    assert sum(wake.is_set() for wake in wakes) == WAKE_SLICE
    await asyncio.sleep(0)  # one turn of the loop: key presses and posts between the slices
    assert sum(wake.is_set() for wake in wakes) == 2 * WAKE_SLICE
    await asyncio.sleep(0)
    assert all(wake.is_set() for wake in wakes)

"""A workshop changed by a console shows up changed on the next listing and search; a save never writes the index."""

from __future__ import annotations

import os
from pathlib import Path

from bootcamp.clock import FixedClock
from bootcamp.library import Library
from bootcamp.live.requests import GiveAnswer, PutNote
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import Store
from tests.library.conftest import make_workshop

SAVES_SECONDS = 60.0  # a bound only a writer that stopped would reach


def signature(path: Path) -> tuple[int, int, int]:
    found = os.stat(path)
    return (found.st_ino, found.st_size, found.st_mtime_ns)


async def test_a_console_s_answer_note_and_move_show_on_the_next_listing_and_search(
    store: Store, sources: dict[str, str], library: Library, index: Path, clock: FixedClock
) -> None:
    info = make_workshop(store, sources)
    other = make_workshop(store, sources, name="Other", organisation="Globex")
    assert {row.info.id for row in library.listing().rows} == {info.id, other.id}
    assert library.search("sponsor") == []
    indexed = signature(index)

    workshop = LiveWorkshop.open(store.open(info.id), clock)
    workshop.start()
    ana = info.participants[0].id
    workshop.apply(GiveAnswer(ana, "basics/mandate", "yes", comment="Our sponsor decides"))
    workshop.apply(PutNote("basics/welcome", "Hopes: one voice to the customer"))
    workshop.apply(PutNote("basics/welcome", "Quick: ask the CFO", quick=True))
    workshop.move(lambda flow: flow.next())
    # Four saves, each flushed to a disk CI shares: the 5 s a console gives them on closing is not a test's bound.
    assert await workshop.settled(timeout=SAVES_SECONDS)
    assert signature(index) == indexed  # the console saved four times and never wrote the index

    by_id = {row.info.id: row for row in library.listing().rows}
    assert by_id[info.id].stopped_at == "Rate the aptitudes (2/8)"
    assert by_id[other.id].stopped_at == "not started"
    (comment,) = library.search("sponsor")
    assert (comment.workshop_id, comment.where, comment.step_key) == (info.id, "comment", "basics/mandate")
    (note,) = library.search("one voice")
    assert (note.where, note.step_key) == ("room note", "basics/welcome")
    (quick,) = library.search("cfo")
    assert quick.where == "quick note"
    assert signature(index) != indexed  # the listing brought it up to date
    assert await workshop.close(timeout=SAVES_SECONDS)


def test_saving_an_answer_through_the_store_does_not_touch_the_index(
    store: Store, sources: dict[str, str], library: Library, index: Path
) -> None:
    from bootcamp.store.model import Answer

    info = make_workshop(store, sources)
    library.listing()
    before = signature(index), sorted(os.listdir(store.data_dir))
    store.open(info.id).save_answer(Answer(info.participants[0].id, "basics/mandate", value="no", comment="Nobody"))
    assert (signature(index), sorted(os.listdir(store.data_dir))) == before
    assert [hit.text for hit in library.search("nobody")] == ["Nobody"]

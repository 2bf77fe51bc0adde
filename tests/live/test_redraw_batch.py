"""Phones' changes held for one redraw: a room answering at once is drawn a few times a second, the console's
own change at once (with whatever was held)."""

from __future__ import annotations

from bootcamp.live.actors import CONSOLE, phone
from bootcamp.live.changes import Change, Part, RedrawBatch
from bootcamp.live.saving import SaveStatus

ANA = phone("p1", "Ana")


def change(version: int, part: Part, by=None) -> Change:  # type: ignore[no-untyped-def]
    return Change(frozenset({part}), version, SaveStatus(), by)


def test_changes_merged_keep_every_part_and_the_latest_state() -> None:
    merged = change(3, Part.RECORDS, ANA).then(change(4, Part.SAVING))
    assert merged.parts == {Part.RECORDS, Part.SAVING} and merged.version == 4 and merged.by is None


def test_a_phones_change_and_its_saves_result_wait_for_one_redraw() -> None:
    batch = RedrawBatch(0.2)
    assert batch.hold(change(1, Part.RECORDS, ANA), now=10.0)
    assert batch.hold(change(1, Part.SAVING), now=10.05)  # its save's result, soon after: same redraw
    assert batch.hold(change(2, Part.RECORDS, ANA), now=10.1)
    drawn = batch.take()
    assert drawn is not None and drawn.version == 2 and drawn.parts == {Part.RECORDS, Part.SAVING}
    assert batch.take() is None and not batch.holding


def test_the_consoles_change_is_drawn_at_once_with_what_was_held() -> None:
    batch = RedrawBatch(0.2)
    assert not batch.hold(change(1, Part.POSITION, CONSOLE), now=10.0)
    assert not batch.hold(change(1, Part.SAVING), now=10.0)  # a save's result with no phone about: at once
    assert batch.hold(change(2, Part.RECORDS, ANA), now=10.0)
    assert not batch.hold(change(3, Part.POSITION, CONSOLE), now=10.1)
    drawn = batch.take(change(3, Part.POSITION, CONSOLE))
    assert drawn is not None and drawn.parts == {Part.RECORDS, Part.POSITION} and drawn.by == CONSOLE
    assert not batch.hold(change(3, Part.SAVING), now=11.0)  # long after the phone's: at once again

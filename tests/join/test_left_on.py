"""``phones.json``: what a console that never stopped joining leaves for the next one, read back as it was written;
a file from before a field existed reads as before, and a damaged one is set aside, said in one sentence."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from bootcamp.join.left_on import LeftOn, LeftOnUnreadable, read_left_on, write_left_on
from bootcamp.join.seats import Unseen, fingerprint

MANDATE = "basics/mandate"
CELL = (MANDATE, "", "")
LEFT = LeftOn(
    "127.0.0.1",
    8123,
    "ABCDE",
    b"k" * 32,
    seats=(("hash-ana", "p1"), ("hash-ben", "p2")),
    slide_step=MANDATE,
    by_name={"hash-ana": Unseen(((CELL, fingerprint("no")),), ((CELL, fingerprint("Mine")),))},
)


def test_what_a_seat_taken_by_name_hides_is_read_back_as_written_and_never_its_words(tmp_path: Path) -> None:
    write_left_on(tmp_path, LEFT)
    text = (tmp_path / "phones.json").read_text()
    assert "Mine" not in text
    back = read_left_on(tmp_path)
    assert back is not None and back.seats == LEFT.seats and dict(back.by_name) == dict(LEFT.by_name)


def test_a_file_from_before_seats_kept_what_they_hid_reads_every_seat_as_the_console_gave_it(tmp_path: Path) -> None:
    write_left_on(tmp_path, LEFT)
    path = tmp_path / "phones.json"
    found = json.loads(path.read_text())
    del found["by_name"]
    path.write_text(json.dumps(found))
    back = read_left_on(tmp_path)
    assert back is not None and back.seats == LEFT.seats and not back.by_name


def cut(text: str) -> str:
    return text[: len(text) // 2]


def a_number_for_a_step(text: str) -> str:
    return text.replace('"answers": [["', '"answers": [[1, "')


def a_word_for_the_port(text: str) -> str:
    return text.replace('"port": 8123', '"port": "none"')


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (cut, "not valid JSON at line 1, column "),
        (a_number_for_a_step, "not joining as a console leaves it"),
        (a_word_for_the_port, "not joining as a console leaves it"),
    ],
)
def test_a_damaged_file_is_set_aside_as_it_was_and_said_in_one_sentence(tmp_path: Path, damage, reason: str) -> None:
    write_left_on(tmp_path, LEFT)
    path = tmp_path / "phones.json"
    damaged = damage(path.read_text())
    path.write_text(damaged)
    now = time.time()
    kept = f"phones.json.damaged-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}"
    with pytest.raises(LeftOnUnreadable) as said:
        read_left_on(tmp_path, now)
    sentence = str(said.value)
    assert sentence.startswith(f"Joining left on by the last console did not come back: {path} could not be read ")
    assert f"({reason}" in sentence
    assert sentence.endswith(f"it is kept as {kept}, and j starts joining with a new code for the room to scan")
    assert not path.exists() and (tmp_path / kept).read_text() == damaged
    path.write_text("{")  # damaged again, in the same second: the first one set aside stays
    with pytest.raises(LeftOnUnreadable, match=f"kept as {kept}-2,"):
        read_left_on(tmp_path, now)
    assert (tmp_path / kept).read_text() == damaged


def damaged_copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("phones.json.damaged"))


def test_a_file_damaged_again_and_again_keeps_the_newest_three_copies_and_nothing_else_is_touched(
    tmp_path: Path,
) -> None:
    """Before, every damaged phones.json was kept for ever (phones.json.damaged, -2, -3, …), cluttering the workshop's
    folder; now each is named by when it was set aside and only the newest three stay (copies from before too)."""
    (tmp_path / "phones.json.damaged").write_text("older, by the old name")
    (tmp_path / "phones.json.damaged-2").write_text("older still, by the old name")
    os.utime(tmp_path / "phones.json.damaged-2", (1, 1))
    (tmp_path / "phones.json.damaged notes.txt").write_text("the facilitator's own file")
    start = time.time()
    names = []
    for day in range(4):
        now = start + day * 86_400
        write_left_on(tmp_path, LEFT)
        (tmp_path / "phones.json").write_text(f"{{ damaged on day {day}")
        os.utime(tmp_path / "phones.json", (now, now))  # written that day
        with pytest.raises(LeftOnUnreadable) as said:
            read_left_on(tmp_path, now)
        names.append(f"phones.json.damaged-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}")
        assert f"kept as {names[-1]}," in str(said.value)
        if day == 0:  # the two from before and this one: three, all kept
            assert damaged_copies(tmp_path) == sorted(
                ["phones.json.damaged", "phones.json.damaged-2", names[0], "phones.json.damaged notes.txt"]
            )
    assert damaged_copies(tmp_path) == sorted([*names[1:], "phones.json.damaged notes.txt"])
    for day, name in enumerate(names[1:], start=1):
        assert (tmp_path / name).read_text() == f"{{ damaged on day {day}"
    assert (tmp_path / "phones.json.damaged notes.txt").read_text() == "the facilitator's own file"

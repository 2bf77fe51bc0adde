"""Reading the answers: the direct path for entries the store writes gives what the general decoder gives, and a
folder of answers that cannot be listed is reported.

``decode_answers`` builds an answer straight from an entry holding every field as text (what every file this
store writes holds) and hands any other entry to the general decoder, which names what is wrong. Both must give
the same answers, or refuse the same entries.
"""

from __future__ import annotations

import copy
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bootcamp.store import StoreError, WorkshopFiles
from bootcamp.store.codec import ShapeError, from_json
from bootcamp.store.files import answer_key, decode_answers
from bootcamp.store.model import Answer

OWNER = "p3k7abcd"
FIELDS = ("step_key", "item", "perspective", "value", "comment", "at")
# Text as a file may hold it: anything JSON carries, surrogates and controls included.
TEXTS = st.text(max_size=12) | st.sampled_from(["", "self", "a|b", "é", "\u202e", "\x00", "\ud800"])
# Mostly text, sometimes what a hand-edited or newer file may hold instead.
VALUES = TEXTS | st.sampled_from([None, 3, 2.5, True, [], {}])


@st.composite
def entries(draw: st.DrawFn) -> dict:
    """Every field or some left out, in any order; all text (as the store writes them) or some of another type;
    sometimes with a field the store never writes."""
    names = draw(st.permutations(FIELDS))
    if draw(st.booleans()):
        names = names[: draw(st.integers(0, len(FIELDS) - 1))]
    values = TEXTS if draw(st.booleans()) else VALUES
    entry = {name: draw(values) for name in names}
    if draw(st.integers(0, 9)) == 0:
        entry[draw(st.sampled_from(["participant_id", "score"]))] = draw(TEXTS)
    return entry


def general(key: str, entry: dict) -> Answer:
    """What the general decoder makes of one entry: the reference the direct path is held to."""
    if not isinstance(entry, dict):
        raise ShapeError(f"answers.{key}", "expected an object")
    answer = from_json(Answer, {**entry, "participant_id": OWNER}, f"answers.{key}")
    if "participant_id" in entry or answer_key(*answer.key) != key:
        raise ShapeError(f"answers.{key}", "refused")
    return answer


@settings(max_examples=600, deadline=None)
@given(st.lists(entries(), max_size=4), st.data())
def test_every_entry_decodes_as_the_general_decoder_decodes_it(found: list[dict], data: st.DataObject) -> None:
    answers: dict[str, dict] = {}
    for entry in found:
        texts = [entry.get(name, "") for name in ("step_key", "item", "perspective")]
        key = answer_key(*(t if isinstance(t, str) else "" for t in texts))
        if data.draw(st.booleans(), label="wrong key"):
            key += "x"
        answers.setdefault(key, entry)
    document = {"participant_id": OWNER, "answers": answers}
    try:
        expected: tuple[Answer, ...] | None = tuple(general(key, entry) for key, entry in answers.items())
    except ShapeError:
        expected = None

    if expected is None:
        with pytest.raises(ShapeError):
            decode_answers(OWNER, copy.deepcopy(document))
    else:
        decoded = decode_answers(OWNER, copy.deepcopy(document))
        assert decoded == expected
        assert [vars(a) for a in decoded] == [vars(a) for a in expected]  # no field more or less on the direct path


WRITTEN = {"step_key": "basics/why", "item": "", "perspective": "", "value": "yes", "comment": "", "at": "t"}


@pytest.mark.parametrize(
    "entry",
    [
        WRITTEN,
        dict(reversed(WRITTEN.items())),
        {**WRITTEN, "value": 3},
        {**WRITTEN, "comment": True},
        {**WRITTEN, "at": None},
        {**WRITTEN, "value": ["yes"]},
        {k: v for k, v in WRITTEN.items() if k != "at"},
        {"step_key": "basics/why"},
        {**WRITTEN, "score": "9"},
        {**WRITTEN, "participant_id": OWNER},
        {**WRITTEN, "item": "x"},  # no longer the key's
        ["basics/why", "yes"],
    ],
)
def test_each_odd_entry_decodes_as_the_general_decoder_decodes_it(entry: object) -> None:
    """The shapes the search above must not miss, each alone and beside an entry as the store writes it."""
    for answers in (
        {"basics/why||": entry},
        {"basics/how||": {**WRITTEN, "step_key": "basics/how"}, "basics/why||": entry},
    ):
        document = {"participant_id": OWNER, "answers": answers}
        try:
            expected = tuple(general(key, found) for key, found in answers.items())
        except ShapeError:
            with pytest.raises(ShapeError):
                decode_answers(OWNER, copy.deepcopy(document))
        else:
            assert decode_answers(OWNER, copy.deepcopy(document)) == expected


def test_a_file_as_the_store_writes_it_gives_its_answers() -> None:
    text = (
        '{"participant_id":"p3k7abcd","answers":{'
        '"basics/why||":{"step_key":"basics/why","item":"","perspective":"","value":"yes","comment":"é","at":"t"},'
        '"rate/a|x|self":{"step_key":"rate/a","item":"x","perspective":"self","value":"4","comment":"","at":""}}}'
    )
    assert decode_answers(OWNER, json.loads(text)) == (
        Answer(OWNER, "basics/why", value="yes", comment="é", at="t"),
        Answer(OWNER, "rate/a", "x", "self", "4"),
    )


def test_every_answers_file_is_read_in_file_name_order_hidden_files_left_out(workshop: WorkshopFiles) -> None:
    people = [p.id for p in workshop.info().participants]
    for pid in reversed(people):
        workshop.save_answer(Answer(pid, "basics/mandate", value="yes"))
    (workshop.path / "answers" / ".half-written.json").write_text("{")
    assert [a.participant_id for a in workshop.answers()] == sorted(people, key=lambda pid: f"{pid}.json")


def test_an_answers_folder_that_cannot_be_listed_is_reported_not_read_as_no_answers(
    workshop: WorkshopFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = workshop.path / "answers"
    workshop.save_answer(Answer(workshop.info().participants[0].id, "basics/mandate", value="yes"))
    listed = os.scandir

    def refused(path: object) -> object:  # as for a folder this user may not read (root reads any: no chmod here)
        if os.fspath(path) == str(folder):
            raise PermissionError(13, "Permission denied")
        return listed(path)

    monkeypatch.setattr(os, "scandir", refused)
    with pytest.raises(StoreError) as caught:
        workshop.answers()
    assert str(folder) in str(caught.value) and "Permission denied" in str(caught.value), str(caught.value)

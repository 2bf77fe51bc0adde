"""The vocabulary narrows a search to the workshops that may hold its words, and never leaves one out."""

from __future__ import annotations

import dataclasses
import random

from bootcamp.library import Library
from bootcamp.library.search import folded
from bootcamp.library.vocabulary import Vocabulary
from bootcamp.store import Store
from bootcamp.store.model import RoomNote
from tests.library.conftest import make_workshop

WORDS = ["churn", "renewal", "pricing", "Ångström", "board", "co-op", "don't", "plan", "CEO", "mandate", "é"]


def test_no_workshop_holding_a_word_is_left_out_and_few_others_are_kept() -> None:
    rng = random.Random(7)
    texts = {f"w{n}": folded(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))) for n in range(60)}
    vocabulary = Vocabulary()
    for workshop_id, text in texts.items():
        vocabulary.keep(workshop_id, "v1", text)
    for query in (["churn"], ["urn"], ["ngs"], ["plan", "board"], ["co-op"], ["don't"], ["missing"], ["e"]):
        holding = {w for w, text in texts.items() if all(word in text for word in query)}
        assert vocabulary.may_hold_all(query) == holding, query


def test_a_changed_or_removed_workshop_is_known_as_it_is_now() -> None:
    vocabulary = Vocabulary()
    vocabulary.keep("a", "v1", "churn doubled")
    vocabulary.keep("b", "v1", "pricing")
    assert vocabulary.may_hold_all(["churn"]) == {"a"}
    vocabulary.keep("a", "v2", "pricing again")
    assert vocabulary.may_hold_all(["churn"]) == frozenset()
    assert vocabulary.may_hold_all(["pricing"]) == {"a", "b"}
    vocabulary.keep_only(["a"])
    assert vocabulary.may_hold_all(["pricing"]) == {"a"}
    vocabulary.keep("c", "v1", "churn")  # takes the freed place of b
    assert vocabulary.may_hold_all(["churn"]) == {"c"}


def test_a_vocabulary_readied_before_a_search_still_sees_what_is_kept_after() -> None:
    vocabulary = Vocabulary()
    vocabulary.keep("a", "v1", "churn doubled")
    vocabulary.ready()  # the chunks joined as the search screen opens
    vocabulary.keep("b", "v1", "churn again")
    assert vocabulary.may_hold_all(["churn"]) == {"a", "b"}
    vocabulary.drop("a")
    vocabulary.ready()
    assert vocabulary.may_hold_all(["churn"]) == {"b"}


def test_a_search_as_one_types_answers_from_the_last_look_and_a_plain_search_sees_a_change_at_once(
    store: Store, sources: dict[str, str]
) -> None:
    info = make_workshop(store, sources, people=(("Ana", "CEO"),))
    library = Library(store.data_dir, store.clock)
    assert library.search("zeppelin") == []
    note = RoomNote("n1", "", "The zeppelin question")
    store.open(info.id).update_room(lambda room: dataclasses.replace(room, notes=(*room.notes, note)))
    assert library.search("zeppelin", fresh_within=3600) == []  # typed within the hour: the folders not looked at
    assert [hit.text for hit in library.search("zeppelin")] == ["The zeppelin question"]
    assert [hit.text for hit in library.search("zeppelin", fresh_within=3600)] == ["The zeppelin question"]

"""Search finds every kind of text with where it is, the step and the words' places; never an anonymous name."""

from __future__ import annotations

import dataclasses

import pytest

from bootcamp.clock import FixedClock
from bootcamp.library import Library, SearchHit
from bootcamp.library.search import spans
from bootcamp.store import Store, new_ballot_id
from bootcamp.store.archive import archive
from bootcamp.store.model import Action, Answer, PokerCard, RoleLine, RoomNote
from tests.library.conftest import make_workshop
from tests.store_fixtures import met_on_two_days


@pytest.fixture
def acme(store: Store, sources: dict[str, str]) -> str:
    info = make_workshop(store, sources, people=(("Zoë Ångström", "CEO"), ("Ben Okafor", "Sales")))
    files = store.open(info.id)
    ana, ben = (p.id for p in info.participants)
    files.save_answer(Answer(ana, "basics/mandate", value="yes", comment="The board owns churn\nnot sales"))
    files.save_answer(Answer(new_ballot_id(), "basics/mandate", value="no", comment="Secretly: churn is nobody's"))
    files.save_answer(Answer(ben, "basics/rate-aptitudes", item="persist", perspective="self", value="strong"))
    room = dataclasses.replace(
        files.room(),
        notes=(
            RoomNote("n1", "basics/talk", "Surprise: churn doubled"),
            RoomNote("n2", "basics/welcome", "Parking lot: pricing", quick=True),
        ),
        role_lines=(RoleLine("r1", "Owns the renewal forecast", "strategic"),),
        actions=(
            Action("a1", "Publish the renewal plan", owner="Ana", due="2026-10-01", source="basics/next"),
            Action("a2", "Share the poker renewal story", source="poker:persist"),
        ),
        poker=(PokerCard("persist", holder=ana, notes={"today": "Renewal calls are ad hoc", "opportunity": ""}),),
    )
    files.update_room(lambda _room: room)
    return info.id


def where(hits: list[SearchHit]) -> list[tuple[str, str, str]]:
    return [(hit.where, hit.step_key, hit.text) for hit in hits]


def test_each_kind_of_text_is_found_with_where_it_is_and_its_step(library: Library, acme: str) -> None:
    assert where(library.search("acme boot")) == [("workshop", "", "Acme boot camp")]
    assert ("organisation", "", "Acme") in where(library.search("acme"))
    assert where(library.search("okafor")) == [("participant", "", "Ben Okafor")]
    assert sorted(where(library.search("churn"))) == [
        ("comment", "basics/mandate", "Secretly: churn is nobody's"),  # a secret ballot's comment
        ("comment", "basics/mandate", "The board owns churn\nnot sales"),  # line break kept
        ("room note", "basics/talk", "Surprise: churn doubled"),
    ]
    assert where(library.search("churn"))[-1][0] == "room note"  # in the order of the day: basics/talk comes later
    assert where(library.search("pricing")) == [("quick note", "basics/welcome", "Parking lot: pricing")]
    assert where(library.search("renewal")) == [
        ("role line", "basics/role", "Owns the renewal forecast"),
        ("action", "basics/poker", "Share the poker renewal story"),  # from a card: the Poker step
        ("poker note", "basics/poker", "Renewal calls are ad hoc"),
        ("action", "basics/next", "Publish the renewal plan"),
    ]
    hit = library.search("churn")[0]
    assert (hit.workshop_id, hit.workshop_name, hit.organisation, hit.date) == (acme, "Acme boot camp", "Acme", "2026-09-21")


def test_a_comment_keeps_who_wrote_it_only_when_it_is_neither_secret_nor_anonymous(
    store: Store, library: Library, acme: str
) -> None:
    from bootcamp.library.index_file import index_path, read_rows
    from bootcamp.library.rows import decode_texts

    library.listing()
    rows, _ = read_rows(index_path(store.data_dir))
    about = {entry.text: entry.about for entry in decode_texts(rows[acme]) if entry.where == "comment"}
    ana = store.open(acme).info().participants[0].id
    assert about == {"The board owns churn\nnot sales": ana, "Secretly: churn is nobody's": ""}
    notes = {entry.text: entry.about for entry in decode_texts(rows[acme]) if entry.where == "poker note"}
    assert notes == {"Renewal calls are ad hoc": "persist/today"}  # the card and the prompt


def test_case_and_accents_do_not_matter_and_spans_point_into_the_text_as_written(library: Library, acme: str) -> None:
    (hit,) = library.search("ZOE angstrom")
    assert hit.text == "Zoë Ångström"
    assert [hit.text[start:end] for start, end in hit.spans] == ["Zoë", "Ångström"]
    (note,) = library.search("DOUBLED surprise")
    assert [note.text[start:end] for start, end in note.spans] == ["Surprise", "doubled"]


def test_every_word_must_be_there_in_the_text_or_its_workshop_s_name(library: Library, acme: str) -> None:
    assert where(library.search("churn doubled")) == [("room note", "basics/talk", "Surprise: churn doubled")]
    assert len(library.search("acme churn")) == 3  # "acme" is the workshop's: the churn texts of Acme's workshops
    assert library.search("churn zebra") == []
    assert library.search("   ") == []


def test_organisation_limits_the_search_to_its_workshops(
    store: Store, sources: dict[str, str], library: Library, acme: str
) -> None:
    globex = make_workshop(store, sources, name="Globex churn day", organisation="Globex", date="2026-10-02")
    assert [hit.workshop_id for hit in library.search("churn")] == [globex.id, acme, acme, acme]  # newest first
    assert {hit.workshop_id for hit in library.search("churn", organisation="Acme")} == {acme}
    assert [hit.workshop_id for hit in library.search("churn", organisation="Globex")] == [globex.id]
    assert library.search("churn", organisation="Initech") == []


def test_an_anonymous_workshop_never_gives_a_participant_name(store: Store, sources: dict[str, str], library: Library) -> None:
    info = make_workshop(store, sources, name="Quiet day", people=(("Ana Ortiz", "CEO"),), anonymous=True)
    assert info.participants[0].name == ""
    files = store.open(info.id)
    # Even a name written into the file by hand, or left by an older version, is never searched.
    files.update_info(lambda stored: dataclasses.replace(stored, participants=(dataclasses.replace(stored.participants[0], name="Ana Ortiz"),)))
    files.save_answer(Answer(info.participants[0].id, "basics/mandate", value="yes", comment="Ana's point"))
    assert all(hit.where != "participant" for hit in library.search("ana"))
    assert where(library.search("ana")) == [("comment", "basics/mandate", "Ana's point")]


def test_spans_merge_overlaps_and_find_every_occurrence() -> None:
    assert spans("churn, CHURN and Churning", ["churn"]) == ((0, 5), (7, 12), (17, 22))
    assert spans("renewal", ["renew", "newal"]) == ((0, 7),)
    assert spans("Straße", ["strasse"]) == ((0, 6),)


def test_a_word_holding_what_json_escapes_is_still_found(store: Store, sources: dict[str, str], library: Library) -> None:
    info = make_workshop(store, sources)
    files = store.open(info.id)
    files.save_answer(Answer(info.participants[0].id, "basics/mandate", value="yes", comment='They said "later"\\maybe'))
    (hit,) = library.search('"later"\\maybe')
    assert hit.text == 'They said "later"\\maybe' and hit.spans == ((10, len(hit.text)),)
    assert [(h.text, h.spans) for h in library.search("later")] == [(hit.text, ((11, 16),))]  # again, from what it keeps


def test_a_hit_in_an_archived_two_day_workshop_says_both(
    store: Store, sources: dict[str, str], clock: FixedClock, utc_calendar: None
) -> None:
    """Search finds archived workshops too (a client's earlier runs), but a hit did not say it was archived, nor the
    second day of a workshop held over two: a consultant could not tell last year's put-away run from today's."""
    info = make_workshop(store, sources, name="Autumn", date="2026-09-21")
    store.open(info.id).save_answer(Answer(info.participants[0].id, "basics/mandate", value="yes", comment="churn"))
    met_on_two_days(store, info.id)
    archive(store, info.id)
    (hit,) = Library(store.data_dir, clock).search("churn")
    assert hit.archived and hit.held_on == "2026-09-21–22"


def test_a_step_s_title_is_found_as_the_workshop_s_own_content_names_it(
    store: Store, sources: dict[str, str], library: Library, acme: str
) -> None:
    """A CCO back weeks later typed "Aptitude Poker" and "Mandate" and found only the notes that happened to say
    so: a step's title, the name they remember the moment by, was not searched, so no hit led to its answers."""
    assert where(library.search("surprised")) == [("step", "basics/talk", "What surprised you?")]
    # the title comes before what the room said on that step, so the first hit opens the step itself
    assert where(library.search("acme surprise")) == [
        ("step", "basics/talk", "What surprised you?"),
        ("room note", "basics/talk", "Surprise: churn doubled"),
    ]
    assert where(library.search("poker"))[0] == ("step", "basics/poker", "Aptitude Poker")
    # a title renamed in the content since reads as that workshop's own copy has it
    renamed = {name: text.replace("What surprised you?", "What startled you?") for name, text in sources.items()}
    later = make_workshop(store, renamed, name="Later run", date="2026-10-02")
    assert [(hit.workshop_id, hit.text) for hit in library.search("startled")] == [(later.id, "What startled you?")]
    assert [hit.workshop_id for hit in library.search("surprised")] == [acme]

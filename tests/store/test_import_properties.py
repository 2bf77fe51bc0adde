"""Properties of both imports (issue 11): every input checked once, every import all or nothing.

``bootcamp import FILE.json`` and ``bootcamp import-answers ID FILE.csv`` are fed arbitrary values and,
more usefully, a real export of a full workshop with a few fields broken at random. Whatever comes in,
the import either takes the whole file (and a new export says what the file said) or refuses it with
one :class:`UserError`, never a traceback, and then the data folder is byte for byte as it was.
Workshops built at random (every record the content's steps ask for, with hostile text up to the
limits) go out and back in, as JSON and as CSV, and come out again identical.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st

from bootcamp import limits
from bootcamp.checks import DAY_RECORD_MINUTES, LATEST_EPOCH_SECONDS, ROLE_DECISIONS, RecordChecks, bundle_problems
from bootcamp.clock import FixedClock
from bootcamp.commands import transfer
from bootcamp.content import Program, load_sources
from bootcamp.content.loader import content_hash
from bootcamp.content.model import AptitudePoker, Asks, StepKind
from bootcamp.errors import UserError
from bootcamp.export import data_csv, data_json
from bootcamp.limits import Limit
from bootcamp.store import Store, WorkshopBundle, WorkshopFiles, durable
from bootcamp.store.files import StoredContent
from bootcamp.store.ids import ALPHABET, is_ballot_id
from bootcamp.store.model import (
    Action,
    ActionStatus,
    Answer,
    Participant,
    PokerCard,
    RoleLine,
    RoomNote,
    RoomRecords,
    StepTimer,
    WorkshopDay,
    WorkshopInfo,
    WorkshopState,
)

NOW = "2026-09-21T14:13:20+00:00"


def examples(count: int) -> settings:
    """Settings of a property here: ``count`` examples (times ``$BOOTCAMP_EXAMPLES``, for a longer hunt), no deadline
    (each example writes a data folder)."""
    return settings(
        max_examples=count * int(os.environ.get("BOOTCAMP_EXAMPLES", "1")),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# What people paste that the fixture's hostile texts do not show: lone surrogates (a broken terminal,
# a CESU-8 file), a surrogate pair split into its halves, a lone CR, bidi controls, C1 controls.
MORE_HOSTILE = (
    "\ud800",
    "lone \udcff low",
    "\ud83d\ude00",  # the two halves of 😀, as two code points
    "a\rb",
    "\u202b\u2067rtl\u2069\u202c",
    "\x85\x9b31m C1",
    "\u2028\u2029",
    "'=1+1",
    "-",
    "@",
    "\t",
    "\r\n",
    '"',
    '""',
    "\\u0000",
    "\ufeff",
)
EVERY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included


# -- fixtures: the content, a full workshop, template data folders -------------------------------------------------


@pytest.fixture(scope="module")
def program(sources: dict[str, str]) -> Program:
    return load_sources(sources)


@pytest.fixture(scope="module")
def hostile(hostile_texts: tuple[str, ...]) -> tuple[str, ...]:
    return (*hostile_texts, *MORE_HOSTILE)


def asked_steps(program: Program, agenda: str) -> list[Asks]:
    """What each step of the agenda that takes answers asks (from the content, never hard-coded)."""
    return [asks for step in program.steps(agenda) if (asks := program.asks(step)) is not None]


def poker_of(program: Program) -> AptitudePoker:
    return next(e for e in program.exercises if isinstance(e, AptitudePoker))


def deck_of(program: Program) -> tuple[str, ...]:
    items = program.item_list(poker_of(program).deck)
    return tuple(item.id for item in items.items) if items else ()


def full_bundle(program: Program, sources: dict[str, str], hostile: tuple[str, ...]) -> WorkshopBundle:
    """A workshop with something in every file: every step answered by everyone, secret ballots, comment-only
    answers, notes, role lines, a Poker deal with notes, actions and a state with timers; hostile text everywhere."""

    def fitting(n: int, limit: Limit) -> str:
        return hostile[n % len(hostile)][: limit.chars]

    asked = asked_steps(program, "full")
    ids = ("pana2345", "pben6789", "pchloe23", "plate456")
    participants = tuple(
        Participant(
            pid,
            n + 1,
            fitting(n, limits.PERSON_NAME) if n != 3 else "Late Lou",
            fitting(n + 2, limits.ROLE),
            n == 2,
            NOW,
        )
        for n, pid in enumerate(ids)
    )
    info = WorkshopInfo(
        id="fullshop",
        name=fitting(2, limits.WORKSHOP_NAME),
        organisation="Acme",
        date="2026-09-21",
        agenda="full",
        anonymous=False,
        participants=participants,
        content_hash=content_hash(sources),
        created_at=NOW,
    )
    answers: list[Answer] = []
    n = 0
    for person in participants:
        for asks in asked:
            for item, perspective in asks.cells:
                n += 1
                options = [option.id for option in asks.scale.options]
                value = "" if n % 7 == 0 else options[n % len(options)]  # every seventh only a comment
                answers.append(
                    Answer(person.id, asks.step.key, item, perspective, value, fitting(n, limits.COMMENT) or "c", NOW)
                )
    secret = asked[-1]
    for k, ballot in enumerate(("b" + ALPHABET[k] * 15 for k in range(3))):
        item, perspective = secret.cells[0]
        value = "" if k == 2 else secret.scale.options[k].id
        answers.append(Answer(ballot, secret.step.key, item, perspective, value, hostile[k] if k else ""))  # no time
    steps = [step.key for step in program.steps("full")]
    prompts = [prompt.id for prompt in poker_of(program).prompts]
    room = RoomRecords(
        notes=tuple(
            RoomNote(f"n-{k}", steps[k % len(steps)], text, NOW, k % 2 == 1)
            for k, text in enumerate(hostile)
            if text.strip()
        ),
        role_lines=(RoleLine("r-1", hostile[1], "tactical", NOW), RoleLine("r-2", "Own the journey", "", NOW)),
        poker=tuple(
            PokerCard(card, ids[k % len(ids)], {prompt: hostile[k + j] for j, prompt in enumerate(prompts)})
            for k, card in enumerate(deck_of(program))
        ),
        actions=(
            Action("a-1", hostile[6], ids[1], "2026-10-01", ActionStatus.DOING, f"poker:{deck_of(program)[0]}", NOW),
            Action("a-2", "Name one owner", "", "", ActionStatus.OPEN, steps[-1], ""),
        ),
    )
    state = WorkshopState(
        step_key=steps[2],
        done=tuple(steps[:2]),
        skipped=(steps[3],),
        timers={steps[0]: StepTimer(312.5, None, 2.0), steps[2]: StepTimer(60.0, 1_790_003_000.25)},
        day_started_at=1_789_990_000.0,
        revealed=(secret.step.key,),
        secret=(secret.step.key,),
        presenter=True,
        updated_at=1_790_000_000.0,
    )
    return WorkshopBundle(info, StoredContent(info.content_hash, dict(sources)), state, room, tuple(answers))


@pytest.fixture(scope="module")
def full(program: Program, sources: dict[str, str], hostile: tuple[str, ...]) -> WorkshopBundle:
    bundle = full_bundle(program, sources, tuple(data_json.joined_surrogates(text) for text in hostile))  # as stored
    assert bundle_problems(bundle, program) == ()
    return bundle


@pytest.fixture(scope="module")
def json_template(tmp_path_factory: pytest.TempPathFactory, sources: dict[str, str]) -> Path:
    """A data folder holding another workshop: an import must leave it (and the folder) alone."""
    data = tmp_path_factory.mktemp("json-template") / "data"
    Store(data, FixedClock()).create_workshop(
        name="Another", organisation="Other", date="2026-09-20", participants=[("Zoe", "")], sources=sources
    )
    return data


@pytest.fixture(scope="module")
def csv_template(tmp_path_factory: pytest.TempPathFactory, full: WorkshopBundle) -> Path:
    """A data folder holding the full workshop, answers and all: imported answers merge into them."""
    data = tmp_path_factory.mktemp("csv-template") / "data"
    Store(data, FixedClock()).import_workshop(full)
    return data


@pytest.fixture(scope="module", autouse=True)
def no_fsync() -> Iterator[None]:
    """Files are written without fsync here: what is tested is what a folder holds, not that it survives a power cut
    (tests/store/test_store_crash.py does that); each fsync costs milliseconds, and the examples write thousands."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(durable, "flush_to_disk", lambda _fd: None)
        yield


@contextmanager
def fresh_copy(factory: pytest.TempPathFactory, template: Path | None = None) -> Iterator[Path]:
    """A new folder per example (function-scoped fixtures are shared by every example), removed after."""
    root = Path(tempfile.mkdtemp(prefix="example-", dir=factory.getbasetemp()))
    try:
        data = root / "data"
        if template is not None:
            shutil.copytree(template, data)
        yield data
    finally:
        shutil.rmtree(root, ignore_errors=True)


def snapshot(folder: Path, *, ignore: Callable[[str], bool] = lambda _name: False) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) under ``folder``, hidden ones too, by relative path."""
    found: dict[str, bytes | None] = {}
    for root, folders, files in os.walk(folder):
        for name in folders:
            found[os.path.relpath(os.path.join(root, name), folder)] = None
        for name in files:
            if not ignore(name):
                path = os.path.join(root, name)
                found[os.path.relpath(path, folder)] = Path(path).read_bytes()
    return found


def outcome(refused: UserError | None) -> None:
    """Count what became of each example (``--hypothesis-show-statistics``); a refusal's message goes with a failure."""
    if currently_in_test_context():
        event("taken" if refused is None else f"refused: {type(refused).__name__}")
        if refused is not None:
            note(f"refused: {str(refused)[:300]}")


def no_locks(name: str) -> bool:
    return name.endswith(".lock")


def leftovers(folder: Path) -> list[str]:
    """Hidden temporary files and half-built workshop folders: a refused import leaves none."""
    return [
        path
        for path in snapshot(folder)
        if os.path.basename(path).startswith(".new-")
        or (os.path.basename(path).startswith(".") and path.endswith(".tmp"))
    ]


# -- strategies: text, times, ids ---------------------------------------------------------------------------------


def texts(limit: Limit, hostile: tuple[str, ...], *, required: bool = False) -> st.SearchStrategy[str]:
    """Text within ``limit``: every code point (lone surrogates too), hostile pieces, now and then the longest allowed.

    As stored: a high surrogate followed by a low one is the character they encode, since both imports read them
    so (:func:`data_json.joined_surrogates`) and a terminal gives no high surrogates.
    """
    piece = st.one_of(st.text(EVERY_CHARACTER, max_size=8), st.sampled_from(hostile))
    text = st.one_of(
        st.lists(piece, max_size=4).map("".join),
        st.sampled_from(hostile),
        st.builds(lambda c: c * limit.chars, st.sampled_from(["x", "🙂", "\x00", "\ud800", "\n"])),
    ).map(data_json.joined_surrogates)
    if required:
        return text.map(lambda t: (t if t.strip() else "x" + t)[: limit.chars])
    return text.map(lambda t: t[: limit.chars])


ZONES = st.sampled_from([timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=11))])
TIMES = st.builds(
    lambda moment, spec, sep: moment.isoformat(sep=sep, timespec=spec),
    st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=ZONES | st.none()),
    st.sampled_from(["seconds", "minutes", "microseconds", "auto"]),
    st.sampled_from(["T", " "]),
)
DATES = st.builds(
    lambda day, pad: f"{pad}{day.isoformat()}{pad}", st.dates(), st.sampled_from(["", "", " "])
)  # blanks around a date are allowed
FINITE = st.floats(allow_nan=False, allow_infinity=False)
# A moment a state's clock may read: the day clock and the summary show it as a date (checks.state_problems).
EPOCHS = st.floats(min_value=0, max_value=LATEST_EPOCH_SECONDS, exclude_max=True)
MINUTES = st.floats(min_value=0, max_value=DAY_RECORD_MINUTES)  # a day's record, as its timers took it
PARTICIPANT_IDS = st.one_of(
    st.text(st.sampled_from(ALPHABET), min_size=7, max_size=7).map(lambda s: "p" + s),
    st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_-]{0,15}\Z"),
).filter(lambda pid: not is_ballot_id(pid))
BALLOT_IDS = st.text(st.sampled_from(ALPHABET), min_size=15, max_size=15).map(lambda s: "b" + s)
WORKSHOP_IDS = st.one_of(
    st.text(st.sampled_from(ALPHABET), min_size=8, max_size=8), st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_-]{0,63}\Z")
)


@st.composite
def workshops(draw: st.DrawFn, program: Program, sources: dict[str, str], hostile: tuple[str, ...]) -> WorkshopBundle:
    """A workshop as a room could leave it: a roster, answers each step accepts (by ``Program.asks``: its cells
    and its scale's options, or only a comment), secret ballots, notes, role lines, a Poker deal, actions, a state."""

    def text(limit: Limit, *, required: bool = False) -> str:
        return draw(texts(limit, hostile, required=required))

    anonymous = draw(st.booleans())
    agenda = draw(st.sampled_from([a.id for a in program.agendas]))
    ids = draw(st.lists(PARTICIPANT_IDS, min_size=1, max_size=5, unique=True))
    numbers = draw(st.lists(st.integers(1, 10_000), min_size=len(ids), max_size=len(ids), unique=True))
    participants = tuple(
        Participant(
            pid,
            number,
            "" if anonymous else text(limits.PERSON_NAME, required=True),
            text(limits.ROLE),
            draw(st.booleans()),
            draw(TIMES | st.just("")),
        )
        for pid, number in zip(ids, numbers, strict=True)
    )
    info = WorkshopInfo(
        id=draw(WORKSHOP_IDS),
        name=text(limits.WORKSHOP_NAME, required=True),
        organisation=text(limits.ORGANISATION, required=True),
        date=draw(DATES),
        agenda=agenda,
        anonymous=anonymous,
        participants=participants,
        content_hash=content_hash(sources),
        created_at=draw(TIMES),
    )

    cells = [(asks, cell) for asks in asked_steps(program, agenda) for cell in asks.cells]

    def answer(owner: str, asks: Asks, cell: tuple[str, str]) -> Answer:
        value = draw(st.sampled_from(["", *(option.id for option in asks.scale.options)]))
        comment = text(limits.COMMENT, required=not value)
        at = "" if is_ballot_id(owner) else draw(TIMES)  # a secret ballot keeps no time
        return Answer(owner, asks.step.key, cell[0], cell[1], value, comment, at)

    answers = [
        answer(person.id, *cells[n])
        for person in participants
        for n in draw(st.lists(st.integers(0, len(cells) - 1), unique=True, max_size=len(cells)))
    ]
    answers += [
        answer(ballot, *draw(st.sampled_from(cells))) for ballot in draw(st.lists(BALLOT_IDS, unique=True, max_size=3))
    ]
    answers = draw(st.permutations(answers))

    every_step = [step.key for session in program.sessions for step in session.steps]
    step_keys = st.sampled_from(every_step)
    record_ids = st.lists(texts(limits.ROLE, hostile, required=True), unique=True, max_size=4)
    holders = st.sampled_from(["", *ids])
    prompts = [prompt.id for prompt in poker_of(program).prompts]
    room = RoomRecords(
        notes=tuple(
            RoomNote(
                rid, draw(step_keys), text(limits.NOTE, required=True), draw(TIMES | st.just("")), draw(st.booleans())
            )
            for rid in draw(record_ids)
        ),
        role_lines=tuple(
            RoleLine(
                rid,
                text(limits.ROLE_LINE, required=True),
                draw(st.sampled_from(ROLE_DECISIONS)),
                draw(TIMES | st.just("")),
            )
            for rid in draw(record_ids)
        ),
        poker=tuple(
            PokerCard(
                card,
                draw(holders),
                {prompt: text(limits.NOTE) for prompt in draw(st.lists(st.sampled_from(prompts), unique=True))},
            )
            for card in draw(st.lists(st.sampled_from(deck_of(program)), unique=True))
        ),
        actions=tuple(
            Action(
                rid,
                text(limits.ACTION_WHAT, required=True),
                text(limits.ACTION_OWNER),
                draw(st.just("") | DATES),
                draw(st.sampled_from(ActionStatus)),
                draw(st.just("") | step_keys | st.sampled_from(deck_of(program)).map(lambda card: f"poker:{card}")),
                draw(TIMES | st.just("")),
            )
            for rid in draw(record_ids)
        ),
    )
    timers = st.dictionaries(step_keys, st.builds(StepTimer, FINITE, EPOCHS | st.none(), FINITE), max_size=3)
    state = WorkshopState(
        step_key=draw(step_keys),
        done=tuple(draw(st.lists(step_keys, unique=True, max_size=3))),
        skipped=tuple(draw(st.lists(step_keys, unique=True, max_size=2))),
        timers=draw(timers),
        day_started_at=draw(EPOCHS | st.none()),
        revealed=tuple(draw(st.lists(step_keys, unique=True, max_size=2))),
        secret=tuple(draw(st.lists(step_keys, unique=True, max_size=2))),
        presenter=draw(st.booleans()),
        blank=draw(st.booleans()),
        private_entry=draw(st.booleans()),
        show_timer=draw(st.booleans()),
        updated_at=draw(EPOCHS),
        poker_card=draw(st.just("") | st.sampled_from(deck_of(program))),
        card_timers=draw(
            st.dictionaries(st.sampled_from(deck_of(program)), st.builds(StepTimer, FINITE, EPOCHS | st.none(), FINITE))
        ),
        earlier_days=tuple(draw(st.lists(st.builds(WorkshopDay, EPOCHS, MINUTES | MINUTES.map(lambda m: -m), MINUTES), max_size=2))),
    )
    return WorkshopBundle(info, StoredContent(info.content_hash, dict(sources)), state, room, tuple(answers))


def by_key(answers: Any) -> dict[tuple[str, tuple[str, str, str]], Answer]:
    return {(a.participant_id, a.key): a for a in answers}


def kinds_of(answers: Any) -> None:
    """Count the examples with a secret ballot and with an answer that is only a comment (statistics)."""
    if any(is_ballot_id(a.participant_id) for a in answers):
        event("with a secret ballot")
    if any(not a.value for a in answers):
        event("with a comment-only answer")


# -- 3. round trips -----------------------------------------------------------------------------------------------


@examples(50)
@given(data=st.data())
def test_json_export_import_export_is_identical(
    data: st.DataObject,
    program: Program,
    sources: dict[str, str],
    hostile: tuple[str, ...],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A workshop stored, exported as JSON, imported elsewhere and exported again: the same bytes (and the stored
    workshop is the one built, answers and all)."""
    bundle = data.draw(workshops(program, sources, hostile), label="workshop")
    assert bundle_problems(bundle, program) == ()
    kinds_of(bundle.answers)
    with fresh_copy(tmp_path_factory) as data_dir:
        first = Store(data_dir / "first", FixedClock())
        first.import_workshop(bundle)
        stored = first.open(bundle.info.id).bundle()
        assert dataclasses.replace(stored, answers=()) == dataclasses.replace(bundle, answers=())
        assert by_key(stored.answers) == by_key(bundle.answers) and len(stored.answers) == len(bundle.answers)

        text = data_json.dumps(stored)
        second = Store(data_dir / "second", FixedClock())
        info = second.import_workshop(data_json.loads(text, "workshop.json"))
        assert second.open(info.id).bundle() == stored
        assert data_json.dumps(second.open(info.id).bundle()) == text


@examples(50)
@given(data=st.data(), line_end=st.sampled_from(["\r\n", "\n"]))
def test_csv_export_import_export_is_identical(
    data: st.DataObject,
    line_end: str,
    program: Program,
    sources: dict[str, str],
    hostile: tuple[str, ...],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A workshop's answers exported as CSV and imported into the same workshop stored elsewhere without answers
    (as ``import-answers`` does: under its owner lock): the same answers, and exported again, the same bytes."""
    bundle = data.draw(workshops(program, sources, hostile), label="workshop")
    kinds_of(bundle.answers)
    with fresh_copy(tmp_path_factory) as data_dir:
        first = Store(data_dir / "first", FixedClock())
        first.import_workshop(bundle)
        original = first.open(bundle.info.id)
        text = data_csv.dumps(original.info(), original.program(), original.answers(), line_end=line_end)

        second = Store(data_dir / "second", FixedClock())
        second.import_workshop(dataclasses.replace(bundle, answers=()))  # the same workshop, no answers yet
        with second.owned(bundle.info.id, purpose="a property test") as copy:
            copy.import_answers(data_csv.loads(text, "answers.csv", copy.info(), copy.program(), NOW))
        assert by_key(copy.answers()) == by_key(bundle.answers)
        assert data_csv.dumps(copy.info(), copy.program(), copy.answers(), line_end=line_end) == text


# -- 1. JSON: arbitrary values, and a real export broken at random ---------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(EVERY_CHARACTER),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(EVERY_CHARACTER, max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
# Stand-ins for what json.dumps cannot write, put into the text after it (a number too long to convert,
# nesting deeper than the parser's recursion, a float that overflows to infinity).
RAW = {
    "@@big-int@@": "9" * 5_000,
    "@@deep@@": "[" * 100_000 + "]" * 100_000,
    "@@overflow@@": "1e400",
    "@@minus@@": "-0",
}


def over(limit: Limit) -> str:
    return "y" * (limit.chars + 1)


def nasty_values(program: Program, hostile: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """Values a field should not take (and some it should): wrong types, out of range, over the limits, bad ids."""
    step_keys = [step.key for session in program.sessions for step in session.steps]
    options = sorted(
        {o.id for scale in program.scales for o in scale.options}
        | {o.label for scale in program.scales for o in scale.options}
    )
    items = sorted({item for asks in asked_steps(program, "full") for item, _ in asks.cells})
    return st.one_of(
        JSON_VALUES,
        st.sampled_from(
            [
                None,
                True,
                False,
                0,
                -1,
                1,
                2**63,
                10**30,
                -(10**30),
                1.5,
                float("nan"),
                float("inf"),
                float("-inf"),
                "",
                " ",
                "\t\n",
                "x",
                "self",
                "team",
                "SELF",
                "full",
                "half",
                "strategic",
                "open",
                "someday",
                "2026-02-30",
                "2026-9-1",
                "20260921",
                "2026-W39-1",
                "yesterday",
                "2026-09-21T25:00",
                "2026-09-21",
                "../../etc",
                "a/b",
                "a|b",
                ".hidden",
                "-dash",
                "b" + "2" * 15,
                "pnobody",
                "poker:",
                "poker:nowhere",
                "sessions/x.yaml",
                "basics/",
                "/",
                "basics/nowhere",
                "x" * 200_000,
                [],
                {},
                [1],
                {"x": 1},
                *RAW,
                *(over(limit) for limit in limits.LIMITS),
            ]
        ),
        st.sampled_from(step_keys),
        st.sampled_from(options),
        st.sampled_from(items),
        st.sampled_from(hostile),
        st.text(EVERY_CHARACTER, max_size=20),
    )


Path_ = tuple[str | int, ...]


def paths(value: Any, here: Path_ = ()) -> Iterator[Path_]:
    yield here
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, (*here, key))
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from paths(inner, (*here, n))


def at(document: Any, path: Path_) -> Any:
    for step in path:
        document = document[step]
    return document


EXTREMES = (10**400, 2**64, -1, 0, float("nan"), float("inf"), float("-inf"), *RAW)  # for a number's place


def answer_pools(program: Program, document: dict[str, Any]) -> dict[str, list[str]]:
    """What an answer's fields might be set to: real steps, items, perspectives, options (ids and labels) and
    participants, combined as no step asks them, and a few that are none of these."""
    workshop = document.get("workshop")
    seats = workshop.get("participants") if isinstance(workshop, dict) else None
    seat_ids = [seat["id"] for seat in seats or () if isinstance(seat, dict) and isinstance(seat.get("id"), str)]
    asked = asked_steps(program, "full")
    return {
        "step_key": [*(step.key for session in program.sessions for step in session.steps), "basics/nowhere", "basics"],
        "item": sorted(
            {item for asks in asked for item, _ in asks.cells} | {item.title for asks in asked for item in asks.items}
        ),
        "perspective": ["self", "team", "", "Self", "both"],
        "value": sorted(
            {o.id for s in program.scales for o in s.options}
            | {o.label for s in program.scales for o in s.options}
            | {""}
        ),
        "participant_id": [*seat_ids, "b" + "2" * 15, "b" + "2" * 14, "pnobody", "../x", ""],
    }


@st.composite
def broken_exports(draw: st.DrawFn, good: dict[str, Any], program: Program, hostile: tuple[str, ...]) -> str:
    """A real export with one to three changes at random paths: a field replaced, deleted, retyped or added, a record
    duplicated, a field copied from a sibling record (duplicate ids, seats, answers), an answer's field set to what
    another step asks, a number made extreme, or the content edited (hash recomputed, so the content is loaded);
    written as text, now and then broken as text too (truncated, a stray character, a BOM)."""
    document = json.loads(json.dumps(good))
    values = nasty_values(program, hostile)
    for _ in range(draw(st.integers(1, 3))):
        everywhere = list(paths(document))
        path = draw(st.sampled_from(everywhere[1:] or everywhere))
        parent, last = (at(document, path[:-1]), path[-1]) if path else (None, None)
        target = at(document, path)
        kinds = [
            "replace",
            "replace",
            "delete",
            "add",
            "duplicate",
            "retype",
            "sibling",
            "answer",
            "answer",
            "extreme",
            "content",
        ]
        kind = draw(st.sampled_from(kinds))
        if kind == "replace" and parent is not None:
            parent[last] = draw(values)
        elif kind == "delete" and parent is not None:
            del parent[last]
        elif kind == "add" and isinstance(target, dict):
            name = draw(
                st.sampled_from(["extra", "id", "participant_id", "value", "text", "notes", "format"])
                | st.text(max_size=5)
            )
            target[name] = draw(values)
        elif kind == "duplicate" and isinstance(target, list) and target:
            target.insert(draw(st.integers(0, len(target))), json.loads(json.dumps(draw(st.sampled_from(target)))))
        elif kind == "duplicate" and isinstance(parent, list):  # a second record with the same id, or the same answer
            parent.append(json.loads(json.dumps(target)))
        elif kind == "retype" and parent is not None:
            parent[last] = draw(st.sampled_from([[target], str(target), {"value": target}]))
        elif kind == "sibling":
            lists = [
                p
                for p in everywhere
                if isinstance(at(document, p), list) and sum(isinstance(r, dict) for r in at(document, p)) > 1
            ]
            if lists:
                records = [r for r in at(document, draw(st.sampled_from(lists))) if isinstance(r, dict)]
                one, other = draw(st.permutations(records))[:2]
                if shared := sorted(set(one) & set(other)):
                    name = draw(st.sampled_from(shared))
                    one[name] = json.loads(json.dumps(other[name]))
        elif kind == "answer":
            answers = (
                [a for a in document.get("answers") or () if isinstance(a, dict)]
                if isinstance(document.get("answers"), list)
                else []
            )
            if answers:
                pools = answer_pools(program, document)
                field = draw(st.sampled_from(sorted(pools)))
                draw(st.sampled_from(answers))[field] = draw(st.sampled_from(pools[field]))
        elif kind == "extreme":
            numbers = [p for p in everywhere if type(at(document, p)) in (int, float)]
            if numbers:
                number = draw(st.sampled_from(numbers))
                at(document, number[:-1])[number[-1]] = draw(st.sampled_from(EXTREMES))
        elif kind == "content":
            sources = document["content"]["sources"] if isinstance(document.get("content"), dict) else None
            if isinstance(sources, dict) and sources and all(isinstance(source, str) for source in sources.values()):
                name = draw(st.sampled_from(sorted(sources)))
                source = sources[name] if isinstance(sources[name], str) else ""
                cut = draw(st.integers(0, len(source)))
                sources[name] = draw(
                    st.sampled_from([source[:cut], source[:cut] + "\n  - {id: x}\n" + source[cut:], "", "id: [", "\t"])
                    | st.text(EVERY_CHARACTER, max_size=30)
                )
                if draw(st.booleans()):
                    sources[draw(st.sampled_from(["sessions/extra.yaml", "../escape.yaml", "exercises/x.yaml"]))] = (
                        sources.pop(name)
                    )
                try:
                    document["content"]["content_hash"] = content_hash(sources)
                except UnicodeEncodeError:  # a lone surrogate in the content: no hash, and the import must say so
                    continue
                if isinstance(document.get("workshop"), dict):
                    document["workshop"]["content_hash"] = document["content"]["content_hash"]
    text = json.dumps(document, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    for stand_in, raw in RAW.items():
        text = text.replace(json.dumps(stand_in), raw)
    raw_edit = draw(st.sampled_from(["none"] * 6 + ["truncate", "insert", "bom"]))
    where = draw(st.integers(0, len(text)))
    if raw_edit == "truncate":
        text = text[:where]
    elif raw_edit == "insert":
        text = text[:where] + draw(st.sampled_from(['"', ",", "}", "]", "\x00", "\ud800", "\\", "NaN"])) + text[where:]
    elif raw_edit == "bom":
        text = "\ufeff" + text
    return text


def agrees(file: Any, exported: Any, where: str = "") -> None:
    """What the file says is what the new export says: each field the file gives, with the same value (a field
    the file leaves out is exported with its default). Answers are matched by whose and what (their order on
    disk is per participant); ``exported_by``, with --new-id the workshop's id, and a secret ballot's time (it
    is stored with none) are not compared."""
    if isinstance(file, dict):
        assert isinstance(exported, dict), where
        for key, value in file.items():
            if (where, key) in (("", "exported_by"), ("workshop", "id")):
                continue
            assert key in exported, f"{where}.{key} is in the file, not in the export"
            if where == "" and key == "answers":
                keyed = {_answer_key(a): a for a in exported[key]}
                assert len(keyed) == len(value) == len(exported[key]), "answers"
                for n, answer in enumerate(value):
                    if is_ballot_id(answer.get("participant_id", "")) and "at" in answer:
                        answer = {**answer, "at": ""}  # a secret ballot is stored with no time, whatever the file says
                    agrees(answer, keyed[_answer_key(answer)], f"answers[{n}]")
            else:
                agrees(value, exported[key], f"{where}.{key}" if where else key)
    elif isinstance(file, list):
        assert isinstance(exported, list) and len(file) == len(exported), where
        for n, (a, b) in enumerate(zip(file, exported, strict=True)):
            agrees(a, b, f"{where}[{n}]")
    else:
        same_kind = type(file) is type(exported) or (type(file), type(exported)) == (int, float)
        assert same_kind and file == exported, f"{where}: {file!r} in the file, {exported!r} in the export"


def _answer_key(answer: dict[str, Any]) -> tuple[str, ...]:
    return tuple(answer.get(name, "") for name in ("participant_id", "step_key", "item", "perspective"))


def import_json(text: str, data_dir: Path, *, new_id: bool, factory: pytest.TempPathFactory) -> None:
    """``bootcamp import FILE.json``, as the command runs it."""
    file = Path(tempfile.mkdtemp(dir=factory.getbasetemp())) / "in.json"
    try:
        file.write_bytes(text.encode("utf-8", "surrogatepass"))
        transfer.import_workshop(argparse.Namespace(file=str(file), new_id=new_id), Store(data_dir, FixedClock()))
    finally:
        shutil.rmtree(file.parent, ignore_errors=True)


def all_or_nothing_json(text: str, data_dir: Path, *, new_id: bool, factory: pytest.TempPathFactory) -> bool:
    """Import ``text``: a UserError leaves the data folder as it was; anything else taken is taken whole.
    Any other exception fails the test (a traceback a user would see). Whether it was taken."""
    before = snapshot(data_dir)
    store = Store(data_dir, FixedClock())
    known = {info.id for info in store.list_workshops()}
    try:
        import_json(text, data_dir, new_id=new_id, factory=factory)
    except UserError as refused:
        outcome(refused)
        assert snapshot(data_dir) == before
        assert leftovers(data_dir) == []
        return False
    outcome(None)
    (new,) = {info.id for info in store.list_workshops()} - known
    after = snapshot(data_dir)
    assert {path: raw for path, raw in after.items() if not path.startswith(f"workshops/{new}")} == before
    assert leftovers(data_dir) == []
    exported = json.loads(data_json.dumps(store.open(new).bundle()))
    # the halves of a surrogate pair are read as one character; a byte-order mark is read past
    file = json.loads(data_json.joined_surrogates(text.removeprefix("\ufeff")))
    agrees(file, exported)
    assert (exported["workshop"]["id"] == file["workshop"]["id"]) is not new_id
    return True


@examples(200)
@given(data=st.data(), new_id=st.booleans())
def test_a_broken_export_is_taken_whole_or_refused_with_nothing_changed(
    data: st.DataObject,
    new_id: bool,
    full: WorkshopBundle,
    program: Program,
    hostile: tuple[str, ...],
    json_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """``bootcamp import`` (with or without ``--new-id``) of a real export broken at random: taken whole, saying
    what the file says, or refused with a UserError and the data folder byte for byte as it was."""
    good = json.loads(data_json.dumps(full))
    text = data.draw(broken_exports(good, program, hostile), label="file")
    with fresh_copy(tmp_path_factory, json_template) as data_dir:
        all_or_nothing_json(text, data_dir, new_id=new_id, factory=tmp_path_factory)


@examples(60)
@given(data=st.data(), extreme=st.sampled_from(EXTREMES))
def test_an_extreme_number_is_refused_with_nothing_changed(
    data: st.DataObject,
    extreme: Any,
    full: WorkshopBundle,
    json_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A number too big for a float, too long to read, not a number, nested past the parser's depth: in a number's
    place (a seat, a timer) or anywhere. JSON has no NaN or infinity, so a file holding one is refused too."""
    document = json.loads(data_json.dumps(full))
    everywhere = list(paths(document))[1:]
    numbers = [path for path in everywhere if type(at(document, path)) in (int, float)]
    path = data.draw(st.sampled_from(numbers) | st.sampled_from(everywhere), label="path")
    at(document, path[:-1])[path[-1]] = extreme
    text = json.dumps(document)
    for stand_in, raw in RAW.items():
        text = text.replace(json.dumps(stand_in), raw)
    with fresh_copy(tmp_path_factory, json_template) as data_dir:
        taken = all_or_nothing_json(text, data_dir, new_id=False, factory=tmp_path_factory)
    never_a_number = extreme in ("@@overflow@@", "@@big-int@@", "@@deep@@") or (
        type(extreme) is float and not math.isfinite(extreme)
    )
    assert not (taken and never_a_number and path != ("exported_by",))  # which is not read (informational)


ANY_DOCUMENT = st.fixed_dictionaries(
    {"format": st.just(data_json.FORMAT), "version": st.just(1)},
    optional={name: JSON_VALUES for name in ("workshop", "content", "state", "room", "answers", "exported_by")},
)


@examples(100)
@given(value=JSON_VALUES | ANY_DOCUMENT)
def test_any_json_value_is_refused_with_nothing_changed(
    value: Any, json_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Any JSON value, or an object that says it is an export with any values for its parts: refused, as it was."""
    with fresh_copy(tmp_path_factory, json_template) as data_dir:
        assert not all_or_nothing_json(json.dumps(value), data_dir, new_id=False, factory=tmp_path_factory)


def test_the_good_export_itself_is_taken(
    full: WorkshopBundle, json_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The broken exports above start from a file that imports (so a refusal is the breakage's doing)."""
    with fresh_copy(tmp_path_factory, json_template) as data_dir:
        assert all_or_nothing_json(data_json.dumps(full), data_dir, new_id=False, factory=tmp_path_factory)


# -- 2. CSV: arbitrary text, and a real export broken at random ------------------------------------------------------


def write_rows(rows: list[list[str]], quoting: int, line_ends: list[str]) -> str:
    out = io.StringIO(newline="")
    for n, row in enumerate(rows):
        csv.writer(out, quoting=quoting, lineterminator=line_ends[n % len(line_ends)]).writerow(row)
    return out.getvalue()


@st.composite
def broken_csvs(draw: st.DrawFn, good: str, program: Program, hostile: tuple[str, ...]) -> str:
    """A real CSV export with cells changed, rows duplicated or dropped, columns dropped, added or reordered,
    then written with mixed line ends and quoting, and now and then its text broken (quotes, BOM, NUL)."""
    rows = list(csv.reader(io.StringIO(good, newline="")))
    cells = nasty_values(program, hostile).map(lambda v: v if isinstance(v, str) else json.dumps(v))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                [
                    "cell",
                    "cell",
                    "cell",
                    "dup-row",
                    "drop-row",
                    "drop-col",
                    "add-col",
                    "reorder",
                    "short",
                    "long",
                    "case",
                ]
            )
        )
        width = len(rows[0])
        if kind in ("cell", "drop-col") and not width:
            continue
        if kind == "cell":
            r, c = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, width - 1))
            if c < len(rows[r]):
                other = draw(st.sampled_from(rows))
                rows[r][c] = draw(
                    cells
                    | st.sampled_from(
                        [
                            other[c] if c < len(other) else "",
                            rows[r][c].upper(),
                            f" {rows[r][c]} ",
                            "'" + rows[r][c],
                            "",
                        ]
                    )
                    | st.sampled_from(
                        [
                            "=1+1",
                            "+1",
                            "-1",
                            "@SUM(A1)",
                            "\t=x",
                            "'=x",
                            "x\x00y",
                            "c" * (limits.COMMENT.chars + 1),
                            "z" * 300_000,
                        ]
                    )
                )
        elif kind == "dup-row" and len(rows) > 1:
            rows.insert(draw(st.integers(1, len(rows))), list(draw(st.sampled_from(rows[1:]))))
        elif kind == "drop-row" and len(rows) > 1:
            del rows[draw(st.integers(1, len(rows) - 1))]
        elif kind == "drop-col":
            c = draw(st.integers(0, width - 1))
            rows = [row[:c] + row[c + 1 :] for row in rows]
        elif kind == "add-col":
            c = draw(st.integers(0, width))
            name = draw(st.sampled_from(["extra", "comment", "step", "participant", ""]) | st.text(max_size=4))
            value = draw(cells)
            rows = [row[:c] + [name if n == 0 else value] + row[c:] for n, row in enumerate(rows)]
        elif kind == "reorder":
            order = draw(st.permutations(range(width)))
            rows = [[row[i] for i in order if i < len(row)] for row in rows]
        elif kind == "short":
            r = draw(st.integers(0, len(rows) - 1))
            rows[r] = rows[r][: draw(st.integers(0, len(rows[r])))]
        elif kind == "long":
            r = draw(st.integers(0, len(rows) - 1))
            rows[r] = [*rows[r], draw(cells)]
        elif kind == "case":
            rows[0] = [draw(st.sampled_from([name, name.upper(), f" {name} ", f"\ufeff{name}"])) for name in rows[0]]
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    text = write_rows(rows, quoting, draw(st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=1, max_size=3)))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        where = draw(st.integers(0, len(text)))
        text = (
            text[:where]
            + draw(st.sampled_from(['"', '"', ",", "\x00", "\r", "\n", "\ufeff", "\ud800", "'"]))
            + text[where:]
        )
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@pytest.fixture(scope="module")
def good_csv(full: WorkshopBundle, program: Program) -> str:
    return data_csv.dumps(full.info, program, full.answers)


def all_or_nothing_csv(text: str, data_dir: Path, workshop_id: str) -> bool:
    """Import ``text`` as the command does (owner lock, check every row, save): refused with a UserError and the
    workshop's folder as it was (a lock file may appear), or taken whole, merged into the stored answers (an answer
    the same as the one stored leaves it as it is; one that differs from it refuses the whole file)."""
    folder = data_dir / "workshops" / workshop_id
    before = snapshot(folder, ignore=no_locks)
    stored = by_key(WorkshopFiles(folder, FixedClock()).answers())
    store = Store(data_dir, FixedClock())
    try:
        with store.owned(workshop_id, purpose="a property test") as workshop:
            answers = data_csv.loads(text, "answers.csv", workshop.info(), workshop.program(), NOW)
            workshop.import_answers(answers)
    except UserError as refused:
        outcome(refused)
        assert snapshot(folder, ignore=no_locks) == before
        return False
    outcome(None)
    assert by_key(workshop.answers()) == by_key(answers) | stored
    checks = RecordChecks(workshop.program(), workshop.info())
    assert [problem for answer in workshop.answers() for problem in checks.answer(answer)] == []
    return True


@examples(200)
@given(data=st.data())
def test_a_broken_csv_is_taken_whole_or_refused_with_nothing_changed(
    data: st.DataObject,
    good_csv: str,
    full: WorkshopBundle,
    program: Program,
    hostile: tuple[str, ...],
    csv_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A real CSV export broken at random, imported into its own workshop (whose answers it then changes, if taken):
    taken whole, or refused with a UserError and the workshop's folder byte for byte as it was."""
    text = data.draw(broken_csvs(good_csv, program, hostile), label="file")
    with fresh_copy(tmp_path_factory, csv_template) as data_dir:
        all_or_nothing_csv(text, data_dir, full.info.id)


@examples(100)
@given(
    text=st.text(EVERY_CHARACTER)
    | st.builds(
        lambda head, body: head + body,
        st.sampled_from([",".join(data_csv.COLUMNS) + "\r\n", "participant,step,value\n"]),
        st.text(EVERY_CHARACTER),
    )
)
def test_any_text_is_taken_whole_or_refused_with_nothing_changed(
    text: str, full: WorkshopBundle, csv_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Any text, with or without a header that the import knows, as an answers CSV."""
    with fresh_copy(tmp_path_factory, csv_template) as data_dir:
        all_or_nothing_csv(text, data_dir, full.info.id)


@examples(80)
@given(data=st.data(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "bytes"]))
def test_import_answers_takes_any_file_whole_or_refuses_it(
    data: st.DataObject,
    encoding: str,
    good_csv: str,
    full: WorkshopBundle,
    program: Program,
    hostile: tuple[str, ...],
    csv_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """``bootcamp import-answers ID FILE`` on any bytes: a CSV broken at random in any encoding, or noise."""
    if encoding == "bytes":
        raw = data.draw(st.binary(max_size=2_000), label="file")
    else:
        raw = data.draw(broken_csvs(good_csv, program, hostile), label="file").encode(
            encoding, "surrogatepass" if "utf" in encoding else "replace"
        )
    with fresh_copy(tmp_path_factory, csv_template) as data_dir:
        folder = data_dir / "workshops" / full.info.id
        before = snapshot(folder, ignore=no_locks)
        stored = by_key(WorkshopFiles(folder, FixedClock()).answers())
        file = data_dir.parent / "in.csv"
        file.write_bytes(raw)
        try:
            transfer.import_answers(argparse.Namespace(id=full.info.id, file=str(file)), Store(data_dir, FixedClock()))
        except UserError as refused:
            outcome(refused)
            assert snapshot(folder, ignore=no_locks) == before
        else:  # the answers given in the file (their time now when left out) merged into those stored
            outcome(None)
            workshop = WorkshopFiles(folder, FixedClock())
            assert by_key(workshop.answers()).keys() >= stored.keys()
            checks = RecordChecks(workshop.program(), workshop.info())
            assert [problem for answer in workshop.answers() for problem in checks.answer(answer)] == []


def test_the_full_workshop_has_answers_of_every_kind(full: WorkshopBundle, program: Program) -> None:
    """The properties start from answers of every kind: each kind of step, comment only, secret ballots."""
    steps = [program.step(answer.step_key) for answer in full.answers]
    assert {StepKind.RATE, StepKind.QUESTION, StepKind.CHECK} <= {step.kind for step in steps if step is not None}
    assert any(not a.value and a.comment for a in full.answers)
    assert any(is_ballot_id(a.participant_id) and a.value for a in full.answers)
    assert any(is_ballot_id(a.participant_id) and not a.value for a in full.answers)


def test_an_import_that_cannot_save_every_participants_answers_saves_none(
    full: WorkshopBundle, good_csv: str, csv_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every answer of a valid CSV changed, the file of the second participant it names unreadable: refused, and
    none of the answers changed (the first participant's were saved before the second's file was read)."""
    rows = list(csv.reader(io.StringIO(good_csv, newline="")))
    comment = rows[0].index("comment")
    changed = write_rows(
        [rows[0], *([*row[:comment], "changed on paper", *row[comment + 1 :]] for row in rows[1:])],
        csv.QUOTE_MINIMAL,
        ["\r\n"],
    )
    with fresh_copy(tmp_path_factory, csv_template) as data_dir:
        store = Store(data_dir, FixedClock())
        folder = data_dir / "workshops" / full.info.id
        owners = list(dict.fromkeys(row[rows[0].index("participant_id")] for row in rows[1:]))
        (folder / "answers" / f"{owners[1]}.json").write_bytes(
            b'{"format": "bootcamp/answers", "version": 1, "answers": ['
        )
        before = snapshot(folder, ignore=no_locks)
        with pytest.raises(UserError, match="cannot read"):
            with store.owned(full.info.id, purpose="a property test") as workshop:
                workshop.import_answers(data_csv.loads(changed, "paper.csv", workshop.info(), workshop.program(), NOW))
        assert snapshot(folder, ignore=no_locks) == before


# -- what the properties found, each as its smallest example --------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "raw", "expected"),
    [
        ("version", "9" * 5_000, "a number of thousands of digits"),  # was ValueError (int conversion limit)
        ("version", "[" * 100_000 + "]" * 100_000, "nested too deep"),  # was RecursionError
        ("elapsed", "1" + "0" * 400, "state.timers.basics/welcome.elapsed: a number too large"),  # was OverflowError
        ("elapsed", "1e400", "state.timers.basics/welcome.elapsed: a number too large"),  # was taken as infinity
        ("elapsed", "NaN", "state.timers.basics/welcome.elapsed: nan is not a number JSON allows"),  # was taken
        ("elapsed", "-Infinity", "state.timers.basics/welcome.elapsed: a number too large"),  # was taken
        (
            "sources",
            '{"sessions/basics.yaml": "\\ud800"}',
            "content.sources: not the text of content files",
        ),  # was UnicodeEncodeError
    ],
)
def test_what_python_reads_but_no_export_holds_is_refused(
    full: WorkshopBundle, where: str, raw: str, expected: str
) -> None:
    text = data_json.dumps(full)
    if where == "version":
        text = text.replace('"version": 1', f'"version": {raw}')
    elif where == "elapsed":
        text = text.replace('"elapsed": 312.5', f'"elapsed": {raw}')
    else:
        document = json.loads(text)
        document["content"]["sources"] = json.loads(raw)
        text = json.dumps(document)
    with pytest.raises(data_json.ImportFileError, match=re.escape(expected)):
        data_json.loads(text, "x.json")


def test_a_csv_cell_holding_a_carriage_return_reads_back_whatever_the_line_end(
    full: WorkshopBundle, program: Program
) -> None:
    """``dumps(line_end="\\n")`` (the export to a terminal) wrote a comment ``x\\r`` bare: it read back as two rows."""
    answer = next(a for a in full.answers if a.participant_id == full.info.participants[0].id)
    for comment in ("x\r", "\r", "a\rb", "x\n", "x\r\n"):
        answers = [dataclasses.replace(answer, comment=comment)]
        for line_end in ("\n", "\r\n"):
            text = data_csv.dumps(full.info, program, answers, line_end=line_end)
            assert data_csv.loads(text, "x.csv", full.info, program, NOW) == answers, (comment, line_end)


def test_the_halves_of_a_surrogate_pair_in_a_file_are_read_as_the_character(
    full: WorkshopBundle, program: Program
) -> None:
    """A file holding 😀 as its two halves (CESU-8, read with surrogatepass) was stored as two code points; JSON
    can only write them as ``\\ud83d\\ude00``, which reads back as 😀, so export → import → export changed it."""
    halves, whole = "\ud83d\ude00", "😀"
    document = json.loads(data_json.dumps(full))
    document["workshop"]["name"] = halves
    assert data_json.loads(json.dumps(document, ensure_ascii=False), "x.json").info.name == whole
    answer = dataclasses.replace(
        next(a for a in full.answers if a.participant_id == full.info.participants[0].id), comment=halves
    )
    assert (
        data_csv.loads(data_csv.dumps(full.info, program, [answer]), "x.csv", full.info, program, NOW)[0].comment
        == whole
    )

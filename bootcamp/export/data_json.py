"""A workshop's data as one JSON document, and back: ``bootcamp export --format json`` / ``bootcamp import``.

The document is complete (importing it gives an identical workshop: same id, roster,
answers, notes, position and content copy) and versioned. Its fields:

``format``
    Always ``"bootcamp-workshop"``.
``version``
    The document's schema version, ``1``. A newer version is refused by older bootcamps.
``exported_by``
    The bootcamp that wrote it, e.g. ``"bootcamp 0.1.0"`` (informational).
``archived_at``
    Only in the export of an archived workshop (``bootcamp archive``): when it was put away, ISO 8601 (``""`` when
    that cannot be read). Informational: ``bootcamp import`` reads the workshop into the lists, not archived.
``workshop``
    ``id`` (generated, letters and digits), ``name``, ``organisation``, ``date``
    (YYYY-MM-DD), ``agenda`` (``"full"`` or ``"half"``), ``anonymous`` (true: no names are
    stored; participants show as P1, P2 …), ``content_hash`` (the hash of ``content.sources``),
    ``created_at`` (ISO 8601, UTC), ``follows`` (the id of the run this one was made again
    from, or ``""``; that run may not be in the library it is imported into), ``replaced_by`` and
    ``replaced_at`` (a copy ``bootcamp import --replace`` kept: the id of the workshop a copy handed back replaced it
    in, and when, ISO 8601; ``""`` for any other workshop; such a copy is never taken for an earlier run) and
    ``participants``: a list of ``id``, ``number`` (seat
    number from 1, kept when others leave), ``name`` (``""`` when anonymous), ``role`` (role
    or team, may be ``""``), ``removed`` (true: left the room; their answers are kept) and
    ``joined_at`` (ISO 8601; later than ``created_at`` for a late arrival).
``content``
    ``content_hash`` and ``sources``: the boot camp content the workshop was run with, as
    ``{"sessions/x.yaml": "<YAML text>", …}``, so its answers stay meaningful when the
    shipped content changes.
``state``
    Where the room is: ``step_key`` (``"session-id/step-id"``), ``done``, ``skipped``,
    ``revealed`` (steps whose results the room may see) and ``secret`` (steps answered by
    secret ballot): lists of step keys; ``timers``: step key → ``elapsed`` (seconds),
    ``running_since`` (epoch seconds or null) and ``extra_minutes``; ``day_started_at``
    (epoch seconds or null); the display switches ``presenter``, ``blank``,
    ``private_entry`` and ``show_timer``; ``updated_at`` (epoch seconds); ``poker_card``
    (the Aptitude Poker card under discussion, ``""`` before the first), ``card_timers``
    (card id → a timer like those above) and ``earlier_days``: for a workshop run over more than one day, the days
    before ``day_started_at``'s, oldest first, each ``started_at`` (epoch seconds), ``planned`` (planned minutes of
    what the room got through that day; below 0 when it undid more of the day before than it got through) and
    ``actual`` (minutes its step timers counted that day) and ``utc_offset``; absent for a workshop run in one day (so
    a bootcamp from before two-day workshops still imports it) and from files written before it existed.
    ``day_utc_offset`` and each earlier day's ``utc_offset``: minutes the room's clock was ahead of UTC when that day
    started (London in winter ``0``, New York ``-300``), so each day keeps the room's date wherever the workshop is
    read; absent when not kept (a day started by a bootcamp from before it: read on the reader's calendar).
``room``
    ``notes``: ``id``, ``step_key``, ``text``, ``at``, ``quick`` (added from anywhere with the
    quick-note key); ``role_lines``: ``id``, ``text`` (a line of the organisation's CCO role
    description), ``decision`` (``"strategic"``, ``"tactical"``, ``"undecided"``: the room left it undecided,
    or ``""``: not decided yet), ``at``;
    ``poker``: the Aptitude Poker deal, per card ``card_id`` (an aptitude id), ``holder`` (a
    participant id) and ``notes`` (prompt id → text); ``actions``: ``id``, ``what``,
    ``owner``, ``due`` (YYYY-MM-DD or ``""``), ``status`` (``open``, ``doing``, ``done``,
    ``dropped``), ``source`` (a step key or ``"poker:<card-id>"``), ``at`` and ``status_at``
    (YYYY-MM-DD: the day it was marked done or dropped after the workshop, e.g. in the actions
    view; ``""`` when it never was, and absent from files written before it existed).
``voted``
    Only in the export of a workshop where someone cast a secret ballot from a phone: the roll of voters, step key
    → the ids of the participants who cast a ballot there (never which ballot), so a phone does not vote twice on
    the laptop the workshop is taken to.
``answers``
    One object per answer: ``participant_id`` (a participant's id, or a secret-ballot id
    that links to no one), ``step_key``, ``item`` (the aptitude for a rating, the structure
    question for a role check, ``""`` for a question step), ``perspective`` (``"self"`` or
    ``"team"`` for ratings, else ``""``), ``value`` (an option id of the step's scale),
    ``comment`` and ``at`` (ISO 8601, UTC).

Text is stored exactly as typed. In the file, control characters, C1 controls and lone
surrogates are written as ``\\uXXXX`` escapes, so printing the file cannot drive a terminal.
Numbers are JSON's: a field holding ``NaN``, ``Infinity`` or a number too large is refused.
A surrogate pair written as its two halves (CESU-8) is read as the one character it encodes.
"""

from __future__ import annotations

import json
import re
import shlex
from typing import TYPE_CHECKING, Any

from bootcamp import __version__
from bootcamp.checks import ManyProblems, bundle_problems
from bootcamp.errors import UserError
from bootcamp.store import WorkshopBundle
from bootcamp.store.codec import ShapeError, from_json, to_json
from bootcamp.store.files import StoredContent
from bootcamp.store.ids import id_problem
from bootcamp.store.model import Answer, RoomRecords, WorkshopInfo, WorkshopState

if TYPE_CHECKING:
    from bootcamp.content.model import Program

FORMAT = "bootcamp-workshop"
PERSON_FORMAT = "bootcamp-person"  # bootcamp export --person's (person_copy.py): one person's answers, no workshop
VERSION = 1
_FIELDS = ("format", "version", "exported_by", "archived_at", "workshop", "content", "state", "room", "answers", "voted")
# json.dumps(ensure_ascii=False) leaves these raw; inside JSON strings \uXXXX is equivalent and inert.
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class ImportFileError(UserError):
    """An export file that cannot be imported; the message names the file and the field."""


class RecordsRefused(ManyProblems, ImportFileError):
    """An export file whose records break :mod:`bootcamp.checks`: every one, ``FILE: answers[3].value: problem``."""


def to_document(bundle: WorkshopBundle, *, archived_at: str | None = None) -> dict[str, Any]:
    """The export; ``archived_at``: when the workshop was put away (absent when it is not, so a bootcamp from before
    the field, which refuses a field it does not know, still imports every export of a workshop in the lists)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_by": f"bootcamp {__version__}",
        **({"archived_at": archived_at} if archived_at is not None else {}),
        "workshop": to_json(bundle.info),
        "content": {"content_hash": bundle.content.content_hash, "sources": dict(sorted(bundle.content.sources.items()))},
        "state": _state(bundle),
        "room": to_json(bundle.room),
        "answers": [to_json(answer) for answer in bundle.answers],
        # Only when someone voted: a bootcamp from before the field (which refuses one it does not know) still
        # imports every other export.
        **({"voted": {step: list(ids) for step, ids in sorted(bundle.voted.items())}} if bundle.voted else {}),
    }


def _state(bundle: WorkshopBundle) -> dict[str, Any]:
    """The state, without ``earlier_days`` for a workshop run in one day: a bootcamp from before two-day workshops then
    still imports it (it refuses a field it does not know). Never with when the clocks last stopped, for the same
    reason: without it an import reads a pause as state.json files from before it did (Flow.last_ran)."""
    state = to_json(bundle.state)
    if not bundle.state.earlier_days:
        del state["earlier_days"]
    del state["clocks_stopped_at"]
    # Absent when not kept, as a bootcamp from before it wrote them.
    if state["day_utc_offset"] is None:
        del state["day_utc_offset"]
    for day in state.get("earlier_days", []):
        if day["utc_offset"] is None:
            del day["utc_offset"]
    return state


def dumps(bundle: WorkshopBundle, *, archived_at: str | None = None) -> str:
    return document_text(to_document(bundle, archived_at=archived_at))


def document_text(document: dict[str, Any]) -> str:
    """An export document as its file holds it: indented, control characters written as escapes."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def joined_surrogates(text: str) -> str:
    """``text`` with each high surrogate followed by a low one read as the one character the pair encodes.

    A file read with ``surrogatepass`` holds such a pair as two code points when it was written as CESU-8.
    Kept apart, the halves could not go out again: JSON writes them as ``\\ud83d\\ude00``, which every
    reader (this one too) takes for 😀. So both imports join them, and no stored text holds the halves;
    a lone surrogate stays as it is.
    """
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def json_problem(error: json.JSONDecodeError) -> str:
    """The parser's reason whole, with where: "not valid JSON: unterminated string starting at line 54, column 12"."""
    reason = error.msg[:1].lower() + error.msg[1:]
    where = f"{'' if reason.endswith(' at') else ' at'} line {error.lineno}, column {error.colno}"
    # An unterminated string runs to the end of the file: both mean the file ends too soon.
    cut = error.msg.startswith("Unterminated string") or not error.doc[error.pos :].strip()
    ends = " (the file ends too soon: it may have been cut short)" if cut else ""
    return f"not valid JSON: {reason}{where}{ends}"


def loads(text: str, source: str) -> WorkshopBundle:
    """The workshop in an export file's ``text``; ImportFileError naming ``source`` and the field if it is wrong."""
    try:  # a byte-order mark (a Windows editor's "UTF-8 with BOM") only says the text is UTF-8
        document = json.loads(joined_surrogates(text.removeprefix("\ufeff")))
    except json.JSONDecodeError as error:
        if _looks_like_answers_csv(text):
            raise ImportFileError(
                f"{source}: a CSV of answers, not a workshop export (JSON); to add its answers to a workshop, "
                f"use: bootcamp import-answers ID {shlex.quote(source)}"
            ) from None
        raise ImportFileError(f"{source}:{error.lineno}: {json_problem(error)}") from None
    except ValueError:  # a whole number longer than Python converts (4,300 digits), which no export writes
        what = "a number of thousands of digits"
        raise ImportFileError(f"{source}: not an export ({what}); nothing was imported") from None
    except RecursionError:  # lists or objects nested deeper than the parser goes, which no export nests
        what = "lists or objects nested too deep"
        raise ImportFileError(f"{source}: not an export ({what}); nothing was imported") from None
    if isinstance(document, dict) and document.get("format") == PERSON_FORMAT:
        raise ImportFileError(
            f"{source}: one person's own copy (bootcamp export --person), not a workshop export: it holds their answers "
            "alone and cannot be imported; nothing was imported (export the workshop without --person to move it)"
        )
    try:
        bundle, program = _from_document(document)
    except ShapeError as error:
        raise ImportFileError(f"{source}: {error}; nothing was imported") from None
    problems = bundle_problems(bundle, program)  # what the store would refuse, said with the file's name
    if problems:
        raise RecordsRefused(source, [f"{source}: {problem}" for problem in problems])
    return bundle


def _looks_like_answers_csv(text: str) -> bool:
    """Whether ``text`` starts with the header ``bootcamp import-answers`` reads (as ``export --format csv`` writes
    it, or a sheet typed after it): comma or semicolon separated, with the step and value columns it needs."""
    header = text.lstrip("\ufeff").partition("\n")[0]
    return any(
        {"step", "value"} <= {cell.strip().strip('"').lower() for cell in header.split(separator)}
        for separator in (",", ";")
    )


def _from_document(document: Any) -> tuple[WorkshopBundle, Program]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ShapeError("format", f'not a bootcamp workshop export (expected "format": "{FORMAT}")')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ShapeError("version", f"{version!r} is not a version number")
    if version > VERSION:
        raise ShapeError("version", f"written by a newer bootcamp (version {version}; this one reads up to {VERSION})")
    unknown = sorted(set(document) - set(_FIELDS))
    if unknown:
        raise ShapeError(unknown[0], "unknown field")
    for name in ("workshop", "content", "state", "room", "answers"):
        if name not in document:
            raise ShapeError(name, "missing")
    info = from_json(WorkshopInfo, document["workshop"], "workshop")
    content = from_json(StoredContent, document["content"], "content")
    state = from_json(WorkshopState, document["state"], "state")
    room = from_json(RoomRecords, document["room"], "room")
    answers = from_json(tuple[Answer, ...], document["answers"], "answers")
    voted = from_json(dict[str, tuple[str, ...]], document.get("voted", {}), "voted")
    program = _check(info, content)
    seated = {person.id for person in info.participants}
    for step, ids in voted.items():
        if stranger := next((voter for voter in ids if voter not in seated), None):
            raise ShapeError(f"voted.{step}", f"{stranger!r} is not a participant of the workshop")
    voted = {step: tuple(sorted(set(ids))) for step, ids in voted.items() if ids}
    bundle = WorkshopBundle(info=info, content=content, state=state, room=room, answers=answers, voted=voted)
    return bundle, program


def _check(info: WorkshopInfo, content: StoredContent) -> Program:
    """The file holds one workshop and the content it ran with, unchanged; its records are checked after."""
    from bootcamp.content import ContentError, load_sources
    from bootcamp.content.loader import content_hash

    if problem := id_problem(info.id, "workshop"):
        raise ShapeError("workshop.id", problem)
    try:
        found = content_hash(content.sources)
    except UnicodeEncodeError:  # a lone surrogate, which no file read as UTF-8 holds
        raise ShapeError("content.sources", "not the text of content files (it holds a lone surrogate)") from None
    if found != content.content_hash:
        raise ShapeError("content.content_hash", "does not match content.sources (was the content edited?)")
    if info.content_hash != content.content_hash:
        raise ShapeError("workshop.content_hash", "does not match content.content_hash")
    try:
        return load_sources(content.sources)
    except ContentError as error:
        raise ShapeError("content.sources", f"the workshop's content does not load: {error.problems[0]}") from None

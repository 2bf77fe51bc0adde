"""What every record coming in must be, checked once whichever way it came (no Textual, no files).

One validator per kind of record: the workshop, a participant, an answer, a room note, a role
line, an action (and a Poker note). The console, ``bootcamp new``, both imports, the demo and a
participant's phone all ask these, so a record one of them takes the others take too, and a
record one refuses the others refuse with the same sentence; each way in only says where
(a CSV's line and column, a JSON file's field, the console's field).

What a step accepts as an answer is :meth:`Program.asks`; the limits on text are
:mod:`bootcamp.limits` (listed in the README): each refusal names the limit it broke.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bootcamp.dates import parse_date
from bootcamp.errors import UserError
from bootcamp.limits import (
    ACTION_OWNER,
    ACTION_WHAT,
    COMMENT,
    MAX_PARTICIPANTS,
    NOTE,
    ORGANISATION,
    PERSON_NAME,
    ROLE,
    ROLE_LINE,
    WORKSHOP_NAME,
    Limit,
)
from bootcamp.names import folded_name, name_key
from bootcamp.store.ids import id_problem, is_ballot_id
from bootcamp.store.model import (
    Action,
    Answer,
    Participant,
    RoleLine,
    RoomNote,
    RoomRecords,
    WorkshopInfo,
    WorkshopState,
)

if TYPE_CHECKING:
    from bootcamp.content.model import Program
    from bootcamp.store.workshop import WorkshopBundle


# "undecided": the room talked the line over and could not say; "": not decided yet (never talked over).
ROLE_DECISIONS = ("strategic", "tactical", "undecided", "")
SHOWN_PROBLEMS = 20  # a long list of problems shows this many in full, then how many more


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: the field (as the record names it) and what is wrong, in one sentence."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class RecordRefused(UserError):
    """A record refused by a check, nothing changed: ``str()`` is ``<outcome>: <field>: <problem>``, e.g.
    ``the note was not kept: text: a note is needed``, and how many more problems there are."""

    def __init__(self, outcome: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        super().__init__(f"{outcome}: {self.problems[0]}" + (f" (and {more} more)" if more else ""))


def refuse(outcome: str, problems: Sequence[Problem]) -> None:
    """Raise :class:`RecordRefused` when there are ``problems``."""
    if problems:
        raise RecordRefused(outcome, problems)


def too_long(limit: Limit, text: str) -> str:
    """Why ``text`` breaks ``limit``, or "" when it fits."""
    if len(text) <= limit.chars:
        return ""
    return f"{len(text):,} characters; {limit.what} may have at most {limit.chars:,}"


def _text(field: str, text: str, limit: Limit, *, required: bool) -> Iterator[Problem]:
    if required and not text.strip():
        yield Problem(field, f"{limit.what} is needed")
    elif problem := too_long(limit, text):
        yield Problem(field, problem)


# -- the workshop and its roster --------------------------------------------------------------------------------


def workshop_problems(name: str, organisation: str) -> tuple[Problem, ...]:
    """A workshop's own fields: a name and an organisation, neither blank, each within its limit."""
    return (*_text("name", name, WORKSHOP_NAME, required=True), *_text("organisation", organisation, ORGANISATION, required=True))


def next_run_date_problem(run_date: str, follows: WorkshopInfo) -> str:
    """A run made again comes after the run it follows (compare and Progress read it so): why not, or ""."""
    if run_date >= follows.date:  # both ISO dates
        return ""
    return f"{run_date} is before {follows.date}, the date of the run it follows (workshop {follows.id})"


def participant_problems(name: str, role: str, *, anonymous: bool) -> tuple[Problem, ...]:
    """One seat: a name (none at all in an anonymous workshop) and an optional role."""
    if anonymous:
        found = [Problem("name", "an anonymous workshop stores no names")] if name else []
    else:
        found = list(_text("name", name, PERSON_NAME, required=True))
    found.extend(_text("role", role, ROLE, required=False))
    return tuple(found)


def roster_problems(people: Sequence[tuple[str, str]], *, anonymous: bool) -> tuple[Problem, ...]:
    """A roster as ``(name, role)`` pairs: at least one seat, at most :data:`MAX_PARTICIPANTS`, each seat checked
    (in an anonymous workshop the names given are dropped, not stored, so only the roles are)."""
    size = _roster_size_problem(len(people))
    if size is not None:
        return (size,)
    found: list[Problem] = []
    for number, (name, role) in enumerate(people, start=1):
        for problem in participant_problems("" if anonymous else name, role, anonymous=anonymous):
            found.append(Problem(f"participant {number} {problem.field}", problem.message))
    return tuple(found)


def _roster_size_problem(count: int) -> Problem | None:
    if not count:
        return Problem("participants", "nobody is listed; a workshop needs at least one participant")
    if count > MAX_PARTICIPANTS:
        return Problem("participants", f"{count:,} listed; a workshop may have at most {MAX_PARTICIPANTS}")
    return None


def said_of_the_roster(problem: Problem) -> str:
    """A problem of :func:`roster_problems` as said beside the typed roster: ``participant 3 name: …``, or just
    the message when it is about the whole roster."""
    seat = problem.field.removeprefix("participants").strip()
    return f"{seat}: {problem.message}" if seat else problem.message


def roster_warnings(people: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """What is allowed but probably a slip: the same name twice (the room could not tell them apart), or two names a
    phone reads as one ("Renee" and "Renée": a phone matches a typed name with accents and apostrophes aside)."""
    as_a_phone_reads: dict[str, list[str]] = {}
    for name, _role in people:
        if folded_name(name):
            as_a_phone_reads.setdefault(name_key(name), []).append(name)
    warnings = []
    for names in (names for names in as_a_phone_reads.values() if len(names) > 1):
        spellings: dict[str, str] = {}  # as the roster compares it → as first typed
        for name in names:
            spellings.setdefault(folded_name(name), name)
        if len(spellings) == 1:
            warnings.append(f"{names[0]!r} is listed twice; add an initial or a role to tell them apart")
        else:
            together = " and ".join(repr(name) for name in spellings.values())
            warnings.append(f"{together} read as one name on a phone; add an initial or a role to tell them apart")
    return tuple(warnings)


def info_problems(info: WorkshopInfo) -> tuple[Problem, ...]:
    """A stored workshop (``workshop.json``, an export's ``workshop``): its fields, its date and every seat.
    Not its id: a new workshop is given one as it is stored."""
    found = list(workshop_problems(info.name, info.organisation))
    try:
        parse_date(info.date, what="the date")
    except UserError as error:
        found.append(Problem("date", str(error).removeprefix("the date ")))
    size = _roster_size_problem(len(info.participants))
    if size is not None:
        found.append(size)
    if info.follows and (problem := id_problem(info.follows, "workshop")):
        found.append(Problem("follows", problem))
    if info.replaced_by and (problem := id_problem(info.replaced_by, "workshop")):
        found.append(Problem("replaced_by", problem))
    if info.replaced_at and not _is_time(info.replaced_at):
        found.append(Problem("replaced_at", _time_problem(info.replaced_at)))
    ids: set[str] = set()
    numbers: set[int] = set()
    for n, seat in enumerate(info.participants, 1):  # positions counted from 1, as in every problem
        where = f"participants[{n}]"
        found.extend(Problem(f"{where}.{p.field}", p.message) for p in seat_problems(seat, anonymous=info.anonymous))
        if seat.id in ids:
            found.append(Problem(f"{where}.id", f"{seat.id!r} is given to two participants"))
        if seat.number in numbers:
            found.append(Problem(f"{where}.number", f"seat {seat.number} is given to two participants"))
        ids.add(seat.id)
        numbers.add(seat.number)
    return tuple(found)


def seat_problems(seat: Participant, *, anonymous: bool) -> tuple[Problem, ...]:
    found = list(participant_problems(seat.name, seat.role, anonymous=anonymous))
    if problem := id_problem(seat.id, "participant"):
        found.append(Problem("id", problem))
    elif is_ballot_id(seat.id):  # answers stored under it would read as secret ballots
        found.append(Problem("id", f"{seat.id!r} cannot be a participant id: it has the form of a secret ballot's"))
    if seat.number < 1:
        found.append(Problem("number", f"{seat.number} is not a seat number (1, 2, 3 …)"))
    if seat.joined_at and not _is_time(seat.joined_at):
        found.append(Problem("joined_at", _time_problem(seat.joined_at)))
    return tuple(found)


# -- what the room says ---------------------------------------------------------------------------------------


class RecordChecks:
    """The checks of records said in one workshop: answers against what each step asks, notes, role lines, actions."""

    def __init__(self, program: Program, info: WorkshopInfo) -> None:
        self.program = program
        self.info = info
        self._agenda = frozenset(step.key for step in program.steps(info.agenda))

    def answer(self, answer: Answer) -> tuple[Problem, ...]:
        """An answer: whose (a participant of this workshop, or a secret ballot), to a step of this workshop's
        agenda that takes answers, about an item and perspective the step asks, with an option of its scale
        (or only a comment), a comment within its limit and, when given, a time it was given."""
        found: list[Problem] = []
        pid = answer.participant_id
        if self.info.participant(pid) is None and not is_ballot_id(pid):
            found.append(Problem("participant_id", f"{pid!r} is neither a participant of this workshop nor a secret ballot"))
        found.extend(self._answered(answer))
        if problem := too_long(COMMENT, answer.comment):
            found.append(Problem("comment", problem))
        if answer.at and not _is_time(answer.at):
            found.append(Problem("at", _time_problem(answer.at)))
        return tuple(found)

    def _answered(self, answer: Answer) -> Iterator[Problem]:
        step = self.program.step(answer.step_key) if answer.step_key else None
        if not answer.step_key:
            yield Problem("step_key", "missing")
            return
        if step is None:
            yield Problem("step_key", f"unknown step {answer.step_key!r} (steps are session-id/step-id, as in an export)")
            return
        if step.key not in self._agenda:
            yield Problem("step_key", f"{step.key!r} is not on this workshop's {self.info.agenda} agenda")
            return
        asks = self.program.asks(step)
        if asks is None:
            yield Problem("step_key", f"{step.key!r} is a {step.kind.value} step, which takes no answers")
            return
        if not answer.value and answer.comment:  # a comment given before (or without) an answer
            value = asks.scale.options[0].id
        elif not answer.value:
            yield Problem("value", "empty; give an option of the scale, or a comment")
            return
        else:
            value = answer.value
        for field, message in asks.problems(answer.item, answer.perspective, value):
            yield Problem(field, message)

    def note(self, note: RoomNote) -> tuple[Problem, ...]:
        found = list(_text("text", note.text, NOTE, required=True))
        if self.program.step(note.step_key) is None:
            found.append(Problem("step_key", f"unknown step {note.step_key!r}"))
        return tuple(found)

    def role_line(self, line: RoleLine) -> tuple[Problem, ...]:
        found = list(_text("text", line.text, ROLE_LINE, required=True))
        if line.decision not in ROLE_DECISIONS:
            found.append(Problem("decision", f"{line.decision!r} is neither strategic, tactical nor undecided"))
        return tuple(found)

    def action(self, action: Action) -> tuple[Problem, ...]:
        found = [*_text("what", action.what, ACTION_WHAT, required=True), *_text("owner", action.owner, ACTION_OWNER, required=False)]
        if action.due.strip():
            try:
                parse_date(action.due, what="the due date")
            except UserError as error:
                found.append(Problem("due", str(error).removeprefix("the due date ")))
        if action.status_at.strip():
            try:
                parse_date(action.status_at, what="the day marked")
            except UserError as error:
                found.append(Problem("status_at", str(error).removeprefix("the day marked ")))
        source = action.source
        if source and not source.startswith("poker:") and self.program.step(source) is None:
            found.append(Problem("source", f"unknown step {source!r}"))
        return tuple(found)

    def poker_note(self, text: str) -> tuple[Problem, ...]:
        return tuple(_text("text", text, NOTE, required=False))

    def room(self, room: RoomRecords) -> tuple[Problem, ...]:
        """Every record of ``room.json``, each problem named by where it is (``notes[2].text``)."""
        found: list[Problem] = []
        for name, records, check in (
            ("notes", room.notes, self.note),
            ("role_lines", room.role_lines, self.role_line),
            ("actions", room.actions, self.action),
        ):
            ids: set[str] = set()
            for n, record in enumerate(records, 1):
                found.extend(Problem(f"{name}[{n}].{p.field}", p.message) for p in check(record))  # type: ignore[operator]
                if record.id in ids or not record.id:
                    found.append(Problem(f"{name}[{n}].id", f"{record.id!r} is not a new id"))
                ids.add(record.id)
        for n, card in enumerate(room.poker, 1):
            if card.holder and self.info.participant(card.holder) is None:
                found.append(Problem(f"poker[{n}].holder", f"{card.holder!r} is not a participant of this workshop"))
            for prompt, text in card.notes.items():
                found.extend(Problem(f"poker[{n}].notes.{prompt}", p.message) for p in self.poker_note(text))
        return tuple(found)

    def answers(self, answers: Iterable[Answer]) -> tuple[Problem, ...]:
        """Every answer (``answers[3].value``), and no two by the same participant to the same item."""
        found: list[Problem] = []
        seen: set[tuple[str, tuple[str, str, str]]] = set()
        for n, answer in enumerate(answers, 1):
            found.extend(Problem(f"answers[{n}].{p.field}", p.message) for p in self.answer(answer))
            if (answer.participant_id, answer.key) in seen:
                found.append(Problem(f"answers[{n}]", "a second answer by the same participant to the same item"))
            seen.add((answer.participant_id, answer.key))
        return tuple(found)


def bundle_problems(bundle: WorkshopBundle, program: Program) -> tuple[Problem, ...]:
    """A whole workshop as stored or exported, each problem named by its field in an export
    (``workshop.name``, ``room.notes[2].text``, ``answers[3].value``): what the store checks before it
    writes a workshop, whether it came from ``new``, an import or the demo."""
    info = bundle.info
    checks = RecordChecks(program, info)
    found = [Problem(f"workshop.{p.field}", p.message) for p in info_problems(info)]
    if program.agenda(info.agenda) is None:
        known = ", ".join(a.id for a in program.agendas)
        found.append(Problem("workshop.agenda", f"{info.agenda!r} is not an agenda of this content (it has: {known})"))
    found.extend(Problem(f"room.{p.field}", p.message) for p in checks.room(bundle.room))
    found.extend(checks.answers(bundle.answers))
    found.extend(Problem(f"state.{p.field}", p.message) for p in state_problems(bundle.state))
    return tuple(found)


# -- where the room is -----------------------------------------------------------------------------------------

# The last moment a state's clock may read (the year 3000): the day clock and the summary show each as a date, which
# a time far beyond any calendar (1e20 seconds) cannot be.
LATEST_EPOCH_SECONDS = 32_503_680_000.0
# The most minutes a day's record may hold, either way: a year's. The day clock adds them to a time it shows.
DAY_RECORD_MINUTES = 366 * 24 * 60.0


def state_problems(state: WorkshopState) -> tuple[Problem, ...]:
    """The times and minutes of the room's clocks, as an import brings them: each a moment of a calendar; a day's
    minutes within a year, its timed ones not below 0 (its planned ones may be: a step got through the day before
    and undone that day)."""
    times = [("day_started_at", state.day_started_at), ("updated_at", state.updated_at)]
    times += [("clocks_stopped_at", state.clocks_stopped_at)]
    times += [(f"timers.{key}.running_since", timer.running_since) for key, timer in state.timers.items()]
    times += [(f"card_timers.{key}.running_since", timer.running_since) for key, timer in state.card_timers.items()]
    times += [(f"earlier_days[{n}].started_at", day.started_at) for n, day in enumerate(state.earlier_days, 1)]
    found = [
        Problem(field, f"{seconds!r} is not a time (epoch seconds from 1970 to the year 3000)")
        for field, seconds in times
        if seconds is not None and not 0 <= seconds < LATEST_EPOCH_SECONDS
    ]
    offsets = [("day_utc_offset", state.day_utc_offset)]
    offsets += [(f"earlier_days[{n}].utc_offset", day.utc_offset) for n, day in enumerate(state.earlier_days, 1)]
    found += [
        Problem(field, f"{minutes!r} minutes is not a clock's offset from UTC (from -720 to 840)")
        for field, minutes in offsets
        if minutes is not None and not -12 * 60 <= minutes <= 14 * 60
    ]
    for n, day in enumerate(state.earlier_days, 1):
        if not 0 <= day.actual <= DAY_RECORD_MINUTES:
            found.append(Problem(f"earlier_days[{n}].actual", f"{day.actual!r} minutes: {_NOT_A_DAY}"))
        if not -DAY_RECORD_MINUTES <= day.planned <= DAY_RECORD_MINUTES:
            found.append(Problem(f"earlier_days[{n}].planned", f"{day.planned!r} minutes: {_NOT_A_DAY}"))
    return tuple(found)


_NOT_A_DAY = f"a day's record holds from 0 to {DAY_RECORD_MINUTES:,.0f} minutes (a year)"


# -- many problems -----------------------------------------------------------------------------------------------


def capped(lines: Sequence[str], *, how_to_see_all: str, shown: int = SHOWN_PROBLEMS) -> list[str]:
    """The first ``shown`` lines in full, then one line saying how many more and how to see them all."""
    if len(lines) <= shown:
        return list(lines)
    return [*lines[:shown], f"and {len(lines) - shown:,} more like these; {how_to_see_all}"]


class ManyProblems(UserError):
    """A file refused with every problem found, each a line naming where (``FILE:LINE: column: problem``).

    ``str()`` shows the first :data:`SHOWN_PROBLEMS` in full, then how many more; ``lines`` holds them all
    (``--problems-to FILE`` writes them there).
    """

    SEE_ALL = "add --problems-to FILE to get every one in a file"

    def __init__(self, source: str, lines: Sequence[str], *, outcome: str = "nothing was imported") -> None:
        self.source = source
        self.lines = list(lines)
        noun = "problem" if len(self.lines) == 1 else "problems"
        self.heading = f"{len(self.lines):,} {noun} in {source}; {outcome}"
        super().__init__("\n".join([f"{self.heading}:", *capped(self.lines, how_to_see_all=self.SEE_ALL)]))

    def written_to(self, path: str) -> str:
        """The message once every problem was written to ``path``."""
        shown = capped(self.lines, how_to_see_all=f"every one is in {path}")
        if len(shown) == len(self.lines):
            shown.append(f"(also written to {path})")
        return "\n".join([f"{self.heading}:", *shown])


def _is_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _time_problem(text: str) -> str:
    return f"{text!r} is not a date and time like 2026-09-21T10:30:00+00:00"

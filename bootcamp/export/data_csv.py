"""Answers as CSV, one row per answer, and back: ``bootcamp export --format csv`` / ``bootcamp import-answers``.

Columns (the export writes all of them, in this order; an import needs ``step``,
``value`` and ``participant_id`` or ``participant``; the rest may be left out):

``workshop_id``   the workshop's id; an import checks it when given.
``participant_id`` the participant's id, or a secret-ballot id (then ``participant`` is empty).
``participant``   the participant's display name (P1, P2 … in an anonymous workshop). An
                  import may name a participant by this alone (exactly as shown in
                  ``bootcamp export``, or differing only in case).
``step``          ``session-id/step-id`` of a rate, question or check step.
``item``          the aptitude id of a rating (its title also works on import), the
                  structure question id of a role check, empty for a question step.
``perspective``   ``self`` or ``team`` for a rating, else empty.
``value``         an option id of the step's scale (its label also works on import).
``comment``       free text.
``at``            when it was given, ISO 8601; empty on import means the time ``loads`` is given
                  (``bootcamp import-answers`` gives the workshop's date).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or ``'`` is
written with a ``'`` in front, so a spreadsheet shows it as text instead of running it
as a formula; an import removes that one ``'`` again, so the round trip is exact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bootcamp.checks import ManyProblems, RecordChecks
from bootcamp.content.model import Asks, Program, StepKind
from bootcamp.export.data_json import joined_surrogates
from bootcamp.store import is_ballot_id
from bootcamp.store.model import Answer, Participant, WorkshopInfo

COLUMNS = ("workshop_id", "participant_id", "participant", "step", "item", "perspective", "value", "comment", "at")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
Report = Callable[[str, str], None]  # (column, problem)


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


# -- export ------------------------------------------------------------------------------------------------------


def answer_rows(info: WorkshopInfo, program: Program, answers: Iterable[Answer]) -> list[list[str]]:
    """One row per answer, in agenda order, then by seat number, item and perspective."""
    steps = {step.key: n for n, step in enumerate(program.steps(info.agenda))}
    seats = {p.id: p for p in info.participants}

    def order(answer: Answer) -> tuple:
        participant = seats.get(answer.participant_id)
        step = program.step(answer.step_key)
        asks = program.asks(step) if step else None
        items = asks.item_ids if asks else ()
        return (
            steps.get(answer.step_key, len(steps)),
            answer.step_key,
            participant.number if participant else len(seats) + 1,
            answer.participant_id,
            items.index(answer.item) if answer.item in items else len(items),
            answer.item,
            answer.perspective,
        )

    rows = []
    for answer in sorted(answers, key=order):
        participant = seats.get(answer.participant_id)
        rows.append(
            [
                info.id,
                answer.participant_id,
                participant.display_name if participant else "",
                answer.step_key,
                answer.item,
                answer.perspective,
                answer.value,
                answer.comment,
                answer.at,
            ]
        )
    return rows


def dumps(info: WorkshopInfo, program: Program, answers: Iterable[Answer], *, line_end: str = "\r\n") -> str:
    # The csv module quotes a cell holding a character of its line terminator, no other: with "\n" alone a
    # comment's lone CR went out bare and read back as the end of its row. Written with "\r\n", every cell
    # holding a CR or an LF is quoted; each row's own "\r\n" then becomes ``line_end``.
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    lines = []
    for row in [list(COLUMNS), *([neutralise(cell) for cell in row] for row in answer_rows(info, program, answers))]:
        writer.writerow(row)
        lines.append(out.getvalue().removesuffix("\r\n") + line_end)
        out.seek(0)
        out.truncate()
    return "".join(lines)


# -- import ------------------------------------------------------------------------------------------------------


class AnswerImportError(ManyProblems):
    """Bad rows in an answers CSV: every one found, each ``FILE:LINE: column: problem``; nothing was imported."""

    @property
    def problems(self) -> list[str]:
        return self.lines


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class ImportedRow:
    """An answer read from a CSV, the line it was read from, and whether its time is ``now`` (no ``at`` given)."""

    line: int
    answer: Answer
    stamped: bool


def loads(text: str, source: str, info: WorkshopInfo, program: Program, now: str) -> list[Answer]:
    """The answers in a CSV's ``text``, all checked against the workshop; AnswerImportError lists every bad row.
    ``now`` is the time of an answer given without one."""
    return [row.answer for row in read_rows(text, source, info, program, now)]


def read_rows(text: str, source: str, info: WorkshopInfo, program: Program, now: str) -> list[ImportedRow]:
    """As :func:`loads`, each answer with its line and whether it was given ``now`` for want of a time."""
    # The text is in memory already: a cell longer than the csv module's own limit is read, so that its
    # refusal names our limit (a comment's), the same sentence the JSON import and the console give.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        return _loads(text, source, info, program, now)
    finally:
        csv.field_size_limit(limit)


def _loads(text: str, source: str, info: WorkshopInfo, program: Program, now: str) -> list[ImportedRow]:
    text = joined_surrogates(text.removeprefix("\ufeff"))
    first_line = text.split("\n", 1)[0]
    # Excel where the decimal mark is a comma (most of Europe) saves "CSV" separated by semicolons: read it as such.
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    # strict: a quote never closed is an error, not the rest of the file read into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[str] = []
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise AnswerImportError(source, [f"{source}:1: header: {error}"]) from None
    if header is None:
        raise AnswerImportError(source, [f"{source}:1: header: the file is empty"])
    columns = [name.strip().lower() for name in header]
    unknown = [name for name in columns if name not in COLUMNS]
    if unknown:
        problems.append(f"{source}:1: header: unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")
    for needed in ("step", "value"):
        if needed not in columns:
            problems.append(f"{source}:1: header: the {needed!r} column is missing")
    if "participant_id" not in columns and "participant" not in columns:
        problems.append(f"{source}:1: header: a 'participant_id' or 'participant' column is needed")
    duplicated = sorted({name for name in columns if columns.count(name) > 1})
    if duplicated:
        problems.append(f"{source}:1: header: the column {duplicated[0]!r} appears twice")
    if problems:
        raise AnswerImportError(source, problems)

    rows: list[_Row] = []
    line = reader.line_num + 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(record) > len(columns):
                    problems.append(f"{source}:{line}: row: {len(record)} cells, but the header has {len(columns)}")
                else:
                    cells = {name: restore(cell) for name, cell in zip(columns, record)}
                    rows.append(_Row(line, {name: cells.get(name, "") for name in COLUMNS}))
            line = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):  # what strict says of a quote left open to the end
            problems.append(
                f"{source}:{line}: row: a quoted cell opened on this line is never closed (a \" is missing), "
                "so the rest of the file would be read into it"
            )
        else:
            problems.append(f"{source}:{reader.line_num}: row: {error}")

    checker = _RowChecker(source, info, program, now)
    answers = []
    first_line: dict[tuple[str, tuple[str, str, str]], int] = {}
    for row in rows:
        answer = checker.answer(row, problems)
        if answer is None:
            continue
        seen = first_line.setdefault((answer.participant_id, answer.key), row.line)
        if seen != row.line:
            problems.append(f"{source}:{row.line}: step: a second answer by the same participant (first on line {seen})")
            continue
        answers.append(ImportedRow(row.line, answer, bool(answer.at) and not row.cells["at"]))
    if problems:
        raise AnswerImportError(source, problems)
    return answers


# The CSV column each field of an answer comes from, where their names differ.
_COLUMN_OF = {"step_key": "step"}


class _RowChecker:
    """A row read into an answer (a participant named by id or name, an item or option by its label),
    then checked as every answer is, by :class:`bootcamp.checks.RecordChecks`."""

    def __init__(self, source: str, info: WorkshopInfo, program: Program, now: str) -> None:
        self.source = source
        self.info = info
        self.program = program
        self.now = now
        self.checks = RecordChecks(program, info)

    def answer(self, row: _Row, problems: list[str]) -> Answer | None:
        found: list[str] = []

        def problem(column: str, message: str) -> None:
            found.append(f"{self.source}:{row.line}: {column}: {message}")

        cells = row.cells
        if cells["workshop_id"] and cells["workshop_id"] != self.info.id:
            problem("workshop_id", f"{cells['workshop_id']!r} is another workshop (this is {self.info.id})")
        participant_id = self._participant(cells["participant_id"], cells["participant"], problem)
        step = self.program.step(cells["step"])
        asks = self.program.asks(step) if step is not None else None
        item, value = cells["item"], cells["value"]
        if asks is not None:
            item, value = _item(asks, item), _option(asks, value)
        answer = Answer(
            participant_id or "",
            cells["step"],
            item,
            cells["perspective"],
            value,
            cells["comment"],
            "" if is_ballot_id(participant_id or "") else cells["at"] or self.now,  # a secret ballot keeps no time
        )
        for checked in self.checks.answer(answer):
            if checked.field != "participant_id" or participant_id is not None:  # an unknown one was said already
                problem(_COLUMN_OF.get(checked.field, checked.field), checked.message)
        if found:
            problems.extend(found)
            return None
        return answer

    def _participant(self, participant_id: str, name: str, problem: Report) -> str | None:
        if participant_id:
            participant = self.info.participant(participant_id)
            if participant is None:
                if is_ballot_id(participant_id) and not name:
                    return participant_id
                problem("participant_id", f"unknown participant {participant_id!r}")
                return None
            if name and name != participant.display_name:
                problem("participant", f"{name!r} does not match {participant_id} ({participant.display_name})")
                return None
            return participant.id
        if not name:
            problem("participant", "missing (give participant_id or participant)")
            return None
        matches = self._by_name(name)
        if len(matches) == 1:
            return matches[0].id
        if not matches:
            problem("participant", f"unknown participant {name!r}")
        else:
            problem("participant", f"{name!r} names {len(matches)} participants; give participant_id")
        return None

    def _by_name(self, name: str) -> list[Participant]:
        exact = [p for p in self.info.participants if p.display_name == name]
        if exact:
            return exact
        folded = name.strip().casefold()
        return [p for p in self.info.participants if p.display_name.strip().casefold() == folded]


def _item(asks: Asks, cell: str) -> str:
    """The item id a cell names: a rating's item may also be named by its title or short label, in any case."""
    if cell in asks.item_ids or asks.step.kind is not StepKind.RATE:
        return cell
    folded = cell.strip().casefold()
    return next((i.id for i in asks.items if folded and folded in (i.title.casefold(), i.short.casefold())), cell)


def _option(asks: Asks, cell: str) -> str:
    """The option id a cell names: its id, or its label in any case."""
    if asks.scale.option(cell) is not None:
        return cell
    folded = cell.strip().casefold()
    return next((o.id for o in asks.scale.options if folded == o.label.casefold()), cell)


# -- what an import says of an answer ----------------------------------------------------------------------------

_COMMENT_SHOWN = 60  # characters of a comment quoted in a sentence about an answer


def whose(answer: Answer, info: WorkshopInfo) -> str:
    """The person an answer is from, as the workshop shows them ("Ana Ortiz", "P3"), or "a secret ballot"."""
    participant = info.participant(answer.participant_id)
    if participant is not None:
        return participant.display_name
    return "a secret ballot" if is_ballot_id(answer.participant_id) else answer.participant_id


def question_of(answer: Answer, program: Program) -> str:
    """What an answer answers, as the room saw it: "Mandate", "Aptitudes, Persistence (yourself)"."""
    step = program.step(answer.step_key)
    if step is None:
        return answer.step_key
    asks = program.asks(step)
    item = asks.item(answer.item) if asks is not None and answer.item else None
    said = f"{step.title}, {item.title if item else answer.item}" if answer.item else step.title
    return f"{said} ({Asks.perspective_label(answer.perspective)})" if answer.perspective else said


def values_said(before: Answer, after: Answer, program: Program) -> tuple[str, str]:
    """Two answers to one question as a reader tells them apart: ("Partly", "No"); with their comments when those
    differ: ('Partly, comment "x"', "Partly, no comment")."""
    step = program.step(after.step_key)
    asks = program.asks(step) if step is not None else None

    def said(answer: Answer, with_comment: bool) -> str:
        option = asks.scale.option(answer.value) if asks is not None else None
        value = option.label if option else (answer.value or "no answer")
        if not with_comment:
            return value
        comment = answer.comment.replace("\n", " ")
        if not comment:
            return f"{value}, no comment"
        if len(comment) > _COMMENT_SHOWN:
            comment = comment[: _COMMENT_SHOWN - 1] + "\u2026"
        return f'{value}, comment "{comment}"'

    comments = before.comment != after.comment
    return said(before, comments), said(after, comments)

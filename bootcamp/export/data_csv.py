"""Answers as CSV, one row per answer, and back: ``bootcamp export --format csv`` / ``bootcamp import-answers``.

Columns (the export writes all of them, in this order; an import needs ``step``,
``value`` and ``participant_id`` or ``participant``; the rest may be left out):

``workshop_id``   the workshop's id; an import checks it when given.
``participant_id`` the participant's id, or a secret-ballot id (then ``participant`` is empty).
``participant``   the participant's display name (P1, P2 … in an anonymous workshop). An
                  import may name a participant by this alone (as shown in ``bootcamp export``,
                  or differing in case, accents, spaces or the kind of apostrophe: :func:`name_key`).
``step``          ``session-id/step-id`` of a rate, question or check step (on import also its heading on
                  the sheet, or its id without the session, when that names one step of the agenda).
``item``          the aptitude id of a rating (its title also works on import), the
                  structure question id of a role check, empty for a question step.
``perspective``   ``self`` or ``team`` for a rating, else empty.
``value``         an option id of the step's scale (its label also works on import).
``comment``       free text.
``at``            when it was given, ISO 8601; empty on import means the time ``loads`` is given
                  (``bootcamp import-answers`` gives the workshop's date).

An import reads every cell but a comment trimmed (a blank-looking one is empty), ids and ``self``/``team``
in any case, ignores the empty columns Excel leaves to the right, and says a problem found on many lines once.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or ``'`` is
written with a ``'`` in front, so a spreadsheet shows it as text instead of running it
as a formula; an import removes that one ``'`` again, so the round trip is exact.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bootcamp.checks import ManyProblems, RecordChecks
from bootcamp.content.model import Asks, Program, StepKind
from bootcamp.errors import UserError
from bootcamp.export.data_json import FORMAT as WORKSHOP_EXPORT_FORMAT
from bootcamp.export.data_json import joined_surrogates
from bootcamp.export.sheet_cells import column_name, header_delimiter, lines_said, trimmed
from bootcamp.names import name_key, nearest_name
from bootcamp.store import is_ballot_id
from bootcamp.store.model import Answer, Participant, WorkshopInfo

COLUMNS = ("workshop_id", "participant_id", "participant", "step", "item", "perspective", "value", "comment", "at")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
Report = Callable[..., None]  # (column, problem, and what tells the same problem on other lines)


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


# -- export ------------------------------------------------------------------------------------------------------


def answer_rows(info: WorkshopInfo, program: Program, answers: Iterable[Answer]) -> list[list[str]]:
    """One row per answer, in agenda order, then by seat number, item and perspective."""
    seats = {p.id: p for p in info.participants}
    return [
        answer_row(info.id, answer, seats.get(answer.participant_id))
        for answer in in_sheet_order(info, program, answers)
    ]


def in_sheet_order(info: WorkshopInfo, program: Program, answers: Iterable[Answer]) -> list[Answer]:
    """The answers in the rows' order: agenda order, then by seat number, item and perspective."""
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

    return sorted(answers, key=order)


def answer_row(workshop_id: str, answer: Answer, participant: Participant | None) -> list[str]:
    """An answer's cells, in the order of :data:`COLUMNS`; ``participant``, its seat (None for a ballot)."""
    return [
        workshop_id,
        answer.participant_id,
        participant.display_name if participant else "",
        answer.step_key,
        answer.item,
        answer.perspective,
        answer.value,
        answer.comment,
        answer.at,
    ]


def dumps(info: WorkshopInfo, program: Program, answers: Iterable[Answer], *, line_end: str = "\r\n") -> str:
    return sheet_text([list(COLUMNS), *answer_rows(info, program, answers)], line_end=line_end)


def sheet_text(rows: Iterable[list[str]], *, line_end: str = "\r\n") -> str:
    """The rows (the header first) as CSV, each cell a spreadsheet would run as a formula written as text."""
    # The csv module quotes a cell holding a character of its line terminator, no other: with "\n" alone a
    # comment's lone CR went out bare and read back as the end of its row. Written with "\r\n", every cell
    # holding a CR or an LF is quoted; each row's own "\r\n" then becomes ``line_end``.
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    lines = []
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
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


def _refuse_json(text: str, source: str) -> None:
    """A JSON file (an export given to the wrong command) is said to be one, in one sentence, rather than its first
    line read as a header of unknown columns."""
    if not text.lstrip().startswith("{"):
        return
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return  # not JSON after all: a CSV whose first cell starts with "{" is read, and refused, as a CSV
    if isinstance(document, dict) and document.get("format") == WORKSHOP_EXPORT_FORMAT:
        raise UserError(
            f"{source}: a workshop export (JSON), not a CSV of answers; nothing was imported (to bring the workshop "
            f"in, use: bootcamp import {shlex.quote(source)})"
        )
    raise UserError(f"{source}: JSON, not a CSV of answers; nothing was imported")


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
    _refuse_json(text, source)
    delimiter = header_delimiter(text.split("\n", 1)[0], COLUMNS)
    # strict: a quote never closed is an error, not the rest of the file read into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise AnswerImportError(source, [f"{source}:1: header: {error}"]) from None
    if header is None:
        raise AnswerImportError(source, [f"{source}:1: header: the file is empty"])
    # Excel writes an empty column for every column off to the right that was ever touched: no name, no column.
    columns = [column_name(name) for name in header]
    problems = _Problems(source)
    for problem in _header_problems(header, columns, delimiter):
        problems.add(1, f"header: {problem}")
    if problems:
        raise AnswerImportError(source, problems.lines())

    rows: list[_Row] = []
    line = reader.line_num + 1
    try:
        for record in reader:
            if any(trimmed(cell) for cell in record):
                stray = next(((n, cell) for n, cell in enumerate(record, 1) if trimmed(cell) and n > len(columns)), None)
                stray = stray or next(((n, c) for n, c in enumerate(record, 1) if trimmed(c) and not columns[n - 1]), None)
                if stray is not None:  # said once, with every line it is on: a column typed into by mistake
                    n, cell = stray
                    where = "is past the header's last column" if n > len(columns) else "has no name in the header"
                    problems.add(line, f"row: column {n} {where}, but holds {trimmed(cell)!r}", key=("stray", n))
                else:
                    cells = {name: _cell(name, cell) for name, cell in zip(columns, record) if name}
                    rows.append(_Row(line, {name: cells.get(name, "") for name in COLUMNS}))
            line = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):  # what strict says of a quote left open to the end
            problems.add(
                line,
                "row: a quoted cell opened on this line is never closed (a \" is missing), "
                "so the rest of the file would be read into it",
            )
        else:
            problems.add(reader.line_num, f"row: {error}")

    checker = _RowChecker(info, program, now)
    answers = []
    first_line: dict[tuple[str, tuple[str, str, str]], int] = {}
    for row in rows:
        answer = checker.answer(row, problems)
        if answer is None:
            continue
        seen = first_line.setdefault((answer.participant_id, answer.key), row.line)
        if seen != row.line:
            problems.add(row.line, f"step: a second answer by the same participant (first on line {seen})")
            continue
        answers.append(ImportedRow(row.line, answer, bool(answer.at) and not row.cells["at"]))
    if problems:
        raise AnswerImportError(source, problems.lines())
    return answers


class _Problems:
    """Problems found in a file, each said once: the same problem on many lines (a name misspelt on all 46 rows of a
    sheet) is one line, at the first, saying which other lines it is on."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._found: dict[object, tuple[int, str, list[int]]] = {}

    def add(self, line: int, text: str, *, key: object = None) -> None:
        first = self._found.setdefault(text if key is None else key, (line, text, []))
        if first[0] != line and line not in first[2]:
            first[2].append(line)

    def __bool__(self) -> bool:
        return bool(self._found)

    def lines(self) -> list[str]:
        found = sorted(self._found.values(), key=lambda said: said[0])  # stable: a line's problems in column order
        return [f"{self.source}:{line}: {text}" + (f" (also on {lines_said(more)})" if more else "") for line, text, more in found]


# -- reading cells ----------------------------------------------------------------------------------------------------

def _header_problems(header: list[str], columns: list[str], delimiter: str) -> list[str]:
    found = []
    unknown = [trimmed(name) for name, column in zip(header, columns) if column and column not in COLUMNS]
    if unknown:
        said = []
        for name in unknown:
            near = difflib.get_close_matches(column_name(name), COLUMNS, n=1, cutoff=0.6)
            said.append(f"{name!r}" + (f" (did you mean {near[0]}?)" if near else ""))
        listed = said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"
        problem = f"unknown column{'s' if len(said) > 1 else ''} {listed}; the columns are: {', '.join(COLUMNS)}"
        other = ";" if delimiter == "," else ","
        if any(len({column_name(part) for part in name.split(other)} & set(COLUMNS)) > 1 for name in unknown):
            separated = "commas" if delimiter == "," else "semicolons"
            problem += f" (the header was read as separated by {separated}, but a cell of it holds {other!r})"
        found.append(problem)
    for needed in ("step", "value"):
        if needed not in columns:
            found.append(f"the {needed!r} column is missing")
    if "participant_id" not in columns and "participant" not in columns:
        found.append("a 'participant_id' or 'participant' column is needed")
    duplicated = sorted({name for name in columns if name and columns.count(name) > 1})
    found.extend(f"the column {name!r} appears twice" for name in duplicated)
    return found


_DASHES = ("-", "\u2013", "\u2014")  # what a sheet prints where a cell is left empty (an item or perspective)


def _cell(column: str, cell: str) -> str:
    """A cell as the import reads it: trimmed, so a blank-looking one is empty, and the ``'`` an export puts before a
    formula removed; a comment is kept as typed, spaces and all (a comment of line separators alone is stored too:
    the round trip is exact)."""
    if column == "comment":
        return restore(cell)
    cell = restore(trimmed(cell))
    return "" if column in ("item", "perspective") and cell in _DASHES else cell


# The CSV column each field of an answer comes from, where their names differ.
_COLUMN_OF = {"step_key": "step"}


class _RowChecker:
    """A row read into an answer (a participant named by id or name, an item or option by its label, every id in
    any case), then checked as every answer is, by :class:`bootcamp.checks.RecordChecks`."""

    def __init__(self, info: WorkshopInfo, program: Program, now: str) -> None:
        self.info = info
        self.program = program
        self.now = now
        self.checks = RecordChecks(program, info)
        self._steps = {step.key.casefold(): step.key for session in program.sessions for step in session.steps}
        # A step the sheet prints (one of the agenda's that asks something) is also named by its heading there, or
        # by its id without the session.
        self._named: dict[str, list[str]] = {}
        for step in program.steps(info.agenda):
            if program.asks(step) is not None:
                for name in {_label_key(step.id), _label_key(step.title)}:
                    self._named.setdefault(name, []).append(step.key)

    def answer(self, row: _Row, problems: _Problems) -> Answer | None:
        found: list[tuple[str, object]] = []

        def problem(column: str, message: str, key: object = None) -> None:
            found.append((f"{column}: {message}", key))

        cells = row.cells
        if cells["workshop_id"] and cells["workshop_id"].casefold() != self.info.id.casefold():
            problem("workshop_id", f"{cells['workshop_id']!r} is another workshop (this is {self.info.id})")
        participant_id = self._participant(cells["participant_id"], cells["participant"], problem)
        step_key, step_said = self._step_key(cells["step"], problem)
        step = self.program.step(step_key)
        asks = self.program.asks(step) if step is not None else None
        item, perspective, value = cells["item"], cells["perspective"], cells["value"]
        if asks is not None:
            item, perspective, value = _item(asks, item), _perspective(asks, perspective), _option(asks, value)
        answer = Answer(
            participant_id or "",
            step_key,
            item,
            perspective,
            value,
            cells["comment"],
            "" if is_ballot_id(participant_id or "") else cells["at"] or self.now,  # a secret ballot keeps no time
        )
        for checked in self.checks.answer(answer):
            if checked.field == "step_key" and step_said:
                continue  # a step two steps' heading names was said already
            if checked.field != "participant_id" or participant_id is not None:  # an unknown one was said already
                message = checked.message
                if checked.field == "at":
                    message += f"; leave it empty to date the answer {self.now}"
                problem(_COLUMN_OF.get(checked.field, checked.field), message)
        for text, key in found:
            problems.add(row.line, text, key=key)
        return None if found else answer

    def _step_key(self, cell: str, problem: Report) -> tuple[str, bool]:
        """The step a cell names, and whether a problem with it was said: its key in any case, else the heading or
        the id without its session of the one step that asks something so named."""
        if self.program.step(cell) is not None:
            return cell, False
        if cell.casefold() in self._steps:
            return self._steps[cell.casefold()], False
        named = self._named.get(_label_key(cell), [])
        if len(named) == 1:
            return named[0], False
        if named:
            problem("step", f"{cell!r} names {len(named)} steps ({', '.join(named)}); give session-id/step-id")
            return cell, True
        return cell, False

    def _participant(self, participant_id: str, name: str, problem: Report) -> str | None:
        if participant_id:
            participant = self.info.participant(participant_id) or next(
                (p for p in self.info.participants if p.id.casefold() == participant_id.casefold()), None
            )
            if participant is None:
                if is_ballot_id(participant_id) and not name:
                    return participant_id
                problem("participant_id", f"unknown participant {participant_id!r}")
                return None
            if name and name != participant.display_name and name_key(name) != name_key(participant.display_name):
                problem("participant", f"{name!r} does not match {participant.id} ({participant.display_name!r})")
                return None
            return participant.id
        if not name:
            problem("participant", "missing (give participant_id or participant)")
            return None
        matches = self._by_name(name)
        if len(matches) == 1:
            return matches[0].id
        if not matches:
            near = nearest_name(name, [p.display_name for p in self.info.participants])
            said = f"unknown participant {name!r}" + (f"; did you mean {near!r}?" if near else "")
            problem("participant", said, ("unknown participant", name_key(name)))  # said once, however spelt
        else:
            problem("participant", f"{name!r} names {len(matches)} participants; give participant_id")
        return None

    def _by_name(self, name: str) -> list[Participant]:
        """The participants a name names: the one shown so, else those of that name case, accents, spaces and
        apostrophes aside, as a phone's typed name is matched."""
        exact = [p for p in self.info.participants if p.display_name == name]
        if exact:
            return exact
        key = name_key(name)
        return [p for p in self.info.participants if key and name_key(p.display_name) == key]


def _label_key(text: str) -> str:
    """A label as a typist may copy it: as a name (case, accents, spaces and apostrophes aside), a hyphen read as a
    space ("Joined up", "dont know": the sheet's narrow columns break such labels over two lines)."""
    return " ".join(name_key(text).replace("-", " ").split())


def _item(asks: Asks, cell: str) -> str:
    """The item id a cell names: its id in any case; a rating's item also by its title or short label."""
    if not cell or cell in asks.item_ids:
        return cell
    key = _label_key(cell)
    for item in asks.items:
        if key == _label_key(item.id) or (
            asks.step.kind is StepKind.RATE and key in (_label_key(item.title), _label_key(item.short))
        ):
            return item.id
    return cell


def _perspective(asks: Asks, cell: str) -> str:
    """The perspective a cell names: ``self`` or ``team`` in any case (or as the room is asked: "yourself")."""
    if not cell or cell in asks.perspectives:
        return cell
    key = name_key(cell)
    return next((p for p in asks.perspectives if p and key in (p, name_key(Asks.perspective_label(p)))), cell)


def _option(asks: Asks, cell: str) -> str:
    """The option id a cell names: its id or its label, in any case, with any apostrophe ("Don’t know")."""
    if not cell or asks.scale.option(cell) is not None:
        return cell
    key = _label_key(cell)
    return next((o.id for o in asks.scale.options if key in (_label_key(o.id), _label_key(o.label))), cell)


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

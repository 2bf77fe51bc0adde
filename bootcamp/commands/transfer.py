"""``bootcamp export``, ``bootcamp import`` and ``bootcamp import-answers``: a workshop's data in and out, and
``bootcamp export --person``: one person's own copy."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bootcamp.checks import ManyProblems
from bootcamp.commands.output import spreadsheet_file, write_file
from bootcamp.commands.people import people_counted
from bootcamp.errors import UserError
from bootcamp.export import data_csv, data_json, person_copy
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.locations import data_dir
from bootcamp.plurals import counted
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.archive import archived_at
from bootcamp.store.errors import AlreadyHereError, UnreadableFileError
from bootcamp.store.forget import find_seat
from bootcamp.store.import_journal import AnswersDiffer
from bootcamp.store.layout import ANSWERS_FOLDER
from bootcamp.store.model import Answer, Participant, WorkshopInfo
from bootcamp.windows_1252 import as_windows_1252

if TYPE_CHECKING:
    from bootcamp.content.model import Program


def run(args: argparse.Namespace) -> int:
    store = Store(data_dir(getattr(args, "data_dir", None)))
    if args.command == "export":
        return export_person(args, store) if getattr(args, "person", None) else export(args, store)
    if args.command == "import" and getattr(args, "person", None):
        raise UserError(
            "--person is for bootcamp export (one person's own copy); bootcamp import reads a whole workshop, "
            "so nothing was imported"
        )
    try:
        if args.command == "import":
            return import_workshop(args, store)
        return import_answers(args, store)
    except ManyProblems as refused:
        if not args.problems_to:
            raise
        write_file(Path(args.problems_to), "".join(f"{line}\n" for line in refused.lines), args)
        raise UserError(refused.written_to(args.problems_to)) from None


def export(args: argparse.Namespace, store: Store) -> int:
    workshop = store.open(args.id)
    to_terminal = not args.output and sys.stdout.isatty()
    answers = readable_answers(workshop) if getattr(args, "skip_damaged", False) else stored_answers(workshop)
    if args.format == "json":
        text = data_json.dumps(workshop.bundle(answers), archived_at=archived_at(workshop.path))
        what = "workshop"
    else:
        text = data_csv.dumps(workshop.info(), workshop.program(), answers, line_end="\n" if to_terminal else "\r\n")
        what = f"{counted(len(answers), 'answer')} of workshop"
    if args.output:
        write_file(Path(args.output), spreadsheet_file(text) if args.format == "csv" else text, args)
        print(f"exported {what} {workshop.id} to {args.output}")
        return 0
    if to_terminal and args.format == "json":  # some 300 KB (the content copy with it): of no use scrolling past
        raise UserError(
            f"the JSON export of workshop {workshop.id} is {size_said(text)}, too much for the terminal: "
            f"add -o {workshop.id}.json to write it to a file, or redirect it (> {workshop.id}.json)"
        )
    if to_terminal:  # participant text may hold escape sequences: on a terminal they are shown, not obeyed
        text = terminal_safe(text, keep_lines=True)
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))
    sys.stdout.buffer.flush()
    return 0


def export_person(args: argparse.Namespace, store: Store) -> int:
    """One person's own copy: their seat, answers and comments, nothing of anyone else (:mod:`person_copy`)."""
    workshop = store.open(args.id)
    info = workshop.info()
    seat = find_seat(info, args.person)
    theirs = tuple(workshop.answers_of(seat.id))  # their own file alone: nobody else's answers are read
    cast = tuple(step for step, voters in workshop.voted().items() if seat.id in voters)
    held = tuple(card.card_id for card in workshop.room().poker if card.holder == seat.id)
    copy = person_copy.PersonCopy(info, workshop.program(), seat, theirs, cast, held)
    to_terminal = not args.output and sys.stdout.isatty()
    if args.format == "json":
        text = person_copy.dumps_json(copy)
    else:
        text = person_copy.dumps_csv(copy, line_end="\n" if to_terminal else "\r\n")
    if cast or workshop.state().secret:
        voted = f"; by the roll of voters they cast {counted(len(cast), 'ballot')}" if cast else ""
        warn(f"secret ballots are not in this copy: a ballot carries no name, so none can be told to be theirs{voted}")
    if args.output:
        write_file(Path(args.output), spreadsheet_file(text) if args.format == "csv" else text, args)
        comments = sum(1 for answer in theirs if answer.comment)
        with_comments = f" ({comments} with a comment)" if comments else ""
        with_cards = f" and {counted(len(held), 'Poker card')}" if held else ""
        print(
            f"exported {counted(len(theirs), 'answer')}{with_comments}{with_cards} of "
            f"{_seat_said(seat, info.anonymous)} from workshop {info.id} to {args.output}"
        )
        return 0
    if to_terminal:
        text = terminal_safe(text, keep_lines=True)
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))
    sys.stdout.buffer.flush()
    return 0


def _seat_said(seat: Participant, anonymous: bool) -> str:
    """"Maria Lindqvist (P3, Chief Customer Officer)"; "P3 (CFO)" in an anonymous workshop."""
    details = [] if anonymous or not seat.name else [f"P{seat.number}"]
    details += [seat.role] if seat.role else []
    said = seat.display_name + (f" ({', '.join(details)})" if details else "")
    return terminal_safe(said)


def size_said(text: str) -> str:
    """How big a text is written out, as a person says it: ``320 KB``, ``1.2 MB``."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def stored_answers(workshop: WorkshopFiles) -> list[Answer]:
    """Every answer, or one sentence naming the answers file that cannot be read and the way past it."""
    try:
        return workshop.answers()
    except UnreadableFileError as error:
        if error.path.parent.name != ANSWERS_FOLDER:
            raise
        raise UserError(
            f"{error} (`bootcamp export {workshop.id} --skip-damaged` exports the answers that can be read)"
        ) from None


def readable_answers(workshop: WorkshopFiles) -> list[Answer]:
    """Every answer that can be read; each answers file that cannot is named on stderr, left out and left as it is."""
    answers, damaged = workshop.readable_answers()
    for error in damaged:
        warn(f"skipped {error.path}: {error.reason}; the file is left as it is, and its answers are not exported")
    return answers


def import_workshop(args: argparse.Namespace, store: Store) -> int:
    bundle = data_json.loads(read_file(Path(args.file)), args.file)
    over = getattr(args, "replace", False) and store.exists(bundle.info.id)
    try:
        info, kept = store.import_over(bundle) if over else (store.import_workshop(bundle, new_id=args.new_id), None)
    except AlreadyHereError as here:
        raise UserError(f"{args.file}: {here}") from None
    instead = (
        f" in place of the copy there, which is kept, archived, as workshop {kept.id} "
        f"(bootcamp archive {kept.id} --undo brings it back to the lists)"
        if kept else ""
    )
    print(
        f"imported {terminal_safe(info.name)} ({people_counted(info)}, "
        f"{counted(len(bundle.answers), 'answer')}) into {store.data_dir}{instead}"
    )
    print(info.id)
    return 0


def import_answers(args: argparse.Namespace, store: Store) -> int:
    replace = bool(getattr(args, "replace", False))
    # The workshop's owner while the rows are checked against its roster and saved, so nothing changes
    # the roster in between; refused, in one line naming the holder, while a console has it open.
    with store.owned(args.id, purpose="bootcamp import-answers", warn=warn) as workshop:
        text = read_file(Path(args.file), "a CSV of answers")
        info, program = workshop.info(), workshop.program()
        # An answer given without a time was given on the day: dated with the workshop's date, not the import's.
        rows = data_csv.read_rows(text, args.file, info, program, info.date)
        if not rows:  # a command that did nothing says so and fails, so a script does not carry on as if it had
            raise UserError(f"{args.file}: no answer rows under the header; nothing was imported")
        line_of = {id(row.answer): row.line for row in rows}
        try:
            outcome = workshop.import_answers([row.answer for row in rows], replace=replace)  # all or none
        except AnswersDiffer as differ:
            lines = []
            for stored, new in differ.conflicts:
                was, now = data_csv.values_said(stored, new, program)
                lines.append(
                    f"{args.file}:{line_of[id(new)]}: {_said_of(new, info, program)}: "
                    f"the file says {terminal_safe(now)}, but {terminal_safe(was)} is stored"
                )
            raise ManyProblems(
                args.file,
                lines,
                outcome="nothing was imported, as "
                + ("it differs from the answer stored (--replace replaces it)" if len(lines) == 1 else
                   "they differ from the answers stored (--replace replaces them)"),
            ) from None
    written = len(outcome.added) + len(outcome.replaced)
    already = f"; {counted(len(outcome.already_there), 'answer')} already there" if outcome.already_there else ""
    print(f"imported {counted(written, 'answer')} into workshop {workshop.id}{already}")
    if outcome.replaced:
        print(f"replaced {counted(len(outcome.replaced), 'stored answer')}:")
        for stored, new in outcome.replaced:
            was, now = data_csv.values_said(stored, new, program)
            print(f"  line {line_of[id(new)]}: {_said_of(new, info, program)}: {terminal_safe(was)} \u2192 {terminal_safe(now)}")
    taken = {id(answer) for answer in outcome.added} | {id(new) for _, new in outcome.replaced}
    stamped = sum(1 for row in rows if row.stamped and id(row.answer) in taken)
    if stamped:
        given = "was" if stamped == 1 else "were"
        print(
            f"{counted(stamped, 'answer')} with no time in the sheet {given} dated {info.date}, the workshop's date"
        )
    return 0


def reads_as_utf16(raw: bytes) -> bool:
    """Whether bytes with a NUL among them are text in UTF-16 without its byte-order mark (as ``utf-16-le`` writes
    it), rather than a picture or an archive: read so, nearly every character is one a text would hold."""
    sample = raw[:4096]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample[: len(sample) // 2 * 2].decode(encoding, "replace")
        fit = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
        if text and fit >= 0.95 * len(text) and sum(1 for ch in text if ch < "\u0250") >= 0.5 * len(text):
            return True
    return False


def _said_of(answer: Answer, info: WorkshopInfo, program: Program) -> str:
    """Whose answer to what: "Ana Ortiz, Mandate"."""
    return terminal_safe(f"{data_csv.whose(answer, info)}, {data_csv.question_of(answer, program)}")


def warn(text: str) -> None:
    print(f"bootcamp: warning: {text}", file=sys.stderr)


def read_file(path: Path, what: str = "a workshop export") -> str:
    """The text of a file to import: UTF-8, else Windows-1252 (what Excel saves a CSV as on Windows), said on stderr
    when it was read so; else one sentence naming the line and column of the first byte that is not UTF-8. A binary
    file (a picture, an archive) is said to be no text at all: not ``what``."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text", Notepad's "Unicode"
        raise UserError(f"{path}:1:1: UTF-16 text, not UTF-8; save it as UTF-8 and try again")
    if b"\0" in raw:  # a text file holds no NUL (though UTF-8 allows it): UTF-16 without its mark, or no text at all
        if not reads_as_utf16(raw):
            raise UserError(f"{path}: not {what} (a binary file)")
        start = raw.index(b"\0")
    else:
        try:
            return raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as error:
            start = error.start
    line_start = raw.rfind(b"\n", 0, start) + 1
    line, column = raw.count(b"\n", 0, start) + 1, len(raw[line_start:start].decode("utf-8", "replace")) + 1
    byte = f"byte 0x{raw[start]:02x}" + (", as in UTF-16" if raw[start] == 0 else "")
    if raw[start] != 0 and (text := as_windows_1252(raw)) is not None:
        warn(f"{path}: read as Windows-1252, as Excel saves it: it is not UTF-8 text ({byte} on line {line}, "
             f"column {column})")
        return text
    raise UserError(f"{path}:{line}:{column}: not UTF-8 text ({byte}); save it as UTF-8 and try again")

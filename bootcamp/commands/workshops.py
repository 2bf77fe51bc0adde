"""``bootcamp list`` and ``bootcamp new``: the stored workshops, one a line, and a new one."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bootcamp.checks import (
    Problem,
    next_run_date_problem,
    roster_problems,
    roster_warnings,
    said_of_the_roster,
    workshop_problems,
)
from bootcamp.commands.people import people_counted
from bootcamp.content import ContentError, load_dir
from bootcamp.dates import days_span, far_date_warning, parse_date
from bootcamp.errors import UserError
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.locations import DataFolder, default_content_dir, find_data_dir
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.roster import RosterError, parse_roster
from bootcamp.summary.lineage import next_run_name

_AGENDAS = {"full": "full day", "half": "half day"}


def run(args: argparse.Namespace) -> int:
    folder = find_data_dir(getattr(args, "data_dir", None))
    store = Store(folder.path)
    if args.command == "new":
        return create(args, store)
    return list_workshops(store, folder, args)


def list_workshops(store: Store, folder: DataFolder, args: argparse.Namespace | None = None) -> int:
    """One workshop a line on stdout (for scripts); which folder, and how it was chosen, on stderr.

    A folder that is not there is said to be: never shown as an empty library. The default folder never used
    yet is no error (exit 0); one named by ``--data-dir`` or ``$BOOTCAMP_DATA_DIR`` is likely a typo (exit 1).
    """
    missing = folder.missing()
    if missing is not None:
        if folder.origin == "default":
            print(terminal_safe(missing))
            return 0
        print(f"bootcamp: {terminal_safe(missing)}", file=sys.stderr)
        return 1
    from bootcamp.library import Library

    listing = Library(store.data_dir, store.clock).listing()  # the library index, brought up to date from the folders
    for problem in listing.problems:
        print(f"bootcamp: {terminal_safe(problem)}", file=sys.stderr)
    where = f"{terminal_safe(str(folder.path))} ({folder.how_chosen})"
    with_archived = getattr(args, "archived", False)
    rows = [row for row in listing.rows if with_archived or not row.archived]
    archived = sum(row.archived for row in listing.rows)
    put_away = f"; {archived} archived, not listed (`bootcamp list --archived` lists them)" if archived and not with_archived else ""
    if not rows:
        print(f"no workshops in {where}{put_away}")
        return 0
    print(f"workshops in {where}{put_away}", file=sys.stderr)
    archived_ids = {row.info.id for row in rows if row.archived}
    for line in format_lines([row.info for row in rows], archived_ids, {row.info.id: row.days for row in rows}):
        print(line)
    return 0


def format_lines(
    workshops: tuple[WorkshopInfo, ...] | list[WorkshopInfo],
    archived: frozenset[str] | set[str] = frozenset(),
    days: dict[str, tuple[str, ...]] | None = None,
) -> list[str]:
    """``id  date  name  organisation  N participants  agenda``, columns aligned, text made terminal-safe;
    ", archived" after the agenda of a workshop in ``archived``; a workshop of more than one day (``days``) dated
    from its first day to its last, "2026-09-21–22"."""
    rows = [
        (
            info.id,
            days_span(info.date, (days or {}).get(info.id, ())),
            terminal_safe(info.name),
            terminal_safe(info.organisation),
            people_counted(info),
            _AGENDAS.get(info.agenda, info.agenda) + (", anonymous" if info.anonymous else "")
            + (", archived" if info.id in archived else ""),
        )
        for info in workshops
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    return ["  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[-1]]) for row in rows]


def create(args: argparse.Namespace, store: Store) -> int:
    if getattr(args, "like", None) and not args.date:
        # A run made again is another day: its date is asked, never assumed to be today.
        raise UserError("say when the next run is with --date YYYY-MM-DD; no workshop was created")
    workshop_date = parse_date(args.date, what="the workshop date") if args.date else date.today()
    content_dir = Path(getattr(args, "content", None) or default_content_dir())
    try:
        program = load_dir(content_dir)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        noun = "problem" if len(error.problems) == 1 else "problems"
        print(f"bootcamp: {len(error.problems)} content {noun} in {content_dir}; no workshop was created", file=sys.stderr)
        return 1
    # --like: the next run of the test for an earlier workshop's room (its roster, organisation, agenda and
    # anonymity), with the current content; what is given on the command line wins.
    like = store.open(args.like).info() if getattr(args, "like", None) else None
    if like is not None and (too_early := next_run_date_problem(workshop_date.isoformat(), like)):
        raise UserError(f"--date: {too_early}; no workshop was created")
    # Without a NAME the next run is told apart by its place in its line: "<name> — run N".
    name = args.name if args.name is not None or like is None else next_run_name(store.list_workshops(), like)
    organisation = args.org or (like.organisation if like else "")
    if not organisation.strip():
        raise UserError("say which organisation the boot camp is for with --org (or copy a run's with --like ID)")
    anonymous = args.anonymous or bool(like and like.anonymous)
    flag = "--participants-file" if getattr(args, "participants_file", None) else "--participants"
    if flag == "--participants-file":
        if args.participants:
            raise UserError("give --participants or --participants-file, not both; no workshop was created")
        participants = list(_people_of_file(args.participants_file, anonymous=anonymous))
    else:
        try:
            participants = list(parse_roster(args.participants, anonymous=anonymous))
        except RosterError as error:
            raise UserError(f"--participants: {error}") from None
    if like is not None and not participants:
        participants = [(p.name, p.role) for p in like.present]
    problems = (*workshop_problems(name or "", organisation), *roster_problems(participants, anonymous=anonymous))
    if problems:  # each named by its flag, all at once: one try should fix them all
        raise UserError("no workshop was created: " + "; ".join(_on_the_command_line(p, flag) for p in problems))
    for warning in roster_warnings(participants):
        print(f"bootcamp: warning: {flag}: {warning}", file=sys.stderr)
    if far := far_date_warning(workshop_date.isoformat(), date.today().isoformat()):
        print(f"bootcamp: warning: --date: {far}", file=sys.stderr)  # a script cannot answer a question: it is said
    info = store.create_workshop(
        name=name or "",
        organisation=organisation,
        date=workshop_date.isoformat(),
        participants=participants,
        agenda="half" if args.half_day else (like.agenda if like else "full"),
        anonymous=anonymous,
        sources=program.sources,
        follows=like.id if like else "",
    )
    print(
        f"created {terminal_safe(info.name)!s} for {terminal_safe(info.organisation)} on {info.date}: "
        f"{people_counted(info)}, "
        f"{_AGENDAS.get(info.agenda, info.agenda)}{', anonymous' if info.anonymous else ''}"
        f"{f', the next run of {like.id}' if like else ''}, in {store.data_dir}"
    )
    print(info.id)
    return 0


def _on_the_command_line(problem: Problem, roster_flag: str = "--participants") -> str:
    """A problem named by what was typed: the NAME argument, --org or the flag the roster came with."""
    if problem.field in ("name", "organisation"):
        return f"{'NAME' if problem.field == 'name' else '--org'}: {problem.message}"
    return f"{roster_flag}: {said_of_the_roster(problem)}"


def _people_of_file(path: str, *, anonymous: bool) -> tuple[tuple[str, str], ...]:
    """The people a file lists (bootcamp.export.people_file); what was read otherwise than written is said on
    stderr; a file that cannot be read is refused in one sentence, before anything is made."""
    from bootcamp.commands.transfer import read_file
    from bootcamp.export.people_file import PeopleFileError, read_people

    text = read_file(Path(path), "a list of people")
    try:
        read = read_people(text, path, anonymous=anonymous)
    except PeopleFileError as error:
        raise UserError(f"{terminal_safe(str(error))}; no workshop was created") from None
    for note in read.notes:
        print(f"bootcamp: note: {terminal_safe(note)}", file=sys.stderr)
    return read.people

"""The ``bootcamp`` command: the TUI by default, plus scriptable sub-commands.

Each sub-command lives in ``bootcamp/commands/<name>.py`` and is imported only
when used, so ``bootcamp --help`` and the TUI start without loading the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import textwrap
from collections.abc import Sequence

from bootcamp import __version__
from bootcamp.errors import UserError

# sub-command → module in bootcamp.commands
_COMMANDS = {
    "demo": "tui",
    "open": "tui",
    "validate": "validate",
    "list": "workshops",
    "new": "workshops",
    "archive": "archive",
    "forget": "forget",
    "delete": "delete",
    "export": "transfer",
    "import": "transfer",
    "import-answers": "transfer",
    "summary": "summary",
    "compare": "compare",
    "print": "printables",
    "present": "present",
    "role-check": "rolecheck",
}


def _folder_options(data_dir_help: str) -> argparse.ArgumentParser:
    """--data-dir and --content, as every command takes them; the demo says --data-dir in words of its own."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=data_dir_help)
    options.add_argument(
        "--content",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="a folder with sessions/ and exercises/ to run your own boot camp (default: the shipped one)",
    )
    return options


class _CopyableHelpFormatter(argparse.HelpFormatter):
    """Wraps help to the terminal as argparse does, but never inside a flag (argparse breaks --participants-file at
    its hyphen) and never an example's line, indented two spaces in an epilog: a command cut midway cannot be copied
    into the terminal."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            if line.startswith("  "):
                lines.append(indent + line)
            else:
                words = " ".join(line.split())
                lines.append(textwrap.fill(words, width, initial_indent=indent, subsequent_indent=indent,
                                           break_on_hyphens=False))
        return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    common = _folder_options("where workshops are stored (default: $BOOTCAMP_DATA_DIR, else your user data folder)")
    parser = argparse.ArgumentParser(
        prog="bootcamp",
        description="Run a Chief Customer Officer boot camp from the terminal. "
        "With no command, opens the facilitator's app on your workshops.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"bootcamp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser(
        "demo",
        # $BOOTCAMP_DATA_DIR is where real days go, so only the flag keeps a demo (commands/tui.py)
        parents=[
            _folder_options(
                "make the demo's two runs in DIR, beside what it holds, and keep them ($BOOTCAMP_DATA_DIR is not "
                "used: it holds your real days)"
            )
        ],
        help="open the app on a demo workshop in a throw-away folder (with --data-dir, made there and kept)",
        description="Open the app on a demo workshop with a made-up room, beside the same organisation's run six "
        "months before, in a throw-away folder removed when the app ends. With --data-dir DIR the two runs are made "
        "in DIR, beside what it holds, and kept; $BOOTCAMP_DATA_DIR is not used.",
        epilog="examples:\n  bootcamp demo\n  bootcamp --data-dir DIR demo",
    )

    opening = sub.add_parser(
        "open",
        parents=[common],
        help="open a workshop on the console, where it stopped",
        description="Open the console straight on a workshop, as its owner, at the step where it stopped, with its "
        "timer. With --join the room answers from their phones: the laptop and the phones on the same network, the "
        "wall shows a QR code to join.",
        epilog="examples:\n  bootcamp open ID\n  bootcamp open ID --join 0.0.0.0:8080",
    )
    opening.add_argument("id", help="the workshop id (see `bootcamp list`)")
    opening.add_argument(
        "--join",
        nargs="?",
        const="",
        metavar="ADDRESS[:PORT]",
        help="let the room answer from their phones: serve the phone page on ADDRESS (one of this machine's; "
        "0.0.0.0 serves them all) and PORT (default: any free one); without ADDRESS the console asks which",
    )

    validating = sub.add_parser(
        "validate",
        parents=[common],
        help="check boot camp content and list every problem",
        description="Check boot camp content (the shipped one, or --content's) and list every problem, one a line "
        "with its file, line and field, and exit 1. With --copy-to DIR, start your own boot camp: the content is "
        "copied into DIR, never over files there, and the copy checked. A workshop's stored copy of its content is "
        "not held to rules added after it was made.",
        epilog="examples:\n"
        "  bootcamp validate --copy-to my-bootcamp\n"
        "  bootcamp --content my-bootcamp validate",
    )
    validating.add_argument(
        "--copy-to",
        metavar="DIR",
        help="start your own boot camp: copy the content (the shipped one, or --content's) into DIR, a folder not "
        "there yet or empty, then check the copy; edit it and run bootcamp --content DIR validate",
    )

    listing = sub.add_parser(
        "list",
        parents=[common],
        help="list stored workshops, one a line, id first",
        description="List the stored workshops, one a line: id, date, name, organisation, participants (those in the "
        "room) and agenda. The data folder and how it was chosen go to stderr; one given with --data-dir or "
        "$BOOTCAMP_DATA_DIR that does not exist is said to be missing (exit 1). Archived workshops are left out and "
        "counted on stderr.",
    )
    listing.add_argument(
        "--archived", action="store_true", help="list archived workshops too, marked so (default: left out, counted)"
    )

    archiving = sub.add_parser(
        "archive",
        parents=[common],
        help="put a finished workshop away: off home's list and `bootcamp list`, every file kept",
        description="Put a finished workshop away: it leaves home's list and bootcamp list, and nothing is deleted or "
        "rewritten (an archived.json is added beside its files). Its summary says \"Archived on DATE\". Refused "
        "while a console has it open; --undo brings it back.",
    )
    archiving.add_argument("workshop", metavar="WORKSHOP", help="the workshop's id, or its whole name (any case)")
    archiving.add_argument("--undo", action="store_true", help="bring an archived workshop back to the lists")

    forgetting = sub.add_parser(
        "forget",
        parents=[common],
        help="a participant asked to be forgotten: erase their answers, comments, name and role from a workshop",
        description="Erase one person's data from a workshop: their answers and comments, their seat on the roster "
        "(name and role), their secret-ballot 'voted' marks, the Poker cards dealt to them and their phone's seat. "
        "Places where others' notes, comments or actions name them are listed, left as they are unless "
        "--redact-notes. Refused while a console has the workshop open.",
        epilog='example:\n  bootcamp forget WORKSHOP "Their Name"',
    )
    forgetting.add_argument("workshop", metavar="WORKSHOP", help="the workshop's id, or its whole name (any case)")
    forgetting.add_argument(
        "person",
        metavar="PERSON",
        help="the person's seat as shown (P7), or their whole name (any case, accents optional)",
    )
    forgetting.add_argument(
        "--redact-notes",
        action="store_true",
        help="also put '(a participant)' in place of their name (whole words) where others' notes, comments, "
        "role lines and actions name them",
    )
    forgetting.add_argument("--yes", action="store_true", help="erase without asking (for scripts)")
    deleting = sub.add_parser(
        "delete",
        parents=[common],
        help="delete a workshop for good: its folder, every person's answers, notes and actions",
        description="Delete a workshop for good, after the workshop's id is typed to confirm (or --yes). "
        "Refused while a console has it open, or where its folder cannot be written, before anything is asked. Runs made again from it stay; their comparison says it is gone. "
        "To only put a workshop away, keeping every file, use bootcamp archive.",
    )
    deleting.add_argument("workshop", metavar="WORKSHOP", help="the workshop's id, or its whole name (any case)")
    deleting.add_argument("--yes", action="store_true", help="delete without asking for the id (for scripts)")

    new = sub.add_parser(
        "new",
        parents=[common],
        help="create a workshop; prints its id on the last line",
        description="Create a workshop and print its id on the last line. The people come from --participants or "
        "--participants-file; an anonymous workshop stores no names. With --like EARLIER_ID, run the test again: a "
        "new workshop with that one's roster, organisation, agenda and anonymity, on the current content, named "
        "'<its name> — run N' unless NAME is given; its --date is required, never before the run it follows. A "
        "roster or file that cannot be read is refused in one sentence and nothing is made.",
        epilog="examples:\n"
        '  bootcamp new "Spring boot camp" --org Northwind --participants "Ana Ortiz (CEO), Ben Okafor (CFO)" '
        "--date 2026-12-10\n"
        "  bootcamp new \"Spring boot camp\" --org Northwind --participants-file attendees.csv --date 2026-12-10\n"
        "  bootcamp new --like EARLIER_ID --date 2027-06-10",
    )
    new.add_argument(
        "name", nargs="?", help="the workshop's name (with --like, by default that run's name and '— run N')"
    )
    new.add_argument("--org", help="the organisation the boot camp is for (required unless --like gives it)")
    new.add_argument(
        "--participants",
        default="",
        help='comma-separated names, "Name (role)" for a role, e.g. "Ana (CFO), Ben, Chloe"; '
        'with --anonymous, roles only, in brackets ("(CFO), (CEO)"), or just how many',
    )
    new.add_argument(
        "--participants-file",
        metavar="FILE",
        help="the people from a file: one name a line (\"Name (role)\" for a role), or a registration tool's "
        "attendee list saved as CSV, read by its Name (or First Name and Last Name) and Role or Job Title columns",
    )
    new.add_argument("--date", help="the workshop date, YYYY-MM-DD (default: today; required with --like)")
    new.add_argument("--half-day", action="store_true", help="use the half-day agenda (default: the full day)")
    new.add_argument("--anonymous", action="store_true", help="store no names: participants are P1, P2 …")
    new.add_argument(
        "--like",
        metavar="EARLIER_ID",
        help="run the test again: copy that workshop's roster, organisation, agenda and anonymity "
        "(with the current content)",
    )

    export = sub.add_parser(
        "export",
        parents=[common],
        help="write a workshop's data as JSON or CSV, or with --person one participant's own copy",
        description="Write a workshop's data as JSON (the whole workshop, for bootcamp import) or CSV (its answers). "
        "With --person, one participant's own copy, for a participant who asks to see what is kept about them: "
        "their seat, name and role, their own answers and comments, each with its question and when, and the Aptitude "
        "Poker cards in their hand, by title; nothing of anyone else. Secret ballots carry no name, so none is in it.",
        epilog="examples:\n"
        "  bootcamp export ID --format json -o ID.json\n"
        '  bootcamp export ID --person "Their Name" -o their-name.json',
    )
    export.add_argument("id", help="the workshop id (see `bootcamp list`)")
    export.add_argument(
        "--format",
        choices=["json", "csv"],
        default="json",
        help="JSON, or CSV with a row per answer (default: json)",
    )
    export.add_argument(
        "--person",
        metavar="PERSON",
        help="only this participant's own data: their seat as shown (P7), or their whole name (any case)",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output (a whole workshop's JSON is not written on a terminal: give "
        "FILE, or redirect it)",
    )
    export.add_argument(
        "--skip-damaged",
        action="store_true",
        help="export the answers that can be read, leaving out (and naming on stderr) each answers file that cannot; "
        "the files left out stay as they are",
    )

    import_ = sub.add_parser(
        "import",
        parents=[common],
        help="import a workshop from an exported JSON file",
        description="Bring an exported workshop back, all or nothing: every record is checked as the console checks "
        "it. A workshop whose id is here already is never written over unasked: a file the same as it is said to be "
        "here already; an older one (the workshop changed here since the file was exported) is refused, with when "
        "each was last changed and how many answers each holds, and so are two copies whose times cannot tell which "
        "is later; a later one (a day run on another laptop, handed back) is said to be one, for --replace. A "
        "refused file imports nothing (exit 1). --new-id imports the file beside the workshop here instead.",
        epilog="examples:\n"
        "  bootcamp export ID -o ID.json       on the laptop that ran the day\n"
        "  bootcamp import ID.json --replace   back here: the copy here is kept, archived",
    )
    import_.add_argument(
        "file",
        metavar="FILE.json",
        help="a workshop as `bootcamp export ID` wrote it (UTF-8, a byte-order mark allowed; a participant's own copy, "
        "`export --person`, is refused)",
    )
    same_id = import_.add_mutually_exclusive_group()
    same_id.add_argument(
        "--new-id",
        action="store_true",
        help="give the workshop a new id, to keep the workshop with its id here too (default: the file's id)",
    )
    same_id.add_argument(
        "--replace",
        action="store_true",
        help="put the file's copy in place of the workshop with its id here (a day handed back from another laptop); "
        "the copy here is kept, archived, under a new id, named for when it was replaced (`bootcamp archive ID --undo` "
        "brings it back); an older copy too; refused while a console has the workshop open",
    )
    import_.add_argument("--problems-to", metavar="FILE", help="when the file is refused, write every problem to FILE")
    import_.add_argument("--person", help=argparse.SUPPRESS)  # export's: refused in one sentence, not as unknown

    answers = sub.add_parser(
        "import-answers",
        parents=[common],
        help="add answers collected on paper or in a form tool (CSV)",
        description="Add answers collected on paper or in a form tool, all or nothing. An answer the same as the one "
        "stored (value and comment) is already there: counted, not written again. One that differs from the stored "
        "answer of the same person and question is refused, each named with its line and both values, and nothing "
        "is imported, unless --replace is given; then each answer replaced is listed. An answer without a time "
        "(the at column) is dated with the workshop's date.",
        epilog="example:\n  bootcamp import-answers ID paper.csv",
    )
    answers.add_argument("id", help="the workshop id")
    answers.add_argument(
        "file",
        metavar="FILE.csv",
        help="a row per answer, in `bootcamp export ID --format csv`'s columns (step, value and participant_id or "
        "participant needed); `bootcamp print sheets ID` prints paper sheets in the same layout",
    )
    answers.add_argument(
        "--replace",
        action="store_true",
        help="put the file's answers in place of different ones stored for the same person and question "
        "(each replaced is listed); without it such a file is refused and nothing is imported",
    )
    answers.add_argument("--problems-to", metavar="FILE", help="when the file is refused, write every problem to FILE")

    summary = sub.add_parser(
        "summary",
        parents=[common],
        help="the commitment-test summary of a workshop",
        description="Write a workshop's commitment-test summary, to share with the client: Markdown, printable HTML, "
        "JSON or CSV, to standard output or -o FILE. The facilitator's quick notes are left out unless "
        "--with-private-notes. An action marked done or dropped carries that day, and how late when done after its "
        "due date.",
        epilog="example:\n  bootcamp summary ID --format html -o summary.html",
    )
    summary.add_argument("id", help="the workshop id")
    summary.add_argument(
        "--format",
        choices=["md", "html", "json", "csv"],
        default="md",
        help="Markdown, printable HTML, JSON, or CSV for a spreadsheet (default: md)",
    )
    summary.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    summary.add_argument(
        "--with-private-notes",
        action="store_true",
        help="keep the facilitator's quick notes (ctrl+n, not projected), left out of a summary by default",
    )

    compare = sub.add_parser(
        "compare",
        parents=[common],
        help="the progress between two runs of the commitment test",
        description="Write the progress between two runs of the commitment test: each dimension before and after "
        "(biggest moves first), the aptitude and competency averages, the role, and the earlier run's actions as of "
        "the later run's date, with those still open from the runs before it. Without EARLIER_ID, the run LATER_ID "
        "was made again from, else the latest earlier run of its organisation; every format says which run it "
        "compares with and why. Runs of two organisations are compared, titled a comparison across organisations, "
        "not progress.",
        epilog="example:\n  bootcamp compare LATER_ID --format html -o progress.html",
    )
    compare.add_argument(
        "earlier",
        metavar="EARLIER_ID",
        nargs="?",
        help="the earlier workshop's id (default: the run LATER_ID was made again from, else the latest earlier "
        "run of its organisation)",
    )
    compare.add_argument("later", metavar="LATER_ID", help="the later workshop's id")
    compare.add_argument(
        "--format", choices=["md", "html", "json"], default="md", help="Markdown, printable HTML or JSON (default: md)"
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    printables = sub.add_parser(
        "print",
        parents=[common],
        help="printables for the day: the Poker deck, answer sheets, the facilitator's guide",
        description="Paper for the day, to standard output or -o FILE, to print from a browser: the Aptitude Poker "
        "deck, a workshop's answer sheets (in case the phones fail), and the facilitator's guide to rehearse from. "
        "bootcamp print WHAT --help says more of each.",
        epilog="examples:\n"
        "  bootcamp print deck -o deck.html\n"
        "  bootcamp print sheets ID -o sheets.html\n"
        "  bootcamp print guide ID --start 09:00 -o guide.html",
    )
    what = printables.add_subparsers(dest="what", metavar="WHAT", required=True)
    deck = what.add_parser(
        "deck",
        parents=[common],
        help="the Aptitude Poker cards as printable HTML",
        description="The Aptitude Poker cards as printable HTML: the shipped boot camp's, or --content's.",
        epilog="example:\n  bootcamp print deck -o deck.html",
    )
    deck.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    sheets = what.add_parser(
        "sheets",
        parents=[common],
        help="paper answer sheets matching `import-answers`",
        description="A workshop's paper answer sheets as printable HTML, in case the phones fail: a sheet per person "
        "(whose it is on every page), every answering step of its agenda, a row per answer with room for a comment. "
        "Type them back in with E on the console, or as a CSV with bootcamp import-answers.",
        epilog="example:\n  bootcamp print sheets ID -o sheets.html",
    )
    sheets.add_argument("id", help="the workshop id (see `bootcamp list`)")
    sheets.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    guide = what.add_parser(
        "guide",
        parents=[common],
        help="the facilitator's guide: the day at a glance with clock times, then every step's notes and keys",
        description="The facilitator's guide, to rehearse from and keep beside the laptop: the day at a glance "
        "(sessions and breaks with planned clock times from --start, minutes and running total, what to print and "
        "bring), then every step as the console numbers it with its planned time, its notes word for word, what "
        "the room answers and the keys it needs. Of a workshop, or without ID of the content's full or half day "
        "(--content DIR for your own).",
        epilog="examples:\n"
        "  bootcamp print guide ID --start 09:00 -o guide.html\n"
        "  bootcamp print guide --half-day --format md -o guide.md",
    )
    guide.add_argument(
        "id", nargs="?", help="the workshop id: its agenda, date and people (without it: the content's agenda)"
    )
    guide.add_argument(
        "--half-day", action="store_true", help="without a workshop: the half-day agenda (default: the full day)"
    )
    guide.add_argument("--start", metavar="HH:MM", help="when the day starts, on a 24-hour clock (default: 09:00)")
    guide.add_argument(
        "--format", choices=["html", "md"], default="html", help="printable HTML or Markdown (default: html)"
    )
    guide.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    present = sub.add_parser(
        "present",
        parents=[common],
        help="a read-only projector window that follows the console",
        description="Open a read-only projector window on a workshop, to drag onto the second screen of an extended "
        "desktop: it shows what the room may see of the step the console has open (its slide, the results once "
        "revealed, the join slide, a blanked wall), never the facilitator's notes, and changes nothing. The console "
        "becomes the speaker view while it is open; F6 on the console opens one in a new terminal window. q closes "
        "it, the console carries on.",
    )
    present.add_argument("id", help="the workshop id (see `bootcamp list`), as the console has it open")

    role = sub.add_parser(
        "role-check",
        parents=[common],
        help="split a job posting into its duty lines and suggest strategic or tactical for each, with the reason",
        description="Check a CCO job posting before the day: its duty lines, each with a suggested leaning "
        "(strategic, tactical or undecided) and the reason, then the suggested share of tactical duties. Headings, "
        "requirements and boilerplate are left out and counted. The room still decides, and the role's structure "
        "is not assessed here.",
        epilog="example:\n  bootcamp role-check posting.txt",
    )
    role.add_argument(
        "file",
        metavar="FILE",
        help="the posting as it was saved: text, a web page, a Word, OpenDocument or RTF document, or a PDF; "
        "- reads it from standard input",
    )
    role.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text, or json: a list of {line, leaning, reason, markers} (default: text)",
    )
    role.add_argument(
        "-v", "--verbose", action="store_true", help="list every line left out (headings, requirements …) and why"
    )
    for command in (*sub.choices.values(), *what.choices.values()):  # the innermost one parsed is kept (see parse)
        command.set_defaults(**{_COMMAND_PARSER: command})
        command.formatter_class = _CopyableHelpFormatter
    return parser


_COMMAND_PARSER = "_command_parser"  # the sub-command's own parser, kept while parsing: its usage names it


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; an option a command does not take is refused with that command's usage and name
    (``bootcamp list: error: unrecognized arguments: --format json``), not the top level's, which names neither."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    command: argparse.ArgumentParser = getattr(args, _COMMAND_PARSER, parser)
    if unknown:
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    if hasattr(args, _COMMAND_PARSER):
        delattr(args, _COMMAND_PARSER)
    return args


# The arguments that name a stored workshop: a command given one reads the data folder, which must be there.
_WORKSHOP_ARGUMENTS = ("id", "earlier", "later", "like", "workshop")


def data_folder_problem(args: argparse.Namespace) -> str | None:
    """For a command naming a stored workshop, one sentence when the data folder is not there (with how it was
    chosen), said before the id: a mistyped ``--data-dir`` is not an unknown workshop."""
    if not any(getattr(args, name, None) for name in _WORKSHOP_ARGUMENTS):
        return None
    from bootcamp.export.data_terminal import terminal_safe
    from bootcamp.locations import find_data_dir

    missing = find_data_dir(getattr(args, "data_dir", None)).missing()
    return None if missing is None else terminal_safe(missing)


# A path given empty ("$DIR" of a variable never set) is refused: taken as left out, --data-dir "" would act on the
# user data folder, the real library, and -o "" write to the terminal. What leaving each out means instead:
_LEFT_OUT = {
    "data_dir": ("--data-dir", "the data folder", "$BOOTCAMP_DATA_DIR, else your user data folder, is used"),
    "content": ("--content", "a content folder", "the shipped boot camp is used"),
    "output": ("-o", "a file", "it goes to standard output"),
}
# The demo is thrown away unless --data-dir keeps it: $BOOTCAMP_DATA_DIR holds real days (commands/tui.py)
_DEMO_DATA_DIR_LEFT_OUT = (
    "--data-dir",
    "the folder to keep the demo in",
    "the demo is made in a throw-away folder, removed when the app ends",
)


def empty_path_problem(args: argparse.Namespace) -> str | None:
    """One sentence for the first path option given as an empty (or blank) text, else None."""
    left_out = dict(_LEFT_OUT, data_dir=_DEMO_DATA_DIR_LEFT_OUT) if args.command == "demo" else _LEFT_OUT
    for name, (flag, what, otherwise) in left_out.items():
        given = getattr(args, name, None)
        if isinstance(given, str) and not given.strip():
            return f"{flag} is empty: give {what}, or leave {flag} out ({otherwise}); nothing was done"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    module_name = _COMMANDS.get(args.command or "", "tui")
    try:
        empty = empty_path_problem(args)
        if empty is not None:
            print(f"bootcamp: {empty}", file=sys.stderr)
            return 1
        missing = data_folder_problem(args)
        if missing is not None:
            print(f"bootcamp: {missing}", file=sys.stderr)
            return 1
        module = importlib.import_module(f"bootcamp.commands.{module_name}")
        return int(module.run(args) or 0)
    except UserError as error:
        print(f"bootcamp: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `bootcamp export … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""``bootcamp COMMAND --help`` says what the command does today: a newcomer reads it before the README."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
from pathlib import Path

import pytest

from bootcamp.cli import build_parser, parse


def help_of(*command: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        parse([*command, "--help"])
    return " ".join(out.getvalue().split())  # argparse wraps to the terminal's width


def test_role_check_help_names_the_files_it_reads_not_only_text() -> None:
    """It read "the posting as UTF-8 text", so a CCO with the posting as a Word file or a PDF converted it first."""
    said = help_of("role-check")
    assert "UTF-8 text;" not in said
    for kind in ("text", "web page", "Word", "PDF", "- reads it from standard input"):
        assert kind in said


@pytest.mark.parametrize("command", [("print", "deck"), ("print", "sheets")])
def test_every_output_option_says_what_it_does(command: tuple[str, ...]) -> None:
    """`-o FILE` had no help beside it on the printables, where export, summary and compare say it."""
    assert "write to FILE instead of standard output" in help_of(*command)


def test_forget_says_what_goes_what_is_only_listed_and_that_it_asks_first() -> None:
    """A consultant asked to erase someone reads the help before running something that cannot be undone."""
    forget = help_of("forget")
    for said in ("answers", "comments", "name and role", "'voted' marks", "Poker", "phone", "--redact-notes",
                 "console has the workshop open", "P7", "without asking"):
        assert said in forget, said


def test_delete_says_it_is_for_good_asks_for_the_id_and_points_to_archive() -> None:
    delete = help_of("delete")
    for said in ("for good", "id is typed to confirm", "--yes", "console has it open", "bootcamp archive"):
        assert said in delete, said


@pytest.mark.parametrize(
    ("command", "default"),
    [(("export",), "json"), (("summary",), "md"), (("compare",), "md"), (("print", "guide"), "html")],
)
def test_every_format_option_says_which_format_it_writes_without_it(command: tuple[str, ...], default: str) -> None:
    """`--format {md,html,json,csv}` stood alone, so only the README said what `bootcamp summary ID` writes."""
    assert f"(default: {default})" in help_of(*command)


def test_demo_help_says_the_demo_is_thrown_away_unless_data_dir_keeps_it() -> None:
    """`bootcamp demo --help` gave --data-dir every command's words, "default: $BOOTCAMP_DATA_DIR, else your user data
    folder", and nothing more: a facilitator practising with $BOOTCAMP_DATA_DIR set expected the demo kept there,
    where it is made in a throw-away folder removed when the app ends unless the flag is given."""
    demo = help_of("demo")
    assert "(default: $BOOTCAMP_DATA_DIR, else your user data folder)" not in demo
    for said in ("throw-away folder", "removed when the app ends", "beside what it holds, and kept",
                 "$BOOTCAMP_DATA_DIR is not used"):
        assert said in demo, said


def commands() -> dict[str, argparse.ArgumentParser]:
    """Each command's own parser by how it is typed: 'list', 'print guide' …"""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, typed: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, command in action.choices.items():
                    found[f"{typed} {name}".strip()] = command
                    walk(command, f"{typed} {name}")

    walk(build_parser(), "")
    return found


def arguments_shown(command: argparse.ArgumentParser) -> list[argparse.Action]:
    """What its --help lists, but -h itself and a group of sub-commands (each of those has its own help)."""
    return [
        action
        for action in command._actions
        if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction))
        and action.help != argparse.SUPPRESS
    ]


@pytest.mark.parametrize("typed", sorted(commands()))
def test_every_command_says_what_it_does_above_its_options(typed: str) -> None:
    """`bootcamp import --help` gave only its usage and options: same, older and newer copies, and what --replace
    keeps, were in the README alone."""
    assert (commands()[typed].description or "").strip(), f"bootcamp {typed} --help has no description"


@pytest.mark.parametrize("typed", sorted(commands()))
def test_every_argument_of_every_command_says_what_it_is(typed: str) -> None:
    """`FILE.json` and `FILE.csv` stood bare in their commands' help."""
    for action in arguments_shown(commands()[typed]):
        assert (action.help or "").strip(), f"bootcamp {typed}: {action.dest} has no help"


@pytest.mark.parametrize("typed", sorted(commands()))
def test_every_choice_says_which_is_taken_without_it(typed: str) -> None:
    """role-check's `--format {text,json}` said what json writes, not that text is what one gets without it."""
    for action in arguments_shown(commands()[typed]):
        if action.choices is not None and action.default is not None:
            assert f"(default: {action.default})" in action.help, f"bootcamp {typed}: {action.dest}"


def readme_synopses() -> dict[str, list[str]]:
    """The command table's first column, each `bootcamp …` in it by the command it names."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n\n", 1)[1].split("\n\n", 1)[0]
    synopses: dict[str, list[str]] = {}
    for row in table.splitlines()[2:]:
        first_column = re.split(r"(?<!\\)\|", row)[1]
        for synopsis in re.findall(r"`(bootcamp[^`]*)`", first_column):
            words = synopsis.split()[1:]
            typed = " ".join(words[:2]) if words[:1] == ["print"] else " ".join(words[:1])
            synopses.setdefault(typed, []).append(synopsis)
    return synopses


def flags_of(synopsis: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", synopsis))


# Every command takes these: the README says so once, under the table.
_EVERY_COMMANDS_FLAGS = {"--data-dir", "--content"}


@pytest.mark.parametrize("typed", sorted(typed for typed in commands() if typed != "print"))
def test_the_readme_table_names_each_command_with_the_flags_it_takes(typed: str) -> None:
    """The README's `bootcamp print deck` and `print guide` rows left out `-o FILE`, which the README's own first
    day uses (`bootcamp print deck -o deck.html`); `bootcamp list`'s row gave no flag, though it takes --archived."""
    synopses = readme_synopses().get(typed)
    assert synopses, f"no row of the README's command table is for bootcamp {typed}"
    in_readme = set().union(*map(flags_of, synopses))
    options = [action.option_strings for action in arguments_shown(commands()[typed]) if action.option_strings]
    taken = {flag for flags in options for flag in flags}
    assert not in_readme - taken, f"the README names flags bootcamp {typed} does not take: {in_readme - taken}"
    # -o FILE or --output FILE: either names the option
    left_out = [flags for flags in options if not set(flags) & (in_readme | _EVERY_COMMANDS_FLAGS)]
    assert not left_out, f"the README's row for bootcamp {typed} leaves out {left_out}"


def test_import_says_what_becomes_of_a_workshop_already_here() -> None:
    """`bootcamp import --help` gave one line and bare options: that a file the same as the workshop here, older or
    later is told so and nothing imported, and what --replace keeps, were in the README alone."""
    said = help_of("import")
    for what in ("all or nothing", "the same", "older", "later", "imports nothing", "--replace", "kept, archived",
                 "--new-id", "(default: the file's id)", "`bootcamp export ID`"):
        assert what in said, what


def test_import_answers_says_which_file_it_reads() -> None:
    said = help_of("import-answers")
    for what in ("`bootcamp export ID --format csv`'s columns", "`bootcamp print sheets ID`"):
        assert what in said, what


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("list", ("id", "on stderr", "said to be missing", "Archived workshops are left out and counted",
                  "--archived", "(default: left out, counted)")),
        ("archive", ("nothing is deleted or rewritten", "console has it open", "--undo brings it back")),
        ("new", ("id on the last line", "--participants-file", "--like EARLIER_ID", "run N", "--date is required",
                 "(default: the full day)", "bootcamp new --like EARLIER_ID --date")),
    ],
)
def test_the_workshops_own_commands_say_what_they_do(command: str, says: tuple[str, ...]) -> None:
    """list, archive and new carried only their one-line summary: that list leaves archived workshops out (and
    --archived lists them), and what `new --like` copies and requires, were in the README alone."""
    said = help_of(command)
    for what in says:
        assert what in said, what


def test_a_flag_is_never_cut_at_its_hyphen_nor_an_example_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """On an 80-column terminal `bootcamp new --help` read "--participants- / file", which cannot be typed back."""
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        parse(["new", "--help"])
    said = out.getvalue()
    assert "--participants-\n" not in said
    assert '  bootcamp new "Spring boot camp" --org Northwind --participants-file attendees.csv --date 2026-12-10\n' \
        in said


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("summary", ("Markdown, printable HTML, JSON or CSV", "quick notes are left out unless --with-private-notes",
                     "bootcamp summary ID --format html -o summary.html")),
        ("compare", ("before and after", "actions", "Without EARLIER_ID", "says which run it compares with",
                     "across organisations")),
    ],
)
def test_the_reports_say_what_they_write_and_leave_out(command: str, says: tuple[str, ...]) -> None:
    """`bootcamp summary --help` carried one line: that the quick notes are left out of what is shared unless
    --with-private-notes, and which run compare picks without EARLIER_ID, were in the README alone."""
    said = help_of(command)
    for what in says:
        assert what in said, what


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("open", ("where it stopped", "--join", "phones", "bootcamp open ID --join 0.0.0.0:8080")),
        ("present", ("read-only projector window", "the step the console has open", "never the facilitator's notes",
                     "speaker view", "F6")),
    ],
)
def test_the_windows_on_a_workshop_say_what_they_show(command: str, says: tuple[str, ...]) -> None:
    """`bootcamp present --help` carried one line: what the projector window shows, that it follows the step the
    console has open without its notes, and that F6 opens it, were in the README alone."""
    said = help_of(command)
    for what in says:
        assert what in said, what


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (("print",), ("deck", "answer sheets", "guide", "bootcamp print sheets ID -o sheets.html")),
        (("print", "deck"), ("Aptitude Poker cards", "--content", "bootcamp print deck -o deck.html")),
        (("print", "sheets"), ("in case the phones fail", "every answering step", "bootcamp import-answers",
                               "bootcamp print sheets ID -o sheets.html")),
        (("print", "guide"), ("the day at a glance", "--start", "without ID", "(default: the full day)",
                              "bootcamp print guide ID --start 09:00 -o guide.html")),
    ],
)
def test_the_printables_say_what_is_printed(command: tuple[str, ...], says: tuple[str, ...]) -> None:
    """`bootcamp print deck`, `sheets` and `guide --help` carried one line and their options, and none the command
    the README's first day gives to print it."""
    said = help_of(*command)
    for what in says:
        assert what in said, what


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("validate", ("every problem", "file, line and field", "--copy-to DIR", "never over files there",
                      "bootcamp --content my-bootcamp validate")),
        ("role-check", ("duty lines", "strategic, tactical or undecided", "left out and counted",
                        "The room still decides", "(default: text)", "bootcamp role-check posting.txt")),
    ],
)
def test_the_checks_before_the_day_say_what_they_check(command: str, says: tuple[str, ...]) -> None:
    """`bootcamp validate` and `role-check --help` carried one line: how validate starts your own boot camp, and
    what role-check leaves out and suggests (and that text is written without --format), were in the README alone."""
    said = help_of(command)
    for what in says:
        assert what in said, what


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("demo", "bootcamp --data-dir DIR demo"),
        ("forget", 'bootcamp forget WORKSHOP "Their Name"'),
        ("export", "bootcamp export ID --format json -o ID.json"),
        ("export", 'bootcamp export ID --person "Their Name" -o their-name.json'),
        ("import-answers", "bootcamp import-answers ID paper.csv"),
    ],
)
def test_a_command_gives_the_example_the_readme_gives(command: str, example: str) -> None:
    """demo, forget, export and import-answers said what they do but not how the README runs them."""
    assert "example" in help_of(command)
    assert example in help_of(command)

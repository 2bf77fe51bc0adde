"""``bootcamp role-check FILE|- [--format text|json] [-v]``: the role check's suggestion for each duty of a job posting.

The posting (a file, or standard input for ``-``) is split into its duty lines
(:func:`bootcamp.content.posting.split_posting`), and each line gets the content's suggestion
(:func:`bootcamp.content.rolecheck.suggest`): strategic, tactical or undecided, with the
reason. The text is plain and safe on any terminal (control characters in the posting are
shown as ``\\x1b``-style escapes, never obeyed); ``--format json`` prints only a JSON list of
``{line, leaning, reason, markers}``. Nothing is stored: in the workshop, the room decides.

No line is left out unsaid: the summary counts the lines left out by kind (headings, lines outside
the duties, requirements, boilerplate, questions) and quotes those that did not read as a duty, the
kind that may be a duty after all; ``-v`` lists every one with why. With ``--format json`` that goes
to standard error, so standard output stays the JSON list.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from bootcamp.content import load_dir
from bootcamp.content.model import Leaning, RoleCheck
from bootcamp.content.posting import LeftOut, LeftOutKind, left_out_counts, split_posting
from bootcamp.content.posting_file import read_posting_file
from bootcamp.content.rolecheck import Suggestion, suggest
from bootcamp.errors import UserError
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.locations import default_content_dir

STDIN = "-"


@dataclass(frozen=True)
class CheckedLine:
    line: str
    suggestion: Suggestion


def run(args: argparse.Namespace) -> int:
    name = "standard input" if args.file == STDIN else terminal_safe(args.file)
    posting = read_posting(args.file, name)
    content_dir = Path(getattr(args, "content", None) or default_content_dir())
    check = role_check(content_dir)
    split = split_posting(posting)
    verbose = bool(getattr(args, "verbose", False))
    if not split.kept:
        if verbose and split.left_out:
            sys.stderr.write("\n".join(left_out_list(split.left_out)) + "\n")
        raise UserError(f"no duty lines found in {name}: {_why_none(posting, split.left_out)}")
    checked = [CheckedLine(line, suggest(line, check)) for line in split.kept]
    if args.format == "json":
        sys.stdout.write(render_json(checked))
        if split.left_out:  # standard output stays the JSON list
            sys.stderr.write("\n".join(left_out_note(split.left_out, verbose)) + "\n")
    else:
        sys.stdout.write(render_text(checked, check, split.left_out, verbose))
    sys.stdout.flush()
    return 0


def read_posting(file: str, name: str) -> str:
    """The posting's text, from the file or standard input: text, a web page, a Word, OpenDocument or RTF document, or
    a PDF (:mod:`bootcamp.content.posting_file`)."""
    if file != STDIN:
        return read_posting_file(Path(file), name)
    if sys.stdin.isatty():
        print("bootcamp: paste the posting, then Ctrl-D on a line of its own", file=sys.stderr)
    return read_posting_file(sys.stdin.buffer, name)


def role_check(content_dir: Path) -> RoleCheck:
    """The content's role check (a ContentError, itself a UserError, lists what is wrong with the content)."""
    program = load_dir(content_dir)
    check = next((exercise for exercise in program.exercises if isinstance(exercise, RoleCheck)), None)
    if check is None:
        raise UserError(
            f"the content in {terminal_safe(str(content_dir))} has no role check "
            "(an exercise of kind role-check under exercises/)"
        )
    return check


def _why_none(posting: str, left_out: list[LeftOut]) -> str:
    if not posting.strip():
        return "it is empty"
    return (
        f"every line was left out ({terminal_safe(left_out_counts(left_out))}); "
        'put the duties under a heading such as "Responsibilities:" to keep them'
    )


# -- output ----------------------------------------------------------------------------------------------------------


def render_text(
    checked: list[CheckedLine], check: RoleCheck, left_out: list[LeftOut] | None = None, verbose: bool = False
) -> str:
    """Each line numbered with its leaning and reason, then the counts, the tactical share and who decides.

    With ``verbose``, the lines left out are listed (each with why) before the summary.
    """
    left_out = left_out or []
    width = len(str(len(checked)))
    out: list[str] = []
    for number, item in enumerate(checked, start=1):
        leaning = item.suggestion.leaning.value
        out.append(f"{number:>{width}}. {leaning:<10} {terminal_safe(item.line)}")
        out.append(f"{'':>{width}}  {'':<10} {terminal_safe(item.suggestion.reason)}")
    if verbose and left_out:
        out.append("")
        out.extend(left_out_list(left_out))
    out.append("")
    out.extend(summary(checked, check, left_out, verbose))
    return "\n".join(out) + "\n"


def summary(
    checked: list[CheckedLine], check: RoleCheck, left_out: list[LeftOut] | None = None, verbose: bool = False
) -> list[str]:
    counts = {leaning: sum(1 for item in checked if item.suggestion.leaning is leaning) for leaning in Leaning}
    strategic, tactical, undecided = counts[Leaning.STRATEGIC], counts[Leaning.TACTICAL], counts[Leaning.UNDECIDED]
    lean = "leans" if strategic == 1 else "lean"
    lines = [
        f"{_count(len(checked), 'duty line')}: {strategic} {lean} strategic, {tactical} tactical, {undecided} undecided."
    ]
    if left_out:
        lines.extend(left_out_note(left_out, verbose, listed_above=verbose))
    leaning_either_way = strategic + tactical
    if leaning_either_way:
        share = round(100 * tactical / leaning_either_way)
        of_lines = (
            "of the 1 line that leans either way"
            if leaning_either_way == 1
            else f"{tactical} of the {leaning_either_way} lines that lean either way"
        )
        lines.append(f"Suggested share of tactical duties: {share}% ({of_lines}).")
    else:
        lines.append("Suggested share of tactical duties: none, as no line leans either way.")
    structure = ", ".join(_lower_first(question.label) for question in check.structure) or "its level and backing"
    lines.append(
        "These are only suggestions: the room decides each line, and the role's structure "
        f"({terminal_safe(structure)}) is not assessed here but in the check's structure questions."
    )
    return lines


def render_json(checked: list[CheckedLine]) -> str:
    """A JSON list of ``{line, leaning, reason, markers}``; ``markers`` are the matched marker ids."""
    from bootcamp.export.report_json import printable_json  # its escaping: safe to print, decodes to the text

    return printable_json(
        [
            {
                "line": item.line,
                "leaning": item.suggestion.leaning.value,
                "reason": item.suggestion.reason,
                "markers": [marker.id for marker in item.suggestion.markers],
            }
            for item in checked
        ]
    )


# -- the lines left out -----------------------------------------------------------------------------------------------


def left_out_note(left_out: list[LeftOut], verbose: bool, listed_above: bool = False) -> list[str]:
    """The summary's line on what was left out; with ``verbose`` (and not listed above), the list itself."""
    count = f"{_count(len(left_out), 'line')} left out: {terminal_safe(left_out_counts(left_out))}"
    if listed_above:
        return [f"{count} (listed above)."]
    if verbose:
        return [f"{count}.", *left_out_list(left_out)]
    return [f"{count}; -v lists them."]


LISTED_WIDTH = 300  # a left-out line longer than this (a file run into one line) is listed by its start


def left_out_list(left_out: list[LeftOut]) -> list[str]:
    """Every line left out, in the posting's order: its kind, the line, and why when the kind does not say it all."""
    width = max(len(item.kind.value) for item in left_out)
    out = ["Left out:"]
    for item in left_out:
        why = "" if item.kind in (LeftOutKind.HEADING, LeftOutKind.REQUIREMENT, LeftOutKind.QUESTION) else item.why
        text = item.text if len(item.text) <= LISTED_WIDTH else f"{item.text[:LISTED_WIDTH].rstrip()}…"
        out.append(f"  {item.kind.value:<{width}}  {terminal_safe(text)}" + (f"  ({terminal_safe(why)})" if why else ""))
    return out


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _lower_first(text: str) -> str:
    # "Officer level" reads as "officer level" mid-sentence; "CEO backing" keeps its capitals
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text

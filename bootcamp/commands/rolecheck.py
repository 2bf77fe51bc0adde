"""``bootcamp role-check FILE|- [--format text|json]``: the role check's suggestion for each duty of a job posting.

The posting (a file, or standard input for ``-``) is split into its duty lines
(:func:`bootcamp.content.posting.duty_lines`), and each line gets the content's suggestion
(:func:`bootcamp.content.rolecheck.suggest`): strategic, tactical or undecided, with the
reason. The text is plain and safe on any terminal (control characters in the posting are
shown as ``\\x1b``-style escapes, never obeyed); ``--format json`` prints only a JSON list of
``{line, leaning, reason, markers}``. Nothing is stored: in the workshop, the room decides.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from bootcamp.content import load_dir
from bootcamp.content.model import Leaning, RoleCheck
from bootcamp.content.posting import duty_lines
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
    lines = duty_lines(posting)
    if not lines:
        raise UserError(f"no duty lines found in {name}: {_why_none(posting)}")
    checked = [CheckedLine(line, suggest(line, check)) for line in lines]
    sys.stdout.write(render_json(checked) if args.format == "json" else render_text(checked, check))
    sys.stdout.flush()
    return 0


def read_posting(file: str, name: str) -> str:
    """The posting's text: UTF-8 (a byte-order mark is dropped), from the file or standard input."""
    try:
        if file == STDIN:
            if sys.stdin.isatty():
                print("bootcamp: paste the posting, then Ctrl-D on a line of its own", file=sys.stderr)
            data = sys.stdin.buffer.read()
        else:
            data = Path(file).read_bytes()
    except OSError as error:
        raise UserError(f"cannot read {name}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8 and try again") from None


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


def _why_none(posting: str) -> str:
    if not posting.strip():
        return "it is empty"
    return (
        "headings, requirements and boilerplate are left out and nothing else reads as a duty; "
        'put the duties under a heading such as "Responsibilities:"'
    )


# -- output ----------------------------------------------------------------------------------------------------------


def render_text(checked: list[CheckedLine], check: RoleCheck) -> str:
    """Each line numbered with its leaning and reason, then the counts, the tactical share and who decides."""
    width = len(str(len(checked)))
    out: list[str] = []
    for number, item in enumerate(checked, start=1):
        leaning = item.suggestion.leaning.value
        out.append(f"{number:>{width}}. {leaning:<10} {terminal_safe(item.line)}")
        out.append(f"{'':>{width}}  {'':<10} {terminal_safe(item.suggestion.reason)}")
    out.append("")
    out.extend(summary(checked, check))
    return "\n".join(out) + "\n"


def summary(checked: list[CheckedLine], check: RoleCheck) -> list[str]:
    counts = {leaning: sum(1 for item in checked if item.suggestion.leaning is leaning) for leaning in Leaning}
    strategic, tactical, undecided = counts[Leaning.STRATEGIC], counts[Leaning.TACTICAL], counts[Leaning.UNDECIDED]
    lines = [
        f"{_count(len(checked), 'duty line')}: {strategic} lean strategic, {tactical} tactical, {undecided} undecided."
    ]
    leaning_either_way = strategic + tactical
    if leaning_either_way:
        share = round(100 * tactical / leaning_either_way)
        lines.append(
            f"Suggested share of tactical duties: {share}% ({tactical} of the "
            f"{_count(leaning_either_way, 'line')} that lean either way)."
        )
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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _lower_first(text: str) -> str:
    # "Officer level" reads as "officer level" mid-sentence; "CEO backing" keeps its capitals
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text

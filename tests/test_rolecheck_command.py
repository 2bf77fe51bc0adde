"""``bootcamp role-check FILE|-``: a posting's duty lines, each with the role check's suggestion and reason.

Run as the user runs it (``python -m bootcamp`` in a subprocess). The exact leanings are
checked on the test content, whose two markers do not move; the reasons are whatever
``suggest`` says for the line, so rewording a marker does not break these tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bootcamp.content import load_dir
from bootcamp.content.model import RoleCheck
from bootcamp.content.rolecheck import suggest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
CHECK = next(e for e in load_dir(FIXTURE_CONTENT).exercises if isinstance(e, RoleCheck))

POSTING = """\
Chief Customer Officer, Fixture Ltd

Responsibilities
- Carry a personal new-business quota
- Lead the customer journey redesign with product and operations
- Chair the monthly customer council
- Own the renewals journey and its quota

Requirements
- 10+ years of experience in customer success
"""
LEFT_OUT = "4 lines left out: 2 headings, 2 outside the duties; -v lists them."
LINES = [
    ("Carry a personal new-business quota", "tactical"),
    ("Lead the customer journey redesign with product and operations", "strategic"),
    ("Chair the monthly customer council", "undecided"),  # no marker
    ("Own the renewals journey and its quota", "undecided"),  # one each way
]


def bootcamp(
    *args: str,
    stdin: str | None = None,
    stdin_bytes: bytes = b"",
    content: Path | None = FIXTURE_CONTENT,
    cwd: Path = ROOT,
) -> tuple[int, str, str]:
    """``bootcamp role-check ARGS`` in a subprocess, this checkout's package first: exit code, stdout, stderr."""
    command = [sys.executable, "-m", "bootcamp", "role-check", *args]
    if content is not None:
        command += ["--content", str(content)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    data = stdin.encode() if stdin is not None else stdin_bytes
    result = subprocess.run(command, check=False, input=data, capture_output=True, timeout=120, cwd=cwd, env=env)
    return result.returncode, result.stdout.decode(), result.stderr.decode()


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_text_numbers_each_duty_line_with_its_leaning_and_reason_then_sums_up(posting: Path) -> None:
    code, out, err = bootcamp(str(posting))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    for number, (line, leaning) in enumerate(LINES):
        assert lines[2 * number] == f"{number + 1}. {leaning:<10} {line}"
        assert lines[2 * number + 1] == " " * 14 + suggest(line, CHECK).reason
    assert lines[8:12] == [
        "",
        "4 duty lines: 1 leans strategic, 1 tactical, 2 undecided.",
        LEFT_OUT,  # the title, the two headings and the requirement: said, not dropped unsaid
        "Suggested share of tactical duties: 50% (1 of the 2 lines that lean either way).",
    ]
    decides = lines[12]
    assert "the room decides each line" in decides and "structure" in decides and "not assessed here" in decides
    assert "reports to ceo" in decides  # the check's own structure questions, by name
    assert len(lines) == 13  # the title and the requirement are not duty lines


def test_stdin_reads_the_same_posting(posting: Path) -> None:
    assert bootcamp("-", stdin=POSTING) == bootcamp(str(posting))


def test_json_is_exactly_a_list_of_line_leaning_reason_markers(posting: Path) -> None:
    code, out, err = bootcamp(str(posting), "--format", "json")
    assert (code, err) == (0, LEFT_OUT + "\n")  # what was left out goes to standard error, never into the JSON
    data = json.loads(out)  # nothing else on stdout
    assert isinstance(data, list)
    assert [(item["line"], item["leaning"]) for item in data] == LINES
    for item in data:
        assert set(item) == {"line", "leaning", "reason", "markers"}
        assert item["leaning"] in ("strategic", "tactical", "undecided")
        suggestion = suggest(item["line"], CHECK)
        assert item["reason"] == suggestion.reason
        assert item["markers"] == [marker.id for marker in suggestion.markers]
    assert [item["markers"] for item in data] == [["quota"], ["journey"], [], ["quota", "journey"]]


def test_the_shipped_content_is_the_default(posting: Path) -> None:
    code, out, err = bootcamp(str(posting), "--format", "json", content=None)
    assert (code, err) == (0, LEFT_OUT + "\n")
    shipped = next(e for e in load_dir(ROOT).exercises if isinstance(e, RoleCheck))
    assert json.loads(out) == [
        {
            "line": line,
            "leaning": suggest(line, shipped).leaning.value,
            "reason": suggest(line, shipped).reason,
            "markers": [marker.id for marker in suggest(line, shipped).markers],
        }
        for line, _ in LINES
    ]


def test_a_windows_posting_with_a_byte_order_mark_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + POSTING.replace("\n", "\r\n").encode())
    code, out, _ = bootcamp(str(path), "--format", "json")
    assert code == 0 and [item["line"] for item in json.loads(out)] == [line for line, _ in LINES]


HOSTILE = (
    "Responsibilities\n- Lead \x1b[31mred\x1b[0m teams \x9b2J [bold]x[/bold] \u202eevil\n- Own the \x07journey\x00\n"
)


def test_control_characters_in_the_posting_are_shown_never_obeyed() -> None:
    code, out, err = bootcamp("-", stdin=HOSTILE)
    assert (code, err) == (0, "")
    assert "1. undecided  Lead \\x1b[31mred\\x1b[0m teams \\x9b2J [bold]x[/bold] \\u202eevil" in out
    assert "2. strategic  Own the \\x07journey\\x00" in out
    assert not any(ch in out for ch in "\x1b\x9b\x07\x00\u202e")
    code, out, err = bootcamp("-", "--format", "json", stdin=HOSTILE)
    assert not any(ch in out for ch in "\x1b\x9b\x07\x00\u202e")  # escaped in the JSON …
    assert json.loads(out)[0]["line"] == "Lead \x1b[31mred\x1b[0m teams \x9b2J [bold]x[/bold] \u202eevil"  # … exactly


def no_role_check(tmp_path: Path) -> Path:
    """The test content without its role check (the exercise and the step that uses it)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "exercises" / "role-check.yaml").unlink()
    basics = content / "sessions" / "basics.yaml"
    session = yaml.safe_load(basics.read_text())
    session["steps"] = [step for step in session["steps"] if step["kind"] != "check"]
    basics.write_text(yaml.safe_dump(session, sort_keys=False))
    return content


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "bootcamp: cannot read posting.txt: No such file or directory"),
        ("folder", "bootcamp: cannot read .: Is a directory"),
        ("empty", "bootcamp: no duty lines found in empty.txt: it is empty"),
        ("blank stdin", "bootcamp: no duty lines found in standard input: it is empty"),
        (
            "no duties",
            (
                "bootcamp: no duty lines found in standard input: every line was left out (2 headings, 2 outside the "
                'duties); put the duties under a heading such as "Responsibilities:" to keep them'
            ),
        ),
        (
            "no duty verb",
            (
                "bootcamp: no duty lines found in standard input: every line was left out (2 not read as a duty: "
                '"Acme makes kettles."; "Its kettles sell in 40 countries."); put the duties under a heading such as '
                '"Responsibilities:" to keep them'
            ),
        ),
        (
            "no role check",
            "bootcamp: the content in {content} has no role check (an exercise of kind role-check under exercises/)",
        ),
    ],
)
def test_errors_are_one_sentence_on_stderr_with_exit_1(case: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    content = no_role_check(tmp_path) if case == "no role check" else FIXTURE_CONTENT
    args, stdin = {
        "missing": (["posting.txt"], None),
        "folder": (["."], None),
        "empty": (["empty.txt"], None),
        "blank stdin": (["-"], " \n\r\n\t\n"),
        "no duties": (["-"], "About us\nWe make kettles.\n\nRequirements\n- 10+ years of experience\n"),
        "no duty verb": (["-"], "Acme makes kettles. Its kettles sell in 40 countries.\n"),
        "no role check": (["-"], POSTING),
    }[case]
    assert bootcamp(*args, stdin=stdin, content=content, cwd=tmp_path) == (
        1,
        "",
        message.format(content=content) + "\n",
    )


# -- a CCO's own list, and nothing left out unsaid ---------------------------------------------------------------------

SIX_DUTIES = [
    "Run the customer care centre and its weekly staffing rota",
    "Shape a customer experience strategy that every department adopts",
    "Personally handle escalations from top hospital clients",
    "Lead patient experience rounding on the wards",
    "Keep the contact centre budget within plan",
    "Track renewal rates for the top accounts",
]


def test_a_plain_list_of_duties_pasted_keeps_all_six_and_leaves_nothing_out() -> None:
    code, out, err = bootcamp("-", "--format", "json", stdin="\n".join(SIX_DUTIES) + "\n")
    assert (code, err) == (0, "")  # nothing left out, nothing to say
    assert [item["line"] for item in json.loads(out)] == SIX_DUTIES
    code, out, err = bootcamp("-", stdin="\n".join(SIX_DUTIES) + "\n")
    assert (code, err) == (0, "")
    assert "6 duty lines:" in out and "left out" not in out


@pytest.mark.parametrize("line", SIX_DUTIES)
def test_each_of_the_six_alone_is_a_duty_line(line: str) -> None:
    code, out, err = bootcamp("-", "--format", "json", stdin=line + "\n")
    assert (code, err) == (0, "")
    assert [item["line"] for item in json.loads(out)] == [line]


MIXED = (
    "Chief Customer Officer\n"
    "\n"
    "Acme makes kettles. Steward the brand promise across all brands. Lead the customer council.\n"
    "\n"
    "- Own the complaints budget\n"
    "- 10+ years of experience in customer success\n"
    "- Competitive salary and annual bonus\n"
    "- Sound like you?\n"
)
MIXED_LEFT_OUT = [
    "Left out:",
    "  not read as a duty  Chief Customer Officer  (no duty verb at its start)",
    "  not read as a duty  Acme makes kettles.  (no duty verb at its start)",
    "  not read as a duty  Steward the brand promise across all brands.  (no duty verb at its start)",
    "  requirement         10+ years of experience in customer success",
    "  boilerplate         Competitive salary and annual bonus  (pay and benefits)",
    "  question            Sound like you?",
]
MIXED_COUNTS = (
    "6 lines left out: 1 requirement, 1 boilerplate, 1 question, 3 not read as a duty: "
    '"Chief Customer Officer"; "Acme makes kettles."; "Steward the brand promise across all brands."'
)


def test_the_summary_counts_the_lines_left_out_and_quotes_those_not_read_as_a_duty() -> None:
    code, out, err = bootcamp("-", stdin=MIXED)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line for line in lines if line[:2] in ("1.", "2.", "3.")] == [
        f"1. {suggest('Lead the customer council.', CHECK).leaning.value:<10} Lead the customer council.",
        f"2. {suggest('Own the complaints budget', CHECK).leaning.value:<10} Own the complaints budget",
    ]
    counted = next(number for number, line in enumerate(lines) if line.startswith("2 duty lines: "))
    assert lines[counted + 1] == MIXED_COUNTS + "; -v lists them."
    assert "Left out:" not in lines


def test_verbose_lists_every_line_left_out_with_why() -> None:
    code, out, err = bootcamp("-", "-v", stdin=MIXED)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    start = lines.index("Left out:")
    assert lines[start : start + len(MIXED_LEFT_OUT)] == MIXED_LEFT_OUT
    assert MIXED_COUNTS + " (listed above)." in lines


def test_json_keeps_its_shape_and_says_what_was_left_out_on_standard_error() -> None:
    code, out, err = bootcamp("-", "--format", "json", stdin=MIXED)
    assert code == 0
    assert [set(item) for item in json.loads(out)] == [{"line", "leaning", "reason", "markers"}] * 2
    assert err == MIXED_COUNTS + "; -v lists them.\n"
    code, out, err = bootcamp("-", "--format", "json", "--verbose", stdin=MIXED)
    assert len(json.loads(out)) == 2
    assert err.splitlines() == [MIXED_COUNTS + ".", *MIXED_LEFT_OUT]


def test_left_out_lines_are_shown_never_obeyed() -> None:
    code, out, err = bootcamp("-", "-v", stdin="Acme makes \x1b[31mkettles\x1b[0m.\n- Lead the team\n")
    assert (code, err) == (0, "")
    assert "Acme makes \\x1b[31mkettles\\x1b[0m." in out and "\x1b" not in out


def test_a_posting_of_one_line_is_summed_up_in_the_singular() -> None:
    code, out, err = bootcamp("-", stdin="Lead the customer journey redesign with product and operations\n")
    assert (code, err) == (0, "")
    assert "1 duty line: 1 leans strategic, 0 tactical, 0 undecided." in out.splitlines()
    assert "Suggested share of tactical duties: 0% (of the 1 line that leans either way)." in out

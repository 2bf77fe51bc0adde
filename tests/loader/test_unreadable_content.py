"""A content file that cannot be read or decoded is one problem naming the file and where, among the others."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from content_edits import FIXTURE, problems

from bootcamp.content import ContentError, load_dir, load_sources, read_sources

WORKTREE = Path(__file__).resolve().parents[2]


def latin1(content: Path) -> Path:
    """basics.yaml saved as Latin-1, an é on the title's line; returns the file."""
    basics = content / "sessions" / "basics.yaml"
    text = basics.read_text(encoding="utf-8")
    assert "title: Welcome" in text
    basics.write_bytes(text.replace("title: Welcome", "title: Café Welcome", 1).encode("latin-1"))
    return basics


def line_of(path: Path, needle: bytes) -> int:
    return next(n for n, line in enumerate(path.read_bytes().splitlines(), 1) if needle in line)


def test_a_latin1_file_is_one_line_with_line_column_and_byte(content: Path) -> None:
    basics = latin1(content)
    line = line_of(basics, b"Caf\xe9")
    column = basics.read_bytes().splitlines()[line - 1].index(b"\xe9") + 1
    assert problems(content) == [
        f"sessions/basics.yaml:{line}:{column}: not UTF-8 text (byte 0xe9); save it as UTF-8"
    ]  # and nothing about the session it defines: what it holds is unknown


def test_the_other_files_are_still_checked(content: Path) -> None:
    latin1(content)
    role_check = content / "exercises" / "role-check.yaml"
    role_check.write_text(role_check.read_text().replace("leaning: tactical", "leaning: sideways", 1))
    found = problems(content)
    assert len(found) == 2, found
    assert found[0].startswith("exercises/role-check.yaml:") and "sideways" in found[0]
    assert found[1].startswith("sessions/basics.yaml:") and "not UTF-8" in found[1]


def test_the_column_counts_characters_not_bytes(content: Path) -> None:
    (content / "exercises" / "extra.yaml").write_bytes("title: Ça\nbody: ü €".encode() + b"\xe9\n")
    found = [p for p in problems(content) if p.startswith("exercises/extra.yaml")]
    assert found == ["exercises/extra.yaml:2:10: not UTF-8 text (byte 0xe9); save it as UTF-8"]


def test_a_utf8_byte_order_mark_just_loads(content: Path) -> None:
    for path in content.glob("*/*.yaml"):
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    program = load_dir(content)
    assert program == load_dir(FIXTURE)
    assert not any(text.startswith("\ufeff") for text in program.sources.values())  # the stored copy is clean


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-16", ":1:1: UTF-16 text, not UTF-8; save it as UTF-8"),  # with its byte-order mark, as Notepad writes
        ("utf-16-be", ":1:1: not UTF-8 text (byte 0x00, as in UTF-16); save it as UTF-8"),
        ("utf-16-le", ":1:2: not UTF-8 text (byte 0x00, as in UTF-16); save it as UTF-8"),
    ],
)
def test_a_utf16_file_is_one_line(content: Path, encoding: str, expected: str) -> None:
    role_check = content / "exercises" / "role-check.yaml"
    role_check.write_bytes(role_check.read_text().encode(encoding))
    found = problems(content)
    assert found == ["exercises/role-check.yaml" + expected]


def test_a_folder_where_a_file_should_be(content: Path) -> None:
    (content / "sessions" / "more.yaml").mkdir()
    assert problems(content) == ["sessions/more.yaml: cannot read it: it is a folder, not a file"]


def test_a_file_that_is_gone_by_the_time_it_is_read(content: Path) -> None:
    (content / "exercises" / "gone.yaml").symlink_to(content / "nowhere.yaml")  # listed, but nothing to open
    assert problems(content) == ["exercises/gone.yaml: cannot read it: No such file or directory"]


def test_a_pipe_is_refused_not_waited_on(content: Path) -> None:
    os.mkfifo(content / "exercises" / "pipe.yaml")
    assert problems(content) == ["exercises/pipe.yaml: cannot read it: not a regular file"]


def test_a_file_that_may_not_be_read(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod cannot stop root, who runs these tests in CI; the error is what the system would raise
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "role-check.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problems(content) == ["exercises/role-check.yaml: cannot read it: Permission denied"]
    with pytest.raises(ContentError, match="role-check.yaml: cannot read it"):
        read_sources(content)


def test_a_folder_that_may_not_be_read(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scandir = os.scandir

    def refuse(path):
        if Path(path).name == "sessions":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert problems(content) == ["sessions/: cannot read the folder: Permission denied"]  # not "program.yaml missing"


def test_a_content_folder_that_may_not_be_entered(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "is_dir", refuse)
    assert problems(content) == [f"{content}: cannot read it: Permission denied"]


def test_a_file_name_that_is_not_utf8(content: Path) -> None:
    try:
        (content / "exercises").joinpath(os.fsdecode(b"caf\xe9.yaml")).write_text("id: x\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system keeps only UTF-8 names")
    assert problems(content) == ["exercises/caf\\xe9.yaml: the file name is not UTF-8 text; rename it"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id: x\n\tkind: poker\n", 2, "a tab indents this line"),
        ("id: x\n  kind: poker\n", 2, "mapping values are not allowed"),
        ("id: x\nkind:\n  - a\n - b\n", 4, "not valid YAML"),
        ("id: x\ntitle: a\x07b\n", 2, "character U+0007 (control characters are not allowed)"),
    ],
)
def test_yaml_that_does_not_parse_names_file_and_line(content: Path, text: str, line: int, message: str) -> None:
    (content / "exercises" / "extra.yaml").write_text(text)
    found = [p for p in problems(content) if p.startswith("exercises/extra.yaml")]
    assert len(found) == 1, found
    assert found[0].startswith(f"exercises/extra.yaml:{line}:") and message in found[0]
    assert "\n" not in found[0]


def test_a_control_character_is_placed_by_line_and_column_after_wide_characters() -> None:
    sources = read_sources(FIXTURE) | {"exercises/extra.yaml": "id: x\ntitle: Ça €\x07\n"}
    with pytest.raises(ContentError) as caught:
        load_sources(sources)
    assert [str(p) for p in caught.value.problems] == [
        "exercises/extra.yaml:2:12: not valid YAML: character U+0007 (control characters are not allowed)"
    ]


def test_a_stored_copy_with_half_a_surrogate_pair_is_a_problem_not_a_crash() -> None:
    sources = read_sources(FIXTURE) | {"exercises/extra.yaml": "id: x\ntitle: a\udce9\n"}
    with pytest.raises(ContentError) as caught:
        load_sources(sources)
    [problem] = caught.value.problems
    assert str(problem).startswith("exercises/extra.yaml:2:9: not valid YAML: character U+DCE9")


# -- the commands, as a person runs them ----------------------------------------------------------------------


def bootcamp(*args: str, cwd: Path = WORKTREE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(WORKTREE), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "bootcamp", *args], check=False, capture_output=True, text=True, timeout=60, cwd=cwd, env=env
    )


def test_validate_on_a_latin1_file_is_one_line_and_no_traceback(content: Path) -> None:
    basics = latin1(content)
    done = bootcamp("validate", "--content", str(content))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr and done.stderr == ""
    line = line_of(basics, b"Caf\xe9")
    assert done.stdout.splitlines() == [
        f"sessions/basics.yaml:{line}:15: not UTF-8 text (byte 0xe9); save it as UTF-8",
        f"1 problem in {content}",
    ]


@pytest.mark.parametrize("command", [["demo"], ["new", "Spring camp", "--org", "Northwind"]])
def test_demo_and_new_on_a_latin1_file_are_a_clear_error(content: Path, tmp_path: Path, command: list[str]) -> None:
    latin1(content)
    done = bootcamp(*command, "--content", str(content), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "sessions/basics.yaml:" in done.stderr and "not UTF-8 text (byte 0xe9)" in done.stderr
    assert not list(tmp_path.glob("data/*/"))  # no workshop was made

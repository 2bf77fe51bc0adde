"""Copies of the shipped content with its role check changed, and the one-sentence error each gets (for tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bootcamp.content import ContentError, load_dir

ROOT = Path(__file__).resolve().parents[2]


def content_with(tmp_path: Path, before: str, inserted: list[str]) -> int:
    """A copy of the shipped content with lines inserted before the first line containing ``before``; returns its index."""
    shutil.copytree(ROOT / "sessions", tmp_path / "sessions")
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    path = tmp_path / "exercises" / "role-check.yaml"
    lines = path.read_text().splitlines()
    at = next(n for n, text in enumerate(lines) if before in text)
    lines[at:at] = inserted
    path.write_text("\n".join(lines) + "\n")
    return at


def problem_said(tmp_path: Path, about: str) -> str:
    """The line of the error that loading the copy in ``tmp_path`` gives which mentions ``about`` (never a traceback)."""
    with pytest.raises(ContentError) as error:
        load_dir(tmp_path)
    said = str(error.value)
    assert "Traceback" not in said
    return next(line for line in said.splitlines() if about in line)


def row_added_to_block(tmp_path: Path, block: str, row: str) -> int:
    """A copy with ``row`` as the first row of the learned ``block`` (``words``, ``examples``); returns its index."""
    shipped = (ROOT / "exercises" / "role-check.yaml").read_text().splitlines()
    first_row = shipped[next(n for n, text in enumerate(shipped) if text.strip() == f"{block}: |") + 1]
    return content_with(tmp_path, first_row, [row])


def setting_changed(tmp_path: Path, old: str, new: str) -> int:
    """A copy whose first line starting with ``old`` starts with ``new`` instead; returns its index."""
    content_with(tmp_path, "structure:", [])
    path = tmp_path / "exercises" / "role-check.yaml"
    lines = path.read_text().splitlines()
    at = next(n for n, text in enumerate(lines) if text.startswith(old))
    lines[at] = new + lines[at][len(old) :]
    path.write_text("\n".join(lines) + "\n")
    return at

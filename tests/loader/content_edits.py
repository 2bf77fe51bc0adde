"""A copy of the fixture content to break as an author would, and the problems the loader then lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootcamp.content import ContentError, load_dir

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def problems(content_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_dir(content_dir)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)

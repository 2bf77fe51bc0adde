"""The Markdown summary of a fixed room on the fixture content, compared with a reviewed golden file.

When the report changes on purpose, regenerate the file and review the diff before committing:

    BOOTCAMP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/summary/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

from summary_rooms import golden_room

from bootcamp.export.report_markdown import render_markdown

GOLDEN = Path(__file__).parent / "golden" / "summary.md"


def test_markdown_summary_matches_the_golden_file() -> None:
    markdown = render_markdown(golden_room().report(as_of="2026-10-15"))
    if os.environ.get("BOOTCAMP_UPDATE_GOLDEN"):
        GOLDEN.write_text(markdown, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert markdown == expected, (
        "the Markdown summary changed; if on purpose, regenerate with "
        "BOOTCAMP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/summary/test_golden.py and review the diff"
    )

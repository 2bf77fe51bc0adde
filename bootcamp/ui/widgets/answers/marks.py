"""How an answer stands, in one cell: hidden or shown, and whether it is on disk yet."""

from __future__ import annotations

from rich.text import Text

from bootcamp.live.saving import Mark

HIDDEN_ANSWER = "●"  # answered, value hidden until the facilitator reveals the step
NO_ANSWER = "·"

_MARKS = {
    Mark.PENDING: ("…", "dim"),  # queued for the writer
    Mark.FAILED: ("!", "bold red"),  # retrying; the status bar says why
}
SAVE_LEGEND = "✓ saved  … saving  ! not saved, retrying"


def save_mark(record: object | None, mark: Mark) -> Text:
    """✓ once on disk, … while queued, ! while a save keeps failing; nothing for a record not there."""
    if mark in _MARKS:
        glyph, style = _MARKS[mark]
        return Text(glyph, style=style)
    if record is None:
        return Text("")
    return Text("✓", style="green")

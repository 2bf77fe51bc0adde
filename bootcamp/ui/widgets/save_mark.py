"""How a record stands on disk, in a few cells: saving…, saved, or not saved (and being retried).

The room's records (notes, actions, Poker notes, seats) show this beside themselves; the
console's status bar says the same for everything at once.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from bootcamp.live.saving import Mark

LABELS = {
    Mark.NONE: ("", ""),
    Mark.PENDING: ("saving…", "dim"),
    Mark.SAVED: ("✓ saved", "dim"),
    Mark.FAILED: ("✗ not saved — retrying", "bold"),
}


# In a table's column (People's list), where the whole label would be cut at the list's edge ("✗ not sav").
SHORT_LABELS = {**LABELS, Mark.FAILED: ("✗ unsaved", "bold")}


def mark_text(mark: Mark, *, short: bool = False) -> Text:
    label, style = (SHORT_LABELS if short else LABELS)[mark]
    return Text(label, style=style, end="")


def show_mark(widget: Widget, mark: Mark) -> None:
    """The mark as the widget's border subtitle; a failed save also marks the widget (class ``-unsaved``)."""
    widget.border_subtitle = mark_text(mark)
    widget.set_class(mark is Mark.FAILED, "-unsaved")

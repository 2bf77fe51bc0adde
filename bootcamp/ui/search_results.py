"""Search across the workshops as the search screen shows it: the library's hits, each with its step's title,
and the matching words highlighted in a short excerpt.

The search itself is :class:`bootcamp.library.Library`'s; this module only adapts it for the screen (run in a
thread worker) and draws a hit as Rich text. Step titles come from each workshop's own stored content, so a
step renamed since reads as the room saw it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from bootcamp.library.model import QUICK_NOTE
from bootcamp.ui.text import safe

if TYPE_CHECKING:
    from bootcamp.clock import Clock
    from bootcamp.content.model import Program
    from bootcamp.library import Library, SearchHit
    from bootcamp.store import Store

LINE_BREAK = "⏎"  # a line break in a note, shown on the one line an excerpt has
ELLIPSIS = "…"
EXCERPT_WIDTH = 70  # characters of matched text shown around the first match (the 80-column layout's line)
BEFORE_MATCH = 20  # of which at most this many come before it
HIGHLIGHT = "bold reverse"


@dataclass(frozen=True)
class FoundHit:
    """One hit as the screen lists it: the library's hit and the title of its step ("" for the workshop's own)."""

    hit: SearchHit
    step_title: str


class WorkshopSearch:
    """The library's search for one screen's life, each hit with its step's title; call :meth:`find` in a worker
    thread. The library is kept (it remembers the index as last read, so a search as the user types reads no file
    that did not change); a lock makes a search still running in a cancelled worker finish before the next one."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._library: Library | None = None
        self._titles = StepTitles(store)
        self._one_at_a_time = threading.Lock()

    def _the_library(self) -> Library:
        from bootcamp.library.library import Library

        if self._library is None:
            self._library = Library(self.store.data_dir, self.clock)
        return self._library

    def warm(self) -> None:
        """Ready the library while the user starts typing (a first search would otherwise unpack every text)."""
        with self._one_at_a_time:
            self._the_library().prepare()

    def find(self, query: str, *, organisation: str | None = None, quick_notes: bool = True) -> list[FoundHit]:
        """Every hit for ``query`` (only ``organisation``'s workshops when given; the facilitator's quick notes only
        with ``quick_notes``)."""
        with self._one_at_a_time:
            from bootcamp.library.library import TYPING_FRESHNESS

            hits = self._the_library().search(query, organisation=organisation, fresh_within=TYPING_FRESHNESS)
            shown = [hit for hit in hits if quick_notes or hit.where != QUICK_NOTE]
            return [FoundHit(hit, self._titles.title(hit.workshop_id, hit.step_key)) for hit in shown]


class StepTitles:
    """Step titles from each workshop's stored content, read once per workshop."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._programs: dict[str, Program | None] = {}

    def title(self, workshop_id: str, step_key: str) -> str:
        if not step_key:
            return ""
        if workshop_id not in self._programs:
            from bootcamp.store import StoreError

            try:
                self._programs[workshop_id] = self.store.open(workshop_id, sweep=False).program()  # reads, never writes
            except StoreError:
                self._programs[workshop_id] = None
        program = self._programs[workshop_id]
        step = program.step(step_key) if program is not None else None
        return step.title if step is not None else step_key  # a step its content no longer has: its key


def one_line_map(text: str) -> tuple[str, list[int]]:
    """``text`` on one line (a line break shown as ⏎, a carriage return dropped, a tab as a space) and, for each
    character of the original, where it is in the line (so the library's spans still point at the match)."""
    shown: list[str] = []
    where: list[int] = []
    for char in text:
        where.append(len(shown))
        if char == "\n":
            shown.append(LINE_BREAK)
        elif char == "\r":
            continue
        elif char == "\t":
            shown.append(" ")
        else:
            shown.append(char)
    where.append(len(shown))  # the end of the text
    return "".join(shown), where


def excerpt(text: str, spans: tuple[tuple[int, int], ...], width: int = EXCERPT_WIDTH) -> Text:
    """The matched text on one line, cut to about ``width`` characters around the first match (… where cut),
    with every match inside highlighted; control characters shown as symbols, never sent to the terminal."""
    line, where = one_line_map(text)
    matches = sorted(
        (where[max(0, min(start, len(text)))], where[max(0, min(end, len(text)))])
        for start, end in spans
        if end > start
    )
    first, first_end = matches[0] if matches else (0, 0)
    # a match the line's opening already shows is shown from the opening: "Ben (CFO) … bonus", not "…en (CFO) … bonus"
    start = 0 if first_end < width else max(0, min(first - BEFORE_MATCH, len(line) - width))
    end = min(len(line), start + width)
    shown = Text(end="")
    if start > 0:
        shown.append(ELLIPSIS, style="dim")
    offset = len(shown)
    shown.append(safe(line[start:end]))  # safe keeps one character for one: the spans still line up
    if end < len(line):
        shown.append(ELLIPSIS, style="dim")
    for match_start, match_end in matches:
        low, high = max(match_start, start), min(match_end, end)
        if high > low:
            shown.stylize(HIGHLIGHT, offset + low - start, offset + high - start)
    return shown

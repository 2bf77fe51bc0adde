"""What a page puts around a posting's text: a PDF's page headers and footers (its page numbers, a running header at
every page's edge) and a web page's "…see more" and "Show less" copied with it."""

from __future__ import annotations

import re

from bootcamp.content.posting.marks import _BULLET, _NUMBER
from bootcamp.content.posting.result import LeftOut, LeftOutKind

PAGE_FURNITURE = "a page's header or footer"
# "Page 2 of 3", "Acme Ltd · Confidential · Page 1 of 2", "Seite 1 von 2", "2 / 3", "- 2 -": a page's number
_PAGE_NUMBER = re.compile(
    r"(?:^|[\s·|•–—-])(?:page|seite|p[áa]gina|pagina)\s?\d{1,4}(?:\s?(?:of|/|von|de|sur|di|van)\s?\d{1,4})?$"
    r"|^\d{1,4}\s?(?:/|of)\s?\d{1,4}$|^[-–—]\s?\d{1,4}\s?[-–—]$",
    re.IGNORECASE,
)
_RUNNING_HEADER_WORDS = 12


def _page_edges(text: str) -> frozenset[str]:
    """The first line of every page after a form feed and the last before one (pdftotext's, and the PDF reader's,
    page breaks): where a page's header and footer stand."""
    pages = text.split("\x0c")
    edges: set[str] = set()
    for number, page in enumerate(pages):
        said = [line.strip() for line in page.splitlines() if line.strip()]
        if said and number > 0:
            edges.add(said[0])
        if said and number < len(pages) - 1:
            edges.add(said[-1])
    return frozenset(edges)


def _page_furniture(raw: list[str], edges: frozenset[str]) -> set[int]:
    """The lines that are a page's header or footer: a page's number, and a short line that comes again on another
    page, standing at a page's edge or beside its number (a running header: "Role Profile – Director of …")."""
    numbers = {
        number for number, line in enumerate(raw) if len(line) <= 200 and _PAGE_NUMBER.search(line.strip())
    }
    said = [number for number, line in enumerate(raw) if line.strip()]
    beside_numbers = {
        raw[said[at + step]].strip()
        for at, number in enumerate(said)
        if number in numbers
        for step in (-1, 1)
        if 0 <= at + step < len(said)
    }
    counts: dict[str, int] = {}
    for line in raw:
        counts[line.strip()] = counts.get(line.strip(), 0) + 1
    running = {
        text
        for text in (edges | beside_numbers)
        if counts.get(text, 0) >= 2
        and len(text.split()) <= _RUNNING_HEADER_WORDS
        and not re.search(r"[.!?;:,]$", text)
        and not (_BULLET.match(text) or _NUMBER.match(text))
    }
    return numbers | {number for number, line in enumerate(raw) if line.strip() in running}


# LinkedIn folds a long posting: "…show more" ends the text it folds (or stands on a line of its own), "Show less" under
# it. They are the page's buttons, copied with its text.
_PAGE_CONTROL = re.compile(r"(?:(?:…|\.{3})[ \t]{0,3}|^)(?:see|show) (?:more|less)$", re.IGNORECASE)


def _without_page_control(line: str) -> tuple[str, tuple[LeftOut, ...]]:
    """A line without a page's "…see more" at its end, and the control, left out as boilerplate."""
    control = _PAGE_CONTROL.search(line)
    if control is None:
        return line, ()
    return line[: control.start()].rstrip(), (LeftOut(control[0], LeftOutKind.BOILERPLATE, "a page control"),)

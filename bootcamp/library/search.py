"""Search: which texts hold every word asked for, case and accents aside (pure: rows in, hits out).

A text is a hit when it holds at least one of the words and each of the others is in it or in its
workshop's name or organisation (the name and the organisation themselves must hold every word): "acme pricing" finds the notes on pricing of Acme's workshops.
Words match anywhere in a word ("price" finds "prices"); ``spans`` mark each in the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from bootcamp.library.model import ORGANISATION, WORKSHOP, SearchHit
from bootcamp.library.texts import TextEntry
from bootcamp.store.model import WorkshopInfo

_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def folded(text: str) -> str:
    """``text`` without case or accents, for telling whether a word is in it (quick: C-level calls only)."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


def query_words(query: str) -> tuple[str, ...]:
    """The words of a query, folded, each once, longest first (a word inside another adds no span of its own)."""
    words = {folded(word) for word in query.split()}
    return tuple(sorted((word for word in words if word), key=lambda word: (-len(word), word)))


def _folded_with_places(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, and for each folded character the place of its original."""
    out: list[str] = []
    places: list[int] = []
    for place, char in enumerate(text):
        for part in folded(char):
            out.append(part)
            places.append(place)
    return "".join(out), places


def spans(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where each of ``words`` is in ``text`` (as written), overlaps merged, in order."""
    flat, places = _folded_with_places(text)
    found: list[tuple[int, int]] = []
    for word in words:
        start = flat.find(word)
        while start != -1:
            found.append((places[start], places[start + len(word) - 1] + 1))
            start = flat.find(word, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def hits_in(info: WorkshopInfo, entries: Iterable[TextEntry], words: Sequence[str]) -> list[SearchHit]:
    """The hits among one workshop's texts, in their order (the day's)."""
    if not words:
        return []
    context = folded(f"{info.name}\n{info.organisation}")
    hits = []
    for entry in entries:
        flat = folded(entry.text)
        inside = [word in flat for word in words]
        around = "" if entry.where in (WORKSHOP, ORGANISATION) else context  # the name and organisation stand alone
        if any(inside) and all(found or word in around for word, found in zip(words, inside, strict=True)):
            hits.append(
                SearchHit(
                    workshop_id=info.id,
                    workshop_name=info.name,
                    organisation=info.organisation,
                    date=info.date,
                    step_key=entry.step_key,
                    where=entry.where,
                    text=entry.text,
                    spans=spans(entry.text, [w for w, found in zip(words, inside, strict=True) if found]),
                )
            )
    return hits

"""Search: which texts hold every word asked for, case and accents aside (pure: rows in, hits out).

A text is a hit when it holds at least one of the words and each of the others is in it or in its
workshop's name or organisation (the name and the organisation themselves must hold every word): "acme pricing" finds the notes on pricing of Acme's workshops.
Words match anywhere in a word ("price" finds "prices"); ``spans`` mark each in the text as written.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bootcamp.library.model import ORGANISATION, WORKSHOP, SearchHit
from bootcamp.library.texts import TextEntry
from bootcamp.store.workshop_info import WorkshopInfo

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


_NOT_IN_JSON_AS_IS = re.compile(r'["\\\x00-\x1f]')  # what JSON writes escaped: a word holding one may not be found as it is


def could_hold(flat: str, context: str, words: Sequence[str]) -> bool:
    """Whether a workshop whose texts, written as JSON and folded, are ``flat`` may hold a hit for ``words``:
    each word in them or in the workshop's name (``context``), one at least in them. Never False for a workshop
    that has a hit; True for some that have none (a word across two texts, or in a step's key)."""
    if any(_NOT_IN_JSON_AS_IS.search(word) for word in words):
        return True
    inside = [word in flat for word in words]
    return any(inside) and all(found or word in context for word, found in zip(words, inside, strict=True))


def _folded_with_places(text: str) -> tuple[str, Sequence[int]]:
    """``text`` folded character by character, and for each folded character the place of its original."""
    if text.isascii():  # one character for one: the places are the same
        return text.lower(), range(len(text))
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


@dataclass(frozen=True)
class FoldedTexts:
    """One workshop's texts, folded and joined by line breaks (which no word holds), so each word is looked
    for once per workshop, by the C string search, rather than once per text."""

    entries: tuple[TextEntry, ...]
    folded: tuple[str, ...]
    joined: str
    starts: tuple[int, ...]  # where each text starts in ``joined``

    @classmethod
    def of(cls, entries: Sequence[TextEntry]) -> FoldedTexts:
        flat = tuple(folded(entry.text) for entry in entries)
        starts, at = [], 0
        for text in flat:
            starts.append(at)
            at += len(text) + 1
        return cls(tuple(entries), flat, "\n".join(flat), tuple(starts))

    def holding(self, word: str) -> set[int]:
        """The texts (by place) that hold ``word``."""
        found: set[int] = set()
        at = self.joined.find(word)
        while at != -1:
            index = bisect.bisect_right(self.starts, at) - 1
            found.add(index)
            at = self.joined.find(word, at + 1)
        return found


def hits_in(info: WorkshopInfo, texts: FoldedTexts, words: Sequence[str]) -> list[SearchHit]:
    """The hits among one workshop's texts, in their order (the day's)."""
    if not words:
        return []
    context = folded(f"{info.name}\n{info.organisation}")
    holding = {word: texts.holding(word) for word in words}
    if any(not places and word not in context for word, places in holding.items()):
        return []  # a word in none of its texts, nor in its name: no hit in this workshop
    hits = []
    for index in sorted(set().union(*holding.values())):
        entry = texts.entries[index]
        inside = [index in holding[word] for word in words]
        around = "" if entry.where in (WORKSHOP, ORGANISATION) else context  # the name and organisation stand alone
        if all(found or word in around for word, found in zip(words, inside, strict=True)):
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

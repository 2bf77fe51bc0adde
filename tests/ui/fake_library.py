"""A stand-in for ``bootcamp.library`` (being written on branch ``index``) with its interface, for the search
screen's tests until the real one is merged. Case-insensitive substring search over the workshop folders."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bootcamp.clock import Clock
from bootcamp.store import Store


@dataclass(frozen=True)
class SearchHit:
    workshop_id: str
    workshop_name: str
    organisation: str
    date: str
    step_key: str
    where: str
    text: str
    spans: tuple[tuple[int, int], ...]


class Library:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store

    def search(self, query: str, *, organisation: str | None = None) -> list[SearchHit]:
        words = query.split()
        hits = []
        for info in self.store.scan_workshops().workshops:
            if organisation is not None and info.organisation != organisation:
                continue
            files = self.store.open(info.id, sweep=False)
            texts = [("", "workshop", info.name), ("", "organisation", info.organisation)]
            texts += [("", "participant", p.name) for p in info.participants]
            texts += [(a.step_key, "comment", a.comment) for a in files.answers() if a.comment]
            for note in files.room().notes:
                texts.append((note.step_key, "quick note" if note.quick else "room note", note.text))
            for step_key, where, text in texts:
                spans = [m.span() for word in words for m in re.finditer(re.escape(word), text, re.IGNORECASE)]
                if words and all(re.search(re.escape(w), text, re.IGNORECASE) for w in words):
                    hits.append(
                        SearchHit(info.id, info.name, info.organisation, info.date, step_key, where, text, tuple(sorted(spans)))
                    )
        return hits

"""The library: every workshop of a data folder, as home, search and the actions view read it.

Each call refreshes the index from the folders' signatures first (:mod:`bootcamp.library.refresh`),
so what it answers is what the folders hold now.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bootcamp.clock import Clock, local_today
from bootcamp.errors import UserError
from bootcamp.library import open_actions as actions_module
from bootcamp.library.model import LibraryListing, LibraryRow, OpenAction, SearchHit
from bootcamp.library.refresh import Memo, Refreshed, refresh
from bootcamp.library.rows import parse_texts, unpacked_texts
from bootcamp.library.vocabulary import Vocabulary
from bootcamp.store.layout import WORKSHOPS_FOLDER
from bootcamp.store.workshop_info import Action

if TYPE_CHECKING:
    # Searching is imported by the methods that search: a listing (home's first frame) does without it.
    from bootcamp.library.search import FoldedTexts

# A search screen searches again at every key typed: within this many seconds of its last look at the folders it
# answers from what it read then (a stat of every workshop folder is most of a search across 1,000 workshops).
TYPING_FRESHNESS = 2.0


@dataclass
class _Texts:
    """One workshop's search text, as read from its row: folded whole at once (a quick "could it be in here"
    for every word), parsed into texts only when it could be."""

    files: str  # the signature of the files it was read from
    unpacked: str
    flat: str
    parsed: FoldedTexts | None = None


class Library:
    """Keep one for a screen's life: it remembers the index as last read, and each workshop's text as folded,
    so a search as the user types reads no file that did not change (every call still looks at the folders)."""

    def __init__(self, data_dir: Path, clock: Clock) -> None:
        # The folder, not a Store: listing from the index needs none of the store's readers or writers, so home's
        # first list does not wait for them to be imported (a folder changed since is read by row_reading).
        self.data_dir = data_dir
        self.workshops_dir = data_dir / WORKSHOPS_FOLDER
        self.clock = clock
        self._memo: Memo | None = None
        self._texts: dict[str, _Texts] = {}
        self._vocabulary = Vocabulary()
        self._vocabulary_of: Refreshed | None = None  # the refresh the vocabulary was brought up to
        self._last: tuple[float, Refreshed] | None = None  # when the folders were last looked at, and what was read

    def _refreshed(self, fresh_within: float = 0.0) -> Refreshed:
        now = time.monotonic()
        if self._last is not None and now - self._last[0] < fresh_within:
            return self._last[1]
        refreshed = refresh(self.data_dir, self.workshops_dir, self.clock, self._memo)
        self._memo = refreshed.memo
        self._last = (now, refreshed)
        return refreshed

    def _rows(
        self, refreshed: Refreshed, organisation: str | None, only: frozenset[str] | None = None
    ) -> list[LibraryRow]:
        from tinydb import Query

        of_organisation = Query().organisation == organisation
        chosen = refreshed.decoded if only is None else {i: refreshed.decoded[i] for i in only if i in refreshed.decoded}
        rows = [
            LibraryRow(
                decoded.info,
                decoded.stopped_at,
                decoded.actions,
                partial(self._actions_from_folder, workshop_id),
                decoded.archived,
                decoded.days,
            )
            for workshop_id, decoded in chosen.items()
            if organisation is None or of_organisation(refreshed.rows[workshop_id])
        ]
        rows.sort(key=lambda row: (row.info.date, row.info.created_at, row.info.id), reverse=True)
        return rows

    def listing(self) -> LibraryListing:
        """Every readable workshop, newest first, and one sentence for each folder that cannot be read."""
        refreshed = self._refreshed()
        return LibraryListing(tuple(self._rows(refreshed, None)), refreshed.problems)

    def search(self, query: str, *, organisation: str | None = None, fresh_within: float = 0.0) -> list[SearchHit]:
        """Texts holding every word of ``query`` (see :mod:`bootcamp.library.search`), newest workshop first.

        ``fresh_within``: answer from the folders as looked at less than that many seconds ago, if they were
        (a search screen passes :data:`TYPING_FRESHNESS`); by default the folders are looked at now.
        """
        from bootcamp.library.search import FoldedTexts, could_hold, folded, hits_in, query_words

        words = query_words(query)
        if not words:
            return []
        refreshed = self._searchable(self._refreshed(fresh_within))
        rows = self._rows(refreshed, organisation, only=self._vocabulary.may_hold_all(words))
        hits: list[SearchHit] = []
        for row in rows:
            texts = self._texts_of(refreshed, row.info.id)
            if not could_hold(texts.flat, folded(f"{row.info.name}\n{row.info.organisation}"), words):
                continue
            if texts.parsed is None:
                try:
                    texts.parsed = FoldedTexts.of(parse_texts(texts.unpacked))
                except ValueError:  # a row of the wrong shape: the folder answers instead
                    texts.parsed = FoldedTexts.of(parse_texts(self._unpacked_from_folder(refreshed, row.info.id)))
            found = hits_in(row.info, texts.parsed, words)
            hits += [replace(hit, archived=row.archived, days=row.days) for hit in found]
        return hits

    def prepare(self) -> None:
        """Get ready to search: every workshop's text unpacked and in the vocabulary (about half a second for
        1,000 workshops), so that the first search typed costs what the next ones do."""
        self._searchable(self._refreshed())
        self._vocabulary.ready()
        # Readying made hundreds of thousands of objects: the next allocations would set off a collection of the
        # oldest generation, 10-15 ms, in the middle of the first search typed. Collected here, while it waits.
        gc.collect()

    def _searchable(self, refreshed: Refreshed) -> Refreshed:
        """``refreshed``, its workshops' texts in the vocabulary."""
        from bootcamp.library.search import folded

        if self._vocabulary_of is not refreshed:
            for workshop_id, decoded in refreshed.decoded.items():
                texts = self._texts_of(refreshed, workshop_id)
                name = folded(f"{decoded.info.name}\n{decoded.info.organisation}")
                self._vocabulary.keep(workshop_id, f"{texts.files}\n{name}", f"{texts.flat}\n{name}")
            self._vocabulary.keep_only(refreshed.decoded)
            self._vocabulary_of = refreshed
        return refreshed

    def _texts_of(self, refreshed: Refreshed, workshop_id: str) -> _Texts:
        from bootcamp.library.search import folded

        stored = refreshed.rows[workshop_id]
        cached = self._texts.get(workshop_id)
        if cached is not None and cached.files == stored["files"]:
            return cached
        try:
            unpacked = unpacked_texts(stored)
        except (KeyError, ValueError):  # a row of the wrong shape: the folder answers instead
            unpacked = self._unpacked_from_folder(refreshed, workshop_id)
        texts = self._texts[workshop_id] = _Texts(stored["files"], unpacked, folded(unpacked))
        return texts

    def _unpacked_from_folder(self, refreshed: Refreshed, workshop_id: str) -> str:
        stored = refreshed.rows[workshop_id]
        from bootcamp.library.row_reading import read_row

        folder = self.workshops_dir / workshop_id
        return unpacked_texts(read_row(folder, stored["stamp"], stored["taken_at"], stored["files"], self.clock, {}))

    def _actions_from_folder(self, workshop_id: str) -> tuple[Action, ...]:
        """A workshop's actions from its folder (its row's packed actions could not be read); none if it is gone."""
        from bootcamp.store.workshop import WorkshopFiles

        try:
            return WorkshopFiles(self.workshops_dir / workshop_id, self.clock).room().actions
        except UserError:
            return ()

    def open_actions(self, *, organisation: str | None = None) -> list[OpenAction]:
        """Actions open or under way: overdue first (due before today, by the clock), by due date, undated last."""
        today = local_today(self.clock)
        return actions_module.open_actions(self._rows(self._refreshed(), organisation), today)

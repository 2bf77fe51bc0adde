"""Which workshops may hold a word, without looking in every one: a vocabulary of the library's texts.

Each workshop's folded search text is cut at white space into chunks; each distinct chunk keeps the set of
workshops whose text has it, as the bits of one integer (1,000 workshops: 125 bytes a chunk). A query word has
no white space, so every workshop holding it has a chunk that holds it: the workshops of all the chunks the
word is found in (one C string search over the vocabulary joined) are the only ones worth looking into. It
answers "may hold", never "holds": :func:`bootcamp.library.search.could_hold` and the search itself decide.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

# A word holding one of these is written escaped in the JSON the texts are kept as: it may not be found as typed,
# so it narrows nothing (the same rule as bootcamp.library.search.could_hold).
_ESCAPED_IN_JSON = re.compile(r'["\\\x00-\x1f]')


class Vocabulary:
    def __init__(self) -> None:
        self._slot: dict[str, int] = {}  # workshop id → its bit
        self._id_of: dict[int, str] = {}
        self._free: list[int] = []
        self._signature: dict[str, str] = {}  # workshop id → the files its chunks were cut from
        self._chunks_of: dict[str, frozenset[str]] = {}
        self._workshops_of: dict[str, int] = {}  # chunk → bits of the workshops that have it
        self._joined: tuple[str, list[str], list[int]] | None = None  # the chunks joined, in order, and where each starts
        self._every = 0  # the bits of every workshop known

    def keep(self, workshop_id: str, signature: str, text: str) -> None:
        """Know ``workshop_id``'s text as of ``signature`` (nothing to do when it is the one known)."""
        if self._signature.get(workshop_id) == signature:
            return
        self.drop(workshop_id)
        slot = self._free.pop() if self._free else len(self._slot)
        self._slot[workshop_id], self._id_of[slot] = slot, workshop_id
        bit = 1 << slot
        self._every |= bit
        chunks = frozenset(text.split())
        workshops_of = self._workshops_of
        for chunk in chunks:
            workshops_of[chunk] = workshops_of.get(chunk, 0) | bit
        self._signature[workshop_id], self._chunks_of[workshop_id] = signature, chunks
        self._joined = None

    def drop(self, workshop_id: str) -> None:
        slot = self._slot.pop(workshop_id, None)
        if slot is None:
            return
        keep = ~(1 << slot)
        self._every &= keep
        for chunk in self._chunks_of.pop(workshop_id):
            left = self._workshops_of[chunk] & keep
            if left:
                self._workshops_of[chunk] = left
            else:
                del self._workshops_of[chunk]
        del self._signature[workshop_id], self._id_of[slot]
        self._free.append(slot)
        self._joined = None

    def keep_only(self, workshop_ids: Iterable[str]) -> None:
        for gone in set(self._slot) - set(workshop_ids):
            self.drop(gone)

    def may_hold_all(self, words: Sequence[str]) -> frozenset[str]:
        """The workshops whose text may hold every one of ``words`` (folded, as :func:`query_words` gives them)."""
        every = self._every
        joined, chunks, starts = self._joined_chunks()
        for word in words:
            if _ESCAPED_IN_JSON.search(word):
                continue
            found = 0
            at = joined.find(word)
            while at != -1:
                place = bisect.bisect_right(starts, at) - 1
                found |= self._workshops_of[chunks[place]]
                at = joined.find(word, starts[place + 1] if place + 1 < len(starts) else len(joined))
            every &= found
            if not every:
                return frozenset()
        return frozenset(self._id_of[slot] for slot in _bits(every))

    def ready(self) -> None:
        """Join the chunks now rather than at the first search (about 3 ms for 1,000 workshops)."""
        self._joined_chunks()

    def _joined_chunks(self) -> tuple[str, list[str], list[int]]:
        if self._joined is None:
            chunks = list(self._workshops_of)
            starts, at = [], 0
            for chunk in chunks:
                starts.append(at)
                at += len(chunk) + 1
            self._joined = ("\n".join(chunks), chunks, starts)
        return self._joined


def _bits(mask: int) -> Iterable[int]:
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest

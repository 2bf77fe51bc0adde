"""Guessing the join code: an address that keeps trying wrong codes is slowed, then refused for a while.

A person who mistypes the code tries a few times; a script tries thousands. With 19 letters in five
places there are about 2.5 million codes, so a handful of free tries, then a growing delay, then
refusal for ten minutes leaves guessing hopeless while a clumsy thumb is never locked out for long.
Pure Python: the server asks :meth:`WrongCodes.verdict` and sleeps or refuses as told.
"""

from __future__ import annotations

from dataclasses import dataclass

FREE_TRIES = 5  # wrong codes from one address answered at once
REFUSE_AFTER = 20  # wrong codes from one address within the window before it is refused
WINDOW_SECONDS = 600.0  # how long a wrong code is remembered, and how long a refusal lasts
DELAY_STEP = 0.25  # seconds added per wrong code beyond the free ones
MAX_DELAY = 2.0
MAX_ADDRESSES = 10_000  # addresses remembered at once: an address flood cannot fill the memory


@dataclass
class _Tries:
    count: int
    first_at: float


@dataclass(frozen=True)
class Verdict:
    refused: bool = False
    delay: float = 0.0  # seconds to wait before answering


class WrongCodes:
    def __init__(
        self,
        *,
        free_tries: int = FREE_TRIES,
        refuse_after: int = REFUSE_AFTER,
        delay_step: float = DELAY_STEP,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self.free_tries = free_tries
        self.refuse_after = refuse_after
        self.delay_step = delay_step
        self.window = window
        self._tries: dict[str, _Tries] = {}

    def refused(self, address: str, now: float) -> bool:
        """Whether ``address`` is refused now (for any path: it has used up its tries)."""
        tries = self._current(address, now)
        return tries is not None and tries.count >= self.refuse_after

    def wrong(self, address: str, now: float) -> Verdict:
        """One more wrong code from ``address``: how to answer it."""
        tries = self._current(address, now)
        if tries is None:
            if len(self._tries) >= MAX_ADDRESSES:
                self._forget_old(now)
            tries = self._tries[address] = _Tries(0, now)
        tries.count += 1
        if tries.count >= self.refuse_after:
            return Verdict(refused=True)
        extra = tries.count - self.free_tries
        return Verdict(delay=min(MAX_DELAY, extra * self.delay_step) if extra > 0 else 0.0)

    def retry_after(self, address: str, now: float) -> int:
        tries = self._current(address, now)
        return int(self.window - (now - tries.first_at)) + 1 if tries is not None else 0

    def _current(self, address: str, now: float) -> _Tries | None:
        tries = self._tries.get(address)
        if tries is not None and now - tries.first_at >= self.window:
            del self._tries[address]
            return None
        return tries

    def _forget_old(self, now: float) -> None:
        for address in [a for a, t in self._tries.items() if now - t.first_at >= self.window]:
            del self._tries[address]
        if len(self._tries) >= MAX_ADDRESSES:  # all recent: the oldest half goes
            for address in sorted(self._tries, key=lambda a: self._tries[a].first_at)[: MAX_ADDRESSES // 2]:
                del self._tries[address]

"""Interleaved runs and their medians: the app and its floor take turns, so a busy neighbour slows both."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def interleaved(runs: int, measures: Sequence[Callable[[], T]]) -> list[list[T]]:
    """Each measure once per round for ``runs`` rounds; the samples of each, in the order of ``measures``.

    Every other round runs them in reverse order, so none always goes first (warm caches, a fresh CPU slice).
    """
    samples: list[list[T]] = [[] for _ in measures]
    for round_number in range(runs):
        order = range(len(measures)) if round_number % 2 == 0 else reversed(range(len(measures)))
        for index in order:
            samples[index].append(measures[index]())
    return samples


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def seconds_taken(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start

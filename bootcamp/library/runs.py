"""An organisation's runs, as home lists them: grouped by organisation and numbered along their lineage (no Textual).

A run made again records the run it follows (``WorkshopInfo.follows``); its number counts the runs before it
in that line. A run that follows one not in this library (an imported workshop) counts that one too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bootcamp.store.model import WorkshopInfo


def run_numbers(workshops: Iterable[WorkshopInfo]) -> dict[str, int]:
    """Each workshop's place in its line of runs, from 1 (by id)."""
    by_id = {info.id: info for info in workshops}
    numbers: dict[str, int] = {}
    for info in by_id.values():
        count, seen, current = 1, {info.id}, info
        while current.follows:
            count += 1
            earlier = by_id.get(current.follows)
            if earlier is None or earlier.id in seen:  # not here (imported), or a loop in hand-edited files
                break
            seen.add(earlier.id)
            current = earlier
        numbers[info.id] = count
    return numbers


def newest_first(info: WorkshopInfo) -> tuple[str, str]:
    return (info.date, info.created_at)


def grouped_by_organisation(workshops: Sequence[WorkshopInfo]) -> list[WorkshopInfo]:
    """An organisation's runs together, newest first; the organisation with the newest run first.

    Workshops of the same date and creation time keep the order they were given in (the store's).
    """
    groups: dict[str, list[WorkshopInfo]] = {}
    for info in sorted(workshops, key=newest_first, reverse=True):
        groups.setdefault(info.organisation, []).append(info)
    return [info for runs in groups.values() for info in runs]

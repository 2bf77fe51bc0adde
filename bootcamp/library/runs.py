"""An organisation's runs, as home lists them: grouped by organisation and numbered along their lineage (no Textual).

A run made again records the run it follows (``WorkshopInfo.follows``); its number is its place in that line
as :func:`bootcamp.summary.lineage.line_of` walks it (the rule "run N" names use): only runs in this library
count, so a run following one that is not here (an imported workshop) is run 1 here. Computed for every
workshop at once: ``line_of`` for each of a thousand would index the library a thousand times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bootcamp.store.workshop_info import WorkshopInfo


def run_numbers(workshops: Iterable[WorkshopInfo]) -> dict[str, int]:
    """Each workshop's place in its line of runs, from 1 (by id)."""
    by_id = {info.id: info for info in workshops}
    numbers: dict[str, int] = {}
    for info in by_id.values():
        count, seen, current = 1, {info.id}, info
        # Back until a run follows none, follows one not here, or (a damaged library) one already in the line.
        while (earlier := by_id.get(current.follows)) is not None and earlier.id not in seen:
            count += 1
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

"""An organisation's runs, as home lists them: grouped by organisation and numbered along their lineage (no Textual).

A run made again records the run it follows (``WorkshopInfo.follows``); the runs that go back to the same first run
(as :func:`bootcamp.summary.lineage.line_of` walks back) are one line of runs, numbered in the order they were made:
along a straight line that is each run's place in it, and two runs made again from the same one get numbers of
their own (the rule "— run N" names use). Only runs in this library count, so a run following one that is not here
(an imported workshop) is run 1 here. Computed for every workshop at once: walking back for each of a thousand
would index the library a thousand times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bootcamp.store.workshop_info import WorkshopInfo


def run_numbers(workshops: Iterable[WorkshopInfo]) -> dict[str, int]:
    """Each workshop's number in its line of runs, from 1 (by id); a copy ``import --replace`` kept has the number of
    the run in its place."""
    workshops = list(workshops)
    numbers = {info.id: number for runs in lines_of_runs(workshops) for number, info in enumerate(runs, 1)}
    for info in workshops:
        if info.replaced_by in numbers:
            numbers[info.id] = numbers[info.replaced_by]
    return numbers


def lines_of_runs(workshops: Iterable[WorkshopInfo]) -> list[list[WorkshopInfo]]:
    """The workshops in their lines of runs, each line in the order its runs were made. A copy ``import --replace``
    kept is no run of its own while the run in its place is here."""
    by_id = {info.id: info for info in workshops}
    lines: dict[str, list[WorkshopInfo]] = {}
    for info in by_id.values():
        if info.replaced_by in by_id:
            continue
        seen, current = {info.id}, info
        # Back until a run follows none, follows one not here, or (a damaged library) one already in the line.
        while (earlier := by_id.get(current.follows)) is not None and earlier.id not in seen:
            seen.add(earlier.id)
            current = earlier
        lines.setdefault(current.id, []).append(info)
    return [sorted(runs, key=lambda info: (info.created_at, info.date, info.id)) for runs in lines.values()]


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


def runs_made_from(workshops: Iterable[WorkshopInfo], workshop_id: str) -> list[WorkshopInfo]:
    """The runs made again from ``workshop_id``, and from those in turn, in the order they were made: what carries
    its roster on (``new --like`` copies the people), and what compares itself with it."""
    by_follows: dict[str, list[WorkshopInfo]] = {}
    for info in workshops:
        by_follows.setdefault(info.follows, []).append(info)
    found: dict[str, WorkshopInfo] = {}
    waiting = [workshop_id]
    while waiting:
        for later in by_follows.get(waiting.pop(), ()):
            if later.id not in found and later.id != workshop_id:  # a damaged library may loop
                found[later.id] = later
                waiting.append(later.id)
    return sorted(found.values(), key=lambda info: (info.created_at, info.date, info.id))

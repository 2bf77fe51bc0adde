"""A line of runs: which earlier run a workshop is compared with, and how the next run is named.

A run made again (``a`` on home, ``bootcamp new --like``) records the run it follows
(``WorkshopInfo.follows``); following that back through the library gives its line, run 1 first.
Progress and ``compare`` use the run a workshop follows; only a workshop that follows none falls
back to the latest earlier run of its organisation. A copy ``bootcamp import --replace`` kept of a workshop it
replaced (``WorkshopInfo.replaced_by``) is never that run: only the run following it, or a person, names it. The run followed may not be in this library
(the workshop was imported): that is said, with its id, and the fallback is used instead.
Pure: it reads the stored workshops' infos it is given, nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bootcamp.dates import days_span
from bootcamp.limits import WORKSHOP_NAME
from bootcamp.store.model import WorkshopInfo

if TYPE_CHECKING:
    from bootcamp.summary.comparison_model import RunFacts

RUN_DASH = "\u2014"  # "Boot camp — run 2"
# A name that already says which run it is: "… — run 3" (or with "–" or "-"), replaced, never appended to.
_RUN_SUFFIX = re.compile(r"\s*[\u2014\u2013-]\s*run\s+\d+\s*$", re.IGNORECASE)


class Rule(StrEnum):
    """Why a run was chosen to compare with."""

    FOLLOWS = "follows"  # the run this one was made again from
    ORGANISATION = "organisation"  # it follows none (or one not here): the latest earlier run of its organisation
    GIVEN = "given"  # named by whoever asked (``bootcamp compare EARLIER LATER``)


@dataclass(frozen=True)
class EarlierChoice:
    """The run to compare a workshop with (``run``, None when there is none) and why it was chosen."""

    run: WorkshopInfo | None
    rule: Rule | None  # None with no run
    organisation: str  # the later run's, as typed
    missing: str = ""  # the id of the run it follows when that run is not in this library

    @property
    def why(self) -> str:
        """Why this run: "the run this one was made again from", "the latest earlier run of Acme"."""
        if self.rule is Rule.FOLLOWS:
            return "the run this one was made again from"
        if self.rule is Rule.ORGANISATION:
            return f"the latest earlier run of {_spaced(self.organisation) or 'its organisation'}"
        if self.rule is Rule.GIVEN:
            return "the run given to compare with"
        return ""

    def compared_with(self, before: RunFacts | None = None) -> str:
        """One sentence naming the run compared with (name, date, id) and why; "" when there is none. ``before``, the
        comparison's earlier run, dates a run held over two days with both, as the lines around it do."""
        if self.run is None:
            return ""
        run = self.run
        held_on = days_span(run.date, before.days if before is not None and before.workshop_id == run.id else ())
        return f"Compared with {_spaced(run.name)} ({held_on}, workshop {run.id}): {self.why}."

    def not_here(self) -> str:
        """When the run it follows is not in this library: one sentence saying so, with its id, and what instead."""
        if not self.missing:
            return ""
        said = f"This run follows workshop {self.missing}, which is not in this library"
        if self.run is not None:
            return f"{said}; it is compared with {self.why} instead."
        organisation = _spaced(self.organisation) or "its organisation"
        return f"{said}, and no earlier run of {organisation} is stored here: there is nothing to compare it with."

    def notes(self, before: RunFacts | None = None) -> tuple[str, ...]:
        """What a reader is told about the choice: the missing run first, then the run compared with (dated as
        ``before``, the comparison's earlier run, is)."""
        return tuple(note for note in (self.not_here(), self.compared_with(before)) if note)


def choose_earlier(workshops: Iterable[WorkshopInfo], later: WorkshopInfo) -> EarlierChoice:
    """The run ``later`` is compared with: the one it follows, else the latest earlier run of its organisation."""
    stored = [info for info in workshops if info.id != later.id]
    if later.follows:
        followed = next((info for info in stored if info.id == later.follows), None)
        if followed is not None:
            return EarlierChoice(followed, Rule.FOLLOWS, later.organisation)
    fallback = latest_earlier_of_organisation(stored, later)
    return EarlierChoice(
        fallback, Rule.ORGANISATION if fallback else None, later.organisation, missing=later.follows
    )


def given(earlier: WorkshopInfo, later: WorkshopInfo) -> EarlierChoice:
    """The run named by whoever asked; called the run it follows when it is that one."""
    rule = Rule.FOLLOWS if later.follows and later.follows == earlier.id else Rule.GIVEN
    return EarlierChoice(earlier, rule, later.organisation)


def latest_earlier_of_organisation(workshops: Iterable[WorkshopInfo], later: WorkshopInfo) -> WorkshopInfo | None:
    """The most recent workshop of ``later``'s organisation dated before it (the rule before lineage)."""
    organisation = _folded(later.organisation)
    earlier = [
        info
        for info in workshops
        if info.id != later.id
        and not info.replaced_by  # superseded: the workshop in its place is the run
        and _folded(info.organisation) == organisation
        and info.date < later.date
    ]
    return max(earlier, key=lambda info: (info.date, info.created_at, info.id), default=None)


def line_of(workshops: Iterable[WorkshopInfo], last: WorkshopInfo) -> tuple[WorkshopInfo, ...]:
    """``last`` and the runs before it in its line, run 1 first: ``follows`` back until a run follows none,
    follows one not in this library, or (in a damaged library) one already in the line."""
    by_id = {info.id: info for info in workshops}
    line = [last]
    seen = {last.id}
    while (previous := by_id.get(line[-1].follows)) is not None and previous.id not in seen:
        line.append(previous)
        seen.add(previous.id)
    return tuple(reversed(line))


def next_run_name(workshops: Iterable[WorkshopInfo], like: WorkshopInfo) -> str:
    """The name of the run made again from ``like``: "<its name> — run N", N one after the highest number of its
    line of runs as home numbers them, so no two runs made again from the same one share a name."""
    from bootcamp.library.runs import lines_of_runs  # home's numbering; kept out of the summary's imports

    lines = lines_of_runs([*workshops, like])
    suffix = f" {RUN_DASH} run {len(next(runs for runs in lines if like.id in {info.id for info in runs})) + 1}"
    return base_name(like.name)[: WORKSHOP_NAME.chars - len(suffix)].rstrip() + suffix  # within a name's limit


def base_name(name: str) -> str:
    """A workshop's name without a "— run N" it already ends with."""
    return _RUN_SUFFIX.sub("", _spaced(name))


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _folded(text: str) -> str:
    return _spaced(text).casefold()

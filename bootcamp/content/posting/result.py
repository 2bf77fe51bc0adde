"""What a split gives back: the duty lines, every line left out with its kind and why, and a summary of what was
left out, in one line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class LeftOutKind(Enum):
    """Why a line of the posting is not a duty line."""

    HEADING = "heading"
    OUTSIDE_DUTIES = "outside the duties"  # the posting has duties headings and this is not under one
    REQUIREMENT = "requirement"  # of the person, not the role
    BOILERPLATE = "boilerplate"
    QUESTION = "question"
    NOT_A_DUTY = "not read as a duty"  # prose with no duty verb; a name or title in a plain list


@dataclass(frozen=True)
class LeftOut:
    """A line of the posting that is not a duty line, and why, in a few words ("under \"Requirements\"")."""

    text: str
    kind: LeftOutKind
    why: str


@dataclass(frozen=True)
class Split:
    """A posting split: its duty lines, and every other line with the reason it was left out, each in order."""

    kept: list[str]
    left_out: list[LeftOut]


# How a kind is counted: "1 heading", "3 headings", "2 outside the duties".
_KIND_NOUNS = {
    LeftOutKind.HEADING: ("heading", "headings"),
    LeftOutKind.OUTSIDE_DUTIES: ("outside the duties", "outside the duties"),
    LeftOutKind.REQUIREMENT: ("requirement", "requirements"),
    LeftOutKind.BOILERPLATE: ("boilerplate", "boilerplate"),
    LeftOutKind.QUESTION: ("question", "questions"),
    LeftOutKind.NOT_A_DUTY: ("not read as a duty", "not read as a duty"),
}
QUOTED_AT_MOST = 3  # lines not read as a duty quoted; a front end may list them all
QUOTE_WIDTH = 60


def left_out_counts(left_out: list[LeftOut]) -> str:
    """ "3 headings, 1 requirement, 1 not read as a duty: "Steward the brand"": what was left out, for a summary.

    The kinds come in a fixed order; the lines not read as a duty (the kind that may be a duty after all)
    are quoted, shortened. The text is as pasted: a front end shows it safely.
    """
    parts = []
    for kind, (one, many) in _KIND_NOUNS.items():
        number = sum(1 for item in left_out if item.kind is kind)
        if number:
            parts.append(f"{number} {one if number == 1 else many}")
    doubtful = [item.text for item in left_out if item.kind is LeftOutKind.NOT_A_DUTY]
    if doubtful:  # the kind that may be a duty after all: say which
        quoted = "; ".join(f'"{_shortened(text)}"' for text in doubtful[:QUOTED_AT_MOST])
        more = len(doubtful) - QUOTED_AT_MOST
        parts[-1] += f": {quoted}" + (f" and {more} more" if more > 0 else "")
    return ", ".join(parts)


def _shortened(text: str) -> str:
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1].rstrip() + "…"

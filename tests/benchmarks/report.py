"""A figure, what it is compared with, and the table they are printed in."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """A median ``value`` against a ``floor`` measured in the same run (or against nothing).

    The target is a ratio to the floor (``max_ratio``) or, without a floor, a value (``max_value``);
    a figure with neither is for reading. A figure that is not one amount (e.g. "120 / 120") says so in
    ``shown``, with its target in words (``target_text``) and whether it was met (``ok``).
    """

    name: str
    value: float
    unit: str  # "ms" or "MiB"
    floor: float | None = None
    max_ratio: float | None = None
    max_value: float | None = None
    target_note: str = ""  # e.g. "flat": said after the number
    paired_ratio: float | None = None  # see compared()
    shown: str = ""
    target_text: str = ""
    ok: bool | None = None

    @classmethod
    def compared(
        cls,
        name: str,
        values: Sequence[float],
        floors: Sequence[float],
        unit: str,
        *,
        scale: float = 1.0,
        max_ratio: float,
        target_note: str = "",
    ) -> Figure:
        """Samples taken in turns, ``values[i]`` beside ``floors[i]``: the ratio is the median of each
        pair's ratio, so a disk or a neighbour that is slow for a while slows both sides of a pair."""
        return cls(
            name,
            statistics.median(values) * scale,
            unit,
            floor=statistics.median(floors) * scale,
            max_ratio=max_ratio,
            target_note=target_note,
            paired_ratio=statistics.median(v / f for v, f in zip(values, floors, strict=True)),
        )

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        return self.value / self.floor if self.floor else None

    @property
    def for_reading(self) -> bool:
        return self.max_ratio is None and self.max_value is None and self.ok is None

    @property
    def met(self) -> bool:
        if self.ok is not None:
            return self.ok
        if self.max_ratio is not None:
            return self.ratio is not None and self.ratio <= self.max_ratio
        return self.max_value is not None and self.value <= self.max_value

    @property
    def target(self) -> str:
        if self.target_text or self.for_reading:
            return self.target_text or "—"
        if self.max_ratio is not None:
            text = f"≤ {self.max_ratio:g}×"
        else:
            text = f"≤ {_amount(self.max_value or 0.0, self.unit)}"
        return f"{text} ({self.target_note})" if self.target_note else text


def _amount(value: float, unit: str) -> str:
    if unit == "ms" and value < 10:
        return f"{value:.2f} ms"
    if value < 100:
        return f"{value:.1f} {unit}"
    return f"{value:.0f} {unit}"


def table(figures: list[Figure]) -> str:
    """A Markdown table (readable as it is in a terminal, and pasted as it is into the README)."""
    rows = [("figure", "value", "floor", "ratio", "target", "")]
    for figure in figures:
        rows.append(
            (
                figure.name,
                figure.shown or _amount(figure.value, figure.unit),
                _amount(figure.floor, figure.unit) if figure.floor is not None else "—",
                f"{figure.ratio:.2f}×" if figure.ratio is not None else "—",
                figure.target,
                "" if figure.for_reading else "ok" if figure.met else "MISSED",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)

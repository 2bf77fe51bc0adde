"""Rounding for what a reader sees: half up, as people round (0.75 → 0.8 and 1.25 → 1.3), never Python's
half-to-even, and on the decimal the figure reads as (2.675 → 2.68), not on its binary neighbour."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SHOWN_PLACES = 1  # a figure on a rating scale is shown with one decimal: "1.3"


def half_up(value: float, places: int = 0) -> float:
    """``value`` rounded half up (away from zero) to ``places`` decimals."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def whole(value: float) -> int:
    """``value`` rounded half up to a whole number: 12.5 → 13, −12.5 → −13."""
    return int(half_up(value))

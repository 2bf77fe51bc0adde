"""Which footer keys show at a width: the kept ones always, the others from the left until one does not fit."""

from __future__ import annotations

from bootcamp.ui.widgets.key_bar import PALETTE_WIDTH, fitting, key_width


def test_kept_keys_always_show_and_the_others_stop_at_the_first_that_does_not_fit() -> None:
    # Next (kept), Strength, Mixed, Answer (kept): Strength does not fit, so Mixed does not show either.
    widths = [(key_width("pgdn", "Next"), True), (key_width("s", "Strength"), False), (key_width("m", "Mixed"), False),
              (key_width("a", "Answer"), True)]  # fmt: skip
    assert fitting(widths, 29) == [True, False, False, True]  # 19 kept, Strength needs 11
    assert fitting(widths, 30) == [True, True, False, True]
    assert fitting(widths, 60) == [True, True, True, True]


def test_a_compact_key_is_its_key_a_space_its_description_and_a_margin() -> None:
    assert key_width("f5", "Present") == len("f5 Present") + 1
    assert PALETTE_WIDTH == len("▏^p palette")

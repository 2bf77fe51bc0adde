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


async def test_a_click_on_a_key_presses_it_and_the_key_under_the_pointer_is_lit_with_its_tooltip(make_app, data_dir) -> None:
    from textual.events import MouseMove
    from ui_helpers import settle, wait_for_screen

    from bootcamp.ui.screens.home import HomeScreen
    from bootcamp.ui.screens.new_workshop import NewWorkshopScreen
    from bootcamp.ui.widgets.key_bar import KeyBar

    data_dir.mkdir()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        quit_key = next(key for key in bar.keys if key.action == "quit")
        assert bar.key_at(quit_key.x + 2) is quit_key and bar.key_at(quit_key.x + quit_key.width) is not quit_key
        assert bar.render().plain[quit_key.x : quit_key.x + quit_key.width] == "q Quit"
        assert bar.keys[-1].palette and bar.keys[-1].x + bar.keys[-1].width == 120  # flush right
        bar.post_message(MouseMove(bar, quit_key.x + 1, 0, 0, 0, 0, False, False, False, screen_x=quit_key.x + 1, screen_y=39))
        await settle(pilot)
        assert bar.tooltip == "Quit (asks first while a workshop is open; every save is finished first)"
        new = next(key for key in bar.keys if key.action == "new_workshop")
        await pilot.click(KeyBar, offset=(new.x + 1, 0))
        await wait_for_screen(pilot, NewWorkshopScreen)

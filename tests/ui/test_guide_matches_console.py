"""The printed facilitator's guide (`bootcamp print guide`) says what the console shows and does, step for step."""

from __future__ import annotations

from room_helpers import open_console
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle

from bootcamp.clock import FixedClock
from bootcamp.content import load_dir
from bootcamp.content.step_notes import notes_plain
from bootcamp.export.guide_plan import build_guide
from bootcamp.store import Store
from bootcamp.ui.widgets.notes import notes_text

# How the guide prints a key, as Textual names it
KEY_NAMES = {"Enter": "enter", "Tab": "tab", "Esc": "escape", "space": "space"}


def test_the_guides_notes_are_the_consoles_notes_column_word_for_word() -> None:
    for content in (SHIPPED_CONTENT,):
        program = load_dir(content)
        for session in program.sessions:
            for step in session.steps:
                assert notes_text(step, program).plain == notes_plain(step, program), step.key


def bound_here(screen) -> set[str]:
    """Every key bound and enabled on the console as it stands: the screen's, the app's, every widget's on it."""
    keys: set[str] = set()
    for node in [screen.app, screen, *screen.query("*")]:
        for group in node._bindings.key_to_bindings.values():
            for binding in group:
                if node.check_action(binding.action.split("(")[0], ()) is not False:
                    keys.add(binding.key)
    return keys


async def test_every_key_the_guide_prints_for_a_step_works_on_that_step(data_dir, clock: FixedClock, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(Store(data_dir, clock), program)
    guide = build_guide(program, info.agenda, 9 * 60)
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_console(pilot)
        seen_kinds = set()
        for planned in guide.steps:
            assert screen.flow.current.key == planned.step.key  # the guide's order is the console's
            bound = bound_here(screen)
            for key in planned.keys:
                name = KEY_NAMES.get(key.key, key.key)
                assert name in bound, f"{planned.counter} ({planned.step.key}): {key.key} is not bound there"
            if not planned.keys:  # a slide: no reveal, no answers, no cards to deal, as the guide prints none
                assert not {"r", "e", "d", "c"} & bound, f"{planned.counter}: {bound}"
            seen_kinds.add(planned.step.kind)
            if planned is not guide.steps[-1]:
                await pilot.press("pagedown")  # Next, even where a field has the keys (the role check's line)
                await settle(pilot)
        assert len(seen_kinds) == 7  # every kind of step was looked at

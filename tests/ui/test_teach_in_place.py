"""A teach step after a teach step changes the shown body's text instead of mounting a new view (issue 13),
on the console and in presenter mode; any other step still gets a view of its own."""

from __future__ import annotations

from ui_helpers import SHIPPED_CONTENT, new_workshop, wait_for_screen

from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.markdown_body import MarkdownBody
from bootcamp.ui.widgets.steps import StepView
from bootcamp.ui.widgets.steps.teach import TeachView


def shown_text(body: MarkdownBody) -> str:
    return "\n".join(body.render_line(y).text.rstrip() for y in range(body.size.height))


async def test_teach_after_teach_updates_the_body_in_place(store: Store, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    first, second, third = program.steps("full")[:3]
    assert (first.kind.value, second.kind.value, third.kind.value) == ("teach", "teach", "discuss")

    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        view, body = console.query_one(TeachView), console.query_one(MarkdownBody)
        assert "Most companies say the customer comes first." in shown_text(body)
        height_before = body.size.height

        await pilot.press("right")
        await pilot.pause()
        assert console.query_one(StepView) is view and console.query_one(MarkdownBody) is body
        assert view.step.key == second.key
        assert shown_text(body).startswith("• Every answer is saved the moment you give")
        assert "Most companies" not in shown_text(body)
        assert body.size.height != height_before  # laid out again for the new text's height

        await pilot.press("right")
        await pilot.pause()
        discuss = console.query_one(StepView)
        assert discuss is not view and discuss.step.key == third.key and not view.is_attached

        # Presenter mode's slide does the same (it opens on the discuss step: back twice to the first).
        await pilot.press("left", "left")
        await pilot.pause()
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        slide_view = presenter.query_one(StepView)
        assert isinstance(slide_view, TeachView) and slide_view.step.key == first.key
        await pilot.press("pagedown")
        await pilot.pause()
        assert presenter.query_one(StepView) is slide_view and slide_view.step.key == second.key
        assert shown_text(presenter.query_one(MarkdownBody)).startswith("• Every answer is saved")


async def test_the_next_teach_slide_is_ready_before_its_key(store: Store, make_app, counted_renders: list[str]) -> None:
    """Once a teach step is on screen the console renders the next teach step's body, so the key that shows it
    renders no Markdown (the body's text is only looked up at the same width and look)."""
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    first, second = program.steps("full")[:2]
    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.pause()
        assert counted_renders == [first.body, second.body]  # the second readied while the first is shown
        await pilot.press("right")
        await pilot.pause()
        assert console.query_one(TeachView).step.key == second.key
        # Showing the second rendered nothing; the third, a discuss step, is not readied (only teach after teach).
        assert counted_renders == [first.body, second.body]

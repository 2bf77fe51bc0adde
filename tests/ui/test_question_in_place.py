"""A question after a question on the same scale is shown in the view already mounted (issue 13, speed):
the prompt and the answers change in place, and nothing of the step before follows the room into the next
one: not the focus, the table's cursor, a comment being typed, nor the hint of where the cursor moved."""

from __future__ import annotations

from room_helpers import at_step, open_console
from textual.widgets import Input
from ui_helpers import SHIPPED_CONTENT, new_workshop, settle, wait_for_screen, wait_until

from bootcamp.content import load_dir
from bootcamp.store import Store
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.review import ReviewScreen, open_review
from bootcamp.ui.widgets.answers.marks import HIDDEN_ANSWER, NO_ANSWER
from bootcamp.ui.widgets.answers.moved_on import AWAY, KeysHint
from bootcamp.ui.widgets.answers.question_table import QuestionTable
from bootcamp.ui.widgets.answers.tally import TallyBars
from bootcamp.ui.widgets.steps import StepScroll, StepView
from bootcamp.ui.widgets.steps.base import Prompt
from bootcamp.ui.widgets.steps.question import CommentField, QuestionView

FIRST, SECOND = "commitment/mandate-one-driver", "commitment/mandate-ceo-says"


def answers_shown(table: QuestionTable) -> list[str]:
    return [table.get_cell(key, "answer").plain.rstrip(" ✓…!") for key in table.rows]  # without the save mark


def prompt_of(view: StepView) -> str:
    return str(view.query_one(".-question", Prompt).render()).strip()


async def test_question_after_question_is_shown_in_place_with_nothing_of_the_last(store: Store, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    first, second = program.step(FIRST), program.step(SECOND)
    assert first is not None and second is not None and first.question and second.question
    assert first.question.scale == second.question.scale
    at_step(store, info.id, FIRST)

    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        view, table = console.query_one(QuestionView), console.query_one(QuestionTable)
        assert prompt_of(view) == first.question.text

        # Ana answers and her comment is half typed: the cursor moved on to Ben, the focus is in the field.
        await pilot.press("a", "y")
        await settle(pilot)
        assert table.cursor_row == 1 and answers_shown(table)[0] == HIDDEN_ANSWER
        await pilot.press("up", "c", *"half typed")
        await settle(pilot)
        assert isinstance(console.app.focused, Input) and console.query(CommentField)

        await pilot.press("pagedown")
        await settle(pilot)
        assert console.flow.current.key == SECOND
        assert console.query_one(StepView) is view and console.query_one(QuestionTable) is table  # in place
        assert view.step.key == SECOND and table.step_key == SECOND
        assert prompt_of(view) == second.question.text
        assert answers_shown(table) == [NO_ANSWER] * 3  # the new step's answers: nobody has answered it
        assert table.cursor_row == 0 and table.scroll_offset.y == 0
        assert not console.query(CommentField)
        assert console.app.focused is console.query_one(StepScroll)  # where removing the view left it
        assert console.query_one(KeysHint).render().plain == AWAY  # not the keys of a table without the focus
        assert str(console.query_one(TallyBars).render()).startswith("0 of 3")
        stored = console.workshop.records.answer(console.workshop.info.participants[0].id, FIRST)
        assert stored is not None and stored.value and stored.comment == "half typed"  # saved as it left

        # Back to the first question: its own answers again, in the same view.
        await pilot.press("pageup")
        await settle(pilot)
        assert console.query_one(StepView) is view and view.step.key == FIRST
        assert answers_shown(table) == [HIDDEN_ANSWER, NO_ANSWER, NO_ANSWER]
        assert table.cursor_row == 0


async def test_question_after_question_in_presenter_mode_changes_in_place(store: Store, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    second = program.step(SECOND)
    assert second is not None and second.question
    at_step(store, info.id, FIRST)

    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        await pilot.press("f5")
        await settle(pilot)
        presenter = console.app.screen
        assert isinstance(presenter, PresenterScreen)
        view = presenter.query_one(QuestionView)
        await pilot.press("pagedown")
        await settle(pilot)
        assert presenter.query_one(StepView) is view and view.step.key == SECOND
        assert prompt_of(view) == second.question.text
        assert not presenter.query(QuestionTable)  # the wall never gets the facilitator's table


async def test_question_after_question_in_a_review_changes_in_place(store: Store, make_app) -> None:
    """Reviewing a run from search, → on the commitment test's first question crashed the app: the review showed
    the room on the new step's view, which the view already shown had taken over and which was never composed."""
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    second = program.step(SECOND)
    assert second is not None and second.question
    at_step(store, info.id, FIRST)
    app = make_app(content_dir=SHIPPED_CONTENT)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        open_review(app, info.id, FIRST)
        review = await wait_for_screen(pilot, ReviewScreen)
        await wait_until(pilot, lambda: review.flow is not None, "the review to read the workshop")
        await settle(pilot)
        view = review.query_one(QuestionView)
        await pilot.press("right")
        await settle(pilot)
        assert app.screen is review and review.flow.current.key == SECOND
        assert review.query_one(StepView) is view and prompt_of(view) == second.question.text
        assert str(view.query_one(TallyBars).render()).startswith("0 of ")


async def test_a_question_after_another_kind_gets_a_view_of_its_own(store: Store, make_app) -> None:
    program = load_dir(SHIPPED_CONTENT)
    info = new_workshop(store, program)
    steps = [step.key for step in program.steps("full")]
    before_first = steps[steps.index(FIRST) - 1]
    assert program.step(before_first).kind.value != "question"
    at_step(store, info.id, before_first)

    async with make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id).run_test(size=(120, 40)) as pilot:
        console = await open_console(pilot)
        before = console.query_one(StepView)
        await pilot.press("right")
        await settle(pilot)
        assert isinstance(console.query_one(StepView), QuestionView) and not before.is_attached

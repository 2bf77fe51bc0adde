"""The floors of the UI figures: a bare Textual app with one Static, the same app switching screens, the
same app changing its Static's text on a key; and bootcamp's console with its step view as one Static."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static


class BareApp(App[None]):
    """What any Textual app costs: one Static on the default screen."""

    def compose(self) -> ComposeResult:
        yield Static("bootcamp")


class NumberedScreen(Screen[None]):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        yield Static(f"step {self.number}")


class SwitchingApp(App[None]):
    """Right arrow: a new screen with one Static replaces the current one (what a step change costs at the least)."""

    BINDINGS = [Binding("right", "next", "Next")]

    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def on_mount(self) -> None:
        self.push_screen(NumberedScreen(0))

    def action_next(self) -> None:
        self.shown += 1
        self.switch_screen(NumberedScreen(self.shown))


class TypingApp(App[None]):
    """A letter key: the one Static shows it (what answering costs at the least: a key, one cell redrawn)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="typed")

    def on_key(self, event: object) -> None:
        self.shown = getattr(event, "character", "") or ""
        self.query_one("#typed", Static).update(f"answer {self.shown}")


def show_steps_as_one_static() -> None:
    """The console's floor: the real workshop screen, except that the step's view is one ``Static`` kept
    mounted whose text changes (what a step change costs when nothing but the view's content is new).

    Patches :class:`StepScroll` for the whole process: only for the benchmark's own driver.
    """
    from bootcamp.ui.widgets.steps import StepScroll, StepView

    async def show(scroll: StepScroll, view: StepView) -> None:
        text = f"{view.step.title}\n\n{view.step.body}"
        shown = next(iter(scroll.query(".floor-step").results(Static)), None)
        if shown is None:
            await scroll.mount(Static(text, markup=False, classes="floor-step"))
        else:
            shown.update(text)
        scroll.scroll_home(animate=False)

    StepScroll.show = show  # type: ignore[method-assign]


def answer_through_one_static() -> None:
    """The answer key's console floor: the real console, with the question's view replaced by one focusable
    ``Static`` (:class:`FloorAnswers`) that takes the scale's keys as the answers table does (the same key
    bindings, the same request through the live workshop, its writer and its change notification, the cursor
    moving on to the next person) and shows the room's answers as its text: what an answer key costs when
    nothing but the step's view is simpler.

    Patches :class:`StepScroll` and :class:`WalkScreen` for the whole process: only for the benchmark's own driver.
    """
    from bootcamp.live.requests import GiveAnswer
    from bootcamp.ui.messages import request
    from bootcamp.ui.screens.walk import WalkScreen
    from bootcamp.ui.widgets.answers.scale_keys import bind_scale
    from bootcamp.ui.widgets.steps import StepScroll, StepView

    class FloorAnswers(Static, can_focus=True):
        def __init__(self, screen: WalkScreen, view: StepView) -> None:
            super().__init__("", markup=False, classes="floor-step")
            self.console = screen
            self.step_key = view.step.key
            self.scale = view.program.scale(view.step.question.scale if view.step.question else view.step.scale)
            self.seats = [p.id for p in screen.workshop.info.present]
            self.cursor = 0
            self.shown: dict[str, str] = {}  # seat id → the label shown
            bind_scale(self, self.scale)

        def action_answer(self, option_id: str) -> None:
            request(self, GiveAnswer(self.seats[self.cursor], self.step_key, option_id))
            self.cursor = (self.cursor + 1) % len(self.seats)

        def show(self) -> None:
            labels = {option.id: option.label for option in self.scale.options}
            answers = {a.participant_id: a.value for a in self.console.workshop.records.data.answers_for(self.step_key)}
            self.shown = {seat: labels.get(answers.get(seat, ""), "") for seat in self.seats}
            info = self.console.workshop.info
            self.update("\n".join(f"{info.participant(seat).display_name}  {self.shown[seat]}" for seat in self.seats))

    async def show(scroll: StepScroll, view: StepView) -> None:
        for old in scroll.query(".floor-step"):
            await old.remove()
        floor = FloorAnswers(scroll.screen, view)  # type: ignore[arg-type]
        await scroll.mount(floor)
        floor.show()
        floor.focus()

    def show_room(screen: WalkScreen) -> None:
        for floor in screen.query(FloorAnswers):
            floor.show()

    StepScroll.show = show  # type: ignore[method-assign]
    WalkScreen.show_room = show_room  # type: ignore[method-assign]

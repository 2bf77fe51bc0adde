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

"""What every step view shares: the step, the program it belongs to, and the audience."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.text import Text
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from bootcamp.content.model import Program, Step
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.steady_static import SteadyStatic

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from bootcamp.live.records import LiveRecords
    from bootcamp.live.snapshot import WorkshopSnapshot
    from bootcamp.store.model import WorkshopState


class StepView(Vertical):
    """One step for the room. Views never take focus themselves, so showing another step
    does not move the focus; the answering widgets inside them do take it.

    On the console a view gets the :class:`LiveRecords` and may change it (answers, notes …);
    in presenter mode and in a projector window it gets none and only shows. Either way
    :meth:`show_room` is called after it is mounted and again whenever the room or the
    state changes (an answer, a reveal, private entry): views redraw from those two values.
    """

    DEFAULT_CSS = """
    StepView {
        height: auto;
        padding: 0 1;
    }
    StepView.-presenter {
        padding: 0;
    }
    """

    def __init__(self, step: Step, program: Program, *, presenter: bool = False, live: LiveRecords | None = None) -> None:
        super().__init__(classes=f"step-view -{step.kind.value}" + (" -presenter" if presenter else ""))
        self.step = step
        self.program = program
        self.presenter = presenter
        self.live = None if presenter else live  # the room's screen never edits

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        """Show what the room has said on this step; a step that asks nothing (``teach``) shows nothing of it."""

    def focus_answers(self) -> bool:
        """Put the focus where the room answers this step; False when the step takes no answers."""
        return False

    def wants_width(self) -> bool:
        """True when the console should give this step its whole width (the agenda and the side column make way,
        as below 100 columns); a step's view that does not say needs no more than the step's box."""
        return False

    def focus_on_arrival(self) -> bool:
        """Put the focus where the step is worked when the console arrives on it; False (most steps): the console's
        keys act, and ``a`` or Tab goes to the answers."""
        return False

    def focus_on_tab(self) -> bool:
        """Put the focus where Tab from the step's box goes, when that is not the view's first field (the notes
        of a discussion: a new one, not the first written); False: Textual's focus chain decides."""
        return False

    def keys_nearby(self) -> list[tuple[str, Widget]]:
        """(heading, widget) for the step's widgets whose keys work once focused and which are not focused now, for
        help to list too (the role check's lines, from its line field); most steps have none."""
        return []

    def take_paste(self, text: str) -> bool:
        """Take a paste that reached the console with no text field focused (the focus on the step, say), as the
        step's own field would; False when the step has no field that obviously takes it (most have none)."""
        return False

    def take_over(self, view: StepView) -> bool:
        """Show ``view``'s step in this view, mounted already, instead of ``view`` replacing it; False when it
        cannot (by default: a view is mounted afresh for every step)."""
        return False


async def show_view(container: Widget, view: StepView) -> StepView:
    """``view`` in ``container``: the view shown there takes the new step over when it can (a teach step
    after a teach step changes one widget's text), else it is removed and ``view`` mounted. Returns the view
    that shows the step: ``view`` taken over is never composed, and a query of it finds nothing."""
    # One swap at a time: a key's action and a message (the review's poll, the room moved by a widget) run in two
    # tasks, and two swaps at once each removed the old view and mounted theirs: the step showed twice, stacked.
    async with container.lock:
        shown = container.children[0] if len(container.children) == 1 else None
        if isinstance(shown, StepView) and shown.is_mounted and shown.take_over(view):
            return shown
        with container.app.batch_update():
            await container.remove_children()
            await container.mount(view)
        return view


class StepScroll(VerticalScroll, inherit_bindings=False):
    """Where the console shows the current step: it keeps the focus while steps change, and
    scrolls with up/down only, leaving left/right to move through the agenda."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "Scroll to top", show=False),
        Binding("end", "scroll_end", "Scroll to bottom", show=False),
        Binding("tab", "into_step", show=False),  # Tab as ever, landing where the step wants it: not a key to list
    ]

    def action_into_step(self) -> None:
        """Tab from the box itself goes where the step's view says; from a field inside it, to the next field."""
        view = self.children[0] if len(self.children) == 1 else None
        if self.screen.focused is not self or not isinstance(view, StepView) or not view.focus_on_tab():
            raise SkipAction()  # the screen's Tab: the next in the focus chain

    async def show(self, view: StepView) -> StepView:
        shown = await show_view(self, view)
        self.scroll_home(animate=False)
        return shown


class Prompt(SteadyStatic):
    """A line the room reads: a question, a prompt, a scale. Author text, shown plainly."""

    DEFAULT_CSS = """
    Prompt {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;
    }
    Prompt.-question {
        text-style: bold;
        color: $text-primary;
    }
    Prompt.-muted {
        color: $text-muted;
    }
    """

    def __init__(self, text: str, *, classes: str = "") -> None:
        super().__init__(plain(text), classes=classes)

    def show(self, text: str) -> None:
        self.show_text(plain(text))


class Choices(Static):
    """The options the room answers with, each with its key: ``y Yes   p Partly …``."""

    DEFAULT_CSS = """
    Choices {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;
    }
    """

    def __init__(self, options: list[tuple[str, str]]) -> None:
        super().__init__(PackedChoices(options))


def choice_text(key: str, label: str) -> Text:
    return joined((f" {key} ", "reverse bold"), " ", label)


def choices_text(options: list[tuple[str, str]]) -> Text:
    """``y Yes   p Partly …``: each option's key, reversed, before its label."""
    return Text("   ", end="").join(choice_text(key, label) for key, label in options)


class PackedChoices:
    """The options packed into lines as wide as there is room for: an option never breaks in two
    (``d Don't`` on one line and ``know`` on the next read as a different answer)."""

    def __init__(self, options: list[tuple[str, str]]) -> None:
        self.options = [choice_text(key, label) for key, label in options]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = Text()
        for choice in self.options:
            if line and line.cell_len + 3 + choice.cell_len > width:
                yield line
                line = Text()
            if line:
                line.append("   ")
            line.append_text(choice)
        yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((choice.cell_len for choice in self.options), default=0)
        return Measurement(widest, max(widest, choices_text_width(self.options)))


def choices_text_width(choices: list[Text]) -> int:
    return sum(choice.cell_len for choice in choices) + 3 * max(0, len(choices) - 1)


def body(markdown: str, *, presenter: bool) -> list[Widget]:
    """A step's Markdown body as widgets (none when the step has no body)."""
    if not markdown.strip():
        return []
    from bootcamp.ui.widgets.markdown_body import MarkdownBody  # Rich's Markdown loads only when a body is shown

    return [MarkdownBody(markdown, classes="body" + (" -presenter" if presenter else ""))]


def scale_choices(program: Program, scale_id: str) -> list[Widget]:
    scale = program.scale(scale_id)
    if scale is None:
        return []
    return [Choices([(option.key, option.label) for option in scale.options])]


class ItemGrid(Static):
    """Short titles in columns, for the projector: ten aptitudes fit five rows."""

    DEFAULT_CSS = """
    ItemGrid {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;
    }
    """

    def __init__(self, titles: list[str], *, bullet: str = "•", columns: int = 2) -> None:
        from rich.table import Table

        grid = Table.grid(padding=(0, 3))
        for _ in range(columns):
            grid.add_column()
        rows = [titles[start : start + columns] for start in range(0, len(titles), columns)]
        for row in rows:
            grid.add_row(*[bulleted([plain(title)], bullet=bullet) for title in row], *[""] * (columns - len(row)))
        super().__init__(grid)


def bulleted(texts: list[Text], *, bullet: str = "•") -> RenderableType:
    """Each text after a bullet, its wrapped and typed lines under its first word, not under the bullet: the wall
    showed a title's second line at the bullet, where the room read it as an item of its own."""
    from rich.table import Table

    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    for text in texts:
        grid.add_row(f"{bullet} ", text)
    return grid


def step_or_exercise_body(step_body: str, exercise_body: str, *, presenter: bool) -> list[Widget]:
    """The step's own body when it has one (it is written for this moment of the day), else the exercise's."""
    return body(step_body if step_body.strip() else exercise_body, presenter=presenter)

"""What the room sees: the step's title, its body in a box of at least 76×16 cells, and one line
with the step counter and the timer. Never notes. Presenter mode shows it; a projector window
that follows the console (issue 6) can show the same widget from the stored state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.widgets import Static

from bootcamp.flow import Flow
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.steps import StepView, show_view, view_for
from bootcamp.ui.widgets.timer import countdown

if TYPE_CHECKING:
    from rich.text import Text

    from bootcamp.live.snapshot import WorkshopSnapshot
    from bootcamp.store.model import WorkshopState

BODY_COLUMNS, BODY_ROWS = 76, 16  # the slide's body at 80×24; content authors write to fit it


class Slide(Vertical):
    # Laid out for 80×24: the title (3 rows, ruled underneath; while phones join, the join URL at its right), the
    # body (19 rows: a blank row, then 18 rows × 76 columns inside 2 columns of padding each side), a spare row,
    # the status line.
    DEFAULT_CSS = """
    Slide {
        width: 1fr;
        max-width: 100;  /* on a wide terminal the slide keeps a readable measure */
        height: 1fr;
        &.-under-join { display: none; }
        & > #slide-head {
            height: 3;
            padding: 1 2 0 2;
            border-bottom: solid $primary 40%;
        }
        #slide-title {
            width: 1fr;
            text-style: bold;
            color: $text-primary;
        }
        /* While phones can join: the URL for latecomers, in the top right corner. */
        #slide-join {
            width: auto;
            padding: 0 0 0 2;
            display: none;
        }
        & > #slide-body {
            height: 1fr;
            min-height: 17;
            padding: 1 2 0 2;
            background: $surface;
        }
        & > #slide-status {
            height: 1;
            margin: 1 0 0 0;
            padding: 0 2;
        }
        #slide-counter { width: 1fr; }
        #slide-timer { width: auto; }
        #slide-timer.-over { color: $text-warning; }
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="slide-head"):
            yield Static(id="slide-title")
            yield Static(id="slide-join")
        yield Container(id="slide-body")
        with Horizontal(id="slide-status"):
            yield Static(id="slide-counter")
            yield Static(id="slide-timer")

    async def show_step(self, flow: Flow) -> None:
        step = flow.current
        self.query_one("#slide-title", Static).update(plain(step.title))
        await show_view(self.query_one("#slide-body", Container), view_for(step, flow.program, presenter=True))

    def show_join(self, corner: Text | None) -> None:
        """The join URL in the corner while phones can join (None: joining is off)."""
        join = self.query_one("#slide-join", Static)
        join.update(corner or "")
        join.display = corner is not None

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        """The room's answers as the room may see them: a tally once revealed, never while private entry is on."""
        for view in self.query_one("#slide-body", Container).query(StepView):
            if view.is_mounted:  # not one still being composed, or already on its way out
                view.show_room(data, state)

    def show_position(self, flow: Flow) -> None:
        session = flow.program.session(flow.current.session_id)
        self.query_one("#slide-counter", Static).update(
            joined((flow.counter, "bold"), ("  ·  ", "dim"), (session.title if session else "", "dim"))
        )

    def show_time(self, flow: Flow) -> None:
        timer = self.query_one("#slide-timer", Static)
        over = flow.over_time()
        if over:
            # the + key is the facilitator's, said on the console: projected, it cut the step counter at 80×24
            text = joined(("over time ", "italic"), (countdown(flow), "bold"))
        else:
            text = joined((countdown(flow), "bold"), " left")
        if not flow.running and flow.timer().elapsed:
            text.append(" · paused")
        timer.update(text if flow.state.show_timer else "")
        timer.set_class(over, "-over")

"""Home: the workshops in the data folder; new, open, demo.

The screen paints at once; the workshop list and the boot camp content load in thread
workers that post what they found (STYLE.md: workers never touch widgets).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from bootcamp.errors import UserError
from bootcamp.ui.text import joined, safe
from bootcamp.ui.widgets.workshop_list import STILL_READING, WorkshopList, WorkshopRow

if TYPE_CHECKING:
    from bootcamp.content.errors import ContentError
    from bootcamp.content.model import Program
    from bootcamp.store.model import WorkshopInfo
    from bootcamp.summary import CommitmentReport
    from bootcamp.ui.app import BootcampApp
    from bootcamp.ui.running import RunningWorkshop
    from bootcamp.ui.screens.new_workshop import NewWorkshop

# The workers below import parts of the app for the first time (the store, the content loader, the
# running workshop). Two threads importing modules that import each other can deadlock in Python's
# import locks (seen: 1 start in 12 with 1,000 workshops), so they run one at a time; each is short.
_ONE_WORKER_AT_A_TIME = threading.Lock()
P = ParamSpec("P")
R = TypeVar("R")


def one_at_a_time(method: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with _ONE_WORKER_AT_A_TIME:
            return method(*args, **kwargs)

    return run


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    HELP_TITLE = "Workshops"
    TITLE = "bootcamp"
    SUB_TITLE = "Workshops"

    BINDINGS = [
        Binding("enter", "open_selected", "Open"),
        Binding("s", "summary", "Summary", tooltip="The commitment-test summary of the selected workshop"),
        Binding("n", "new_workshop", "New workshop"),
        Binding(
            "a",
            "next_run",
            "Run again",
            show=False,  # the footer is full at 80 cells: the detail under the list names the key
            tooltip="Run the test again: a new workshop like the selected one (its room, organisation, agenda "
            "and anonymity), the form filled in for you to check",
        ),
        Binding("d", "demo", "Demo"),
        Binding("c", "content_problems", "Content problems"),
        Binding("r", "reload", "Reload"),
    ]

    class WorkshopsListed(Message):
        def __init__(self, rows: list[WorkshopRow], problems: list[str]) -> None:
            super().__init__()
            self.rows = rows
            self.problems = problems

    class ContentLoaded(Message):
        def __init__(self, program: Program) -> None:
            super().__init__()
            self.program = program

    class ContentFailed(Message):
        def __init__(self, error: ContentError) -> None:
            super().__init__()
            self.error = error

    class WorkshopReady(Message):
        """A workshop was read from disk (or just created) and can be shown."""

        def __init__(self, workshop: RunningWorkshop) -> None:
            super().__init__()
            self.workshop = workshop

    class SummaryRead(Message):
        def __init__(self, report: CommitmentReport) -> None:
            super().__init__()
            self.report = report

    class Failed(Message):
        """Something the user can fix went wrong in a worker: say it, plainly."""

        def __init__(self, error: UserError, what: str) -> None:
            super().__init__()
            self.error = error
            self.what = what

    def __init__(self, *, open_workshop: str | None = None) -> None:
        super().__init__()
        self.open_on_start = open_workshop
        self._listed_once = False  # the first listing is started by on_mount; resuming lists again after it
        self.content_error: ContentError | None = None
        self._content_requested = False
        self._unread_stops: HomeScreen.WorkshopsListed | None = None  # a list shown before where each stopped

    @property
    def bootcamp(self) -> BootcampApp:
        return self.app  # type: ignore[return-value]

    @property
    def workshop_list(self) -> WorkshopList:
        return self.query_one(WorkshopList)

    @property
    def rows(self) -> list[WorkshopRow]:
        """The workshops listed, as shown."""
        return self.workshop_list.rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield WorkshopList(id="workshops")
        yield Static("Loading the boot camp content…", id="content-status")
        yield Footer()

    def on_mount(self) -> None:
        # After the first paint: reading the disk and the YAML must not hold up the first screen.
        if self.open_on_start:
            self.call_after_refresh(self.open_workshop, self.open_on_start)
        self.call_after_refresh(self.list_workshops)  # the content loads once the list shows (_show_workshops)

    def on_screen_resume(self) -> None:
        # Back from a workshop (perhaps the first one, made from an empty list): read the list again.
        if self.is_mounted and self._listed_once:
            self.list_workshops(whole=bool(self.rows))

    # -- workers --------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="list")
    @one_at_a_time
    def list_workshops(self, *, whole: bool = False) -> None:
        listing = self.bootcamp.store.scan_workshops()
        problems = [str(problem) for problem in listing.problems]
        if whole:  # a reload: the list on screen stays until the new one is whole
            self.post_message(self.WorkshopsListed(self._where_stopped(listing.workshops), problems))
        else:  # nothing on screen yet: the list first, where each stopped once it shows (_show_workshops)
            rows = [WorkshopRow(info, STILL_READING) for info in listing.workshops]
            self.post_message(self.WorkshopsListed(rows, problems))

    @work(thread=True, exclusive=True, group="list")
    @one_at_a_time
    def read_where_stopped(self, rows: list[WorkshopRow], problems: list[str]) -> None:
        self.post_message(self.WorkshopsListed(self._where_stopped([row.info for row in rows]), problems))

    def _where_stopped(self, workshops: Sequence[WorkshopInfo]) -> list[WorkshopRow]:
        from bootcamp.stopped import where_each_stopped

        stops = where_each_stopped(self.bootcamp.store, workshops, self.bootcamp.clock)
        return [WorkshopRow(info, stopped_at) for info, stopped_at in zip(workshops, stops, strict=True)]

    @work(thread=True, exclusive=True, group="content")
    @one_at_a_time
    def load_content(self) -> None:
        from bootcamp.content import ContentError, load_dir

        try:
            program = load_dir(self.bootcamp.content_dir)
        except ContentError as error:
            self.post_message(self.ContentFailed(error))
            return
        self.post_message(self.ContentLoaded(program))

    @work(thread=True, exclusive=True, group="open")
    @one_at_a_time
    def open_workshop(self, workshop_id: str) -> None:
        self._load_workshop(workshop_id)

    def _load_workshop(self, workshop_id: str) -> None:
        """Read a workshop for the console, in the calling worker (a worker that starts another in its own
        exclusive group would cancel itself)."""
        from bootcamp.ui.running import RunningWorkshop

        app = self.bootcamp
        try:
            workshop = RunningWorkshop.load(app.store.open(workshop_id), app.writer, app.clock)
        except UserError as error:
            self.post_message(self.Failed(error, "Could not open the workshop"))
            return
        self.post_message(self.WorkshopReady(workshop))

    @work(thread=True, exclusive=True, group="summary")
    @one_at_a_time
    def read_summary(self, workshop_id: str) -> None:
        from bootcamp.ui.screens.summary import read_report, today

        app = self.bootcamp
        try:
            report = read_report(app.store, workshop_id, today(app.clock))
        except UserError as error:
            self.post_message(self.Failed(error, "Could not read the summary"))
            return
        self.post_message(self.SummaryRead(report))

    @work(thread=True, exclusive=True, group="open")
    @one_at_a_time
    def create_workshop(self, request: NewWorkshop) -> None:
        app = self.bootcamp
        program = app.content
        assert program is not None
        try:
            info = app.store.create_workshop(
                name=request.name,
                organisation=request.organisation,
                date=request.date,
                participants=list(request.participants),
                agenda=request.agenda,
                anonymous=request.anonymous,
                sources=program.sources,
            )
        except UserError as error:
            self.post_message(self.Failed(error, "Could not create the workshop"))
            return
        self._load_workshop(info.id)

    @work(thread=True, exclusive=True, group="open")
    @one_at_a_time
    def create_demo(self) -> None:
        from bootcamp.demo_earlier import create_demo_runs

        app = self.bootcamp
        assert app.content is not None
        try:
            info = create_demo_runs(app.store, app.content.sources)  # the demo day and its earlier run
        except UserError as error:
            self.post_message(self.Failed(error, "Could not create the demo"))
            return
        self._load_workshop(info.id)

    # -- what the workers found -------------------------------------------------------------------------------

    @on(WorkshopsListed)
    def _show_workshops(self, message: WorkshopsListed) -> None:
        self._listed_once = True
        self.workshop_list.show(message.rows, message.problems)
        self.refresh_bindings()  # "Open" depends on there being a workshop
        # Once the list is on screen (threads alongside, sharing one GIL, would delay it): the content,
        # then where each workshop stopped.
        if any(row.stopped_at == STILL_READING for row in message.rows):
            self._unread_stops = message
        if not self._content_requested:
            self._content_requested = True
            self.call_after_refresh(self.load_content)
        elif self.bootcamp.content is not None or self.content_error is not None:
            self.call_after_refresh(self._read_unread_stops)

    def _read_unread_stops(self) -> None:
        """Only once the content is loaded: both import the content modules, and two threads importing
        one package for the first time at once can deadlock in Python's import locks."""
        if self._unread_stops is not None:
            self.read_where_stopped(self._unread_stops.rows, self._unread_stops.problems)
            self._unread_stops = None

    @on(ContentLoaded)
    def _content_loaded(self, message: ContentLoaded) -> None:
        from bootcamp.flow import format_minutes

        program = message.program
        self.bootcamp.content = program
        self.content_error = None
        agendas = "  ·  ".join(
            f"{agenda.title.lower()} {len(program.steps(agenda.id))} steps, {format_minutes(program.planned_minutes(agenda.id))}"
            for agenda in program.agendas
        )
        status = self.query_one("#content-status", Static)
        status.update(joined((program.title, "bold"), ("  ·  ", "dim"), agendas))
        status.set_class(False, "-problem")
        self.refresh_bindings()
        self._read_unread_stops()

    @on(ContentFailed)
    def _content_failed(self, message: ContentFailed) -> None:
        self.content_error = message.error
        count = len(message.error.problems)
        status = self.query_one("#content-status", Static)
        status.update(
            joined(
                (f"The content has {count} problem{'s' if count != 1 else ''}", "bold"),
                f" ({safe(self.bootcamp.content_dir)}): press c to see them. Existing workshops still open.",
            )
        )
        status.set_class(True, "-problem")
        self.refresh_bindings()  # "Content problems" is offered now
        self._read_unread_stops()
        self.action_content_problems()

    @on(WorkshopReady)
    def _workshop_ready(self, message: WorkshopReady) -> None:
        self.bootcamp.open(message.workshop)

    @on(SummaryRead)
    def _summary_read(self, message: SummaryRead) -> None:
        from bootcamp.ui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(message.report))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(safe(message.error), title=message.what, severity="error", markup=False, timeout=10)

    # -- actions --------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_selected", "summary", "next_run"):
            return bool(self.rows)
        if action == "content_problems":
            return self.content_error is not None
        return True

    def action_open_selected(self) -> None:
        row = self.workshop_list.selected
        if row is not None:
            self.open_workshop(row.info.id)

    def action_summary(self) -> None:
        row = self.workshop_list.selected
        if row is not None:
            self.read_summary(row.info.id)

    @on(WorkshopList.Chosen)
    def _chosen(self, message: WorkshopList.Chosen) -> None:
        self.open_workshop(message.workshop_id)

    def action_new_workshop(self) -> None:
        if not self._content_ready("a new workshop"):
            return
        from bootcamp.ui.screens.new_workshop import NewWorkshopScreen

        program = self.bootcamp.content
        assert program is not None
        self.app.push_screen(
            NewWorkshopScreen(today=self.bootcamp.clock.now(), agendas=[(a.id, a.title) for a in program.agendas]),
            self._created,
        )

    def action_next_run(self) -> None:
        row = self.workshop_list.selected
        if row is None or not self._content_ready("the next run"):
            return
        from bootcamp.ui.screens.new_workshop import NewWorkshopScreen

        program = self.bootcamp.content
        assert program is not None
        self.app.push_screen(
            NewWorkshopScreen(
                today=self.bootcamp.clock.now(),
                agendas=[(a.id, a.title) for a in program.agendas],
                like=row.info,
            ),
            self._created,
        )

    def _created(self, request: NewWorkshop | None) -> None:
        if request is not None:
            self.create_workshop(request)

    def action_demo(self) -> None:
        if self._content_ready("the demo"):
            self.create_demo()

    def action_reload(self) -> None:
        self.list_workshops(whole=bool(self.rows))
        self.load_content()

    def action_content_problems(self) -> None:
        if self.content_error is None:
            return
        from bootcamp.ui.screens.content_errors import ContentErrorsScreen

        self.app.push_screen(ContentErrorsScreen(self.content_error, self.bootcamp.content_dir))

    def _content_ready(self, what: str) -> bool:
        if self.content_error is not None:
            self.action_content_problems()
            return False
        if self.bootcamp.content is None:
            self.notify(f"Still loading the boot camp content; {what} is a moment away.", markup=False)
            return False
        return True

"""Home: the workshops in the data folder; open, new, demo, summary, run again.

The screen composes the workshop list (:class:`WorkshopList`), the content status and the footer,
and routes what the user asks for. It paints at once; the list and the boot camp content load in
thread workers that post what they found (STYLE.md: workers never touch widgets), in the order
:mod:`bootcamp.core_imports` explains: the list alone, then the core's imports, then the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import get_current_worker

from bootcamp import core_imports
from bootcamp.errors import UserError
from bootcamp.gc_tuning import release_after_start
from bootcamp.ui.text import safe
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.content_status import ContentStatus
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.workshop_list import STILL_READING, WorkshopList, WorkshopRow

if TYPE_CHECKING:
    from pathlib import Path

    from bootcamp.content.errors import ContentError
    from bootcamp.content.model import Program
    from bootcamp.library.signatures import FolderMarks
    from bootcamp.live.workshop import LiveWorkshop
    from bootcamp.store.model import WorkshopInfo
    from bootcamp.summary import CommitmentReport
    from bootcamp.ui.app import BootcampApp
    from bootcamp.ui.screens.new_workshop import NewWorkshop

# Seconds home's first paint waits for the first list (importing the store and reading the index take about 30 ms).
FIRST_LIST_WAIT = 0.25
# Seconds between two looks at the workshops folder, for a workshop made, archived or brought back in another
# terminal (a colleague preparing while home stays open): a look is one stat a folder, in a thread; it also looks
# when the terminal regains focus.
LOOK_EVERY = 3.0


class HomeScreen(LetsGoOfAppWatches, Screen[None]):
    CSS_PATH = "home.tcss"
    HELP_TITLE = "Workshops"
    TITLE = "bootcamp"
    SUB_TITLE = "Workshops"

    BINDINGS = [
        Binding("enter", "open_selected", "Open"),
        # s, and F4 as on the console (where s skips a step): a facilitator coming back from a workshop finds it.
        Binding("s,f4", "summary", "Summary", tooltip="The commitment-test summary of the selected workshop"),
        Binding("n", "new_workshop", "New workshop"),
        Binding(
            "a",
            "next_run",
            "Run again",
            show=False,  # the footer is full at 80 cells: the detail under the list names the key
            tooltip="Run the test again: a new workshop like the selected one (its room, organisation, agenda "
            "and anonymity), the form filled in for you to check",
        ),
        Binding(
            "f",
            "follow_up",
            "Actions",
            show=False,  # named in the detail under the list
            tooltip="The open actions of every workshop, overdue first: mark them done or dropped",
        ),
        Binding(
            "o",
            "show_every_organisation",
            "Every organisation",
            show=False,  # named in the line that says the list shows one organisation
            tooltip="Show every organisation's workshops, while the room watches one of them",
        ),
        Binding(
            "e",
            "archive",
            "Archive",
            show=False,  # named in the detail under the list
            tooltip="Put the selected workshop away: off this list, every file kept (asked first); on an archived "
            "one, bring it back",
        ),
        Binding(
            "v",
            "toggle_archived",
            "Show archived",
            show=False,  # named under the list while there are archived workshops
            tooltip="Show the archived workshops too, marked so, or hide them again",
        ),
        Binding("d", "demo", "Demo"),
        Binding("c", "content_problems", "Content problems"),
        Binding("r", "reload", "Reload"),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            show=False,  # the footer is full at 80 cells (as for `a`): the palette and ? list it
            tooltip="Search every workshop: names, notes, comments, actions",
        ),
    ]

    class WorkshopsListed(Message):
        def __init__(
            self,
            rows: list[WorkshopRow],
            problems: list[str],
            missing: str | None = None,
            *,
            creatable: bool = False,
            marks: FolderMarks | None = None,
        ) -> None:
            super().__init__()
            self.rows = rows
            self.problems = problems
            self.missing = missing  # the data folder is not there: one sentence, with its path and origin
            self.creatable = creatable  # … a path given that n would create (nothing in its way): a first run there
            self.marks = marks  # the workshops folder as looked at before it was read (folder_marks)

    class FolderChanged(Message):
        """The workshops folder is not as it was when last listed: a workshop made, archived or brought back."""

    class CoreImported(Message):
        """Every module the workers use is imported: they may run side by side."""

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

        def __init__(self, workshop: LiveWorkshop) -> None:
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
        self._core_requested = False
        self._content_requested = False
        self._after_core = core_imports.AfterCoreImports()  # every worker but the first starts through it
        # While the first paint waits for the first list (on_mount): the loop it waits on, and what it waits for.
        self._first_list_posted: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        self._listed_marks: FolderMarks | None = None  # the workshops folder as it was when last listed

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
        yield ContentStatus(id="content-status")
        yield KeyBar()

    async def on_mount(self) -> None:
        # Reading the disk and the YAML happens in workers. The first worker runs alone (core_imports): the list,
        # then the core, then the content and where each stopped; or, after the first paint, the workshop to open
        # on start, then the core, then the list behind the workshop.
        self.set_interval(LOOK_EVERY, self._look_for_changes)
        self.watch(self.app, "app_focus", self._app_focus_changed, init=False)
        if self.open_on_start:
            self.call_after_refresh(self.open_workshop, self.open_on_start)
            return
        # The first paint waits a moment for the list, while its worker imports the store and reads the index: one
        # paint with the list, instead of an empty screen painted while the worker ran (sharing the GIL, each
        # slowing the other) and then the list. A slow disk holds it up no longer than FIRST_LIST_WAIT.
        posted = asyncio.Event()
        self._first_list_posted = (asyncio.get_running_loop(), posted)
        self.list_workshops()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(posted.wait(), FIRST_LIST_WAIT)
        self._first_list_posted = None

    def _import_core(self) -> None:
        if not self._core_requested:
            self._core_requested = True
            self.call_after_refresh(self.import_core)

    def on_screen_resume(self) -> None:
        # Back from a workshop (perhaps the first one, made from an empty list): read the list again.
        if self.is_mounted and self._listed_once:
            self._after_core.start(self.list_workshops, whole=bool(self.rows))

    # -- workers --------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="list")
    def list_workshops(self, *, whole: bool = False) -> None:
        """The workshops and where each stopped, from the library index (brought up to date from the folders).

        ``whole`` is kept for callers: the index gives where each stopped with the list, so every listing is whole.
        """
        from bootcamp.library.signatures import folder_marks
        from bootcamp.locations import shown

        marks = folder_marks(str(self._workshops_dir))  # before reading: a change while it reads is looked at again
        folder = self.bootcamp.data_folder
        missing = folder.missing(shown(folder.path), new_here=True)
        if missing is not None:  # said, never listed as empty: and the index never creates the folder
            # Check the path, or press n: only for a path someone gave; the user data folder is simply not used yet
            named = folder.origin != "default"
            creatable = named and folder.can_be_created()
            self._post_if_newest(self.WorkshopsListed([], [], missing, creatable=creatable, marks=marks))
            return
        if not whole and not self._library_indexed():
            # A first start (or the index deleted): building it reads every file of every workshop, so the
            # names first, from each workshop.json, and where each stopped once it is built (_listed).
            from bootcamp.store.archive import is_archived

            listing = self.bootcamp.store.scan_workshops()
            workshops = self.bootcamp.store.workshops_dir
            names = [WorkshopRow(info, STILL_READING, is_archived(workshops / info.id)) for info in listing.workshops]
            self._post_if_newest(self.WorkshopsListed(names, [str(p) for p in listing.problems], missing, marks=marks))
            return
        rows, problems = self._where_stopped()
        self._post_if_newest(self.WorkshopsListed(rows, problems, missing, marks=marks))

    def _library_indexed(self) -> bool:
        from bootcamp.library.index_file import index_path

        return index_path(self.bootcamp.data_dir).exists()

    @work(thread=True, exclusive=True, group="list")
    def read_where_stopped(self, workshops: list[WorkshopInfo], problems: list[str]) -> None:
        from bootcamp.library.signatures import folder_marks

        marks = folder_marks(str(self._workshops_dir))
        rows, found = self._where_stopped()
        self._post_if_newest(self.WorkshopsListed(rows, found, marks=marks))

    @property
    def _workshops_dir(self) -> Path:
        from bootcamp.store.layout import WORKSHOPS_FOLDER

        return self.bootcamp.data_dir / WORKSHOPS_FOLDER

    def _look_for_changes(self) -> None:
        """Look at the workshops folder (in a thread) while home is on screen and listed, no list on its way."""
        if self.app.screen is not self or not self._listed_once:
            return  # a dialog or a workshop in front: home lists again when it is back (on_screen_resume)
        if any(worker.node is self and worker.group == "list" and not worker.is_finished for worker in self.workers):
            return
        self.look_at_folder(self._listed_marks)

    def _app_focus_changed(self, focused: bool) -> None:
        if focused:  # back from another terminal, perhaps the one that just archived or made a workshop
            self._look_for_changes()

    @work(thread=True, exclusive=True, group="look")
    def look_at_folder(self, listed: FolderMarks | None) -> None:
        from bootcamp.library.signatures import folder_marks

        if folder_marks(str(self._workshops_dir)) != listed:
            self.post_message(self.FolderChanged())

    def _where_stopped(self) -> tuple[list[WorkshopRow], list[str]]:
        """Every workshop as the library index lists it (newest first), and the folders it could not read."""
        from bootcamp.library import Library

        library: Library | None = getattr(self, "_library", None)
        if library is None or library.data_dir != self.bootcamp.data_dir:  # one kept: a reload reuses what it read
            library = self._library = Library(self.bootcamp.data_dir, self.bootcamp.clock)
        listing = library.listing()
        return [WorkshopRow(row.info, row.stopped_at, row.archived, row.days) for row in listing.rows], list(listing.problems)

    def _post_if_newest(self, message: Message) -> None:
        """Unless a newer worker of the same group started since (a reload, a second summary): its result shows."""
        if not get_current_worker().is_cancelled:
            self.post_message(message)
            waiting = self._first_list_posted
            if waiting is not None and isinstance(message, self.WorkshopsListed):
                loop, posted = waiting
                loop.call_soon_threadsafe(posted.set)  # the first paint may go ahead (on_mount)

    @work(thread=True, exclusive=True, group="core")
    def import_core(self) -> None:
        core_imports.import_core()
        self.post_message(self.CoreImported())

    @work(thread=True, exclusive=True, group="content")
    def load_content(self) -> None:
        from bootcamp.content import ContentError, load_dir

        try:
            program = load_dir(self.bootcamp.content_dir)
        except ContentError as error:
            self.post_message(self.ContentFailed(error))
            return
        self.post_message(self.ContentLoaded(program))

    @work(thread=True, exclusive=True, group="open")
    def open_workshop(self, workshop_id: str) -> None:
        self._load_workshop(workshop_id)

    def _load_workshop(self, workshop_id: str) -> None:
        """Read a workshop for the console, in the calling worker (a worker that starts another in its own
        exclusive group would cancel itself)."""
        from bootcamp.store.owner_lock import WorkshopBusy

        app = self.bootcamp
        try:
            workshop = app.read_workshop(workshop_id)
        except WorkshopBusy as busy:
            app.call_from_thread(app.offer_to_follow, workshop_id, str(busy))
            app.call_from_thread(self._after_opening_on_start)  # behind the offer: Esc comes back to a listed home
            return
        except UserError as error:
            self.post_message(self.Failed(error, "Could not open the workshop"))
            return
        self.post_message(self.WorkshopReady(workshop))

    @work(thread=True, exclusive=True, group="summary")
    def read_summary(self, workshop_id: str) -> None:
        from bootcamp.summary.stored_runs import stored_report
        from bootcamp.ui.screens.summary import today  # imported by _summarise

        app = self.bootcamp
        try:
            report = stored_report(app.store, workshop_id, today(app.clock))
        except UserError as error:
            self.post_message(self.Failed(error, "Could not read the summary"))
            return
        self._post_if_newest(self.SummaryRead(report))

    @work(thread=True, exclusive=True, group="archive")
    def archive_workshop(self, workshop_id: str, name: str, archiving: bool) -> None:
        """Archive the workshop (or bring it back), unless a console has it open: then say who, in one sentence."""
        from bootcamp.store.archive import archive, unarchive

        what = f"Could not {'archive' if archiving else 'bring back'} {name}"
        try:
            (archive if archiving else unarchive)(self.bootcamp.store, workshop_id, purpose="bootcamp home")
        except UserError as error:
            self.post_message(self.Failed(error, what))
            return
        self.app.call_from_thread(self._after_core.start, self.list_workshops, whole=True)

    @work(thread=True, exclusive=True, group="open")
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
                follows=request.follows,
            )
        except UserError as error:
            self.post_message(self.Failed(error, "Could not create the workshop"))
            return
        self._load_workshop(info.id)

    @work(thread=True, exclusive=True, group="open")
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
    def _listed(self, message: WorkshopsListed) -> None:
        workshops = self.workshop_list
        # A list the same as the one shown (the folder moved for a lock taken, a save) is not drawn again.
        same = workshops.shows(message.rows, message.problems, message.missing, message.creatable)
        if not self._listed_once or not same:
            workshops.show(message.rows, message.problems, missing=message.missing, creatable=message.creatable)
        self._listed_once = True
        self._listed_marks = message.marks
        self.call_after_refresh(release_after_start)  # the start is over once this is drawn (gc_tuning)
        self.refresh_bindings()  # "Open" depends on there being a workshop
        # Once the list is on screen (threads alongside, sharing one GIL, would delay it): the core, then the
        # content and where each workshop stopped.
        self._import_core()
        if not self._content_requested:
            self._content_requested = True
            self._after_core.start(self.load_content)
        if self.workshop_list.still_reading:
            infos = [row.info for row in message.rows]
            self.call_after_refresh(self._after_core.start, self.read_where_stopped, infos, message.problems)

    @on(FolderChanged)
    def _folder_changed(self, _message: FolderChanged) -> None:
        if self.app.screen is self:
            self._after_core.start(self.list_workshops, whole=bool(self.rows))

    @on(CoreImported)
    def _core_imported(self, _message: CoreImported) -> None:
        self._after_core.core_imported()

    @on(ContentLoaded)
    def _content_loaded(self, message: ContentLoaded) -> None:
        self.bootcamp.content = message.program
        self.content_error = None
        self.query_one(ContentStatus).show_program(message.program)
        self.refresh_bindings()

    @on(ContentFailed)
    def _content_failed(self, message: ContentFailed) -> None:
        self.content_error = message.error
        self.query_one(ContentStatus).show_problems(message.error, self.bootcamp.content_dir)
        self.refresh_bindings()  # "Content problems" is offered now
        self.action_content_problems()

    @on(WorkshopReady)
    def _workshop_ready(self, message: WorkshopReady) -> None:
        self.bootcamp.open(message.workshop)
        self._after_opening_on_start()

    def _after_opening_on_start(self) -> None:
        """The workshop to open on start opened (or could not be): the core, and home lists behind it."""
        if not self._listed_once:
            self._import_core()
            self._after_core.start(self.list_workshops)

    @on(SummaryRead)
    def _summary_read(self, message: SummaryRead) -> None:
        from bootcamp.ui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(message.report))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(safe(message.error), title=message.what, severity="error", markup=False, timeout=10)
        self._after_opening_on_start()

    # -- actions --------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_selected", "summary", "next_run", "archive"):
            return bool(self.rows)
        if action == "toggle_archived":
            return any(workshops.archived for workshops in self.query(WorkshopList))
        if action == "content_problems":
            return self.content_error is not None
        if action == "show_every_organisation":
            return any(workshops.wall is not None for workshops in self.query(WorkshopList))
        return True

    def action_open_selected(self) -> None:
        row = self.workshop_list.selected
        if row is not None:
            self._start_opening(self.open_workshop, row.info.id)

    @on(WorkshopList.Chosen)
    def _chosen(self, message: WorkshopList.Chosen) -> None:
        self._start_opening(self.open_workshop, message.workshop_id)

    def action_summary(self) -> None:
        row = self.workshop_list.selected
        if row is not None:
            self._after_core.start(self._summarise, row.info.id)

    def _summarise(self, workshop_id: str) -> None:
        # The summary screen's module imports Textual widgets: on the app's thread, once the core is in.
        import bootcamp.ui.screens.summary  # noqa: F401

        self.read_summary(workshop_id)

    def action_new_workshop(self) -> None:
        self._prepare("a new workshop")

    def action_next_run(self) -> None:
        row = self.workshop_list.selected
        if row is not None:
            self._prepare("the next run", like=row.info, like_held_on=row.held_on)

    def _prepare(self, what: str, like: WorkshopInfo | None = None, like_held_on: str = "") -> None:
        """The new-workshop form (filled in from ``like`` for the next run); it needs the content."""
        if not self._content_ready(what):
            return
        from bootcamp.ui.screens.new_workshop import NewWorkshopScreen

        program = self.bootcamp.content
        assert program is not None
        agendas = [(a.id, a.title) for a in program.agendas]
        runs = [row.info for row in self.workshop_list.every_row]  # to name the next run by its place in its line
        form = NewWorkshopScreen(
            today=self.bootcamp.clock.now(), agendas=agendas, like=like, like_held_on=like_held_on, runs=runs
        )
        self.app.push_screen(form, self._created)

    def _created(self, request: NewWorkshop | None) -> None:
        if request is not None:
            self._start_opening(self.create_workshop, request)

    def action_demo(self) -> None:
        if self._content_ready("the demo"):
            self._start_opening(self.create_demo)

    def action_reload(self) -> None:
        self._after_core.start(self.list_workshops, whole=bool(self.rows))
        self._after_core.start(self.load_content)

    def _start_opening(self, work: Callable[..., Any], *args: Any) -> None:
        """Open, create or make the demo, unless a workshop is on its way already: a second enter opens no second."""
        on_its_way = self._after_core.holds(self.open_workshop) or any(
            worker.node is self and worker.group == "open" and not worker.is_finished for worker in self.workers
        )
        if not on_its_way:
            self._after_core.start(work, *args)

    def action_search(self) -> None:
        from bootcamp.ui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_follow_up(self) -> None:
        from bootcamp.ui.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen())

    def action_archive(self) -> None:
        from bootcamp.ui.screens.archive_confirm import ArchiveConfirmScreen

        row = self.workshop_list.selected
        if row is None:
            return
        archiving = not row.archived

        def answered(yes: bool | None) -> None:
            if yes:
                self._after_core.start(self.archive_workshop, row.info.id, row.info.name, archiving)

        self.app.push_screen(ArchiveConfirmScreen(row.info, row.held_on, archiving=archiving), answered)

    def action_toggle_archived(self) -> None:
        self.workshop_list.toggle_archived()
        self.refresh_bindings()

    def action_show_every_organisation(self) -> None:
        from bootcamp.ui.screens.wall_confirm import WallConfirmScreen

        wall = self.workshop_list.wall
        if wall is not None:
            self.app.push_screen(WallConfirmScreen(wall), lambda _lifted: self.workshop_list.check_wall())

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

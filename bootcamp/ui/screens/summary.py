"""The commitment-test summary on screen: what the CCO takes back to the CEO, a page at a time.

One :class:`CommitmentReport` on eight pages, each making its point at 80×24 on the projector:
the overall score and every dimension, what to ask and do next (weakest first), the aptitude
heat map, the competency audit, the role verdict, the actions, what the figures rest on (how far
the room got), and every note the room wrote. A ninth page, Progress, joins them when there is an earlier
run to compare with: the run this one was made again from, else the latest earlier run of the same
organisation (:func:`bootcamp.summary.lineage.choose_earlier`, which also says why and whether the run it
follows is missing from this library). A worker reads that run's report, and the page compares it
with this one (:func:`bootcamp.summary.comparison.compare`) every time this one is shown again.
Opened for the open workshop it follows the room: the report is built again from memory
(:meth:`LiveWorkshop.report`, a few milliseconds) after every change to the room and when
the screen comes back. Opened from home it shows the report a worker read from disk.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from bootcamp.clock import local_today
from bootcamp.errors import UserError
from bootcamp.live.changes import Change, Part
from bootcamp.summary.comparison import compare
from bootcamp.summary.lineage import EarlierChoice, choose_earlier
from bootcamp.summary.model import CommitmentReport
from bootcamp.summary.report import private_notes_said, without_private_notes
from bootcamp.ui.text import joined, safe
from bootcamp.ui.theme import CONSOLE_THEME, PROJECTOR_THEME
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.report.actions import ActionList
from bootcamp.ui.widgets.report.audit import AuditChart
from bootcamp.ui.widgets.report.coverage import Coverage
from bootcamp.ui.widgets.report.dimensions import DimensionBars
from bootcamp.ui.widgets.report.findings import Findings
from bootcamp.ui.widgets.report.heat_map import HeatMapChart
from bootcamp.ui.widgets.report.next_steps import NextSteps
from bootcamp.ui.widgets.report.notes import NotesView
from bootcamp.ui.widgets.report.overall import OverallScore
from bootcamp.ui.widgets.report.progress import ProgressView
from bootcamp.ui.widgets.report.role import RoleVerdictView

if TYPE_CHECKING:
    from bootcamp.clock import Clock
    from bootcamp.live.workshop import LiveWorkshop

# (id, tab label, what the page shows): the tabs in order, and keys 1–8.
PAGES = (
    ("overview", "Overview", "the overall score and every dimension"),
    ("next-steps", "Next steps", "weakest first, what to ask and do next"),
    ("aptitudes", "Aptitudes", "the aptitude heat map"),
    ("competencies", "Competencies", "the competency audit"),
    ("role", "Role", "the role-definition verdict"),
    ("actions", "Actions", "owners, dates, overdue"),
    ("coverage", "Coverage", "how far the room got, who answered, how the figures are made"),
    ("notes", "Notes", "every note, comment and Poker note, with when and who"),
)
PAGE_IDS = tuple(page for page, _, _ in PAGES)
LABELS = {page: label for page, label, _ in PAGES}
PROGRESS = "progress"  # the ninth page, only when there is an earlier run (or the run it follows is missing)


def today(clock: Clock) -> date:
    """The local date: actions due before it are overdue."""
    return local_today(clock)


class SummaryScreen(LetsGoOfAppWatches, Screen[None]):
    CSS_PATH = "summary.tcss"
    HELP_TITLE = "Commitment-test summary"

    BINDINGS = [
        Binding("pagedown,right", "next_page", "Next page", priority=True, key_display="→", tooltip="Next page"),
        Binding("pageup,left", "previous_page", "Back", priority=True, key_display="←", tooltip="Previous page"),
        *(
            Binding(str(n), f"page('{page}')", label, show=False, tooltip=f"Page {n}: {what}")
            for n, (page, label, what) in enumerate(PAGES, 1)
        ),
        Binding("9", "progress_page", "Progress", show=False, tooltip="Page 9: progress since the earlier run"),
        # "Projector" read as sending the summary to the projector window; it only changes the colours here
        Binding("p", "projector", "Contrast", tooltip="High-contrast colours, for a projector, on or off"),
        Binding(
            "e", "export", "Export", tooltip="Write the summary as Markdown and printable HTML into the exports folder"
        ),
        Binding("escape", "leave", "Close", tooltip="Close the summary"),
    ]

    class Exported(Message):
        """The summary files were written (``paths``), or could not be (``error``)."""

        def __init__(self, folder: Path, paths: tuple[Path, ...], error: OSError | None = None) -> None:
            super().__init__()
            self.folder = folder
            self.paths = paths
            self.error = error

    class EarlierRead(Message):
        """The earlier run to compare with was read (``report``), could not be (``problem``), or there is none;
        ``chosen`` says which run it is and why."""

        def __init__(
            self,
            report: CommitmentReport | None,
            problem: str = "",
            chosen: EarlierChoice | None = None,
            older: tuple[CommitmentReport, ...] = (),
        ) -> None:
            super().__init__()
            self.report = report
            self.problem = problem
            self.chosen = chosen
            self.older = older  # the runs before it in its line: their actions still open are carried

    def __init__(self, report: CommitmentReport | None = None, *, workshop: LiveWorkshop | None = None) -> None:
        super().__init__()
        if report is None and workshop is None:
            raise ValueError("a summary needs a report or the open workshop to follow")
        self.report = report
        self.workshop = workshop
        self._theme_on_open = ""
        self._rebuild_pending = False
        self.earlier: CommitmentReport | None = None
        self._earlier_problem = ""
        self._earlier_chosen: EarlierChoice | None = None
        self._older: tuple[CommitmentReport, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(id="summary-title"):
            yield Static(id="summary-name")
            yield Static(id="summary-source")
        with TabbedContent(id="pages"):
            with TabPane(LABELS["overview"], id="overview"), VerticalScroll():
                yield OverallScore()
                yield DimensionBars()
                yield Findings()
            with TabPane(LABELS["next-steps"], id="next-steps"):
                yield NextSteps()
            with TabPane(LABELS["aptitudes"], id="aptitudes"), VerticalScroll():
                yield HeatMapChart()
            with TabPane(LABELS["competencies"], id="competencies"), VerticalScroll():
                yield AuditChart()
            with TabPane(LABELS["role"], id="role"), VerticalScroll():
                yield RoleVerdictView()
            with TabPane(LABELS["actions"], id="actions"), VerticalScroll():
                yield ActionList()
            with TabPane(LABELS["coverage"], id="coverage"), VerticalScroll():
                yield Coverage()
            with TabPane(LABELS["notes"], id="notes"), VerticalScroll():
                yield NotesView()
        yield KeyBar()

    def on_mount(self) -> None:
        self._theme_on_open = self.app.theme
        if self.workshop is not None:
            self.watch(self.app, "live_change", self._room_changed, init=False)
            self.report = self._build()
        assert self.report is not None
        self.show_report(self.report)
        self._focus_page()
        self.read_earlier(self.report)

    def on_screen_resume(self) -> None:
        # Back from help or the palette: the room (or which steps were skipped) may have changed meanwhile.
        if self.workshop is not None and self.report is not None:
            self.show_report(self._build())

    # -- following the room ----------------------------------------------------------------------------------

    def _build(self) -> CommitmentReport:
        assert self.workshop is not None
        return self.workshop.report(as_of=today(self.workshop.clock))

    def _room_changed(self, change: Change | None) -> None:
        # Answers can arrive several in one frame: build once, after the frame that brought them.
        if change is None or not change.touches(Part.RECORDS, Part.ROSTER, Part.POSITION):
            return  # a save result changes nothing in the report
        if self.is_current and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.workshop is not None and self.is_current:
            self.show_report(self._build())

    # -- the earlier run -------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="earlier")
    def read_earlier(self, report: CommitmentReport) -> None:
        """The run this one follows (else the latest earlier run of its organisation), read from the data folder."""
        store = self.app.store  # type: ignore[attr-defined]
        try:
            workshops = store.scan_workshops().workshops
            this = next((info for info in workshops if info.id == report.workshop_id), None) or store.open(
                report.workshop_id
            ).info()
            from bootcamp.summary.stored_runs import older_reports, refuse_an_unreadable_run_followed, stored_report

            refuse_an_unreadable_run_followed(store, workshops, this)
            chosen = choose_earlier(workshops, this)
            if chosen.run is None:
                # None at all: no Progress page. The run it follows is missing: the page says so.
                self.post_message(self.EarlierRead(None, chosen.not_here(), chosen))
                return
            as_of = today(store.clock)
            earlier = stored_report(store, chosen.run.id, as_of)
            # An older run that cannot be read only loses its carried actions; the page still compares the two.
            older, _ = older_reports(store, workshops, chosen.run, report.workshop_id, as_of)
            self.post_message(self.EarlierRead(earlier, chosen=chosen, older=tuple(older)))
        except UserError as error:
            self.post_message(self.EarlierRead(None, f"The earlier run could not be read: {error}"))

    @on(EarlierRead)
    async def _earlier_read(self, message: EarlierRead) -> None:
        if message.report is None and not message.problem:
            return  # no earlier run: no Progress page
        self.earlier, self._earlier_problem, self._earlier_chosen = message.report, message.problem, message.chosen
        self._older = message.older
        pages = self.query_one(TabbedContent)
        if not self.query(ProgressView):
            await pages.add_pane(TabPane("Progress", VerticalScroll(ProgressView()), id=PROGRESS))
            pages.add_class("-with-progress")
            self.refresh_bindings()
        if self.report is not None:
            self._show_progress(self.report)

    def _show_progress(self, report: CommitmentReport) -> None:
        view = self.query_one(ProgressView)
        if self.earlier is None:
            view.show_comparison(None, self._earlier_problem)
            return
        try:
            view.show_comparison(compare(self.earlier, report, self._older), chosen=self._earlier_chosen)
        except UserError as error:
            view.show_comparison(None, f"No comparison with the earlier run: {error}.")

    def _pages(self) -> tuple[str, ...]:
        return PAGE_IDS + ((PROGRESS,) if self.query(ProgressView) else ())

    # -- showing ---------------------------------------------------------------------------------------------

    def show_report(self, report: CommitmentReport) -> None:
        self.report = report
        facts = " · ".join(fact for fact in (report.workshop, report.organisation, report.held_on) if fact)
        self.query_one("#summary-name", Static).update(joined(("Commitment test", "bold"), ("  ·  ", "dim"), facts))
        source = self.query_one("#summary-source", Static)
        archived = report.archived_at is not None  # "": archived at a time that cannot be read, archived all the same
        source.update("● live" if self.workshop else f"{'archived · ' if archived else ''}saved answers")
        source.set_class(self.workshop is not None, "-live")
        self.query_one(OverallScore).show(report)
        for part in (
            DimensionBars,
            Findings,
            HeatMapChart,
            AuditChart,
            RoleVerdictView,
            ActionList,
            Coverage,
            NotesView,
            NextSteps,
        ):
            self.query_one(part).show(report)
        if self.query(ProgressView):
            self._show_progress(report)

    @on(TabbedContent.TabActivated)
    def _page_shown(self) -> None:
        self._focus_page()

    def _focus_page(self) -> None:
        """Keys go to the page: ↑ ↓ scroll it, or choose a dimension on Next steps."""
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            focusable = next((widget for widget in pane.query("*") if widget.can_focus), None)
            if focusable is not None:
                focusable.focus()

    # -- actions ---------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "progress_page":
            return PROGRESS in self._pages()  # offered only when there is an earlier run to compare with
        return True

    def action_progress_page(self) -> None:
        self.action_page(PROGRESS)

    def action_page(self, page: str) -> None:
        if page in self._pages():
            self.query_one(TabbedContent).active = page

    def _turn(self, step: int) -> None:
        pages, shown = self.query_one(TabbedContent), self._pages()
        at = shown.index(pages.active) if pages.active in shown else 0
        pages.active = shown[(at + step) % len(shown)]

    def action_next_page(self) -> None:
        self._turn(1)

    def action_previous_page(self) -> None:
        self._turn(-1)

    def action_projector(self) -> None:
        if self.app.theme == PROJECTOR_THEME:
            before = self._theme_on_open
            self.app.theme = before if before and before != PROJECTOR_THEME else CONSOLE_THEME
        else:
            self.app.theme = PROJECTOR_THEME

    def action_export(self) -> None:
        if self.report is not None:
            self.export(self.report)

    @work(thread=True, exclusive=True, group="export")
    def export(self, report: CommitmentReport) -> None:
        """Write the Markdown and the printable HTML into the exports folder (:func:`bootcamp.locations.export_dir`):
        one the facilitator sees and can change, never the folder the app happened to be started from."""
        from bootcamp.export.report_files import summary_files
        from bootcamp.locations import export_dir
        from bootcamp.store.durable import make_private_folder, replace_durably

        folder = export_dir(Path(self.app.data_dir))  # type: ignore[attr-defined]
        written: list[Path] = []
        try:
            folder = Path(os.path.abspath(folder))  # the full path, said in the notification
            make_private_folder(folder)  # 0700 like the data folder's own; an existing one keeps its mode
            for name, text in summary_files(without_private_notes(report), self.earlier, self._earlier_chosen, self._older).items():
                replace_durably(folder / name, text.encode("utf-8"))
                written.append(folder / name)
        except OSError as error:
            self.post_message(self.Exported(folder, tuple(written), error))
            return
        self.post_message(self.Exported(folder, tuple(written)))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.error is not None:
            reason = message.error.strerror or str(message.error)
            self.notify(
                f"Could not write the summary into {safe(message.folder)}: {safe(reason)}.",
                title="Summary not written",
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        paths = "\n".join(str(path) for path in message.paths)
        if self.report is not None and (said := private_notes_said(without_private_notes(self.report))):
            paths += f"\n{said[0].upper()}{said[1:]}."
        self.notify(safe(paths), title="Summary written", markup=False, timeout=8)

    def action_leave(self) -> None:
        if self.app.theme != self._theme_on_open and self._theme_on_open:
            self.app.theme = self._theme_on_open
        self.dismiss()

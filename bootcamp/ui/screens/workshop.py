"""The facilitator's console: the agenda beside the current step, the timer, the day clock and the notes.

While a projector window follows the workshop (``bootcamp present``, F6) the console is the
speaker view: the agenda makes way for the step at the wall's width and the next step below it.
``j`` lets the room answer from their phones: it asks which address to serve on, then a line above
the status bar shows the join URL until ``j`` stops it (or the workshop is left).
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Header, Static
from textual.widgets._header import HeaderTitle

from bootcamp.content.model import Step, StepKind
from bootcamp.flow import Flow, format_minutes
from bootcamp.join.addresses import JoinAddress
from bootcamp.live.actors import CONSOLE
from bootcamp.live.records import ANSWERED_KINDS
from bootcamp.live.saving import SaveStatus
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store.projector_lock import projector_following
from bootcamp.ui.screens.walk import NEW_DAY_SAID, START_OVER_SAID, TAKE_MINUTES_SAID, TICK_SECONDS, WalkScreen
from bootcamp.ui.text import joined, safe
from bootcamp.ui.widgets.agenda import LEGEND, Agenda
from bootcamp.ui.widgets.answers.moved_on import KeysHint
from bootcamp.ui.widgets.day_clock import DayClockPanel
from bootcamp.ui.widgets.join_bar import JoinBar
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.next_step import NextStep
from bootcamp.ui.widgets.notes import FacilitatorNotes
from bootcamp.ui.widgets.steady_static import SteadyStatic
from bootcamp.ui.widgets.steps import StepScroll, StepView, view_for
from bootcamp.ui.widgets.steps.exercise import ExerciseView
from bootcamp.ui.widgets.time_strip import TimeStrip
from bootcamp.ui.widgets.timer import StepTimerPanel

ADDING_KINDS = (StepKind.ACTIONS, StepKind.EXERCISE)  # the steps where a adds an action rather than answers

class WorkshopScreen(WalkScreen):
    CSS_PATH = "workshop.tcss"
    HELP_TITLE = "The console"
    # Textual's breakpoints, not on_resize: the layout is all CSS (workshop.tcss), switched by one class.
    # Below 100 columns the agenda makes way for the step (it stays a key away: g), and the side column
    # folds into a one-line strip (timer, day clock) with the notes a key away (f3): the slide keeps
    # at least 70 columns at 80. Below 120 the agenda alone makes way: beside it the step had 28 at 100.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (120, "-wide")]
    # The footer keys that never make way for others (KeyBar): with Help and Quit, what a facilitator
    # in front of a room needs at any width. The others show as far as there is room; ? lists them all.
    FOOTER_KEPT = frozenset({"next", "answer", "add_action", "reveal", "presenter"})

    # Letters are left to focused widgets (answers use y/p/n/d …); arrows and PageUp/PageDown
    # always move through the agenda, PageUp/PageDown even inside a focused widget.
    BINDINGS = [
        Binding("right", "next", "Next", tooltip="Next step (marks this one done)"),
        Binding("pagedown", "next", "Next", show=False, priority=True, tooltip="Next step (marks this one done)"),
        Binding("left", "previous", "Back", tooltip="Previous step"),
        Binding("pageup", "previous", "Back", show=False, priority=True, tooltip="Previous step"),
        Binding("g", "jump", "Jump", tooltip="Jump to a step"),
        Binding("s", "skip", "Skip", tooltip="Skip this step for time (one the room has not worked on)"),
        Binding("m", "toggle_done", "Done", show=False, tooltip="Mark this step done, or not done"),
        Binding("t", "toggle_timer", "Timer", tooltip="Start or pause the step timer"),
        Binding(
            "plus,equals_sign",
            "add_minutes",
            "+2 min",
            key_display="+",
            show=False,
            tooltip="Add 2 minutes to the timer",
        ),
        Binding("minus", "take_minutes", "-2 min", key_display="-", show=False, tooltip=TAKE_MINUTES_SAID),
        Binding("T", "start_over", "Timer over", show=False, tooltip=START_OVER_SAID),
        Binding("D", "new_day", "Next day", show=False, tooltip=NEW_DAY_SAID),
        Binding("a", "answer", "Answer", tooltip="Go to the answers of this step (Esc comes back)"),
        # The same key on the actions and Poker steps (check_action picks one): there a adds an action, as the step's
        # hint says, and the footer, help and the palette name that.
        Binding(
            "a",
            "add_action",
            "Add action",
            tooltip="Add an action (on Aptitude Poker, from the card under discussion)",
        ),
        Binding(
            "d",
            "deal",
            "Deal",
            tooltip="Aptitude Poker: deal the cards among the people present, or deal again to whoever is present",
        ),
        Binding("r", "reveal", "Reveal", tooltip="Reveal this step's results to the room, or hide them again"),
        Binding("e", "private_entry", "Private", tooltip="Private entry: pass the keyboard, each person answers unseen"),
        Binding(
            "E",
            "paper_sheets",
            "Sheets",
            show=False,
            tooltip="Paper sheets: type in one person's whole sheet, row by row as printed",
        ),
        Binding("v", "secret_ballot", "Secret", show=False, tooltip="Secret ballot on this step: answers stored without a name"),
        Binding("ctrl+z", "undo", "Undo", show=False, tooltip="Undo the last change to the room's answers and notes"),
        Binding("f2", "people", "People", show=False, tooltip="The people in the room: add, rename, remove, restore"),
        Binding("f4", "summary", "Summary", show=False, tooltip="The commitment-test summary, updated as answers arrive"),
        Binding("f5", "presenter", "Present", tooltip="Presenter mode: only the slide, for the projector"),
        Binding("f6", "projector_window", "Projector", show=False, tooltip="Projector window: only the slide, on a second screen"),
        Binding("j", "join", "Join", tooltip="Let the room answer from their phones, or stop it"),
        Binding(
            "f3",
            "toggle_notes",
            "Notes",
            show=False,
            tooltip="Show or hide the notes (narrow console, role check)",
        ),
        Binding("J", "join_slide", "Join slide", show=False, tooltip="Show or hide the join slide (QR code) on the wall"),
        Binding("b,full_stop", "blank", "Blank", show=False, tooltip="Blank the screen (any key brings it back)"),
        # The same keys while a projector window follows (check_action picks one): only the wall goes black and the
        # console is worked on as before, so any key bringing it back would show the room what was being done here.
        Binding(
            "b,full_stop",
            "blank_wall",
            "Blank wall",
            show=False,
            tooltip="Blank the projector window, the console stays as it is (b brings the wall back)",
        ),
        Binding("escape", "back", "Back", show=False, tooltip="Back from the answers to the step"),
        Binding(
            "ctrl+w",
            "leave_workshop",
            "Leave",
            show=False,
            tooltip="Leave the workshop (asks first while the room watches)",
        ),
    ]

    def __init__(self, workshop: LiveWorkshop) -> None:
        super().__init__(workshop)
        info = workshop.info
        self.title = safe(info.name)  # the header shows titles as plain text; escapes made visible here
        self.sub_title = safe(info.organisation)
        self.projected = False  # a projector window follows: this is the speaker view
        # The step a projector window closed on while blanked (its blank went with it): said there, in the status line.
        self._blank_closed_on: str | None = None
        # answers taken here, results shown here, actions added here, cards dealt here
        self._answering_keys_shown: tuple[bool, bool, bool, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="columns"):
            with Vertical(id="agenda-column"):
                yield Agenda(id="agenda")
                yield Static(LEGEND, id="agenda-legend", markup=False)
            with Vertical(id="step-column"):
                yield StepScroll(id="step-body")
                yield NextStep(id="next-step")
            with Vertical(id="side-column"):
                yield StepTimerPanel(id="timer")
                yield DayClockPanel(id="day")
                yield FacilitatorNotes(id="notes")
        yield TimeStrip(id="time-strip")
        yield JoinBar(id="join-bar")
        yield SteadyStatic(id="status-bar")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.query_one(Agenda).border_title = "Agenda · g jumps"
        self._follow_projector()
        self.set_interval(TICK_SECONDS, self._follow_projector)
        self.stop_clocks_left_running()
        await self.show_state()
        views = self.step_views()
        if not (views and views[0].focus_on_arrival()):  # the role check's line field takes the keys
            self.query_one(StepScroll).focus()

    # -- showing ---------------------------------------------------------------------------------------------

    async def show_step(self, flow: Flow) -> None:
        step = flow.current
        session = flow.program.session(step.session_id)
        body = self.query_one(StepScroll)
        body.border_title = joined((session.title if session else step.session_id, ""), "  ›  ", (step.title, "bold"))
        body.border_subtitle = f"{step.kind.value} · {format_minutes(step.minutes)}"
        view = view_for(step, flow.program, live=self.workshop.records)
        wide = view.wants_width()
        self.set_class(wide, "-wide-step")  # the agenda and the side column make way (workshop.tcss)
        gone = ["#agenda-column"] if self.has_class("-notes-open") else ["#agenda-column", "#side-column"]
        focused = self.focused
        if wide and focused is not None and any(self.query_one(column) in focused.ancestors for column in gone):
            body.focus()  # the step was chosen in the agenda (or left from the notes), which makes way
        await body.show(view)
        if not view.focus_on_arrival() and self.focused is None:
            body.focus()  # the field that had the focus went with the step before: the console's keys act again
        self.query_one(FacilitatorNotes).show_step(step, flow.program)
        self.query_one(NextStep).show_step(flow.upcoming, flow.program)
        self.call_after_refresh(self._prepare_slide, flow.upcoming)

    def _prepare_slide(self, upcoming: Step | None) -> None:
        """Once this step is on screen: render the next slide, while the console waits for the key that shows it
        (a teach step after a teach step shows its body in the same widget, at the same width)."""
        if upcoming is None or upcoming.kind is not StepKind.TEACH or self.flow.current.kind is not StepKind.TEACH:
            return
        from bootcamp.ui.widgets.markdown_body import MarkdownBody

        for shown in self.query_one(StepScroll).query(MarkdownBody):
            shown.prepare(upcoming.body)

    def show_position(self, flow: Flow) -> None:
        answering = (
            flow.current.kind in ANSWERED_KINDS,
            flow.program.shown_step(flow.current) is not None,
            flow.current.kind is StepKind.ACTIONS,
            flow.current.kind is StepKind.EXERCISE,
        )
        if answering != self._answering_keys_shown:
            self._answering_keys_shown = answering
            self.refresh_bindings()  # the answering keys come and go with the step's kind (the footer recomposes)
        if self._blank_closed_on != flow.current.key:
            self._blank_closed_on = None  # said on the step where the window closed, not when coming back to it
        self.query_one(Agenda).show_flow(flow)
        self._show_sub_title(f"{safe(self.workshop.info.organisation)} · {flow.counter}")
        self._show_status(flow, self.workshop.save_status)
        self._show_join_bar()

    def _show_sub_title(self, text: str) -> None:
        """The header's counter. Set as Textual does, a screen's sub_title repaints every cell of the screen
        (about a tenth of a step change); here only the header's title line is drawn again."""
        if self.sub_title == text:
            return
        self.set_reactive(WorkshopScreen.sub_title, text)  # read by the header; its watchers not called
        header = self.query_one(Header)
        # One line as wide as the header (Textual's HeaderTitle, a private class: Textual is pinned): no layout.
        header.query_one(HeaderTitle).update(header.format_title(), layout=False)

    def step_views(self) -> list[StepView]:
        # The step's box holds them: a query of the whole console cost about 0.3 ms, twice for each answer.
        return [view for view in self.query_one(StepScroll).children if isinstance(view, StepView)]

    def show_room(self) -> None:
        super().show_room()
        key = self.flow.current.key
        quick = [note.text for note in self.workshop.records.room.notes if note.quick and note.step_key == key]
        self.query_one(FacilitatorNotes).show_quick_notes(quick)

    def joining_changed(self) -> None:
        """Called by the app (BootcampApp.watch_joining) when joining changes."""
        if self.is_current:
            self.show_room()  # who holds a seat by phone is marked in the answers
        self._show_join_bar()

    def _show_join_bar(self) -> None:
        present = len(self.workshop.info.present)
        self.query_one(JoinBar).show(self.bootcamp.joining, present=present, step_key=self.flow.current.key)

    def show_time(self, flow: Flow) -> None:
        day = flow.day_clock()
        self.query_one(StepTimerPanel).show_flow(flow)
        self.query_one(DayClockPanel).show_day(day)
        self.query_one(TimeStrip).show_time(flow, day)

    def action_toggle_notes(self) -> None:
        """Below 100 columns, and on a step that needs the width, the notes wait behind f3; else they are shown."""
        if self.has_class("-narrow") or self.has_class("-wide-step"):
            self.toggle_class("-notes-open")
        else:
            self.notify("The notes are on the right.", markup=False, timeout=2)

    def show_saving(self, status: SaveStatus) -> None:
        if self._shown_state is not None:
            self._show_status(self.flow, status)

    def _show_status(self, flow: Flow, status: SaveStatus) -> None:
        upcoming = flow.upcoming
        parts: list[object] = [(flow.counter, "bold")]
        if flow.is_skipped(flow.current.key):
            parts.append(("  ·  skipped for time", "italic"))
        elif flow.is_done(flow.current.key):
            parts.append(("  ·  done", "italic"))
        parts += [("  ·  next: ", "dim"), upcoming.title if upcoming else "— the end —"]
        if status.error:  # the reason and the file, in few words (the full message is in the quit warning)
            saving: tuple[str, str] = (f"{status.label}: {status.brief or status.error} — retrying", "bold")
        else:
            saving = (status.label, "dim")
        bar = self.query_one("#status-bar", SteadyStatic)
        # Last, so a narrow bar cuts this off before it cuts off the save status.
        if self.projected and self.workshop.state.blank:
            following: object = ("  ·  ▣ projector blanked: b brings it back", "bold")
        elif not self.projected and self._blank_closed_on == flow.current.key:
            following = ("  ·  ▣ projector window closed while blanked: its blank went with it", "bold")
        else:
            following = ("  ·  ▣ projector window following", "bold") if self.projected else ""
        if status.error:  # first after the counter: a long step title never cuts off a save that fails
            bar.show_text(joined(parts[0], ("  ·  ", "dim"), saving, *parts[1:], following))
        else:
            bar.show_text(joined(*parts, ("  ·  ", "dim"), saving, following))
        bar.set_class(bool(status.error), "-unsaved")

    def keys_nearby(self) -> list[tuple[str, Widget]]:
        """For help: the step's widgets whose keys work once they have the focus (the role check's lines)."""
        return [nearby for view in self.step_views() if view.is_mounted for nearby in view.keys_nearby()]

    def on_paste(self, event: events.Paste) -> None:
        """A paste no text field took (a focused field stops it): the step's own field takes it if the step has one,
        so a posting pasted on arrival at the role check is not lost without a word."""
        for view in self.step_views():
            if view.is_mounted and view.take_paste(event.text):
                event.stop()
                return

    # -- actions only the console has -------------------------------------------------------------------------

    @on(Agenda.StepChosen)
    async def _step_chosen(self, message: Agenda.StepChosen) -> None:
        await self.jump_to(message.step_key)

    ANSWERING_ACTIONS = frozenset({"answer", "reveal", "private_entry", "secret_ballot"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The answering keys only where the step takes answers: the footer shows what works here."""
        if action in ("blank", "blank_wall"):  # one of the two, as help says: what b does depends on a projector window
            return self.projected == (action == "blank_wall")
        if action == "reveal":  # a step the room answers, or a discussion showing one's results
            return self.flow.program.shown_step(self.flow.current) is not None
        if action == "add_action":  # typed at once, an action's words must not go to the console's keys
            return self.flow.current.kind in ADDING_KINDS
        if action == "answer" and self.flow.current.kind in ADDING_KINDS:
            return False  # a adds an action here (add_action), and is named so
        if action == "deal":  # from the step, as the Poker step says: not only once Tab has reached the cards
            return self.flow.current.kind is StepKind.EXERCISE
        if action in self.ANSWERING_ACTIONS:
            return self.flow.current.kind in ANSWERED_KINDS
        return True

    def action_answer(self) -> None:
        view = self.query(StepView)
        if not (view and view.first().focus_answers()):
            self.notify("This step takes no answers.", markup=False, timeout=2)

    def action_add_action(self) -> None:
        """On the actions step into the table, on Aptitude Poker from the card under discussion (see focus_answers)."""
        self.action_answer()

    def action_deal(self) -> None:
        poker = [view for view in self.step_views() if isinstance(view, ExerciseView)]
        if not (poker and poker[0].deal_from_step()):
            self.notify("This step has no cards to deal.", markup=False, timeout=2)

    def signal_reveal(self, shown: bool | None) -> None:
        if shown is None:
            message = "This step has no results to reveal."
        else:
            message = "Results revealed to the room." if shown else "Results hidden again."
        self.notify(message, markup=False, timeout=2)

    def action_secret_ballot(self) -> None:
        step = self.flow.current
        if step.kind not in ANSWERED_KINDS:
            self.notify("This step takes no answers.", markup=False, timeout=2)
            return
        secret = self.workshop.toggle("secret", step.key)
        self.show_room()
        message = "Secret ballot: answers are stored without a name." if secret else "Answers are named again."
        self.notify(message, title=step.title, markup=False, timeout=3)

    def action_private_entry(self) -> None:
        self.start_private_entry()

    def action_paper_sheets(self) -> None:
        """One person's whole paper sheet, every answering step of the agenda in the printed order, from any step."""
        self.start_private_entry(step_keys=[step.key for step in self.flow.steps], sheet=True)

    def answer_missed(self, participant_id: str, step_keys: list[str] | tuple[str, ...]) -> None:
        """A late arrival answers the steps they missed, unseen, one after another."""
        self.start_private_entry(participant_id=participant_id, step_keys=step_keys)

    def start_private_entry(
        self, *, participant_id: str = "", step_keys: list[str] | None = None, sheet: bool = False
    ) -> None:
        from bootcamp.ui.screens.private_entry import PrivateEntryScreen

        keys = list(step_keys or [self.flow.current.key])
        steps = [step for key in keys if (step := self.flow.program.step(key)) and step.kind in ANSWERED_KINDS]
        if not steps:
            self.notify("This step takes no answers.", markup=False, timeout=2)
            return
        self.workshop.set_private_entry(True)
        self.app.push_screen(
            PrivateEntryScreen(self.workshop, steps, participant_id=participant_id, sheet=sheet),
            lambda _: self.workshop.set_private_entry(False),
        )

    def action_undo(self) -> None:
        """Take back the last change, saying what it was and where: a change on another step than the one shown
        is said to be there ("on step 7, not this one"), as it is not in view."""
        undone = self.workshop.undo(by=CONSOLE)
        if undone is None:
            self.notify("Nothing to undo.", markup=False, timeout=2)
            return
        for hint in self.query_one(StepScroll).query(KeysHint):  # where the cursor moved on no longer holds
            hint.moved_on("")
        where = ""
        if undone.step_key and undone.step_key != self.flow.current.key:
            number = self.flow.index_of(undone.step_key)
            where = f", on step {number + 1}, not this one" if number is not None else ", on a step not on this agenda"
        said = safe(f"Undone: {undone.label}{where} (from {undone.by}).")
        self.notify(said, markup=False, timeout=6 if where else 4)

    # -- phones ----------------------------------------------------------------------------------------------

    def action_join(self) -> None:
        """Start joining (asking where first), or stop it: every open phone page is told its answers are kept."""
        if self.bootcamp.stop_joining():
            self.notify(
                "Joining stopped: phones can no longer answer; what they saved is kept.", title="Phones", markup=False
            )
            return
        self.join_at(JoinAddress(port=self.bootcamp.join_port))

    def join_at(self, address: JoinAddress) -> None:
        """Serve the phone page on ``address``; without a host, ask which of the machine's addresses first."""
        if self.bootcamp.console_joining is not None:
            return
        if address.host:
            self.run_worker(self._start_joining(address), group="joining", exclusive=True)
            return
        from bootcamp.join.addresses import candidates
        from bootcamp.ui.screens.join_address import JoinAddressScreen

        def chosen(where: JoinAddress | None) -> None:
            if where is not None:
                self.join_at(where)

        self.app.push_screen(JoinAddressScreen(candidates(), address.port), chosen)

    async def _start_joining(self, address: JoinAddress) -> None:
        """On the app's loop (the live workshop's), never in a thread: the server and the workshop share it."""
        if await self.bootcamp.start_joining(address):
            joining = self.bootcamp.joining
            url = joining.url if joining is not None else ""
            self.notify(f"Phones can join at {url}", title="Phones", markup=False, timeout=6)

    def action_join_slide(self) -> None:
        joining = self.bootcamp.console_joining
        if joining is None:
            self.notify("Phones cannot join yet: j starts it.", markup=False, timeout=3)
            return
        joining.show_slide(not joining.invite.slide_over(self.flow.current.key))
        self.bootcamp.show_joining()

    def action_presenter(self) -> None:
        from bootcamp.ui.screens.presenter import PresenterScreen

        self.workshop.show(presenter=True)
        self.app.push_screen(PresenterScreen(self.workshop), lambda _: self.workshop.show(presenter=False))

    def action_people(self) -> None:
        from bootcamp.ui.screens.roster import MissedSteps, RosterScreen

        def closed(missed: MissedSteps | None) -> None:
            if missed is not None:
                self.call_later(self.answer_missed, missed.participant_id, missed.step_keys)

        self.app.push_screen(RosterScreen(self.workshop), closed)

    def action_summary(self) -> None:
        from bootcamp.ui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(workshop=self.workshop))

    def _follow_projector(self) -> None:
        """Speaker view while a projector window holds this workshop's projector lock (probed every second)."""
        following = projector_following(self.workshop.files.path)
        if following != self.projected:
            self.projected = following
            self.set_class(following, "-projected")
            self._blank_closed_on = None
            if not following and self.workshop.state.blank:
                # The blank was the closed window's: kept, it would open the next window black, the room looking
                # at nothing with no key pressed, and nothing on the console (the wall again) would show it.
                self._blank_closed_on = self.flow.current.key
                self.workshop.show(blank=False)
            self.refresh_bindings()  # b blanks the wall alone now, or the screen again (help and the palette say which)
            if self.is_mounted and self._shown_state is not None:
                self._show_status(self.flow, self.workshop.save_status)

    def action_projector_window(self) -> None:
        """Open ``bootcamp present ID`` in a new terminal window, else say (and copy) the command to run."""
        from bootcamp.terminal_window import open_window, present_command, shown, window_launcher

        if self.projected:
            self.notify("A projector window already follows this workshop.", title="Projector window", markup=False)
            return
        command = present_command(self.workshop.info.id, self.bootcamp.data_dir)
        line = shown(command)
        self.app.copy_to_clipboard(line)
        launcher = window_launcher(command)
        if launcher is not None and open_window(launcher):
            message = f"Opening in a new terminal: move it to the projector's screen. If none opens, run: {line}"
        else:
            message = f"Run this in a second terminal on the projector's screen (copied): {line}"
        self.notify(message, title="Projector window", markup=False, timeout=20)

    def action_blank_wall(self) -> None:
        """With a projector window following, blank the wall and keep the console: notes and timer stay in view."""
        self.workshop.show(blank=not self.workshop.state.blank)
        self._show_status(self.flow, self.workshop.save_status)

    async def action_new_day(self) -> None:
        """Not from the answers: there D is Shift or Caps Lock on d (don't know), and no undo brings the day back."""
        if self._in_the_steps_fields():
            self.tell_console("D starts the next day from the step, not from its answers: Esc first.", timeout=4)
            return
        await super().action_new_day()

    def _in_the_steps_fields(self) -> bool:
        """Whether the focus is in the step's answers (or another of its fields), not on the step itself."""
        focused = self.app.focused
        body = self.query_one(StepScroll)
        return focused is not None and focused is not body and body in focused.ancestors

    def action_back(self) -> None:
        """Esc leaves the answers (back to the step); it never leaves the workshop: ctrl+w does."""
        focused = self.app.focused
        body = self.query_one(StepScroll)
        if self._in_the_steps_fields():
            body.focus()
            return
        if focused is None or focused is body or self not in focused.ancestors_with_self:
            self.notify("Still in the workshop: ctrl+w leaves it.", markup=False, timeout=2)
            return
        body.focus()  # out of the notes or any other field

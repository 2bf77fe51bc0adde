"""Review: a workshop read only, at a step a search found, weeks after the day.

A review is a follower (:class:`~bootcamp.store.follow.Follower`): it reads the workshop's files in a thread
worker, then looks again every second (a few stats while nothing moved), and never writes them. It takes no owner lock, so a console may hold the workshop meanwhile;
moving between steps here moves only what this screen shows (the stored position, the timers and the day
clock stay as the room left them). Each step is drawn by the step views presenter mode and the projector
window use, every result shown, and beside it what the room said there: notes, quick notes, comments, role
lines, actions, Poker notes.

``c`` continues the workshop: it is opened as home opens it (``BootcampApp.read_workshop``, then
``BootcampApp.open``), as its owner, where it stopped; while a console holds it, one sentence says who.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from bootcamp.content.model import Program, Step
from bootcamp.errors import UserError
from bootcamp.flow import Flow, format_minutes
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.follow import FollowedWorkshop, Follower
from bootcamp.store.model import PokerCard
from bootcamp.ui.text import joined, plain, safe
from bootcamp.ui.wall import watched_organisation
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.poker.words import Deck
from bootcamp.ui.widgets.steps import StepScroll, view_for

if TYPE_CHECKING:
    from bootcamp.live.workshop import LiveWorkshop
    from bootcamp.ui.app import BootcampApp

POLL_SECONDS = 1.0  # a console running the workshop meanwhile: what the room says shows here within about this
BANNER = "Reviewing — read only; c to continue this workshop"
LINE_BREAK = "⏎"


def open_review(app: BootcampApp, workshop_id: str, step_key: str) -> None:
    """Show a workshop read only at ``step_key`` ("" or a step its agenda lacks: where the room stopped)."""
    app.push_screen(ReviewScreen(workshop_id, step_key))


def room_said(step: Step, program: Program, workshop: FollowedWorkshop, *, quick_notes: bool = True) -> Text:
    """What the room said on ``step``, one entry a line group: who said it wherever the workshop names people; the
    facilitator's quick notes only with ``quick_notes`` (not while the room is watching)."""
    info, room = workshop.info, workshop.room
    names = {} if info.anonymous else {p.id: p.name for p in info.participants if p.name}
    said: list[tuple[str, str]] = []
    said += [("note", note.text) for note in room.notes if note.step_key == step.key and not note.quick]
    said += [("quick note", note.text) for note in room.notes if quick_notes and note.step_key == step.key and note.quick]
    secret = step.key in workshop.state.secret
    for answer in workshop.answers:
        if answer.step_key == step.key and answer.comment.strip():
            who = "" if secret else names.get(answer.participant_id, "")  # a secret ballot names nobody
            said.append((f"comment · {who}" if who else "comment", answer.comment))
    if step.kind.value == "check":
        said += [(f"role line · {line.decision or 'not decided'}", line.text) for line in room.role_lines]
    if step.kind.value == "exercise":
        said += poker_notes(step, program, room.poker)
    for action in room.actions:
        if action.source == step.key or (step.kind.value == "exercise" and action.source.startswith("poker:")):
            owner = f" · {action.owner}" if action.owner else ""
            due = f" · due {action.due}" if action.due else ""
            said.append((f"action · {action.status}{owner}{due}", action.what))
    if not said:
        return plain("Nothing was written on this step.", "italic")
    lines = [
        joined((label, "bold"), "\n", text.strip().replace("\n", f" {LINE_BREAK}\n"))
        for label, text in said
        if text.strip()
    ]
    return Text("\n\n", end="").join(lines)


def poker_notes(step: Step, program: Program, cards: tuple[PokerCard, ...]) -> list[tuple[str, str]]:
    """Each Poker note under its card's title and its prompt's label, as the summary's Notes page names them
    ("Persist! — How we live it today"): cards in the deck's order, prompts in the exercise's (one since removed
    from the content keeps its id)."""
    deck = Deck.of(program, step.exercise)
    items = [item.id for item in deck.items] if deck else []
    labels = {prompt.id: prompt.label for prompt in deck.exercise.prompts} if deck else {}
    said = []
    for card in sorted(cards, key=lambda c: items.index(c.card_id) if c.card_id in items else len(items)):
        title = deck.title(card.card_id) if deck else card.card_id
        written = [p for p in labels if card.notes.get(p, "").strip()] + [p for p in card.notes if p not in labels]
        said += [(f"poker note · {title} — {labels.get(p, p)}", card.notes[p]) for p in written]
    return said


class ReviewScreen(Screen[None]):
    CSS_PATH = "review.tcss"
    HELP_TITLE = "Review (read only)"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("right", "next", "Next", tooltip="Next step (here only: the workshop stays where it stopped)"),
        Binding("pagedown", "next", "Next", show=False, priority=True),
        Binding("left", "previous", "Back", tooltip="Previous step (here only)"),
        Binding("pageup", "previous", "Back", show=False, priority=True),
        Binding("c", "continue", "Continue", tooltip="Continue this workshop as its owner, where it stopped"),
        Binding("escape", "leave", "Close", tooltip="Close the review: back to the search"),
    ]

    class Read(Message):
        def __init__(self, follower: Follower, program: Program) -> None:
            super().__init__()
            self.follower = follower
            self.program = program

    class Polled(Message):
        """The files moved (a console is running the workshop): the workshop as it is now."""

        def __init__(self, workshop: FollowedWorkshop | None) -> None:
            super().__init__()
            self.workshop = workshop

    class Unreadable(Message):
        def __init__(self, why: str) -> None:
            super().__init__()
            self.why = why

    class Opened(Message):
        """``c``: the workshop was opened as its owner."""

        def __init__(self, workshop: LiveWorkshop) -> None:
            super().__init__()
            self.workshop = workshop

    class Refused(Message):
        """``c``: the workshop could not be opened as its owner (a console holds it …): one sentence why."""

        def __init__(self, why: str) -> None:
            super().__init__()
            self.why = why

    def __init__(self, workshop_id: str, step_key: str) -> None:
        super().__init__()
        self.workshop_id = workshop_id
        self.asked_step = step_key
        self.follower: Follower | None = None
        self.workshop: FollowedWorkshop | None = None
        self._polling = False
        self.program: Program | None = None
        self.flow: Flow | None = None  # where this screen is, never stored
        self._continuing = False

    @property
    def bootcamp(self) -> BootcampApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(plain(BANNER), id="review-banner")
        yield Static(id="review-workshop")
        with Horizontal(id="review-columns"):
            yield StepScroll(id="review-step")
            with VerticalScroll(id="review-said") as said:
                said.border_title = "What the room said here"
                yield Static(id="review-said-text")
        yield Static(id="review-position")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(StepScroll).focus()
        self._read()

    # -- reading, never writing --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="review")
    def _read(self) -> None:
        from bootcamp.store import StoreError

        try:
            files = self.bootcamp.store.open(self.workshop_id, sweep=False)  # sweep=False: a reader removes nothing
            follower = Follower.load(files, self.bootcamp.clock)
            program = files.program()
        except (StoreError, UserError) as error:
            self.post_message(self.Unreadable(str(error)))
            return
        self.post_message(self.Read(follower, program))

    @work(thread=True, exclusive=True, group="review")
    def _poll(self, follower: Follower) -> None:
        workshop = None
        try:
            workshop = follower.poll()
        finally:
            self.post_message(self.Polled(workshop))

    def _look_again(self) -> None:
        if self.follower is not None and not self._polling:
            self._polling = True
            self._poll(self.follower)

    @on(Polled)
    async def _polled(self, message: Polled) -> None:
        self._polling = False
        if message.workshop is not None and self.flow is not None:
            self.workshop = message.workshop
            await self._show(self.flow.current.key)  # what the room said, as it is now; this screen's step stays

    @on(Read)
    async def _was_read(self, message: Read) -> None:
        self.follower = message.follower
        self.workshop, self.program = message.follower.current, message.program
        self.set_interval(POLL_SECONDS, self._look_again)
        info = self.workshop.info
        self.query_one("#review-workshop", Static).update(
            joined((info.name, "bold"), ("  ·  ", "dim"), info.organisation, ("  ·  ", "dim"), info.date)
        )
        try:
            stopped = Flow(message.program, info.agenda, self.workshop.state, self.bootcamp.clock)
        except UserError as error:
            self._unreadable(str(error))
            return
        if self.asked_step and stopped.index_of(self.asked_step) is None:
            self.notify(
                "That step is not on this workshop's agenda: shown where the workshop stopped.", markup=False, timeout=6
            )
        key = self.asked_step if stopped.index_of(self.asked_step) is not None else stopped.current.key
        await self._show(key)

    @on(Unreadable)
    def _was_unreadable(self, message: Unreadable) -> None:
        self._unreadable(message.why)

    def _unreadable(self, why: str) -> None:
        self.notify(safe(why), title="Could not review the workshop", severity="error", markup=False, timeout=10)
        self.dismiss()

    # -- showing a step ----------------------------------------------------------------------------------------

    def _flow_at(self, step_key: str) -> Flow:
        """A flow at ``step_key`` made from a copy of the stored state: every move here is this screen's alone."""
        assert self.workshop is not None and self.program is not None
        state = dataclasses.replace(self.workshop.state, step_key=step_key)
        return Flow(self.program, self.workshop.info.agenda, state, self.bootcamp.clock)

    async def _show(self, step_key: str) -> None:
        assert self.workshop is not None
        self.flow = flow = self._flow_at(step_key)
        step = flow.current
        session = flow.program.session(step.session_id)
        body = self.query_one(StepScroll)
        body.border_title = joined((session.title if session else step.session_id, ""), "  ›  ", (step.title, "bold"))
        body.border_subtitle = f"{step.kind.value} · {format_minutes(step.minutes)}"
        view = view_for(step, flow.program, presenter=True)  # the wall's view: it only shows, never edits
        view = await body.show(view)  # the view already shown, when it took the step over
        # Every result shown, as if revealed: the CCO reads what the room said (secret ballots stay nameless).
        shown = dataclasses.replace(
            self.workshop.state, revealed=(*self.workshop.state.revealed, step.key), private_entry=False, blank=False
        )
        view.show_room(WorkshopSnapshot(self.workshop.info, self.workshop.answers, self.workshop.room), shown)
        watched = watched_organisation(self.app) is not None  # the room sees this: the quick notes stay off the wall
        self.query_one("#review-said-text", Static).update(room_said(step, flow.program, self.workshop, quick_notes=not watched))
        self.query_one("#review-said", VerticalScroll).scroll_home(animate=False)
        stopped = self.workshop.state.step_key
        where = "where the workshop stopped" if step.key == stopped else "the workshop stays where it stopped"
        self.query_one("#review-position", Static).update(
            joined((flow.counter, "bold"), ("  ·  ", "dim"), (f"← → move here only; {where}", "dim"))
        )

    async def action_next(self) -> None:
        if self.flow is not None and not self.flow.is_last:
            await self._show(self.flow.steps[self.flow.index + 1].key)

    async def action_previous(self) -> None:
        if self.flow is not None and not self.flow.is_first:
            await self._show(self.flow.steps[self.flow.index - 1].key)

    def action_leave(self) -> None:
        self.dismiss()

    # -- continuing it -----------------------------------------------------------------------------------------

    def action_continue(self) -> None:
        if self.workshop is not None and not self._continuing:
            self._continuing = True
            self._open_as_owner()

    @work(thread=True, exclusive=True, group="continue")
    def _open_as_owner(self) -> None:
        """As home's ``_load_workshop`` does; a console holding it is said in one sentence, not offered to follow
        (this screen already follows it)."""
        try:
            workshop = self.bootcamp.read_workshop(self.workshop_id)
        except UserError as refused:  # WorkshopBusy among them: who holds it, where, since when
            self.post_message(self.Refused(str(refused)))
            return
        self.post_message(self.Opened(workshop))

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        self._continuing = False
        self.notify(safe(message.why), title="Still read only", severity="error", markup=False, timeout=10)

    @on(Opened)
    def _opened(self, message: Opened) -> None:
        reviewed = self.flow.current.title if self.flow is not None else ""
        # From the app, not here: this screen's own handler cannot wait for this screen to go.
        self.app.call_later(continue_on_home, self.bootcamp, message.workshop, reviewed)


async def continue_on_home(app: BootcampApp, workshop: LiveWorkshop, reviewed: str) -> None:
    """The console on home, as when opened from the list (leaving it goes back there), where the workshop stopped."""
    from bootcamp.ui.screens.home import HomeScreen

    while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
        await app.pop_screen()
    app.open(workshop)
    stopped = workshop.flow
    if reviewed and stopped.current.title != reviewed:
        app.notify(
            safe(f"Continued where it stopped ({stopped.counter}); you were reviewing “{reviewed}”: g jumps there."),
            markup=False,
            timeout=8,
        )

"""Presenter mode: only the slide, for the projector, at about 80×24 cells.

No header, footer, agenda or notes: the :class:`Slide` fills the screen. The keys are a
presentation clicker's: PageDown/PageUp (and arrows, space, enter, backspace) move, b or . blanks,
F5 or Esc goes back to the console, ctrl+w leaves the workshop (asking first). ``r`` reveals a step's
results or hides them, as on the console: with a mirrored projector the facilitator stays here, since
the console would put the notes on the wall; answer keys do not work here (the slide has no cursor).
While phones can join, ``J`` puts the join slide (the QR code) up or down, and the join URL stays in
the slide's corner.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from bootcamp.flow import Flow
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.ui.screens.walk import START_OVER_SAID, TAKE_MINUTES_SAID, WalkScreen
from bootcamp.ui.theme import PROJECTOR_THEME
from bootcamp.ui.widgets.join_slide import JoinSlide, show_invite
from bootcamp.ui.widgets.slide import Slide


class PresenterScreen(WalkScreen):
    CSS_PATH = "presenter.tcss"
    HELP_TITLE = "Presenter mode"

    BINDINGS = [
        Binding("pagedown,right,space,enter,down", "next", "Next", priority=True, tooltip="Next step"),
        Binding("pageup,left,backspace,up", "previous", "Back", priority=True, tooltip="Previous step"),
        Binding("g", "jump", "Jump", tooltip="Jump to a step"),
        Binding("s", "skip", "Skip", tooltip="Skip this step for time (one the room has not worked on)"),
        Binding("t", "toggle_timer", "Timer", tooltip="Start or pause the step timer"),
        Binding("plus,equals_sign", "add_minutes", "+2 min", key_display="+", tooltip="Add 2 minutes to the timer"),
        Binding("minus", "take_minutes", "-2 min", key_display="-", tooltip=TAKE_MINUTES_SAID),
        Binding("T", "start_over", "Timer over", tooltip=START_OVER_SAID),
        Binding("r", "reveal", "Reveal", tooltip="Reveal this step's results to the room, or hide them again"),
        Binding("b,full_stop", "blank", "Blank", tooltip="Blank the screen (any key brings it back)"),
        Binding("J", "join_slide", "Join slide", tooltip="Show or hide the join slide: the QR code phones join by"),
        Binding("f5,escape", "leave", "Console", tooltip="Leave presenter mode, back to the console"),
        Binding("ctrl+w", "leave_workshop", "Leave", tooltip="Leave the workshop (asks first while the room watches)"),
    ]

    def __init__(self, workshop: LiveWorkshop) -> None:
        super().__init__(workshop)
        self._theme_before = ""

    def compose(self) -> ComposeResult:
        yield Slide()
        yield JoinSlide()

    async def on_mount(self) -> None:
        self._theme_before = self.app.theme
        self.app.theme = PROJECTOR_THEME
        await self.show_state()

    async def show_step(self, flow: Flow) -> None:
        await self.query_one(Slide).show_step(flow)

    def show_position(self, flow: Flow) -> None:
        self.query_one(Slide).show_position(flow)
        self._show_invite()

    def joining_changed(self) -> None:
        """Called by the app (BootcampApp.watch_joining) when joining changes: the invite on the slide."""
        self._show_invite()

    def _show_invite(self) -> None:
        joining = self.bootcamp.joining
        invite = joining.invite if joining is not None else None
        show_invite(self.query_one(Slide), self.query_one(JoinSlide), invite, self.flow.current.key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "join_slide":
            return self.bootcamp.console_joining is not None  # the key shows while phones can join
        if action == "reveal":
            return self.flow.program.shown_step(self.flow.current) is not None  # help offers it only where results show
        return True

    def action_join_slide(self) -> None:
        joining = self.bootcamp.console_joining
        if joining is not None:
            joining.show_slide(not joining.invite.slide_over(self.flow.current.key))
            self.bootcamp.show_joining()

    def show_time(self, flow: Flow) -> None:
        self.query_one(Slide).show_time(flow)

    def signal_over_time(self) -> None:
        """The slide's bottom line already says it; no toast in front of the room."""

    def signal_reveal(self, shown: bool | None) -> None:
        """The slide shows the tally come and go; no toast in front of the room."""

    def action_leave(self) -> None:
        self.app.theme = self._theme_before or self.app.theme
        self.dismiss()

"""The app's joining: the phone server started and stopped for the open workshop, and shown as its seats change.

Part of :class:`~bootcamp.ui.app.BootcampApp`, which opens and leaves the workshop and calls in here as it
does: joining a killed console left on comes back when the workshop opens, and is put away when it is left.
bootcamp.join is imported only when joining starts: the console's start-up does not pay for the server.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from bootcamp.errors import UserError

if TYPE_CHECKING:
    from textual.timer import Timer

    from bootcamp.join.addresses import JoinAddress
    from bootcamp.join.console import ConsoleJoining
    from bootcamp.join.left_on import LeftOn
    from bootcamp.live.workshop import LiveWorkshop
    from bootcamp.ui.screens.workshop import WorkshopScreen

# Phones answering in a burst (a room of 40 on one question) redraw the console at most this often: each
# change is drawn with the next redraw, at most this late. The console's own keys redraw at once.
PHONE_REDRAW_SECONDS = 0.2


class JoiningApp:
    """The app's phone server, for :class:`~bootcamp.ui.app.BootcampApp` (whose ``workshop`` it serves)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._joining: ConsoleJoining | None = None
        # Joining a console left on for the open workshop (killed, crashed): its code and seats, until joining starts.
        self._left_on: LeftOn | None = None
        self._joining_stopped: set[asyncio.Task[None]] = set()  # joining stopping in the background
        self._joining_timer: Timer | None = None  # a seat changed: shown with the next redraw

    def _read_left_on(self, workshop: LiveWorkshop) -> None:
        """Joining a console left on for ``workshop`` (it never stopped joining), kept to come back once it shows."""
        from bootcamp.join.left_on import LeftOnUnreadable, read_left_on

        try:
            self._left_on = read_left_on(workshop.files.path)  # a console that never stopped joining left it on
        except LeftOnUnreadable as unreadable:  # set aside as it was; the workshop opens, joining only when asked
            self._left_on = None
            said = str(unreadable)
            self.notify(said, title="Joining did not come back", severity="warning", markup=False, timeout=20)

    def _join_when_shown(self, workshop: LiveWorkshop, console: WorkshopScreen) -> None:
        """``open ID --join`` starts joining once that workshop shows; else joining left on comes back."""
        if self.join_on_open is not None and workshop.info.id == self.open_workshop_id:
            address, self.join_on_open = self.join_on_open, None
            self.call_after_refresh(console.join_at, address)
        elif self._left_on is not None:
            self.call_after_refresh(self.run_worker, self._join_again(), group="joining", exclusive=True)

    async def start_joining(self, address: JoinAddress, *, slide: bool | None = True) -> bool:
        """Serve the phone page for the open workshop on ``address``, on this loop; say in one sentence why not.

        Joining a console left on (:attr:`_left_on`) goes on with its code and seats, on its port when the address
        is the same and gives none (``slide`` None: the join slide as it was left, up if the address changed)."""
        from bootcamp.join.addresses import JoinAddress
        from bootcamp.join.console import ConsoleJoining
        from bootcamp.locations import join_log

        workshop, left = self.workshop, self._left_on
        if workshop is None or self._joining is not None:
            return False
        if left is not None and address.host == left.host and address.port is None:
            address = JoinAddress(left.host, left.port)
        try:
            joining = await ConsoleJoining.start(
                workshop, address, join_log(self.data_dir, workshop.info.id), self._joining_told, slide=slide, left=left
            )
        except UserError as refused:  # the port is in use, or the address not this machine's
            said = str(refused)
            if left is not None:
                said += f". j starts joining again (code {left.code}): the phones keep their seats"
            elif getattr(refused, "not_here", False):
                said += "; press j to choose one"
            elif getattr(refused, "port_in_use", False):
                said += ": press j and type the address with another port (ADDRESS:0 for any free one)"
            self.notify(said, title="Joining did not start", severity="error", markup=False, timeout=10)
            return False
        if self.workshop is not workshop or self._joining is not None:  # left (or started twice) meanwhile
            await joining.stop()
            return False
        self._left_on = None
        self._joining = joining
        self.joining = joining.now
        if joining.server.log_not_kept:
            self.notify(
                f"Phones can join, but their log is not kept: {joining.server.log_not_kept}",
                title="Phones",
                severity="warning",
                markup=False,
                timeout=10,
            )
        return True

    async def _join_again(self) -> None:
        """Joining the console before this one left on (killed, crashed): the same code on the same address,
        so the phones' pages reconnect by themselves; on another port if that one is taken now, said."""
        from bootcamp.join.addresses import JoinAddress

        left = self._left_on
        if left is None or not await self.start_joining(JoinAddress(left.host, left.port), slide=None):
            return
        joining = self._joining
        assert joining is not None
        seated = len(joining.now.phones)
        seats = "the seated phone keeps its seat" if seated == 1 else f"the {seated} seated phones keep their seats"
        if joining.moved_from:
            self.notify(
                f"Phones can join again, with the same code, at a new address: {joining.now.url} "
                f"({joining.moved_from} is taken now). The join slide shows it: the room scans it again; {seats}.",
                title="Joining is back: the address changed",
                severity="warning",
                markup=False,
                timeout=30,
            )
            return
        self.notify(
            f"Joining is back on {joining.now.url}, as it was: open phone pages reconnect by themselves; {seats}.",
            title="Phones",
            markup=False,
            timeout=10,
        )

    @property
    def console_joining(self) -> ConsoleJoining | None:
        """Joining for the open workshop while it is on: its server lets people in and frees seats."""
        return self._joining

    def _joining_told(self) -> None:
        """A seat changed (a room scanning the code joins at once): shown with the next redraw, as phones'
        answers are. The console's own changes (letting in, the join slide) call :meth:`show_joining` at once."""
        if self._joining_timer is None:
            self._joining_timer = self.set_timer(PHONE_REDRAW_SECONDS, self.show_joining)

    def show_joining(self) -> None:
        """Show joining as it stands now."""
        if self._joining_timer is not None:
            self._joining_timer.stop()
            self._joining_timer = None
        if self._joining is not None:
            self.joining = self._joining.now

    def watch_joining(self) -> None:
        # The screens that show joining are told from here and none watches the app: Textual 8.2.8 keeps a watch made
        # on the app until the value next changes (https://github.com/Textualize/textual/issues/6666, open), and
        # joining changes seldom, so every presenter mode and people screen opened in a day stayed alive.
        for screen in self.screen_stack:
            joining_changed = getattr(screen, "joining_changed", None)
            if joining_changed is not None and screen.is_mounted:
                joining_changed()

    def stop_joining(self, *, chosen: bool = True) -> bool:
        """Stop serving the phone page (its pages are told their saved answers are kept); False if it was off.

        ``chosen`` False (the app ended by a signal): the pages are told nothing and keep trying, and joining
        is left for the next console to bring back, as a crash leaves it."""
        joining, self._joining = self._joining, None
        if joining is None:
            return False
        self.show_joining()  # a redraw still to come is dropped
        self.joining = None
        task = asyncio.create_task(joining.stop(keep=not chosen))
        self._joining_stopped.add(task)
        task.add_done_callback(self._joining_stopped.discard)
        return True

    async def _joining_stops_finished(self) -> None:
        """Joining stopped in the background has let its phones go (the app waits for it before it ends)."""
        if self._joining_stopped:
            await asyncio.gather(*tuple(self._joining_stopped))

    def _put_left_on_away(self, workshop: LiveWorkshop, *, chosen: bool) -> None:
        """The workshop is left: joining left on by a console before and not brought back was left on purpose."""
        if self._left_on is not None and chosen:
            from bootcamp.join.left_on import remove_left_on

            with contextlib.suppress(OSError):
                remove_left_on(workshop.files.path)
        self._left_on = None

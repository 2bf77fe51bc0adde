"""Where the phone page is served: one of the machine's addresses, each named, the room's networks first.

The server binds the one address chosen, so a phone on another network the laptop is on (a VPN, a
virtual bridge) cannot reach it. Loopback comes last: it serves this machine only, for a rehearsal, and is
served only on a second Enter, once that is said. With no other address, the dialog says to join a network first.
Every address at once (``0.0.0.0``) only when typed. Returns the address, or None when cancelled.
"""

from __future__ import annotations

import ipaddress

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from bootcamp.errors import UserError
from bootcamp.join.addresses import Candidate, JoinAddress, is_here, not_here, parse_join_address
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.typed_text import SafeInput


class JoinAddressScreen(ModalScreen[JoinAddress | None]):
    CSS_PATH = "join_address.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Do not start joining")]

    def __init__(self, candidates: list[Candidate], port: int | None) -> None:
        super().__init__()
        self.candidates = candidates
        self.port = port  # the port the console was given (None: any free one), unless one is typed
        self._loopback_asked: JoinAddress | None = None  # said to serve this machine only: Enter again serves

    def compose(self) -> ComposeResult:
        with Vertical(id="join-dialog") as dialog:
            dialog.border_title = "Let the room answer from their phones"
            port = f" (port {self.port})" if self.port else ""
            if any(not candidate.loopback for candidate in self.candidates):
                why = (
                    f"Serve the phone page on which address{port}? Phones must be on the same network as this "
                    "machine; hotel and guest Wi-Fi often keep devices apart: a phone's hotspot works. If the "
                    "firewall asks, allow Python on private networks."
                )
            else:
                why = (
                    "This laptop is on no network phones can reach: join the room's Wi-Fi or a phone's hotspot "
                    "first, then press j again. The loopback below is for a rehearsal on this laptop only."
                )
            yield Static(plain(why), id="join-why")
            yield OptionList(
                *(Option(plain(candidate.label), id=candidate.address) for candidate in self.candidates),
                id="join-addresses",
            )
            yield SafeInput(placeholder="or type ADDRESS[:PORT] (0.0.0.0: every address)", id="join-typed")
            yield Static(id="join-problem")
            yield Static(
                joined(
                    ("Enter", "bold"),
                    " serves on it · ",
                    ("Tab", "bold"),
                    " to type one · ",
                    ("Esc", "bold"),
                    " cancels",
                ),
                id="join-keys",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._serve(JoinAddress(event.option.id, self.port))

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        try:
            address = parse_join_address(event.value)
        except UserError as error:
            self._say(str(error))
            return
        if not address.host:
            self._say("Type an address, e.g. 192.168.1.20, or choose one above.")
            return
        if not is_here(address.host):  # yesterday's network: said here, not once the dialog is gone
            self._say(not_here(address.host, self.candidates) + ": choose one above")
            return
        self._serve(address.or_port(self.port))

    def _serve(self, address: JoinAddress) -> None:
        """Serve on ``address``; a loopback one only on a second Enter, once said that no phone can reach it, as
        the join slide would put it on the wall for the room to scan."""
        if ipaddress.ip_address(address.host).is_loopback and address != self._loopback_asked:
            self._say(
                f"{address.host} is this laptop only: no phone can reach it. For a rehearsal on this laptop, "
                "Enter again serves on it; for the room, choose its network."
            )
            self._loopback_asked = address
            return
        self.dismiss(address)

    def _say(self, problem: str) -> None:
        self._loopback_asked = None
        self.query_one("#join-problem", Static).update(plain(problem))

    def action_cancel(self) -> None:
        self.dismiss(None)

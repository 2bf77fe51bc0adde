"""Where the phone page is served: one of the machine's addresses, each named, the room's networks first.

The server binds the one address chosen, so a phone on another network the laptop is on (a VPN, a
virtual bridge) cannot reach it. Loopback comes last: it serves this machine only, for a rehearsal.
Every address at once (``0.0.0.0``) only when typed. Returns the address, or None when cancelled.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from bootcamp.errors import UserError
from bootcamp.join.addresses import Candidate, JoinAddress, parse_join_address
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.typed_text import SafeInput


class JoinAddressScreen(ModalScreen[JoinAddress | None]):
    CSS_PATH = "join_address.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Do not start joining")]

    def __init__(self, candidates: list[Candidate], port: int | None) -> None:
        super().__init__()
        self.candidates = candidates
        self.port = port  # the port the console was given (None: any free one), unless one is typed

    def compose(self) -> ComposeResult:
        with Vertical(id="join-dialog") as dialog:
            dialog.border_title = "Let the room answer from their phones"
            port = f" (port {self.port})" if self.port else ""
            why = f"Serve the phone page on which address{port}? Phones must be on the same network as this machine."
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
            self.dismiss(JoinAddress(event.option.id, self.port))

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        problem = self.query_one("#join-problem", Static)
        try:
            address = parse_join_address(event.value)
        except UserError as error:
            problem.update(plain(str(error)))
            return
        if not address.host:
            problem.update(plain("Type an address, e.g. 192.168.1.20, or choose one above."))
            return
        self.dismiss(address.or_port(self.port))

    def action_cancel(self) -> None:
        self.dismiss(None)

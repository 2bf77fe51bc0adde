"""Aptitude Poker's cards changing hands on the console: one card passed to someone (``p``), or the deal made
fair again once people left or came late (``d`` after the deal). The room never sees these dialogs."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bootcamp.store.model import Participant
from bootcamp.ui.text import joined, plain

DIALOG_CSS = """
NAME { align: center middle; background: $background 70%; }
NAME > Vertical {
    width: 64;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: round $primary;
    border-title-color: $text-primary;
    border-subtitle-color: $text-muted;
    background: $surface;
    padding: 0 1;
}
NAME Static { margin: 1 0 0 0; }
NAME OptionList { height: auto; max-height: 12; margin: 1 0; }
"""


def cards_held(count: int) -> str:
    return "no card yet" if count == 0 else "1 card" if count == 1 else f"{count} cards"


class PassCardScreen(ModalScreen[str | None]):
    """Who gets the card: the people present, with how many cards each holds; the participant id picked."""

    CSS = DIALOG_CSS.replace("NAME", "PassCardScreen")
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Keep the card where it is")]

    def __init__(self, title: str, holder: str, present: list[tuple[Participant, int]]) -> None:
        super().__init__()
        self.card_title = title
        self.holder = holder  # participant id of who holds it now ("" or someone who left: nobody present)
        self.present = present

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = plain(f"Pass {self.card_title} to …")
            dialog.border_subtitle = "Enter passes it · Esc: cancel"
            yield Static(plain("Its notes and actions stay with the card.", "dim"))
            options = []
            for person, count in self.present:
                holds = person.id == self.holder
                held = "holds it" if holds else cards_held(count)
                line = joined(person.display_name, ("  ·  ", "dim"), (held, "dim"))
                options.append(Option(line, id=person.id, disabled=holds))
            yield OptionList(*options, id="pass-to")

    def on_mount(self) -> None:
        people = self.query_one(OptionList)
        people.focus()
        people.highlighted = next((n for n, (p, _) in enumerate(self.present) if p.id != self.holder), None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DealAgainScreen(ModalScreen[bool]):
    """The cards that would change hands, each said; ``y`` or Enter deals them, ``n`` or Esc keeps the deal."""

    CSS = DIALOG_CSS.replace("NAME", "DealAgainScreen")
    BINDINGS = [
        Binding("y,enter", "deal", "Deal again", tooltip="Pass these cards as listed"),
        Binding("n,escape", "keep", "Keep", tooltip="Keep the deal as it is"),
    ]

    def __init__(self, present: int, moves: list[tuple[str, str, str]], still: str = "") -> None:
        super().__init__()
        self.present_count = present
        self.moves = moves  # (card title, who holds it now, who gets it)
        self.still = still  # who is left without a card even so, and why ("" when nobody)

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = f"Deal again to the {self.present_count} people present?"
            dialog.border_subtitle = "y / Enter deals again · n / Esc keeps the deal"
            yield Static(
                plain(
                    "Keeps every note and action with its card, and every other card where it is. "
                    f"{'This card changes' if len(self.moves) == 1 else 'These cards change'} hands:"
                )
            )
            lines = [
                joined((f"♠ {title}", "bold"), ": ", (was, "dim"), " → ", (to, "bold")) for title, was, to in self.moves
            ]
            yield Static(Text("\n", end="").join(lines))
            if self.still:
                yield Static(plain(self.still, "dim"))

    def action_deal(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)

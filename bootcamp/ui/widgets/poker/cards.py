"""Aptitude Poker on the console: the deal as a list with a cursor, and the card under discussion.

The card's notes are written per prompt in fields that save as they are typed; its
actions (what, owner, due date) go onto the room's action list with ``poker:<card-id>``
as their source. Everything is redrawn in place from the room and the state, so an undo
or another console's change shows at once without taking the field being typed in.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import PutPokerNote
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import PokerCard, WorkshopState
from bootcamp.ui.messages import request
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.poker.words import Deck, action_line, card_actions, card_clock, holder_name
from bootcamp.ui.widgets.save_mark import show_mark
from bootcamp.ui.widgets.typed_text import AutosaveTextArea

NOW, NOTES = "▶", "✎"


def note_record(card_id: str, prompt_id: str) -> str:
    return f"poker:{card_id}|{prompt_id}"


class CardList(OptionList):
    """One line per card: its title, who holds it, how many prompts have notes, and ▶ for the card talked about."""

    DEFAULT_CSS = """
    CardList {
        height: auto;
        max-height: 12;
        margin: 0 0 1 0;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        &:focus { border: round $primary; }
    }
    """

    BINDINGS = [Binding("enter", "select", "Discuss", tooltip="Talk about this card now (starts its clock)")]

    def show_deal(self, deck: Deck, data: WorkshopSnapshot, state: WorkshopState) -> None:
        dealt = {card.card_id: card for card in data.room.poker}
        highlighted = self.highlighted
        options = []
        for item in deck.items:
            card = dealt.get(item.id)
            options.append(Option(self._line(deck, item.id, card, data, state), id=item.id))
        with self.app.batch_update():
            self.set_options(options)
            if options:
                self.highlighted = min(highlighted or 0, len(options) - 1)

    @staticmethod
    def _holder(data: WorkshopSnapshot, card: PokerCard | None) -> Text:
        """Who holds it, in 16 cells; someone who left keeps "(left)" whole, in yellow: the card is to pass on."""
        if card is None:
            return plain(f" {'—':<16}", "dim")
        seat = data.info.participant(card.holder)
        if seat is not None and seat.removed:
            name = seat.display_name if len(seat.display_name) <= 9 else seat.display_name[:8] + "…"
            return plain(f" {name + ' (left)':<16.16}", "yellow")
        return plain(f" {holder_name(data.info, card):<16.16}")

    @staticmethod
    def _line(deck: Deck, card_id: str, card: PokerCard | None, data: WorkshopSnapshot, state: WorkshopState) -> Text:
        current = card is not None and card_id == state.poker_card
        written = sum(1 for text in (card.notes.values() if card else ()) if text.strip())
        actions = len(card_actions(data.room.actions, card_id))
        line = joined(
            (f"{NOW if current else ' '} ", "bold"),
            (f"♠ {deck.title(card_id, short=True):<14.14}", "bold" if current else ""),
            CardList._holder(data, card),
        )
        if written:
            line.append(f" {NOTES}{written}", style="dim")
        if actions:
            line.append(f" ▸{actions}", style="dim")
        return line


class PokerNoteField(AutosaveTextArea):
    """The room's notes on one prompt of one card; Esc goes back to the cards."""

    BINDINGS = [Binding("escape", "back_to_cards", "Back to the cards", show=False)]

    DEFAULT_CSS = """
    PokerNoteField {
        height: auto;
        min-height: 3;
        max-height: 10;
        margin: 0 0 1 0;
        border-subtitle-color: $text-muted;
        &.-unsaved { border: tall $error; border-subtitle-color: $text-error; }
    }
    """

    def __init__(self, live: LiveRecords, card_id: str, prompt_id: str, text: str, placeholder: str) -> None:
        super().__init__(text, save=self._store, placeholder=placeholder, id=f"poker-note-{prompt_id}")
        self.live = live
        self.card_id = card_id
        self.prompt_id = prompt_id

    def _store(self, text: str) -> None:
        request(self, PutPokerNote(self.card_id, self.prompt_id, text))

    def show_mark(self) -> None:
        show_mark(self, self.live.mark(note_record(self.card_id, self.prompt_id)))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # A line typed makes the field taller: kept whole on the screen, the step's box scrolling under it.
        if event.text_area is self and self.has_focus:
            self.call_after_refresh(self._keep_in_view)

    def _keep_in_view(self) -> None:
        if self.has_focus:
            self.scroll_visible(animate=False)

    def action_back_to_cards(self) -> None:
        cards = self.screen.query(CardList)
        if cards:
            cards.first().focus()


class CardPanel(Vertical):
    """The card under discussion: its holder and clock, a field per prompt, and its actions."""

    DEFAULT_CSS = """
    CardPanel {
        height: auto;
        & > #card-head { margin: 0 0 0 0; }
        & > #card-text { color: $text-muted; margin: 0 0 1 0; }
        & > Label { color: $text-primary; text-style: bold; }
        & > #card-actions { margin: 0 0 1 0; }
    }
    """

    def __init__(
        self, deck: Deck, live: LiveRecords, card: PokerCard, *, shown: tuple[WorkshopSnapshot, WorkshopState, float]
    ) -> None:
        super().__init__(classes="poker-card")  # a class, not an id: the next card's panel may mount before this goes
        self.deck = deck
        self.live = live
        self.card_id = card.card_id
        self.notes = dict(card.notes)
        # What to show once the fields are composed: the one-second clock and a save coming back can reach a panel
        # between its mount and its compose, and their queries then found nothing (the console crashed).
        self._waiting: tuple[WorkshopSnapshot, WorkshopState, float] | None = shown

    def on_mount(self) -> None:
        shown, self._waiting = self._waiting, None
        if shown is not None:
            self.show(*shown)

    def compose(self) -> ComposeResult:
        item = self.deck.item(self.card_id)
        yield Static(id="card-head")
        yield Static(id="card-clock")
        yield Static(plain(item.text if item else ""), id="card-text")
        for prompt in self.deck.exercise.prompts:
            yield Label(plain(prompt.label))
            yield PokerNoteField(
                self.live, self.card_id, prompt.id, self.notes.get(prompt.id, ""), prompt.text or prompt.label
            )
        yield Label("Actions from this card")
        yield Static(id="card-actions")

    def show(self, data: WorkshopSnapshot, state: WorkshopState, now: float) -> None:
        if self._waiting is not None:
            self._waiting = (data, state, now)
            return
        card = next((c for c in data.room.poker if c.card_id == self.card_id), None)
        if card is None:
            return
        for field in self.query(PokerNoteField):
            field.show_saved(card.notes.get(field.prompt_id, ""))
            field.show_mark()
        self.show_clock(data, state, now)
        actions = card_actions(data.room.actions, self.card_id)
        lines = Text("\n", end="").join(Text.assemble("• ", action_line(a)) for a in actions)
        if not actions:
            lines = Text("none yet", style="dim italic", end="")
        lines.append(Text("\na adds one (what, owner, due date)", style="dim", end=""))
        self.query_one("#card-actions", Static).update(lines)

    def show_clock(self, data: WorkshopSnapshot, state: WorkshopState, now: float) -> None:
        if self._waiting is not None:
            self._waiting = (data, state, now)
            return
        card = next((c for c in data.room.poker if c.card_id == self.card_id), None)
        holder = holder_name(data.info, card) if card else ""
        head = joined((f"♠ {self.deck.title(self.card_id)}", "bold"), ("  ·  ", "dim"), holder)
        self.query_one("#card-head", Static).update(head)
        clock = joined(("Card clock ", "dim"))
        clock.append_text(card_clock(state, self.card_id, self.deck.exercise.minutes_per_card, now))
        self.query_one("#card-clock", Static).update(clock)

    def show_marks(self) -> None:
        if self._waiting is not None:
            return  # on_mount shows the marks with the rest
        for field in self.query(PokerNoteField):
            field.show_mark()

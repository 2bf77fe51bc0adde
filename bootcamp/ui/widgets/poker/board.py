"""Aptitude Poker for the room (presenter mode, a projector window): the deal, and the card talked about.

Laid out for the slide's 76×18 body: the deal in two columns (five rows for ten cards),
then the card under discussion with its clock, and its notes and actions, each cut to a
few lines so the whole card stays on the screen.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store.model import WorkshopState
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.poker.words import ACTIONS_PROMPT, Deck, actions_text, card_actions, card_clock, holder_name

LINES_PER_PROMPT = 3


class PokerBoard(Vertical):
    DEFAULT_CSS = """
    PokerBoard {
        height: auto;
        & > #board-deal { margin: 0 0 1 0; }
        & > #board-head { color: $text-primary; }
        & > .board-notes { max-height: 3; }
        & > #board-actions { max-height: 3; }
    }
    """

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Static(id="board-deal")
        yield Static(id="board-head")
        for prompt in self.deck.exercise.prompts:
            yield Static(classes="board-notes", id=f"board-notes-{prompt.id}")
        yield Static(id="board-actions")

    def show(self, data: WorkshopSnapshot, state: WorkshopState, now: float) -> None:
        self.query_one("#board-deal", Static).update(self._deal(data, state))
        card = next((c for c in data.room.poker if c.card_id == state.poker_card), None)
        actions = card_actions(data.room.actions, card.card_id) if card else []
        asked = any(prompt.id == ACTIONS_PROMPT for prompt in self.deck.exercise.prompts)
        for prompt in self.deck.exercise.prompts:
            notes = self.query_one(f"#board-notes-{prompt.id}", Static)
            text = card.notes.get(prompt.id, "").strip() if card else ""
            notes.display = card is not None
            label = (f"{prompt.label}: ", "bold")
            if prompt.id == ACTIONS_PROMPT and actions:  # the actions themselves answer it; what was typed follows
                notes.update(joined(label, actions_text(actions), ("  ·  " if text else "", "dim"), text))
            else:
                notes.update(joined(label, text or ("…", "dim")))
        actions_line = self.query_one("#board-actions", Static)
        actions_line.display = bool(actions) and not asked  # one "Actions" line: the prompt's, when there is one
        if actions and not asked:
            actions_line.update(joined(("Actions: ", "bold"), actions_text(actions)))
        self.show_clock(data, state, now)

    def show_clock(self, data: WorkshopSnapshot, state: WorkshopState, now: float) -> None:
        head = self.query_one("#board-head", Static)
        card = next((c for c in data.room.poker if c.card_id == state.poker_card), None)
        head.display = card is not None
        if card is None:
            return
        title = f"▶ {self.deck.title(card.card_id)}"
        holder = holder_name(data.info, card, wall=True)
        line = joined((title, "bold"), ("  ·  ", "dim"), *((holder, ("  ·  ", "dim")) if holder else ()))
        line.append_text(card_clock(state, card.card_id, self.deck.exercise.minutes_per_card, now))
        head.update(line)

    def _deal(self, data: WorkshopSnapshot, state: WorkshopState) -> Table:
        # Two cards a row, title then holder, each column cut rather than wrapped: ten cards, five rows.
        grid = Table.grid(padding=(0, 2, 0, 0), expand=True)
        for _ in range(2):
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        cells: list[tuple[Text, Text]] = []
        dealt = {card.card_id: card for card in data.room.poker}
        # in the deck's order, as the console's card list: the facilitator's "the third card" is the room's too
        for card in (dealt[item.id] for item in self.deck.items if item.id in dealt):
            current = card.card_id == state.poker_card
            mark = "▶" if current else "♠"
            title = plain(f"{mark} {self.deck.title(card.card_id, short=True)}", "bold" if current else "")
            holder = holder_name(data.info, card, wall=True) or "—"  # its holder left: unheld until passed on
            cells.append((title, plain(holder, "" if current else "dim")))
        half = (len(cells) + 1) // 2  # down the first column, then the second: reads like the deck's order
        for row in range(half):
            right = cells[row + half] if row + half < len(cells) else (plain(""), plain(""))
            grid.add_row(*cells[row], *right)
        return grid

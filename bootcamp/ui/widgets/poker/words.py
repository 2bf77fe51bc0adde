"""What the console and the room both say about the Aptitude Poker deal: card titles, holders, the card clock."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from bootcamp.content.model import AptitudePoker, Item, Program
from bootcamp.flow import format_duration
from bootcamp.poker_turns import is_running, remaining
from bootcamp.store.model import Action, PokerCard, WorkshopInfo, WorkshopState
from bootcamp.ui.text import joined


@dataclass(frozen=True)
class Deck:
    """The exercise and its cards (the aptitudes), looked up once per view."""

    exercise: AptitudePoker
    items: tuple[Item, ...]

    @classmethod
    def of(cls, program: Program, exercise_id: str) -> Deck | None:
        exercise = program.exercise(exercise_id)
        if not isinstance(exercise, AptitudePoker):
            return None
        deck = program.item_list(exercise.deck)
        return cls(exercise, deck.items if deck is not None else ())

    def item(self, card_id: str) -> Item | None:
        return next((item for item in self.items if item.id == card_id), None)

    def title(self, card_id: str, *, short: bool = False) -> str:
        item = self.item(card_id)
        if item is None:
            return card_id
        return (item.short or item.title) if short else item.title


# The prompt that asks the room for actions (the shipped deck's "Actions (owner, date)"): once the card has actions
# on the room's list, the wall shows them under this prompt's label, not as a second "Actions" line.
ACTIONS_PROMPT = "actions"


def holder_name(info: WorkshopInfo, card: PokerCard, *, wall: bool = False) -> str:
    """Who holds the card; on the console "(left)" after someone removed from the room, whose card is to be passed
    on (``p``, or ``d`` again). The wall never says who left: the card is shown unheld there ("")."""
    seat = info.participant(card.holder)
    if seat is None or (wall and seat.removed):
        return "" if wall else "nobody"
    return seat.display_name + (" (left)" if seat.removed else "")


def unheld(info: WorkshopInfo, cards: tuple[PokerCard, ...]) -> list[PokerCard]:
    """The cards nobody present holds (their holder left the room)."""
    present = {seat.id for seat in info.present}
    return [card for card in cards if card.holder not in present]


def card_source(card_id: str) -> str:
    """What a card's actions say they came from."""
    return f"poker:{card_id}"


def card_actions(actions: tuple[Action, ...], card_id: str) -> list[Action]:
    return [a for a in actions if a.source == card_source(card_id)]


def card_clock(state: WorkshopState, card_id: str, minutes_per_card: float, now: float) -> Text:
    """``2:45 left · running``, ``over by 0:15 · running``, or ``· paused`` when the card's clock is stopped: a
    facilitator who saw only "3:00 left" took the clock for stopped and paused it with space."""
    left = remaining(state, card_id, minutes_per_card, now)
    if left <= 0:
        text = joined((f"over by {format_duration(-left)}", "bold"))
    else:
        text = joined((format_duration(left), "bold"), " left")
    text.append(" · running" if is_running(state, card_id) else " · paused", style="dim")
    return text


def actions_text(actions: list[Action]) -> Text:
    """The card's actions on one line, ``  ·  `` between them."""
    return Text("  ·  ", style="dim", end="").join(action_line(a) for a in actions)


def action_line(action: Action) -> Text:
    """``what — owner, due`` as one plain line (participant text is never markup)."""
    details = ", ".join(part for part in (action.owner, action.due) if part)
    return joined(action.what, (f" — {details}" if details else "", "dim"))

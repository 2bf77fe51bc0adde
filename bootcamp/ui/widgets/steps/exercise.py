"""``exercise``: Aptitude Poker — the deal, the card under discussion with its clock, its notes and actions.

On the console: ``d`` deals the deck among the present participants (the deal is stored;
once dealt, ``d`` deals again to whoever is present, after listing the cards that change
hands, and ``p`` passes one card on), the card list picks the card the room talks about
(Enter, which starts that card's clock), the card's notes are typed per prompt and ``a``
adds an action. The room
(presenter mode, a projector window) sees the deal and the card under discussion from
the room's data and the state, so both show the same card and countdown.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.widgets import OptionList, Static

from bootcamp import poker_turns
from bootcamp.clock import SystemClock
from bootcamp.live.requests import DealPoker, DiscussCard, HandPokerCards, PutAction, ToggleCardClock
from bootcamp.plurals import counted
from bootcamp.store.model import Action, WorkshopState
from bootcamp.ui.messages import request
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.poker.board import PokerBoard
from bootcamp.ui.widgets.poker.cards import CardList, CardPanel, PokerNoteField
from bootcamp.ui.widgets.poker.passing import DealAgainScreen, PassCardScreen
from bootcamp.ui.widgets.poker.words import Deck, card_source, holder_name, unheld
from bootcamp.ui.widgets.steps.base import ItemGrid, Prompt, StepView, body, step_or_exercise_body

if TYPE_CHECKING:
    from bootcamp.live.snapshot import WorkshopSnapshot
    from bootcamp.live.workshop import LiveWorkshop

CLOCK_SECONDS = 1.0


class ExerciseView(StepView):
    BINDINGS = [
        Binding(
            "d",
            "deal",
            "Deal",
            tooltip="Deal the cards among the people present; once dealt, deal again to whoever is present now "
            "(the cards of those who left, a card for late arrivals; notes and actions stay)",
        ),
        Binding("p", "pass_card", "Pass card", tooltip="Pass the highlighted card to someone present (its notes stay)"),
        Binding("space", "card_clock", "Card clock", tooltip="Start or pause the clock of the card under discussion"),
        Binding("a", "add_action", "Add action", tooltip="Add an action (what, owner, due date) from this card"),
    ]

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.deck = Deck.of(self.program, self.step.exercise)
        self._shown: tuple[WorkshopSnapshot, WorkshopState] | None = None
        # The panel of the card under discussion. Held here, not queried: a panel being removed stays in the DOM
        # until its removal is processed, and a query then found the old card (a second pick crashed on its id).
        self._card_panel: CardPanel | None = None

    def compose(self) -> ComposeResult:
        deck = self.deck
        if deck is None:
            yield from body(self.step.body, presenter=self.presenter)
            return
        with VerticalGroup(id="poker-intro"):  # as tall as its text: a 1fr box clipped the prompts at 80×24
            yield from step_or_exercise_body(self.step.body, deck.exercise.body, presenter=self.presenter)
            yield from self._deck_and_prompts(deck)
        if self.presenter:
            yield PokerBoard(deck)
            return
        yield Static(id="poker-status")
        yield CardList(id="poker-cards")
        yield VerticalGroup(id="poker-card-slot")  # as tall as the card: a Container (1fr) clipped it, unscrollable

    def _deck_and_prompts(self, deck: Deck) -> ComposeResult:
        minutes = f"{deck.exercise.minutes_per_card:g}"
        yield Prompt(f"{len(deck.items)} cards, about {minutes} minutes each:", classes="-muted")
        titles = [item.title for item in deck.items]
        if self.presenter:
            yield ItemGrid(titles, bullet="♠")
        if deck.exercise.prompts and not (self.presenter and self.step.body.strip()):
            yield Prompt("For each card:", classes="-muted")
            yield Prompt("\n".join(f"• {prompt.label}" for prompt in deck.exercise.prompts))

    def on_mount(self) -> None:
        if self.deck is not None:
            self.set_interval(CLOCK_SECONDS, self._tick_clock)
            if self.live is not None:
                self.watch(self.app, "live_change", self._show_marks, init=False)

    # -- showing ---------------------------------------------------------------------------------------------

    def _now(self) -> float:
        clock = getattr(self.app, "clock", None) or SystemClock()
        return clock.now()

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        deck = self.deck
        if deck is None:
            return
        self._shown = (data, state)
        dealt = bool(data.room.poker)
        self.query_one("#poker-intro").display = not dealt  # once dealt, the deal takes its place
        if self.presenter:
            board = self.query_one(PokerBoard)
            board.display = dealt
            board.show(data, state, self._now())
            return
        self._show_status(deck, data, state)
        self.query_one(CardList).show_deal(deck, data, state)
        self._show_card(deck, data, state)

    def _show_status(self, deck: Deck, data: WorkshopSnapshot, state: WorkshopState) -> None:
        present = len(data.present)
        status = self.query_one("#poker-status", Static)
        if not data.room.poker:
            status.update(
                joined(
                    ("Not dealt yet. ", "bold"),
                    f"d deals the {len(deck.items)} cards among the {present} present.",
                )
            )
        elif not state.poker_card:
            # ↑ ↓ move through the cards only once they have the focus: from the step, Tab gets there first.
            to_the_cards = "" if self._on_the_cards() else "Tab to the cards, then "
            pick = (("Dealt. ", "bold"), f"Pick the card to talk about: {to_the_cards}↑ ↓ and Enter.")
            status.update(joined(self._to_pass_on(data, state), *pick))
        elif self._in_a_note():  # letters are typed here: only the keys that work in a note are named
            keys = (
                "Typing writes the note · ",
                ("Tab", "bold"),
                " next field · ",
                ("Esc", "bold"),
                " back to the cards",
            )
            status.update(joined(*keys))
        elif self._on_the_cards():
            running = bool(state.poker_card) and poker_turns.is_running(state, state.poker_card)
            clock = " pauses the clock · " if running else " starts the clock · " if state.poker_card else " clock · "
            keys = (("Enter", "bold"), " card · ", ("space", "bold"), clock, ("a", "bold"), " action · ")
            keys += (("p", "bold"), " pass · ", ("Tab", "bold"), " notes")
            status.update(joined(self._to_pass_on(data, state), *keys))
        else:  # the focus outside the view: only d and a work from there (the console's keys), the rest on the cards
            keys = (("a", "bold"), " action · ", ("Tab", "bold"), " to the cards: clock, pass, notes")
            status.update(joined(self._to_pass_on(data, state), *keys))

    def _changes_of_hands(self, data: WorkshopSnapshot, state: WorkshopState) -> dict[str, str]:
        """What ``d`` would pass now (card id → participant id): the deal made fair for whoever is present."""
        talked = poker_turns.talked_about(state, data.room, self._now())
        return poker_turns.deal_again(data.room.poker, [seat.id for seat in data.present], talked)

    def _to_pass_on(self, data: WorkshopSnapshot, state: WorkshopState) -> Text:
        """A line before the keys while the deal is no longer fair: someone left holding cards, or came late."""
        moves = self._changes_of_hands(data, state)
        left = len(unheld(data.info, data.room.poker))
        if not moves and not left:
            return Text(end="")
        if left:
            said = f"{counted(left, 'card')} held by people who left"
        else:  # a late arrival, and someone holding two cards more
            holding = {card.holder for card in data.room.poker}
            late = [seat.display_name for seat in data.present if seat.id not in holding and seat.id in moves.values()]
            said = f"{', '.join(late)} {'has' if len(late) == 1 else 'have'} no card yet"
        fix = "d deals again (notes and actions stay)" if moves else "p passes a card on"
        return joined((f"{said}: {fix}.", "bold yellow"), "\n")

    def _in_a_note(self) -> bool:
        focused = self.app.focused
        return isinstance(focused, PokerNoteField) and self in focused.ancestors

    def _on_the_cards(self) -> bool:
        focused = self.app.focused
        return focused is not None and self in focused.ancestors_with_self

    def on_descendant_focus(self) -> None:
        self._show_hint()

    def on_descendant_blur(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        if self._shown is not None and self.deck is not None and not self.presenter:
            self._show_status(self.deck, *self._shown)

    def _show_card(self, deck: Deck, data: WorkshopSnapshot, state: WorkshopState) -> None:
        card = next((c for c in data.room.poker if c.card_id == state.poker_card), None)
        panel = self._card_panel
        if panel is not None and (card is None or panel.card_id != card.card_id):
            panel.remove()
            self._card_panel = panel = None
        if card is None or self.live is None:
            return
        if panel is not None:
            panel.show(data, state, self._now())
        else:
            self._card_panel = CardPanel(deck, self.live, card, shown=(data, state, self._now()))
            self.query_one("#poker-card-slot", VerticalGroup).mount(self._card_panel)

    def _tick_clock(self) -> None:
        if self._shown is None:
            return
        data, state = self._shown
        if not state.poker_card:
            return
        if self.presenter:
            self.query_one(PokerBoard).show_clock(data, state, self._now())
        elif self._card_panel is not None:
            self._card_panel.show_clock(data, state, self._now())

    def _show_marks(self, _status: object) -> None:
        if self._card_panel is not None:
            self._card_panel.show_marks()

    def focus_answers(self) -> bool:
        """a from the step: an action from the card under discussion, as a on the cards (typed at once, its words
        must not go to the console's keys); the focus on the cards, where a adds the next."""
        if self.presenter or self.deck is None or self.live is None:
            return False
        self.query_one(CardList).focus()
        self.action_add_action()
        return True

    def deal_from_step(self) -> bool:
        """d from the step deals as d on the cards does; the focus then on the cards, where Enter picks one."""
        if self.presenter or self.deck is None or self.live is None:
            return False
        self.query_one(CardList).focus()
        self.action_deal()
        return True

    # -- what the facilitator does ---------------------------------------------------------------------------

    @property
    def workshop(self) -> LiveWorkshop | None:
        return getattr(self.app, "workshop", None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("deal", "card_clock", "add_action", "pass_card"):
            return self.live is not None and self.deck is not None
        return True

    def action_deal(self) -> None:
        live = self.live
        if live is None:
            return
        if live.room.poker:
            self._deal_again()
            return
        if not live.info.present:
            self.notify("Nobody is present to deal to: add people first (F2).", severity="warning", markup=False)
            return
        request(self, DealPoker())
        cards = live.room.poker
        self.notify(f"Dealt {len(cards)} cards among {len(live.info.present)} people.", markup=False)

    def _deal_again(self) -> None:
        live, workshop, deck = self.live, self.workshop, self.deck
        if live is None or workshop is None or deck is None:
            return
        if not live.info.present:
            self.notify("Nobody is present to deal to: add people first (F2).", severity="warning", markup=False)
            return
        moves = self._changes_of_hands(live.data, workshop.state)
        held = {card.holder for card in live.room.poker} | set(moves.values())
        empty = [seat.display_name for seat in live.info.present if seat.id not in held]
        # More cards than people, yet someone without one: every card that could pass was talked about already.
        still = (
            f"{', '.join(empty)} {'has' if len(empty) == 1 else 'have'} no card: those who hold more have talked "
            "about theirs (p passes one anyway)."
            if empty and len(live.room.poker) >= len(live.info.present)
            else ""
        )
        if not moves:
            fair = "Nothing to deal again: everyone present holds a fair share of the cards."
            self.notify(f"{fair} {still or 'p passes the highlighted card to someone.'}", markup=False, timeout=8)
            return
        dealt = {card.card_id: card for card in live.room.poker}
        listed = [
            (deck.title(card_id), holder_name(live.info, dealt[card_id]), self._new_holder(card_id, moves))
            for card_id in (item.id for item in deck.items)
            if card_id in moves
        ]

        def answered(deal: bool | None) -> None:
            if deal:
                request(self, HandPokerCards(tuple(moves.items())))
                self.notify(f"Dealt again: {counted(len(moves), 'card')} passed on; every note and action kept.")

        self.app.push_screen(DealAgainScreen(len(live.info.present), listed, still), answered)

    def _new_holder(self, card_id: str, moves: dict[str, str]) -> str:
        live = self.live
        seat = live.info.participant(moves[card_id]) if live is not None else None
        return seat.display_name if seat is not None else ""

    def action_pass_card(self) -> None:
        live, deck = self.live, self.deck
        if live is None or deck is None:
            return
        if not live.room.poker:
            self.notify("Deal the cards first: d.", markup=False)
            return
        highlighted = self.query_one(CardList).highlighted_option
        card = next((c for c in live.room.poker if highlighted is not None and c.card_id == highlighted.id), None)
        if card is None:
            return
        counts = {seat.id: 0 for seat in live.info.present}
        for dealt in live.room.poker:
            if dealt.holder in counts:
                counts[dealt.holder] += 1
        present = [(seat, counts[seat.id]) for seat in live.info.present]
        if not present:
            self.notify("Nobody is present to pass it to: add people first (F2).", severity="warning", markup=False)
            return

        def picked(holder: str | None) -> None:
            if holder:
                request(self, HandPokerCards(((card.card_id, holder),)))

        self.app.push_screen(PassCardScreen(deck.title(card.card_id), card.holder, present), picked)

    @on(OptionList.OptionSelected, "#poker-cards")
    def _discuss(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        live, workshop = self.live, self.workshop
        if live is None or workshop is None or event.option.id is None:
            return
        if not live.room.poker:
            self.notify("Deal the cards first: d.", markup=False)
            return
        # The focus stays on the cards: the hint's single-letter keys (a, space) must not type into a
        # note that took the focus by itself; Tab goes to the notes.
        request(self, DiscussCard(event.option.id))
        self.show_room(live.data, workshop.state)

    def action_card_clock(self) -> None:
        live, workshop = self.live, self.workshop
        if live is None or workshop is None:
            return
        if not workshop.state.poker_card:
            self.notify("Pick a card first: Enter on the card list.", markup=False)
            return
        request(self, ToggleCardClock())
        self.show_room(live.data, workshop.state)

    def action_add_action(self) -> None:
        from bootcamp.ui.screens.action_form import ActionFormScreen

        live, workshop = self.live, self.workshop
        if live is None or workshop is None or self.deck is None:
            return
        card_id = workshop.state.poker_card
        card = next((c for c in live.room.poker if c.card_id == card_id), None)
        if not live.room.poker:
            self.notify("Deal the cards first: d.", markup=False)
            return
        if card is None:
            self.notify("Pick a card first: Enter on the card list.", markup=False)
            return
        holder = live.info.participant(card.holder)
        owner = holder.display_name if holder and not holder.removed else ""  # someone who left owns nothing new
        draft = Action("", "", owner=owner, source=card_source(card_id))
        owners = [p.display_name for p in live.info.present]

        def saved(action: Action | None) -> None:
            if action is not None:
                request(self, PutAction(dataclasses.replace(action, source=card_source(card_id))))

        title = f"An action from {self.deck.title(card_id)}"
        self.app.push_screen(ActionFormScreen(draft, title=title, owners=owners, workshop_date=live.info.date), saved)


VIEW = ExerciseView

"""Aptitude Poker on the console: deal once, pick a card, notes per prompt saved as typed, card actions, card clock."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from room_helpers import POKER, at_step, on_disk, open_console
from ui_helpers import SHIPPED_CONTENT, new_workshop, screen_text, settle, wait_for_screen, wait_until

from bootcamp.clock import FixedClock
from bootcamp.content import Program, load_dir
from bootcamp.store import Store
from bootcamp.store.model import ActionStatus, PokerCard
from bootcamp.ui.screens.action_form import ActionFormScreen
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.widgets.poker.board import PokerBoard
from bootcamp.ui.widgets.poker.cards import CardList, CardPanel, PokerNoteField
from bootcamp.ui.widgets.steps.base import StepScroll
from bootcamp.ui.widgets.typed_text import AutosaveTextArea


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    workshop_id = new_workshop(store, fixture_program).id
    at_step(store, workshop_id, POKER)
    return workshop_id


async def deal_and_pick(pilot) -> CardPanel:
    """Tab to the card list, deal, and talk about the first card."""
    await pilot.press("tab")
    assert isinstance(pilot.app.focused, CardList)
    await pilot.press("d")
    await wait_until(pilot, lambda: bool(pilot.app.workshop.records.room.poker), "the deal")
    await pilot.press("enter")
    await wait_until(pilot, lambda: bool(pilot.app.screen.query(CardPanel)), "the card's panel")
    await settle(pilot)
    return pilot.app.screen.query_one(CardPanel)


async def card_action_form(pilot) -> ActionFormScreen:
    """From the console's Poker step: deal, talk about the first card, and `a` for an action from it."""
    await open_console(pilot)
    await deal_and_pick(pilot)
    assert isinstance(pilot.app.focused, CardList)  # where a adds an action
    await pilot.press("a")
    return await wait_for_screen(pilot, ActionFormScreen)  # type: ignore[return-value]


async def test_one_key_deals_the_deck_among_the_present_once_and_shows_who_holds_which_card(
    workshop_id: str, make_app, store: Store
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        assert "Not dealt yet" in screen_text(app)
        await pilot.press("tab", "d")
        await settle(pilot)
        text = screen_text(app)
        assert "Persist" in text and "Ana Ortiz" in text and "Power away" in text and "Chloe Martin" in text
        live = app.workshop.records
        dealt = live.room.poker
        live.add_participant("Dee Late")
        await pilot.press("d")  # a roster change never re-deals
        await settle(pilot)
        assert live.room.poker == dealt
        assert await app.flush()
    stored = on_disk(store, workshop_id)
    holders = {p.id: p.name for p in stored.info().participants}
    assert [(c.card_id, holders[c.holder]) for c in stored.room().poker] == [  # shuffled (seeded in the UI tests)
        ("persist", "Chloe Martin"),
        ("give-power-away", "Ana Ortiz"),
    ]


async def test_arriving_on_a_dealt_deck_the_hint_says_tab_before_the_arrows(workshop_id: str, make_app) -> None:
    """"Pick the card to talk about: ↑ ↓ and Enter" did nothing from the step: the arrows move through the cards
    only once they have the focus."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        app.workshop.records.deal_poker()
        await settle(pilot)
        status = pilot.app.screen.query_one("#poker-status")
        assert "Pick the card to talk about: Tab to the cards, then ↑ ↓ and Enter." in str(status.render())
        await pilot.press("tab")
        await settle(pilot)
        assert isinstance(app.focused, CardList)
        assert "Pick the card to talk about: ↑ ↓ and Enter." in str(status.render())


async def test_d_and_a_work_from_the_step_before_tab_reaches_the_cards(
    workshop_id: str, make_app, store: Store
) -> None:
    """Arriving on the Poker step a facilitator pressed d at once and nothing was dealt: d and a worked only once Tab
    had reached the cards (as a on the actions step did, where a typed action's letters went to the console's keys).
    From the step d deals, the focus then on the cards where Enter picks one; a adds an action from that card."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        assert isinstance(app.focused, StepScroll)
        hint = str(app.screen.query_one("#poker-status").render())
        assert "d deals the 2 cards among the 3 present" in hint and "Tab" not in hint
        await pilot.press("d")
        await wait_until(pilot, lambda: bool(app.workshop.records.room.poker), "the deal")
        assert isinstance(app.focused, CardList)  # where Enter picks the card to talk about
        await pilot.press("enter", "escape")  # a card picked, then back to the step
        await settle(pilot)
        assert isinstance(app.focused, StepScroll) and app.workshop.state.poker_card == "persist"
        await pilot.press("a", *"Share churn reasons monthly", "enter", "enter", *"2026-10-30", "enter")
        await wait_until(pilot, lambda: bool(app.workshop.records.room.actions), "the action")
        await settle(pilot)
        assert not isinstance(app.screen, ActionFormScreen)
        assert await app.flush()
    actions = on_disk(store, workshop_id).room().actions
    assert [(a.what, a.owner, a.due, a.source) for a in actions] == [
        ("Share churn reasons monthly", "Chloe Martin", "2026-10-30", "poker:persist")
    ]


async def test_a_on_the_poker_step_before_the_deal_says_to_deal_first(workshop_id: str, make_app) -> None:
    """a before any deal opens no action (no card to hang it on) and says what to do instead."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert not isinstance(app.screen, ActionFormScreen)
        assert [notice.message for notice in app._notifications][-1] == "Deal the cards first: d."


async def test_notes_per_prompt_save_as_typed_and_reach_the_disk(workshop_id: str, make_app, store: Store) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        today = panel.query_one("#poker-note-today", PokerNoteField)
        await pilot.press("tab")  # from the cards to the card's first prompt
        assert app.focused is today
        await pilot.press(*"we show it in sales reviews")
        await pilot.press("tab")  # leaving the field saves it
        await pilot.press(*"fewer escalations", "enter")  # Enter is a new line in a note, and saves it at once …
        assert app.workshop.records.room.poker[0].notes.get("opportunity", "") == "fewer escalations\n"
        await pilot.press("tab")  # … as leaving does
        assert await app.flush()
        await settle(pilot)
        assert "saved" in str(today.border_subtitle)
        assert app.workshop.state.poker_card == "persist"
    room = on_disk(store, workshop_id).room()
    assert room.poker[0].notes == {"today": "we show it in sales reviews", "opportunity": "fewer escalations\n"}
    assert on_disk(store, workshop_id).state().poker_card == "persist"


async def test_after_picking_a_card_its_keys_work_and_type_nothing_into_a_note(workshop_id: str, make_app) -> None:
    """Before, Enter on a card put the focus in its first note while the hint still said ``a action``: a typed "a"."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        hint = str(app.screen.query_one("#poker-status").render())
        assert isinstance(app.focused, CardList) and "a action" in hint and "Tab notes" in hint
        await pilot.press("a")
        form = await wait_for_screen(pilot, ActionFormScreen)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is not form, "the form to close")
        assert [field.text for field in panel.query(PokerNoteField)] == ["", ""]

        await pilot.press("tab")  # into the first note: the hint names what works there, not a or space
        assert isinstance(app.focused, PokerNoteField)
        hint = str(app.screen.query_one("#poker-status").render())
        assert "Typing writes the note" in hint and "a action" not in hint
        await pilot.press("escape")
        assert isinstance(app.focused, CardList)
        assert "a action" in str(app.screen.query_one("#poker-status").render())


async def test_a_card_action_goes_on_the_room_list_and_a_bad_date_is_refused(
    workshop_id: str, make_app, store: Store
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await card_action_form(pilot)
        assert form.query_one("#action-owner").value == "Chloe Martin"  # the card's holder, to start with
        workshop_day = date.fromisoformat(app.workshop.info.date)
        assert form.query_one("#action-due").placeholder.startswith(f"e.g. {workshop_day + timedelta(weeks=2)}, friday")
        await pilot.press(*"Share churn reasons monthly", "enter", "enter", *"31/10/2026", "enter")
        assert "YYYY-MM-DD" in screen_text(app) and isinstance(app.screen, ActionFormScreen)
        for _ in range(10):
            await pilot.press("backspace")
        await pilot.press(*"2026-10-30", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ActionFormScreen), "the form to close")
        await settle(pilot)
        text = screen_text(app)
        assert "• Share churn reasons monthly — Chloe Martin," in text and "2026-10-30" in text
        assert await app.flush()
    actions = on_disk(store, workshop_id).room().actions
    assert [(a.what, a.owner, a.due, a.status, a.source) for a in actions] == [
        ("Share churn reasons monthly", "Chloe Martin", "2026-10-30", ActionStatus.OPEN, "poker:persist")
    ]


async def test_a_due_date_said_in_words_is_shown_as_its_day_before_it_is_saved(
    workshop_id: str, make_app, store: Store
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await card_action_form(pilot)
        await pilot.press(*"Call five lost customers", "enter", "enter", *"next friday", "enter")
        assert isinstance(app.screen, ActionFormScreen)  # not saved yet: the day is shown first
        assert form.query_one("#action-due").value == "2026-09-25"  # the fixed clock's Monday 21 September
        await settle(pilot)
        assert "Friday 25 September 2026: Enter saves it" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ActionFormScreen), "the form to close")
        assert await app.flush()
    assert [a.due for a in on_disk(store, workshop_id).room().actions] == ["2026-09-25"]


async def test_the_card_clock_counts_down_pauses_and_moves_with_the_card(
    workshop_id: str, make_app, clock: FixedClock
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        view = panel.parent.parent
        assert "4:00 left" in screen_text(app)  # the fixture's four minutes per card
        clock.advance(30)
        view._tick_clock()  # what the one-second interval calls
        await pilot.pause()
        assert "3:30 left" in screen_text(app)
        await pilot.press("space")  # the card clock pauses (the focus stayed on the cards)
        clock.advance(600)
        view._tick_clock()
        await pilot.pause()
        assert "3:30 left · paused" in screen_text(app)
        await pilot.press("space")
        clock.advance(240)
        view._tick_clock()
        await pilot.pause()
        assert "over by 0:30" in screen_text(app)


async def test_picking_another_card_shows_that_card_alone_even_in_a_burst(workshop_id: str, make_app) -> None:
    """The next card replaced the panel under the same id before the old one had gone: the console crashed."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        first = await deal_and_pick(pilot)
        cards = [card.card_id for card in app.workshop.records.room.poker]
        assert first.card_id == cards[0]
        await pilot.press("down", "enter", "up", "enter", "down", "enter")  # a facilitator changing their mind
        await wait_until(pilot, lambda: app.workshop.state.poker_card == cards[1], "the second card picked")
        await settle(pilot)
        shown = list(app.screen.query(CardPanel))
        assert [panel.card_id for panel in shown] == [cards[1]]
        await pilot.press("up", "enter")
        await wait_until(pilot, lambda: app.workshop.state.poker_card == cards[0], "the first card again")
        await settle(pilot)
        assert [panel.card_id for panel in app.screen.query(CardPanel)] == [cards[0]]


async def test_a_clock_tick_between_a_pick_and_its_panel_appearing_waits_for_the_panel(
    workshop_id: str, make_app
) -> None:
    """The one-second tick reached the next card's panel before its fields were composed: the console crashed (CI)."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        view = panel.parent.parent
        cards = [card.card_id for card in app.workshop.records.room.poker]
        data, state = view._shown
        picked = dataclasses.replace(state, poker_card=cards[1])
        view.show_room(data, picked)  # the pick, as the live workshop shows it
        view._tick_clock()  # the interval firing before the new panel has mounted
        view._show_marks(None)
        view.show_room(data, picked)  # a save coming back in the same moment
        await settle(pilot)
        shown = list(app.screen.query(CardPanel))
        assert [p.card_id for p in shown] == [cards[1]]
        assert "4:00 left" in screen_text(app)
        assert f"♠ {view.deck.title(cards[1])}" in screen_text(app)


async def test_an_undo_shows_the_note_as_it_was(workshop_id: str, make_app) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        await pilot.press("tab", *"first words", "tab")
        today = panel.query_one("#poker-note-today", AutosaveTextArea)
        label = app.workshop.undo().label  # what the console's ctrl+z calls: the card and the first words
        assert label.startswith("a Poker note on '") and label.endswith('("first words")'), label
        await settle(pilot)
        assert today.text == ""
        assert app.workshop.records.room.poker[0].notes["today"] == ""


async def test_the_room_sees_the_cards_in_the_decks_order_as_the_console_lists_them(
    workshop_id: str, make_app, store: Store
) -> None:
    """The deal is stored shuffled; the projector laid it out so, and "the second card" was another card there."""
    files = store.open(workshop_id)
    ana, ben = files.info().participants[:2]
    dealt = (PokerCard("give-power-away", ben.id), PokerCard("persist", ana.id))  # the deck's order reversed
    files.update_room(lambda room: dataclasses.replace(room, poker=dealt))
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        listed = [option.id for option in app.screen.query_one(CardList).options]
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert listed == ["persist", "give-power-away"] and text.index("Persist") < text.index("Power away")


async def test_the_room_sees_the_deal_and_the_card_under_discussion_with_its_notes(
    workshop_id: str, make_app
) -> None:
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        await deal_and_pick(pilot)
        await pilot.press("tab", *"silos between sales and service", "tab")
        await pilot.press("f5")
        screen = await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "▶ Persist" in text and "Power away" in text and "Ana Ortiz" in text
        assert "How we live it today: silos between sales and service" in text
        assert "4:00 left" in text
        assert not screen.query(AutosaveTextArea)  # the room's screen never edits
        assert screen.query_one(PokerBoard).display


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
async def test_an_empty_note_shows_its_whole_question(size, data_dir, clock: FixedClock, make_app) -> None:
    store = Store(data_dir, clock)
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, "aptitudes/aptitude-poker")
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        fields = list(panel.query(PokerNoteField))
        assert any(len(field.placeholder) > field.content_size.width for field in fields)  # longer than the field
        for field in fields:
            shown = " ".join(field.render_line(y).text.strip() for y in range(field.content_size.height))
            assert " ".join(shown.split()) == field.placeholder  # "… now, and where is it missing? Give an example."
        first = fields[0]
        first.focus()
        await pilot.press("x")  # typed into: a line high again, then empty: the question's height back
        await pilot.pause()
        assert first.content_size.height == 1
        await pilot.press("backspace")
        await pilot.pause()
        assert first.content_size.height > 1


def _in_view(widget) -> bool:
    """The widget drawn whole inside the step's box (not below it, where nothing scrolls to)."""
    box = widget.screen.query_one(StepScroll).content_region
    return box.contains_region(widget.region)


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
async def test_the_field_typed_into_is_scrolled_into_view(size, data_dir, clock: FixedClock, make_app) -> None:
    """At 80×24 the card's notes were below the step's box, which did not scroll: the text typed was unseen."""
    store = Store(data_dir, clock)
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, "aptitudes/aptitude-poker")
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=size) as pilot:
        await open_console(pilot)
        panel = await deal_and_pick(pilot)
        fields = list(panel.query(PokerNoteField))
        for field in fields:
            await pilot.press("tab")
            await settle(pilot)
            assert app.focused is field and _in_view(field), field.id
            await pilot.press(*"the room says so", "enter", *"and more", "enter", *"and more")
            await settle(pilot)
            assert _in_view(field), field.id  # grown by three lines, still whole on the screen


async def test_the_wall_shows_one_actions_line_the_cards_actions_in_place_of_the_prompts_dots(
    data_dir, clock: FixedClock, make_app
) -> None:
    """The wall read "Actions (owner, date): …" and, under it, "Actions: Monthly customer panel — …"."""
    store = Store(data_dir, clock)
    info = new_workshop(store, load_dir(SHIPPED_CONTENT))
    at_step(store, info.id, "aptitudes/aptitude-poker")
    app = make_app(content_dir=SHIPPED_CONTENT, open_workshop=info.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        await deal_and_pick(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, ActionFormScreen)
        await pilot.press(*"Monthly customer panel", "enter", "enter", *"2026-12-11", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ActionFormScreen), "the form to close")
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        said = [line.strip() for line in screen_text(app).splitlines() if line.strip().startswith("Action")]
        assert len(said) == 1 and said[0].startswith("Actions (owner, date): Monthly customer panel — ")
        assert said[0].endswith(", 2026-12-11")


async def test_the_cards_of_someone_who_left_are_dealt_again_and_the_wall_never_says_who_left(
    workshop_id: str, make_app, store: Store
) -> None:
    """The wall showed "Chloe Martin (left)", a late arrival had no card and d did nothing once dealt."""
    from bootcamp.ui.widgets.poker.passing import DealAgainScreen

    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        await deal_and_pick(pilot)  # Persist! to Chloe Martin, Give the Power Away to Ana Ortiz
        await pilot.press("tab", *"renewals go quiet", "escape")
        live = app.workshop.records
        chloe = next(p for p in live.info.participants if p.name == "Chloe Martin")
        live.remove_participant(chloe.id)  # F2: she left
        live.add_participant("Dee Late")
        await pilot.press("up")  # any key: the console redraws from the room
        await settle(pilot)
        text = screen_text(app)
        assert "Chloe Martin (left)" in text and "Chloe Ma… (left)" in text  # the facilitator is told …
        assert "1 card held by people who left: d deals again (notes and actions stay)." in " ".join(text.split())
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        wall = screen_text(app)
        assert "Chloe" not in wall and "(left)" not in wall  # … the room is not
        assert "▶ Persist!  ·  4:00 left" in wall  # unheld: no holder said
        await pilot.press("f5")
        await open_console(pilot)
        assert isinstance(app.focused, CardList)  # back where it was
        await pilot.press("a")  # an action from her card: nobody who left is its owner to start with
        form = await wait_for_screen(pilot, ActionFormScreen)
        assert form.query_one("#action-owner").value == ""
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is not form, "the form to close")
        await pilot.press("d")
        dialog = await wait_for_screen(pilot, DealAgainScreen)
        assert "Persist!: Chloe Martin (left) → Ben Okafor" in screen_text(app)  # fewest cards first, roster order
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is not dialog, "the dialog to close")
        await settle(pilot)
        persist = next(card for card in live.room.poker if card.card_id == "persist")
        assert live.info.participant(persist.holder).name == "Ben Okafor"
        assert persist.notes["today"] == "renewals go quiet"  # the notes stay with the card
        assert "held by people who left" not in screen_text(app)
        await pilot.press("d")  # a fair deal: nothing to do, and said so
        await settle(pilot)
        assert not isinstance(app.screen, DealAgainScreen)
        assert await app.flush()
    stored = on_disk(store, workshop_id)
    holders = {p.id: p.name for p in stored.info().participants}
    assert {c.card_id: holders[c.holder] for c in stored.room().poker} == {
        "persist": "Ben Okafor",
        "give-power-away": "Ana Ortiz",
    }
    assert stored.room().poker[0].notes == {"today": "renewals go quiet"}


async def test_p_passes_the_highlighted_card_to_someone_present_and_ctrl_z_takes_it_back(
    workshop_id: str, make_app, store: Store
) -> None:
    from bootcamp.ui.widgets.poker.passing import PassCardScreen

    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        await deal_and_pick(pilot)
        live = app.workshop.records
        live.add_participant("Dee Late")
        await pilot.press("p")  # on Persist!, held by Chloe Martin
        await wait_for_screen(pilot, PassCardScreen)
        text = screen_text(app)
        assert "Pass Persist! to …" in text and "Chloe Martin  ·  holds it" in text and "Dee Late  ·  no card yet" in text
        await pilot.press("end", "enter")  # the last: the late arrival
        await wait_until(pilot, lambda: not isinstance(app.screen, PassCardScreen), "the dialog to close")
        await settle(pilot)
        assert live.info.participant(live.room.poker[0].holder).name == "Dee Late"
        assert "Dee Late" in str(app.screen.query_one(CardPanel).query_one("#card-head").render())
        assert app.workshop.undo().label == "a Poker card passed"
        assert live.info.participant(live.room.poker[0].holder).name == "Chloe Martin"
        assert await app.flush()


async def test_the_card_clock_says_it_is_running_and_space_says_what_it_will_do(workshop_id: str, make_app) -> None:
    """Enter on a card starts its clock, which read only "3:00 left": a facilitator took it for stopped, and the
    hint's "space clock" paused it."""
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot)
        await deal_and_pick(pilot)
        clock = pilot.app.screen.query_one("#card-clock")
        status = pilot.app.screen.query_one("#poker-status")
        assert "running" in str(clock.render()) and "space pauses the clock" in str(status.render())
        await pilot.press("space")
        await settle(pilot)
        assert "paused" in str(clock.render()) and "space starts the clock" in str(status.render())

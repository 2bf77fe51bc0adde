"""Private entry: the keyboard goes round the room and each person answers unseen.

The screen shows only the question in front of the person answering: never anyone's
answers, never the tally (a projector window following the state hides them too). Each
answer is stored the moment its key is pressed; on a secret-ballot step the answers are
stored together as one ballot that names nobody. A late arrival goes through the steps
they missed the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from bootcamp.content.model import Scale, Step, StepKind
from bootcamp.limits import COMMENT
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store.model import Participant
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.steps.base import PackedChoices
from bootcamp.ui.widgets.typed_text import SafeInput


@dataclass(frozen=True)
class Ask:
    """One thing to answer: an item of a step on a scale."""

    step: Step
    item: str
    perspective: str
    text: str
    scale: Scale


def asks_of(step: Step, workshop: LiveWorkshop) -> list[Ask]:
    """What a person answers on a step, in order: the question, each item and perspective, or each structure question."""
    asks = workshop.program.asks(step)
    if asks is None:
        return []
    found = []
    for p in asks.perspectives:  # one at a time: every item for yourself, then every item for your team
        whose = f"\n\nRate {asks.perspective_label(p)}." if p else ""
        for item in asks.items:
            text = f"{item.title}: {item.text}" if step.kind is StepKind.RATE else item.text
            found.append(Ask(step, item.id, p, text + whose, asks.scale))
    return found


class PrivateEntryScreen(Screen[None]):
    CSS_PATH = "private_entry.tcss"
    HELP_TITLE = "Private entry"
    QUIT_OFFERED = False  # the app's quit keys do nothing here (BootcampApp.check_action): a participant types
    BINDINGS = [
        Binding("escape", "leave", "End private entry", tooltip="End private entry, back to the console"),
        Binding("backspace", "back", "Previous", show=False, tooltip="Go back to the previous question"),
        # A participant holds the keyboard: q quits nothing here (nor asks); it says how the facilitator ends it.
        Binding("q", "how_to_end", "", show=False, tooltip="Private entry ends with Esc (q does not quit here)"),
    ]

    def __init__(self, workshop: LiveWorkshop, steps: list[Step], *, participant_id: str = "") -> None:
        super().__init__()
        self.workshop = workshop
        self.steps = steps
        self.fixed_participant = participant_id  # a late arrival: no need to ask who is answering
        self.participant: Participant | None = None
        self.asks: list[Ask] = []
        self.position = 0
        self.phase = ""
        self._ballot: dict[str, list[tuple[str, str, str]]] = {}  # step key → picks, for secret steps
        self._comments: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="card"):
            yield Static(id="who-line")
            yield Static(id="counter")
            yield Static(id="ask-text")
            yield Static(id="choices")
            yield OptionList(id="people")
            yield SafeInput(
                placeholder="Type a comment, or leave it empty; Enter finishes", max_length=COMMENT.chars, id="comment"
            )
            yield Static(id="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.fixed_participant:
            self.participant = self.workshop.info.participant(self.fixed_participant)
            self._start_answering()
        elif self._all_secret:
            self._start_answering()
        else:
            self._ask_who()

    @property
    def _all_secret(self) -> bool:
        return all(step.key in self.workshop.state.secret for step in self.steps)

    def _secret(self, step: Step) -> bool:
        return step.key in self.workshop.state.secret

    # -- the phases -------------------------------------------------------------------------------------------

    def _show(self, *, people: bool = False, comment: bool = False, choices: bool = False) -> None:
        self.query_one("#people").display = people
        self.query_one("#comment").display = comment
        self.query_one("#choices").display = choices

    def _ask_who(self) -> None:
        self.phase = "who"
        self.participant = None
        live = self.workshop.records
        people = self.query_one("#people", OptionList)
        people.clear_options()
        for participant in live.info.present:
            done = all(live.answer(participant.id, a.step.key, a.item, a.perspective) for s in self.steps for a in asks_of(s, self.workshop))
            label = joined((participant.display_name, "bold"), ("   answered ✓" if done else "", "dim"))
            people.add_option(Option(label, id=participant.id))
        self.query_one("#who-line", Static).update(plain(self.steps[0].title, "bold"))
        self.query_one("#counter", Static).update("")
        self.query_one("#ask-text", Static).update(plain("Who is answering? Choose your name and press Enter."))
        self.query_one("#hint", Static).update(plain("Nobody's answers are shown here. Esc ends private entry.", "dim"))
        self._show(people=True)
        people.highlighted = 0 if people.option_count else None
        people.focus()

    @on(OptionList.OptionSelected, "#people")
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        self.participant = self.workshop.info.participant(message.option.id or "")
        self._start_answering()

    def _start_answering(self) -> None:
        self.asks = [ask for step in self.steps for ask in asks_of(step, self.workshop)]
        self.position = 0
        self._ballot.clear()
        self._comments.clear()
        if not self.asks:
            self.dismiss()
            return
        self._ask()

    def _ask(self) -> None:
        self.phase = "ask"
        ask = self.asks[self.position]
        secret = self._secret(ask.step)
        if secret:
            who = joined(("Secret ballot", "bold"), ("  ·  stored without your name", "dim"))
        elif self.participant is not None:
            who = joined((self.participant.display_name, "bold"), ", your answer")
        else:
            who = plain("Your answer")
        self.query_one("#who-line", Static).update(who)
        self.query_one("#counter", Static).update(plain(f"{ask.step.title}  ·  {self.position + 1} of {len(self.asks)}", "dim"))
        self.query_one("#ask-text", Static).update(plain(ask.text))
        self.query_one("#choices", Static).update(PackedChoices([(o.key, o.label) for o in ask.scale.options]))
        self.query_one("#hint", Static).update(plain("Press the key of your answer. Backspace goes back.", "dim"))
        self._show(choices=True)
        self.query_one("#people", OptionList).blur()
        self.set_focus(None)

    def _ask_comment(self) -> None:
        self.phase = "comment"
        self.query_one("#hint", Static).update(plain("A comment is welcome. Enter finishes.", "dim"))
        field = self.query_one("#comment", Input)
        field.value = ""
        self._show(comment=True)
        field.focus()

    def _thank(self) -> None:
        self.phase = "thanks"
        self._cast_ballots()
        name = self.participant.display_name if self.participant and not self._all_secret else ""
        self.query_one("#who-line", Static).update(plain(f"Thank you{', ' + name if name else ''}.", "bold"))
        self.query_one("#counter", Static).update("")
        if self.fixed_participant:
            self.query_one("#ask-text", Static).update(plain("Your answers are saved. Press Enter to finish."))
        else:
            self.query_one("#ask-text", Static).update(
                plain("Your answers are saved. Pass the keyboard to the next person, who presses Enter.")
            )
        self.query_one("#hint", Static).update(plain("Esc ends private entry.", "dim"))
        self._show()
        self.set_focus(None)

    # -- keys -------------------------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.phase == "ask" and event.character:
            ask = self.asks[self.position]
            option = next((o for o in ask.scale.options if o.key == event.character), None)
            if option is not None:
                event.stop()
                self._record(ask, option.id)
        elif self.phase == "thanks" and event.key == "enter":
            event.stop()
            if self.fixed_participant:
                self.dismiss()
            elif self._all_secret:
                self._start_answering()
            else:
                self._ask_who()

    def _record(self, ask: Ask, option_id: str) -> None:
        if self._secret(ask.step):
            picks = self._ballot.setdefault(ask.step.key, [])
            picks[:] = [p for p in picks if (p[0], p[1]) != (ask.item, ask.perspective)]
            picks.append((ask.item, ask.perspective, option_id))
        elif self.participant is not None:
            self.workshop.records.set_answer(
                self.participant.id, ask.step.key, option_id, item=ask.item, perspective=ask.perspective
            )
        self._after(ask)

    def _after(self, ask: Ask) -> None:
        last_of_step = self.position + 1 >= len(self.asks) or self.asks[self.position + 1].step.key != ask.step.key
        if last_of_step and ask.step.kind is StepKind.QUESTION and ask.step.comment and self.phase == "ask":
            self._ask_comment()
            return
        self.position += 1
        if self.position < len(self.asks):
            self._ask()
        else:
            self._thank()

    @on(Input.Submitted, "#comment")
    def _commented(self, message: Input.Submitted) -> None:
        ask = self.asks[self.position]
        text = message.value.strip()
        if text and self._secret(ask.step):
            self._comments[ask.step.key] = text
        elif text and self.participant is not None:
            self.workshop.records.set_comment(self.participant.id, ask.step.key, text)
        self.phase = "commented"
        self._after(ask)

    def action_back(self) -> None:
        if self.phase == "ask" and self.position > 0:
            self.position -= 1
            self._ask()

    def _cast_ballots(self) -> None:
        """Secret steps are stored at the end, each as one ballot: a half-given ballot is still a ballot."""
        for step_key, picks in self._ballot.items():
            if picks:
                self.workshop.records.cast_ballot(step_key, list(picks), self._comments.get(step_key, ""))
        self._ballot.clear()
        self._comments.clear()

    def action_how_to_end(self) -> None:
        self.notify(
            "q does nothing here: the facilitator ends private entry with Esc, back to the console.",
            markup=False,
            timeout=4,
        )

    def action_leave(self) -> None:
        self._cast_ballots()
        self.dismiss()

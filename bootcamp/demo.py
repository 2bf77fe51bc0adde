"""The demo room: a realistic workshop with answers on every step, generated from the content.

``create_demo_workshop(store, sources)`` builds a day in progress for a fictional
utility company: seven people around the table (one leaves at midday, one arrives
late), ratings, commitment answers with a realistic spread (don't know included,
some comments), a role description the room has judged, the Aptitude Poker deal and
its notes, discussion notes, actions with owners and dates, and the room's position
near the end of the agenda with one step skipped. Everything is drawn from a
``random.Random(seed)``, so the same seed and content give the same room; only the
workshop id and the day it is dated differ.

The workshop is written in one go through :meth:`Store.import_workshop`, so a demo
is never half created.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from bootcamp.clock import iso, utc_offset_minutes
from bootcamp.content import load_sources
from bootcamp.content.loader import content_hash
from bootcamp.content.model import (
    AptitudePoker,
    Asks,
    Leaning,
    Perspective,
    Program,
    RoleCheck,
    Scale,
    ScaleOption,
    Step,
    StepKind,
)
from bootcamp.content.rolecheck import suggest
from bootcamp.errors import UserError
from bootcamp.store import Store, StoredContent, WorkshopBundle
from bootcamp.store.ids import ALPHABET, is_ballot_id
from bootcamp.store.model import (
    Action,
    ActionStatus,
    Answer,
    Participant,
    PokerCard,
    RoleLine,
    RoomNote,
    RoomRecords,
    StepTimer,
    WorkshopInfo,
    WorkshopState,
)

ORGANISATION = "Northwind Energy"
WORKSHOP_NAME = "Customer leadership boot camp"


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    outlook: float  # -1 (sees the gaps) … +1 (sees the progress): shifts every answer a little
    talks: float  # how often they add a comment, 0..1
    unsure: float  # how often they answer "don't know" to a commitment question, 0..1


ROOM = (
    Person("Maria Lindqvist", "Chief Customer Officer", -0.15, 0.6, 0.05),
    Person("David Okonkwo", "CEO", 0.45, 0.35, 0.05),
    Person("Priya Raman", "VP Sales", 0.25, 0.3, 0.1),
    Person("Tom Becker", "Head of Customer Service", -0.35, 0.5, 0.08),
    Person("Sofia Álvarez", "Product Director", 0.05, 0.25, 0.25),
    Person("James Whitfield", "CFO", 0.2, 0.15, 0.12),  # leaves at midday: removed, answers kept
    Person("Aiko Tanaka", "Head of Marketing", 0.0, 0.3, 0.2),
)
LATE_ARRIVAL = Person("Lars Nilsson", "Operations Director", -0.1, 0.3, 0.3)  # joins after the first half
LEAVES = "James Whitfield"

ROLE_DESCRIPTION = (
    "Set the vision and objectives for the customer experience, with milestones the leadership team reviews.",
    "Own the quarterly upsell revenue target for the residential base.",
    "Map the top five customer journeys and redesign them with product, operations and marketing.",
    "Personally handle escalated complaints from key accounts.",
    "Run the 24/7 contact centre, including staffing rotas.",
    "Build a voice of the customer programme so feedback shapes every programme.",
    "Report a customer scorecard to the board every quarter.",
    "Lead the annual sales kick-off.",
)

QUESTION_COMMENTS_LOW = (
    "Everyone agrees in the meeting, then nothing changes in the budget.",
    "I honestly could not name who decides this.",
    "We said this last year too.",
    "It depends which silo you ask.",
    "On paper yes, in practice the quarter wins every time.",
    "Not in my area, anyway.",
)
QUESTION_COMMENTS_HIGH = (
    "The CEO said it again at the town hall in March.",
    "It is in the plan and it has a budget line.",
    "Better than two years ago, clearly.",
    "We have a named owner and a monthly review.",
)
DONT_KNOW_COMMENTS = (
    "I'm too new here to judge.",
    "Nobody has ever told us.",
    "I'd need to check with finance.",
)
RATE_COMMENTS = (
    "Strong in the leadership team, less so further down.",
    "We only do this when a big customer shouts.",
    "Depends entirely on the region.",
)
DISCUSS_NOTES = (
    "Sales and Service each think the other owns onboarding.",
    "The biggest surprise: the leadership team rates itself much higher than it rates the organisation.",
    "We measure call length, not whether the problem was solved.",
    "Two leaders said they would not know whom to escalate a cross-silo issue to.",
    "Customers see one company; we plan as six.",
    "Agreement that the CEO needs to say this out loud, more than once.",
    "The customer scorecard exists but nobody outside the board sees it.",
    "Funding is the weak spot: every programme is a one-year project.",
    "Quick win: share the top ten complaints with every leader each month.",
    "We disagree most about whether the role has real authority.",
)
QUICK_NOTES = (
    "Ask finance for last year's cost-to-serve figures.",
    "Send the slides to Lars, who missed the morning.",
    "Book the follow-up session in three months.",
)
POKER_TODAY = (
    "We do this well in the field teams, hardly at all at head office.",
    "Only when a major account threatens to leave.",
    "Maria does it; the rest of us leave it to her.",
    "It shows in our best project, but we never repeat it.",
    "Honestly, not much: we talk about it more than we do it.",
)
POKER_OPPORTUNITY = (
    "Fewer repeat calls and a churn rate we can be proud of.",
    "Leaders would argue from customer facts, not opinions.",
    "Teams would fix the cause instead of the symptom.",
    "A story customers retell, which marketing cannot buy.",
    "The plan would survive the next round of cost cuts.",
)
POKER_ACTIONS = (
    "Put one customer story on every leadership meeting agenda",
    "Name an owner for each of the top five journeys",
    "Share the monthly complaint themes with all leaders",
    "Add a customer measure to each director's goals",
    "Run a joint Sales and Service review of onboarding",
    "Ask the CEO to open the next town hall with the customer mandate",
    "Fund a two-person customer insight team for next year",
)
STEP_ACTIONS = (
    "Draft a one-page customer mandate for the CEO to sign",
    "Agree a shared onboarding metric for Sales and Service",
    "Rewrite the customer leader's role description without the sales target",
    "Move the contact centre under the COO so the CCO can lead the change",
    "Present the commitment-test results at the next board meeting",
    "Set up the quarterly customer scorecard review with all directors",
)


def create_demo_workshop(store: Store, sources: dict[str, str], seed: int = 2026) -> WorkshopInfo:
    """A realistic demo workshop in ``store`` from ``sources`` (the content copy); the same seed gives the same room."""
    program = load_sources(sources)
    bundle = DemoBuilder(program, dict(sources), random.Random(seed), store.clock.now()).build()
    return store.import_workshop(bundle, new_id=True)


class DemoBuilder:
    def __init__(self, program: Program, sources: dict[str, str], rng: random.Random, now: float) -> None:
        self.program = program
        self.sources = sources
        self.rng = rng
        self.steps = program.steps("full")
        if not self.steps:
            raise UserError("the content's full-day agenda has no steps, so there is nothing to build a demo room on")
        # The room is near the end of the day: at the last actions step (or the last step) right now.
        self.current = next((s for s in reversed(self.steps) if s.kind is StepKind.ACTIONS), self.steps[-1])
        self.offsets = self._step_offsets()
        self.day_start = now - self.offsets[self.current.key] - 10 * 60
        self.now = now
        self.item_mood: dict[tuple[str, str], float] = {}
        self.notes: list[RoomNote] = []
        self.actions: list[Action] = []
        self.answers: list[Answer] = []
        self.ids: set[str] = set()

    # -- the day's timeline -------------------------------------------------------------------------------------

    def _step_offsets(self) -> dict[str, float]:
        offsets, elapsed = {}, 0.0
        for step in self.steps:
            offsets[step.key] = elapsed
            elapsed += step.minutes * 60
        return offsets

    def at(self, step: Step, seconds_in: float = 0.0) -> str:
        moment = self.day_start + self.offsets[step.key] + min(seconds_in, max(step.minutes * 60 - 1, 0))
        return iso(min(moment, self.now))

    def fraction(self, step: Step) -> float:
        return self.steps.index(step) / max(len(self.steps) - 1, 1)

    def new_id(self, prefix: str, length: int) -> str:
        while (candidate := prefix + "".join(self.rng.choice(ALPHABET) for _ in range(length))) in self.ids:
            pass
        self.ids.add(candidate)
        return candidate

    # -- the room -----------------------------------------------------------------------------------------------

    def roster(self) -> tuple[Participant, ...]:
        start = iso(self.day_start)
        seats = [
            Participant(self.new_id("p", 7), n, p.name, p.role, removed=p.name == LEAVES, joined_at=start)
            for n, p in enumerate(ROOM, start=1)
        ]
        join_step = self.steps[int(len(self.steps) * 0.4)]
        late = Participant(
            self.new_id("p", 7), len(seats) + 1, LATE_ARRIVAL.name, LATE_ARRIVAL.role, joined_at=self.at(join_step)
        )
        return (*seats, late)

    def who_answers(self, step: Step, roster: Sequence[Participant]) -> list[tuple[Participant, Person]]:
        """Who was in the room for ``step``: the leaver until midday, the late arrival after joining."""
        people = {p.name: p for p in (*ROOM, LATE_ARRIVAL)}
        present = []
        for participant in roster:
            if participant.name == LEAVES and self.fraction(step) > 0.6:
                continue
            if participant.name == LATE_ARRIVAL.name and self.at(step) < participant.joined_at:
                continue
            present.append((participant, people[participant.name]))
        return present

    # -- answers ------------------------------------------------------------------------------------------------

    def pick(self, asks: Asks, mood: float, person: Person, dont_know: float) -> ScaleOption:
        """An option of the step's scale: ``mood`` (0..1, the room's view) moved by the person's outlook, plus noise."""
        dont_know_option = asks.scale.option(asks.dont_know)
        if dont_know_option is not None and self.rng.random() < dont_know:
            return dont_know_option
        scored = sorted(asks.scale.scored_options, key=lambda o: o.value or 0.0)
        position = mood + 0.3 * person.outlook + self.rng.gauss(0, 0.22)
        index = round(max(0.0, min(1.0, position)) * (len(scored) - 1))
        return scored[index]

    def comment(self, person: Person, option: ScaleOption, scale: Scale) -> str:
        if self.rng.random() > person.talks * 0.6:
            return ""
        if option.dont_know:
            return self.rng.choice(DONT_KNOW_COMMENTS)
        high = scale.normalised(option.id)
        return self.rng.choice(QUESTION_COMMENTS_HIGH if high is not None and high >= 0.5 else QUESTION_COMMENTS_LOW)

    def mood(self, key: tuple[str, str]) -> float:
        """How well the organisation does on an item or question, as the room sees it (0 weak … 1 strong)."""
        if key not in self.item_mood:
            self.item_mood[key] = self.rng.uniform(0.15, 0.75)
        return self.item_mood[key]

    def rate(self, step: Step, present: list[tuple[Participant, Person]]) -> None:
        asks = self.program.asks(step)
        if asks is None:
            return
        for n, (participant, person) in enumerate(present):
            for item, perspective in asks.cells:
                # People rate themselves more kindly than they rate the organisation.
                lift = 0.15 if perspective == Perspective.SELF else -0.05
                option = self.pick(asks, self.mood((step.key, item)) + lift, person, person.unsure / 4)
                remark = self.rng.choice(RATE_COMMENTS) if self.rng.random() < 0.03 * person.talks else ""
                self.answers.append(
                    Answer(participant.id, step.key, item, perspective, option.id, remark, self.at(step, 60 + 25 * n))
                )

    def question(self, step: Step, present: list[tuple[Participant, Person]], owners: list[str]) -> None:
        asks = self.program.asks(step)
        if asks is None:
            return
        for n, ((participant, person), owner) in enumerate(zip(present, owners, strict=True)):
            option = self.pick(asks, self.mood((step.key, "")), person, person.unsure)
            comment = self.comment(person, option, asks.scale)
            at = "" if is_ballot_id(owner) else self.at(step, 30 + 20 * n)  # a ballot keeps no time
            self.answers.append(Answer(owner, step.key, "", "", option.id, comment, at))

    def check(self, step: Step, present: list[tuple[Participant, Person]]) -> list[RoleLine]:
        check = self.program.exercise(step.exercise)
        if not isinstance(check, RoleCheck):
            return []
        suggested = [suggest(text, check).leaning for text in ROLE_DESCRIPTION]
        # The room follows most suggestions, decides the undecided lines, overrules one and parks one for later.
        decisions = [
            leaning.value if leaning is not Leaning.UNDECIDED else self.rng.choice(["strategic", "tactical"])
            for leaning in suggested
        ]
        decided = [n for n, leaning in enumerate(suggested) if leaning is not Leaning.UNDECIDED]
        overruled, parked = self.rng.sample(range(len(ROLE_DESCRIPTION)), 2)
        if len(decided) >= 3:
            overruled = self.rng.choice(decided)
            decisions[overruled] = "tactical" if decisions[overruled] == "strategic" else "strategic"
            parked = self.rng.choice([n for n in range(len(decisions)) if n != overruled])
        decisions[parked] = ""
        lines = [
            RoleLine(self.new_id("r-", 8), text, decision, self.at(step, 45 * n))
            for n, (text, decision) in enumerate(zip(ROLE_DESCRIPTION, decisions, strict=True))
        ]
        asks = self.program.asks(step)
        if asks is None:
            return lines
        for item, perspective in asks.cells:  # the structure questions
            for n, (participant, person) in enumerate(present):
                option = self.pick(asks, self.mood((step.key, item)), person, person.unsure)
                self.answers.append(
                    Answer(
                        participant.id,
                        step.key,
                        item,
                        perspective,
                        option.id,
                        self.comment(person, option, asks.scale),
                        self.at(step, len(ROLE_DESCRIPTION) * 45 + 15 * n),
                    )
                )
        return lines

    def poker(self, step: Step, present: list[tuple[Participant, Person]]) -> list[PokerCard]:
        exercise = self.program.exercise(step.exercise)
        if not isinstance(exercise, AptitudePoker):
            return []
        deck = self.program.item_list(exercise.deck)
        if deck is None or not present:
            return []
        holders = [participant for participant, _ in present]
        self.rng.shuffle(holders)
        pools = (POKER_TODAY, POKER_OPPORTUNITY)
        cards = []
        for n, item in enumerate(deck.items):
            holder = holders[n % len(holders)]
            action = self.rng.choice(POKER_ACTIONS)
            if n == 0 or self.rng.random() < 0.4:  # some cards end with an action on the day's list
                self.add_action(action, holder.display_name, f"poker:{item.id}", step)
            notes = {}
            for index, prompt in enumerate(exercise.prompts):
                # The content's prompts are, in order: how we live it today, the opportunity, then actions.
                notes[prompt.id] = (
                    self.rng.choice(pools[index]) if index < len(pools) else f"{action} ({holder.display_name})"
                )
            cards.append(PokerCard(item.id, holder.id, notes))
        return cards

    def add_action(self, what: str, owner: str, source: str, step: Step) -> None:
        due = date.fromisoformat(self.at(step)[:10]) + timedelta(days=self.rng.choice([14, 21, 30, 45, 60, 90]))
        status = self.rng.choices(list(ActionStatus), weights=[4, 1, 0, 0])[0]  # agreed today: open, a few already under way
        self.actions.append(
            Action(self.new_id("a-", 8), what, owner, due.isoformat(), status, source, self.at(step, 60 * len(self.actions)))
        )

    def discuss(self, step: Step) -> None:
        for n, text in enumerate(self.rng.sample(DISCUSS_NOTES, k=self.rng.randint(2, 4))):
            self.notes.append(RoomNote(self.new_id("n-", 8), step.key, text, self.at(step, 40 + 50 * n)))

    # -- the whole workshop -------------------------------------------------------------------------------------

    def build(self) -> WorkshopBundle:
        roster = self.roster()
        role_lines: list[RoleLine] = []
        poker: list[PokerCard] = []
        questions = [s for s in self.steps if s.kind is StepKind.QUESTION]
        secret_step = questions[len(questions) // 2] if questions else None  # answered by secret ballot
        for step in self.steps:
            present = self.who_answers(step, roster)
            if step.kind is StepKind.RATE:
                self.rate(step, present)
            elif step.kind is StepKind.QUESTION:
                owners = [self.new_id("b", 15) if step is secret_step else p.id for p, _ in present]
                self.question(step, present, owners)
            elif step.kind is StepKind.CHECK:
                role_lines.extend(self.check(step, present))
            elif step.kind is StepKind.EXERCISE:
                poker.extend(self.poker(step, present))
            elif step.kind is StepKind.DISCUSS:
                self.discuss(step)
            elif step.kind is StepKind.ACTIONS:
                names = [p.display_name for p, _ in present]
                for what in self.rng.sample(STEP_ACTIONS, k=min(4, len(STEP_ACTIONS))):
                    self.add_action(what, self.rng.choice(names), step.key, step)
        teach = [s for s in self.steps if s.kind is StepKind.TEACH and s is not self.steps[0]]
        for text, step in zip(QUICK_NOTES, self.rng.sample(teach, k=min(len(QUICK_NOTES), len(teach))), strict=False):
            self.notes.append(RoomNote(self.new_id("n-", 8), step.key, text, self.at(step, 30), quick=True))
        self.notes.sort(key=lambda note: note.at)

        position = self.steps.index(self.current)
        before = self.steps[:position]
        skippable = [s for s in before[1:] if s.kind is StepKind.TEACH]
        skipped = self.rng.choice(skippable) if skippable else None
        timers = {
            s.key: StepTimer(elapsed=round(s.minutes * 60 * self.rng.uniform(0.8, 1.25), 1))
            for s in before
            if s is not skipped
        }
        timers[self.current.key] = StepTimer(elapsed=0.0, running_since=self.now - 4 * 60)
        answered = [s.key for s in before if s.kind in (StepKind.RATE, StepKind.QUESTION, StepKind.CHECK)]
        state = WorkshopState(
            step_key=self.current.key,
            done=tuple(s.key for s in before if s is not skipped),
            skipped=(skipped.key,) if skipped else (),
            timers=timers,
            day_started_at=self.day_start,
            day_utc_offset=utc_offset_minutes(self.day_start),  # as the console keeps it with a day's start
            revealed=tuple(answered),
            secret=(secret_step.key,) if secret_step else (),
            updated_at=self.now,
        )
        hash_ = content_hash(self.sources)
        info = WorkshopInfo(
            id="demo",  # replaced by a generated id on import
            name=WORKSHOP_NAME,
            organisation=ORGANISATION,
            date=datetime.fromtimestamp(self.day_start, tz=timezone.utc).date().isoformat(),
            agenda="full",
            anonymous=False,
            participants=roster,
            content_hash=hash_,
            created_at=iso(self.day_start - 30 * 60),
        )
        return WorkshopBundle(
            info=info,
            content=StoredContent(hash_, self.sources),
            state=state,
            room=RoomRecords(notes=tuple(self.notes), role_lines=tuple(role_lines), poker=tuple(poker), actions=tuple(self.actions)),
            answers=tuple(self.answers),
        )


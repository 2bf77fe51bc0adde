"""The new-workshop form: a modal that returns a checked :class:`NewWorkshop`, or None when cancelled.

Checking is a pure function of the typed fields (:func:`check_form`, on the rules of
:mod:`bootcamp.checks` that ``bootcamp new`` and the imports use too), so every rule is tested
without a terminal; the screen shows each message under its own field. A roster that lists a
name twice is allowed, after a warning under the field and a second Create. Given an
earlier workshop (``like``), the form is the next run of the test: filled in with that
workshop's organisation, roster, agenda and anonymity for the facilitator to check, named
"<its name> — run N" after the highest run of its line (``runs``: the library's workshops), and
recording the run it follows. Its date is asked, never assumed (the field starts empty), and may not
come before that run's. Enter moves from field to field, and creates from the date once people are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static, TextArea

from bootcamp.checks import (
    next_run_date_problem,
    roster_problems,
    roster_warnings,
    said_of_the_roster,
    workshop_problems,
)
from bootcamp.dates import far_date_warning, parse_date
from bootcamp.errors import UserError
from bootcamp.export.people_file import pasted_people
from bootcamp.limits import ORGANISATION, WORKSHOP_NAME
from bootcamp.store.model import WorkshopInfo
from bootcamp.store.roster import RosterError, format_roster, parse_roster
from bootcamp.summary.lineage import next_run_name
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.typed_text import SafeInput, SafeTextArea


@dataclass(frozen=True)
class NewWorkshop:
    name: str
    organisation: str
    date: str
    participants: tuple[tuple[str, str], ...]  # (name, role); names are "" in an anonymous workshop
    agenda: str
    anonymous: bool
    follows: str = ""  # the id of the run this one is made again from, or ""


@dataclass(frozen=True)
class CheckedForm:
    """The workshop to create (None while there are problems), the problems and the warnings by field name."""

    request: NewWorkshop | None
    problems: dict[str, str]
    warnings: dict[str, str]


def check_form(
    *,
    name: str,
    organisation: str,
    date: str,
    participants: str,
    agenda: str,
    anonymous: bool,
    follows: str = "",
    like: WorkshopInfo | None = None,
    today: str = "",
) -> CheckedForm:
    """The form checked field by field (``name``, ``organisation``, ``date``, ``participants``); ``like``: the run
    it follows, whose date it may not come before; ``today`` (YYYY-MM-DD): a date far beyond it is warned of."""
    problems: dict[str, str] = {}
    name, organisation = " ".join(name.split()), " ".join(organisation.split())
    for problem in workshop_problems(name, organisation):
        problems.setdefault(problem.field, problem.message)
    if not date.strip():
        problems["date"] = "the date is empty: type the day of this workshop as YYYY-MM-DD"
    else:
        try:
            date = parse_date(date, what="the date").isoformat()  # under the field labelled Date
        except UserError as error:
            problems["date"] = str(error)
        else:
            if like is not None and (too_early := next_run_date_problem(date, like)):
                problems["date"] = too_early
    people: tuple[tuple[str, str], ...] = ()
    try:
        people = parse_roster(participants, anonymous=anonymous)
    except RosterError as error:
        problems["participants"] = str(error)
    else:
        for problem in roster_problems(people, anonymous=anonymous):
            problems.setdefault("participants", said_of_the_roster(problem))
    warnings = {"participants": warning for warning in roster_warnings(people)[:1]}
    if "date" not in problems and today and (far := far_date_warning(date, today)):
        warnings["date"] = far
    if problems:
        return CheckedForm(None, problems, warnings)
    return CheckedForm(NewWorkshop(name, organisation, date, people, agenda, anonymous, follows), {}, warnings)


class PeopleField(SafeTextArea):
    """The form's people, one a line. A column pasted from a spreadsheet is one person a line as pasted: Excel copies
    "Smith, Ana" without quotes, which the field would read as two people, and rows with their header as cells
    apart by tabs (a Name, or First and Last Name, and a Role or Job Title column)."""

    async def _on_paste(self, event: events.Paste) -> None:
        people = pasted_people(event.text)
        if people is None or self.read_only:
            return  # TextArea's own paste, as typed
        event.prevent_default()
        event.stop()
        if result := self._replace_via_keyboard(people, *self.selection):
            self.move_cursor(result.end_location)
        count = people.count("\n")
        said = f"{count} people pasted, one a line"
        if "\t" not in event.text:
            pasted = [line.strip() for line in event.text.splitlines() if line.strip()]
            read = people.splitlines()
            as_read = zip(pasted[len(pasted) - len(read) :], read)  # past a Name heading above the column
            if flipped := next(((was, now) for was, now in as_read if "," in was and was != now), None):
                said += f"; names written surname first ({flipped[0]!r}) read as {flipped[1]!r}"
        self.notify(said, markup=False)


class NewWorkshopScreen(ModalScreen[NewWorkshop | None]):
    CSS_PATH = "new_workshop.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "create", "Create"),
    ]
    FIELDS = ("name", "organisation", "date", "participants")

    def __init__(
        self,
        *,
        today: float,
        agendas: list[tuple[str, str]],
        like: WorkshopInfo | None = None,
        like_held_on: str = "",
        runs: Sequence[WorkshopInfo] = (),
    ) -> None:
        super().__init__()
        self.today = Date.fromtimestamp(today).isoformat()
        self.agendas = agendas or [("full", "Full day")]
        self.like = like
        # As home dates it: "2026-09-21–22" for a run held over two days (its date alone says only the first)
        self.like_held_on = like_held_on or (like.date if like else "")
        self.runs = runs  # the library's workshops: where ``like`` stands in its line

    def compose(self) -> ComposeResult:
        like = self.like
        agenda = next((n for n, (agenda_id, _) in enumerate(self.agendas) if like and agenda_id == like.agenda), 0)
        with VerticalScroll(id="dialog"):
            if like is None:
                yield Static("New workshop", id="dialog-title")
            else:
                yield Static(
                    joined(("Run the test again", "bold"), ("  ·  like the run of ", "dim"), self.like_held_on),
                    id="dialog-title",
                )
            name, organisation = (next_run_name(self.runs, like), like.organisation) if like else ("", "")
            yield from self._row(
                "Name", SafeInput(
                    name,
                    id="name",
                    placeholder="e.g. CCO boot camp, spring",
                    compact=True,
                    max_length=WORKSHOP_NAME.chars,
                )
            )
            yield from self._row(
                "Organisation", SafeInput(
                    organisation,
                    id="organisation",
                    placeholder="who it is for",
                    compact=True,
                    max_length=ORGANISATION.chars,
                )
            )
            # The next run is another day: asked, with an example, never assumed to be today.
            day, example = ("", f"YYYY-MM-DD, e.g. {self.today}") if like else (self.today, "YYYY-MM-DD")
            yield from self._row("Date", SafeInput(day, id="date", placeholder=example, compact=True))
            yield from self._row(
                "Participants",
                PeopleField(
                    format_roster(like.participants, anonymous=like.anonymous) if like else "",
                    id="participants",
                    compact=True,
                    show_line_numbers=False,
                    soft_wrap=True,
                    placeholder="one per line or comma-separated;\nAna Ortiz (CEO) adds a role",
                ),
            )
            with Horizontal(classes="row"):
                yield Label("Agenda", classes="label")
                with RadioSet(id="agenda", compact=True):
                    for number, (_agenda_id, title) in enumerate(self.agendas):
                        yield RadioButton(title, value=number == agenda)
            anonymous = bool(like and like.anonymous)
            with Horizontal(classes="row"):
                yield Label("Names", classes="label")
                with RadioSet(id="anonymity", compact=True):
                    yield RadioButton("Named", value=not anonymous)
                    yield RadioButton("Anonymous (P1, P2 …)", value=anonymous)
            with Horizontal(id="buttons"):
                yield Button("Create", id="create", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _row(self, title: str, field: Input | TextArea) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(title, classes="label")
            with Vertical(classes="field"):
                yield field
                yield Static(id=f"{field.id}-problem", classes="problem")

    def on_mount(self) -> None:
        self._warned_for: tuple[str, str] | None = None  # the roster and date a warning was shown for
        self.query_one("#name", Input).focus()

    def _form(self) -> CheckedForm:
        agenda_set = self.query_one("#agenda", RadioSet)
        agenda_index = max(agenda_set.pressed_index, 0)
        return check_form(
            name=self.query_one("#name", Input).value,
            organisation=self.query_one("#organisation", Input).value,
            date=self.query_one("#date", Input).value,
            participants=self.query_one("#participants", TextArea).text,
            agenda=self.agendas[agenda_index][0],
            anonymous=self.query_one("#anonymity", RadioSet).pressed_index == 1,
            follows=self.like.id if self.like else "",
            like=self.like,
            today=self.today,
        )

    def action_create(self) -> None:
        checked = self._form()
        problems, warnings = checked.problems, checked.warnings
        warned_of = (self.query_one("#participants", TextArea).text, self.query_one("#date", Input).value)
        # A warning stops the first Create only: a second one, the roster and date unchanged, keeps them as they are.
        new_warning = bool(warnings) and warned_of != self._warned_for
        self._warned_for = warned_of if warnings else None
        for field in self.FIELDS:
            said = problems.get(field) or (warnings.get(field, "") + "; Create again to keep it" if field in warnings else "")
            problem = self.query_one(f"#{field}-problem", Static)
            problem.update(plain(said))
            problem.set_class(bool(said), "-shown")
            problem.set_class(field not in problems and field in warnings, "-warning")
            self.query_one(f"#{field}").set_class(field in problems, "-invalid")
        if checked.request is None or new_warning:
            first = next(field for field in self.FIELDS if field in problems or field in warnings)
            self.query_one(f"#{first}").focus()
            return
        self.dismiss(checked.request)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#create")
    def _create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, submitted: Input.Submitted) -> None:
        """Enter moves on to the next field; in the date, the last line to type, it creates once the people are
        there (the run-again form fills them in and leaves the date alone empty), as ctrl+s does."""
        people = self.query_one("#participants", TextArea).text
        if submitted.input.id == "date" and people.strip():
            self.action_create()
        else:
            self.focus_next()

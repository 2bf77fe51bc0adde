"""The actions view: every open action (open or doing) of every workshop, or of one organisation, in the
order to chase them (overdue first, then by due date, undated last), to mark done or dropped.

Reached from home (``f``, and the palette). It reads the library index in a thread worker and marks
an action as the workshop's short-lived owner (:mod:`bootcamp.library.follow_up`): refused, in one
sentence, while a console holds that workshop. While the room watches a workshop
(:func:`bootcamp.ui.wall.wall_organisation`) it shows only that organisation's actions until the
facilitator confirms otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from bootcamp.errors import UserError
from bootcamp.summary.action_days import days_late, late_said
from bootcamp.ui.text import joined, plain
from bootcamp.ui.wall import wall_organisation
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.key_bar import KeyBar
from bootcamp.ui.widgets.table import SteadyTable
from bootcamp.ui.widgets.workshop_list import TABLE_CHROME, Column, column_widths, shortened

if TYPE_CHECKING:
    from datetime import date

    from bootcamp.library import Library, OpenAction
    from bootcamp.store.model import Action
    from bootcamp.ui.app import BootcampApp

OVERDUE = "!"  # before an overdue date: its red alone was lost on the cursor's row, in grey and to colourblind eyes

COLUMNS = (
    Column("due", "Due", 11, 11),  # the date and a cell before it for OVERDUE
    Column("what", "What", 16, 60, weight=2.0),  # the detail below says the rest
    Column("owner", "Owner", 8, 24),
    Column("status", "Status", 6, 6),
    Column("workshop", "Workshop", 16, 44),  # at least "W… · 2026-09-21": the date tells two runs apart
)
TABLE_MARGIN = 2  # actions.tcss: the table's margin, one cell each side
TABLE_FRAME = 3  # the table's border and its header row
BESIDE_THE_TABLE = 15  # lines of the screen that are not the table: header, heading, detail, what was said, keys
WALL_CHECK_SECONDS = 1.0  # as home looks: a projector window may open or close while this is shown


def workshop_cell(name: str, day: str, width: int) -> str:
    """The workshop's name and date in ``width`` cells: the name is shortened, never the date, which tells two runs
    of one workshop apart (a CCO saw two "Northwind CCO boot camp,…" rows and could not tell which was which)."""
    dated = f" · {day}" if day else ""
    if len(dated) + 2 > width:
        return shortened(f"{name}{dated}", width)
    return f"{shortened(name, width - len(dated))}{dated}"


def _on_the_day(action: Action) -> str:
    """"2026-09-18, 18 days late", "2026-09-18": the day an action was just marked, and how late when it was."""
    late = late_said(days_late(action.status.value, action.status_at, action.due))
    return f"{action.status_at}, {late}" if late else action.status_at


def no_open_actions(organisation: str | None) -> str:
    """The heading when nothing is open: "of every organisation" reads wrong after "No"."""
    return f"No open actions of {organisation}" if organisation is not None else "No open actions in any workshop"


class ActionsScreen(LetsGoOfAppWatches, Screen[None]):
    CSS_PATH = "actions.tcss"
    HELP_TITLE = "Open actions"
    TITLE = "bootcamp"
    SUB_TITLE = "Open actions"

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the workshops"),
        Binding("d", "mark('done')", "Done", tooltip="Mark the highlighted action done, today"),
        Binding("x", "mark('dropped')", "Drop", tooltip="Mark the highlighted action dropped, today"),
        Binding("D", "mark_on('done')", "Done on…", tooltip="Mark the highlighted action done on the day it was done"),
        Binding(
            "X", "mark_on('dropped')", "Dropped on…", tooltip="Mark the highlighted action dropped on the day it was dropped"
        ),
        Binding(
            "o",
            "organisation",
            "Organisation",
            tooltip="Only the highlighted action's organisation, or every organisation again",
        ),
        Binding("r", "reload", "Reload", tooltip="Read the actions again"),
    ]

    class ActionsRead(Message):
        def __init__(self, actions: list[OpenAction], problems: list[str]) -> None:
            super().__init__()
            self.actions = actions
            self.problems = problems

    class Marked(Message):
        def __init__(self, item: OpenAction, action: Action) -> None:
            super().__init__()
            self.item = item
            self.action = action

    class Refused(Message):
        def __init__(self, why: str) -> None:
            super().__init__()
            self.why = why

    def __init__(self, *, organisation: str | None = None) -> None:
        super().__init__()
        self.chosen_organisation = organisation  # the facilitator's choice ("o"); the wall may narrow it
        self.wall: str | None = None
        self.all_actions: list[OpenAction] = []
        self.shown: list[OpenAction] = []
        self.problems: list[str] = []
        self._read = False
        self._library: Library | None = None

    @property
    def bootcamp(self) -> BootcampApp:
        return self.app  # type: ignore[return-value]

    @property
    def organisation(self) -> str | None:
        """The one organisation shown, or None for every one: the wall's while it applies."""
        return self.wall if self.wall is not None else self.chosen_organisation

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="actions-heading")
        yield Static(id="actions-wall")
        yield SteadyTable(id="actions-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="actions-detail")
        yield Static(id="actions-said")
        yield KeyBar()

    def on_mount(self) -> None:
        self.wall = wall_organisation(self.app)
        self.query_one("#actions-heading", Static).update(plain("Reading the actions…", "dim"))
        self.set_interval(WALL_CHECK_SECONDS, self.check_wall)
        self.read_actions()

    # -- workers --------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="actions")
    def read_actions(self) -> None:
        from bootcamp.clock import local_today
        from bootcamp.library import Library
        from bootcamp.library.open_actions import open_actions

        app = self.bootcamp
        if self._library is None:  # kept for the screen's life: it remembers the index as last read
            self._library = Library(app.store.data_dir, app.clock)
        try:
            listing = self._library.listing()  # one look at the folders for the actions and what could not be read
        except UserError as error:
            self.post_message(self.ActionsRead([], [str(error)]))
            return
        found = open_actions(listing.rows, local_today(app.clock))  # overdue first, by due date, undated last
        self.post_message(self.ActionsRead(found, list(listing.problems)))

    @work(thread=True, group="mark")
    def mark(self, item: OpenAction, status: str, day: date | None = None) -> None:
        """Mark ``item`` closed on ``day`` (today when not given)."""
        from bootcamp.clock import local_today
        from bootcamp.library.follow_up import mark_action
        from bootcamp.store.model import ActionStatus

        app = self.bootcamp
        try:
            on_day = day or local_today(app.clock)
            marked = mark_action(app.store, item.workshop_id, item.action.id, ActionStatus(status), on_day)
        except UserError as error:  # WorkshopBusy among them: who holds the workshop, in one sentence
            self.post_message(self.Refused(str(error)))
            return
        self.post_message(self.Marked(item, marked))

    # -- what the workers found -----------------------------------------------------------------------------

    @on(ActionsRead)
    def _actions_read(self, message: ActionsRead) -> None:
        self._read = True
        self.all_actions = message.actions
        self.problems = message.problems
        self._draw()

    @on(Marked)
    def _marked(self, message: Marked) -> None:
        action = message.action
        self._say(
            joined(
                (f"Marked {action.status.value} on {_on_the_day(action)}: ", "bold"),
                action.what,
                (f"  ({message.item.workshop_name})", "dim"),
            )
        )
        self.read_actions()

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        sentence = message.why[:1].upper() + message.why[1:]
        self._say(joined(("Not marked: ", "bold"), sentence.rstrip(".") + "."), error=True)

    def _say(self, text: object, *, error: bool = False) -> None:
        said = self.query_one("#actions-said", Static)
        said.update(text)
        said.set_class(error, "-error")

    # -- drawing --------------------------------------------------------------------------------------------

    def check_wall(self) -> None:
        wall = wall_organisation(self.app)
        if wall != self.wall:
            self.wall = wall
            if self._read:
                self._draw()

    def _draw(self, room: int | None = None) -> None:
        from bootcamp.clock import local_today
        from bootcamp.library.follow_up import overdue

        today = local_today(self.bootcamp.clock)
        organisation = self.organisation
        table = self.query_one(DataTable)
        before = self.selected
        self.shown = [item for item in self.all_actions if organisation is None or item.organisation == organisation]
        self._fill(table, today, room)
        if self.shown:
            row = next((n for n, item in enumerate(self.shown) if item == before), min(table.cursor_row, len(self.shown) - 1))
            table.move_cursor(row=max(row, 0))
            self._describe(self.shown[max(row, 0)])
            table.focus()
        else:
            self.query_one("#actions-detail", Static).update("")
        overdue_count = sum(overdue(item, today) for item in self.shown)
        whose = f"of {organisation}" if organisation is not None else "of every organisation"
        count = len(self.shown)
        heading = joined(
            (f"{count:,} open action{'' if count == 1 else 's'} {whose}" if count else no_open_actions(organisation), "bold"),
            (f" · {overdue_count} overdue ({OVERDUE} due before {today.isoformat()})" if overdue_count else "", "red"),
            ("\n" + "\n".join(self.problems) if self.problems else "", "red"),
        )
        self.query_one("#actions-heading", Static).update(heading)
        wall_line = self.query_one("#actions-wall", Static)
        wall_line.display = self.wall is not None
        if self.wall is not None:
            wall_line.update(
                joined(
                    f"Only {self.wall}: the room is watching. ",
                    (" o ", "reverse bold"),
                    " shows every organisation.",
                )
            )
        self.refresh_bindings()

    def _fill(self, table: DataTable, today: date, room: int | None = None) -> None:
        """The columns as wide as what they show (shared out on a narrow screen; the detail says it all), the rows."""
        from bootcamp.library.follow_up import overdue

        named = [self._workshop_named(item) for item in self.shown]
        cells = [
            (" ".join(item.action.what.split()), item.action.owner or "no owner", f"{name} · {item.held_on}")
            for item, name in zip(self.shown, named, strict=True)
        ]
        wanted = {
            "due": 11,
            "what": max((len(what) for what, _, _ in cells), default=0),
            "owner": max((len(owner) for _, owner, _ in cells), default=0),
            "status": 6,
            "workshop": max((len(workshop) for _, _, workshop in cells), default=0),
        }
        if room is None:
            room = self.size.width - TABLE_MARGIN - TABLE_CHROME
            self.call_after_refresh(self._fit_columns, room)
        widths = column_widths(wanted, room, COLUMNS)
        # As home's list: a table of more rows than fit takes the height the rest leaves (actions.tcss). Grown to its
        # rows, it pushed the detail (the organisation, the keys) below the screen, whose scrollbar then cut the dates.
        self.set_class(len(self.shown) + TABLE_FRAME + BESIDE_THE_TABLE > self.size.height, "-full")
        table.clear(columns=True)
        for column in COLUMNS:
            table.add_column(plain(column.label), key=column.key, width=widths[column.key])
        for item, name, (what, owner, _) in zip(self.shown, named, cells, strict=True):
            action, late = item.action, overdue(item, today)
            due = f"{OVERDUE if late else ' '}{action.due or 'no date'}"
            table.add_row(
                plain(due, "bold red" if late else "" if action.due else "dim"),
                plain(shortened(what, widths["what"])),
                plain(shortened(owner, widths["owner"]), "" if action.owner else "dim"),
                plain(action.status.value),
                plain(workshop_cell(name, item.held_on, widths["workshop"]), "dim"),
                key=f"{item.workshop_id}/{action.id}",
            )

    def _workshop_named(self, item: OpenAction) -> str:
        """The workshop as its row names it: with its organisation first while every organisation is listed, unless its
        name says it ("Customer leadership boot camp — run 2" for fifteen clients looked the same)."""
        if self.organisation is not None or item.organisation.casefold() in item.workshop_name.casefold():
            return item.workshop_name
        return f"{item.organisation} · {item.workshop_name}"

    def on_resize(self) -> None:
        if self._read:
            self._draw()

    def _fit_columns(self, room: int) -> None:
        """The columns again in the width the table was given, when that is less than reckoned: with more rows than fit
        the table came out two cells narrower than the screen's width said, and the last column lost the end of each
        workshop's date ('Customer… · 2024-12-1') behind a sideways scrollbar."""
        table = self.query_one(DataTable)
        given = table.scrollable_content_region.width
        if self._read and 0 < given < room and table.virtual_size.width > given:
            self._draw(given)

    @property
    def selected(self) -> OpenAction | None:
        row = self.query_one(DataTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _describe(self, item: OpenAction) -> None:
        action = item.action
        self.query_one("#actions-detail", Static).update(
            joined(
                (action.what, "bold"),
                "\n",
                (f"{item.organisation} · {item.workshop_name} · {item.held_on}", "dim"),
                "\n",
                ("owner: ", "dim"),
                action.owner or "nobody yet",
                ("   due: ", "dim"),
                action.due or "no date",
                ("\nd done today · D done on a given day · x dropped · X dropped on a day", "dim"),
            )
        )

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.shown):
            self._describe(self.shown[event.cursor_row])

    # -- actions --------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "mark_on"):
            return bool(self.shown)
        if action == "organisation":
            return bool(self.shown) or self.organisation is not None
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_mark(self, status: str) -> None:
        item = self.selected
        if item is not None:
            self.mark(item, status)

    def action_mark_on(self, status: str) -> None:
        """Ask which day first: the day a CCO catching up marks it is seldom the day it was done."""
        from bootcamp.clock import local_today
        from bootcamp.ui.screens.closed_on import ClosedOnScreen

        item = self.selected
        if item is None:
            return
        today = local_today(self.bootcamp.clock)
        asked = ClosedOnScreen(item.action.what, status, today=today, agreed_on=item.workshop_date)
        self.app.push_screen(asked, lambda day: self.mark(item, status, day) if day is not None else None)

    def action_organisation(self) -> None:
        if self.wall is not None:
            from bootcamp.ui.screens.wall_confirm import WallConfirmScreen

            self.app.push_screen(WallConfirmScreen(self.wall), self._wall_answered)
            return
        if self.chosen_organisation is not None:
            self.chosen_organisation = None
        elif (item := self.selected) is not None:
            self.chosen_organisation = item.organisation
        self._draw()

    def _wall_answered(self, lifted: bool | None) -> None:
        if lifted:
            self.chosen_organisation = None
        self.check_wall()

    def action_reload(self) -> None:
        self.read_actions()

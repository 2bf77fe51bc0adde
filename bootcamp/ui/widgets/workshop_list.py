"""The workshops in the data folder: a table (workshop, organisation, date, where each stopped, run), the
highlighted one in a few lines below it, what to press when there is none yet, and the folders
that could not be read.

It shows the rows it is given (:meth:`WorkshopList.show`), an organisation's runs together (newest
organisation first) and numbered along their lineage; choosing a row (enter, or a click on the
highlighted row) posts :class:`WorkshopList.Chosen` with the workshop's id. The columns are as wide as
what they show, shared out when the screen is narrower. The level of commitment is not a column: it
would need every workshop's answers scored, not what home reads.

While the room is watching (:func:`bootcamp.ui.wall.wall_organisation`) it shows only the organisation
on the wall, and says so in one line with the key that shows every organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from bootcamp.dates import days_span
from bootcamp.ui.text import joined, plain
from bootcamp.ui.wall import wall_organisation
from bootcamp.ui.widgets.table import SteadyTable

if TYPE_CHECKING:
    from bootcamp.store.model import WorkshopInfo

AGENDA_LABELS = {"full": "full day", "half": "half day"}
STILL_READING = "…"  # where a workshop stopped, until its state is read
# Shown quiet (the muted text's colour): nothing to see yet. "not started" is bootcamp.stopped.NOT_STARTED, not
# imported from there because that brings the flow and the store onto the way to the first frame.
QUIET_STOPS = (STILL_READING, "not started")
SHOW_EVERY_ORGANISATION_KEY = "o"  # HomeScreen binds it
ARCHIVE_KEY, SHOW_ARCHIVED_KEY = "e", "v"  # … and these: archive (or bring back) the highlighted one; show the archived
ARCHIVED = "archived"  # said before where an archived workshop stopped
# A table of a thousand rows costs Textual a measure of every cell before home can show it (100 rows: about 60 ms
# more than 30 before the first frame): the newest this
# many show at first, and a last row offers the next as many (search finds any workshop at once).
SHOWN_AT_A_TIME = 50
MORE_ROW_KEY = "\x00more"  # the key of that last row: no workshop id holds a control character
ROSTER_LINES = 3  # the highlighted workshop's people, at most: the rest are counted
DETAIL_WIDTH = 76  # the detail's width before it is laid out (80 columns less its margins)
WALL_CHECK_SECONDS = 1.0  # a projector window may close (or open) while home shows: as often as the console looks


@dataclass(frozen=True)
class WorkshopRow:
    """A workshop as the list shows it; ``stopped_at`` is where the room was when it was last open."""

    info: WorkshopInfo
    stopped_at: str
    archived: bool = False  # put away (e on home): listed only while the archived ones are shown (v)
    days: tuple[str, ...] = ()  # the dates a workshop run over more than one day met on, else none

    @property
    def held_on(self) -> str:
        """Its date, or its first and last day for a workshop of more than one: "2026-09-21–22"."""
        return days_span(self.info.date, self.days)


def shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Column:
    """A column of the list: its label, and how wide it may be drawn."""

    key: str
    label: str
    least: int  # never narrower: the label, or enough to tell rows apart
    most: int  # never wider, however long a value is
    weight: float = 1.0  # when cut to fit, a column of twice the weight keeps about twice the width


# What each column shows, in order (the first four where they always were: tests and readers count on them).
COLUMNS = (
    Column("name", "Workshop", 12, 40),
    Column("organisation", "Organisation", 12, 30),
    Column("date", "Date", 10, 21),  # a workshop of two days: "2026-09-21–22"
    Column("stopped", "Stopped at", 14, 60, weight=1.5),  # what home is read for; the detail says it in full
    Column("run", "Run", 5, 8),
)
CELL_PADDING = 2  # DataTable's cell padding, one cell each side
TABLE_BORDER = 2  # its round border, a cell each side
SCROLLBAR = 2  # the vertical scrollbar, when the rows are more than the table's height
TABLE_CHROME = TABLE_BORDER + SCROLLBAR
# Rows home gives the rest: the table's header, the detail (4 lines, more when its names wrap) and its margin, the
# notes above and below. A table that may not fit beside them takes what is left (1fr) and scrolls.
BESIDE_THE_TABLE = 10


def column_widths(wanted: dict[str, int], room: int, columns: Sequence[Column] = COLUMNS) -> dict[str, int]:
    """Each column as wide as its widest value (within its bounds); when they do not all fit in ``room``
    cells, the widest for its weight is cut first, a cell at a time, never below its least."""
    widths = {c.key: min(max(wanted.get(c.key, 0), c.least, len(c.label)), c.most) for c in columns}
    least = {c.key: max(c.least, len(c.label)) for c in columns}
    weight = {c.key: c.weight for c in columns}
    budget = room - CELL_PADDING * len(columns)
    while sum(widths.values()) > budget:
        widest = max((key for key in widths if widths[key] > least[key]), key=lambda key: widths[key] / weight[key], default=None)
        if widest is None:
            break  # narrower than every column's least: the table scrolls sideways
        widths[widest] -= 1
    return widths


def named_within(names: Sequence[str], room: int) -> str:
    """``names`` joined by commas, as many as fit in ``room`` characters with "and N more" for the rest."""
    everyone = ", ".join(names)
    if len(everyone) <= room:
        return everyone
    shown: list[str] = []
    for name in names:
        rest = f", and {len(names) - len(shown) - 1} more"
        if len(", ".join([*shown, name])) + len(rest) > room:
            break
        shown.append(name)
    return ", ".join(shown) + f", and {len(names) - len(shown)} more"


def describe(row: WorkshopRow, run: int = 1, width: int = DETAIL_WIDTH) -> Text:
    """The highlighted workshop in a few lines: who, when, where they stopped.

    The people take at most ``ROSTER_LINES`` lines of ``width``: forty names and roles took 22 lines, which
    pushed the highlighted row out of the list and the keys below off the screen.
    """
    info = row.info
    present = info.present
    if info.anonymous:
        people = "anonymous" + (f": P1 … P{len(present)}" if present else "")
    else:
        # A line wraps at a space, so the first holds a little less than its width: a long word is kept spare.
        room = max(ROSTER_LINES * width - 24, 40)
        people = (
            named_within([p.display_name + (f" ({p.role})" if p.role else "") for p in present], room)
            or "no participants yet"
        )
    count = f"{len(present)} participant{'s' if len(present) != 1 else ''}"
    return joined(
        (info.name, "bold"),
        "\n",
        (
            f"{info.organisation}{f' · run {run}' if run > 1 else ''} · {row.held_on} · {AGENDA_LABELS.get(info.agenda, info.agenda)} · {count}",
            "dim",
        ),
        "\n",
        people,
        "\n",
        ("where they stopped: ", "dim"),
        row.stopped_at,
        "   ",
        (
            f"enter opens it, a runs the test again, f lists the open actions, "
            f"{ARCHIVE_KEY} {'brings it back' if row.archived else 'archives it'}",
            "dim",
        ),
    )


class WorkshopList(Vertical):
    # The table's quiet words ("not started", a later run's organisation) were dim: blended into the cursor's blue
    # 3.8:1, 3.5:1 into the light theme's stripe. The muted text's colour keeps 4.5:1 on either stripe, and the
    # cursor's own colour replaces it on the highlighted row.
    COMPONENT_CLASSES = {"workshop-list--quiet"}
    DEFAULT_CSS = """
    WorkshopList {
        & > .workshop-list--quiet { color: $text-muted; }
        #workshop-table {
            height: auto;
            border: round $panel-lighten-2;
            border-title-color: $text-muted;
            border-subtitle-color: $text-muted;  /* Textual's was 1.1:1 in the light theme */
        }
        #empty {
            display: none;
            width: 1fr;
            height: auto;
            margin: 2 4;
            padding: 1 2;
            border: round $primary 50%;
            color: $text;
        }
        #workshop-detail {
            height: auto;
            margin: 1 0 0 0;
            padding: 0 1;
            border-left: thick $primary;  /* at half strength it was 2.3:1 in the light theme, 2.6:1 in the dark */
        }
        &.-full #workshop-table { height: 1fr; }  /* auto would push the detail, and its keys, off the screen */
        &.-empty {
            #workshop-table, #workshop-detail { display: none; }
            #empty { display: block; }
        }
        #wall-note {
            display: none;
            height: auto;
            padding: 0 1;
            color: $text-warning;
        }
        #listing-problems {
            display: none;
            margin: 1 0 0 0;
            color: $text-error;
        }
    }
    """

    class Chosen(Message):
        """The user chose a workshop to open."""

        def __init__(self, workshop_id: str) -> None:
            super().__init__()
            self.workshop_id = workshop_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[WorkshopRow] = []  # as shown: grouped, and only the wall's organisation while it applies
        self.missing: str | None = None  # the data folder is not there: said instead of "No workshops yet"
        self._creatable = False  # … and n creates it: the empty state offers both, checking the path or n
        self.wall: str | None = None  # the only organisation shown while the room watches, else None
        self._given: list[WorkshopRow] = []
        self._problems: list[str] = []
        self._runs: dict[str, int] = {}
        self._shown_at_most = SHOWN_AT_A_TIME
        self.show_archived = False  # v on home: the archived workshops listed too, marked so
        self.archived = 0  # how many of the workshops given are archived
        self.hidden = 0  # workshops of the list not shown yet, offered by the last row
        self.hidden_older = True  # … each dated no later than every one shown (else some are newer: not "older")

    def compose(self) -> ComposeResult:
        yield Static(id="wall-note")
        yield SteadyTable(id="workshop-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="workshop-detail")
        yield Static(id="empty")
        yield Static(id="listing-problems")

    def on_mount(self) -> None:
        self.query_one("#empty", Static).update(plain("Reading the workshops…", "dim"))
        self.set_interval(WALL_CHECK_SECONDS, self.check_wall)
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        if self._given:
            self._draw()  # the quiet words' colour is the theme's

    @property
    def selected(self) -> WorkshopRow | None:
        """The workshop under the cursor, if there is one."""
        row = self.query_one(DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @property
    def listed(self) -> int:
        """How many workshops the list was given (shown or not yet)."""
        return len(self._given)

    @property
    def still_reading(self) -> bool:
        """Whether some row does not say yet where its workshop stopped."""
        return any(row.stopped_at == STILL_READING for row in self._given)

    def run_of(self, row: WorkshopRow) -> int:
        return self._runs.get(row.info.id, 1)

    def show(
        self, rows: Sequence[WorkshopRow], problems: Sequence[str], *, missing: str | None = None, creatable: bool = False
    ) -> None:
        """These workshops, the cursor kept on the same workshop (else the same row number); the empty state
        when there are none.

        The data folder is named above the table and in the empty state; ``missing`` (the folder is not
        there, in one sentence) is said instead of "No workshops yet". ``creatable``: it is not there *yet*, and
        n creates it: check the path, or press n (a first run with a new folder reads right too).
        """
        self._given = list(rows)
        self._problems = list(problems)
        self.missing = missing
        self._creatable = creatable
        from bootcamp.library.runs import run_numbers  # the store is in by now (the list's worker read it)

        self._runs = run_numbers(row.info for row in rows)
        self.wall = wall_organisation(self.app)
        self._draw()

    def shows(self, rows: Sequence[WorkshopRow], problems: Sequence[str], missing: str | None, creatable: bool) -> bool:
        """Whether it was last given these workshops, problems and missing folder (and whether n creates it)."""
        given = (self._given, self._problems, self.missing, self._creatable)
        return (list(rows), list(problems), missing, creatable) == given

    def check_wall(self) -> None:
        """Draw again when the wall's organisation changed (a projector window opened or closed, a lift)."""
        wall = wall_organisation(self.app)
        if wall != self.wall:
            self.wall = wall
            self._draw()

    def on_resize(self) -> None:
        if self._given:
            self._draw()

    def _draw(self) -> None:
        table = self.query_one(SteadyTable)
        before = self.selected
        selected = table.cursor_row
        from bootcamp.library.runs import grouped_by_organisation

        given = [row for row in self._given if self.show_archived or not row.archived]
        self.archived = sum(row.archived for row in self._given)
        by_id = {row.info.id: row for row in given}
        shown = grouped_by_organisation([row.info for row in given])
        if self.wall is not None:
            shown = [info for info in shown if info.organisation == self.wall]
        every = [by_id[info.id] for info in shown]
        rows = self.rows = every[: self._shown_at_most]
        self.hidden = len(every) - len(rows)
        # Grouped by organisation, the rows past the cut are another client's too, some run last month.
        oldest_shown = min((row.info.date for row in rows), default="")
        self.hidden_older = all(row.info.date <= oldest_shown for row in every[len(rows) :])
        folder = self._folder_text()
        self._fill(table, rows)
        if rows:
            at = next((n for n, row in enumerate(rows) if before is not None and row.info.id == before.info.id), selected)
            row = min(max(at, 0), len(rows) - 1)
            table.move_cursor(row=row)
            detail = self.query_one("#workshop-detail", Static)
            detail.update(describe(rows[row], self.run_of(rows[row]), detail.content_region.width or DETAIL_WIDTH))
        self.set_class(not rows, "-empty")
        table.border_title = plain(f"in {folder}") if folder else None
        table.border_subtitle = plain(self._archived_text()) if self.archived else None
        wall_note = self.query_one("#wall-note", Static)
        wall_note.display = self.wall is not None
        if self.wall is not None:
            wall_note.update(
                joined(
                    f"Only {self.wall}: the room is watching. ",
                    (f" {SHOW_EVERY_ORGANISATION_KEY} ", "reverse bold"),
                    " shows every organisation.",
                )
            )
        if self.missing is not None:
            headline = joined((self.missing[:1].upper() + self.missing[1:] + ".\n\n", "bold"))
        elif self.archived and not rows:
            headline = joined((f"Every workshop is archived ({self.archived:,}).\n", "bold"), f"{SHOW_ARCHIVED_KEY} shows them.\n\n")
        else:
            headline = joined(("No workshops yet.\n", "bold"), (f"in {folder}\n\n" if folder else "\n", "dim"))
        if self.missing is not None and self._creatable:
            keys = joined(
                "Check the path, or press ",
                (" n ", "reverse bold"),
                " to create the first workshop there; ",
                (" d ", "reverse bold"),
                " opens a demo with a made-up room.",
            )
        else:
            keys = joined(
                "Press ",
                (" n ", "reverse bold"),
                " to prepare a new workshop, or ",
                (" d ", "reverse bold"),
                " to open a demo with a made-up room.",
            )
        self.query_one("#empty", Static).update(joined(headline, keys))
        listing_problems = self.query_one("#listing-problems", Static)
        listing_problems.update(plain("\n".join(self._problems)))
        listing_problems.display = bool(self._problems)
        if rows:
            table.focus()

    def _fill(self, table: SteadyTable, rows: Sequence[WorkshopRow]) -> None:
        """The columns as wide as what they show (shared out when the table is narrower), then the rows."""
        wanted = {
            "organisation": max((len(row.info.organisation) for row in rows), default=0),
            "name": max((len(row.info.name) for row in rows), default=0),
            "run": max((len(f"run {self.run_of(row)}") for row in rows), default=0),
            "date": max((len(row.held_on) for row in rows), default=10),
            "stopped": max((len(row.stopped_at) + (len(ARCHIVED) + 3 if row.archived else 0) for row in rows), default=0),
        }
        width = self.content_size.width or self.app.size.width
        scrolls = len(rows) + (1 if self.hidden else 0) + TABLE_BORDER + BESIDE_THE_TABLE > (self.content_size.height or self.app.size.height)
        self.set_class(scrolls, "-full")
        widths = column_widths(wanted, width - TABLE_BORDER - (SCROLLBAR if scrolls else 0))
        table.clear(columns=True)
        for column in COLUMNS:
            # A Text label: a str one goes through Rich's markup, whose emoji table was the slowest import
            # on the way to home's first frame.
            table.add_column(plain(column.label), key=column.key, width=widths[column.key])
        organisation = None
        dim = self.quiet
        for row in rows:
            info = row.info
            repeated = info.organisation == organisation  # a later run of the organisation above: dim
            organisation = info.organisation
            table.add_row(
                plain(shortened(info.name, widths["name"]), "bold"),
                plain(shortened(info.organisation, widths["organisation"]), dim if repeated else ""),
                plain(row.held_on),
                plain(shortened(f"{ARCHIVED} · {row.stopped_at}", widths["stopped"]), dim)
                if row.archived
                else plain(shortened(row.stopped_at, widths["stopped"]), dim if row.stopped_at in QUIET_STOPS else ""),
                plain(f"run {self.run_of(row)}"),
                key=info.id,
            )
        if self.hidden:
            more = min(self.hidden, SHOWN_AT_A_TIME)
            table.add_row(
                plain(f"{self.hidden:,} {self._hidden_word}…", "italic"),
                plain(f"enter shows {more:,} more", dim),
                plain(""),
                plain("/ searches them all", dim),
                plain(""),
                key=MORE_ROW_KEY,
            )
        table.measure_now()

    @property
    def quiet(self) -> str:
        """The style of the table's quiet words: the theme's muted text colour."""
        colour = self.get_component_rich_style("workshop-list--quiet").color
        return colour.name if colour is not None else "dim"

    def _archived_text(self) -> str:
        if self.show_archived:
            return f"{self.archived:,} archived shown · {SHOW_ARCHIVED_KEY} hides them"
        return f"{self.archived:,} archived · {SHOW_ARCHIVED_KEY} shows them"

    def toggle_archived(self) -> None:
        """Show the archived workshops too, or hide them again."""
        self.show_archived = not self.show_archived
        self._draw()

    @property
    def every_row(self) -> list[WorkshopRow]:
        """Every workshop given, archived or not (a next run is numbered among them all)."""
        return list(self._given)

    @property
    def _hidden_word(self) -> str:
        return "older" if self.hidden_older else "more"

    def _folder_text(self) -> str:
        """The data folder as shown, and how it was chosen; empty outside the bootcamp app (a bare test)."""
        from bootcamp.locations import shown

        folder = getattr(self.app, "data_folder", None)
        return f"{shown(folder.path)} ({folder.how_chosen})" if folder is not None else ""

    def show_more(self) -> None:
        """The next older workshops below those shown, the cursor on the first of them."""
        first_new = len(self.rows)
        self._shown_at_most += SHOWN_AT_A_TIME
        self._draw()
        self.query_one(DataTable).move_cursor(row=min(first_new, len(self.rows) - 1))

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.cursor_row == len(self.rows) and self.hidden:
            self.query_one("#workshop-detail", Static).update(
                joined((f"{self.hidden:,} {self._hidden_word} workshops are not listed yet", "bold"), "\n", ("enter lists the next ones; / searches every workshop", "dim"))
            )
        elif 0 <= event.cursor_row < len(self.rows):
            detail = self.query_one("#workshop-detail", Static)
            row = self.rows[event.cursor_row]
            detail.update(describe(row, self.run_of(row), detail.content_region.width or DETAIL_WIDTH))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value == MORE_ROW_KEY:
            self.show_more()
        elif event.row_key.value:
            self.post_message(self.Chosen(event.row_key.value))

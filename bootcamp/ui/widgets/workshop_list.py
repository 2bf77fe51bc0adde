"""The workshops in the data folder: a table (name, organisation, date, where each stopped), the
highlighted one in a few lines below it, what to press when there is none yet, and the folders
that could not be read.

It shows the rows it is given (:meth:`WorkshopList.show`); choosing a row (enter, or a click on
the highlighted row) posts :class:`WorkshopList.Chosen` with the workshop's id.
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

from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.table import SteadyTable

if TYPE_CHECKING:
    from bootcamp.store.model import WorkshopInfo

AGENDA_LABELS = {"full": "full day", "half": "half day"}
STILL_READING = "…"  # where a workshop stopped, until its state is read
# Shown dim: nothing to see yet. "not started" is bootcamp.stopped.NOT_STARTED, not imported from
# there because that brings the flow and the store onto the way to the first frame.
QUIET_STOPS = (STILL_READING, "not started")


@dataclass(frozen=True)
class WorkshopRow:
    """A workshop as the list shows it; ``stopped_at`` is where the room was when it was last open."""

    info: WorkshopInfo
    stopped_at: str


def shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def describe(row: WorkshopRow) -> Text:
    """The highlighted workshop in a few lines: who, when, where they stopped."""
    info = row.info
    present = info.present
    if info.anonymous:
        people = "anonymous" + (f": P1 … P{len(present)}" if present else "")
    else:
        people = (
            ", ".join(p.display_name + (f" ({p.role})" if p.role else "") for p in present) or "no participants yet"
        )
    count = f"{len(present)} participant{'s' if len(present) != 1 else ''}"
    return joined(
        (info.name, "bold"),
        "\n",
        (f"{info.organisation} · {info.date} · {AGENDA_LABELS.get(info.agenda, info.agenda)} · {count}", "dim"),
        "\n",
        people,
        "\n",
        ("where they stopped: ", "dim"),
        row.stopped_at,
        ("   enter opens it, a runs the test again", "dim"),
    )


class WorkshopList(Vertical):
    DEFAULT_CSS = """
    WorkshopList {
        #workshop-table {
            height: auto;
            max-height: 1fr;
            border: round $panel-lighten-2;
            border-title-color: $text-muted;
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
            border-left: thick $primary 50%;
        }
        &.-empty {
            #workshop-table, #workshop-detail { display: none; }
            #empty { display: block; }
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
        self.rows: list[WorkshopRow] = []
        self.missing: str | None = None  # the data folder is not there: said instead of "No workshops yet"

    def compose(self) -> ComposeResult:
        yield SteadyTable(id="workshop-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="workshop-detail")
        yield Static(id="empty")
        yield Static(id="listing-problems")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Four columns fit 80 cells; who is coming and the agenda are in the detail below the table.
        # Labels as Text: a str label goes through Rich's markup, whose emoji table (rich._emoji_codes,
        # 3–10 ms to import) was the slowest import on the way to home's first frame.
        table.add_column(plain("Workshop"), key="name")
        table.add_column(plain("Organisation"), key="organisation")
        table.add_column(plain("Date"), key="date")
        table.add_column(plain("Where they stopped"), key="stopped")
        self.query_one("#empty", Static).update(plain("Reading the workshops…", "dim"))

    @property
    def selected(self) -> WorkshopRow | None:
        """The workshop under the cursor, if there is one."""
        row = self.query_one(DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @property
    def still_reading(self) -> bool:
        """Whether some row does not say yet where its workshop stopped."""
        return any(row.stopped_at == STILL_READING for row in self.rows)

    def show(self, rows: Sequence[WorkshopRow], problems: Sequence[str], *, missing: str | None = None) -> None:
        """These workshops, the cursor kept on the same row number; the empty state when there are none.

        The data folder is named above the table and in the empty state; ``missing`` (the folder is not
        there, in one sentence) is said instead of "No workshops yet".
        """
        self.rows = list(rows)
        self.missing = missing
        folder = self._folder_text()
        table = self.query_one(DataTable)
        selected = table.cursor_row
        table.clear()
        for row in rows:
            info = row.info
            table.add_row(
                plain(shortened(info.name, 28), "bold"),
                plain(shortened(info.organisation, 24)),
                plain(info.date),
                plain(shortened(row.stopped_at, 30), "dim" if row.stopped_at in QUIET_STOPS else ""),
                key=info.id,
            )
        if rows:
            row = min(max(selected, 0), len(rows) - 1)
            table.move_cursor(row=row)
            self.query_one("#workshop-detail", Static).update(describe(rows[row]))
        self.set_class(not rows, "-empty")
        table.border_title = plain(f"in {folder}") if folder else None
        if missing is not None:
            headline = joined((missing[:1].upper() + missing[1:] + ".\n\n", "bold"))
        else:
            headline = joined(("No workshops yet.\n", "bold"), (f"in {folder}\n\n" if folder else "\n", "dim"))
        self.query_one("#empty", Static).update(
            joined(
                headline,
                "Press ",
                (" n ", "reverse bold"),
                " to prepare a new workshop, or ",
                (" d ", "reverse bold"),
                " to open a demo with a made-up room.",
            )
        )
        listing_problems = self.query_one("#listing-problems", Static)
        listing_problems.update(plain("\n".join(problems)))
        listing_problems.display = bool(problems)
        if rows:
            table.focus()

    def _folder_text(self) -> str:
        """The data folder as shown, and how it was chosen; empty outside the bootcamp app (a bare test)."""
        from bootcamp.locations import shown

        folder = getattr(self.app, "data_folder", None)
        return f"{shown(folder.path)} ({folder.how_chosen})" if folder is not None else ""

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.rows):
            self.query_one("#workshop-detail", Static).update(describe(self.rows[event.cursor_row]))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.Chosen(event.row_key.value))

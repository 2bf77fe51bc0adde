"""Search every workshop: a query field and the hits (workshop, step, the matching words); Enter reviews one.

What is typed is searched a moment after the typing pauses (:data:`DEBOUNCE_SECONDS`), in a thread worker
that posts what it found (STYLE.md: workers never touch widgets); a newer query cancels an older one and a
late answer to an older query is dropped, so typing fast never waits for a search nor loses a key.

While a room sees the app (presenting, or a projector window following), only the organisation on the wall
is searched, as the screen says; a key asks before every organisation's workshops are listed.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from bootcamp.errors import UserError
from bootcamp.library.model import ORGANISATION, PARTICIPANT, STEP, WORKSHOP
from bootcamp.ui.search_results import EXCERPT_WIDTH, FoundHit, WorkshopSearch, excerpt
from bootcamp.ui.text import joined, plain
from bootcamp.ui.wall import wall_organisation, watched_organisation
from bootcamp.ui.watches import LetsGoOfAppWatches
from bootcamp.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from bootcamp.ui.app import BootcampApp

DEBOUNCE_SECONDS = 0.25  # a pause in typing this long searches; keys typed faster only restart the wait
WHERE_SHOWN = {  # the library's "where", as the results say it (the others read well as they are: "room note" …)
    WORKSHOP: "the workshop's name",
    ORGANISATION: "the organisation",
    PARTICIPANT: "a participant",
    STEP: "the step's title",
}


def hit_text(found: FoundHit, width: int = EXCERPT_WIDTH) -> Text:
    """A result's lines: the workshop, where in it, and the matched text with the match highlighted, its excerpt
    ``width`` characters at most. A hit on a step's title is its place line: the title, highlighted, shown once."""
    hit = found.hit
    where = WHERE_SHOWN.get(hit.where, hit.where)
    lines = [
        joined(
            (hit.workshop_name, "bold"),
            ("  ·  ", "dim"),
            hit.organisation,
            ("  ·  ", "dim"),
            hit.held_on,
            ("  ·  archived" if hit.archived else "", "dim"),
        )
    ]
    if hit.where == STEP:
        title = excerpt(hit.text, hit.spans, width)
        title.stylize("bold")
        lines.append(joined(("  ", ""), title, ("  ·  ", "dim"), (where, "italic")))
    else:
        if found.step_title:
            place = joined((found.step_title, "bold"), ("  ·  ", "dim"), (where, "italic"))
        else:
            place = joined((where, "italic"))
        lines += [joined(("  ", ""), place), joined(("  ", ""), excerpt(hit.text, hit.spans, width))]
    return Text("\n", end="").join(lines)


class SearchScreen(LetsGoOfAppWatches, Screen[None]):
    CSS_PATH = "search.tcss"
    HELP_TITLE = "Search"
    TITLE = "bootcamp"
    SUB_TITLE = "Search every workshop"

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the workshops"),
        Binding("down", "to_results", "Results", show=False, tooltip="From the query to the results"),
        Binding("slash", "to_query", "Query", key_display="/", show=False, tooltip="Back to the query"),
        Binding(
            "ctrl+o",
            "show_all",
            "All organisations",
            tooltip="Search every organisation's workshops (asks first while a room sees the app)",
        ),
    ]

    class Searched(Message):
        """A search finished: what was searched, and what it found (or why it could not search)."""

        def __init__(self, query: str, found: list[FoundHit], problem: str = "") -> None:
            super().__init__()
            self.query = query
            self.found, self.found_for = found, query
            self.problem = problem

    def __init__(self) -> None:
        super().__init__()
        self.found: list[FoundHit] = []
        self.found_for = ""  # the query whose results are shown
        self._open_when_found: str | None = None  # Enter came before this query's results: review its first
        self.searches = 0  # finished searches shown, for tests
        self._waiting: Timer | None = None
        self._search: WorkshopSearch | None = None  # one for the screen's life (it keeps the library's index)

    @property
    def bootcamp(self) -> BootcampApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search names, steps, notes, comments, role lines, actions…", id="query")
        yield Static(id="search-scope")
        yield OptionList(id="results")
        yield Static(id="search-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self._search = WorkshopSearch(self.bootcamp.store, self.bootcamp.clock)
        self.warm_up()
        self._show_scope()
        self._show_hint("Type to search every workshop; Enter on a result reviews it (read only).")
        self.query_one("#query", Input).focus()

    # -- what is searched --------------------------------------------------------------------------------

    @property
    def organisation(self) -> str | None:
        """Only this organisation's workshops are searched (the one on the wall), unless showing all was confirmed."""
        return wall_organisation(self.bootcamp)

    def _show_scope(self) -> None:
        scope = self.query_one("#search-scope", Static)
        organisation = self.organisation
        scope.display = organisation is not None
        self.refresh_bindings()  # ctrl+o only while there is a wall to ask about
        if organisation is not None:
            scope.update(
                joined(
                    ("Only ", "bold"),
                    (organisation, "bold"),
                    ": the room is watching.  ",
                    ("ctrl+o", "reverse bold"),
                    "  shows all",
                )
            )

    @on(Input.Changed, "#query")
    def _typed(self, _changed: Input.Changed) -> None:
        if self._waiting is not None:
            self._waiting.stop()
        self._waiting = self.set_timer(DEBOUNCE_SECONDS, self._search_now)

    @on(Input.Submitted, "#query")
    def _submitted(self, submitted: Input.Submitted) -> None:
        """Enter in the field reviews the first result, as in any search box (↓ goes to the others); pressed before
        the search ends, it reviews the first result of what was typed once found."""
        query = submitted.value.strip()
        if self._waiting is None and query == self.found_for:
            self._review_first()
            return
        self._open_when_found = query
        self._search_now()  # no need to wait for the pause

    def _search_now(self) -> None:
        if self._waiting is not None:
            self._waiting.stop()
            self._waiting = None
        query = self.query_one("#query", Input).value.strip()
        self._show_scope()  # a projector window may have started or stopped following since
        if query != self._open_when_found:
            self._open_when_found = None  # typed on after Enter: that Enter was for the query before
        if not query:
            self.workers.cancel_group(self, "search")
            self._show([], "")
            return
        # The room is watching (presenting, or a projector window following): the facilitator's quick notes stay off
        # the wall here as everywhere else, also once every organisation may be shown
        self.search(query, self.organisation, quick_notes=watched_organisation(self.app) is None)

    @work(thread=True, exclusive=True, group="warm")
    def warm_up(self) -> None:
        """The library readied as the screen opens: the first key typed then searches as fast as the next."""
        assert self._search is not None
        with contextlib.suppress(UserError):  # the search itself says what is wrong, when one is typed
            self._search.warm()

    @work(thread=True, exclusive=True, group="search")
    def search(self, query: str, organisation: str | None, *, quick_notes: bool = True) -> None:
        assert self._search is not None
        try:
            found = self._search.find(query, organisation=organisation, quick_notes=quick_notes)
        except UserError as error:
            if not get_current_worker().is_cancelled:
                self.post_message(self.Searched(query, [], str(error)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Searched(query, found))

    @on(Searched)
    def _searched(self, message: Searched) -> None:
        if message.query != self.query_one("#query", Input).value.strip():
            return  # an older query's answer: the newer one is on its way
        self.searches += 1
        self._show(message.found, message.query, message.problem)
        if self._open_when_found == message.query:
            self._review_first()

    def _show(self, found: list[FoundHit], query: str, problem: str = "") -> None:
        self.found, self.found_for = found, query
        results = self.query_one("#results", OptionList)
        results.clear_options()
        options: list[Option | None] = []
        # the excerpt takes the list's width (less its indent and padding), never less than the 80-column layout's
        width = max(EXCERPT_WIDTH, results.scrollable_content_region.width - 6)
        for number, hit in enumerate(found):
            if number:
                options.append(None)  # a rule between results: each is three lines
            options.append(Option(hit_text(hit, width), id=str(number)))
        results.add_options(options)
        if found:
            results.highlighted = 0  # what Enter in the field reviews
        if problem:
            self._show_hint(f"Could not search: {problem}")
        elif not query:
            self._show_hint("Type to search every workshop; Enter on a result reviews it (read only).")
        elif not found:
            self._show_hint(f"Nothing found for “{query}”.")
        else:
            count = f"{len(found)} result" + ("" if len(found) == 1 else "s")
            self._show_hint(f"{count} for “{query}” · Enter reviews the first, ↓ the others (read only)")

    def _show_hint(self, text: str) -> None:
        self.query_one("#search-hint", Static).update(plain(text))

    # -- opening a result --------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, chosen: OptionList.OptionSelected) -> None:
        self.review(self.found[int(chosen.option.id or 0)])

    def _review_first(self) -> None:
        self._open_when_found = None
        if self.found:
            self.review(self.found[0])

    def review(self, found: FoundHit) -> None:
        """Open the hit's workshop at its step, read only (a review never writes, nor takes the workshop)."""
        from bootcamp.ui.screens.review import open_review

        open_review(self.bootcamp, found.hit.workshop_id, found.hit.step_key)

    # -- actions -----------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_to_results(self) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_to_query(self) -> None:
        self.query_one("#query", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_all":
            return wall_organisation(self.bootcamp) is not None
        if action == "to_results":
            return self.focused is self.query_one("#query", Input)
        if action == "to_query":
            return self.focused is not self.query_one("#query", Input)
        return True

    def action_show_all(self) -> None:
        organisation = wall_organisation(self.bootcamp)
        if organisation is not None:  # a yes lifts the wall's rule until the wall is free (bootcamp.ui.wall keeps it)
            from bootcamp.ui.screens.wall_confirm import WallConfirmScreen

            self.app.push_screen(WallConfirmScreen(organisation), self._all_confirmed)

    def _all_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            self._show_scope()
            self.refresh_bindings()
            self._search_now()

"""The workshop list on its own: rows, the highlighted workshop, choosing one, the empty state and problems."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static
from ui_helpers import new_workshop, screen_text

from bootcamp.content import Program
from bootcamp.store import Store
from bootcamp.store.model import WorkshopInfo
from bootcamp.ui.widgets.workshop_list import STILL_READING, WorkshopList, WorkshopRow

SIZE = (80, 24)


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[Message] = []  # what bubbled up past the widget

    def compose(self) -> ComposeResult:
        yield WorkshopList(id="workshops")

    @on(WorkshopList.Chosen)
    @on(DataTable.RowSelected)
    @on(DataTable.RowHighlighted)
    def _heard(self, message: Message) -> None:
        self.heard.append(message)


def two_workshops(store: Store, program: Program) -> list[WorkshopInfo]:
    """A full day and a half day; what a list worker would read from the store."""
    return [
        new_workshop(store, program, name="Spring boot camp"),
        new_workshop(store, program, name="Autumn boot camp", agenda="half"),
    ]


def cells(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def test_rows_show_each_workshop_and_the_highlighted_one_in_detail(
    store: Store, fixture_program: Program
) -> None:
    first, second = two_workshops(store, fixture_program)
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([WorkshopRow(first, "not started"), WorkshopRow(second, "Welcome (1/7)")], [])
        await pilot.pause()
        table = workshops.query_one(DataTable)
        assert cells(table, 0) == [first.name, "Northwind Insurance", "2026-09-21", "not started", "run 1"]
        assert cells(table, 1) == [second.name, "Northwind Insurance", "2026-09-21", "Welcome (1/7)", "run 1"]
        assert app.focused is table and workshops.selected == WorkshopRow(first, "not started")
        detail = str(workshops.query_one("#workshop-detail", Static).render())
        assert detail.startswith(f"{first.name}\nNorthwind Insurance · 2026-09-21 · full day · 3 participants\n")

        await pilot.press("down")
        assert workshops.selected == WorkshopRow(second, "Welcome (1/7)")
        detail = str(workshops.query_one("#workshop-detail", Static).render())
        assert detail.startswith(f"{second.name}\nNorthwind Insurance · 2026-09-21 · half day")
        assert "where they stopped: Welcome (1/7)" in detail
        assert not workshops.has_class("-empty")


async def test_enter_on_a_row_posts_chosen_with_its_id(store: Store, fixture_program: Program) -> None:
    first, second = two_workshops(store, fixture_program)
    messages: list[Message] = []
    app = ListApp()
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([WorkshopRow(first, "finished"), WorkshopRow(second, "finished")], [])
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    chosen = {id(m): m.workshop_id for m in messages if isinstance(m, WorkshopList.Chosen)}
    assert list(chosen.values()) == [second.id]
    # The table's own messages stop at the widget: what reaches the screen (here the app) is Chosen.
    assert [type(m) for m in app.heard] == [WorkshopList.Chosen]


async def test_a_second_show_keeps_the_cursor_on_its_row_and_fills_in_where_each_stopped(
    store: Store, fixture_program: Program
) -> None:
    first, second = two_workshops(store, fixture_program)
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([WorkshopRow(first, STILL_READING), WorkshopRow(second, STILL_READING)], [])
        await pilot.pause()
        assert workshops.still_reading
        table = workshops.query_one(DataTable)
        assert table.get_cell_at((0, 3)).style == workshops.quiet  # nothing to read yet
        await pilot.press("down")

        workshops.show([WorkshopRow(first, "finished"), WorkshopRow(second, "Break (5/7)")], [])
        await pilot.pause()
        assert not workshops.still_reading
        assert table.cursor_row == 1 and workshops.selected == WorkshopRow(second, "Break (5/7)")
        assert [cells(table, row)[3:] for row in (0, 1)] == [["finished", "run 1"], ["Break (5/7)", "run 1"]]
        assert table.get_cell_at((0, 3)).style == ""

        workshops.show([WorkshopRow(first, "finished")], [])  # one fewer: the cursor stays on the list
        await pilot.pause()
        assert table.cursor_row == 0 and workshops.selected == WorkshopRow(first, "finished")


async def test_problems_show_under_the_list_as_typed(store: Store, fixture_program: Program) -> None:
    [first, _] = two_workshops(store, fixture_program)
    problem = "/data/workshops/[b]odd[/b] is not a workshop folder (no workshop.json)"
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([WorkshopRow(first, "cannot read: state.json is not JSON")], [problem])
        await pilot.pause()
        problems = workshops.query_one("#listing-problems", Static)
        assert problems.display and str(problems.render()) == problem  # markup shown, not applied
        assert "cannot read: state.json is not JSON" in screen_text(app)
        assert isinstance(workshops.query_one(DataTable).get_cell_at((0, 3)), Text)

        workshops.show([WorkshopRow(first, "finished")], [])
        await pilot.pause()
        assert not problems.display


async def test_no_workshops_says_what_to_press_and_chooses_nothing() -> None:
    messages: list[Message] = []
    app = ListApp()
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([], [])
        await pilot.pause()
        assert workshops.has_class("-empty") and workshops.selected is None
        text = screen_text(app)
        assert "No workshops yet." in text and "Press  n  to prepare a new workshop" in text
        assert not workshops.query_one(DataTable).display
        await pilot.press("enter")
        await pilot.pause()
    assert not any(isinstance(m, WorkshopList.Chosen) for m in messages)


# -- the columns fit what they show; an organisation's runs together --------------------------------------------


async def test_at_120_columns_where_they_stopped_is_shown_whole(make_app, store: Store) -> None:
    """Reported: home's "where they stopped" column was cut even at 120 columns (the shipped content's long titles)."""
    from test_home import open_home
    from ui_helpers import SHIPPED_CONTENT

    from bootcamp.content import read_sources
    from bootcamp.store.model import StepTimer, WorkshopState

    info = store.create_workshop(
        name="Autumn boot camp",
        organisation="Northwind Insurance",
        date="2026-09-21",
        participants=[("Ana Ortiz", "CEO")],
        sources=read_sources(SHIPPED_CONTENT),
    )
    step = "role/pulled-into-tactics"
    store.open(info.id).save_state(WorkshopState(step_key=step, timers={step: StepTimer(elapsed=60)}))
    app = make_app(content_dir=SHIPPED_CONTENT)
    async with app.run_test(size=(120, 40)) as pilot:
        home = await open_home(pilot)
        table = home.query_one(DataTable)
        await wait_until_stopped(pilot, home)
        row = cells(table, 0)
        assert row[0] == "Autumn boot camp" and row[1] == "Northwind Insurance"
        assert row[3].startswith("Six requirements that pull the role into tactics (") and "…" not in row[3]
        assert row[4] == "run 1"
        line = next(line for line in screen_text(app).splitlines() if "Autumn boot camp" in line)
        assert "Six requirements that pull the role into tactics (" in line and "…" not in line
        assert not table.show_horizontal_scrollbar


async def wait_until_stopped(pilot, home) -> None:
    from ui_helpers import wait_until

    await wait_until(pilot, lambda: home.rows and not home.workshop_list.still_reading, "where each stopped")
    await pilot.pause()


async def test_an_organisations_runs_are_listed_together_and_numbered(store: Store, fixture_program: Program) -> None:
    def made(name: str, organisation: str, date: str, follows: str = "") -> WorkshopInfo:
        return store.create_workshop(
            name=name, organisation=organisation, date=date, participants=[("Ana Ortiz", "")],
            sources=fixture_program.sources, follows=follows,
        )

    first = made("Spring boot camp", "Northwind Insurance", "2026-03-01")
    globex = made("Globex boot camp", "Globex", "2026-06-01")
    second = made("Spring boot camp — run 2", "Northwind Insurance", "2026-09-01", follows=first.id)
    third = made("Spring boot camp — run 3", "Northwind Insurance", "2026-12-01", follows=second.id)
    app = ListApp()
    async with app.run_test(size=(120, 40)) as pilot:
        workshops = app.query_one(WorkshopList)
        # In the store's order (newest first): Globex's run falls between Northwind's.
        workshops.show([WorkshopRow(info, "finished") for info in (third, second, globex, first)], [])
        await pilot.pause()
        table = workshops.query_one(DataTable)
        assert [cells(table, row)[0] for row in range(4)] == [third.name, second.name, first.name, globex.name]
        assert [cells(table, row)[4] for row in range(4)] == ["run 3", "run 2", "run 1", "run 1"]
        assert table.get_cell_at((1, 1)).style == workshops.quiet and table.get_cell_at((3, 1)).style == ""  # repeats quiet
        await pilot.press("down")
        assert workshops.selected == WorkshopRow(second, "finished")
        detail = str(workshops.query_one("#workshop-detail", Static).render())
        assert detail.startswith(f"{second.name}\nNorthwind Insurance · run 2 · 2026-09-01")


async def test_at_80_columns_the_columns_share_the_width_and_nothing_scrolls_sideways(
    store: Store, fixture_program: Program
) -> None:
    info = store.create_workshop(
        name="A workshop with a rather long name indeed", organisation="An organisation with a long name too",
        date="2026-09-21", participants=[("Ana Ortiz", "")], sources=fixture_program.sources,
    )
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([WorkshopRow(info, "Six requirements that pull the role into tactics (40/52)")], [])
        await pilot.pause()
        table = workshops.query_one(DataTable)
        assert sum(column.width + 2 for column in table.columns.values()) <= SIZE[0] - 2
        assert not table.show_horizontal_scrollbar
        row = cells(table, 0)
        assert row[3].startswith("Six requirements") and row[3].endswith("…") and row[4] == "run 1"


async def test_a_long_library_lists_the_newest_and_offers_the_older_ones_a_page_at_a_time(
    store: Store, fixture_program: Program
) -> None:
    import dataclasses

    from bootcamp.ui.widgets.workshop_list import SHOWN_AT_A_TIME

    one = new_workshop(store, fixture_program, name="Spring boot camp")
    count = 2 * SHOWN_AT_A_TIME + 30
    given = [
        WorkshopRow(dataclasses.replace(one, id=f"w{n:04d}", name=f"Run {n}", date=f"20{10 + n % 80:02d}-01-01"), "not started")
        for n in range(count)
    ]
    app = ListApp()
    async with app.run_test(size=(120, 40)) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show(given, [])
        await pilot.pause()
        table = workshops.query_one(DataTable)
        assert workshops.listed == count and len(workshops.rows) == SHOWN_AT_A_TIME
        assert table.row_count == SHOWN_AT_A_TIME + 1
        more = cells(table, SHOWN_AT_A_TIME)
        assert more[0] == f"{count - SHOWN_AT_A_TIME:,} older…" and "/ searches them all" in more
        table.move_cursor(row=SHOWN_AT_A_TIME)
        await pilot.pause()
        assert workshops.selected is None  # the offer is no workshop: enter opens nothing
        assert "older workshops are not listed yet" in str(workshops.query_one("#workshop-detail", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert not [m for m in app.heard if isinstance(m, WorkshopList.Chosen)]
        assert len(workshops.rows) == 2 * SHOWN_AT_A_TIME and table.cursor_row == SHOWN_AT_A_TIME
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("enter")
        await pilot.pause()
        assert len(workshops.rows) == count and table.row_count == count  # all shown: no offer left
        newest_first = sorted(given, key=lambda row: row.info.date, reverse=True)
        assert {row.info.id for row in workshops.rows} == {row.info.id for row in newest_first}


async def test_a_list_longer_than_the_screen_leaves_the_detail_and_its_keys_on_screen(
    store: Store, fixture_program: Program
) -> None:
    import dataclasses

    one = new_workshop(store, fixture_program, name="Spring boot camp")
    given = [WorkshopRow(dataclasses.replace(one, id=f"w{n:04d}", name=f"Run {n}"), "not started") for n in range(60)]
    for size in ((120, 40), (80, 24)):
        app = ListApp()
        async with app.run_test(size=size) as pilot:
            workshops = app.query_one(WorkshopList)
            workshops.show(given, [])
            await pilot.pause()
            detail = workshops.query_one("#workshop-detail", Static)
            # Before, the table grew to the list's height and pushed the detail (the only place naming a and f) away.
            assert detail.region.height >= 4 and app.screen.region.contains_region(detail.region), size
            assert "a runs the test again" in screen_text(app), size
            table = workshops.query_one(DataTable)
            assert table.region.bottom <= detail.region.y and table.max_scroll_y > 0, size


BIG_ROOM = [
    (f"{first} {last}", role)
    for first, last, role in zip(
        ["María José", "Jean-François", "Anna-Katharina", "Maximilian", "Alexandra", "Christopher", "Søren", "Zoë"] * 5,
        ["Fernández de la Cruz", "Delacroix-Montgomery", "von Hohenberg-Schillingsfürst", "Oppenheimer-Castellanos",
         "Papadopoulou", "Vanderberg-Whitfield", "Kierkegaard Østergaard", "Ashworth-Llewellyn"] * 5,
        ["Chief Customer Officer", "CEO", "CFO", "COO", "VP Sales Americas", "Head of Customer Service"] * 7,
        strict=False,
    )
]


def table_row_of(workshops: WorkshopList) -> int:
    return workshops.query_one(DataTable).cursor_row


async def test_a_forty_person_roster_leaves_the_highlighted_row_and_the_keys_on_screen(
    store: Store, fixture_program: Program
) -> None:
    import dataclasses

    big = store.create_workshop(
        name="Leadership offsite", organisation="Fabrikam", date="2026-09-21", participants=BIG_ROOM,
        sources=fixture_program.sources,
    )
    small = new_workshop(store, fixture_program, name="Spring boot camp")
    given = [WorkshopRow(dataclasses.replace(small, id=f"w{n:04d}", name=f"Run {n}"), "not started") for n in range(30)]
    given.insert(12, WorkshopRow(big, "not started"))
    for size in ((120, 40), (80, 24)):
        app = ListApp()
        async with app.run_test(size=size) as pilot:
            workshops = app.query_one(WorkshopList)
            workshops.show(given, [])
            await pilot.pause()
            for _ in range(workshops.rows.index(given[12])):
                await pilot.press("down")
            await pilot.pause()
            assert workshops.selected == given[12] and table_row_of(workshops) > 5, size
            table = workshops.query_one(DataTable)
            detail = workshops.query_one("#workshop-detail", Static)
            # Before, the forty names and roles took 22 lines (all of the list at 80×24): the row the cursor was
            # on was scrolled out of the table, and the detail ran off the screen with the keys it names.
            cursor_y = table.region.y + 2 + table.cursor_row - round(table.scroll_y)  # under the border and header
            assert table.region.y < cursor_y < table.region.bottom - 1, size  # inside the border
            assert table.region.height >= 6, size
            assert app.screen.region.contains_region(detail.region), size
            text = screen_text(app)
            assert "a runs the test again" in text and "40 participants" in text, size
            assert "and 3" in text or "more" in text, size  # the names not shown are counted


async def test_workshops_past_the_first_page_are_not_called_older_when_some_are_newer(
    store: Store, fixture_program: Program
) -> None:
    """Three years of a consultancy's workshops, grouped by organisation: the row under the first fifty said "100
    older…", and a client run last month was among them, below clients last seen two years ago."""
    import dataclasses

    from bootcamp.ui.widgets.workshop_list import SHOWN_AT_A_TIME

    one = new_workshop(store, fixture_program, name="Spring boot camp")
    acme = [  # monthly from 2021: its newest run is the newest of all, so its runs fill the first page
        WorkshopRow(dataclasses.replace(one, id=f"a{n:04d}", organisation="Acme", date=f"{2021 + n // 12}-{n % 12 + 1:02d}-01"), "")
        for n in range(SHOWN_AT_A_TIME + 1)
    ]  # fmt: skip
    globex = WorkshopRow(dataclasses.replace(one, id="g0001", organisation="Globex", date="2022-06-01"), "")
    app = ListApp()
    async with app.run_test(size=(120, 40)) as pilot:
        workshops = app.query_one(WorkshopList)
        workshops.show([*acme, globex], [])
        await pilot.pause()
        table = workshops.query_one(DataTable)
        assert globex not in workshops.rows and min(row.info.date for row in workshops.rows) < globex.info.date
        more = cells(table, SHOWN_AT_A_TIME)
        assert more[0] == "2 more…", more
        table.move_cursor(row=SHOWN_AT_A_TIME)
        await pilot.pause()
        detail = str(workshops.query_one("#workshop-detail", Static).render())
        assert "older" not in detail and detail.startswith("2 more workshops are not listed yet"), detail

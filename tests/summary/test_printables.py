"""The printables: the Aptitude Poker deck, and answer sheets a typist turns into `import-answers` rows."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.async_api import async_playwright
from summary_rooms import fixture_program, info, participants

from bootcamp.export.data_csv import COLUMNS, loads
from bootcamp.export.printables import render_deck, render_sheets


class Sheet(HTMLParser):
    """What a typist reads off the printed sheets: ids per sheet, step, row and option column."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.classes: list[set[str]] = []
        self.open_tags: list[tuple[str, set[str]]] = []
        self.sheets: list[dict] = []
        self._code: list[str] | None = None
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        self.open_tags.append((tag, classes))
        if tag == "article" and "sheet" in classes:
            self.sheets.append({"ids": [], "steps": []})
        elif tag == "section" and "step" in classes:
            self.sheets[-1]["steps"].append({"key": "", "options": [], "rows": []})
        elif tag == "tr" and self._inside("tbody") and self.sheets and self.sheets[-1]["steps"]:
            self.sheets[-1]["steps"][-1]["rows"].append({})
        elif tag == "code":
            self._code = []

    def _inside(self, tag: str, css_class: str = "") -> bool:
        return any(t == tag and (not css_class or css_class in c) for t, c in self.open_tags)

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self._code is not None:
            self._record("".join(self._code))
            self._code = None
        while self.open_tags:
            if self.open_tags.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._code is not None:
            self._code.append(data)

    def _record(self, text: str) -> None:
        if not self.sheets:
            return
        sheet = self.sheets[-1]
        if self._inside("table", "ids"):
            sheet["ids"].append(text)
        elif self._inside("span", "key"):
            sheet["steps"][-1]["key"] = text
        elif self._inside("th", "tick"):
            sheet["steps"][-1]["options"].append(text)
        elif self._inside("td", "item"):
            sheet["steps"][-1]["rows"][-1]["item"] = "" if text == "–" else text
        elif self._inside("td", "persp"):
            sheet["steps"][-1]["rows"][-1]["perspective"] = "" if text == "–" else text


def test_deck_has_one_card_per_aptitude_with_room_to_write() -> None:
    program = fixture_program()
    html = render_deck(program)
    assert html.count('<article class="card">') == 2
    assert "Persist!" in html and "Give the Power Away" in html and "Let partners take the credit." in html
    assert html.count('<div class="prompt">') == 2 * 2  # two prompts on each card
    assert "How we live it today" in html and "The opportunity" in html
    assert html.count('<div class="line">') == 2 * 2 * 5
    assert "break-after: page" in html and "@page" in html
    assert "1 / 2" in html and "2 / 2" in html


def test_answer_sheets_turn_into_rows_import_answers_accepts() -> None:
    program = fixture_program()
    people = participants(3, removed=(3,), names=("Ana", "Ben", "Chloe"))
    workshop = info(people)
    sheets = Sheet(render_sheets(program, workshop)).sheets
    assert len(sheets) == 2  # removed participants get no sheet

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    typed = 0
    for sheet, person in zip(sheets, workshop.present, strict=True):
        participant_id, workshop_id = sheet["ids"]
        assert (participant_id, workshop_id) == (person.id, workshop.id)
        keys = [
            (step["key"], row.get("item", ""), row.get("perspective", ""))
            for step in sheet["steps"]
            for row in step["rows"]
        ]
        # every answerable row of the fixture: 2 aptitudes × self/team, the mandate question, the structure question
        assert keys == [
            ("basics/rate-aptitudes", "persist", "self"),
            ("basics/rate-aptitudes", "persist", "team"),
            ("basics/rate-aptitudes", "give-power-away", "self"),
            ("basics/rate-aptitudes", "give-power-away", "team"),
            ("basics/mandate", "", ""),
            ("basics/role", "reports-to-ceo", ""),
        ]
        for step in sheet["steps"]:
            for n, row in enumerate(step["rows"]):
                value = step["options"][n % len(step["options"])]  # the typist copies the ticked column's id
                writer.writerow(
                    [
                        workshop_id,
                        participant_id,
                        person.display_name,
                        step["key"],
                        row.get("item", ""),
                        row.get("perspective", ""),
                        value,
                        "",
                        "",
                    ]
                )
                typed += 1
    answers = loads(out.getvalue(), "typed.csv", workshop, program, "2026-09-21T12:00:00+00:00")
    assert len(answers) == typed == 12
    assert {a.value for a in answers} >= {"strong", "mixed", "weak", "dont-know", "yes"}


def test_sheets_name_the_import_command_and_every_column() -> None:
    html = render_sheets(fixture_program(), info(participants(1)))
    assert "bootcamp import-answers w1 FILE.csv" in html
    for column in COLUMNS:
        assert f"<code>{column}</code>" in html


class Pages(HTMLParser):
    """Where a sheet's step ids and comment lines are: inside each step's table head, and under each comment."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open_tags: list[tuple[str, set[str]]] = []
        self.keys_in_head = self.keys = self.comments = self.lines = 0
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "span" and "key" in classes:
            self.keys += 1
            self.keys_in_head += any(t == "thead" for t, _ in self.open_tags)
        if tag == "td" and "comment" in classes:
            self.comments += 1
        if tag == "div" and "write" in classes and any("comment" in c for _, c in self.open_tags):
            self.lines += 1
        self.open_tags.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        while self.open_tags:
            if self.open_tags.pop()[0] == tag:
                break


def test_every_printed_page_of_a_sheet_names_whose_it_is_and_its_page_number() -> None:
    people = participants(2, names=("Ana Ortiz", 'Zed "</style><b>x'))
    workshop = info(people)
    html = render_sheets(fixture_program(), workshop)
    ana, zed = workshop.present
    assert '<div id="sheet-1"><article class="sheet">' in html and '<div id="sheet-2"><article class="sheet">' in html
    assert "#sheet-1 { page: sheet-1; }" in html and "@page sheet-2 {" in html
    # the margin box of each sheet's pages: name, participant_id and workshop_id, as CSS text
    assert f"@page sheet-1 {{ @top-left {{ content: {_css('Ana Ortiz · participant_id ' + ana.id + ' · workshop_id w1')}" in html
    assert '@top-right { content: "sheet 2 of 2"; }' in html
    assert html.count("</style>") == 1 and "<b>x" not in html.split("</style>")[0]  # a name stays text in the CSS
    assert 'counter(page) " of " counter(pages)' in html
    assert "End of the answer sheet of <bdi>Zed &quot;&lt;/style&gt;&lt;b&gt;x</bdi> (sheet 2 of 2)." in html


def _css(text: str) -> str:
    return '"' + "".join(c if c.isascii() and c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def test_a_step_heading_is_printed_with_its_rows_and_every_row_has_room_for_a_comment() -> None:
    html = render_sheets(fixture_program(), info(participants(1)))
    pages = Pages(html)
    assert pages.keys == pages.keys_in_head == 3  # in the table head: repeated on a page it goes on to, never left alone
    assert pages.comments == 6 and pages.lines == 2 * 6
    style = html.split("</style>")[0]
    assert "break-inside: avoid" in style and "table-header-group" in style


PAPER = {"Letter": (612, 792), "A4": (595, 842)}  # points


def _printed(chromium: Path, tmp_path: Path, html: str, paper: str) -> list[tuple[int, int]]:
    """Each page's size in points, printed as a browser's print dialog does: a page size the CSS gives wins."""

    async def pdf() -> bytes:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
            try:
                page = await browser.new_page()
                await page.goto(page_file.as_uri())
                return await page.pdf(format=paper, print_background=True, prefer_css_page_size=True)
            finally:
                await browser.close()

    page_file = tmp_path / "printable.html"
    page_file.write_text(html, encoding="utf-8")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", asyncio.run(pdf()))
    return [(round(float(w)), round(float(h))) for w, h in boxes]


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_deck_and_the_sheets_print_on_the_readers_paper(chromium: Path, tmp_path: Path, paper: str) -> None:
    # `@page { size: A4 }` printed A4 on US Letter; a card 270 mm tall then ran onto a second Letter page.
    width, height = PAPER[paper]

    def on_the_paper(size: tuple[int, int]) -> bool:
        return abs(size[0] - width) <= 2 and abs(size[1] - height) <= 2  # Chromium rounds A4 to whole pixels

    deck = _printed(chromium, tmp_path, render_deck(fixture_program()), paper)
    assert len(deck) == 2 and all(map(on_the_paper, deck)), deck  # the two cards, a page each
    sheets = _printed(chromium, tmp_path, render_sheets(fixture_program(), info(participants(2))), paper)
    assert len(sheets) >= 2 and all(map(on_the_paper, sheets)), sheets


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_every_sheet_starts_on_a_leaf_of_its_own_when_printed_on_both_sides(
    chromium: Path, tmp_path: Path, paper: str
) -> None:
    # Printed double-sided, the shipped day's sheets (7 pages each) put the first page of Ana's sheet on the back of
    # the typist's note, and the first of Ben's on the back of Ana's last page. Now the note and every sheet fill
    # an even number of pages (a page left blank at the end where needed), so each sheet starts on a new leaf.
    from bootcamp.content import load_dir
    from bootcamp.locations import default_content_dir

    program = load_dir(default_content_dir())
    long_name = "Zoë Łukasiewicz-Brzęczyszczykiewicz von Hohenzollern-Sigmaringen y Borbón"
    for agenda in ("full", "half"):
        html = render_sheets(program, info(participants(3, names=("Ana Ortiz", long_name, "Ben")), agenda=agenda))
        per_sheet = int(re.search(r"\.sheet \{ min-height: calc\((\d+) \* 100vh", html).group(1))
        assert per_sheet % 2 == 0
        pages = _printed(chromium, tmp_path, html, paper)
        assert len(pages) == 2 + 3 * per_sheet, (agenda, len(pages), per_sheet)

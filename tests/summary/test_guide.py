"""`bootcamp print guide`: the facilitator's printed run sheet, step for step as the console walks the agenda."""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

import pytest
from summary_rooms import FIXTURE, fixture_program, info, participants

from bootcamp.cli import main
from bootcamp.clock import FixedClock
from bootcamp.content import load_dir, read_sources
from bootcamp.content.model import ANSWERED_KINDS, StepKind
from bootcamp.content.step_notes import notes_plain
from bootcamp.errors import UserError
from bootcamp.export.guide_html import render_guide_html
from bootcamp.export.guide_markdown import render_guide_markdown
from bootcamp.export.guide_plan import build_guide, clock_time, parse_start
from bootcamp.locations import default_content_dir
from bootcamp.store import Store

SHIPPED = load_dir(default_content_dir())
NINE = 9 * 60


def steps_printed(html: str) -> list[tuple[int, str]]:
    """(number, the article's HTML) of every step the guide prints, in order."""
    return [(int(n), body) for n, body in re.findall(r'<article class="step" id="step-(\d+)">(.*?)</article>', html, re.S)]


def text_of(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("agenda", ["full", "half"])
def test_every_step_of_the_agenda_is_printed_once_in_the_consoles_order_and_numbering(agenda: str) -> None:
    steps = SHIPPED.steps(agenda)
    html = render_guide_html(build_guide(SHIPPED, agenda, NINE))
    printed = steps_printed(html)
    assert [number for number, _ in printed] == list(range(1, len(steps) + 1))
    for (number, body), step in zip(printed, steps, strict=True):
        assert f'<span class="counter">step {number} of {len(steps)}</span>' in body
        assert re.search(r"<h3>(.*?) <span", body).group(1) == escape(step.title)


@pytest.mark.parametrize("agenda", ["full", "half"])
def test_the_planned_times_add_up_to_the_agendas_planned_total(agenda: str) -> None:
    guide = build_guide(SHIPPED, agenda, parse_start("08:30"))
    planned = SHIPPED.planned_minutes(agenda)
    assert guide.total_minutes == planned
    ends = 0.0
    for step in guide.steps:
        assert step.starts == ends  # each step starts when the one before it is planned to end
        ends = step.ends
    assert ends == planned
    assert guide.sessions[-1].ends == planned
    assert guide.ends == clock_time(8 * 60 + 30 + planned)
    html = render_guide_html(guide)
    assert f'<td class="time">{guide.ends}</td><td><b>End of the day</b>' in html
    first = steps_printed(html)[0][1]
    assert "08:30 · " in first


def test_the_notes_are_printed_as_the_console_shows_them() -> None:
    guide = build_guide(SHIPPED, "full", NINE)
    for number, body in steps_printed(render_guide_html(guide)):
        step = guide.steps[number - 1].step
        notes = re.split(r'<div class="asked">|<p class="keys">', body.split('<div class="notes">', 1)[1])[0]
        paragraphs = [text_of(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", notes)]
        console = [line for line in notes_plain(step, SHIPPED).split("\n") if line]
        assert paragraphs == console, step.key


def test_the_room_answers_and_the_keys_only_where_the_step_has_them() -> None:
    guide = build_guide(SHIPPED, "full", NINE)
    for planned in guide.steps:
        step, keys = planned.step, {k.key for k in planned.keys}
        if step.kind in ANSWERED_KINDS:
            assert planned.asked is not None and {"r", "e"} <= keys, step.key
        else:
            assert planned.asked is None and "e" not in keys, step.key
        if step.kind is StepKind.TEACH:
            assert keys == set(), step.key
        if step.kind is StepKind.DISCUSS:
            assert ("r" in keys) == bool(step.shows), step.key  # r reveals only what a discussion shows
    question = next(p for p in guide.steps if p.step.kind is StepKind.QUESTION)
    assert question.asked.prompt == question.step.question.text
    assert [(o.key, o.does) for o in question.asked.options] == [
        ("y", "Yes"), ("p", "Partly"), ("n", "No"), ("d", "Don't know")
    ]  # fmt: skip


def test_the_day_at_a_glance_says_where_the_poker_the_role_check_and_the_questions_fall() -> None:
    guide = build_guide(SHIPPED, "full", NINE)
    happens = [said for session in guide.sessions for said in session.what_happens]
    poker = next(p for p in guide.steps if p.step.kind is StepKind.EXERCISE)
    check = next(p for p in guide.steps if p.step.kind is StepKind.CHECK)
    assert f"{guide.clock(poker.starts)} Aptitude Poker (30 min)" in happens
    assert any(said.startswith(f"{guide.clock(check.starts)} role check") for said in happens)
    assert any("18 commitment questions" in said for said in happens)
    assert any("bootcamp print deck" in item for item in guide.bring)
    half = build_guide(SHIPPED, "half", NINE)  # the half day has no Poker: no deck to bring
    assert not any("bootcamp print deck" in item for item in half.bring)


def test_every_print_command_the_guide_lists_writes_a_file_as_typed() -> None:
    """The content's guide said `bootcamp print sheets ID`: typed on a terminal, 75 KB of HTML scrolled past."""
    guide = build_guide(SHIPPED, "full", NINE)
    commands = [said for item in guide.bring for said in re.findall(r"`(bootcamp print [^`]*)`", item)]
    assert {command.split()[2] for command in commands} == {"deck", "sheets"}
    assert all(" -o " in command for command in commands), commands


@pytest.mark.parametrize("given", ["25:00", "9", "nine", "09:60", ""])
def test_a_start_that_is_not_a_time_of_day_is_refused_in_one_sentence(given: str) -> None:
    with pytest.raises(UserError, match=r"^--start .* is not a time of day: give it as HH:MM"):
        parse_start(given)


def test_a_start_is_read_as_written_and_a_day_past_midnight_says_so() -> None:
    assert [parse_start(t) for t in ("09:00", "9:05", "9.30", "13h15")] == [540, 545, 570, 795]
    assert clock_time(23 * 60 + 90) == "00:30 +1"


def test_a_workshops_guide_names_it_and_its_people_and_uses_its_agenda() -> None:
    guide = build_guide(fixture_program(), "full", NINE, info(participants(3, removed=(2,)), agenda="full"))
    html = render_guide_html(guide)
    assert "Acme · 2026-09-21 · 2 participants · workshop <code>w1</code>" in text_of(html).replace("<code>", "") or (
        "2 participants · workshop <code>w1</code>" in html
    )
    assert any("bootcamp print sheets" in item and "(2)" in item for item in guide.bring)
    markdown = render_guide_markdown(guide)
    assert markdown.startswith("# Facilitator's guide: ")
    assert markdown.count("\n### step ") == len(guide.steps)


def test_print_guide_through_the_cli(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    store = Store(data, FixedClock())
    stored = store.create_workshop(
        name="Acme boot camp",
        organisation="Acme",
        date="2026-09-21",
        participants=[("Ana", "CEO"), ("Ben", "")],
        sources=read_sources(FIXTURE),
        agenda="half",
    )
    target = tmp_path / "guide.html"
    assert main(["print", "guide", stored.id, "--data-dir", str(data), "--start", "10:00", "-o", str(target)]) == 0
    html = target.read_text(encoding="utf-8")
    program = store.open(stored.id).program()
    assert len(steps_printed(html)) == len(program.steps("half")) and "Acme boot camp" in html and "2026-09-21" in html
    assert f"bootcamp print sheets {stored.id}" in html
    capsys.readouterr()

    assert main(["print", "guide", stored.id, "--data-dir", str(data), "--half-day", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Facilitator's guide: Acme boot camp")
    assert main(["print", "guide", "--content", str(FIXTURE), "--half-day"]) == 0
    assert len(steps_printed(capsys.readouterr().out)) == len(load_dir(FIXTURE).steps("half"))

    for args, said in [
        (["print", "guide", "nosuch", "--data-dir", str(data)], "bootcamp: no workshop with id 'nosuch'"),
        (["print", "guide", "--start", "25:00"], "bootcamp: --start '25:00' is not a time of day"),
    ]:
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.startswith(said) and err.count("\n") == 1, err


PAPER = {"Letter": (612, 792), "A4": (595, 842)}  # points


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_guide_prints_on_the_readers_paper_a_session_a_page_on(chromium: Path, tmp_path: Path, paper: str) -> None:
    import asyncio

    from playwright.async_api import async_playwright

    guide = build_guide(SHIPPED, "full", NINE)
    page_file = tmp_path / "guide.html"
    page_file.write_text(render_guide_html(guide), encoding="utf-8")

    async def pdf() -> bytes:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
            try:
                page = await browser.new_page()
                await page.goto(page_file.as_uri())
                return await page.pdf(format=paper, print_background=True, prefer_css_page_size=True)
            finally:
                await browser.close()

    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", asyncio.run(pdf()))
    width, height = PAPER[paper]
    assert all(abs(float(w) - width) <= 2 and abs(float(h) - height) <= 2 for w, h in boxes), boxes
    sessions = [session for session in guide.sessions if not session.is_break]
    # the day at a glance, then each session on pages of its own: more pages than sessions, far fewer than steps
    assert len(sessions) + 1 < len(boxes) < len(guide.steps), len(boxes)

"""A step's Markdown body is one widget whose rendering is cached per text, width and look (issue 13)."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from textual.app import App, ComposeResult
from textual.color import Color

from bootcamp.ui.theme import PROJECTOR
from bootcamp.ui.widgets.markdown_body import MarkdownBody, rendered_lines

BODY = """# The three hats

Some *emphasis* and **strength**, then a list:

- Pied piper
- Strategist

1. first
2. second

| Aptitude | Hat |
|----------|-----|
| Persist! | Strategist |
"""


def plain_lines(lines) -> list[str]:
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


def styled(lines, text: str) -> Style:
    """The style of the first segment holding ``text``."""
    return next(segment.style for line in lines for segment in line if text in segment.text)


def test_headings_lists_emphasis_and_tables_are_in_the_rendered_lines() -> None:
    look = (("markdown.h1", Style(color="#ffd23f", bold=True)),)
    lines = rendered_lines(BODY, 60, look, Console(width=60, color_system="truecolor"))
    text = plain_lines(lines)

    assert text[0] == "The three hats"  # at the left, not centred as Rich draws a level-1 heading
    assert styled(lines, "The three hats") == Style(color="#ffd23f", bold=True)
    assert "Some emphasis and strength, then a list:" in text
    assert styled(lines, "emphasis").italic and styled(lines, "strength").bold
    assert ["• Pied piper", "• Strategist"] == [line for line in text if line.startswith("•")]
    assert ["1. first", "2. second"] == [line for line in text if line[:1].isdigit()]
    table = [line for line in text if line.startswith(("╭", "│", "├", "╰"))]
    assert table[1].split("│")[1:3] == [" Aptitude ", " Hat        "]
    assert table[3].split("│")[1:3] == [" Persist! ", " Strategist "]
    assert text[-1].startswith("╰")  # and no blank line after the last block


def test_a_link_shows_its_address_for_a_room_that_cannot_click_it() -> None:
    lines = plain_lines(rendered_lines("See [the guide](https://example.org/g).", 60, (), Console(width=60)))
    assert lines == ["See the guide (https://example.org/g)."]


def test_a_body_that_opens_with_a_list_starts_on_its_first_line() -> None:
    # Rich puts a blank line before a list that opens the text; the slide's padding already spaces it.
    assert plain_lines(rendered_lines("- one\n- two", 20, (), Console(width=20))) == ["• one", "• two"]


def test_long_words_wrap_inside_the_width() -> None:
    lines = plain_lines(rendered_lines("x" * 50 + " end", 20, (), Console(width=20)))
    assert lines == ["x" * 20, "x" * 20, "x" * 10 + " end"]


class OneBody(App[None]):
    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield MarkdownBody(self.markdown)


async def test_the_same_text_at_the_same_width_is_rendered_once(counted_renders: list[str]) -> None:
    app = OneBody(BODY)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert counted_renders == [BODY]

        # The same step shown again (a new widget, as when the facilitator goes back): nothing laid out again.
        await app.query_one(MarkdownBody).remove()
        await app.mount(MarkdownBody(BODY))
        await pilot.pause()
        assert counted_renders == [BODY]
        assert app.query_one(MarkdownBody).render_line(0).text.rstrip() == "The three hats"

        # A narrower terminal: the body is laid out again for the new width.
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert counted_renders == [BODY, BODY]
        assert app.query_one(MarkdownBody).size.width == 60


def heading_colour(body: MarkdownBody) -> str:
    style = next(segment.style for segment in body.render_line(0) if "Welcome" in segment.text)
    assert style is not None and style.color is not None
    return Color.from_rich_color(style.color).hex


async def test_headings_take_the_theme_colour_and_follow_a_theme_change() -> None:
    app = OneBody("# Welcome\n\nbody")
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        body = app.query_one(MarkdownBody)
        assert heading_colour(body) == Color.parse(app.theme_variables["markdown-h1-color"]).hex
        assert body.size.height == 3  # the heading, a blank line, the paragraph

        # As presenter mode switches to the projector theme with the console's body still mounted.
        app.register_theme(PROJECTOR)
        app.theme = PROJECTOR.name
        await pilot.pause()
        assert heading_colour(body) == Color.parse(PROJECTOR.variables["markdown-h1-color"]).hex

"""The one plain-text helper: markup is text, control characters are shown, not sent."""

from __future__ import annotations

from bootcamp.ui.text import joined, plain, safe


def test_markup_stays_text() -> None:
    text = plain("[bold red]Ana[/] [link=https://example.com]x[/link]")
    assert text.plain == "[bold red]Ana[/] [link=https://example.com]x[/link]"
    assert text.spans == []


def test_terminal_escapes_are_made_visible() -> None:
    assert safe("\x1b[31mred\x1b[0m\x07\x00") == "␛[31mred␛[0m␇␀"
    assert safe("\x9b31m\x7f") == "\ufffd31m␡"


def test_newlines_tabs_emoji_and_right_to_left_text_pass_as_typed() -> None:
    typed = "Line one\n\tמחלקת שירות 🎯"
    assert safe(typed) == typed


def test_joined_styles_each_piece_and_parses_none() -> None:
    line = joined(("[b]", "bold"), " ", "plain")
    assert line.plain == "[b] plain"
    assert [(span.start, span.end, span.style) for span in line.spans] == [(0, 3, "bold")]

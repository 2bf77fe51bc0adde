"""What a content author pastes or types that YAML does not read as they meant: each is said in the author's
words, on the line (and column) to fix, instead of the parser's ("mapping values are not allowed in this context")
on the line after."""

from __future__ import annotations

import pytest

from bootcamp.content.yamlnodes import YamlSyntaxError, parse

NBSP = "\u00a0"


def error_of(text: str) -> YamlSyntaxError:
    with pytest.raises(YamlSyntaxError) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: 1\nquestion: Budget: who decides?\nb: 2\n", 2, 17),
        ("a: 1\nquestion: Qui décide : le comité ?\nb: 2\n", 2, 22),
        ("items:\n  - note: one: two\n", 2, 14),
    ],
)
def test_a_colon_inside_a_value_says_to_quote_the_value(text: str, line: int, column: int) -> None:
    error = error_of(text)
    assert (error.line, error.column) == (line, column)
    assert "': ' inside a value" in error.message
    assert 'put the whole value in quotes ("…")' in error.message


@pytest.mark.parametrize("quote", ["“", "‘", "„", "«"])
def test_a_value_in_curly_quotes_says_they_are_not_yaml_quotes(quote: str) -> None:
    error = error_of(f"steps:\n  - id: x\n    title: {quote}Mandate: one driver”\n    minutes: 3\n")
    assert (error.line, error.column) == (3, 12)
    assert f"a curly quote {quote} (as a word processor types it)" in error.message
    assert 'use straight quotes ("…")' in error.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (f"steps:\n  - id: x\n{NBSP}   kind: q\n    title: t\n", 3, 1),  # in the indentation
        (f"steps:\n  - id: x\n   {NBSP}kind: q\n    title: t\n", 3, 4),
        (f"steps:\n  - id: x\n    minutes:{NBSP}3\n    title: t\n", 3, 13),  # after the colon
        (f"steps:\n  -{NBSP}id: x\n    title: t\n", 2, 4),  # after a list's dash
    ],
)
def test_a_no_break_space_where_yaml_needs_a_space_is_named(text: str, line: int, column: int) -> None:
    error = error_of(text)
    assert (error.line, error.column) == (line, column)
    assert "a no-break space (U+00A0, as pasted from a word processor)" in error.message
    assert "type an ordinary space" in error.message


def test_a_no_break_space_in_text_is_text() -> None:
    assert parse(f"question: Qui décide{NBSP}?\nbody: |\n  {NBSP}indented{NBSP}text\n") == {
        "question": f"Qui décide{NBSP}?",
        "body": f"{NBSP}indented{NBSP}text\n",
    }


def test_other_syntax_errors_keep_the_parsers_words() -> None:
    error = error_of("title: [Welcome\n")
    assert error.message.startswith("not valid YAML: ")
    assert "quotes" not in error.message and "no-break" not in error.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("steps:\n\t- id: x\n\t  kind: teach\n", 2, 1),  # a step indented with tabs: "cannot start any token"
        ("steps:\n  - id: x\n    kind: teach\n\tminutes: 3\n", 4, 1),  # one field: "violates indentation"
        ("steps:\n  - id: x\n    body: |\n      - a\n\t- b\n", 5, 1),  # in a body: "where a space is expected"
        ("steps:\n  - id: x\n  \t  kind: teach\n", 3, 3),  # spaces, then a tab
    ],
)
def test_a_tab_in_the_indentation_is_named(text: str, line: int, column: int) -> None:
    error = error_of(text)
    assert (error.line, error.column) == (line, column)
    assert "a tab indents this line" in error.message
    assert "YAML indents with spaces only" in error.message


def test_a_tab_between_words_is_text() -> None:
    assert parse("minutes:\t3\ntitle: a\tb\nbody: |\n  x\n  \ty\n") == {"minutes": 3, "title": "a\tb", "body": "x\n\ty\n"}


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        # read on to the end of the file: the parser said "found unexpected end of stream" on the line after the last
        ('id: x\ntitle: "Opening\nsummary: s\nsteps:\n  - id: a\n', "is never closed, so YAML reads the rest of"),
        # a backslash further on: "found unknown escape character" there
        ('id: x\ntitle: "Opening\nsummary: s\npatterns:\n  - \'\\squota\'\n', "reads on as part of it to line 5"),
        # closed by an apostrophe further on: "did not find expected key" on the line of "Don't"
        ("id: x\ntitle: 'Opening\nsummary: s\nsteps:\n  - id: a\n    body: Don't go\n", "is closed only on line 6"),
        ('id: x\ntitle: "Opening\nsummary: s\nbody: Say "yes" twice\n', "is closed only on line 4"),
        ('a:\n  - {id: "strength, label: S}\n  - {id: b, label: "B"}\n', "is closed only on line 3"),
    ],
)
def test_a_quote_left_open_is_said_where_it_opens(text: str, closed: str) -> None:
    error = error_of(text)
    opening = text.splitlines()[1]  # the quote opens on line 2, the first quote of the text
    column = min(i for i in (opening.find('"'), opening.find("'")) if i >= 0) + 1
    assert (error.line, error.column) == (2, column), error.message
    assert closed in error.message, error.message
    assert "close it on this line, or leave the quote out" in error.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("id: x\ntitle: y\nsteps:\n  - id: a\n    ki", 5),  # a file cut short: the parser said line 6, past its end
        ("id: x\ntitle: y\nsteps:\n  - id: a\n    kind: teach\n  tit\n", 6),
    ],
)
def test_a_line_without_its_colon_is_said_on_that_line(text: str, line: int) -> None:
    error = error_of(text)
    assert error.line == line, error.message
    assert "no ':' after" in error.message, error.message


@pytest.mark.parametrize(
    ("text", "column"),
    [
        # the parser said "did not find expected ',' or '}'", and "found unexpected ':'"
        ("options:\n  - {id: maybe, label: Maybe: sometimes, value: 1}\n", 29),
        ("options:\n  - {id: maybe:, label: Maybe, value: 1}\n", 15),
    ],
)
def test_a_colon_inside_a_value_between_braces_says_to_quote_the_value(text: str, column: int) -> None:
    error = error_of(text)
    assert (error.line, error.column) == (2, column), error.message
    assert error.message == (
        "not valid YAML: a ':' inside a value between { } or [ ] reads as the start of another field: "
        'put the whole value in quotes ("…")'
    )

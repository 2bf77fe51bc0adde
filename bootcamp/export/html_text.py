"""Text into HTML: participant text escaped and isolated, content text escaped or rendered from its Markdown,
any text as a CSS string. Every printable page (summary, comparison, guide, sheets, deck) writes text through these."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from bootcamp.export.safe_text import plain

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only the HTML pages need it

    return MarkdownIt("commonmark", {"html": False})


def user(text: str) -> str:
    """Participant text: escaped, control characters made visible, isolated for right-to-left text."""
    return f"<bdi>{escape(plain(text))}</bdi>"


def words(text: str) -> str:
    """Content text shown as text (titles, labels)."""
    return escape(plain(text))


def prose(text: str) -> str:
    """Content text that may use Markdown (bold, links): rendered inline, raw HTML off."""
    return _markdown().renderInline(plain(text))


def css_string(text: str) -> str:
    """``text`` as a CSS string, every character but a letter, a digit or a space escaped: a name holding a quote,
    a backslash or ``</style>`` stays text inside the page's style sheet."""
    return '"' + "".join(c if c.isalnum() and c.isascii() or c == " " else f"\\{ord(c):x} " for c in text) + '"'

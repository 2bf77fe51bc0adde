"""The phone page's HTML, from :class:`PhoneView` values through Jinja2 templates that escape every text.

The stylesheet and the script are read once and served by the server's own handlers (there is no
folder of static files to list). No server here.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from bootcamp.join.phone_view import PhoneView
from bootcamp.limits import COMMENT, NOTE, PERSON_NAME

TEMPLATES = Path(__file__).resolve().parent / "templates"
LIMITS = {"comment": COMMENT.chars, "note": NOTE.chars, "name": PERSON_NAME.chars}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str


@dataclass(frozen=True)
class NoticePage:
    """What a phone gets instead of the page (a wrong or old code, a refusal): the phone page's look, a heading and
    one sentence, nothing of the workshop."""

    body: str
    style_source: str  # for the response's Content Security Policy: the inline stylesheet's hash, and nothing else


def notice_page(heading: str, sentence: str, *, refresh_seconds: int = 0) -> NoticePage:
    """The page saying ``heading`` and ``sentence``; reloading itself after ``refresh_seconds`` when given."""
    style = _style()
    body = _notice_template().render(style=style, heading=heading, sentence=sentence, refresh_seconds=refresh_seconds)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return NoticePage(body, f"'sha256-{digest}'")


@cache
def no_workshop_page() -> NoticePage:
    return notice_page("Old or wrong link", "Scan the new code on the wall to join.")


@cache
def _style() -> str:
    return (TEMPLATES / "phone.css").read_text(encoding="utf-8")


@cache
def _notice_template() -> Template:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
    return env.get_template("notice.html")


class Pages:
    def __init__(self, base: str) -> None:
        self.base = base  # "/CODE": where the forms post and the page follows
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,  # every text a participant or the content gave is escaped, in every template
            undefined=StrictUndefined,
            trim_blocks=False,
        )
        self._page = self._env.get_template("page.html")
        self._view = self._env.get_template("view.html")
        self.assets = {
            "phone.css": Asset((TEMPLATES / "phone.css").read_bytes(), "text/css"),
            "phone.js": Asset((TEMPLATES / "phone.js").read_bytes(), "text/javascript"),
        }

    def page(self, view: PhoneView, csrf: str, patience: tuple[float, float]) -> str:
        """The whole page; ``patience``: the seconds its script waits for a silent stream and for a post's answer
        before it says it lost contact with the laptop."""
        silence, post = (round(seconds * 1000) for seconds in patience)
        return self._page.render(
            view=view, csrf=csrf, base=self.base, limits=LIMITS, silence_ms=silence, post_ms=post
        )

    def view(self, view: PhoneView, csrf: str) -> str:
        """The part of the page that follows the console, as a server-sent event or a script's answer carries it."""
        return self._view.render(view=view, csrf=csrf, base=self.base, limits=LIMITS)

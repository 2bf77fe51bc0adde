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

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bootcamp.join.phone_view import PhoneView
from bootcamp.limits import COMMENT, NOTE, PERSON_NAME

TEMPLATES = Path(__file__).resolve().parent / "templates"
LIMITS = {"comment": COMMENT.chars, "note": NOTE.chars, "name": PERSON_NAME.chars}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str


@dataclass(frozen=True)
class NoWorkshopPage:
    """What a wrong or old code gets: the phone page's look, a heading and one sentence, nothing of the workshop."""

    body: str
    style_source: str  # for the response's Content Security Policy: the inline stylesheet's hash, and nothing else


@cache
def no_workshop_page() -> NoWorkshopPage:
    style = (TEMPLATES / "phone.css").read_text(encoding="utf-8")
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
    body = env.get_template("no_workshop.html").render(style=style)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return NoWorkshopPage(body, f"'sha256-{digest}'")


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

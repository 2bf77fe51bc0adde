"""How a widget hands on what a person did to the workshop: one request, one funnel.

Widgets never change the workshop themselves: they build a request
(:mod:`bootcamp.live.requests`) and hand it to the app's one handler, which applies it to the
live workshop as the console. It is a call, not a posted message, on purpose: a field that
saves its text as it goes away (leaving a step, leaving the workshop) must still get there, in
order, before the workshop closes; a message bubbling from a widget being removed would not.
What changed comes back as the app's ``live_change``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bootcamp.live.requests import Request

if TYPE_CHECKING:
    from textual.dom import DOMNode


def request(widget: DOMNode, asked: Request) -> None:
    widget.app.request(asked)  # type: ignore[attr-defined]

"""When a headless Textual app hands a frame to its driver: the moment something counts as rendered.

Headless, Textual still lays out and renders every update (``App._display`` receives it);
it only skips writing the escape codes to a terminal. Both the app and its floor are
watched the same way, so that skipped part is missing from both.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the app being timed, not before it: see start_driver
    from textual.app import App
    from textual.screen import Screen

ShowsIt = Callable[["Screen"], bool]


class FrameWatch:
    """Wraps ``app._display`` (a private method; Textual is pinned exactly) to time the first frame that shows something."""

    def __init__(self, app: App) -> None:
        self._shows_it: ShowsIt | None = None
        self._then: Callable[[float], None] | None = None
        self._shown = asyncio.Event()
        self.shown_at = 0.0
        display = app._display

        def display_and_check(screen: Screen, renderable: object) -> None:
            display(screen, renderable)
            if renderable is not None and self._shows_it is not None and self._shows_it(screen):
                self.shown_at = time.perf_counter()
                self._shows_it = None
                self._shown.set()
                if self._then is not None:
                    self._then(self.shown_at)

        app._display = display_and_check  # type: ignore[method-assign]

    def expect(self, shows_it: ShowsIt, then: Callable[[float], None] | None = None) -> None:
        """Watch for the first frame whose screen ``shows_it`` (checked on every frame: keep it cheap).

        ``then(shown_at)`` runs right after that frame, before anything else the app does.
        """
        self._shown = asyncio.Event()
        self._shows_it = shows_it
        self._then = then

    async def shown(self, timeout: float = 60.0) -> float:
        """When (``time.perf_counter()``) the expected frame was rendered."""
        await asyncio.wait_for(self._shown.wait(), timeout)
        return self.shown_at

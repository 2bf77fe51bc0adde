"""Watches on the app let go of when what set them goes (Textual keeps them: textual#6666).

``self.watch(self.app, name, callback)`` puts ``(node, callback)`` in the app's list for ``name``, and Textual drops
the pair only when that value next changes and the node is closing. A value that never changes in a day keeps
every node that watched it alive, with all it holds: Textual's Header watches the app's title (it never changes
here), so every console opened from home and left stayed alive, each with its whole screen; a field's watch of the
theme, or a screen's of the room's changes, after the workshop is left, likewise.

``__watchers`` is Textual's private store of watches (textual/reactive.py); a Textual bump must keep the leak tests
(tests/ui/test_console_lets_go.py, tests/ui/test_typed_text.py) passing.
"""

from __future__ import annotations

from textual.app import App
from textual.dom import DOMNode


def forget_app_watches(app: App, node: DOMNode) -> None:
    """Drop the app's watches held by ``node`` and by any node already closing or closed (what ``node`` held)."""
    for entries in getattr(app, "__watchers", {}).values():
        entries[:] = [
            (watcher, callback)
            for watcher, callback in entries
            if watcher is not node and not watcher._closing and not watcher._closed
        ]


class LetsGoOfAppWatches:
    """A screen that, when it goes, drops every watch on the app that it or its widgets set (its Header's too)."""

    def _on_unmount(self) -> None:
        assert isinstance(self, DOMNode)
        forget_app_watches(self.app, self)

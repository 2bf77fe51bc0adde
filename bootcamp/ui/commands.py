"""The command palette offers every action: whatever the current screen and the app bind to a key.

Built from the bindings themselves, so a new key is in the palette (and in help) the
moment it is bound, with the same words as the footer.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


def described_bindings(node: DOMNode) -> Iterator[Binding]:
    """The node's own bindings that have a description, one per action (the first key wins)."""
    seen: set[str] = set()
    for bindings in node._bindings.key_to_bindings.values():
        for binding in bindings:
            if binding.description and binding.action not in seen:
                seen.add(binding.action)
                yield binding


def palette_actions(screen: DOMNode) -> list[tuple[str, str, DOMNode, Binding]]:
    """(title, help, node, binding) for the screen's actions, then the app's."""
    found = []
    titles: set[str] = set()
    for node in (screen, screen.app):
        for binding in described_bindings(node):
            title = binding.tooltip or binding.description
            if title in titles or not node.check_action(binding.action, ()):
                continue
            titles.add(title)
            key = screen.app.get_key_display(binding)
            found.append((title, f"key: {key}", node, binding))
    return found


class BootcampCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        return [
            (title, help_text, partial(self.app.run_action, binding.action, node))
            for title, help_text, node, binding in palette_actions(self.screen)
        ]

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            yield DiscoveryHit(title, command, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)  # type: ignore[arg-type]

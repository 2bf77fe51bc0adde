"""The command palette offers every action: whatever the current screen and the app bind to a key.

Built from the bindings themselves, so a new key is in the palette (and in help) the
moment it is bound, with the same words as the footer's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class DescribedAction:
    node: DOMNode  # where the action runs: the screen or the app
    action: str
    title: str  # the tooltip, else the footer's description
    keys: tuple[str, ...]  # how each key is shown, e.g. "→", "pgdn"


def described_actions(node: DOMNode) -> list[DescribedAction]:
    """The node's actions that have a description, in binding order, each with all its keys.

    The title comes from the most specific binding (a subclass's own, defined last), so the
    app's ``q`` names quitting as this app does, not as Textual's ``ctrl+q`` does.
    """
    keys: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    bindings: list[Binding] = [b for group in node._bindings.key_to_bindings.values() for b in group]
    for binding in bindings:
        if not binding.description or binding.system:
            continue
        display = node.app.get_key_display(binding)
        shown = keys.setdefault(binding.action, [])
        if display not in shown:
            shown.append(display)
        titles[binding.action] = binding.tooltip or binding.description
    return [DescribedAction(node, action, titles[action], tuple(shown)) for action, shown in keys.items()]


def screen_actions(screen: Screen) -> list[DescribedAction]:
    """The screen's actions, then the app's, each title once, leaving out what is disabled right now."""
    found: list[DescribedAction] = []
    titles: set[str] = set()
    for node in (screen, screen.app):
        for described in described_actions(node):
            if described.title in titles or not node.check_action(described.action.split("(")[0], ()):
                continue
            titles.add(described.title)
            found.append(described)
    return found


class BootcampCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        return [
            (found.title, f"key: {' / '.join(found.keys)}", partial(self.app.run_action, found.action, found.node))
            for found in screen_actions(self.screen)
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

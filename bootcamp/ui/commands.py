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


def _stock_actions(node: DOMNode) -> set[str]:
    """Actions Textual's own widget classes bind (cursor keys, scrolling …): not this app's to list."""
    return {
        binding.action if isinstance(binding, Binding) else binding[1]
        for cls in type(node).__mro__
        if cls.__module__.startswith("textual.")
        for binding in vars(cls).get("BINDINGS", ())
        if isinstance(binding, Binding) or len(binding) > 1
    }


def nodes_in_reach(screen: Screen) -> list[DOMNode]:
    """Where a key press goes now: the focused widget and what holds it (this app's widgets), the screen, the app."""
    nodes: list[DOMNode] = []
    node = screen.focused
    while node is not None and node is not screen:
        if type(node).__module__.startswith("bootcamp."):
            nodes.append(node)
        node = node.parent
    return [*nodes, screen, screen.app]


def screen_actions(screen: Screen) -> list[DescribedAction]:
    """The focused widget's actions (answer keys …), the screen's, then the app's: each title once,
    leaving out what is disabled right now."""
    found: list[DescribedAction] = []
    titles: set[str] = set()
    for node in nodes_in_reach(screen):
        stock = _stock_actions(node) if node is not screen and node is not screen.app else set()
        for described in described_actions(node):
            if described.action in stock:
                continue
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

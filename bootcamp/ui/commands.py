"""The command palette offers every action: whatever the current screen and the app bind to a key.

Built from the bindings themselves, so a new key is in the palette (and in help) the
moment it is bound, with the same words as the footer's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    # Each shown key's name as bound ("right"), None for a priority binding: what a widget nearer the focus may take.
    bound: tuple[str | None, ...] = field(default=(), compare=False)


def described_actions(node: DOMNode) -> list[DescribedAction]:
    """The node's actions that have a description, in binding order, each with all its keys.

    The title comes from the most specific binding (a subclass's own, defined last), so the
    app's ``q`` names quitting as this app does, not as Textual's ``ctrl+q`` does.
    """
    keys: dict[str, list[str]] = {}
    bound: dict[str, list[str | None]] = {}
    titles: dict[str, str] = {}
    bindings: list[Binding] = [b for group in node._bindings.key_to_bindings.values() for b in group]
    for binding in bindings:
        if not binding.description or binding.system:
            continue
        display = node.app.get_key_display(binding)
        shown = keys.setdefault(binding.action, [])
        if display not in shown:
            shown.append(display)
            bound.setdefault(binding.action, []).append(None if binding.priority else binding.key)
        titles[binding.action] = binding.tooltip or binding.description
    return [
        DescribedAction(node, action, titles[action], tuple(shown), tuple(bound[action])) for action, shown in keys.items()
    ]


def taken_keys(node: DOMNode) -> set[str]:
    """The keys of ``node``'s own listed actions (not priority ones, nor disabled right now): a node further from the
    focus never gets them. Textual's stock keys are left out (a table's → with a row cursor passes on to the console:
    its action skips), and so are keys bound without a description (the step's Tab, which is Tab as ever)."""
    stock = _stock_actions(node)
    return {
        binding.key
        for group in node._bindings.key_to_bindings.values()
        for binding in group
        if binding.description
        and not binding.priority
        and binding.action not in stock
        and node.check_action(binding.action.split("(")[0], ()) is not False
    }


def widget_actions(node: DOMNode) -> list[DescribedAction]:
    """A widget's own actions (answer keys …), not Textual's stock ones, leaving out what is disabled right now."""
    stock = _stock_actions(node)
    return [
        described
        for described in described_actions(node)
        if described.action not in stock and node.check_action(described.action.split("(")[0], ())
    ]


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

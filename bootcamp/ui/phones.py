"""Who holds a seat by phone, as the console last heard: marked beside their name in People and the answers."""

from __future__ import annotations

from textual.dom import DOMNode

PHONE = "📱"


def phones_of(node: DOMNode) -> frozenset[str]:
    """The participant ids whose seat a phone holds; none while joining is off (or in a projector window)."""
    joining = getattr(node.app, "joining", None)
    return joining.phones if joining is not None else frozenset()

"""A scale's options as single-key bindings on the focused answering widget, shown in the footer."""

from __future__ import annotations

from textual.keys import _character_to_key
from textual.widget import Widget

from bootcamp.content.model import Scale


def bind_scale(widget: Widget, scale: Scale, action: str = "answer") -> dict[str, str]:
    """Bind each option's key to ``action('<option id>')``; returns key name → option id."""
    keys: dict[str, str] = {}
    for option in scale.options:
        key = _character_to_key(option.key)
        keys[key] = option.id
        widget._bindings.bind(key, f"{action}({option.id!r})", option.label, key_display=option.key)
    return keys

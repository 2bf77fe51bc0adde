"""A scale's options as single-key bindings on the focused answering widget, shown in the footer.

Textual runs a binding only once its key has bubbled from the focused widget up to the app, through every
container on the way (on the console: the answers' box, the question, the step's scroll, two columns, the
screen), one message queue each: about a sixth of an answer key's time to the answer on screen (measured).
The focused widget's own bindings are the first the app tries anyway (priority bindings were tried before
the key came down to it), and no container above an answering widget takes letters on their way up, so an
answer key runs its binding where it lands (:class:`AnswerKeys`); any other key goes up as before.
"""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widget import Widget

from bootcamp.content.model import Scale


class AnswerKeys:
    """Mixed into a widget (before its Textual base): its scale's keys (:func:`bind_scale`) run their binding here,
    without the way up to the app. Not a Widget itself: as a subclass of one it would set ``can_focus`` to
    Widget's False for every table that mixed it in."""

    _answer_keys: frozenset[str] = frozenset()

    async def _on_key(self: Widget, event: events.Key) -> None:
        if event.key not in self._answer_keys:
            return  # Textual's own handling follows (this class's base), and the key goes up
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()  # taken: the app would have run this same binding first
                event.prevent_default()  # and no handler of a base class sees it
                return


def bind_scale(widget: Widget, scale: Scale, action: str = "answer") -> dict[str, str]:
    """Bind each option's key to ``action('<option id>')``; returns key name → option id."""
    keys: dict[str, str] = {}
    for option in scale.options:
        key = _character_to_key(option.key)
        keys[key] = option.id
        widget._bindings.bind(key, f"{action}({option.id!r})", option.label, key_display=option.key)
    if isinstance(widget, AnswerKeys):
        widget._answer_keys = frozenset(keys)
    return keys

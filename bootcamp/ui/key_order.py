"""Keys typed in a burst are handled one after another, each where the one before left the focus.

Textual sends a key to the widget focused when the app reads it, and runs the key's binding once
the key has bubbled back up to the app. Keys read in one burst were therefore all sent to the
widget focused before the first of them ran: after ``a`` (go to the answers) the ``y n p`` typed
with it went to the step instead of the answers, and were lost; a roster typed after Tab went into
the field Tab left; Backspaces typed as the palette opened went to the console. So the app lets
one key in at a time: the next is read once the one before has been handled by every widget it
bubbled through, the app's bindings included, and so has what it made the widget that took it post
(Enter in a field: ``Submitted``, whose handler moves the focus to the next field), and the screen
has refreshed (what that key mounted or focused is in place). A key typed alone goes through at
once, as before.
"""

from __future__ import annotations

from collections import deque
from time import monotonic
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ReturnType
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer

# A key whose handling never reports back (a widget awaiting a dialog, a widget removed with the key
# still in its queue) lets the next one in after this long, as Textual would have at once. Watched only
# while keys wait: a timer per key cost 80 µs of every key press (measured here).
KEY_STUCK_SECONDS = 1.0


class KeysInOrderApp(App[ReturnType]):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._key_busy = False  # a key is being handled, or the screen refreshed after it
        self._key_handled_last: events.Key | None = None  # the key being handled, until it is
        self._key_let_in: events.Key | None = None  # a waiting key, posted again to be handled now
        self._keys_waiting: deque[events.Key] = deque()
        self._key_started = 0.0  # when the key being handled was let in (monotonic)
        self._key_target: MessagePump = self  # where the key being handled was sent
        self._key_stuck_timer: Timer | None = None  # runs only while keys wait

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if event is self._key_let_in:
            self._key_let_in = None
        elif self._key_busy:
            self._keys_waiting.append(event)
            self._watch_for_a_stuck_key(KEY_STUCK_SECONDS)
            return
        self._key_busy = True
        self._key_handled_last = event
        self._key_started = monotonic()
        # Where Textual sends it, unless a priority binding takes it.
        target = self._key_target = self.focused or self.screen
        await super().on_event(event)
        if event.is_forwarded:
            self._follow(event, target)
        else:
            self._key_done(event)

    def _follow(self, key: events.Key, node: MessagePump) -> None:
        """Be told once ``node`` has handled ``key`` (a callback queued behind the key runs after it)."""
        if not node.call_later(self._key_left, key, node):
            self._key_done(key)  # the widget is closing: the key goes no further

    def _key_left(self, key: events.Key, node: MessagePump) -> None:
        if key is not self._key_handled_last:
            return  # given up on (KEY_STUCK_SECONDS)
        if node is self:
            # The app ran the key's binding, which may have posted to the widget it belongs to (Enter in a
            # field: ``Submitted``): follow the way up again from where the key was sent.
            self._settle(key, self._key_target)
        elif isinstance(node, Screen):
            self._follow(key, self)  # a screen passes keys up to the app (Textual stops them just after it)
        elif node.parent is None or not node.is_attached:
            self._key_done(key)  # removed with the key: it goes no further
        elif key._stop_propagation:
            self._settle(key, node)  # a widget took it (a field typed the letter)
        else:
            self._follow(key, node.parent)

    def _settle(self, key: events.Key, node: MessagePump) -> None:
        """Be told once what ``key`` made ``node`` post to itself has been handled on its way up to the app.

        A field posts what a key did to itself, and it bubbles up (a letter: ``Changed``; Enter: ``Submitted``,
        whose handler may move the focus on); a callback queued behind it at each widget up the tree runs after
        it was handled there.
        """
        if node is self or not node.call_later(self._settled_at, key, node):
            self._key_done(key)

    def _settled_at(self, key: events.Key, node: MessagePump) -> None:
        if key is not self._key_handled_last:
            return  # given up on (KEY_STUCK_SECONDS)
        above = self if isinstance(node, Screen) else node.parent
        if node is self or above is None or not node.is_attached:
            self._key_done(key)
        elif not above.call_later(self._settled_at, key, above):
            self._key_done(key)

    def _key_done(self, key: events.Key) -> None:
        if key is not self._key_handled_last:
            return
        self._key_handled_last = None
        if not self.call_after_refresh(self._next_key):
            self._key_busy = False

    def _next_key(self) -> None:
        if not self._keys_waiting:
            self._key_busy = False
            if self._key_stuck_timer is not None:
                self._key_stuck_timer.stop()
                self._key_stuck_timer = None
            return
        self._key_let_in = self._keys_waiting.popleft()
        if not self.post_message(self._key_let_in):
            self._key_busy = False

    def drop_waiting_keys(self) -> int:
        """Forget the keys typed after the one being handled (a dialog that a stray key dismissed: the rest of that
        burst was typed before anyone saw the dialog); how many were dropped."""
        dropped = len(self._keys_waiting)
        self._keys_waiting.clear()
        return dropped

    def _watch_for_a_stuck_key(self, seconds: float) -> None:
        if self._key_stuck_timer is None:
            self._key_stuck_timer = self.set_timer(seconds, self._check_for_a_stuck_key, name="key stuck")

    def _check_for_a_stuck_key(self) -> None:
        self._key_stuck_timer = None
        if not self._key_busy:
            return
        waited = monotonic() - self._key_started
        if self._key_let_in is not None:  # let in, still in the app's queue: it comes in its turn
            self._watch_for_a_stuck_key(KEY_STUCK_SECONDS)
        elif waited < KEY_STUCK_SECONDS:  # the key in hand came in since: watch it for the rest of its time
            self._watch_for_a_stuck_key(KEY_STUCK_SECONDS - waited)
        elif self._key_handled_last is not None:
            self._key_done(self._key_handled_last)  # given up following: the next comes in after a refresh
        else:
            self._next_key()  # the refresh it waited for never came
        if self._keys_waiting:
            self._watch_for_a_stuck_key(KEY_STUCK_SECONDS)

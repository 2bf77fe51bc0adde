"""The screen's keys on one line, the ones that matter first: one widget drawing one line of text.

It replaces Textual's footer, which is a container of one widget per key, composed again each time
the bindings change (a focus moving, a screen opening): on home's first start that was 30–40 ms of
styling, mounting and laying out keys, after the first frame and before the list could be drawn.
This bar works out which keys fit and draws them as one line, redrawn only when that line changes.

What fits: the keys a screen names in ``FOOTER_KEPT`` (and Help and Quit everywhere) are never left
out; the others show from the left while they fit and stop at the first that does not. Every key
left out is still listed by ``?`` and the palette. The palette key sits at the right edge, and goes
when even the kept keys need its room. A key is clicked as in Textual's footer: the click presses it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

KEPT_EVERYWHERE = frozenset({"help", "quit"})  # actions (not keys) whose key never makes way
PALETTE_BORDER = "▏"
PALETTE_WIDTH = cell_len(PALETTE_BORDER + "^p palette")  # its left border, then the key and its description


def key_width(key_display: str, description: str) -> int:
    """Cells a key takes: the key, a space, the description, a margin of one."""
    return cell_len(key_display) + 1 + cell_len(description) + 1


def fitting(widths: list[tuple[int, bool]], room: int) -> list[bool]:
    """Which keys to show (in order) within ``room`` cells: ``widths`` is (cells, always kept) per key.

    Kept keys always show; the others show from the left while they fit beside every kept key, and stop at the
    first that does not (a shorter one further on would show Mixed without Strength).
    """
    used = sum(width for width, kept in widths if kept)
    shown = []
    full = False
    for width, kept in widths:
        fits = kept or (not full and used + width <= room)
        if not kept:
            full = full or not fits
            used += width if fits else 0
        shown.append(fits)
    return shown


@dataclass(frozen=True)
class ShownKey:
    """One key as the bar draws it, from cell ``x`` (its label is ``label``; the palette's starts with its border)."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    x: int
    palette: bool = False

    @property
    def label(self) -> str:
        return f"{PALETTE_BORDER if self.palette else ''}{self.key_display} {self.description}"

    @property
    def width(self) -> int:
        return cell_len(self.label)


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover", "key-bar--border"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            background: $block-hover-background;
        }
        .key-bar--border {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: tuple[ShownKey, ...] = ()  # what is drawn, left to right (the palette key last)
        self._hovered: ShownKey | None = None
        self._ready = False  # the screen's bindings are known (its first bindings signal came)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self._ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._lay_out()

    def on_resize(self, event: events.Resize) -> None:
        if self._ready:
            self._lay_out()

    # -- which keys -------------------------------------------------------------------------------------------

    def kept_actions(self) -> frozenset[str]:
        return KEPT_EVERYWHERE | getattr(self.screen, "FOOTER_KEPT", frozenset())

    def shown_bindings(self) -> Iterable[tuple[Binding, bool, str]]:
        """(binding, enabled, tooltip) of each key the bar would show with room enough, one per action.

        A kept action whose shown key a focused widget took (→ moves the grid's cursor) shows by its other key
        (PageDown): Next stays on the bar wherever the focus is.
        """
        active = list(self.screen.active_bindings.values())
        kept = self.kept_actions()
        shown_somewhere = {binding.action for _node, binding, _enabled, _tooltip in active if binding.show}
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in active:
            if binding.action in actions:
                continue
            if binding.show or (binding.action in kept and binding.action not in shown_somewhere):
                actions.add(binding.action)
                yield binding, enabled, tooltip

    def palette_binding(self) -> tuple[Binding, bool, str] | None:
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return None if found is None else (found[1], found[2], found[3] or found[1].tooltip or found[1].description)

    def _lay_out(self) -> None:
        room = self.size.width or self.app.size.width
        display = self.app.get_key_display
        kept = self.kept_actions()
        candidates = [
            (ShownKey(binding.key, display(binding), binding.description, binding.action, enabled, tooltip, 0),
             binding.action in kept)
            for binding, enabled, tooltip in self.shown_bindings()
        ]  # fmt: skip
        widths = [(key_width(key.key_display, key.description), is_kept) for key, is_kept in candidates]
        palette = self.palette_binding()
        show_palette = palette is not None and sum(w for w, k in widths if k) + PALETTE_WIDTH <= room
        shown = fitting(widths, room - (PALETTE_WIDTH if show_palette else 0))
        keys, x = [], 0
        for (key, _kept), (width, _), show in zip(candidates, widths, shown):
            if show:
                keys.append(dataclasses.replace(key, x=x))
                x += width
        if show_palette and palette is not None:
            binding, enabled, tooltip = palette
            keys.append(
                ShownKey(binding.key, display(binding), binding.description, binding.action, enabled, tooltip,
                         room - PALETTE_WIDTH, palette=True)
            )  # fmt: skip
        if tuple(keys) != self.keys:
            self.keys = tuple(keys)
            if self._hovered not in self.keys:
                self._hover(None)
            self.refresh()

    # -- drawing ----------------------------------------------------------------------------------------------

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = Style(bgcolor=self.get_component_rich_style("key-bar--hover").bgcolor)  # the key's colours stay
        border_style = self.get_component_rich_style("key-bar--border")
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self.keys:
            line.append(" " * (key.x - line.cell_len))
            extra = (hover_style if key is self._hovered else Style()) + Style(dim=not key.enabled)
            if key.palette:
                line.append(PALETTE_BORDER, border_style)
            line.append(key.key_display, key_style + extra)
            line.append(f" {key.description}", description_style + extra)
        return line

    # -- the mouse --------------------------------------------------------------------------------------------

    def key_at(self, x: int) -> ShownKey | None:
        return next((key for key in self.keys if key.x <= x < key.x + key.width), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, key: ShownKey | None) -> None:
        if key is not self._hovered:
            self._hovered = key
            self.tooltip = key.tooltip or None if key is not None else None
            self.refresh()

"""A compact footer that shows only the keys that fit, the ones that matter first.

Textual's footer lays every shown key in one scrolling row and docks the palette key over its
right end: at 80 columns the console's keys ran on under the palette key, so Present, Help and
Quit were hidden, and the palette key's right margin let the first letter of a hidden key show
in the last cell (``^p palettel``). This footer measures the keys and leaves out, from the right,
those that do not fit; the keys a screen names in ``FOOTER_KEPT`` (and Help and Quit everywhere)
are never left out. Every key left out is still listed by ``?`` and the palette. The palette key
goes last, when even the kept keys need its room.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KEPT_EVERYWHERE = frozenset({"help", "quit"})  # actions (not keys) whose footer key never makes way
PALETTE_WIDTH = 1 + cell_len("^p palette")  # its left border, then the key and its description


def key_width(key_display: str, description: str) -> int:
    """Cells a compact footer key takes: the key, a space, the description, a margin of one."""
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


class FittingFooter(Footer):
    DEFAULT_CSS = """
    /* Flush right: Textual's compact margin here uncovered one cell of the scrolled keys behind it. */
    FittingFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(compact=True, id=id)
        self._laid_out_for = 0  # the width the keys were chosen for

    def kept_actions(self) -> frozenset[str]:
        return KEPT_EVERYWHERE | getattr(self.screen, "FOOTER_KEPT", frozenset())

    def shown_bindings(self) -> Iterable[tuple[Binding, bool, str]]:
        """(binding, enabled, tooltip) of each key the footer would show with room enough, one per action.

        A kept action whose shown key a focused widget took (→ moves the grid's cursor) shows by its other key
        (PageDown): Next stays in the footer wherever the focus is.
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

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        room = self.size.width or self.app.size.width
        self._laid_out_for = room
        bindings = list(self.shown_bindings())
        palette = self.palette_binding()
        kept = self.kept_actions()
        widths = [(key_width(self.app.get_key_display(b), b.description), b.action in kept) for b, _, _ in bindings]
        show_palette = palette is not None and sum(w for w, k in widths if k) + PALETTE_WIDTH <= room
        shown = fitting(widths, room - (PALETTE_WIDTH if show_palette else 0))
        for (binding, enabled, tooltip), show in zip(bindings, shown):
            if show:
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip,
                ).data_bind(compact=Footer.compact)
        if show_palette and palette is not None:
            binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def palette_binding(self) -> tuple[Binding, bool, str] | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return None if found is None else (found[1], found[2], found[3])

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._laid_out_for:
            self.call_after_refresh(self.recompose)

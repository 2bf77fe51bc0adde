"""A DataTable whose header never lags behind its columns, and whose changed cell redraws only its row.

Textual 8.2.8's DataTable caches each rendered line under a key that counts row and cell
changes, but not the column widths it measures later, when idle: a header drawn between
adding the rows and measuring them keeps its old, narrow widths on screen. Clearing the
line cache after each measurement draws it again. (Private API: Textual is pinned, and a
bump re-runs the snapshots that would show this coming back.)

``update_cell`` in Textual marks the whole table for a repaint: every line is drawn again for
one answer (about half of an answer key's time, profiled). A cell whose column keeps its width
only needs its own row's lines, which is what is refreshed here.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.widgets import DataTable
from textual.widgets._data_table import CellDoesNotExist, CellType, ColumnKey, RowKey


class SteadyTable(DataTable[CellType]):
    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        # Cells and lines are cached without their width too: a header drawn before the measurement kept
        # its labels' own widths when the rows came in one show (home lists them at once from the index).
        self._row_render_cache.clear()
        self._cell_render_cache.clear()
        self._line_cache.clear()

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        # A table that shrinks keeps its scroll: home's detail growing to a long roster under it hid the
        # highlighted row below the table's bottom edge. The cursor is scrolled back into view once laid out.
        if self.show_cursor and self.row_count:
            self.call_after_refresh(self._scroll_cursor_into_view)

    def measure_now(self) -> None:
        """Measure the rows just added now rather than when idle, so the next frame draws them.

        Textual measures new rows on idle: a table filled and laid out in one go (home's list) was laid out 0
        lines high, painted so, and drawn with its rows only a frame later (about 25 ms into a start).
        """
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        """As DataTable's, but repaints only the cell's row when the column's width stays as it is."""
        if update_width or self.fixed_rows:  # a frozen row is drawn where scrolling does not move it
            super().update_cell(row_key, column_key, value, update_width=update_width)
            return
        self.update_cells([(row_key, column_key, value)])

    def _forget(self, cells: set[tuple[RowKey, ColumnKey]], rows: set[int]) -> None:
        """Only these cells, and the rows they are in, drawn again wherever they are drawn next.

        Textual counts every change in the caches' keys (``_update_count``), which drops every cell's rendering
        for one cell changed. The rating grid of a 40-person room has 80 answer columns; it draws its own cursor
        in its cells, so each arrow key changed two cells and the next frame rendered all 900 cells again (about
        250 ms for a move to the next person). Dropped here by key instead; the lines are cheap to join again.
        """
        row_keys = {row_key for row_key, _ in cells}
        for key in [key for key in self._cell_render_cache.keys() if (key[0], key[1]) in cells]:
            self._cell_render_cache.discard(key)
        for key in [key for key in self._row_renderable_cache.keys() if key[1] in rows]:
            self._row_renderable_cache.discard(key)
        for key in [key for key in self._row_render_cache.keys() if key[0] in row_keys]:
            self._row_render_cache.discard(key)
        self._line_cache.clear()

    def update_cells(self, cells: Iterable[tuple[RowKey | str, ColumnKey | str, CellType]]) -> None:
        """Several cells at once, each column keeping its width: each row they are in is repainted once."""
        if self.fixed_rows:
            for row_key, column_key, value in cells:
                super().update_cell(row_key, column_key, value)
            return
        rows: set[int] = set()
        changed: set[tuple[RowKey, ColumnKey]] = set()
        for row_key, column_key, value in cells:
            row_key = RowKey(row_key) if isinstance(row_key, str) else row_key
            column_key = ColumnKey(column_key) if isinstance(column_key, str) else column_key
            if row_key not in self._row_locations or column_key not in self._column_locations:
                raise CellDoesNotExist(f"No cell exists for row_key={row_key!r}, column_key={column_key!r}.")
            self._data[row_key][column_key] = value
            rows.add(self._row_locations.get(row_key))
            changed.add((row_key, column_key))
        if not rows:
            return
        self._forget(changed, rows)
        if len(rows) * 2 > max(1, self.row_count):
            self.refresh()  # most rows changed (another step's answers): one repaint, not one per row
        else:
            for row in rows:
                self.refresh_row(row)

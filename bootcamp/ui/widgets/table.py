"""A DataTable whose header never lags behind its columns.

Textual 8.2.8's DataTable caches each rendered line under a key that counts row and cell
changes, but not the column widths it measures later, when idle: a header drawn between
adding the rows and measuring them keeps its old, narrow widths on screen. Clearing the
line cache after each measurement draws it again. (Private API: Textual is pinned, and a
bump re-runs the snapshots that would show this coming back.)
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets._data_table import CellType, RowKey


class SteadyTable(DataTable[CellType]):
    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        # Cells and lines are cached without their width too: a header drawn before the measurement kept
        # its labels' own widths when the rows came in one show (home lists them at once from the index).
        self._row_render_cache.clear()
        self._cell_render_cache.clear()
        self._line_cache.clear()

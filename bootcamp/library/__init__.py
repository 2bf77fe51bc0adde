"""The library index: every workshop of the data folder in one TinyDB database, a cache of the folders (no Textual).

Home, search and the actions view read it through :class:`Library`; see :mod:`bootcamp.library.index_file`.
"""

from bootcamp.library.library import Library
from bootcamp.library.model import LibraryListing, LibraryRow, OpenAction, SearchHit

__all__ = ["Library", "LibraryListing", "LibraryRow", "OpenAction", "SearchHit"]

"""Text that is not UTF-8 read as Windows-1252: what Word's "Plain Text" and Excel's CSV save on Windows.

One reading for every file the app takes in (a posting, a sheet of answers); each caller says in its own words
that a file was read so, or why it was refused.
"""

from __future__ import annotations


def as_windows_1252(data: bytes) -> str | None:
    """``data`` read as Windows-1252; None when a byte is no character there (0x81, 0x8d, 0x8f, 0x90, 0x9d)."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None

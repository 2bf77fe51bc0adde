"""The join URL as a QR code, black on white whatever the theme, for the join slide on the wall.

Pure Python (segno). The console draws :func:`qr_matrix` with half blocks; a page or an export can use
:func:`qr_svg`. Both keep the quiet zone (four modules of white) a phone's camera needs around the code.
"""

from __future__ import annotations

QUIET_ZONE = 4  # modules of white round the code, as the QR standard asks


def _code(url: str):  # type: ignore[no-untyped-def]
    import segno

    # Medium error correction (segno raises it when the size allows): a projected code is sharp but may be small.
    return segno.make(url, error="m", micro=False)


def qr_matrix(url: str, *, border: int = QUIET_ZONE) -> tuple[tuple[bool, ...], ...]:
    """Rows of modules, True for black, the quiet zone included."""
    return tuple(tuple(bool(module) for module in row) for row in _code(url).matrix_iter(scale=1, border=border))


def qr_svg(url: str, *, scale: int = 8, border: int = QUIET_ZONE) -> str:
    """A standalone SVG image of the code, black modules on a white square."""
    return _code(url).svg_inline(scale=scale, border=border, dark="#000000", light="#ffffff")

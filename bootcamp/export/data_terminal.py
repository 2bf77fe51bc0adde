"""Stored text on a terminal: control characters are shown, never obeyed.

A name or a comment may hold escape sequences (``\\x1b[31m``, an OSC 8 link, a C1
CSI ``\\x9b``) or bidi overrides; printed raw they would recolour, retitle or
reorder the user's terminal. Here each becomes a visible ``\\x1b``-style escape.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline only where the caller allows them), DEL, C1 controls, bidi overrides and
# isolates, and lone surrogates (which a terminal cannot even be sent).
_UNSAFE_INLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with every control character shown as an escape; ``keep_lines`` keeps newlines and tabs."""
    return (_UNSAFE_LINES if keep_lines else _UNSAFE_INLINE).sub(_visible, text)

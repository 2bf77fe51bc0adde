"""The short code in a join URL (``http://HOST:PORT/CODE``): read off a wall and typed on a phone.

Capital letters only, without those that look like digits or like each other (I, L, O, S, Z, B, U),
so a code read aloud or from the back of the room is typed right. Five of the nineteen left make
about 2.5 million codes; the server slows and then refuses an address that keeps guessing.
"""

from __future__ import annotations

import secrets

CODE_LETTERS = "ACDEFGHJKMNPQRTVWXY"
CODE_LENGTH = 5


def new_join_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(length))


def looks_like_a_code(text: str) -> bool:
    """Whether ``text`` could be someone's try at a code (4–6 letters or digits), as opposed to a stray path."""
    return 4 <= len(text) <= 6 and text.isascii() and text.isalnum()

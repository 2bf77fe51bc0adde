"""Generated ids: short, URL- and file-safe, never derived from a name.

Workshop ids name folders and participant ids name answer files, so every id
read from outside (a command line, an import) is checked with :func:`is_safe_id`
before it becomes part of a path.
"""

from __future__ import annotations

import re
from collections.abc import Container

# Lower case without look-alikes (0/o, 1/l/i), so an id read aloud or off a projector is typed right.
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_BALLOT_PREFIX = "b"
_PARTICIPANT_PREFIX = "p"


def _random(length: int) -> str:
    import secrets  # here: it loads hmac and random, which checking an id (home's list) does not need

    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_workshop_id() -> str:
    return _random(8)


def new_participant_id(taken: Container[str] = ()) -> str:
    while (candidate := _PARTICIPANT_PREFIX + _random(7)) in taken:
        pass
    return candidate


def new_ballot_id() -> str:
    """An id to store one secret-ballot answer under instead of the participant's id.

    Longer than a participant id, so the ballots of a step can never be linked back by guessing.
    """
    return _BALLOT_PREFIX + _random(15)


def is_ballot_id(value: str) -> bool:
    return len(value) == 16 and value.startswith(_BALLOT_PREFIX) and all(c in ALPHABET for c in value[1:])


def new_record_id(prefix: str) -> str:
    """Ids for room notes, role lines and actions: ``n-…``, ``r-…``, ``a-…``."""
    return f"{prefix}-{_random(8)}"


def is_safe_id(value: str) -> bool:
    """Whether ``value`` can name a file or folder: no separators, no dots, no leading dash."""
    return bool(_SAFE_ID.match(value))

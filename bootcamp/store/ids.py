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
MAX_ID_LENGTH = 64
_SAFE_ID = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9_-]{{0,{MAX_ID_LENGTH - 1}}}$")
_ID_CHARACTERS = re.compile(r"^[A-Za-z0-9_-]*$")
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


def id_problem(value: str, what: str) -> str | None:
    """Why ``value`` cannot be a ``what`` id ("workshop"), in one sentence, or None when it can: the rule it breaks,
    not the whole rule, so "-rf" is told what is wrong with it though it is made of the right characters."""
    if is_safe_id(value):
        return None
    shown = repr(value if len(value) <= 40 else value[:40] + "…")
    if not value:
        reason = "it is empty"
    elif not _ID_CHARACTERS.match(value):
        reason = "only letters, digits, - and _ are allowed"
    elif not value[0].isalnum():
        reason = "it must start with a letter or a digit"
    else:
        reason = f"it has {len(value)} characters, and an id has at most {MAX_ID_LENGTH}"
    return f"{shown} cannot be a {what} id: {reason}"

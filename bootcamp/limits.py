"""The longest text each field may hold, and the largest roster: one place for every way in (no imports).

Generous for people, and short enough that one pasted file cannot fill a slide, a phone's page or
the disk. :mod:`bootcamp.checks` refuses what breaks them, naming the limit; the README lists them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    what: str  # "a comment"
    chars: int


WORKSHOP_NAME = Limit("a workshop name", 120)
ORGANISATION = Limit("an organisation", 120)
PERSON_NAME = Limit("a participant's name", 80)
ROLE = Limit("a role", 80)
COMMENT = Limit("a comment", 2_000)
NOTE = Limit("a note", 5_000)
ROLE_LINE = Limit("a role line", 1_000)
ACTION_WHAT = Limit("an action", 500)
ACTION_OWNER = Limit("an action's owner", 80)
MAX_PARTICIPANTS = 200
LIMITS = (WORKSHOP_NAME, ORGANISATION, PERSON_NAME, ROLE, COMMENT, NOTE, ROLE_LINE, ACTION_WHAT, ACTION_OWNER)


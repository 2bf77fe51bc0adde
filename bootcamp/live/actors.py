"""Who made a change to the live workshop: the console today, a participant's phone next.

Every change and every undo carries one, so the console can say whose change it takes back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The console, a participant's phone or a command: said when a change is undone."""

    kind: str  # "console", "phone" or "command"
    participant_id: str = ""
    name: str = ""

    def __str__(self) -> str:
        if self.kind == "phone":
            return f"{self.name or 'a participant'}'s phone"
        if self.kind == "command":
            return f"the command {self.name}" if self.name else "a command"
        return "the console"


CONSOLE = Actor("console")


def phone(participant_id: str, name: str) -> Actor:
    return Actor("phone", participant_id, name)

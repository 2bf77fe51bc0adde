"""Who a summary says wrote or rated something: a participant's name, told apart from anyone else of that name."""

from __future__ import annotations

from collections.abc import Iterable

from bootcamp.store.model import Participant


def _folded(text: str) -> str:
    """Case and spaces aside, as the roster compares names."""
    return " ".join(text.split()).casefold()


def told_apart(people: Iterable[Participant]) -> dict[str, str]:
    """Participant id → the name a summary shows beside a comment or a row: the display name, and where two people
    (removed ones too) share it, with their role ("Sam Lee (CFO)"); with the seat as well when the role does not tell
    them apart either ("Sam Lee (CFO, P2)", "Sam Lee (P3)")."""
    people = tuple(people)
    groups: dict[str, list[Participant]] = {}
    for person in people:
        groups.setdefault(_folded(person.display_name), []).append(person)
    shown: dict[str, str] = {}
    for group in groups.values():
        roles = [_folded(person.role) for person in group]
        for person in group:
            if len(group) == 1:
                shown[person.id] = person.display_name
                continue
            role = person.role.strip()
            unique = role and roles.count(_folded(role)) == 1
            tag = role if unique else ", ".join(filter(None, (role, f"P{person.number}")))
            shown[person.id] = f"{person.display_name} ({tag})"
    return shown

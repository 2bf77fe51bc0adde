"""A person's name as the room hears it, whichever way it was typed (pure: no Textual, no files).

A phone's typed name and a name typed from a paper sheet into a CSV are both matched to the roster with
:func:`name_key`, so "chloe  martin", "Chloé Martin" and "Grace O’Neil" / "Grace O'Neil" are one person each.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from bootcamp.store.workshop_info import Participant

# Apostrophes a keyboard, a phone or a word processor may put in a name, all read as "'".
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\uff07"
_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))
# Letters no decomposition takes an accent off (a stroke, a ligature), read as an English keyboard types them:
# "Zoe Lukasiewicz" typed from a paper sheet is Zoë Łukasiewicz, "Bjorn" is Bjørn. Applied after casefold.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae",
                                "œ": "oe", "þ": "th"})


def name_key(name: str) -> str:
    """A name as the room hears it: "david  okonkwo" and "David Okonkwo" are one person, as are "Renee" and
    "Renée", "Bjorn" and "Bjørn", "O’Neil" and "O'Neil", and "محمد" with or without its vowel marks; what cannot
    be seen (a zero-width space, a direction mark) is left out. Marks that make another name are kept: "ゆうご"
    is not "ゆうこ"."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not _optional_mark(c) and unicodedata.category(c) != "Cf"
    )
    return " ".join(bare.translate(_APOSTROPHES).casefold().translate(_PLAIN_LETTERS).split())


def _optional_mark(char: str) -> bool:
    """An accent a name may be typed with or without: the combining accents of Latin, Greek and Cyrillic letters,
    and the vowel points of Arabic and Hebrew. Not a Japanese voicing mark, nor a Thai or Indic vowel or tone mark,
    which make another word."""
    point = ord(char)
    return unicodedata.combining(char) != 0 and (
        0x0300 <= point <= 0x036F  # combining diacritical marks
        or 0x1AB0 <= point <= 0x1AFF  # … extended
        or 0x1DC0 <= point <= 0x1DFF  # … supplement
        or 0x0591 <= point <= 0x05C7  # Hebrew points and cantillation
        or 0x0610 <= point <= 0x061A  # Arabic signs
        or 0x064B <= point <= 0x065F  # Arabic vowel marks (harakat)
        or point == 0x0670  # Arabic superscript alef
    )


def nearest_name(name: str, names: Iterable[str]) -> str | None:
    """The one name of ``names`` that ``name`` was probably meant to be ("Chloe Martn", or just "Chloe", for
    "Chloé Martin"), or None when none is near or several are equally so. Nor when the nearest is two names read as
    one ("Łukasz Nowak" and "Lukasz Nowak"): offering either would pick one of two people."""
    keys: dict[str, set[str]] = {}
    for known in names:
        keys.setdefault(name_key(known), set()).add(known)
    key = name_key(name)
    if not key:
        return None
    words = set(key.split())
    holders = [k for k in keys if words <= set(k.split())]
    if len(holders) == 1:
        return _only(keys[holders[0]])
    close = difflib.get_close_matches(key, list(keys), n=2, cutoff=0.75)
    if len(close) == 1 or (len(close) == 2 and _ratio(key, close[0]) > _ratio(key, close[1])):
        return _only(keys[close[0]])
    return None


def _only(spellings: set[str]) -> str | None:
    return next(iter(spellings)) if len(spellings) == 1 else None


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def folded_name(text: str) -> str:
    """Case and spaces aside, as the roster compares names; composed (NFC), so a name typed on a Mac (its accents
    sent apart) is the same name typed on Windows."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()



def people_named(people: Iterable[Participant], name: str) -> list[Participant]:
    """Those of ``people`` whose name reads as ``name`` (:func:`name_key`), in their order; none for a blank name, and
    never a seat without a name (shown as P3). How a phone's typed name and ``bootcamp forget``'s PERSON find seats."""
    key = name_key(name)
    return [person for person in people if key and name_key(person.name) == key]

def namesakes(added: Iterable[Participant], people: Iterable[Participant]) -> list[tuple[Participant, Participant]]:
    """Each of ``added`` with the first one before it in ``people`` (the roster's order; in the room or removed, or
    added with it: a row pasted twice) whose name a phone reads as the same ("ben okafor" as Ben Okafor): a walk-in
    who may be someone already listed."""
    new_ids = {person.id for person in added}
    first_of: dict[str, Participant] = {}
    found: list[tuple[Participant, Participant]] = []
    for person in people:
        key = name_key(person.display_name)
        if not key:
            continue
        if person.id in new_ids and key in first_of:
            found.append((person, first_of[key]))
        first_of.setdefault(key, person)
    return found


def told_apart(people: Iterable[Participant]) -> dict[str, str]:
    """Participant id → the name a summary shows beside a comment or a row, and a phone's list of names: the display
    name, and where two people (removed ones too) share it, with their role ("Sam Lee (CFO)"); with the seat as well
    when the role does not tell them apart either ("Sam Lee (CFO, P2)", "Sam Lee (P3)")."""
    people = tuple(people)
    groups: dict[str, list[Participant]] = {}
    for person in people:
        groups.setdefault(folded_name(person.display_name), []).append(person)
    shown: dict[str, str] = {}
    for group in groups.values():
        roles = [folded_name(person.role) for person in group]
        for person in group:
            if len(group) == 1:
                shown[person.id] = person.display_name
                continue
            role = person.role.strip()
            unique = role and roles.count(folded_name(role)) == 1
            tag = role if unique else ", ".join(filter(None, (role, f"P{person.number}")))
            shown[person.id] = f"{person.display_name} ({tag})"
    return shown

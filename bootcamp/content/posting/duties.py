"""What one line of a posting says: a duty (a duty verb first, or who will do what), boilerplate, a requirement of
the person, or a name."""

from __future__ import annotations

import re

from bootcamp.content.posting.text import _WORD, _every_word_capitalised, _plain, _words
from bootcamp.content.posting.vocabulary import (
    _ADVERBS,
    _BOILERPLATE,
    _LEAD_INS,
    _REQUIREMENT,
    _SAYS_WHO_DOES_WHAT,
    _THE_ROLE,
    DUTY_VERBS,
)


def reads_as_duty(line: str) -> bool:
    """Whether a sentence says what the role does: it starts with a duty verb, or says who will do what."""
    if _starts_with_duty_verb(line) or _SAYS_WHO_DOES_WHAT.search(_plain(line)):
        return True
    lead_in, comma, rest = line.partition(",")
    words = lead_in.split()
    # "Where needed, take over …": a short phrase that opens with a lead-in word or an adverb, then the duty
    return bool(comma and words and len(words) <= 8 and _opens_lead_in(words[0]) and _starts_with_duty_verb(rest))


_YOU_WILL = re.compile(rf"\b(?:you(?:'ll| will)|{_THE_ROLE} will)\s+(.*)")
# "You will be …" is a duty only as one of these; "you'll be joining", "you will get to …" describe the job.
_BE_A_DUTY = re.compile(
    r"^be (?:responsible|accountable|in charge|the \w+ (?:of|for)\b|the (?:voice|champion|owner|advocate))"
)
# Duty verbs that also open a line about the pay ("Earn up to £60k", "Receive a £2,000 joining bonus").
_PAY_VERBS = _words("earn earns receive receives get enjoy")
_NOT_A_DUTY_AFTER_YOU_WILL = _PAY_VERBS | _words("be join have")


def says_what_you_will_do(sentence: str) -> bool:
    """ "In this role you will shape …", "The successful candidate will be responsible for …": a duty in prose."""
    match = _YOU_WILL.search(_plain(sentence))
    if match is None:
        return False
    rest = match.group(1)
    if _BE_A_DUTY.match(rest):
        return True
    words = re.findall(r"[a-z]+", rest)
    first = next((word for word in words if not _is_adverb(word)), "")
    return first not in _NOT_A_DUTY_AFTER_YOU_WILL and _starts_with_duty_verb(rest)


def _starts_with_duty_verb(text: str) -> bool:
    """ "Lead …", "To lead …", "Personally lead …", "To personally and directly lead …"."""
    words = [word.lower() for word in re.findall(r"[A-Za-z]+", text)]
    if words[:1] == ["to"]:
        words = words[1:]  # "To lead …"
    at = 0
    while at < len(words) and (
        _is_adverb(words[at]) or (at and words[at] in ("and", "or") and _is_adverb(words[at - 1]))
    ):
        at += 1
    return at < len(words) and _is_duty_verb(words[at])


def _is_adverb(word: str) -> bool:
    # "Apply", "Supply" and "Rally" end in -ly and are verbs
    return word in _ADVERBS or (len(word) > 4 and word.endswith("ly") and not _is_duty_verb(word))


def _opens_lead_in(word: str) -> bool:
    word = word.lower()
    return word in _LEAD_INS or _is_adverb(word)


def _is_duty_verb(word: str) -> bool:
    """``word`` is a duty verb in any of its forms: lead, leads, leading; manage, managing; plan, planning."""
    word = word.lower().strip("'’")
    forms = {word}
    if word.endswith("ies") or word.endswith("ied"):
        forms.add(word[:-3] + "y")  # identifies, identified
    if word.endswith("es") or word.endswith("ed"):
        forms.add(word[:-2])  # reaches, tracked
    if word.endswith("s") or word.endswith("ed"):
        forms.add(word[:-1])  # leads, approved
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            forms |= {stem, stem + "e"}  # leading, managing
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # planning, planned
    forms |= {form.replace("iz", "is").replace("yz", "ys") for form in forms}  # authorize, analyze
    return not forms.isdisjoint(DUTY_VERBS)


# An amount is the job's pay ("£85,000 plus bonus", "45k per annum"), unless a duty's verb opens the line, or "you
# will" does: then it is the duty's ("Approve claims above £500", "Own a $5M budget", "You will approve … £1,000").
_AMOUNT = re.compile(r"[$£€]\s?\d|\bper (?:annum|year|hour)\b|\b\d+\s?k\b")
# So is a benefit's name in a duty: a health insurer's or a hospital's duties speak of the health plan, health care and
# pensions ("Lead patient experience across the health care system", "Handle members' enrolment in the health plan").
# A perk addressed to the reader is still a perk, whatever verb opens it ("Support your wellness with a gym membership").
_TO_THE_READER = re.compile(r"\byou(?:r|rs|rself)?\b")


def _boilerplate_kind(line: str) -> str:
    """The kind of boilerplate a line is ("pay and benefits" …), or ""."""
    text = _plain(line)
    kind = next((kind for kind, pattern in _BOILERPLATE.items() if pattern.search(text)), "")
    if kind == "pay and benefits" or (not kind and _AMOUNT.search(text)):
        perk = kind == "pay and benefits"
        return "" if _is_a_duty_naming_pay(line, text, perk=perk) else "pay and benefits"
    return kind


def _is_a_duty_naming_pay(line: str, text: str, *, perk: bool) -> bool:
    words = re.findall(r"[a-z]+", text)
    opens_with_duty = _starts_with_duty_verb(line) and not (words and words[0] in _PAY_VERBS)
    return (opens_with_duty and not (perk and _TO_THE_READER.search(text))) or says_what_you_will_do(line)


def _names_something(line: str) -> bool:
    """A line of a plain list that names (a company, a title, a place) or speaks for the company, not a duty."""
    words = _WORD.findall(line)
    if not words or words[0].lower() in ("we", "we're", "we've", "our", "us"):
        return True
    return _every_word_capitalised(words)


def _is_requirement(line: str) -> bool:
    return bool(_REQUIREMENT.search(_plain(line)))

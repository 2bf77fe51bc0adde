"""Prose: where a line was cut mid-sentence, where a sentence ends, a list run into a sentence, and a paragraph opened
by a label."""

from __future__ import annotations

import re

from bootcamp.content.posting.duties import _starts_with_duty_verb, reads_as_duty
from bootcamp.content.posting.text import _plain, _words

# A line ending in one of these words (or a comma, a hyphen, "&", "/", "(") was cut mid-sentence.
_JOINERS = _words(
    """
    a an and as at between by for from in including into of on or our the their through to via with within across
    your its that which who whose where while both either
    """
)
_ARTICLES = _words("a an the our their your its both either")
_ENDS_OPEN = re.compile(r"[,&/(\-–—]$")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
# A sentence ends at . ! ? followed by a space and a capital, digit or opening quote (so never inside "3.5"), unless the
# word before is an abbreviation ("e.g. Sales", "the Sr. VP") or initials ("U.S. Navy", "J. Smith").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z0-9\"'“‘(])")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_ABBREVIATIONS = _words(
    """
    e.g i.e incl approx vs etc mr mrs ms dr sr jr inc ltd co corp st no dept mgr esp
    """
)


def _ends_open(text: str) -> bool:
    words = text.split()
    return bool(_ENDS_OPEN.search(text)) or bool(words and words[-1].lower() in _JOINERS)


def _is_label(first: str, then: str) -> bool:
    """A paragraph opened by a few words that name what the duty after them is about ("Vulnerability. Make sure …")."""
    words = first.rstrip(".:").split()
    return 0 < len(words) <= LABEL_WORDS and not _starts_with_duty_verb(first) and reads_as_duty(then)


LABEL_WORDS = 4


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, split where a sentence ends (not after "e.g.", "Sr." or an initial, nor in "3.5")."""
    found: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        word = text[start : end.start()].split()[-1:]
        before = word[0].lower().lstrip("(\"'“‘").rstrip(".") if word else ""  # "(Sr. VP)"
        if before in _ABBREVIATIONS or _INITIALS.fullmatch(before):
            continue
        found.append(text[start : end.end()].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


# "Responsibilities include: a; b; and c.": a list run into a sentence, after a lead-in that says so.
_RUN_IN = re.compile(r"^(?P<lead_in>[^:;]{3,80}:)\s+(?P<items>[^:]*;[^:]*)$")
_RUN_IN_LEAD_IN = re.compile(
    r"responsibilit|\bdut(?:y|ies)\b|\binclud|\byou(?:'ll| will)\b|\bwill\b|\btasks?\b|accountabilit|\bremit\b|\brole\b"
)


def run_in_list(sentence: str) -> tuple[str, list[str]]:
    """A sentence's lead-in and the duties run into it ("Responsibilities include: a; b; and c.", or three or more
    duties joined by semicolons, each opening with its verb); else no lead-in and the sentence whole."""
    match = _RUN_IN.match(sentence)
    if match and _RUN_IN_LEAD_IN.search(_plain(match["lead_in"])):
        items = _semicolon_items(match["items"])
        if len(items) >= 2:
            return match["lead_in"], items
    if sentence.count(";") >= 2:
        items = _semicolon_items(sentence)
        if all(_starts_with_duty_verb(item) for item in items):
            return "", items
    return "", [sentence]


def _semicolon_items(text: str) -> list[str]:
    parts = (re.sub(r"^(?:and|or)\s+", "", part.strip()) for part in text.split(";"))
    return [part for part in parts if part]

"""Small ways with a posting's text that every part of the splitter shares: word lists, lower case for the
patterns, tidied lines, capitals."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A word list written as words."""
    return frozenset(text.split())


# Small words a name or title may have in lower case ("Head of Customer Experience").
_TITLE_SMALL_WORDS = _words("of and the for & in at on to a an de la")
# A word, as a name or title is written: "Head", "Customer", "O'Brien", "Co-founder"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _every_word_capitalised(words: list[str]) -> bool:
    return all(word[0].isupper() or word.lower() in _TITLE_SMALL_WORDS for word in words)


def _plain(text: str) -> str:
    """Lower case with straight apostrophes: what the patterns are written against."""
    return text.lower().replace("’", "'").replace("‘", "'")


def _capitalised(line: str) -> str:
    """A duty cut out of a longer line, its first letter a capital as a line's is ("manage …" after "; ")."""
    return line[:1].upper() + line[1:] if line[:1].islower() else line


def _tidy(line: str) -> str:
    """One space between words; a list's trailing ";", "," or "; and" taken off."""
    line = " ".join(line.split())
    return re.sub(r"\s*[;,]\s*(?:and|or)?$", "", line)

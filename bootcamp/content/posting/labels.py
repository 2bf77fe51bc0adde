"""A heading or a label at the start of a line, taken off the duty it names: "Responsibilities: Lead …",
"**Customer strategy.** Define …", "Customer Insight: Run …"."""

from __future__ import annotations

import re

from bootcamp.content.posting.duties import _starts_with_duty_verb, reads_as_duty
from bootcamp.content.posting.result import LeftOut, LeftOutKind
from bootcamp.content.posting.sections import _DUTY_HEADING
from bootcamp.content.posting.text import _WORD, _capitalised, _every_word_capitalised, _plain, _tidy
from bootcamp.content.posting.vocabulary import _BOILERPLATE

# "Responsibilities: Lead …": a duties heading with its first duties on the same line (a list after it is a run-in
# list, split with its lead-in: see prose.run_in_list).
_INLINE_HEADING = re.compile(r"^(?P<heading>[^:;•*\-\d][^:;]{2,40}:)\s+(?P<rest>[^;]+)$")


def _inline_heading(line: str, cells: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    match = _INLINE_HEADING.match(line.strip())
    # a duties heading by name ("Job title: …", "Role: …" name the job, not its duties)
    if match and len(match["heading"].split()) <= 5 and _DUTY_HEADING.search(_plain(match["heading"])):
        return [(match["heading"], ()), (_capitalised(match["rest"]), cells)]
    return [(line, cells)]


def _sentence_heading(sentence: str) -> tuple[str, str]:
    """A duties heading opening a sentence inside a paragraph, taken off it: a posting pasted as one paragraph."""
    parts = _inline_heading(sentence, ())
    return (_tidy(parts[0][0]), parts[1][0]) if len(parts) == 2 else ("", sentence)


# "**Customer strategy.** Define …", "- **Insight:** Share …", "*Operations*: Oversee …": a bold or italic label that
# names the duty after it, its stop inside the marks or its colon after them
_MARKED_LABEL = re.compile(
    r"^(?P<mark>\*\*|__|\*|_)(?P<label>[^*_]{1,60}?)(?:(?P<inside>[.:])(?P=mark)|(?P=mark)(?P<after>:))"
    r"\s+(?P<rest>\S.*)$"
)
# "Customer Insight: Run …": a label of one to three capitalised words before a duty, not marked
_TITLE_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w'’&/-]*(?: [\w'’&/-]+){0,2}):\s+(?P<rest>\S.*)$")


def _lead_in_label(text: str) -> tuple[tuple[LeftOut, ...], str]:
    """A label taken off the text it names, unless it is a duty ("**Own the plan:** with finance …") or names a term:
    "**Location:** Remote (US)" stays whole, to be left out as the job's terms."""
    marked = _MARKED_LABEL.match(text)
    if marked:
        label, rest = marked["label"] + (marked["inside"] or marked["after"]), marked["rest"]
        if len(label.split()) > 6:
            return (), text
    else:
        plain = _TITLE_LABEL.match(text)
        capitalised = plain is not None and _every_word_capitalised(_WORD.findall(plain["label"]))
        if plain is None or not capitalised or not reads_as_duty(plain["rest"]):
            return (), text
        label, rest = plain["label"] + ":", plain["rest"]
    if _starts_with_duty_verb(label) or _BOILERPLATE["location and terms"].search(_plain(label)):
        return (), text
    return (LeftOut(label, LeftOutKind.HEADING, "a label"),), _capitalised(rest)

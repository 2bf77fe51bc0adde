"""Which of a posting's pieces are duty lines, and why each other line is left out (the rules in the package's
docstring, part 4)."""

from __future__ import annotations

import re

from bootcamp.content.posting.duties import (
    _boilerplate_kind,
    _is_requirement,
    _names_something,
    _starts_with_duty_verb,
    reads_as_duty,
    says_what_you_will_do,
)
from bootcamp.content.posting.labels import _sentence_heading
from bootcamp.content.posting.lines import _lines
from bootcamp.content.posting.pieces import _Piece, _pieces
from bootcamp.content.posting.prose import _is_label, run_in_list, sentences
from bootcamp.content.posting.result import LeftOut, LeftOutKind, Split
from bootcamp.content.posting.sections import SectionKind
from bootcamp.content.posting.text import _WORD, _capitalised, _every_word_capitalised, _plain, _tidy, _words
from bootcamp.content.posting.vocabulary import _BOILERPLATE
from bootcamp.limits import ROLE_LINE


def duty_lines(text: str) -> list[str]:
    """The duty lines of a pasted posting, in order, without marks, headings or boilerplate."""
    return split_posting(text).kept


_HAS_A_WORD = re.compile(r"[^\W\d_]{2}")


def split_posting(text: str) -> Split:
    """The duty lines of a pasted posting and, so that nothing goes unsaid, every line left out and why."""
    pieces = _pieces(_lines(text))
    said = [piece for piece in pieces if piece.chunks]  # not a page's control alone
    has_duty_heading = any(piece.section is SectionKind.DUTIES and not piece.is_heading for piece in said)
    kept: list[str] = []
    left_out: list[LeftOut] = []

    def leave_out(line: str, kind: LeftOutKind, why: str) -> None:
        if line:
            left_out.append(LeftOut(line, kind, why))

    # One sentence given alone (typed, or a file of one line) is the duty meant, whatever its first word.
    alone = len(said) == 1 and not said[0].is_heading and len(sentences(said[0].text)) == 1
    # "Head of Customer Success" opening a posting with no duties heading ("Head" is a duty's verb too)
    title = said[0] if len(said) > 1 and not has_duty_heading and _is_title(said[0]) else None
    for piece in pieces:
        left_out += piece.set_aside
        if not piece.chunks:
            continue
        if piece.is_heading:
            leave_out(_tidy(piece.text), LeftOutKind.HEADING, "a heading")
            continue
        if piece is title:
            leave_out(_tidy(piece.text), LeftOutKind.HEADING, "the posting's title")
            continue
        if piece.bulleted or piece.listed or alone:
            lines = [_tidy(piece.text)]  # an item stays whole
        else:
            lines = []  # text is split into sentences, and a run-in list into its items
            found = sentences(piece.text)
            if len(found) > 1 and _is_label(found[0], found[1]):
                leave_out(_tidy(found[0]), LeftOutKind.HEADING, "a label")  # "Strategy. Set the customer strategy …"
                found = found[1:]
            for sentence in found:
                heading, sentence = _sentence_heading(sentence)  # "… Director. Responsibilities: Lead the team. …"
                leave_out(heading, LeftOutKind.HEADING, "a heading")
                lead_in, items = run_in_list(sentence)
                leave_out(_tidy(lead_in), LeftOutKind.HEADING, "the lead-in to a list")
                cut = bool(heading or lead_in or len(items) > 1)  # out of a longer sentence: "…; manage …"
                lines += [_capitalised(_tidy(item)) if cut else _tidy(item) for item in items]
        if piece.section is SectionKind.OTHER or (has_duty_heading and piece.section is not SectionKind.DUTIES):
            # the posting says where its duties are, or that this is something else; but an introduction's
            # "In this role you will …" says a duty wherever it stands
            why = f'under "{piece.heading.rstrip(": ")}"' if piece.heading else "not under a duties heading"
            for line in lines:
                if piece.section is SectionKind.INTRO and says_what_you_will_do(line) and not _boilerplate_kind(line):
                    kept.append(line)
                else:
                    leave_out(line, LeftOutKind.OUTSIDE_DUTIES, why)
            continue
        if not piece.bulleted and _BOILERPLATE["equal opportunity"].search(_plain(piece.text)):
            # an equal-opportunity statement is a paragraph of its own, every sentence of it
            leave_out(_tidy(piece.text), LeftOutKind.BOILERPLATE, "equal opportunity")
            continue
        for line in lines:
            if not line:
                continue
            if len(line) > ROLE_LINE.chars:
                # a file run together into one line (a CSV, text with no full stops): no room can read it as one duty
                why = f"too long for one duty ({len(line):,} characters; a role line holds at most {ROLE_LINE.chars:,})"
                leave_out(line, LeftOutKind.NOT_A_DUTY, why)
            elif not _HAS_A_WORD.search(line):
                # "40%", "2.", "—": a table's other column as a PDF gives it, or a stray mark; never quoted as a line
                # that might have been a duty
                leave_out(line, LeftOutKind.OUTSIDE_DUTIES, "no words: a number or a mark")
            elif boilerplate := _boilerplate_kind(line):
                leave_out(line, LeftOutKind.BOILERPLATE, boilerplate)
            elif _is_requirement(line):
                leave_out(line, LeftOutKind.REQUIREMENT, "what the person must bring")
            elif line.endswith("?"):
                leave_out(line, LeftOutKind.QUESTION, "a question")
            elif has_duty_heading or piece.bulleted or reads_as_duty(line):
                kept.append(line)
            elif (piece.listed or alone) and not _names_something(line):
                kept.append(line)
            else:
                why = "a name or a title" if piece.listed else "no duty verb at its start"
                leave_out(line, LeftOutKind.NOT_A_DUTY, why)
    return Split(kept, left_out)


# Words that name a role in a posting's title ("Head of Customer Success", "VP, Customer Experience").
_ROLE_WORDS = _words(
    """
    officer director manager head lead leader vp svp evp avp president chief cco cxo ceo coo cro executive specialist
    coordinator consultant advisor adviser partner associate analyst representative strategist supervisor administrator
    """
)
TITLE_WORDS = 8  # a posting's title line is at most this long


def _is_title(piece: _Piece) -> bool:
    """ "Head of Customer Success" opening a posting: a line of a few capitalised words that names a role, its first
    word a duty's verb only as a noun ("Lead Customer Success Operations" is a duty; "Lead Customer Success Manager" is
    a title). A title with no such word ("Chief Customer Officer") is not read as a duty anyway."""
    text = piece.text
    words = _WORD.findall(text)
    if piece.bulleted or len(piece.chunks) > 1 or not 0 < len(words) <= TITLE_WORDS or re.search(r"[.!?;:,]$", text):
        return False
    if not _starts_with_duty_verb(text) or not _every_word_capitalised(words):
        return False
    named = [word.lower() for word in words[1:]]
    return named[:1] == ["of"] or bool(_ROLE_WORDS.intersection(named))  # "Head of …", "… Manager"

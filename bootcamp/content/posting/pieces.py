"""Lines assembled into pieces: an item with its wrapped lines and the sub-bullets that say more of it, a piece of
text, a heading; each in the section its heading names, and a list that lost its bullets known for one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bootcamp.content.posting.duties import _is_duty_verb, _starts_with_duty_verb
from bootcamp.content.posting.lines import _SAYS_MORE, _Line, _LineKind, _says_more_of_the_item_above
from bootcamp.content.posting.prose import _ARTICLES, _ENDS_OPEN, _ENDS_SENTENCE, _SENTENCE_END, _ends_open
from bootcamp.content.posting.result import LeftOut
from bootcamp.content.posting.sections import SectionKind, section_kind

WRAPPED_WIDTH = 50  # a line at least this long may have been wrapped where it ends


@dataclass
class _Piece:
    """An item, a piece of text (its wrapped lines joined) or a heading, and the section it is in."""

    section: SectionKind
    bulleted: bool
    indent: int
    last: _Line  # its last line: where it ends says whether the next line carries it on
    chunks: list[str] = field(default_factory=list)  # its lines, each with the space that joins it
    heading: str = ""  # the known heading of its section ("" before any)
    block: int = 0  # pieces between the same two blank lines or headings share a block
    is_heading: bool = False
    listed: bool = False  # a line of a plain list: a list that lost its bullets
    sub_items: int = 0  # sub-bullets added to it that say more of it ("Including …")
    set_aside: list[LeftOut] = field(default_factory=list)  # what was taken off its lines (other cells, labels)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def add(self, line: _Line) -> None:
        end = self.last.text
        if end[-1:] == "-" and end[-2:-1].isalnum() and line.text[:1].islower():
            self.chunks.append(line.text)  # "cross-" + "functional": a word broken at its hyphen
        else:
            self.chunks.append(" " + line.text)
        self.last = line
        self.set_aside += line.set_aside

    def add_sub_item(self, line: _Line) -> None:
        """A sub-bullet that says more of this item, after it ("Map the journey, including billing")."""
        text = line.text
        if _SAYS_MORE.match(text):
            text = text[:1].lower() + text[1:]  # "Map the journey, including billing": one sentence, as it is read
        if self.chunks[-1][-1:] in (".", ":", ";", ","):  # its last chunk, not all its text: many may follow
            joiner = " "
        elif text[:1].isupper() and not self.sub_items:
            joiner = ": "
        else:
            joiner = ", "
        self.chunks.append(joiner + text)
        self.last = line
        self.sub_items += 1
        self.set_aside += line.set_aside


def _pieces(lines: list[_Line]) -> list[_Piece]:
    pieces: list[_Piece] = []
    section, heading, block = SectionKind.INTRO, "", 0
    current: _Piece | None = None
    # the items a more indented sub-bullet may say more of, outermost first: kept as a stack, so that a pasted
    # megabyte of sub-bullets is not searched back through for each
    open_items: list[_Piece] = []
    for line in lines:
        if line.kind is _LineKind.BLANK:
            current, block = None, block + 1
            if line.set_aside:  # a line that was only a page's "Show less": said where it stood
                pieces.append(
                    _Piece(section, False, line.indent, line, [], heading, block, set_aside=[*line.set_aside])
                )
                open_items.clear()
        elif line.kind is _LineKind.HEADING:
            current, block = None, block + 1
            open_items.clear()
            kind = None if line.group_label else section_kind(line.text)
            if kind is not None:  # a sub-heading keeps the section it is in
                section, heading = kind, line.text
            pieces.append(
                _Piece(
                    section, False, line.indent, line, [line.text], heading, block,
                    is_heading=True, set_aside=[*line.set_aside],
                )
            )
        elif line.kind is _LineKind.TEXT and current is not None and _continues(current, line):
            current.add(line)
        elif line.kind is _LineKind.ITEM and (parent := _parent_item(open_items, line)) is not None:
            parent.add_sub_item(line)
            current = parent  # the sub-bullet's wrapped lines go on with it
        else:
            current = _Piece(
                section, line.kind is _LineKind.ITEM, line.indent, line, [line.text], heading, block,
                set_aside=[*line.set_aside],
            )
            pieces.append(current)
            _close_items(open_items, line.indent)
            if current.bulleted:
                open_items.append(current)
            else:
                open_items.clear()  # text ends the list
    _mark_plain_lists(pieces)
    return pieces


def _parent_item(open_items: list[_Piece], line: _Line) -> _Piece | None:
    """The item a sub-bullet belongs to when it is no duty of its own: the nearest less indented item above it, in the
    same list."""
    if not _says_more_of_the_item_above(line.text):
        return None
    _close_items(open_items, line.indent)
    return open_items[-1] if open_items else None


def _close_items(open_items: list[_Piece], indent: int) -> None:
    """An item at this indent closes the items as indented or more: they are its siblings, or theirs."""
    while open_items and open_items[-1].indent >= indent:
        open_items.pop()


PLAIN_ITEM_WORDS = 40  # a line of a plain list is at most this long; a longer one is prose


def _mark_plain_lists(pieces: list[_Piece]) -> None:
    """Mark the text of each block that is a list that lost its bullets: two or more short lines, most unfinished."""
    blocks: dict[int, list[_Piece]] = {}
    for piece in pieces:
        if not piece.bulleted and not piece.is_heading and piece.chunks:
            blocks.setdefault(piece.block, []).append(piece)
    for texts in blocks.values():
        finished = sum(1 for piece in texts if _ENDS_SENTENCE.search(piece.text))
        short = all(len(piece.text.split()) <= PLAIN_ITEM_WORDS for piece in texts)
        if len(texts) >= 2 and short and 2 * finished < len(texts):
            for piece in texts:
                piece.listed = True


def _continues(piece: _Piece, line: _Line) -> bool:
    """Whether a line without a mark carries on the item or text above it (no blank line between)."""
    end = piece.last
    if line.indent > piece.indent or line.text[:1].islower():
        return True  # indented under it, or cut mid-sentence
    if _ends_open(end.text):
        return not _starts_a_duty_after_a_finished_one(end.text, line.text)
    # A long bullet that has not finished its sentence was wrapped, perhaps before a capital ("… the Audit"
    # + "Committee …"). Text is not joined so: a list that lost its bullets has long lines too.
    if piece.bulleted:
        return end.width >= WRAPPED_WIDTH and not _ENDS_SENTENCE.search(end.text)
    # … unless the line finishes the sentence and does not open a duty: prose wrapped at a fixed width, as a PDF
    # pastes it ("… report to the Quality" + "Committee. They will manage …")
    return (
        end.width >= PROSE_WIDTH
        and not _ENDS_SENTENCE.search(end.text)
        and not _starts_with_duty_verb(line.text)
        and bool(_SENTENCE_END.search(line.text) or _ENDS_SENTENCE.search(line.text))
    )


PROSE_WIDTH = 70  # a line of prose this long that stops mid-sentence was wrapped (a PDF's lines are 80 or so)


def _starts_a_duty_after_a_finished_one(end: str, text: str) -> bool:
    """ "… any office can act on" + "Merge the contact centres …": a verb ends a duty with its preposition, and a
    capitalised verb starts the next (in a list that lost its bullets); "… the" + "Lead …" is cut mid-sentence."""
    last, words = end.split()[-1].lower(), re.findall(r"[\w'’]+", text)
    if _ENDS_OPEN.search(end) or last in _ARTICLES or len(words) < 2 or not text[:1].isupper():
        return False
    # any form of a duty verb ("Reviews each complaint …"); "reporting to" + "Head of Sales" goes on
    return _is_duty_verb(words[0]) and words[1].lower() != "of"

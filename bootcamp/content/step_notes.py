"""A step's facilitator notes as the console's notes column shows them, in lines of a bold label and its text.

One reading of the notes for every place that shows them (the console's column, the printed guide), so the paper
beside the laptop says what the screen says, word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bootcamp.content.model import Program, Step

# "Say:", "Ask:", "Watch for:" … at the start of a line begin a new paragraph, shown bold.
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z' ]{0,20}:)\s")
_LIST_ITEM = re.compile(r"^([-*•]|\d+[.)])\s")

NO_NOTES = "No notes for this step."


@dataclass(frozen=True)
class NoteLine:
    """One paragraph of the notes: its bold ``label`` ("Say:", "" for none) and the ``text`` that follows it."""

    label: str
    text: str

    @property
    def plain(self) -> str:
        return self.label + self.text


def paragraphs(notes: str) -> list[str]:
    """Notes as written in YAML are wrapped by hand: join wrapped lines, keep labels and list items apart."""
    found: list[str] = []
    joining = False
    for line in notes.splitlines():
        line = line.strip()
        if not line:
            joining = False
            continue
        if joining and not _LABEL.match(line) and not _LIST_ITEM.match(line):
            found[-1] += " " + line
        else:
            found.append(line)
        joining = True
    return found


def note_blocks(step: Step, program: Program) -> tuple[tuple[NoteLine, ...], ...]:
    """The notes in blocks shown a blank line apart: the author's paragraphs, then a question's dimension, what to
    ask next and what to do if it scores low; () when the step has none (the console then says ``NO_NOTES``)."""
    written = []
    for paragraph in paragraphs(step.notes):
        match = _LABEL.match(paragraph)
        written.append(NoteLine(match["label"], paragraph[match.end("label") :]) if match else NoteLine("", paragraph))
    blocks = [tuple(written)] if written else []
    question = step.question
    if question is not None:
        dimension = program.dimension(question.dimension)
        blocks.append(
            (
                NoteLine("Dimension: ", dimension.title if dimension else question.dimension),
                NoteLine("Ask next: ", question.ask_next),
                NoteLine("If it scores low: ", question.do_next),
            )
        )
    return tuple(blocks)


def notes_plain(step: Step, program: Program) -> str:
    """The notes as plain text, line for line as the console's notes column shows them."""
    blocks = note_blocks(step, program)
    if not blocks:
        return NO_NOTES
    return "\n\n".join("\n".join(line.plain for line in block) for block in blocks)

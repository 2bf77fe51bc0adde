"""Reading an exercise's file: an Aptitude Poker (its deck and prompts) or a role check (its markers, structure
questions and learned words, each pattern and row checked where it is written)."""

from __future__ import annotations

import re
from functools import partial

from bootcamp.content.loading.fields import FieldReader, describe
from bootcamp.content.model import (
    AptitudePoker,
    Exercise,
    Leaning,
    LearnedWords,
    Marker,
    NotDeciding,
    OwnUnit,
    PokerPrompt,
    ProbeQuestion,
    RoleCheck,
)
from bootcamp.content.yamlnodes import Located

# Rows of a role check's learned words: a lower-case word or pair of words, then its weight ("escal case -1.25").
_LEARNED_ROWS = re.compile(r"(?:[ \t]*(?:[a-z0-9]+(?: [a-z0-9]+)? -?\d+(?:\.\d+)?)?[ \t]*\n)*")
# Rows of a role check's labelled examples: a clear label, a bar, then the duty ("tactical | Run the care centre").
_EXAMPLE_ROWS = re.compile(r"(?:[ \t]*(?:(?:strategic|tactical) \| [^\n|]*\S)?[ \t]*\n)*")


def read_exercise(reader: FieldReader, node: Located) -> Exercise | None:
    kind = node.get("kind")
    kind = kind.strip() if isinstance(kind, str) else kind
    if kind == "poker":
        return _poker(reader, node)
    if kind == "role-check":
        return _role_check(reader, node)
    if "kind" not in node:
        reader.problem(node.line, "kind", "missing required field (expected poker or role-check)")
    elif not isinstance(kind, str):
        reader.problem(node.line_of("kind"), "kind", f"must be poker or role-check, got {describe(kind)}")
    else:
        reader.problem(node.line_of("kind"), "kind", f"unknown exercise kind '{kind}' (expected poker or role-check)")
    # what every exercise has is checked all the same: the author learns of it now, not once the kind is fixed
    reader.fields(node, "", ["id", "title", "body"], list(node))
    reader.ident(node, "id", "")
    reader.text(node, "title", "")
    reader.markdown(node, "body", "")
    return None


def _poker(reader: FieldReader, node: Located) -> AptitudePoker:
    reader.fields(node, "", ["id", "kind", "title", "body", "deck", "minutes_per_card", "prompts"], [])
    return AptitudePoker(
        id=reader.ident(node, "id", ""),
        title=reader.text(node, "title", ""),
        body=reader.markdown(node, "body", ""),
        deck=reader.ref(node, "deck", "", "item list"),
        minutes_per_card=reader.minutes(node, "minutes_per_card", "") if "minutes_per_card" in node else 0.0,
        prompts=tuple(reader.listed(node, "prompts", "", partial(_poker_prompt, reader), "prompt")),
    )


def _role_check(reader: FieldReader, node: Located) -> RoleCheck:
    reader.fields(
        node, "", ["id", "kind", "title", "body", "markers", "structure"], ["not_deciding", "own_unit", "learned"]
    )
    structure: tuple[ProbeQuestion, ...] = ()
    if "structure" in node and (block := reader.mapping(node["structure"], node.line_of("structure"), "structure")):
        reader.fields(block, "structure", ["scale", "dimension", "questions"], [])
        scale = reader.ref(block, "scale", "structure", "scale")
        dimension = reader.ref(block, "dimension", "structure", "dimension")
        question = partial(_structure_question, reader, scale=scale, dimension=dimension)
        structure = tuple(reader.listed(block, "questions", "structure", question, "question"))
    markers = tuple(reader.listed(node, "markers", "", partial(_marker, reader), "marker"))
    not_deciding = tuple(reader.listed(node, "not_deciding", "", partial(_not_deciding, reader), "entry"))
    own_unit = tuple(reader.listed(node, "own_unit", "", partial(_own_unit, reader), "entry"))
    learned = _learned_words(reader, node)
    return RoleCheck(
        reader.ident(node, "id", ""),
        reader.text(node, "title", ""),
        reader.markdown(node, "body", ""),
        markers,
        structure,
        not_deciding=not_deciding,
        own_unit=own_unit,
        learned=learned,
    )


def _poker_prompt(reader: FieldReader, node: Located, field: str) -> PokerPrompt:
    reader.fields(node, field, ["id", "label"], ["text"])
    return PokerPrompt(
        reader.ident(node, "id", field), reader.text(node, "label", field), reader.text(node, "text", field, default="")
    )


def _marker(reader: FieldReader, node: Located, field: str) -> Marker:
    reader.fields(node, field, ["id", "leaning", "title", "why", "patterns"], ["weight"])
    leaning = node.get("leaning")
    if leaning not in (Leaning.STRATEGIC, Leaning.TACTICAL):
        message = f"must be strategic or tactical, got {describe(leaning)}"
        reader.problem(node.line_of("leaning"), f"{field}.leaning", message)
        leaning = Leaning.UNDECIDED
    patterns = _patterns(reader, node, field)
    weight = reader.number(node, "weight", field, positive=True) if "weight" in node else 1.0
    return Marker(
        reader.ident(node, "id", field),
        Leaning(leaning),
        reader.text(node, "title", field),
        reader.text(node, "why", field),
        patterns,
        weight,
    )


def _not_deciding(reader: FieldReader, node: Located, field: str) -> NotDeciding:
    reader.fields(node, field, ["id", "why", "patterns"], [])
    return NotDeciding(reader.ident(node, "id", field), reader.text(node, "why", field), _patterns(reader, node, field))


def _own_unit(reader: FieldReader, node: Located, field: str) -> OwnUnit:
    reader.fields(node, field, ["id", "why", "patterns"], [])
    return OwnUnit(reader.ident(node, "id", field), reader.text(node, "why", field), _patterns(reader, node, field))


def _learned_words(reader: FieldReader, node: Located) -> LearnedWords | None:
    """The role check's learned word weights; each row is checked here, so a bad one is reported with its line."""
    if "learned" not in node or not (block := reader.mapping(node["learned"], node.line_of("learned"), "learned")):
        return None
    # a field missing (bais: for bias:) is said, and the others are checked all the same: the rows most of all
    complete = reader.fields(block, "learned", ["bias", "margin", "words"], ["examples", "nearest", "similarity"])
    bias = reader.number(block, "bias", "learned", positive=False) if "bias" in block else 0.0
    margin = reader.number(block, "margin", "learned", positive=True) if "margin" in block else 0.0
    words = reader.text(block, "words", "learned")
    complaint = "is not a word or a pair of words followed by its weight (such as: escal case -1.25)"
    _rows(reader, block, "words", words, _LEARNED_ROWS, complaint)
    examples = reader.text(block, "examples", "learned", default="")
    complaint = "is not a label (strategic or tactical), a bar and a duty (such as: tactical | Run the care centre)"
    _rows(reader, block, "examples", examples, _EXAMPLE_ROWS, complaint)
    nearest = int(reader.number(block, "nearest", "learned", positive=True)) if "nearest" in block else 2
    if "nearest" in block and (isinstance(block["nearest"], float) or nearest > 10):
        message = f"must be a whole number from 1 to 10, got {block['nearest']}"
        reader.problem(block.line_of("nearest"), "learned.nearest", message)
    similarity = reader.number(block, "similarity", "learned", positive=True) if "similarity" in block else 0.35
    if similarity > 1:
        message = f"must be a number above 0 and at most 1, got {similarity:g}"
        reader.problem(block.line_of("similarity"), "learned.similarity", message)
    return LearnedWords(bias, margin, words, examples, nearest, similarity) if complete else None


def _rows(reader: FieldReader, block: Located, key: str, text: str, pattern: re.Pattern[str], complaint: str) -> None:
    """Check a block of rows in one pass while they are right (the usual case: startup stays fast); row by row only
    to say which row is wrong. A block scalar's rows start on the line after "key: |"."""
    if not text or pattern.fullmatch(text + "\n"):
        return
    first = block.line_of(key) + 1
    raw = block[key] if isinstance(block[key], str) else text  # not stripped: blank first rows count
    for number, row in enumerate(raw.splitlines()):
        if row.strip() and not pattern.fullmatch(row.strip() + "\n"):
            reader.problem(first + number, f"learned.{key}", f"'{row.strip()}' {complaint}")


def _patterns(reader: FieldReader, node: Located, field: str) -> tuple[str, ...]:
    """Regular expressions, each checked here so a bad one is reported with its file and line."""
    patterns = []
    for value, line, entry_field in reader.sequence(node, "patterns", field) if "patterns" in node else []:
        if not isinstance(value, str):
            reader.problem(line, entry_field, f"must be text, got {describe(value)}")
            continue
        try:
            # as the role check searches it (the lower-cased line, bootcamp.content.rolecheck._compiled_all):
            # compiled once here, it comes from re's cache on the first line checked
            re.compile(value)
        except re.error as error:
            reader.problem(line, entry_field, f"not a valid pattern: {error}")
            continue
        patterns.append(value)
    return tuple(patterns)


def _structure_question(reader: FieldReader, node: Located, field: str, scale: str, dimension: str) -> ProbeQuestion:
    reader.fields(node, field, ["id", "question", "ask_next", "do_next"], ["short"])
    return ProbeQuestion(
        id=reader.ident(node, "id", field),
        text=reader.text(node, "question", field),
        dimension=dimension,
        scale=scale,
        ask_next=reader.text(node, "ask_next", field),
        do_next=reader.text(node, "do_next", field),
        short=reader.text(node, "short", field, default=""),
    )


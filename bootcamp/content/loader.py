"""Load and validate boot camp content in one pass.

Content is a set of YAML files (``.yaml`` or ``.yml``): ``sessions/program.yaml`` (title, agendas,
scales, item lists, commitment dimensions, levels), one file per session in ``sessions/``
and one per exercise in ``exercises/``. :func:`load_sources` works on a mapping of
relative path to text, so a workshop's stored copy of its content loads the same
way as a folder on disk. Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from bootcamp.content.errors import ContentError, ContentProblem
from bootcamp.content.loading.fields import FieldReader, describe
from bootcamp.content.loading.head import ProgramHead, read_program_head
from bootcamp.content.loading.sessions import read_session
from bootcamp.content.loading.sources import content_hash, read_content_folder, read_sources
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
    Program,
    RoleCheck,
    Session,
)
from bootcamp.content.yamlnodes import Located, YamlSyntaxError, parse

# read_sources and content_hash too: their callers import them from here
__all__ = ["content_hash", "load_dir", "load_sources", "read_sources"]

PROGRAM_FILE = "sessions/program.yaml"
# program.yml names the program too: a content author saving .yml means YAML, as every YAML tool reads it.
PROGRAM_FILES = (PROGRAM_FILE, "sessions/program.yml")
# Rows of a role check's learned words: a lower-case word or pair of words, then its weight ("escal case -1.25").
_LEARNED_ROWS = re.compile(r"(?:[ \t]*(?:[a-z0-9]+(?: [a-z0-9]+)? -?\d+(?:\.\d+)?)?[ \t]*\n)*")
# Rows of a role check's labelled examples: a clear label, a bar, then the duty ("tactical | Run the care centre").
_EXAMPLE_ROWS = re.compile(r"(?:[ \t]*(?:(?:strategic|tactical) \| [^\n|]*\S)?[ \t]*\n)*")


def load_dir(content_dir: Path) -> Program:
    """Load and validate the content in a folder; raise :class:`ContentError` listing every problem."""
    sources, unread = read_content_folder(content_dir)
    # a file that cannot be read is one problem among the others
    return _Loader(sources, unread, stored_copy=False).load()


def load_sources(sources: Mapping[str, str], *, stored_copy: bool = True) -> Program:
    """Load content given as ``{relative path: text}``: by default a workshop's stored copy (or an export's), which
    was accepted when the workshop was made, so the rules added since (:attr:`.FieldReader.stored_copy`) are not
    applied to it: a workshop run with it must still open."""
    return _Loader(sources, stored_copy=stored_copy).load()


class _Loader:
    def __init__(self, sources: Mapping[str, str], unread: Iterable[ContentProblem] = (), *, stored_copy: bool) -> None:
        self.sources = dict(sources)
        self.problems: list[ContentProblem] = list(unread)
        self.reader = FieldReader(self.problems, stored_copy=stored_copy)
        # files (and folders, "sessions/") that could not be read: not also reported as missing
        self.unread = {problem.file for problem in self.problems}
        # folders with a file that did not parse: what it defines is unknown, so references
        # into it are not reported as missing (one mistake, one message)
        self.unparsed_folders: set[str] = {name.split("/")[0] for name in self.unread}

    # -- the whole program -------------------------------------------------

    def load(self) -> Program:
        documents: dict[str, Located] = {}
        for name in sorted(self.sources):
            self.reader.file = name
            try:
                document = parse(self.sources[name])
            except YamlSyntaxError as error:
                self.problems.append(ContentProblem(name, error.line, "", error.message, error.column))
                self.unparsed_folders.add(name.split("/")[0])
                continue
            if document is None:
                self.reader.problem(1, "", "the file is empty")
                continue
            node = self.reader.mapping(document, 1, "")
            if node is not None:
                documents[name] = node

        program_file = next((name for name in PROGRAM_FILES if name in self.sources or name in self.unread), None)
        if program_file is None and "sessions/" not in self.unread:
            self.reader.file = PROGRAM_FILE
            self.reader.problem(0, "", "missing: it names the boot camp, its agendas, scales, lists and dimensions")
        for extra in PROGRAM_FILES:
            if extra != program_file and extra in self.sources:
                self.reader.file = extra
                self.reader.problem(0, "", f"a second program file beside {program_file}: keep one of the two")
                documents.pop(extra, None)
        program_doc = documents.pop(program_file, None) if program_file else None
        self.reader.file = program_file or PROGRAM_FILE
        head = read_program_head(self.reader, program_doc) if program_doc is not None else None

        sessions: list[tuple[Session, int, str]] = []
        exercises: list[tuple[Exercise, int, str]] = []
        for name, node in documents.items():
            self.reader.file = name
            if name.startswith("sessions/"):
                session = read_session(self.reader, node)
                if session is not None:
                    sessions.append((session, node.line_of("id"), name))
            else:
                exercise = self.exercise(node)
                if exercise is not None:
                    exercises.append((exercise, node.line_of("id"), name))

        self.cross_check(head, sessions, exercises)
        if self.problems:
            raise ContentError(self.problems)
        assert head is not None
        title, agendas, scales, lists, dimensions, levels = head
        return Program(
            title=title,
            sessions=tuple(s for s, _, _ in sessions),
            agendas=agendas,
            scales=scales,
            lists=lists,
            dimensions=dimensions,
            levels=levels,
            exercises=tuple(e for e, _, _ in exercises),
            content_hash=content_hash(self.sources),
            sources=dict(self.sources),
        )


    # -- exercises ---------------------------------------------------------

    def exercise(self, node: Located) -> Exercise | None:
        kind = node.get("kind")
        kind = kind.strip() if isinstance(kind, str) else kind
        if kind == "poker":
            self.reader.fields(node, "", ["id", "kind", "title", "body", "deck", "minutes_per_card", "prompts"], [])
            poker = AptitudePoker(
                id=self.reader.ident(node, "id", ""),
                title=self.reader.text(node, "title", ""),
                body=self.reader.text(node, "body", ""),
                deck=self.reader.ref(node, "deck", "", "item list"),
                minutes_per_card=self.reader.minutes(node, "minutes_per_card", "") if "minutes_per_card" in node else 0.0,
                prompts=tuple(self.reader.listed(node, "prompts", "", self.poker_prompt, "prompt")),
            )
            return poker
        if kind == "role-check":
            self.reader.fields(
                node, "", ["id", "kind", "title", "body", "markers", "structure"], ["not_deciding", "own_unit", "learned"]
            )
            structure: tuple[ProbeQuestion, ...] = ()
            if "structure" in node and (block := self.reader.mapping(node["structure"], node.line_of("structure"), "structure")):
                self.reader.fields(block, "structure", ["scale", "dimension", "questions"], [])
                scale = self.reader.ref(block, "scale", "structure", "scale")
                dimension = self.reader.ref(block, "dimension", "structure", "dimension")
                structure = tuple(
                    self.reader.listed(block, "questions", "structure", lambda n, f: self.structure_question(n, f, scale, dimension), "question")
                )
            markers = tuple(self.reader.listed(node, "markers", "", self.marker, "marker"))
            not_deciding = (
                tuple(self.reader.listed(node, "not_deciding", "", self.not_deciding, "entry")) if "not_deciding" in node else ()
            )
            own_unit = tuple(self.reader.listed(node, "own_unit", "", self.own_unit, "entry")) if "own_unit" in node else ()
            learned = self.learned_words(node)
            return RoleCheck(
                self.reader.ident(node, "id", ""),
                self.reader.text(node, "title", ""),
                self.reader.text(node, "body", ""),
                markers,
                structure,
                not_deciding=not_deciding,
                own_unit=own_unit,
                learned=learned,
            )
        self.reader.problem(node.line_of("kind"), "kind", f"unknown exercise kind '{kind}' (expected poker or role-check)")
        return None

    def poker_prompt(self, node: Located, field: str) -> PokerPrompt:
        self.reader.fields(node, field, ["id", "label"], ["text"])
        return PokerPrompt(self.reader.ident(node, "id", field), self.reader.text(node, "label", field), self.reader.text(node, "text", field, default=""))

    def marker(self, node: Located, field: str) -> Marker:
        self.reader.fields(node, field, ["id", "leaning", "title", "why", "patterns"], ["weight"])
        leaning = node.get("leaning")
        if leaning not in (Leaning.STRATEGIC, Leaning.TACTICAL):
            self.reader.problem(node.line_of("leaning"), f"{field}.leaning", f"must be strategic or tactical, got {describe(leaning)}")
            leaning = Leaning.UNDECIDED
        patterns = self.patterns(node, field)
        weight = self.reader.number(node, "weight", field, positive=True) if "weight" in node else 1.0
        return Marker(self.reader.ident(node, "id", field), Leaning(leaning), self.reader.text(node, "title", field), self.reader.text(node, "why", field), patterns, weight)

    def not_deciding(self, node: Located, field: str) -> NotDeciding:
        self.reader.fields(node, field, ["id", "why", "patterns"], [])
        return NotDeciding(self.reader.ident(node, "id", field), self.reader.text(node, "why", field), self.patterns(node, field))

    def own_unit(self, node: Located, field: str) -> OwnUnit:
        self.reader.fields(node, field, ["id", "why", "patterns"], [])
        return OwnUnit(self.reader.ident(node, "id", field), self.reader.text(node, "why", field), self.patterns(node, field))

    def learned_words(self, node: Located) -> LearnedWords | None:
        """The role check's learned word weights; each row is checked here, so a bad one is reported with its line."""
        if "learned" not in node or not (block := self.reader.mapping(node["learned"], node.line_of("learned"), "learned")):
            return None
        if not self.reader.fields(block, "learned", ["bias", "margin", "words"], ["examples", "nearest", "similarity"]):
            return None
        bias = self.reader.number(block, "bias", "learned", positive=False)
        margin = self.reader.number(block, "margin", "learned", positive=True)
        words = self.reader.text(block, "words", "learned")
        self.rows(block, "words", words, _LEARNED_ROWS, "is not a word or a pair of words followed by its weight (such as: escal case -1.25)")
        examples = self.reader.text(block, "examples", "learned", default="")
        self.rows(block, "examples", examples, _EXAMPLE_ROWS, "is not a label (strategic or tactical), a bar and a duty (such as: tactical | Run the care centre)")
        nearest = int(self.reader.number(block, "nearest", "learned", positive=True)) if "nearest" in block else 2
        if "nearest" in block and (isinstance(block["nearest"], float) or nearest > 10):
            self.reader.problem(block.line_of("nearest"), "learned.nearest", f"must be a whole number from 1 to 10, got {block['nearest']}")
        similarity = self.reader.number(block, "similarity", "learned", positive=True) if "similarity" in block else 0.35
        if similarity > 1:
            self.reader.problem(block.line_of("similarity"), "learned.similarity", f"must be a number above 0 and at most 1, got {similarity:g}")
        return LearnedWords(bias, margin, words, examples, nearest, similarity)

    def rows(self, block: Located, key: str, text: str, pattern: re.Pattern[str], complaint: str) -> None:
        """Check a block of rows in one pass while they are right (the usual case: startup stays fast); row by row only
        to say which row is wrong. A block scalar's rows start on the line after "key: |"."""
        if not text or pattern.fullmatch(text + "\n"):
            return
        first = block.line_of(key) + 1
        raw = block[key] if isinstance(block[key], str) else text  # not stripped: blank first rows count
        for number, row in enumerate(raw.splitlines()):
            if row.strip() and not pattern.fullmatch(row.strip() + "\n"):
                self.reader.problem(first + number, f"learned.{key}", f"'{row.strip()}' {complaint}")

    def patterns(self, node: Located, field: str) -> tuple[str, ...]:
        """Regular expressions, each checked here so a bad one is reported with its file and line."""
        patterns = []
        for value, line, entry_field in self.reader.sequence(node, "patterns", field) if "patterns" in node else []:
            if not isinstance(value, str):
                self.reader.problem(line, entry_field, f"must be text, got {describe(value)}")
                continue
            try:
                # as the role check searches it (the lower-cased line, bootcamp.content.rolecheck._compiled_all):
                # compiled once here, it comes from re's cache on the first line checked
                re.compile(value)
            except re.error as error:
                self.reader.problem(line, entry_field, f"not a valid pattern: {error}")
                continue
            patterns.append(value)
        return tuple(patterns)

    def structure_question(self, node: Located, field: str, scale: str, dimension: str) -> ProbeQuestion:
        self.reader.fields(node, field, ["id", "question", "ask_next", "do_next"], ["short"])
        return ProbeQuestion(
            id=self.reader.ident(node, "id", field),
            text=self.reader.text(node, "question", field),
            dimension=dimension,
            scale=scale,
            ask_next=self.reader.text(node, "ask_next", field),
            do_next=self.reader.text(node, "do_next", field),
            short=self.reader.text(node, "short", field, default=""),
        )

    # -- references between files -----------------------------------------

    def cross_check(
        self,
        head: ProgramHead | None,
        sessions: list[tuple[Session, int, str]],
        exercises: list[tuple[Exercise, int, str]],
    ) -> None:
        for ids, what in (
            ([(s.id, line, "id", name) for s, line, name in sessions], "session"),
            ([(e.id, line, "id", name) for e, line, name in exercises], "exercise"),
        ):
            seen: dict[str, str] = {}
            for ident, line, field, name in ids:
                if ident in seen:
                    self.reader.file = name
                    self.reader.problem(line, field, f"duplicate {what} id '{ident}' (also in {seen[ident]})")
                else:
                    seen[ident] = name
        if head is None:
            return
        _, _, scales, lists, dimensions, _ = head
        known = {
            "session": {s.id for s, _, _ in sessions},
            "scale": {s.id for s in scales},
            "item list": {li.id for li in lists},
            "dimension": {d.id for d in dimensions},
            "role-check exercise": {e.id for e, _, _ in exercises if isinstance(e, RoleCheck)},
            "poker exercise": {e.id for e, _, _ in exercises if isinstance(e, AptitudePoker)},
        }
        defined_in = {"session": "sessions", "role-check exercise": "exercises", "poker exercise": "exercises"}
        for file, line, field, what, value in self.reader.refs:
            if defined_in.get(what) in self.unparsed_folders:
                continue
            if value not in known[what]:
                self.reader.file = file
                if other := _the_other_exercise_kind(what, value, known):
                    self.reader.problem(line, field, other)
                    continue
                options = ", ".join(sorted(known[what])) or "none defined"
                self.reader.problem(line, field, f"unknown {what} '{value}' (known: {options})")


# The step kind that runs each kind of exercise: a role check named on a kind: exercise step exists, so "unknown" would
# send the author looking for a missing file.
_RUN_BY = {"role-check exercise": "check", "poker exercise": "exercise"}


def _the_other_exercise_kind(what: str, value: str, known: dict[str, set[str]]) -> str:
    """What to say when an exercise of the other kind was named: which step kind runs it."""
    if what not in _RUN_BY:
        return ""
    other = next((kind for kind in _RUN_BY if kind != what), "")
    if value not in known[other]:
        return ""
    return f"'{value}' is a {other}, run by a step of kind: {_RUN_BY[other]}, not kind: {_RUN_BY[what]}"

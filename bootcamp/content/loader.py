"""Load and validate boot camp content in one pass.

Content is a set of YAML files (``.yaml`` or ``.yml``): ``sessions/program.yaml`` (title, agendas,
scales, item lists, commitment dimensions, levels), one file per session in ``sessions/``
and one per exercise in ``exercises/``. :func:`load_sources` works on a mapping of
relative path to text, so a workshop's stored copy of its content loads the same
way as a folder on disk. Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from bootcamp.content.errors import ContentError, ContentProblem
from bootcamp.content.loading.cross_check import cross_check
from bootcamp.content.loading.exercises import read_exercise
from bootcamp.content.loading.fields import FieldReader
from bootcamp.content.loading.head import read_program_head
from bootcamp.content.loading.sessions import read_session
from bootcamp.content.loading.sources import content_hash, read_content_folder, read_sources
from bootcamp.content.model import Exercise, Program, Session
from bootcamp.content.yamlnodes import Located, YamlSyntaxError, parse

# read_sources and content_hash too: their callers import them from here
__all__ = ["content_hash", "load_dir", "load_sources", "read_sources"]

PROGRAM_FILE = "sessions/program.yaml"
# program.yml names the program too: a content author saving .yml means YAML, as every YAML tool reads it.
PROGRAM_FILES = (PROGRAM_FILE, "sessions/program.yml")


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
                exercise = read_exercise(self.reader, node)
                if exercise is not None:
                    exercises.append((exercise, node.line_of("id"), name))

        cross_check(self.reader, head, sessions, exercises, self.unparsed_folders)
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

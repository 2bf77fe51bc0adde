"""Load and validate boot camp content in one pass.

Content is a set of YAML files (``.yaml`` or ``.yml``): ``sessions/program.yaml`` (title, agendas,
scales, item lists, commitment dimensions, levels), one file per session in ``sessions/``
and one per exercise in ``exercises/``. :func:`load_sources` works on a mapping of
relative path to text, so a workshop's stored copy of its content loads the same
way as a folder on disk. Every problem is collected; nothing stops at the first.

Here the files are parsed and read in order; the parts are in :mod:`bootcamp.content.loading`: ``sources`` reads
the folder, ``fields`` a file's typed fields (a ``FieldReader`` that collects the problems and the references),
``head`` the program file, ``sessions`` and ``exercises`` theirs, and ``cross_check`` what is checked once every
file is read.
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
    return _load(sources, unread, stored_copy=False)


def load_sources(sources: Mapping[str, str], *, stored_copy: bool = True) -> Program:
    """Load content given as ``{relative path: text}``: by default a workshop's stored copy (or an export's), which
    was accepted when the workshop was made, so the rules added since (:attr:`.FieldReader.stored_copy`) are not
    applied to it: a workshop run with it must still open."""
    return _load(sources, stored_copy=stored_copy)


def _load(sources: Mapping[str, str], unread: Iterable[ContentProblem] = (), *, stored_copy: bool) -> Program:
    sources = dict(sources)
    problems: list[ContentProblem] = list(unread)
    reader = FieldReader(problems, stored_copy=stored_copy)
    # files (and folders, "sessions/") that could not be read: not also reported as missing
    unread_files = {problem.file for problem in problems}
    # folders with a file that did not parse: what it defines is unknown, so references
    # into it are not reported as missing (one mistake, one message)
    unparsed_folders = {name.split("/")[0] for name in unread_files}

    documents: dict[str, Located] = {}
    # files read that define nothing (empty, or a list or text): a reference to one is left to the file's problem
    not_mappings: set[str] = set()
    for name in sorted(sources):
        reader.file = name
        try:
            document = parse(sources[name])
        except YamlSyntaxError as error:
            problems.append(ContentProblem(name, error.line, "", error.message, error.column))
            unparsed_folders.add(name.split("/")[0])
            continue
        if document is None:
            reader.problem(1, "", "the file is empty")
            not_mappings.add(name)
            continue
        node = reader.mapping(document, 1, "")
        if node is not None:
            documents[name] = node
        else:
            not_mappings.add(name)

    program_file = next((name for name in PROGRAM_FILES if name in sources or name in unread_files), None)
    if program_file is None and "sessions/" not in unread_files:
        reader.file = PROGRAM_FILE
        reader.problem(0, "", "missing: it names the boot camp, its agendas, scales, lists and dimensions")
    for extra in PROGRAM_FILES:
        if extra != program_file and extra in sources:
            reader.file = extra
            reader.problem(0, "", f"a second program file beside {program_file}: keep one of the two")
            documents.pop(extra, None)
    program_doc = documents.pop(program_file, None) if program_file else None
    reader.file = program_file or PROGRAM_FILE
    head = read_program_head(reader, program_doc) if program_doc is not None else None

    sessions: list[tuple[Session, int, str]] = []
    exercises: list[tuple[Exercise, int, str]] = []
    kind_unknown: list[tuple[str, int, str]] = []  # (id, line, file) of each exercise whose kind is wrong
    for name, node in documents.items():
        reader.file = name
        if name.startswith("sessions/"):
            session = read_session(reader, node)
            if session is not None:
                sessions.append((session, node.line_of("id"), name))
        else:
            exercise = read_exercise(reader, node)
            if exercise is not None:
                exercises.append((exercise, node.line_of("id"), name))
            elif isinstance(ident := node.get("id"), str):  # its kind is wrong: its id is still taken
                kind_unknown.append((ident.strip(), node.line_of("id"), name))

    cross_check(reader, head, sessions, exercises, kind_unknown, unparsed_folders, not_mappings - set(PROGRAM_FILES))
    if problems:
        raise ContentError(problems)
    assert head is not None
    return Program(
        title=head.title,
        sessions=tuple(s for s, _, _ in sessions),
        agendas=head.agendas,
        scales=head.scales,
        lists=head.lists,
        dimensions=head.dimensions,
        levels=head.levels,
        exercises=tuple(e for e, _, _ in exercises),
        content_hash=content_hash(sources),
        sources=dict(sources),
    )

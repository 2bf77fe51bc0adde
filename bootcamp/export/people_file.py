"""A workshop's people from a file: ``bootcamp new --participants-file FILE``, and a paste into the form's field.

Two kinds of file are read (the text already decoded: see ``bootcamp.commands.transfer.read_file``):

- an attendee list exported from a registration tool (Eventbrite, Teams, Zoom, Outlook …): a CSV separated by
  commas, semicolons or tabs whose header has a name column (``Name``, ``Full Name``, ``Attendee name`` …, or
  ``First Name`` and ``Last Name``) and may have a role column (``Role``, ``Job Title``, ``Position``); every other
  column (an e-mail, a company) is left out;
- anything else: one person a line, ``Name (role)`` for a role, as the form's field reads them.

A name written surname first, ``Smith, Ana`` (Outlook's way), is one person, ``Ana Smith``, and said so. The header
and its cells are read as ``bootcamp import-answers`` reads a sheet (:mod:`bootcamp.export.sheet_cells`). A file that
cannot be read is refused in one sentence: the file, the line and the column.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bootcamp.checks import participant_problems
from bootcamp.errors import UserError
from bootcamp.export.sheet_cells import column_name, header_delimiter, lines_said, trimmed
from bootcamp.store.roster import RosterError, parse_roster

# Header cells (as column_name reads them) that hold a person's whole name, first name, last name or role;
# the first of each list found is used. Registration tools export in the organiser's language: Spanish, French,
# German, Italian, Portuguese and Dutch too. Some words are a whole name alone and a part beside another part
# ("Nombre" beside "Apellidos", "Nom" beside "Prénom"): they are in both lists, and a first and a last name found
# together win over a whole name.
_NAME = ("name", "full_name", "fullname", "attendee_name", "attendee", "participant_name", "participant",
         "display_name", "contact_name", "nombre", "nombre_completo", "nom", "nom_complet", "nome", "nome_completo",
         "naam", "volledige_naam", "vollständiger_name", "teilnehmer", "participante")
_FIRST = ("first_name", "firstname", "given_name", "forename", "first", "nombre", "prénom", "prenom", "vorname",
          "nome", "voornaam")
_LAST = ("last_name", "lastname", "surname", "family_name", "last", "apellidos", "apellido", "nom", "nachname",
         "familienname", "cognome", "sobrenome", "achternaam", "name")  # "Name" beside "Vorname": a German surname
_ROLE = ("role", "job_title", "jobtitle", "role_/_team", "role_or_team", "position", "job", "team", "cargo", "puesto",
         "función", "funcion", "fonction", "poste", "rôle", "funktion", "rolle", "ruolo", "funzione", "função",
         "funcao", "functie", "rol")
_KNOWN = (*_NAME, *_FIRST, *_LAST, *_ROLE)
# What a meeting tool's attendance list (Teams, Zoom, Webex) puts in its Role column: who ran the call, not a job.
_MEETING_ROLES = frozenset({"organizer", "organiser", "co-organizer", "co-organiser", "presenter", "attendee",
                            "panelist", "panellist", "host", "co-host", "guest", "participant"})
_DELIMITERS = (",", ";", "\t")
# What Excel writes above the header of a CSV saved for another locale's separator.
_EXCEL_SEPARATOR = re.compile(r"^\s*sep=(?P<separator>[,;\t|])\s*$", re.IGNORECASE)
# "Smith, Ana" or "Okonkwo, David (CEO)": a surname, a comma, the rest of the name, perhaps a role.
_SURNAME_FIRST = re.compile(r"^(?P<last>[^,()]*\S)\s*,\s*(?P<first>[^,()]*[^,()\s])\s*(?:\((?P<role>[^()]*)\))?$")


class PeopleFileError(UserError):
    """A people file that cannot be read: ``FILE:LINE: column: problem``; no workshop is made of it."""


@dataclass(frozen=True)
class PeopleRead:
    """``(name, role)`` for each person (names "" in an anonymous workshop), and what was read otherwise than
    written (``'Smith, Ana' read as 'Ana Smith'``), each ``FILE:LINE: …``."""

    people: tuple[tuple[str, str], ...]
    notes: tuple[str, ...] = ()


def read_people(text: str, source: str, *, anonymous: bool) -> PeopleRead:
    """The people ``text`` lists, read from ``source`` (named in every problem); PeopleFileError when it cannot be."""
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    if not text.strip():
        raise PeopleFileError(f"{source}: the file is empty; give one name a line, or a CSV with a Name column")
    first_line = next(line for line in text.splitlines() if line.strip())
    said_separator = _EXCEL_SEPARATOR.match(first_line)
    if said_separator is not None:  # Excel's "sep=;" above the header: the separator, and a line of no one
        text = text.replace(first_line, "", 1)
        if not text.strip():
            raise PeopleFileError(f"{source}: no one is listed under the header")
        first_line = next(line for line in text.splitlines() if line.strip())
        delimiter = said_separator["separator"]
    else:
        delimiter = header_delimiter(first_line, _KNOWN, _DELIMITERS)
    columns = [column_name(cell) for cell in _cells(first_line, delimiter)]
    if columns and columns[0] in _NAME and len(columns) == 1:
        # One column under its heading: a name a line, where "Smith, Ana" unquoted is one name, not two cells.
        names = text.replace(first_line, "", 1)
        if not names.strip():
            raise PeopleFileError(f"{source}: no one is listed under the header")
        return _from_lines(names, source, anonymous=anonymous)
    if any(column in (*_NAME, *_FIRST, *_LAST) for column in columns):
        return _from_sheet(text, source, delimiter, anonymous=anonymous)
    if len(columns) >= 3 or said_separator:  # a sheet's header, not a name: its rows would be read as e-mails
        said = ", ".join(trimmed(cell) for cell in _cells(first_line, delimiter))
        line = text[: text.index(first_line)].count("\n") + 1
        raise PeopleFileError(f"{source}:{line}: the header names no name column ({said}); give a Name column, or "
                              "First Name and Last Name")
    return _from_lines(text, source, anonymous=anonymous)


def pasted_people(text: str) -> str | None:
    """What a paste of several lines into the form's people field means, one ``Name (role)`` a line, when it is a
    spreadsheet's (rows with a header, tab-separated; a column under its Name heading; a column of names written
    surname first); None when the field reads the paste as it is."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    if "\t" in lines[0]:
        if not any(column_name(cell) in (*_NAME, *_FIRST, *_LAST) for cell in lines[0].split("\t")):
            return None
        try:
            people = _from_sheet("\n".join(lines), "the paste", "\t", anonymous=False).people
        except PeopleFileError:
            return None  # the field says what is wrong with it, as typed
    else:
        headed = column_name(lines[0]) in _NAME  # a column copied with its heading: the heading is no one
        lines = lines[1:] if headed else lines
        with_comma = [line for line in lines if "," in line]
        if not headed and (not with_comma or not all(_SURNAME_FIRST.match(line.strip()) for line in with_comma)):
            return None
        people = tuple(_surname_first(line.strip()) or (" ".join(line.split()), "") for line in lines)
    return "".join(f"{name} ({role})\n" if role else f"{name}\n" for name, role in people)


# -- a sheet with a header ---------------------------------------------------------------------------------------


def _cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _cell(record: list[str], at: int) -> str:
    """A row's cell at column ``at``, its spaces collapsed; "" where the row is shorter than the header."""
    return " ".join(record[at].split()) if at < len(record) else ""


def _from_sheet(text: str, source: str, delimiter: str, *, anonymous: bool) -> PeopleRead:
    reader = csv.reader(io.StringIO(text.lstrip("\r\n"), newline=""), delimiter=delimiter, strict=True)
    skipped = len(text) - len(text.lstrip("\r\n"))
    first = text[:skipped].count("\n") + 1  # the header's line, after any blank lines above it
    header = next(reader)
    columns = [column_name(cell) for cell in header]

    def found(names: tuple[str, ...]) -> int | None:
        return next((columns.index(name) for name in names if name in columns), None)

    whole, given, family = found(_NAME), found(_FIRST), found(_LAST)
    if given is not None and family is not None and given != family:
        whole = None  # "Prénom" and "Nom": a first and a last name, though "Nom" alone would be the whole name
    # Every role column, the likeliest first: a webinar tool's export has the Job Title asked at registration and
    # its own Role (Attendee, Organizer) side by side, and only one of them is the person's role.
    role_columns = list(dict.fromkeys(columns.index(name) for name in _ROLE if name in columns))
    name_at = (whole,) if whole is not None else tuple(n for n in (given, family) if n is not None)
    name_said = ", ".join(trimmed(header[n]) for n in name_at)
    people: list[tuple[str, str]] = []
    roles: list[tuple[str, ...]] = []  # each person's cell in each of role_columns
    lines: list[int] = []  # each person's line, to name it when their role is refused
    notes = _Notes()
    line = first + 1
    try:
        for record in reader:
            if any(trimmed(cell) for cell in record):
                name = " ".join(filter(None, (_cell(record, n) for n in name_at)))
                if whole is not None and not anonymous and (flipped := _surname_first(name)) is not None:
                    notes.add(line, f"{name!r} read as {flipped[0]!r} (surname first)")
                    name = flipped[0]
                their_roles = tuple(_cell(record, at) for at in role_columns)
                if not name and not anonymous:
                    shown = next(trimmed(c) for c in record if trimmed(c))
                    raise PeopleFileError(
                        f"{source}:{line}: {name_said}: empty, but the line has {shown!r}; every line needs a name"
                    )
                for problem in participant_problems("" if anonymous else name, "", anonymous=anonymous):
                    raise PeopleFileError(f"{source}:{line}: {name_said}: {problem.message}")
                people.append(("" if anonymous else name, ""))
                roles.append(their_roles)
                lines.append(line)
            line = first + reader.line_num
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise PeopleFileError(
                f"{source}:{line}: a quoted cell opened on this line is never closed (a \" is missing)"
            ) from None
        raise PeopleFileError(f"{source}:{first + reader.line_num - 1}: {error}") from None
    if not people:
        raise PeopleFileError(f"{source}: no one is listed under the header")
    said = notes.said(source)
    meeting = [_meeting_roles(their[n] for their in roles) for n in range(len(role_columns))]
    kept = next((n for n in range(len(role_columns)) if not meeting[n] and any(their[n] for their in roles)), None)
    if kept is not None:
        # Only the column read is checked: a long Team beside the Job Title is left out, as any other column is.
        for their, at_line in zip(roles, lines, strict=True):
            for problem in participant_problems("", their[kept], anonymous=True):  # no name: the role alone
                raise PeopleFileError(f"{source}:{at_line}: {trimmed(header[role_columns[kept]])}: {problem.message}")
        people = [(name, their[kept]) for (name, _), their in zip(people, roles, strict=True)]
    if role_columns and meeting[0]:
        said += (f"{source}:{first}: {trimmed(header[role_columns[0]])}: left out: it holds the meeting's roles "
                 f"({', '.join(meeting[0])}), not job titles"
                 + (f"; the roles are from {trimmed(header[role_columns[kept]])}" if kept is not None else ""),)
    return PeopleRead(tuple(people), said)


def _meeting_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """The roles as written, first seen first, when every one given is a meeting tool's (Organizer, Attendee …);
    else ()."""
    given = list(dict.fromkeys(role for role in roles if role))
    return tuple(given) if given and all(role.casefold() in _MEETING_ROLES for role in given) else ()


# -- one person a line -----------------------------------------------------------------------------------------


def _from_lines(text: str, source: str, *, anonymous: bool) -> PeopleRead:
    if anonymous and text.strip().isdigit():  # just how many, as the form takes it
        try:
            return PeopleRead(parse_roster(text, anonymous=True))
        except RosterError as error:
            raise PeopleFileError(f"{source}: {error}") from None
    people: list[tuple[str, str]] = []
    notes = _Notes()
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if len(entry) > 1 and entry[0] == entry[-1] == '"':  # a column of names saved as CSV: "Smith, Ana"
            entry = entry[1:-1].replace('""', '"').strip()
        if not entry:
            continue
        if "\t" in entry:
            raise PeopleFileError(f"{source}:{number}: a tab, as between a spreadsheet's cells; give a CSV whose "
                                  "first line is its header with a Name column, or one name a line")
        if address := next((word.strip("()<>") for word in re.split(r"[\s,;]+", entry) if "@" in word), None):
            raise PeopleFileError(f"{source}:{number}: {address!r} is an e-mail address, not a name; give a CSV "
                                  "with a Name column, or one name a line")
        flipped = _surname_first(entry)
        if flipped is not None and not (anonymous and not flipped[1]):
            notes.add(number, f"{_as_written(entry)!r} read as {flipped[0]!r} (surname first)")
            found = (("" if anonymous else flipped[0], flipped[1]),)
        else:
            try:
                found = parse_roster(entry, anonymous=anonymous)
            except RosterError as error:
                raise PeopleFileError(f"{source}:{number}: {error}") from None
        for name, role in found:
            for problem in participant_problems(name, role, anonymous=anonymous):
                raise PeopleFileError(f"{source}:{number}: {problem.field}: {problem.message}")
        people.extend(found)
    if not people:
        raise PeopleFileError(f"{source}: the file is empty; give one name a line, or a CSV with a Name column")
    return PeopleRead(tuple(people), notes.said(source))


def _surname_first(text: str) -> tuple[str, str] | None:
    """``("Ana Smith", "")`` for "Smith, Ana", ``("David Okonkwo", "CEO")`` for "Okonkwo, David (CEO)", else None."""
    match = _SURNAME_FIRST.match(text)
    if match is None:
        return None
    return " ".join(f"{match['first']} {match['last']}".split()), " ".join((match["role"] or "").split())


def _as_written(entry: str) -> str:
    """The name part of an entry, as said in a note: "Okonkwo, David" of "Okonkwo, David (CEO)"."""
    return re.sub(r"\s*\([^()]*\)$", "", entry)


class _Notes:
    """What was read otherwise than written, each kind said once, at its first line, with the other lines."""

    def __init__(self) -> None:
        self._lines: list[tuple[int, str]] = []
        self._more: list[int] = []

    def add(self, line: int, text: str) -> None:
        if self._lines:  # one kind of note so far: a name written surname first
            self._more.append(line)
        else:
            self._lines.append((line, text))

    def said(self, source: str) -> tuple[str, ...]:
        more = f" (also on {lines_said(self._more)})" if self._more else ""
        return tuple(f"{source}:{line}: {text}{more}" for line, text in self._lines)

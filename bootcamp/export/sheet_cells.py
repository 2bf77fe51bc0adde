"""A sheet's text read as people make sheets: the separator its header is written with, a header cell as a column
name, a cell trimmed of what a spreadsheet shows as nothing, and line numbers said in a sentence. One reader for
both imports from a sheet: the answers (:mod:`bootcamp.export.data_csv`) and the people
(:mod:`bootcamp.export.people_file`)."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable

_COMMA_OR_SEMICOLON = (",", ";")


def header_delimiter(first_line: str, columns: Iterable[str], delimiters: tuple[str, ...] = _COMMA_OR_SEMICOLON) -> str:
    """The separator the header is written with: the one that makes the most known ``columns`` of it (a comma in a
    renamed column, "Comment, if any", does not make a file separated by semicolons comma-separated)."""
    fallback = ";" if ";" in first_line and "," not in first_line else ","
    wanted = set(columns)

    def known(delimiter: str) -> int:
        try:
            header = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:
            return 0
        return len({column_name(name) for name in header} & wanted)

    return max(delimiters, key=lambda delimiter: (known(delimiter), delimiter == fallback))


def column_name(name: str) -> str:
    """A header cell as a column name: ``Participant ID``, ``participant-id`` and `` participant_id`` are one."""
    return "_".join(trimmed(name).casefold().replace("-", " ").replace("_", " ").split())


def _blank_char(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf"  # a space, a no-break space, a zero-width space


def trimmed(cell: str) -> str:
    """A cell without what a spreadsheet shows as nothing at either end: spaces, no-break spaces, zero-width ones."""
    start, end = 0, len(cell)
    while start < end and _blank_char(cell[start]):
        start += 1
    while end > start and _blank_char(cell[end - 1]):
        end -= 1
    return cell[start:end]


def lines_said(numbers: list[int]) -> str:
    """``line 4``, ``lines 3-4, 6``: line numbers, runs of them as ranges."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    said = ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)
    return f"line {said}" if len(numbers) == 1 else f"lines {said}"

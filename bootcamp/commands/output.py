"""Where a command's ``-o FILE`` goes: standard output or a file, never over what the store keeps."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bootcamp.errors import UserError
from bootcamp.locations import data_dir, keeps_stored_data, shown


def spreadsheet_file(text: str) -> str:
    """A CSV file's text with the UTF-8 byte-order mark first: without it Excel reads the file in the machine's code
    page, and "Chloé" shows as "ChloÃ©". Only files get it; standard output, read by pipes, does not."""
    return "\ufeff" + text.removeprefix("\ufeff")


def write_output(text: str, output: str | None, what: str, args: argparse.Namespace) -> None:
    """Write to FILE (atomically, so a failed write leaves the old file whole) or to standard output.

    Every renderer has already made participant text safe to print: control characters
    reach a terminal as visible pictures, never as escape sequences.
    """
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    write_file(path, text, args)
    print(f"wrote {what} to {path}", file=sys.stderr)


def write_file(path: Path, text: str, args: argparse.Namespace) -> None:
    """Write the file atomically, refusing a place inside the data folder where the workshops are kept."""
    from bootcamp.store.durable import replace_durably

    folder = data_dir(getattr(args, "data_dir", None))
    if keeps_stored_data(path, folder):
        # "-o data/workshops/ID/workshop.json" once replaced a workshop with a summary, losing it from the list
        raise UserError(
            f"cannot write {path}: it is inside the data folder {shown(folder)}, where the workshops are kept; "
            f"write it elsewhere or in {shown(folder / 'exports')}"
        )
    try:
        replace_durably(path, text.encode("utf-8", "surrogatepass"))
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror or error}") from None

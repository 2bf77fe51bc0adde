"""``bootcamp forget WORKSHOP PERSON [--redact-notes] [--yes]``: a participant asked to be forgotten.

WORKSHOP as ``archive`` takes it (an id, or a workshop's whole name); PERSON a seat as shown (``P7``) or the
person's whole name (any case, accents optional). What is erased and what is only listed: :mod:`bootcamp.store.forget`.
"""

from __future__ import annotations

import argparse
import sys

from bootcamp.commands.archive import find_workshop
from bootcamp.commands.confirm import confirmed
from bootcamp.export.data_terminal import terminal_safe
from bootcamp.join.left_on import forget_holder, seats_held_by
from bootcamp.library import Library
from bootcamp.library.runs import runs_made_from
from bootcamp.locations import find_data_dir
from bootcamp.plurals import counted
from bootcamp.store import Store
from bootcamp.store.forget import REDACTED, Erasure, find_seat, forget, plan, seated_elsewhere


def run(args: argparse.Namespace) -> int:
    folder = find_data_dir(getattr(args, "data_dir", None))
    store = Store(folder.path)
    library = Library(store.data_dir, store.clock)
    row = find_workshop(library.listing().rows, args.workshop, store)
    warn = _warn
    with store.owned(row.info.id, purpose="bootcamp forget", warn=warn) as files:
        info = files.info()
        seat = find_seat(info, args.person)
        who = _who(seat.display_name, seat.role, anonymous=info.anonymous)
        erasure = plan(files, seat)
        workshop = f"workshop {info.id} ({terminal_safe(info.name)}, {terminal_safe(info.organisation)}, {info.date})"
        goes = _what_goes(erasure, seats_held_by(files.path, seat.id))
        print(f"{who} in {workshop}; to erase: {goes}")
        _list_mentions(erasure, redact=args.redact_notes)
        stays = _names_stay(erasure, redact=args.redact_notes)
        question = f"Erase {who} from workshop {info.id} for good?{stays} [y/N] "
        if not confirmed(question, yes=args.yes, refused=(
            f"nothing was erased: bootcamp forget asks before it erases, and there is no terminal to ask on; "
            f"add --yes to erase {who} from workshop {info.id} without asking"
        )):
            print("nothing was erased")
            return 1
        forget(files, seat, redact_notes=args.redact_notes, warn=warn, erase_elsewhere=forget_holder)
    library.listing()  # the library's index, which keeps names to search, read again from the folders now
    print(f"erased {who} from workshop {info.id}: {goes}")
    workshops = store.scan_workshops().workshops
    if info.anonymous:  # no name to look for: the runs made from it carry its seats
        for later in runs_made_from(workshops, info.id):
            print(
                f"workshop {later.id} ({terminal_safe(later.name)}, {later.date}) was made again from it and carries "
                f"its people: it was left as it is; run bootcamp forget there too"
            )
    for other, namesake in seated_elsewhere(workshops, info.id, seat):
        print(
            f"workshop {other.id} ({terminal_safe(other.name)}, {terminal_safe(other.organisation)}, {other.date}) "
            f"seats {terminal_safe(namesake.name)} too, as P{namesake.number}: it was left as it is; if that is them, "
            "run bootcamp forget there too"
        )
    print(
        "Exports, summaries and comparisons written to files before (the exports folder, e-mails, printouts) are "
        "outside bootcamp: delete them where they are."
    )
    return 0


def _warn(message: str) -> None:
    print(f"bootcamp: warning: {message}", file=sys.stderr)


def _who(name: str, role: str, *, anonymous: bool) -> str:
    shown = terminal_safe(name)
    return f"{shown} ({terminal_safe(role)})" if role and not anonymous else shown


def _what_goes(erasure: Erasure, phone_seats: int) -> str:
    """What forgetting them erases, said before and after it: "48 answers (8 with a comment), …, their seat on the
    roster, name and role"; only what they have (the line after the erasure once named a phone seat they never had)."""
    if erasure.answers < 0:
        parts = ["their answers file, which cannot be read"]
    else:
        with_comments = f" ({erasure.comments} with a comment)" if erasure.comments > 0 else ""
        parts = [counted(erasure.answers, "answer") + with_comments]
    if erasure.ballots_voted:
        ballots = counted(erasure.ballots_voted, "secret ballot")
        parts.append(f"their name on the roll of voters of {ballots} (the ballots name nobody and stay)")
    if erasure.cards:
        parts.append(f"{counted(erasure.cards, 'Poker card')} dealt to them (held by nobody now)")
    if phone_seats:
        parts.append("their phone's seat")
    parts.append("their seat on the roster, name and role")
    return ", ".join(parts)


def _names_stay(erasure: Erasure, *, redact: bool) -> str:
    """Said in the question when others' words naming them stay: once they are forgotten their name is off the roster,
    so a later --redact-notes cannot find them (seen: y, then the rerun said nobody by that name was there)."""
    if redact or not erasure.mentions:
        return ""
    places = counted(len(erasure.mentions), "place")
    return f" Their name stays in the {places} above (n, then --redact-notes, to put {REDACTED} there)."


def _list_mentions(erasure: Erasure, *, redact: bool) -> None:
    if not erasure.mentions:
        return
    places = f"what others wrote names them in {counted(len(erasure.mentions), 'place')}"
    if redact:
        lead = f"{places}; their name there becomes {REDACTED}:"
    else:
        lead = f"{places}, left as it is (--redact-notes puts {REDACTED} in place of their name there):"
    print(lead)
    for mention in erasure.mentions:
        print(f"  {terminal_safe(mention.where)}: {terminal_safe(mention.text)}")

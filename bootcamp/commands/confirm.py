"""Asking before a command erases something for good: on a terminal, or ``--yes`` from a script."""

from __future__ import annotations

import sys

from bootcamp.errors import UserError


def confirmed(question: str, *, yes: bool, expected: str = "y", refused: str) -> bool:
    """Whether to go on: ``yes`` says so already; else the person at the terminal answers ``question`` with
    ``expected`` (any case). Without a terminal and without ``--yes``, UserError ``refused`` in one sentence."""
    if yes:
        return True
    if not on_a_terminal():
        raise UserError(refused)
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() == expected.casefold()


def on_a_terminal() -> bool:
    """Whether someone is there to answer: both the question's way out and the answer's way in are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()

"""Textual's Linux and macOS driver, made to outlive the terminal it draws on, and to read Esc typed just before
a letter as the two keys it was.

When the terminal window is closed, every write to it fails (EIO). Textual's writer thread
dies on the first failure; the app then blocks for good once 30 writes wait in the thread's
queue, so it never reaches its end (saves finished, lock released, a demo's folder removed),
and the SIGHUP that closing the window sends cannot end it either (measured: tmux kill-session
on ``bootcamp demo`` left a process stuck and its folder behind). Here, once the terminal is
gone, what Textual writes goes nowhere instead.
"""

from __future__ import annotations

import errno
from typing import Any, TextIO

from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

# What a write to a terminal that is gone fails with: hung up (the window closed), or a pipe with no reader.
GONE = (errno.EIO, errno.EPIPE)


class OutlivingTerminalDriver(LinuxDriver):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # _file is what Textual's writer thread writes to (the terminal, sys.__stderr__); no public way to set it
        self._file = TerminalOutput(self._file)

    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Key):
            for key in keys_typed(message):
                super().process_message(key)
        else:
            super().process_message(message)


def keys_typed(key: events.Key) -> list[events.Key]:
    """The keys behind ``key``. A terminal sends Alt+g as Esc then g, so Esc and g arriving together (typed within
    tmux's or screen's escape-time, half a second, or bundled by SSH) reach Textual as Alt+g, which nothing binds:
    Esc then g did nothing at all. No key of the app is an Alt+letter, so such a key is read as Esc, then the letter.
    (Esc before a sign, such as ?, Textual already reads as the sign alone.)"""
    if key.key.startswith("alt+") and key.character and key.character.isalnum():
        return [events.Key("escape", "\x1b"), events.Key(key.key.removeprefix("alt+"), key.character)]
    return [key]


class TerminalOutput:
    """The terminal as Textual's writer thread uses it (write, flush, fileno): silent once the terminal is gone."""

    def __init__(self, file: TextIO) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> None:
        if not self.gone:
            self._attempt(self._file.write, text)

    def flush(self) -> None:
        if not self.gone:
            self._attempt(self._file.flush)

    def fileno(self) -> int:
        return self._file.fileno()

    def _attempt(self, call: Any, *args: Any) -> None:
        try:
            call(*args)
        except OSError as error:
            if error.errno not in GONE:
                raise
            self.gone = True

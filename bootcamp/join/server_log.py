"""The join server's log: a file in the data folder, never the terminal the console draws on.

One line per request (method, path, status, seconds) and the server's own errors with their
tracebacks. The address a request came from is logged only with a refusal (a wrong code, a wrong Host,
a form without its tokens), where it tells who was refused: beside a secret ballot's moment, the address
of a page loaded right after it could name its caster. A ballot's post is not logged at all.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse

from bootcamp.store.durable import FILE_MODE, make_private_folder

BALLOT_PATH = "/ballot"
REFUSALS = frozenset({403, 404, 413, 421, 429})  # the answers whose address the log keeps


def file_logger(name: str, path: Path) -> tuple[logging.Logger, str]:
    """A logger that writes to ``path`` only (it does not pass records up to the root logger), and why it writes
    nowhere when ``path`` cannot be written (a full disk, a read-only data folder), else "".

    The phones join all the same: the log is not the workshop's, and its answers are saved (or retried) apart.
    """
    logger = logging.getLogger(name)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        make_private_folder(path.parent)
        os.close(
            os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        )  # private, like every file of the data folder
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as error:
        logger.addHandler(logging.NullHandler())
        return logger, f"cannot write {path}: {error.strerror or error}"
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    return logger, ""


def close_logger(logger: logging.Logger) -> None:
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


class AccessLog(AbstractAccessLogger):
    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        if request.method == "POST" and request.path.endswith(BALLOT_PATH):
            return
        who = request.remote if response.status in REFUSALS else "-"
        self.logger.info("%s %s %s %s %.3fs", who, request.method, request.path, response.status, time)

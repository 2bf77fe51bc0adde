"""What the console says about saving: a small value, kept apart so the app imports it cheaply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SaveStatus:
    pending: int = 0
    error: str = ""  # the last failure, until the writer's retry succeeds

    @property
    def label(self) -> str:
        if self.error:
            return "not saved"
        return "saving…" if self.pending else "saved"

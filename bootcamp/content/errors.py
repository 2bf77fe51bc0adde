"""Content problems, each one line that names file, line and field."""

from __future__ import annotations

from dataclasses import dataclass

from bootcamp.errors import UserError


@dataclass(frozen=True, order=True)
class ContentProblem:
    file: str
    line: int
    field: str
    message: str
    column: int = 0  # only where the line alone is not enough: a bad byte, a bad character

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.line and self.column:
            where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ContentError(UserError):
    """Raised when content does not load; carries every problem found in one pass."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} content {noun}:\n" + "\n".join(map(str, self.problems)))

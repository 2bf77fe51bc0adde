"""Boot camp content: load, validate and query sessions, steps and exercises (no Textual)."""

from bootcamp.content.errors import ContentError, ContentProblem
from bootcamp.content.loader import load_dir, load_sources, read_sources
from bootcamp.content.model import Program, Step, StepKind

__all__ = ["ContentError", "ContentProblem", "Program", "Step", "StepKind", "load_dir", "load_sources", "read_sources"]

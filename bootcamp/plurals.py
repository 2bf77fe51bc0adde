"""Counts written as a person writes them: "1 answer", "2 answers"."""


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, the noun singular for one (every noun counted here takes an s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

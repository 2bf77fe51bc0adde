"""Fixtures for the store tests: the fixture content, a store on a temporary folder, a fixed clock."""

from __future__ import annotations

import pytest

from bootcamp.store import Store, WorkshopFiles


@pytest.fixture
def workshop(store: Store, sources: dict[str, str]) -> WorkshopFiles:
    info = store.create_workshop(
        name="Acme boot camp",
        organisation="Acme",
        date="2026-09-21",
        participants=[("Ana Ortiz", "CEO"), ("Ben Okafor", "Sales"), ("Chloé Martin", "")],
        sources=sources,
    )
    return store.open(info.id)


# Text a participant might type, or paste: markup, terminal escapes, long, emoji, right-to-left, NUL, CSV formulas.
# Each fits every field's limit (bootcamp.limits), so a round trip keeps it; what breaks a limit is refused by
# bootcamp.checks (tests/test_checks.py), whichever way it comes in.
HOSTILE_TEXTS = (
    "[bold red]not bold[/bold red]",
    "[link=https://x]y[/link]",
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil\x07click\x1b]8;;\x07",
    "a" * 40 + "🙂" * 40,  # the longest name or role: 80 characters, 200 bytes
    "👩🏽‍💻 🇸🇪 e\u0301",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c",
    "nul\x00inside",
    '=HYPERLINK("http://x","y")',
    "+1;-2;@SUM(A1)",
    "'quoted'",
    "comma, \"quote\"\r\nnew line\ttab",
)


@pytest.fixture(scope="session")
def hostile_texts() -> tuple[str, ...]:
    return HOSTILE_TEXTS

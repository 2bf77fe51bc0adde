"""A walk-in under the name of someone listed: who they may be, as the people screen says it."""

from __future__ import annotations

from bootcamp.names import namesakes
from bootcamp.store.model import Participant


def test_a_name_pasted_twice_is_a_namesake_of_its_first_line() -> None:
    # A late list with a row twice (exported twice, copied twice) added two of one name without a word, while a name
    # already listed was said: the second is a namesake of the first, pasted a line above it.
    ana = Participant("p1", 1, "Ana Ortiz")
    dee, eve, dee_again = Participant("p2", 2, "Dee Lam"), Participant("p3", 3, "Eve Ng"), Participant("p4", 4, "dee lam")
    ana_again = Participant("p5", 5, "ana ortiz")
    pairs = namesakes([dee, eve, dee_again, ana_again], [ana, dee, eve, dee_again, ana_again])
    assert [(new.id, earlier.id) for new, earlier in pairs] == [("p4", "p2"), ("p5", "p1")]

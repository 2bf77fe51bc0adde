"""Properties over many random rooms: scores stay in range, a "yes" never lowers a dimension."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from summary_rooms import MANDATE, RATE, ROLE, STRUCTURE_QUESTION, Room_, participants

from bootcamp.store.model import Answer, WorkshopState

OPTIONS = ["yes", "partly", "no", "dont-know", None]  # None: no answer
STRENGTH = ["strong", "mixed", "weak", "dont-know", None]


@st.composite
def rooms(draw: st.DrawFn) -> Room_:
    size = draw(st.integers(min_value=1, max_value=8))
    removed = draw(st.lists(st.integers(min_value=1, max_value=size), max_size=2))
    answers: list[Answer] = []
    for n in range(1, size + 1):
        if (value := draw(st.sampled_from(OPTIONS))) is not None:
            answers.append(Answer(f"p{n}", MANDATE, value=value))
        if (value := draw(st.sampled_from(OPTIONS))) is not None:
            answers.append(Answer(f"p{n}", ROLE, item=STRUCTURE_QUESTION, value=value))
        for item in ("persist", "give-power-away"):
            for perspective in ("self", "team"):
                if (value := draw(st.sampled_from(STRENGTH))) is not None:
                    answers.append(Answer(f"p{n}", RATE, item=item, perspective=perspective, value=value))
    return Room_(participants(size, removed=removed), answers)


def in_range(value: float | None, low: float, high: float) -> bool:
    return value is None or low <= value <= high


@settings(max_examples=150, deadline=None)
@given(rooms())
def test_every_figure_stays_in_range(room: Room_) -> None:
    report = room.report()
    assert in_range(report.overall.score, 0, 100)
    for d in report.dimensions:
        assert in_range(d.score, 0, 100)
        assert in_range(d.dont_know_share, 0, 1)
        assert d.scored + d.dont_know == d.answered
        assert (d.score is None) == (d.scored == 0)
        assert d.low_end + d.high_end <= d.scored
        for q in d.questions:
            assert in_range(q.score, 0, 100)
            assert sum(c.count for c in q.counts) == q.answered
    for heat_map in report.heat_maps:
        for average in heat_map.averages:
            assert in_range(average.normalised, 0, 1)
            assert in_range(average.mean, 0, 2)
        for gap in heat_map.gaps:
            assert -1 <= gap.gap <= 1
    assert report.unmatched_answers == 0


@settings(max_examples=150, deadline=None)
@given(rooms(), st.data())
def test_turning_one_no_into_yes_never_lowers_a_dimension(room: Room_, data: st.DataObject) -> None:
    noes = [n for n, a in enumerate(room.answers) if a.value == "no"]
    if not noes:
        return
    flip = data.draw(st.sampled_from(noes))
    before = room.report()
    changed = list(room.answers)
    changed[flip] = Answer(changed[flip].participant_id, changed[flip].step_key, changed[flip].item, value="yes")
    after = Room_(room.people, changed).report()
    flipped = "mandate" if room.answers[flip].step_key == MANDATE else "structure"
    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        if old.id == flipped:
            assert new.score >= old.score and new.scored == old.scored, (old.id, old.score, new.score)
        else:
            assert new.score == old.score
    assert after.overall.score >= before.overall.score


@settings(max_examples=150, deadline=None)
@given(rooms(), st.sets(st.sampled_from([MANDATE, ROLE])), st.sets(st.sampled_from([MANDATE, ROLE])))
def test_a_dimension_re_scored_on_all_its_questions_is_the_summarys_own(
    room: Room_, secret: set[str], skipped: set[str]
) -> None:
    """A comparison re-scores a dimension on the questions both runs asked alike (from its questions' counts): on
    every question, secret ballots and steps skipped for time included, that is the summary's own result."""
    from bootcamp.summary.comparison import _on_questions

    room = dataclasses.replace(room, state=WorkshopState(secret=tuple(sorted(secret)), skipped=tuple(sorted(skipped))))
    report = room.report()
    for dimension in report.dimensions:
        assert _on_questions(dimension, set(), report.levels) == dimension

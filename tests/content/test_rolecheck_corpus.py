"""The role check on lines from real postings: the held-out parts are the gate (tests/content/rolecheck_corpus/).

The suggester is written, and its words and examples learned, from the development parts (dev + dev_2, held_out,
held_out_3 … held_out_18); each fresh part is measured once, at the end of the round that never read it, and is the
gate until the next round learns from it. Run ``python -m tests.content.rolecheck_corpus PART`` to see a table.
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from tests.content.rolecheck_corpus import PARTS, assert_floor, documents, scored, table


def test_the_corpus_is_labelled_from_enough_postings_with_few_ambiguous_lines() -> None:
    parts = {part: documents(part) for part in PARTS}
    lines = [line for docs in parts.values() for document in docs for line in document["lines"]]
    sources = {source["id"] for docs in parts.values() for document in docs for source in document["sources"]}
    assert len(lines) >= 150 and len(sources) >= 20
    assert len({line["text"] for line in lines}) == len(lines), "a line is in the corpus twice"
    used = {part: {line["source"] for document in docs for line in document["lines"]} for part, docs in parts.items()}
    for first, second in itertools.combinations(used, 2):
        assert not used[first] & used[second], f"a posting is in both {first} and {second}"
    urls = [source["url"] for docs in parts.values() for document in docs for source in document["sources"]]
    assert len(set(urls)) == len(urls), "a posting is in the corpus twice"
    for docs in parts.values():
        for document in docs:
            labels = Counter(line["label"] for line in document["lines"])
            assert set(labels) <= {"strategic", "tactical", "ambiguous"}
            assert labels["ambiguous"] <= 0.2 * sum(labels.values())


# Measured once, at the end of the twenty-fourth round, on postings nothing was written against (held_out_29.yaml, 12
# postings kept as GitHub issues, seven of them doubtful as customer leaders, 79% of its lines tactical, labelled by
# two engineers who never read the suggester): 31 of 43 clear lines right (72%), 3 called the opposite way, 8 of 9
# ambiguous lines undecided or naming both sides. The twenty-third round's suggester got the same. The earlier
# held-out parts gave 59% (dev_2), 59% (held_out), 71% (held_out_3), 70% (held_out_4), 70% (held_out_5), 89.8%
# (held_out_6), 84% (held_out_7), 79% (held_out_8), 82% (held_out_9), 70% (held_out_10), 85% (held_out_11 and
# held_out_12), 76% (held_out_13 and held_out_14), 82% (held_out_15), 87% (held_out_16), 89% (held_out_17), 72%
# (held_out_18), 86% (held_out_19), 88% (held_out_20), 77% (held_out_21), 96% (held_out_22), 78% (held_out_23), 89%
# (held_out_24), 82% (held_out_25), 80% (held_out_26), 80% (held_out_27) and 87% (held_out_28) before they were opened.
HELD_OUT: tuple[str, ...] = ("held_out_29",)
HELD_OUT_RIGHT, HELD_OUT_OPPOSITE = 31, 3
# Between a round's commit and the merge of its fresh part, no part is held out and the gate has nothing to read.
no_fresh_part = pytest.mark.skipif(not HELD_OUT, reason="no part is held out until the round's fresh part is merged")
# The development parts, as a floor against regressions. They say nothing about new postings: the shipped examples are
# these very lines, so each finds itself (see the README for leave-one-part-out).
DEVELOPMENT_FLOORS = {
    "dev": (185, 0), "held_out": (107, 0), "held_out_3": (64, 0), "held_out_4": (72, 1), "held_out_5": (52, 0), "held_out_6": (48, 0),
    "held_out_7": (48, 1), "held_out_8": (45, 0), "held_out_9": (53, 1), "held_out_10": (51, 1), "held_out_11": (51, 1),
    "held_out_12": (54, 0), "held_out_13": (42, 1), "held_out_14": (48, 0), "held_out_15": (52, 1), "held_out_16": (51, 0),
    "held_out_17": (55, 1), "held_out_18": (52, 0), "held_out_19": (58, 1), "held_out_20": (52, 0), "held_out_21": (43, 0),
    "held_out_22": (48, 0), "held_out_23": (44, 1), "held_out_24": (52, 0), "held_out_25": (44, 0), "held_out_26": (54, 0), "held_out_27": (55, 0), "held_out_28": (54, 0),
}


def held_out_table(capsys: pytest.CaptureFixture[str]) -> tuple[list, str]:
    lines = [line for part in HELD_OUT for line in scored(part)]
    shown = table(lines)
    with capsys.disabled():
        print(f"\nrole check on the held-out postings ({', '.join(HELD_OUT)}):\n{shown}")
    return lines, shown


@no_fresh_part
def test_on_the_held_out_postings_the_role_check_does_no_worse_than_measured(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines, shown = held_out_table(capsys)
    clear = [line for line in lines if line.clear]
    assert sum(line.right for line in clear) >= HELD_OUT_RIGHT, shown
    assert sum(line.opposite for line in clear) <= HELD_OUT_OPPOSITE, shown


@pytest.mark.parametrize("part", sorted(DEVELOPMENT_FLOORS))
def test_on_the_development_postings_the_role_check_keeps_what_it_was_written_to_do(part: str) -> None:
    assert_floor(part, *DEVELOPMENT_FLOORS[part])


@no_fresh_part
@pytest.mark.xfail(
    strict=True,
    reason="issue 15's target is missed on held_out_29: 31 of 43 clear lines right (72%; 90 wanted), 3 the "
    "opposite way (0 wanted); 8 of 9 ambiguous lines undecided or naming both sides (9 wanted)",
)
def test_on_the_held_out_postings_nine_in_ten_clear_lines_are_right_and_none_the_opposite_way(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The issue's gate. While the target is missed it carries a strict xfail mark; when it passes, take the mark off."""
    lines, shown = held_out_table(capsys)
    clear = [line for line in lines if line.clear]
    assert sum(line.right for line in clear) >= 0.9 * len(clear), shown
    assert not [line.text for line in clear if line.opposite], shown
    unfair = [line.text for line in lines if not line.clear and not line.fair_on_ambiguous]
    assert not unfair, f"ambiguous lines called one way without naming the other: {unfair}\n{shown}"


def test_every_suggestion_on_the_corpus_says_why_in_one_sentence() -> None:
    for part in PARTS:
        for line in scored(part):
            reason = line.suggestion.reason
            assert reason.endswith(".") and ". " not in reason.rstrip("."), (line.text, reason)
            # read aloud, two brackets side by side were two pauses for one aside
            assert ") (" not in reason, (line.text, reason)


def test_naming_both_sides_is_read_from_the_reason_not_from_which_markers_matched() -> None:
    from bootcamp.content.model import Leaning
    from bootcamp.content.rolecheck import Suggestion
    from tests.content.rolecheck_corpus import fair_on_ambiguous

    def called(leaning: Leaning, reason: str) -> bool:
        return fair_on_ambiguous(Suggestion(leaning, (), reason))

    assert called(Leaning.UNDECIDED, "Undecided: it pulls both ways, so the room decides.")
    assert called(Leaning.TACTICAL, 'Leans tactical: it runs the desk (it also speaks of "culture", which leans strategic).')
    assert called(Leaning.STRATEGIC, "Leans strategic: X (it also touches on escalations, which leans tactical but weighs less).")
    assert not called(Leaning.TACTICAL, "Leans tactical: it runs the desk.")
    # the other side must be named as the other side, not the side the line is called
    assert not called(Leaning.TACTICAL, 'Leans tactical: it runs the desk (it also speaks of "agents", which leans tactical).')
    assert not called(Leaning.STRATEGIC, 'Leans tactical: it runs the desk (it also speaks of "culture", which leans strategic).')

"""The lines written from the labelling rules (tests/content/rolecheck_written/): well formed, new, and a floor.

They are not from postings, so they are no gate: they check that the suggester follows the labelling rules across
thirty-odd sectors, each duty worded several ways. written_1's wrong calls were read while writing the seventh round's
markers; written_2's were not (only its figures), so it says more about duties the markers were not written for.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.content.rolecheck_corpus import PARTS, WRITTEN_PARTS, assert_floor, documents

MIN_WORDS, MAX_WORDS = 6, 30
# Measured at the end of the thirteenth round (README, role check): a floor against regressions. Retraining the words
# moved them a little each round (written_2: 235 right and 8 the opposite way at the seventh round, 235 and 9 at the
# tenth, 238 and 10 at the eleventh, 239 and 10 at the twelfth, 240 and 9 at the fourteenth, 241 and 8 at the fifteenth, 237 and 9 at the sixteenth, 238 and 7 at the
# seventeenth, 238 and 8 at the eighteenth and nineteenth, 237 and 11 at the twentieth (with held_out_24 learned,
# 70% of it tactical, "sales", "managers", "coaching" and "supported" lean tactical enough to call three strategic
# lines tactical), 238 and 10 at the twenty-first, 239 and 11 at the twenty-second (with held_out_26 learned, 77% of it tactical), 238 and 10 at the twenty-third, 239 and 11 since the twenty-fourth; written_1: 242, 241, 240 with eighteen parts, 241 with nineteen, 242 at the fifteenth round, 239 at
# the sixteenth (with held_out_20 learned, "manager" and "director" leaned tactical enough to doubt a few
# measures-leaders-are-judged-by lines), 241 at the seventeenth, 240 at the eighteenth, 245 at the nineteenth (the
# measures leaders are judged by weigh 3), 241 at the twentieth, 241 and 4 the opposite way at the twenty-first,
# 244 and 4 at the twenty-second and twenty-third, then 243 and 3 since the twenty-fourth).
FLOORS = {"written_1": (243, 3), "written_2": (239, 11)}


def written(part: str) -> list[dict]:
    return documents(part)[0]["lines"]


@pytest.mark.parametrize("part", WRITTEN_PARTS)
def test_each_written_line_is_one_labelled_duty_of_a_named_sector(part: str) -> None:
    lines = written(part)
    assert len(lines) >= 250
    for number, line in enumerate(lines, 1):
        assert MIN_WORDS <= len(line["text"].split()) <= MAX_WORDS, f"{part} line {number}: {line['text']!r}"
        assert line["label"] in ("strategic", "tactical", "ambiguous"), f"{part} line {number}"
        assert line["sector"] and line["kind"], f"{part} line {number}"
    labels = Counter(line["label"] for line in lines)
    assert labels["ambiguous"] <= 0.12 * len(lines)
    by_sector: dict[str, set[str]] = {}
    for line in lines:
        by_sector.setdefault(line["sector"], set()).add(line["label"])
    assert all({"strategic", "tactical"} <= seen for seen in by_sector.values()), "a sector the words could learn a side from"


def test_the_written_lines_are_new_neither_repeated_nor_taken_from_the_corpus() -> None:
    texts = [" ".join(line["text"].lower().split()) for part in WRITTEN_PARTS for line in written(part)]
    assert len(set(texts)) == len(texts), "a written line is there twice"
    corpus = {" ".join(line["text"].lower().split()) for part in PARTS for doc in documents(part) for line in doc["lines"]}
    assert not corpus & set(texts), "a written line is a corpus line"


@pytest.mark.parametrize("part", WRITTEN_PARTS)
def test_on_the_written_lines_the_role_check_keeps_what_it_was_measured_at(part: str) -> None:
    assert_floor(part, *FLOORS[part])

"""The learned part of the role check: a line's words, weighed by what labelled postings taught.

The weights are content (the ``learned`` block of ``exercises/role-check.yaml``), made by
``python -m tests.content.rolecheck_train`` from the labelled duty lines in
``tests/content/rolecheck_corpus/``: a logistic regression on the line's word stems and pairs of
neighbouring stems. A positive weight leans strategic, a negative one tactical. The weights are
read from their text only when a line is first weighed, so loading the content stays fast.

Plain Python, nothing downloaded: the room can read which words decided (:func:`weigh` returns
them with the line's own spelling).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from types import MappingProxyType
from typing import Mapping

# Words that carry no duty: articles, prepositions, pronouns, conjunctions and fillers. "across",
# "every", "all", "own" and "personally" stay: they say where and by whom the work is done.
STOP_WORDS = frozenset(
    "a an the and or nor but of to in on for by as at from into onto with without within via per about over "
    "up out off through than then its it is are be being been was were has have that this these those so "
    "such them they their there which who whom whose what when where while we our us you your also well "
    "more most very any some each both other others etc eg ie".split()
)
# Words the weights may hold but a reason never quotes: "it also speaks of "against"" tells the room nothing. Naming
# only; the score counts them as learned.
NOT_QUOTED = frozenset(
    "against like among amongst towards toward upon until whether unless onto beside during rather "
    # everyday verbs and fillers the weights picked up from their postings ("make sure", "see that", "win-back",
    # "one-on-ones"): a tester was told a line leaned tactical for speaking of "sure", "see" and "days"
    "sure see one back get can same going go want kept put does not way next goes make making take new".split()
)
_WORD = re.compile(r"[a-z0-9]+")
# Longest first; a stem keeps at least three letters. "escalated", "escalations" and "escalate" all
# become "escal"; "organisation" and "organization" both "organis".
_SUFFIXES = (
    "isations", "isation", "ational", "ations", "ation", "ating", "ities", "ments", "ively", "ings", "ment",
    "ated", "ates", "ate", "ity", "ing", "ive", "ers", "ies", "ied", "ed", "er", "es", "ly", "s",
)  # fmt: skip


@dataclass(frozen=True)
class Weighed:
    """A line weighed by the learned words: above zero leans strategic, below zero tactical."""

    score: float
    strategic: tuple[str, ...]  # the line's words that pushed it most toward strategic, heaviest first
    tactical: tuple[str, ...]  # the same toward tactical
    strategic_top: float = 0.0  # the weight of the heaviest strategic word (0 if none)
    tactical_top: float = 0.0  # the same, as a positive number, of the heaviest tactical word
    strategic_total: float = 0.0  # the summed weight of the words leaning strategic
    tactical_total: float = 0.0  # the same, as a positive number, of the words leaning tactical


@lru_cache(maxsize=8192)  # the labelled examples repeat most of their words: each is stemmed once
def stem(word: str) -> str:
    word = word.replace("iz", "is")  # one spelling: "organize" and "organise" are one word
    if word.endswith("sses"):
        return word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix in ("ies", "ied"):
                return word[: -len(suffix)] + "y"
            if suffix == "es" and not word[:-2].endswith(("ss", "x", "z", "ch", "sh")):
                return word[:-1]  # "cases" is "case", as "boxes" is "box"
            return word[: -len(suffix)]
    return word


def terms(line: str) -> dict[str, str]:
    """The line's features, each with the words it came from: ``{"escal": "escalated", "escal case": "escalated cases"}``."""
    # one letter is the "s" of "team's" or an initial; digits are amounts and dates: neither names a duty
    words = [(stem(w), w) for w in _WORD.findall(line.lower()) if len(w) > 1 and w not in STOP_WORDS and not w.isdigit()]
    found: dict[str, str] = {}
    for stemmed, word in words:
        found.setdefault(stemmed, word)
    for (first, first_word), (second, second_word) in zip(words, words[1:]):
        found.setdefault(f"{first} {second}", f"{first_word} {second_word}")
    return found


def _features(line: str) -> set[str]:
    """The features of :func:`terms` without the words they came from: the examples' index needs only these, and
    building it is most of a role check's first call."""
    stems = [stem(w) for w in _WORD.findall(line.lower()) if len(w) > 1 and w not in STOP_WORDS and not w.isdigit()]
    return {*stems, *(f"{first} {second}" for first, second in zip(stems, stems[1:]))}


def parse_weights(text: str) -> dict[str, float]:
    """``"escal case -1.25"`` rows as ``{"escal case": -1.25}``; the loader has checked every row."""
    weights = {}
    for row in text.splitlines():
        term, _, weight = row.strip().rpartition(" ")
        if term:
            weights[term] = float(weight)
    return weights


@lru_cache(maxsize=4)
def _weights(text: str) -> Mapping[str, float]:
    return MappingProxyType(parse_weights(text))


def weigh(line: str, weights_text: str, bias: float, shown: int = 3) -> Weighed:
    """The line's score (bias plus the weights of its features) and the words that weighed most each way."""
    weights = _weights(weights_text)
    contributions = [(weights[term], words) for term, words in terms(line).items() if term in weights]
    score = bias + sum(weight for weight, _ in contributions)
    strategic_top = max((weight for weight, _ in contributions if weight > 0), default=0.0)
    tactical_top = -min((weight for weight, _ in contributions if weight < 0), default=0.0)
    strategic_total = sum(weight for weight, _ in contributions if weight > 0)
    tactical_total = -sum(weight for weight, _ in contributions if weight < 0)
    return Weighed(
        score,
        _heaviest(contributions, 1, shown),
        _heaviest(contributions, -1, shown),
        strategic_top,
        tactical_top,
        strategic_total,
        tactical_total,
    )


def _heaviest(contributions: list[tuple[float, str]], sign: int, shown: int) -> tuple[str, ...]:
    # a pair is quoted unless both its words are fillers ("make sure"); "see" alone says nothing, "see escalations" does
    leaning = sorted(
        (c for c in contributions if c[0] * sign > 0 and not set(c[1].split()) <= NOT_QUOTED), key=lambda c: -abs(c[0])
    )
    picked: list[str] = []
    for _, words in leaning:
        # "escalated cases" already says "escalated": show each word once
        if not any(set(words.split()) & set(p.split()) for p in picked):
            picked.append(words)
        if len(picked) == shown:
            break
    return tuple(picked)


@dataclass(frozen=True)
class Example:
    """A labelled duty line shipped with the content: the nearest ones decide a line nothing else decides."""

    label: str  # "strategic" or "tactical"
    text: str


@dataclass(frozen=True)
class _Examples:
    rows: tuple[Example, ...]
    # feature -> ((example index, weight of the feature in that example's unit vector), ...): an inverted index, so a
    # line is compared only with the examples that share one of its words
    index: Mapping[str, tuple[tuple[int, float], ...]]
    idf: Mapping[str, float]


def parse_examples(text: str) -> tuple[Example, ...]:
    """``"tactical | Run the care centre"`` rows as examples; the loader has checked every row."""
    rows = []
    for row in text.splitlines():
        label, bar, duty = row.strip().partition(" | ")
        if bar:
            rows.append(Example(label, duty.strip()))
    return tuple(rows)


@lru_cache(maxsize=4)
def _examples(text: str) -> _Examples:
    rows = parse_examples(text)
    featured = [_features(row.text) for row in rows]
    counts = Counter(chain.from_iterable(featured))
    # a word in one example only says nothing about what other lines share with it; a word in most says little
    idf = {f: math.log(len(rows) / (1 + n)) for f, n in counts.items() if n >= 2}
    index: dict[str, list[tuple[int, float]]] = {}
    for number, features in enumerate(featured):
        for feature, weight in _unit({f: idf[f] for f in features if f in idf}).items():
            index.setdefault(feature, []).append((number, weight))
    return _Examples(rows, MappingProxyType({f: tuple(v) for f, v in index.items()}), MappingProxyType(idf))


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {f: w / norm for f, w in vector.items() if w > 0} if norm else {}


def nearest(line: str, examples_text: str, count: int) -> tuple[tuple[float, Example], ...]:
    """The ``count`` examples most alike to the line (cosine of their word weights, 0 to 1), most alike first."""
    examples = _examples(examples_text)
    vector = _unit({f: examples.idf.get(f, 0.0) for f in terms(line)})
    alike: dict[int, float] = {}
    for feature, weight in vector.items():
        for number, other in examples.index.get(feature, ()):
            alike[number] = alike.get(number, 0.0) + weight * other
    ranked = heapq.nsmallest(count, alike.items(), key=lambda item: (-item[1], item[0]))
    return tuple((similarity, examples.rows[number]) for number, similarity in ranked)

"""Learning the role check's word weights from labelled duty lines (pure Python, used by the trainer and the cross-check).

A logistic regression on the features of :func:`bootcamp.content.rolecheck_words.terms`: strategic lines have
target 1, tactical 0, ambiguous ½ (a reasonable room could call them either way, so they pull a word toward
neither side). L2 regularisation keeps a word seen in one posting from deciding alone; features seen in fewer than
``MIN_SOURCES`` postings are left out for the same reason: a word that only one employer uses teaches its wording,
not the duty.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from bootcamp.content.rolecheck_words import terms

TARGET = {"strategic": 1.0, "tactical": 0.0, "ambiguous": 0.5}


@dataclass(frozen=True)
class Labelled:
    text: str
    label: str
    source: str  # the posting it comes from: lines of one posting are never split between training and test


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]

    def score(self, text: str) -> float:
        return self.bias + sum(self.weights.get(term, 0.0) for term in terms(text))


@dataclass(frozen=True)
class Settings:
    l2: float = 1.0  # the penalty on each squared weight, against the summed log loss
    min_sources: int = 2  # a feature must appear in at least this many postings
    ambiguous_weight: float = 0.5  # how much an ambiguous line counts, against a clear one
    # Weigh each strategic line so both clear labels count the same in all: most labelled lines are tactical, and a
    # model that learns that share calls strategic lines on postings that have more of them tactical.
    balance: bool = False
    epochs: int = 300
    rate: float = 0.5
    # Stems whose single-word feature is not learned (pairs with them still are): words that name the field every
    # posting is in ("customer", "experience", "service") rather than the duty. See rolecheck_train.LEFT_OUT.
    left_out: frozenset[str] = frozenset()


def train(lines: list[Labelled], settings: Settings = Settings()) -> Model:
    """Weights by full-batch gradient descent with AdaGrad steps (small data: a few hundred lines)."""
    sources_of: dict[str, set[str]] = defaultdict(set)
    featured = []
    strategic = sum(line.label == "strategic" for line in lines)
    tactical = sum(line.label == "tactical" for line in lines)
    weight_of = {"strategic": 1.0, "tactical": 1.0, "ambiguous": settings.ambiguous_weight}
    if settings.balance and strategic:
        weight_of["strategic"] = tactical / strategic
    for line in lines:
        features = [feature for feature in terms(line.text) if feature not in settings.left_out]
        for feature in features:
            sources_of[feature].add(line.source)
        featured.append((features, TARGET[line.label], weight_of[line.label]))
    kept = {f for f, sources in sources_of.items() if len(sources) >= settings.min_sources}
    rows = [([f for f in features if f in kept], target, weight) for features, target, weight in featured]
    weights = dict.fromkeys(kept, 0.0)
    bias = 0.0
    squared = dict.fromkeys(kept, 1e-8)
    bias_squared = 1e-8
    for _ in range(settings.epochs):
        gradient = {f: settings.l2 * w for f, w in weights.items()}
        bias_gradient = 0.0
        for features, target, weight in rows:
            z = bias + sum(weights[f] for f in features)
            error = weight * (_sigmoid(z) - target)
            bias_gradient += error
            for f in features:
                gradient[f] += error
        for f, g in gradient.items():
            squared[f] += g * g
            weights[f] -= settings.rate * g / math.sqrt(squared[f])
        bias_squared += bias_gradient * bias_gradient
        bias -= settings.rate * bias_gradient / math.sqrt(bias_squared)
    return Model(bias, {f: w for f, w in weights.items() if abs(w) >= 0.005})


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)

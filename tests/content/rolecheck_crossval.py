"""How well the role check carries over to postings its learned words were not trained on.

    python -m tests.content.rolecheck_crossval [--search]

Leave-one-posting-out over every development part (dev, dev_2, held_out, held_out_3, held_out_4; never held_out_5): for
each posting, the word weights are trained on the lines of all the other postings, and the posting's lines are
suggested by the shipped suggester (:func:`bootcamp.content.rolecheck.suggest`) with those weights in place of
the shipped ones. Prints the confusion tables of the learned words alone (the markers taken out) and of the
suggester as shipped (markers, then the learned words where no marker decides). ``--search`` tries other
settings and margins (one training per posting per setting: minutes).

The hand-written markers cannot be cross-validated: they were written while reading the development parts (the
third round's scope rules while reading held_out_3's and held_out_4's wrong calls too), so the shipped
suggester's figures on every part are too kind; held_out_5, measured once at the end, is the honest figure.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from bootcamp.content.model import Leaning, LearnedWords, RoleCheck
from bootcamp.content.rolecheck import suggest
from tests.content.rolecheck_corpus import LABELS, LEANINGS, documents, role_check
from tests.content.rolecheck_learning import Labelled, Model, Settings, train

DEVELOPMENT = ("dev", "held_out", "held_out_3", "held_out_4")  # parts of rolecheck_corpus.PARTS; "dev" is dev + dev_2


@dataclass(frozen=True)
class Fold:
    """One posting's lines, and the words learned without them."""

    lines: tuple[tuple[str, Labelled], ...]  # (part, line)
    model: Model


def development_lines() -> list[tuple[str, Labelled]]:
    return [
        (part, Labelled(line["text"], line["label"], line["source"]))
        for part in DEVELOPMENT
        for document in documents(part)
        for line in document["lines"]
    ]


def folds(settings: Settings) -> list[Fold]:
    lines = development_lines()
    by_source: dict[str, list[tuple[str, Labelled]]] = defaultdict(list)
    for part, line in lines:
        by_source[line.source].append((part, line))
    return [
        Fold(tuple(held), train([line for _, line in lines if line.source != source], settings))
        for source, held in by_source.items()
    ]


def learned_words(model: Model, margin: float) -> LearnedWords:
    """A model as the content carries it (the same text the trainer writes)."""
    words = "".join(f"{term} {weight:.3f}\n" for term, weight in model.weights.items())
    return LearnedWords(round(model.bias, 3), margin, words)


def suggested(fold_list: list[Fold], check: RoleCheck, margin: float) -> list[tuple[str, str, Leaning]]:
    """(part, label, suggested leaning) for every development line, each suggested with the words of its fold
    (or with none, when ``check`` has none)."""
    out = []
    for fold in fold_list:
        with_words = replace(check, learned=learned_words(fold.model, margin) if check.learned else None)
        out += [(part, line.label, suggest(line.text, with_words).leaning) for part, line in fold.lines]
    return out


def without_markers(check: RoleCheck) -> RoleCheck:
    """The check with no marker, no words set aside and no own-unit rule: the learned words alone."""
    return replace(check, markers=(), not_deciding=(), own_unit=())


def figures(rows: list[tuple[str, str, Leaning]]) -> tuple[int, int, int]:
    clear = [(label, leaning) for _, label, leaning in rows if label != "ambiguous"]
    right = sum(label == leaning.value for label, leaning in clear)
    opposite = sum(leaning.value not in (label, "undecided") for label, leaning in clear)
    return right, opposite, len(clear)


def table(rows: list[tuple[str, str, Leaning]]) -> str:
    counts = Counter((label, leaning.value) for _, label, leaning in rows)
    right, opposite, clear = figures(rows)
    ambiguous = [leaning for _, label, leaning in rows if label == "ambiguous"]
    lines = ["label / suggested ".ljust(18) + "".join(f"{leaning:>11}" for leaning in LEANINGS)]
    lines += [f"{label:<18}" + "".join(f"{counts[label, leaning]:>11}" for leaning in LEANINGS) for label in LABELS]
    lines.append(
        f"clear lines right: {right} of {clear} ({right / max(clear, 1):.0%}); called the opposite way: {opposite}; "
        f"ambiguous left undecided: {sum(leaning is Leaning.UNDECIDED for leaning in ambiguous)} of {len(ambiguous)}"
    )
    return "\n".join(lines)


def report(fold_list: list[Fold], margin: float) -> str:
    check = role_check()
    alone = suggested(fold_list, without_markers(check), margin)
    shipped = suggested(fold_list, check, margin)
    markers = suggested(fold_list, replace(check, learned=None), margin)
    by_part = [
        f"{part:<11} as shipped {_figures_line(shipped, part)} | markers alone {_figures_line(markers, part)}"
        for part in DEVELOPMENT
    ]
    return "\n\n".join(
        [
            f"learned words alone (margin {margin}), every development part, leave-one-posting-out:\n{table(alone)}",
            f"as shipped: markers, then the learned words (margin {margin}), every development part:\n"
            f"{table(shipped)}",
            "clear lines right and called the opposite way, by part:\n" + "\n".join(by_part),
        ]
    )


def _figures_line(rows: list[tuple[str, str, Leaning]], part: str) -> str:
    right, opposite, clear = figures([row for row in rows if row[0] == part])
    return f"{right}/{clear} right, {opposite} opposite"


def search(check: RoleCheck) -> None:
    from tests.content.rolecheck_train import SETTINGS

    for l2 in (1.0, 2.0, 3.0):
        for min_sources in (2,):
            fold_list = folds(replace(SETTINGS, l2=l2, min_sources=min_sources))
            for margin in (1.0, 1.25, 1.5, 2.0):
                alone = figures(suggested(fold_list, without_markers(check), margin))
                rows = suggested(fold_list, check, margin)
                every = figures(rows)
                fourth = figures([row for row in rows if row[0] == "held_out_4"])
                print(
                    f"l2 {l2} min_sources {min_sources} margin {margin}: alone {alone[0]}/{alone[2]} opp {alone[1]} | "
                    f"shipped {every[0]}/{every[2]} opp {every[1]} | held_out_4 {fourth[0]}/{fourth[2]} opp {fourth[1]}",
                    flush=True,
                )


def main(argv: list[str]) -> int:
    from tests.content.rolecheck_train import MARGIN, SETTINGS

    if "--search" in argv:
        search(role_check())
        return 0
    print(report(folds(SETTINGS), MARGIN))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""How well the role check carries over to postings its learned words were not trained on.

    python -m tests.content.rolecheck_crossval [--postings] [--search] [--curve]

Leave-one-part-out over the twenty-nine development files (dev, dev_2, held_out, held_out_3 … held_out_28; never a
fresh part before it is measured): for each file, the word weights are trained on the other twenty-eight, and the file's lines are suggested by
the shipped suggester (:func:`bootcamp.content.rolecheck.suggest`) with those weights in place of the shipped ones.
Each file is a search round of its own, so this is closer to a fresh part than leaving out one posting: postings
found in one round share style and employers. ``--postings`` adds leave-one-posting-out (one training per posting:
a few minutes). Prints the confusion tables of the learned words alone (the markers taken out), of the markers
alone and of the suggester as shipped (markers, then the learned words where no marker decides). ``--search``
tries other settings and margins, leave-one-part-out. ``--curve`` is the learning curve: each file's lines suggested
with words learned from only some of the other files (three random draws of each size), to see what more labelled
parts would still buy.

The hand-written markers cannot be cross-validated: they were written while reading dev, dev_2, held_out,
held_out_3 and held_out_4, and fixed on held_out_5's in the fourth round, so the shipped suggester's figures on those
files are too kind; the held_out_6 fold (held out until the fourth round's end) is the honest one for the markers of
that round, the held_out_7 fold (measured once at the fifth round's end) the honest one for the fifth round's, and
held_out_8 the one for the sixth round's, held_out_9 (measured once at the seventh round's end) the one for the
seventh's, held_out_10 (measured once at the eighth round's end) the one for the eighth's, held_out_11 and held_out_12
(measured once at the ninth round's end) the ones for the ninth's, held_out_13, held_out_14 and held_out_15 (measured
once at the tenth round's end and after it) the ones for the tenth's, held_out_16 (measured once at the eleventh
round's end) the one for the eleventh's, held_out_17 (measured once at the twelfth round's end) the one for the
twelfth's, and held_out_18 (measured once at the thirteenth round's end) the one for the thirteenth's,
held_out_19 (at the fourteenth's) the one for the fourteenth's, held_out_20 (at the fifteenth's) the one for the
fifteenth's, held_out_21 (at the sixteenth's) the one for the sixteenth's, held_out_22 (at the
seventeenth's) the one for the seventeenth's, held_out_23 (at the eighteenth's) the one for the eighteenth's, held_out_24 (at the nineteenth's) the one for
the nineteenth's, held_out_25 (at the twentieth's) the one for the twentieth's, held_out_26 (at the twenty-first's)
the one for the twenty-first's, held_out_27 (at the twenty-second's) the one for the twenty-second's, held_out_28
(at the twenty-third's) the one for the twenty-third's; the twenty-fourth round's honest figures come from its fresh
part, measured once at its end.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import yaml

from bootcamp.content.model import Leaning, LearnedWords, RoleCheck
from bootcamp.content.rolecheck import Suggestion, suggest
from tests.content.rolecheck_corpus import CORPUS, LABELS, LEANINGS, PARTS, documents, fair_on_ambiguous, role_check
from tests.content.rolecheck_learning import Labelled, Model, Settings, train

DEVELOPMENT = ("dev", "held_out", "held_out_3", "held_out_4", "held_out_5", "held_out_6", "held_out_7", "held_out_8", "held_out_9", "held_out_10", "held_out_11", "held_out_12", "held_out_13", "held_out_14", "held_out_15", "held_out_16", "held_out_17", "held_out_18", "held_out_19", "held_out_20", "held_out_21", "held_out_22", "held_out_23", "held_out_24", "held_out_25", "held_out_26", "held_out_27", "held_out_28")  # parts of rolecheck_corpus.PARTS; "dev" is dev + dev_2
# The same lines by file: each file is one search round, the unit left out in leave-one-part-out.
DEVELOPMENT_FILES = tuple(name for part in DEVELOPMENT for name in PARTS[part])


@dataclass(frozen=True)
class Fold:
    """One posting's lines, and the words learned without them."""

    lines: tuple[tuple[str, Labelled], ...]  # (part, line)
    model: Model
    examples: str = ""  # the labelled examples the fold may use: the lines it was trained on


def development_lines() -> list[tuple[str, Labelled]]:
    return [
        (part, Labelled(line["text"], line["label"], line["source"]))
        for part in DEVELOPMENT
        for document in documents(part)
        for line in document["lines"]
    ]


def file_lines() -> list[tuple[str, Labelled]]:
    """Every development line with the file it is in (``dev`` and ``dev_2`` apart)."""
    return [
        (name, Labelled(line["text"], line["label"], line["source"]))
        for name in DEVELOPMENT_FILES
        for line in yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))["lines"]
    ]


def examples_text(lines: list[Labelled]) -> str:
    """The clear lines as the content's example rows ("tactical | Run the care centre"), each duty once."""
    return "".join(f"{line.label} | {line.text}\n" for line in dict.fromkeys(lines) if line.label != "ambiguous")


def part_folds(settings: Settings) -> list[Fold]:
    """Leave-one-part-out: each file's lines, with the words learned from, and the examples of, the other files."""
    lines = file_lines()
    return [file_fold(lines, name, set(DEVELOPMENT_FILES) - {name}, settings) for name in DEVELOPMENT_FILES]


def file_fold(lines: list[tuple[str, Labelled]], name: str, learned_from: set[str], settings: Settings) -> Fold:
    """One file's lines, with the words learned from, and the examples of, the files ``learned_from``."""
    rest = [line for part, line in lines if part in learned_from]
    return Fold(tuple(row for row in lines if row[0] == name), train(rest, settings), examples_text(rest))


def folds(settings: Settings) -> list[Fold]:
    lines = development_lines()
    by_source: dict[str, list[tuple[str, Labelled]]] = defaultdict(list)
    for part, line in lines:
        by_source[line.source].append((part, line))
    folds = []
    for source, held in by_source.items():
        rest = [line for _, line in lines if line.source != source]
        folds.append(Fold(tuple(held), train(rest, settings), examples_text(rest)))
    return folds


def learned_words(model: Model, margin: float, examples: str = "") -> LearnedWords:
    """A model as the content carries it (the same text the trainer writes), with the fold's examples if given."""
    from tests.content.rolecheck_train import NEAREST, SIMILARITY

    words = "".join(f"{term} {weight:.3f}\n" for term, weight in model.weights.items())
    return LearnedWords(round(model.bias, 3), margin, words, examples, NEAREST, SIMILARITY)


def suggested(
    fold_list: list[Fold], check: RoleCheck, margin: float, examples: bool = True
) -> list[tuple[str, str, Suggestion]]:
    """(part, label, suggestion) for every development line, each suggested with the words (and, with
    ``examples``, the labelled examples) of its fold, or with none when ``check`` has none."""
    out = []
    for fold in fold_list:
        learned = learned_words(fold.model, margin, fold.examples if examples else "")
        with_words = replace(check, learned=learned if check.learned else None)
        out += [(part, line.label, suggest(line.text, with_words)) for part, line in fold.lines]
    return out


def without_markers(check: RoleCheck) -> RoleCheck:
    """The check with no marker, no words set aside and no own-unit rule: the learned words alone."""
    return replace(check, markers=(), not_deciding=(), own_unit=())


def figures(rows: list[tuple[str, str, Suggestion]]) -> tuple[int, int, int]:
    clear = [(label, suggestion.leaning) for _, label, suggestion in rows if label != "ambiguous"]
    right = sum(label == leaning.value for label, leaning in clear)
    opposite = sum(leaning.value not in (label, "undecided") for label, leaning in clear)
    return right, opposite, len(clear)


def table(rows: list[tuple[str, str, Suggestion]]) -> str:
    counts = Counter((label, suggestion.leaning.value) for _, label, suggestion in rows)
    right, opposite, clear = figures(rows)
    ambiguous = [suggestion for _, label, suggestion in rows if label == "ambiguous"]
    lines = ["label / suggested ".ljust(18) + "".join(f"{leaning:>11}" for leaning in LEANINGS)]
    lines += [f"{label:<18}" + "".join(f"{counts[label, leaning]:>11}" for leaning in LEANINGS) for label in LABELS]
    lines.append(
        f"clear lines right: {right} of {clear} ({right / max(clear, 1):.0%}); called the opposite way: {opposite}; "
        f"ambiguous undecided or naming both sides: {sum(fair_on_ambiguous(s) for s in ambiguous)} of {len(ambiguous)} "
        f"(undecided: {sum(s.leaning is Leaning.UNDECIDED for s in ambiguous)})"
    )
    return "\n".join(lines)


def report(fold_list: list[Fold], margin: float, how: str) -> str:
    check = role_check()
    alone = suggested(fold_list, without_markers(check), margin, examples=False)
    shipped = suggested(fold_list, check, margin)
    no_examples = suggested(fold_list, check, margin, examples=False)
    markers = suggested(fold_list, replace(check, learned=None), margin)
    parts = dict.fromkeys(part for part, _, _ in shipped)
    by_part = [
        f"{part:<11} as shipped {_figures_line(shipped, part)} | without the examples {_figures_line(no_examples, part)}"
        f" | markers alone {_figures_line(markers, part)} | words alone {_figures_line(alone, part)}"
        for part in parts
    ]
    return "\n\n".join(
        [
            f"learned words alone (margin {margin}), every development part, {how}:\n{table(alone)}",
            f"markers alone, every development part (in-sample: written while reading them):\n{table(markers)}",
            f"markers, then the learned words (margin {margin}), no examples, every development part, {how}:\n"
            f"{table(no_examples)}",
            f"as shipped: markers, then the learned words (margin {margin}), then the nearest examples, every "
            f"development part, {how}:\n{table(shipped)}",
            "clear lines right and called the opposite way, by part:\n" + "\n".join(by_part),
        ]
    )


def _figures_line(rows: list[tuple[str, str, Suggestion]], part: str) -> str:
    right, opposite, clear = figures([row for row in rows if row[0] == part])
    ambiguous = [suggestion for name, label, suggestion in rows if name == part and label == "ambiguous"]
    return f"{right}/{clear} right, {opposite} opposite, {sum(map(fair_on_ambiguous, ambiguous))}/{len(ambiguous)} fair"


def search(check: RoleCheck) -> None:
    """Leave-one-part-out for each setting; the held_out_6 fold apart."""
    from tests.content.rolecheck_train import SETTINGS

    for balance in (False, True):
        for l2 in (1.0, 2.0, 3.0):
            fold_list = part_folds(replace(SETTINGS, l2=l2, balance=balance))
            for margin in (0.5, 1.0, 1.25, 1.5, 2.0):
                alone = figures(suggested(fold_list, without_markers(check), margin))
                rows = suggested(fold_list, check, margin)
                every = figures(rows)
                fifth = figures([row for row in rows if row[0] == "held_out_6"])
                print(
                    f"balance {balance} l2 {l2} margin {margin}: alone {alone[0]}/{alone[2]} opp {alone[1]} | "
                    f"shipped {every[0]}/{every[2]} opp {every[1]} | held_out_6 {fifth[0]}/{fifth[2]} opp {fifth[1]}",
                    flush=True,
                )


CURVE_SIZES = (2, 4, 7, 10)  # how many of the other files each fold learns from; all of them is leave-one-part-out
CURVE_DRAWS = 3


def curve(check: RoleCheck, settings: Settings, margin: float) -> None:
    """Leave-one-part-out, each fold learning from a random few of the other files: the mean over the draws."""
    import random

    lines = file_lines()
    for size in (*CURVE_SIZES, len(DEVELOPMENT_FILES) - 1):
        right = opposite = 0
        draws = CURVE_DRAWS if size < len(DEVELOPMENT_FILES) - 1 else 1  # every other file: one way to choose them
        for draw in range(draws):
            chooser = random.Random(draw)
            fold_list = [
                file_fold(lines, name, set(chooser.sample([f for f in DEVELOPMENT_FILES if f != name], size)), settings)
                for name in DEVELOPMENT_FILES
            ]
            found = figures(suggested(fold_list, check, margin))
            right, opposite, clear = right + found[0], opposite + found[1], found[2]
        print(
            f"learning from {size:>2} of the other files: {right / draws:.1f} of {clear} clear lines right "
            f"({right / draws / clear:.1%}), {opposite / draws:.1f} the opposite way",
            flush=True,
        )


def main(argv: list[str]) -> int:
    from tests.content.rolecheck_train import MARGIN, SETTINGS

    if "--search" in argv:
        search(role_check())
        return 0
    if "--curve" in argv:
        curve(role_check(), SETTINGS, MARGIN)
        return 0
    print(report(part_folds(SETTINGS), MARGIN, "leave-one-part-out"))
    if "--postings" in argv:
        print("\n" + report(folds(SETTINGS), MARGIN, "leave-one-posting-out"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

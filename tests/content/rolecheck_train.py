"""Train the role check's learned words on every development part and write them into the content.

    python -m tests.content.rolecheck_train [--write]

Trains on dev, dev_2, held_out and held_out_3 … held_out_28 (never a fresh part before it is measured once; held_out_28
was measured at the end of the twenty-third round and learned from in the twenty-fourth) and prints the heaviest words each way; ``--write`` replaces
the ``learned`` block at the end of ``exercises/role-check.yaml``. The settings and the margin below were chosen by
leave-one-part-out cross-validation (``python -m tests.content.rolecheck_crossval --search``): the fewest lines called
the opposite way first, then the most lines right, the held_out_5 fold (the one part the markers were never written
against) weighing most.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bootcamp.content.rolecheck_words import stem
from tests.content.rolecheck_crossval import development_lines, examples_text
from tests.content.rolecheck_learning import Labelled, Model, Settings, train

CONTENT = Path(__file__).resolve().parents[2] / "exercises" / "role-check.yaml"
LEARNED_START = "# -- learned words"

# Words that name the field every posting of the corpus is in, or who its customers are, rather than the duty: learned,
# they weighed most of all ("customer" +1.2, "experience" +1.3, against a bias of -1.7), so on postings from new sectors
# a line about a customer service desk leaned strategic for saying "customer" (held_out_8: 4 of its 6 wrong calls were
# made by such words). Pairs with them ("customer service", "experience strategy") are still learned. Leaving them out,
# with the penalty at 1.5 instead of 1.0: leave-one-part-out over nine files, 17 lines called the opposite way -> 7
# (held_out_8's fold 6 -> 0), for 13 fewer right (README, role check, the seventh round).
LEFT_OUT = frozenset(stem(word) for word in ("customers", "clients", "experiences", "services", "company"))
SETTINGS = Settings(l2=1.5, min_sources=2, ambiguous_weight=0.5, epochs=200, balance=True, left_out=LEFT_OUT)
MARGIN = 1.0  # a line no marker decides leans the way its words do only when they reach this score
# A line neither decides leans like its NEAREST closest labelled examples when they agree and are each at least
# SIMILARITY alike (leave-one-part-out: 5 more lines right, none more the opposite way; 2 and 0.35 of 1–3 and 0.25–0.5).
NEAREST, SIMILARITY = 2, 0.35

HEADER = f"""{LEARNED_START}, made by `python -m tests.content.rolecheck_train --write`: do not edit by hand.
# A logistic regression on the duty lines labelled in tests/content/rolecheck_corpus/ (every part measured so far;
# strategic lines weighed so that both labels count the same; "customer", "client", "experience", "service" and
# "company" not learned on their own, as they name the field rather than the duty):
# each row is a word stem or a pair of neighbouring stems, then its weight; positive leans strategic, negative
# tactical. A line's score is the bias plus the weights of its words. Where no marker decides, a score of at least
# the margin either way decides (and at least one of the line's words must lean that way: the bias alone never does).
# The examples are the clear labelled lines themselves: where neither markers nor words decide, a line whose nearest
# examples agree and are alike enough leans their way, and the reason quotes the closest.
"""


def block(model: Model, lines: list[Labelled]) -> str:
    rows = sorted(model.weights.items(), key=lambda item: (-abs(item[1]), item[0]))
    words = "".join(f"    {term} {weight:.3f}\n" for term, weight in rows)
    examples = "".join(f"    {row}\n" for row in examples_text(lines).splitlines())
    return (
        f"{HEADER}learned:\n  bias: {model.bias:.3f}\n  margin: {MARGIN}\n  nearest: {NEAREST}\n  similarity: {SIMILARITY}\n"
        f"  examples: |\n{examples}  words: |\n{words}"
    )


def write(model: Model, lines: list[Labelled]) -> None:
    text = CONTENT.read_text(encoding="utf-8")
    kept = text.split(LEARNED_START)[0].rstrip("\n") + "\n\n"
    CONTENT.write_text(kept + block(model, lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    lines = [line for _, line in development_lines()]
    model = train(lines, SETTINGS)
    heaviest = sorted(model.weights.items(), key=lambda item: item[1])
    print(f"{len(model.weights)} weights, bias {model.bias:.3f}")
    print("most tactical:", ", ".join(f"{term} {weight:.2f}" for term, weight in heaviest[:15]))
    print("most strategic:", ", ".join(f"{term} {weight:.2f}" for term, weight in heaviest[::-1][:15]))
    if "--write" in argv:
        write(model, lines)
        print(f"written to {CONTENT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

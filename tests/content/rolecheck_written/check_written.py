"""Check the written role-check training lines and print their counts.

Run from the repository root:
    python tests/content/rolecheck_written/check_written.py [FILE ...]
Without FILE it checks every written_*.yaml beside this script. Exits 1 with one
sentence per problem (file, line number and what is wrong) if any check fails.
"""

import difflib
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# Only dev.yaml is compared against: the held-out parts of the corpus stay unread.
DEV_CORPUS = HERE.parent / "rolecheck_corpus" / "dev.yaml"
LABELS = ("strategic", "tactical", "ambiguous")
MIN_WORDS, MAX_WORDS = 6, 30
MAX_AMBIGUOUS_SHARE = 0.12
# Pairs this alike are reported as near copies, so rewording stays deliberate.
NEAR_COPY_RATIO = 0.85


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def load_lines(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise ValueError(f"{path}: expected a mapping with a 'lines' list.")
    return data["lines"]


def check_file(path: Path, seen: dict[str, str], dev_texts: list[str]) -> list[str]:
    problems = []
    lines = load_lines(path)
    for number, line in enumerate(lines, start=1):
        where = f"{path.name} line {number}"
        text = str(line.get("text", ""))
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{where}: {words} words, expected {MIN_WORDS}-{MAX_WORDS}.")
        if line.get("label") not in LABELS:
            problems.append(f"{where}: label {line.get('label')!r} is not one of {', '.join(LABELS)}.")
        for field in ("sector", "kind"):
            if not line.get(field):
                problems.append(f"{where}: missing {field}.")
        key = normalised(text)
        if key in seen:
            problems.append(f"{where}: same text as {seen[key]}.")
        seen[key] = where
        for dev_text in dev_texts:
            if difflib.SequenceMatcher(None, key, dev_text).ratio() >= NEAR_COPY_RATIO:
                problems.append(f"{where}: same as or nearly a copy of dev.yaml line {dev_text!r}.")

    labels = Counter(line.get("label") for line in lines)
    if labels["ambiguous"] > MAX_AMBIGUOUS_SHARE * len(lines):
        problems.append(
            f"{path.name}: {labels['ambiguous']} of {len(lines)} lines ambiguous, more than {MAX_AMBIGUOUS_SHARE:.0%}."
        )
    by_sector: dict[str, set] = {}
    for line in lines:
        by_sector.setdefault(line.get("sector"), set()).add(line.get("label"))
    for sector, sector_labels in sorted(by_sector.items(), key=lambda item: str(item[0])):
        missing = {"strategic", "tactical"} - sector_labels
        if missing:
            problems.append(f"{path.name}: sector {sector!r} has no {' or '.join(sorted(missing))} line.")
    return problems


def near_copies_within(lines: list[dict]) -> list[tuple[str, str]]:
    texts = [normalised(str(line.get("text", ""))) for line in lines]
    pairs = []
    for first in range(len(texts)):
        for second in range(first + 1, len(texts)):
            if difflib.SequenceMatcher(None, texts[first], texts[second]).ratio() >= NEAR_COPY_RATIO:
                pairs.append((texts[first], texts[second]))
    return pairs


def print_counts(path: Path) -> None:
    lines = load_lines(path)
    print(f"{path.name}: {len(lines)} lines")
    for field in ("label", "sector", "kind"):
        counts = Counter(line.get(field) for line in lines)
        print(f"  by {field}:")
        for value, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
            if field == "label":
                print(f"    {value:<34} {count:>4}")
            else:
                split = Counter(line["label"][0].upper() for line in lines if line.get(field) == value)
                detail = " ".join(f"{letter}{split[letter]}" for letter in "STA" if split[letter])
                print(f"    {value:<34} {count:>4}  ({detail})")


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or sorted(HERE.glob("written_*.yaml"))
    dev_texts = [normalised(line["text"]) for line in load_lines(DEV_CORPUS)]
    seen = {text: "dev.yaml" for text in dev_texts}
    problems = []
    for path in paths:
        problems += check_file(path, seen, dev_texts)
        for first, second in near_copies_within(load_lines(path)):
            problems.append(f"{path.name}: near copies {first!r} and {second!r}.")
        print_counts(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Check written_2.yaml: shape, word counts, unique texts, label shares, sectors with both labels.

Run from the repository root: python tests/content/rolecheck_written/check_written_2.py
Reads only this part and dev.yaml (for duplicates); prints counts by label, sector and kind.
"""

import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WRITTEN = HERE / "written_2.yaml"
DEV = HERE.parent / "rolecheck_corpus" / "dev.yaml"
LABELS = {"strategic", "tactical", "ambiguous"}
MAX_AMBIGUOUS_SHARE = 0.12


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def problems_in(lines: list[dict], dev_texts: set[str]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        where = f"{WRITTEN.name} line entry {number}"
        missing = {"text", "label", "sector", "kind"} - set(line)
        if missing:
            problems.append(f"{where} lacks {', '.join(sorted(missing))}.")
            continue
        words = len(line["text"].split())
        if not 6 <= words <= 30:
            problems.append(f"{where} has {words} words; 6–30 are allowed.")
        if line["label"] not in LABELS:
            problems.append(f"{where} has label {line['label']!r}, not one of {sorted(LABELS)}.")
        key = normalised(line["text"])
        if key in seen:
            problems.append(f"{where} repeats an earlier line: {line['text']!r}.")
        if key in dev_texts:
            problems.append(f"{where} repeats a dev.yaml line: {line['text']!r}.")
        seen.add(key)
    ambiguous = sum(line.get("label") == "ambiguous" for line in lines)
    if ambiguous > MAX_AMBIGUOUS_SHARE * len(lines):
        problems.append(f"{ambiguous} of {len(lines)} lines are ambiguous, more than 12%.")
    labels_by_sector: dict[str, set[str]] = {}
    for line in lines:
        labels_by_sector.setdefault(line.get("sector"), set()).add(line.get("label"))
    for sector, labels in labels_by_sector.items():
        if not {"strategic", "tactical"} <= labels:
            problems.append(f"Sector {sector!r} lacks a strategic or a tactical line.")
    return problems


def main() -> int:
    lines = yaml.safe_load(WRITTEN.read_text(encoding="utf-8"))["lines"]
    dev = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    dev_texts = {normalised(line["text"]) for line in dev["lines"]}
    problems = problems_in(lines, dev_texts)
    print(f"{len(lines)} lines")
    for field in ("label", "sector", "kind"):
        print(f"\nby {field}:")
        for value, count in sorted(Counter(line[field] for line in lines).items()):
            print(f"  {value:35} {count}")
    print("\nby sector and label:")
    for sector in sorted({line["sector"] for line in lines}):
        counts = Counter(line["label"] for line in lines if line["sector"] == sector)
        print(f"  {sector:35} " + " ".join(f"{label[0].upper()}{counts[label]}" for label in sorted(LABELS)))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The content is in the project's own words: no run of 8 words from the source articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8


def words(text: str) -> list[str]:
    # case, punctuation and whitespace do not make a copied sentence original
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def content_files() -> list[Path]:
    return sorted([*ROOT.glob("sessions/*.yaml"), *ROOT.glob("exercises/*.yaml")])


def test_the_measure_ignores_case_punctuation_and_spacing() -> None:
    copied = runs("Keep going, when they turn you DOWN: the  work is long and hard!")
    assert ("keep", "going", "when", "they", "turn", "you", "down", "the") in copied
    assert not runs("seven words is not yet a run")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles are not next to this checkout")
def test_no_run_of_eight_words_from_any_seed_appears_in_the_content() -> None:
    seed_runs: dict[tuple[str, ...], str] = {}
    for seed in sorted(p for p in SEEDS.iterdir() if p.is_file()):
        for run in runs(seed.read_text(encoding="utf-8", errors="replace")):
            seed_runs.setdefault(run, seed.name)
    assert seed_runs, "no text found in the seeds folder"
    files = content_files()
    assert files
    copied = [
        f"{path.relative_to(ROOT)}: '{' '.join(run)}' (from {seed_runs[run]})"
        for path in files
        for run in sorted(runs(path.read_text(encoding="utf-8")) & seed_runs.keys())
    ]
    assert not copied, "\n".join(copied)

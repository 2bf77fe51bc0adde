"""The benchmark command runs and prints every figure (its figures themselves pass or fail nothing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]

# Each figure's row starts with one of these, as many times as it is printed (rooms of 5, 10 and 20 in --quick).
FIGURES = {
    "| start to the home screen": 1,
    "| peak memory (RSS) of that start": 1,
    "| key press to the next step rendered": 1,
    "| key press, against a bare app switching screens": 1,
    "| answer key to the answer shown": 1,
    "| answer key, against a bare app typing a letter": 1,
    "| save one answer, room of": 3,
    "| save, room of 20 against room of 5": 1,
    "| save one answer, 1 stored workshop": 1,
    "| save one answer, 5 stored workshops": 1,
    "| save, 5 stored workshops against 1": 1,
    "| summary + Markdown export, 20 participants": 1,
    "| home with 5 stored workshops: list shown": 1,
    "| home with 5 stored workshops: where each stopped": 1,
    "| library: index of 5 workshops built (a first start)": 1,
    "| library: home with 5 workshops, list and where each stopped": 1,
    "| library: search screen readied for 5 workshops (as it opens)": 1,
    "| library: search across 5 workshops, first key": 1,
    "| library: search across 5 workshops, again (as one types)": 1,
    "| phones: 5 × 1 round within 1 s: answers stored / sent": 1,
    '| phones: 5 × 1 round within 1 s: post to "saved ✓"': 2,
    "| phones: 5 × 1 round within 1 s: worst loop delay": 2,
}


@pytest.mark.slow
def test_the_quick_benchmark_prints_every_figure_and_its_filesystem() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", "--quick"],
        check=False,
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    printed = {start: sum(line.startswith(start) for line in lines) for start in FIGURES}
    assert printed == FIGURES, result.stdout
    rows = [line for line in lines if line.startswith("| ") and not line.startswith("| figure")]
    assert len(rows) == sum(FIGURES.values()), result.stdout
    assert any(line.startswith("store measured on: ") and "unknown" not in line for line in lines), result.stdout
    scratch = next(line.split()[2] for line in result.stderr.splitlines() if line.startswith("measuring in "))
    assert not Path(scratch).exists(), "the temporary data folder was left behind"

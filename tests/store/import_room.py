"""A large room for the import tests: 200 participants, a CSV of 10,000 answers touching 600 files.

Each participant already has one answer stored (so the import merges into existing files, and
"before" is not empty); the CSV holds the rest of their answers on the shipped content (9,600)
and 400 secret-ballot answers (a file of its own each). The answers match exactly after
a CSV round trip, so a test compares whole sets, not just counts.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.content.model import StepKind
from bootcamp.export import data_csv
from bootcamp.locations import default_content_dir
from bootcamp.store import Store, new_ballot_id
from bootcamp.store.files import IMPORT_FILE
from bootcamp.store.model import Answer

ROOT = Path(__file__).resolve().parents[2]
PARTICIPANTS = 200
IMPORTED = 10_000
AT = "2026-09-21T10:00:00+00:00"


@dataclass(frozen=True)
class ImportRoom:
    workshop_id: str
    pristine: Path  # a workshops folder holding the workshop before the import: copy it, never change it
    csv: Path
    before: frozenset[Answer]
    after: frozenset[Answer]

    @property
    def imported(self) -> int:
        return len(self.after) - len(self.before)

    def fresh_copy(self, data_dir: Path) -> Store:
        """A data folder holding the workshop as it was before the import."""
        shutil.copytree(self.pristine, data_dir / "workshops")
        return Store(data_dir)

    def outcome(self, store: Store) -> str:
        """'none' or 'all', as a reader sees the workshop; AssertionError naming the counts for anything else."""
        found = store.open(self.workshop_id).answers()
        seen = frozenset(found)
        assert len(seen) == len(found), "an answer was read twice"
        if seen == self.before:
            return "none"
        assert seen == self.after, (
            f"a partial import: {len(seen)} answers, expected {len(self.before)} or {len(self.after)}; "
            f"{len(seen - self.before)} of the {self.imported} new ones are there"
        )
        return "all"

    def journal(self, store: Store) -> dict:
        """``import.json`` as plain JSON (decoding its 10,000 answers again would only slow the kill test down)."""
        path = store.workshops_dir / self.workshop_id / IMPORT_FILE
        return json.loads(path.read_bytes()) if path.exists() else {"seq": 0, "pending": None}

    def committed(self, store: Store) -> bool:
        """Whether the import passed its commit point (its journal was written)."""
        return self.journal(store)["seq"] > 0

    def pending(self, store: Store) -> bool:
        return self.journal(store)["pending"] is not None


def build_import_room(root: Path, seed: int = 11) -> ImportRoom:
    sources = read_sources(default_content_dir())
    store = Store(root / "data", FixedClock())
    info = store.create_workshop(
        name="A large room",
        organisation="Acme",
        date="2026-09-21",
        participants=[(f"Person {n}", "") for n in range(1, PARTICIPANTS + 1)],
        sources=sources,
    )
    workshop = store.open(info.id)
    program = workshop.program()
    rng = random.Random(seed)
    steps = [step for step in program.steps(info.agenda) if program.asks(step) is not None]
    question = next(step for step in steps if step.kind is StepKind.QUESTION)
    before: list[Answer] = []
    new: list[Answer] = []
    for participant in info.participants:
        for step in steps:
            asks = program.asks(step)
            assert asks is not None
            for item, perspective in asks.cells:
                value = rng.choice(asks.scale.options).id
                comment = rng.choice(["", "", "Only when a big customer shouts.", 'a "quoted", comma'])
                answer = Answer(participant.id, step.key, item, perspective, value, comment, AT)
                (before if step is question else new).append(answer)
    questions = [step for step in steps if step.kind is StepKind.QUESTION]
    ballots = []
    for _ in range(IMPORTED - len(new)):
        step = rng.choice(questions)
        asks = program.asks(step)
        assert asks is not None
        ballots.append(Answer(new_ballot_id(), step.key, value=rng.choice(asks.scale.options).id))  # a ballot keeps no time
    new += ballots
    assert len(new) == IMPORTED
    with store.owned(info.id, purpose="a test") as owned:
        owned.import_answers(before)
    # The stored journal of that first import is not part of the room: the imports under test start with none.
    (workshop.path / IMPORT_FILE).unlink()
    csv = root / "answers.csv"
    csv.write_text(data_csv.dumps(info, program, new), encoding="utf-8")
    return ImportRoom(info.id, store.workshops_dir, csv, frozenset(before), frozenset(before) | frozenset(new))


def import_command(store: Store, room: ImportRoom) -> list[str]:
    return [sys.executable, "-m", "bootcamp", "--data-dir", str(store.data_dir), "import-answers", room.workshop_id, str(room.csv)]


def command_env() -> dict[str, str]:
    """The environment for a ``python -m bootcamp`` of this checkout (not whichever one is installed)."""
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": python_path}


def run_import(store: Store, room: ImportRoom) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        import_command(store, room), capture_output=True, text=True, cwd=ROOT, env=command_env(), timeout=120
    )

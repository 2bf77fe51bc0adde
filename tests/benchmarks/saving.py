"""Saving one answer through the store, against a plain fsync'd atomic write of 1 KB in the same folder.

The save is the real path (``WorkshopFiles.save_answer``: the file's lock, read, change,
write to a temporary file, fsync, rename, fsync the folder). Each sample is one save by
the next participant in the room, changing an answer they gave, so every file keeps its
real size. Every participant has saved once before the samples start: a participant's
first save also creates their lock file, and is the first through their answers file in
this process, so it decodes the file (a later save finds the bytes it wrote and reuses
what they hold): once in a day of about fifty answers, and a room of 200 would otherwise
pay it on every sample. Floor writes and saves take turns.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bootcamp.clock import SystemClock
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.files import ANSWERS_FOLDER
from bootcamp.store.model import Answer
from tests.benchmarks.report import Figure
from tests.benchmarks.timing import interleaved, seconds_taken

FLOOR_BYTES = b"x" * 1024
FLATNESS = 1.1


def _flush(fd: int) -> None:
    if sys.platform == "darwin":  # as the store does: fsync alone stops at the drive's cache there
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
    else:
        os.fsync(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """The floor: write a temporary file, flush it to disk, rename it over ``path``, flush the folder."""
    temp = path.with_name(path.name + ".floor-tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        _flush(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        _flush(folder)
    finally:
        os.close(folder)


def floor_writer(files: WorkshopFiles) -> Callable[[], float]:
    target = files.path / ANSWERS_FOLDER / "benchmark-floor.bin"  # not *.json: never read as answers
    return lambda: seconds_taken(lambda: atomic_write(target, FLOOR_BYTES))


def answer_saver(files: WorkshopFiles) -> Callable[[], float]:
    """One save per call: participant after participant, each changing one of their answers back and forth."""
    program = files.program()
    changes = []
    for participant in files.info().present:
        answer = next(a for a in files.answers_of(participant.id) if _question_of(program, a) is not None)
        values = [option.id for option in program.scale(_question_of(program, answer).scale).options]
        changes.append((answer, itertools.cycle(values)))
    turns = itertools.cycle(changes)
    for answer, values in changes:  # not counted: each participant's first save (see the module docstring)
        files.save_answer(Answer(answer.participant_id, answer.step_key, value=next(values), comment=answer.comment))

    def save() -> float:
        answer, values = next(turns)
        changed = Answer(answer.participant_id, answer.step_key, value=next(values), comment=answer.comment)
        return seconds_taken(lambda: files.save_answer(changed))

    return save


def _question_of(program, answer: Answer):
    step = program.step(answer.step_key)
    return step.question if step is not None else None


def open_workshop(data_dir: Path, workshop_id: str) -> WorkshopFiles:
    return Store(data_dir, SystemClock()).open(workshop_id)


def room_size_figures(saves: int, workshops: dict[int, WorkshopFiles]) -> list[Figure]:
    """``workshops``: room size → a workshop with that many participants; each against a floor in its own folder."""
    sizes = sorted(workshops)
    measures = []
    for size in sizes:
        measures += [floor_writer(workshops[size]), answer_saver(workshops[size])]
    samples = interleaved(saves, measures)
    floors, saved = dict(zip(sizes, samples[0::2])), dict(zip(sizes, samples[1::2]))
    figures = [
        Figure.compared(f"save one answer, room of {size}", saved[size], floors[size], "ms", scale=1000, max_ratio=2.0)
        for size in sizes
    ]
    smallest, largest = sizes[0], sizes[-1]
    figures.append(flatness(f"save, room of {largest} against room of {smallest}", saved[largest], saved[smallest]))
    return figures


def flatness(name: str, larger: list[float], smaller: list[float]) -> Figure:
    """The same save in a larger case against a smaller one, samples paired as they were taken."""
    return Figure.compared(name, larger, smaller, "ms", scale=1000, max_ratio=FLATNESS, target_note="flat")


def stored_workshops_figures(saves: int, alone: WorkshopFiles, among_many: WorkshopFiles, count: int) -> list[Figure]:
    """The same room saved to in a data folder holding only it, and in one holding ``count`` workshops."""
    floor_alone, save_alone, floor_many, save_many = interleaved(
        saves, [floor_writer(alone), answer_saver(alone), floor_writer(among_many), answer_saver(among_many)]
    )
    return [
        Figure.compared("save one answer, 1 stored workshop", save_alone, floor_alone, "ms", scale=1000, max_ratio=2.0),
        Figure.compared(
            f"save one answer, {count:,} stored workshops", save_many, floor_many, "ms", scale=1000, max_ratio=2.0
        ),
        flatness(f"save, {count:,} stored workshops against 1", save_many, save_alone),
    ]

"""Two copies of one workshop, the one stored here and one in an export file: whether they are the same, and which
was changed last. What ``bootcamp import`` says of a file whose workshop is stored already, so that handing a boot
camp from one laptop to another never puts an older copy over a later day, nor a second copy beside it, unasked."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bootcamp.clock import iso
from bootcamp.limits import WORKSHOP_NAME
from bootcamp.plurals import counted
from bootcamp.store.model import StepTimer, WorkshopInfo, WorkshopState
from bootcamp.store.workshop import WorkshopBundle


@dataclass(frozen=True)
class TwoCopies:
    here: WorkshopBundle
    in_file: WorkshopBundle

    @property
    def same(self) -> bool:
        here, in_file = self._compared()
        return here == in_file

    @property
    def file_is_newer(self) -> bool:
        return self._last_change(self.in_file) > self._last_change(self.here)

    @property
    def times_tell(self) -> bool:
        """False when both copies were last changed at the same moment by their stamps, yet differ: answers typed in
        from paper are dated the workshop's day, not the day they were typed, so a copy can gain them unseen."""
        return self._last_change(self.in_file) != self._last_change(self.here)

    def said(self) -> str:
        """"last on 22 Sep at 14:13 here, 21 Sep at 14:13 in the file; 27 answers here, 26 in the file"."""
        here_at, file_at = self._last_change(self.here), self._last_change(self.in_file)
        here, in_file = _when(here_at), _when(file_at)
        if here != in_file:
            when = f"last on {here} here, {in_file} in the file"
        elif int(here_at) != int(file_at):  # one later, within the same minute: "later", then "15:13 in both", read wrong
            when = f"last on {_when(here_at, seconds=True)} here, {_when(file_at, time_only=True)} in the file"
        else:
            when = f"last on {here} in both"
        return f"{when}; {counted(len(self.here.answers), 'answer')} here, {len(self.in_file.answers)} in the file"

    def _last_change(self, bundle: WorkshopBundle) -> float:
        # A console's opening saves the state, stamped with the time, even when it changes only how the wall was
        # shown: the state's stamp counts only when the room's position or clocks differ between the copies.
        here, in_file = self._compared()
        return last_change(bundle, with_state=here.state != in_file.state)

    def _compared(self) -> tuple[WorkshopBundle, WorkshopBundle]:
        """Both copies as they are compared (:func:`_comparable`), a clock one stopped since the other's was copied
        the same in both (:func:`_clocks_as_one`)."""
        here, in_file = _comparable(self.here), _comparable(self.in_file)
        here_state, file_state = _clocks_as_one(here.state, in_file.state)
        return dataclasses.replace(here, state=here_state), dataclasses.replace(in_file, state=file_state)


def already_here(copies: TwoCopies, data_dir: Path) -> str:
    """Why a file whose workshop is stored here already was not imported, in one sentence."""
    info = copies.here.info
    if copies.same:
        return f"workshop {info.id} ({info.name}) is in {data_dir} already, the same as in the file: nothing was imported"
    if not copies.times_tell:
        return (
            f"workshop {info.id} ({info.name}) in {data_dir} and the file's copy of it differ, and their times do not "
            f"say which is later ({copies.said()}): nothing was imported; --replace puts the file's copy in its place "
            "and keeps the one here, archived"
        )
    if not copies.file_is_newer:
        return (
            f"workshop {info.id} ({info.name}) in {data_dir} was changed after the file's copy of it ({copies.said()}): "
            "nothing was imported, and the workshop here is left as it is"
        )
    return (
        f"workshop {info.id} ({info.name}) in {data_dir} is an older copy than the file's ({copies.said()}): "
        "nothing was imported; --replace puts the file's copy in its place and keeps the one here, archived"
    )


def kept_copy(here: WorkshopInfo, replaced_by: str, at: float, kept_id: str) -> WorkshopInfo:
    """The info of the copy ``bootcamp import --replace`` keeps of ``here``: under ``kept_id``, saying what replaced it
    and when, and named so ("Acme boot camp (replaced 22 Sep at 14:13)"), so no list shows the same name twice."""
    said = f" (replaced {_when(at)})"
    name = " ".join(here.name.split())[: WORKSHOP_NAME.chars - len(said)].rstrip() + said  # within a name's limit
    return dataclasses.replace(here, id=kept_id, name=name, replaced_by=replaced_by, replaced_at=iso(at))


def last_change(bundle: WorkshopBundle, *, with_state: bool = True) -> float:
    """When the workshop was last changed, epoch seconds: the latest of the room's position and clocks, an answer, a
    note, an action or a late arrival (a secret ballot carries no time, and the console's move on from it does).
    ``with_state`` False leaves the position's stamp out (the copy compared with is at the same place)."""
    stamps = [bundle.state.updated_at if with_state else 0.0]
    stamps += [_epoch(answer.at) for answer in bundle.answers]
    stamps += [_epoch(note.at) for note in bundle.room.notes]
    stamps += [_epoch(line.at) for line in bundle.room.role_lines]
    stamps += [_epoch(action.at) for action in bundle.room.actions]
    stamps += [_epoch(action.status_at) for action in bundle.room.actions]
    stamps += [_epoch(person.joined_at) for person in bundle.info.participants]
    return max(stamps)


def _comparable(bundle: WorkshopBundle) -> WorkshopBundle:
    """The bundle as an export gives it back: answers in one order (on disk they are kept per person), and without
    when the clocks last stopped, which the export leaves out. Without how a console last showed things (presenter,
    blank, private entry: every opening puts them back) and the state's stamp, which that opening renews."""
    state = dataclasses.replace(
        bundle.state, clocks_stopped_at=None, presenter=False, blank=False, private_entry=False, updated_at=0.0
    )
    answers = tuple(sorted(bundle.answers, key=lambda a: (a.participant_id, a.step_key, a.item, a.perspective)))
    return dataclasses.replace(bundle, state=state, answers=answers)


def _clocks_as_one(here: WorkshopState, in_file: WorkshopState) -> tuple[WorkshopState, WorkshopState]:
    """Each clock running in one copy and stopped in the other after running on from there taken as the stopped one in
    both. A console leaving a workshop pauses its running timer and saves that (reopened, it shows the step where it
    was left): a copy handed over at the break, opened and closed with nothing done, is otherwise the other's."""
    timers = _one_clock_each(here.timers, in_file.timers)
    cards = _one_clock_each(here.card_timers, in_file.card_timers)
    return (
        dataclasses.replace(here, timers={**here.timers, **timers}, card_timers={**here.card_timers, **cards}),
        dataclasses.replace(in_file, timers={**in_file.timers, **timers}, card_timers={**in_file.card_timers, **cards}),
    )


def _one_clock_each(here: dict[str, StepTimer], in_file: dict[str, StepTimer]) -> dict[str, StepTimer]:
    """The stopped timer of each key whose timer runs in one copy and was stopped in the other having run on."""
    taken = {}
    for key in here.keys() & in_file.keys():
        for running, stopped in ((here[key], in_file[key]), (in_file[key], here[key])):
            if _ran_on_and_stopped(running, stopped):
                taken[key] = stopped
    return taken


def _ran_on_and_stopped(running: StepTimer, stopped: StepTimer) -> bool:
    """Whether ``stopped`` is ``running`` stopped at some moment since: the time counted before it ran, and more, and
    the same minutes added or taken off."""
    return (
        running.running_since is not None
        and stopped.running_since is None
        and stopped.elapsed >= running.elapsed
        and stopped.extra_minutes == running.extra_minutes
    )


def _epoch(stamp: str) -> float:
    """An ISO 8601 time or date as epoch seconds; 0 for none (a secret ballot) or one that cannot be read."""
    try:
        return datetime.fromisoformat(stamp).timestamp() if stamp else 0.0
    except ValueError:
        return 0.0


def _when(epoch: float, *, seconds: bool = False, time_only: bool = False) -> str:
    """"22 Sep at 14:13", on this machine's calendar, as the console shows a note's time; ``seconds`` adds them
    ("22 Sep at 14:13:20"), ``time_only`` gives "14:13:40" alone (the day said just before it)."""
    moment = datetime.fromtimestamp(epoch)
    if time_only:
        return f"{moment:%H:%M:%S}"
    return f"{moment.day} {moment:%b} at {moment:%H:%M:%S}" if seconds else f"{moment.day} {moment:%b} at {moment:%H:%M}"

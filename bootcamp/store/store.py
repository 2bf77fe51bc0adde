"""The data folder: list, create, open and import workshops (no Textual).

Layout: ``<data>/workshops/<id>/`` per workshop (see :mod:`bootcamp.store.files`).
A workshop folder appears whole or not at all: it is written under a hidden
temporary name and renamed into place, so a crash during ``new`` or ``import``
leaves no half workshop.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bootcamp.clock import Clock, SystemClock, iso
from bootcamp.dates import parse_date
from bootcamp.store.copies import TwoCopies, already_here, kept_copy
from bootcamp.store.durable import FILE_MODE, make_private_folder, replace_durably, sync_folder
from bootcamp.store.errors import AlreadyHereError, FileBusyError, StoreError
from bootcamp.store.files import (
    ANSWERS_FOLDER,
    StoredContent,
    answers_file,
    content_file,
    room_file,
    state_file,
    voted_file,
    workshop_file,
)
from bootcamp.store.ids import id_problem, is_safe_id, new_workshop_id
from bootcamp.store.jsonfile import LOCK_TIMEOUT
from bootcamp.store.layout import ARCHIVED_FILE, WORKSHOPS_FOLDER
from bootcamp.store.model import RoomRecords, WorkshopInfo, WorkshopState
from bootcamp.store.owner_lock import OwnerLock
from bootcamp.store.roster import add_participant
from bootcamp.store.swap import finish_replacements, keeping_folder, replace_folder, replacements_left
from bootcamp.store.trash import finish_deletions
from bootcamp.store.workshop import WorkshopBundle, WorkshopFiles

if TYPE_CHECKING:
    from bootcamp.content.model import Program

_CREATE_LOCK = ".create.lock"
_NEW_PREFIX = ".new-"


@dataclass(frozen=True)
class WorkshopListing:
    """The readable workshops, newest first, and a StoreError for each folder that could not be read."""

    workshops: tuple[WorkshopInfo, ...]
    problems: tuple[StoreError, ...]


class Store:
    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.clock: Clock = clock if clock is not None else SystemClock()
        if replacements_left(self.workshops_dir):  # an import --replace killed midway: its workshop put in place
            with contextlib.suppress(FileBusyError, OSError):  # busy or read-only: the next creation finishes it
                with self._creation_lock():
                    self._finish_what_kills_left()

    def __repr__(self) -> str:
        return f"Store({str(self.data_dir)!r})"

    @property
    def workshops_dir(self) -> Path:
        return self.data_dir / WORKSHOPS_FOLDER

    # -- reading ----------------------------------------------------------------------------------------------

    def list_workshops(self) -> list[WorkshopInfo]:
        """Readable workshops, newest first (by date, then by creation). Reads only each ``workshop.json``."""
        return list(self.scan_workshops().workshops)

    def scan_workshops(self) -> WorkshopListing:
        found: list[WorkshopInfo] = []
        problems: list[StoreError] = []
        try:
            folders = sorted(os.scandir(self.workshops_dir), key=lambda e: e.name)
        except FileNotFoundError:
            folders = []
        except OSError as error:
            raise StoreError(f"cannot read {self.workshops_dir}: {error.strerror or error}") from error
        for entry in folders:
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            if not is_safe_id(entry.name) or not os.path.exists(os.path.join(entry.path, "workshop.json")):
                problems.append(StoreError(f"{entry.path} is not a workshop folder (no workshop.json)"))
                continue
            try:
                found.append(WorkshopFiles(Path(entry.path), self.clock).info())
            except StoreError as error:
                problems.append(error)
        found.sort(key=lambda info: (info.date, info.created_at, info.id), reverse=True)
        return WorkshopListing(tuple(found), tuple(problems))

    def open(self, workshop_id: str, *, sweep: bool = True) -> WorkshopFiles:
        """The workshop with this id; StoreError naming the id if there is none (or its workshop.json is unreadable).

        A reader that must never write (a projector window) passes ``sweep=False``: the temporary files
        a killed writer left are then left for the console to remove.
        """
        folder = self.workshops_dir / workshop_id
        if not is_safe_id(workshop_id) or not (folder / "workshop.json").is_file():
            if not self.data_dir.is_dir():  # the folder is what is wrong (a mistyped --data-dir), not the id
                problem = "is not a folder" if self.data_dir.exists() else "does not exist"
                raise StoreError(f"the data folder {self.data_dir} {problem}: check the path")
            raise StoreError(f"no workshop with id {workshop_id!r} in {self.data_dir} (see `bootcamp list`)")
        workshop = WorkshopFiles(folder, self.clock)
        workshop.info()  # refuse an unreadable or misplaced workshop.json now, with its name
        if sweep:
            workshop.sweep_temp_files()
        return workshop

    @contextmanager
    def owned(
        self, workshop_id: str, *, purpose: str, warn: Callable[[str], None] | None = None
    ) -> Iterator[WorkshopFiles]:
        """The workshop's files, changed by nobody else while the block runs: ``with store.owned(id, ...) as files``.

        Raises :class:`~bootcamp.store.owner_lock.WorkshopBusy` (one sentence: who holds it, where, since when)
        while the console or another command holds it. ``purpose`` says who we are to those refused, e.g.
        ``"bootcamp import-answers"``. When the file system takes no locks the block runs unguarded and
        ``warn`` is told so in one sentence. An import left pending (a kill, a full disk) is finished
        first; a StoreError says so when it cannot be yet.
        """
        workshop = self.open(workshop_id, sweep=False)  # an unknown id is refused before any lock file is made
        with OwnerLock(workshop.path, purpose=purpose, clock=self.clock) as lock:
            if lock.unguarded and warn is not None:
                warn(
                    f"the file system of {workshop.path} takes no locks, so nothing keeps a console "
                    f"from changing workshop {workshop.id} at the same time"
                )
            workshop.sweep_temp_files()
            workshop.finish_import()  # an import left pending, finished before anything else changes the workshop
            yield workshop

    def exists(self, workshop_id: str) -> bool:
        return is_safe_id(workshop_id) and (self.workshops_dir / workshop_id).exists()

    # -- creating ---------------------------------------------------------------------------------------------

    def create_workshop(
        self,
        *,
        name: str,
        organisation: str,
        date: str,
        participants: list[tuple[str, str]],
        agenda: str = "full",
        anonymous: bool = False,
        sources: dict[str, str],
        follows: str = "",
    ) -> WorkshopInfo:
        """A new workshop with a copy of ``sources`` (validated first: ContentError lists the problems).

        ``participants`` are ``(name, role)`` pairs, seated by the roster's rules (:mod:`bootcamp.store.roster`):
        in an anonymous workshop the names are dropped here, so they never reach the disk.
        """
        from bootcamp.checks import refuse, roster_problems, workshop_problems
        from bootcamp.content.loader import content_hash, load_sources

        refuse("no workshop was created", (*workshop_problems(name, organisation), *roster_problems(participants, anonymous=anonymous)))
        program = load_sources(sources)
        if program.agenda(agenda) is None:
            known = ", ".join(a.id for a in program.agendas)
            raise StoreError(f"agenda {agenda!r} is not in this content (it has: {known})")
        day = parse_date(date, what="the workshop date")
        now = iso(self.clock.now())
        steps = program.steps(agenda)
        info = WorkshopInfo(
            id="",
            name=name,
            organisation=organisation,
            date=day.isoformat(),
            agenda=agenda,
            anonymous=anonymous,
            participants=(),
            content_hash=content_hash(sources),
            created_at=now,
            follows=follows,
        )
        for person, role in participants:
            info = add_participant(info, person, role, joined_at=now).info
        bundle = WorkshopBundle(
            info=info,
            content=StoredContent(info.content_hash, dict(sources)),
            state=WorkshopState(step_key=steps[0].key if steps else "", updated_at=self.clock.now()),
            room=RoomRecords(),
            answers=(),
        )
        return self._materialise(bundle, keep_id=False, program=program)

    def import_workshop(self, bundle: WorkshopBundle, *, new_id: bool = False) -> WorkshopInfo:
        """Store an exported workshop whole, or nothing. Same id unless ``new_id``; an existing id is an error, saying
        whether the copy here is the same, later or older (:meth:`import_over` puts an export in its place)."""
        if not new_id and (problem := id_problem(bundle.info.id, "workshop")):
            raise StoreError(problem)
        return self._materialise(bundle, keep_id=not new_id)

    def import_over(self, bundle: WorkshopBundle) -> tuple[WorkshopInfo, WorkshopInfo]:
        """``bundle`` in place of the workshop with its id here (handed back from another laptop), under that
        workshop's owner lock (refused while a console has it open). The copy here is first written whole as a
        workshop of its own, archived, so nothing it held is lost; the file's copy goes in its place through
        :mod:`bootcamp.store.swap`, so a kill at any point leaves one whole copy under the id. The workshop placed,
        and the copy kept."""
        from bootcamp.checks import bundle_problems, refuse
        from bootcamp.content.loader import load_sources

        refuse("nothing was imported", bundle_problems(bundle, load_sources(bundle.content.sources)))
        with self.owned(bundle.info.id, purpose="bootcamp import --replace") as files:
            copies = TwoCopies(here=files.bundle(), in_file=bundle)
            if copies.same:
                raise AlreadyHereError(already_here(copies, self.data_dir))
            refuse("nothing was imported", bundle_problems(copies.here, load_sources(copies.here.content.sources)))
            now = self.clock.now()
            tag = new_workshop_id()
            with self._creating():
                # Both copies written whole before the commit point; the kept one goes in place only after it.
                incoming: Path | None = None  # _staged removes what it wrote when it fails
                try:
                    incoming = self._staged(bundle, bundle.info)
                    kept = kept_copy(copies.here.info, bundle.info.id, now, self._unused_id())
                    keeping = keeping_folder(self.workshops_dir, tag, kept.id)
                    # archived as it is written: never on home's list beside the other
                    self._staged(copies.here, kept, archived_at=now, at=keeping)
                except OSError as error:
                    if incoming is not None:
                        shutil.rmtree(incoming, ignore_errors=True)
                    raise StoreError(
                        f"cannot write the file's copy of workshop {bundle.info.id}, or keep the one here, in {self.data_dir}: "
                        f"{error.filename or self.workshops_dir}: {error.strerror or error}; nothing was imported"
                    ) from error
                try:
                    replace_folder(self.workshops_dir, incoming, bundle.info.id, tag)
                except OSError as error:
                    committed = not incoming.exists()  # renamed: the next open finishes what this one began
                    if not committed:
                        for staged in (incoming, keeping):
                            shutil.rmtree(staged, ignore_errors=True)
                    raise StoreError(
                        f"cannot put the file's copy of workshop {bundle.info.id} in {self.data_dir}: "
                        f"{error.filename or files.path}: {error.strerror or error}; "
                        + (
                            f"the data folder's next opening puts it in place and keeps the copy here as workshop "
                            f"{kept.id}, archived"
                            if committed
                            else "nothing was imported"
                        )
                    ) from error
        return bundle.info, kept

    def _materialise(
        self,
        bundle: WorkshopBundle,
        *,
        keep_id: bool,
        program: Program | None = None,
    ) -> WorkshopInfo:
        """Write ``bundle`` as a new workshop folder, once every record in it passed :mod:`bootcamp.checks`."""
        from bootcamp.checks import bundle_problems, refuse
        from bootcamp.content.loader import load_sources

        refuse("no workshop was stored", bundle_problems(bundle, program or load_sources(bundle.content.sources)))
        try:
            make_private_folder(self.workshops_dir)
            with self._creating():
                return self._new_folder(bundle, keep_id=keep_id)
        except OSError as error:
            where = error.filename or self.workshops_dir
            raise StoreError(f"cannot create a workshop in {self.data_dir}: {where}: {error.strerror or error}") from error

    def _new_folder(self, bundle: WorkshopBundle, *, keep_id: bool) -> WorkshopInfo:
        """``bundle`` written as a new workshop folder (see :meth:`_materialise`), for a caller holding the creation
        lock."""
        if keep_id:
            workshop_id = bundle.info.id
            if (self.workshops_dir / workshop_id).exists():
                raise AlreadyHereError(self._already_here(bundle))
        else:
            workshop_id = self._unused_id()
        info = dataclasses.replace(bundle.info, id=workshop_id)
        staging = self._staged(bundle, info)
        try:
            os.rename(staging, self.workshops_dir / workshop_id)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        sync_folder(self.workshops_dir)
        return info

    def _unused_id(self) -> str:
        while (self.workshops_dir / (workshop_id := new_workshop_id())).exists():
            pass
        return workshop_id

    def _staged(
        self, bundle: WorkshopBundle, info: WorkshopInfo, *, archived_at: float | None = None, at: Path | None = None
    ) -> Path:
        """``bundle`` as ``info``'s workshop folder, written whole under a hidden name (``at`` when given), to be
        renamed into place; archived when ``archived_at`` is given."""
        staging = at if at is not None else self.workshops_dir / f"{_NEW_PREFIX}{info.id}-{new_workshop_id()}"
        try:
            make_private_folder(staging / ANSWERS_FOLDER)
            workshop_file(staging).create(info)
            content_file(staging).create(bundle.content)
            state_file(staging).create(bundle.state)
            room_file(staging).create(bundle.room)
            by_owner: dict[str, list] = {}
            for answer in bundle.answers:
                by_owner.setdefault(answer.participant_id, []).append(answer)
            for owner, answers in by_owner.items():
                answers_file(staging, owner).create(tuple(answers))
            if bundle.voted:
                voted_file(staging).create(bundle.voted)
            if archived_at is not None:
                from bootcamp.store.archive import archived_document  # archive reads the store: not at the top

                replace_durably(staging / ARCHIVED_FILE, archived_document(archived_at))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return staging

    def _already_here(self, bundle: WorkshopBundle) -> str:
        """Why ``bundle``, whose id is stored here already, was not imported: the same, or which copy is later."""
        try:
            here = WorkshopFiles(self.workshops_dir / bundle.info.id, self.clock).bundle()
        except StoreError:  # a copy here that cannot be read is not compared, nor written over
            return (
                f"a workshop with id {bundle.info.id} already exists in {self.data_dir}; "
                "import with --new-id to keep both"
            )
        return already_here(TwoCopies(here=here, in_file=bundle), self.data_dir)

    @contextmanager
    def _creating(self) -> Iterator[None]:
        """One creation at a time; what creators, replacements and deletions that were killed left is dealt with
        first, under this lock."""
        with self._creation_lock():
            self._finish_what_kills_left()
            yield

    @contextmanager
    def _creation_lock(self) -> Iterator[None]:
        from filelock import FileLock, Timeout  # not imported to list workshops (start-up)

        lock_path = self.workshops_dir / _CREATE_LOCK
        lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise FileBusyError(lock_path, LOCK_TIMEOUT) from None
        try:
            yield
        finally:
            lock.release()

    def _finish_what_kills_left(self) -> None:
        """Call it holding the creation lock."""
        finish_replacements(self.workshops_dir)  # replacements killed after their commit point, finished first
        for stale in self.workshops_dir.glob(f"{_NEW_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)  # half-built folders of creators that were killed
        finish_deletions(self.workshops_dir)  # deletions killed midway


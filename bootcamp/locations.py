"""Every path the app uses, decided in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA_DIR_ENV = "BOOTCAMP_DATA_DIR"
EXPORT_DIR_ENV = "BOOTCAMP_EXPORT_DIR"
_PACKAGE = Path(__file__).resolve().parent


def default_content_dir() -> Path:
    """The shipped boot camp: inside the wheel, or the checkout's top level when run from source."""
    bundled = _PACKAGE / "_content"
    if (bundled / "sessions").is_dir():
        return bundled
    return _PACKAGE.parent


Origin = Literal["flag", "env", "default", "demo"]
_ORIGINS: dict[str, str] = {
    "flag": "given with --data-dir",
    "env": f"set by ${DATA_DIR_ENV}",
    "default": "your user data folder",
    "demo": "a throw-away folder for the demo, removed when the app ends",
}


@dataclass(frozen=True)
class DataFolder:
    """Where the workshops live, and how that was decided: ``--data-dir``, the environment or the default."""

    path: Path
    origin: Origin = "flag"

    @property
    def how_chosen(self) -> str:
        """``given with --data-dir``, ``set by $BOOTCAMP_DATA_DIR`` or ``your user data folder``."""
        return _ORIGINS[self.origin]

    def missing(self, path_text: str | None = None, *, new_here: bool = False) -> str | None:
        """One sentence when the folder does not exist (with the path and how it was chosen), else None.

        The default folder that was simply never used yet is not an error: it says there are no workshops
        yet. ``path_text`` is the path as the caller shows it. A folder named by the flag or the environment that is
        not there is likely a typo: it is missing. ``new_here``: the caller offers to create the first workshop there
        (home's n), so a folder not there yet is said without a remedy (the caller gives both: check the path, or
        create it); one that is a file still says to check the path.
        """
        if self.path.is_dir():
            return None
        path = path_text or str(self.path)
        if self.origin == "default" and not self.path.exists():
            return f"no workshops yet in {path} ({self.how_chosen})"
        if self.path.exists():
            return f"the data folder {path} is not a folder ({self.how_chosen}): check the path"
        if new_here:
            return f"the data folder {path} does not exist yet ({self.how_chosen})"
        return f"the data folder {path} does not exist ({self.how_chosen}): check the path"

    def can_be_created(self) -> bool:
        """Whether creating a workshop would make the folder: nothing is there yet (no file in its way)."""
        return not self.path.exists()


def find_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataFolder:
    """``--data-dir``, else ``$BOOTCAMP_DATA_DIR``, else the platform's user data folder; and which it was."""
    if explicit:
        return DataFolder(Path(explicit).expanduser(), "flag")
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return DataFolder(Path(from_env).expanduser(), "env")
    return DataFolder(user_data_dir(), "default")


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$BOOTCAMP_DATA_DIR``, else the platform's user data folder."""
    return find_data_dir(explicit).path


def export_dir(data_dir: Path) -> Path:
    """Where the console writes exports: ``$BOOTCAMP_EXPORT_DIR``, else ``exports`` in the data folder."""
    from_env = os.environ.get(EXPORT_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir / "exports"


def keeps_stored_data(path: Path, data_dir: Path) -> bool:
    """Whether a file written there could replace what the store keeps: anywhere in the data folder but its exports.

    Links are followed, so a path that reaches a workshop's folder another way is caught too.
    """
    target, root = Path(os.path.realpath(path)), Path(os.path.realpath(data_dir))
    return target.is_relative_to(root) and not target.is_relative_to(root / "exports")


def shown(path: Path) -> str:
    """A path as a person reads it: absolute, with ``~`` for the home folder."""
    absolute = Path(os.path.abspath(path))
    home = Path.home()
    try:
        return "~/" + str(absolute.relative_to(home)) if absolute != home else "~"
    except ValueError:
        return str(absolute)


def user_data_dir() -> Path:
    """The platform's user data folder for bootcamp: where workshops live unless told otherwise."""
    import platformdirs  # only needed when neither --data-dir nor the environment says

    return Path(platformdirs.user_data_dir("bootcamp", appauthor=False))


def join_log(data_dir: Path, workshop_id: str) -> Path:
    """The phone page's server log for a workshop: in the data folder, never on the console's terminal."""
    return data_dir / "logs" / f"join-{workshop_id}.log"

"""Every path the app uses, decided in one place."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "BOOTCAMP_DATA_DIR"
_PACKAGE = Path(__file__).resolve().parent


def default_content_dir() -> Path:
    """The shipped boot camp: inside the wheel, or the checkout's top level when run from source."""
    bundled = _PACKAGE / "_content"
    if (bundled / "sessions").is_dir():
        return bundled
    return _PACKAGE.parent


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$BOOTCAMP_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return user_data_dir()


def user_data_dir() -> Path:
    """The platform's user data folder for bootcamp: where workshops live unless told otherwise."""
    import platformdirs  # only needed when neither --data-dir nor the environment says

    return Path(platformdirs.user_data_dir("bootcamp", appauthor=False))


def join_log(data_dir: Path, workshop_id: str) -> Path:
    """The phone page's server log for a workshop: in the data folder, never on the console's terminal."""
    return data_dir / "logs" / f"join-{workshop_id}.log"

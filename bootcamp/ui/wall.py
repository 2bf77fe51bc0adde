"""Nothing of another client on the wall: which organisation the room may see while it is watching.

While the console presents the open workshop, or while a projector window follows a workshop this app
opened (it may still follow one the console has left, even after opening another), the wall shows that
workshop's organisation, and lists made on this app (home, the actions view, search) show only it. The facilitator lifts the rule
for this app session by answering :class:`~bootcamp.ui.screens.wall_confirm.WallConfirmScreen`; the
lift lasts until the wall is free again (a new presentation asks again).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.app import App

if TYPE_CHECKING:
    from bootcamp.live.workshop import LiveWorkshop

_lifted: WeakKeyDictionary[App[object], str] = WeakKeyDictionary()  # app → the organisation lifted for
# app → the folder and organisation of each workshop it has had open: a projector window started for one
# may follow it after the console left it, and after the console opened another.
_seen: WeakKeyDictionary[App[object], dict[Path, str]] = WeakKeyDictionary()


def watched_organisation(app: App[object]) -> str | None:
    """The organisation of the workshop the room is looking at, lifted or not; None when nobody watches."""
    workshop: LiveWorkshop | None = getattr(app, "workshop", None)
    left: LiveWorkshop | None = getattr(app, "left_workshop", None)  # the workshop left last (BootcampApp)
    seen = _seen.setdefault(app, {})
    for opened in (workshop, left):
        if opened is not None:
            seen[opened.files.path] = opened.info.organisation
    if not seen:
        return None  # nothing opened yet: home's first frame imports nothing of the store for this
    from bootcamp.store.projector_lock import projector_following

    if workshop is not None and (workshop.state.presenter or projector_following(workshop.files.path)):
        return workshop.info.organisation
    return next((organisation for folder, organisation in seen.items() if projector_following(folder)), None)


def wall_organisation(app: App[object]) -> str | None:
    """The only organisation lists may show now, or None: every organisation may be shown.

    None also once the facilitator lifted the rule for the organisation on the wall; a free wall ends the lift.
    """
    watched = watched_organisation(app)
    if watched is None:
        _lifted.pop(app, None)
        return None
    return None if _lifted.get(app) == watched else watched


def lift_wall(app: App[object], organisation: str) -> None:
    """Every organisation may be shown while ``organisation`` is on the wall (the facilitator said so)."""
    _lifted[app] = organisation

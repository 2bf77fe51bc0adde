"""The earlier runs' actions as a later run finds them: done, dropped, open or overdue on its date, agreed again
there, and those of the runs before still to do.

The earlier run's actions are the commitments the later run checks. Their status lives
where they were agreed: the CCO marks them done in the earlier workshop (its actions step)
as they happen, so the comparison reads them from the earlier report and calls one overdue
when it is still open or under way and was due before the later run's date. When the room
agreed the same action again in the later run, its status there is shown beside it.

The runs before the earlier one in its line (``older``) had actions too: those still open or under
way are carried along, each with the run it came from, unless a run since agreed the same action
again (it is followed there). Without them, a run that agreed no actions would hide the open ones
of the run before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bootcamp.summary.comparison_model import ActionProgress, ActionState
from bootcamp.summary.model import ActionResult, CommitmentReport

_STILL_TO_DO_THEN = (ActionState.OPEN, ActionState.OVERDUE)  # as of the later run's date


def new_action_count(before: CommitmentReport, after: CommitmentReport) -> int:
    """How many of ``after``'s actions ``before`` had not agreed."""
    return len({_same_action(a) for a in after.actions} - {_same_action(b) for b in before.actions})


def _same_action(action: ActionResult) -> str:
    """Two runs agreed "the same action" when its words are the same, whatever the case and spacing."""
    return _folded(action.what)


def _as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _state(action: ActionResult, as_of: date | None) -> ActionState:
    marked = _as_date(action.status_at)
    closed_by_then = not (marked and as_of and marked > as_of)  # one marked done after that date was not done then
    if action.status == "done" and closed_by_then:
        return ActionState.DONE
    if action.status == "dropped" and closed_by_then:
        return ActionState.DROPPED
    due = _as_date(action.due)
    return ActionState.OVERDUE if due and as_of and due < as_of else ActionState.OPEN


def actions_as_of(
    run: CommitmentReport, after: Sequence[ActionResult], as_of: str, *, still_to_do: bool = False
) -> tuple[ActionProgress, ...]:
    """``run``'s actions as of ``as_of`` (with ``still_to_do``, those still open or under way then only): one marked
    done or dropped after that date (``status_at``) was still to do then, and is said so beside its status now."""
    later: dict[str, str] = {}
    for action in after:
        later.setdefault(_same_action(action), action.status)
    when = _as_date(as_of)
    progress = (
        ActionProgress(
            id=action.id,
            what=action.what,
            owner=action.owner,
            due=action.due,
            status=action.status,
            state=_state(action, when),
            source_title=action.source_title,
            again=later.get(_same_action(action), ""),
            run_id=run.workshop_id,
            run=run.workshop,
            run_date=run.date,
            status_at=action.status_at,
        )
        for action in run.actions
    )
    return tuple(action for action in progress if not still_to_do or action.state in _STILL_TO_DO_THEN)


def carried_actions(
    older: Sequence[CommitmentReport], before: CommitmentReport, after: CommitmentReport
) -> tuple[ActionProgress, ...]:
    """The actions still open in the runs before ``before``, oldest run first, but those a run since agreed again."""
    runs = [run for run in older if run.workshop_id not in (before.workshop_id, after.workshop_id)]
    carried = []
    for n, run in enumerate(runs):
        since = {_same_action(action) for later_run in (*runs[n + 1 :], before) for action in later_run.actions}
        carried += [
            action
            for action in actions_as_of(run, after.actions, after.date, still_to_do=True)
            if _folded(action.what) not in since
        ]
    return tuple(carried)


def action_order(action: ActionProgress) -> tuple[int, str]:
    """Overdue first, then still open by due date, then done, then dropped."""
    rank = {ActionState.OVERDUE: 0, ActionState.OPEN: 1, ActionState.DONE: 2, ActionState.DROPPED: 3}
    return rank[action.state], action.due or "9999"


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()

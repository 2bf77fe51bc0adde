"""Two runs of the test for one organisation, on the fixture content, with figures worked out by hand.

The earlier run (``w1``, 2026-09-21, full day, four people):

- mandate: no, no, yes, don't know → scored 0, 0, 100 → 33, Lip service; "don't know" 1 of 4 = 25%;
  2 of 3 at the low end and 1 at the high end: the room is split (unclear).
- structure (the role check, full day only): no × 4 → 0, a structural gap.
- overall: (33 + 0) / 2 = 16.5 → 17 (halves up).
- aptitudes: persist/self strong, weak → 1.0 (0.5 of the scale); persist/team weak → 0.
- role lines: quota (tactical), journey (strategic), escalations (tactical): 2 of 3 tactical.
- actions: a1 open, due 2026-10-01 (overdue by 2027-03-01); a2 doing, due 2027-06-01 (not due yet);
  a3 done; a4 dropped; a5 open, due on the later run's day itself (not overdue).

The later run (``w2``, 2027-03-01, half day, so no role check and no structure question):

- mandate: yes, yes, yes, partly → 100, 100, 100, 50 → 87.5 → 88, Hard-wired (up from Lip service);
  no "don't know"; nobody at the low end: not split. Change +55.
- structure: not on this agenda → measured only in the earlier run.
- overall: 88; like for like (mandate only): 33 → 88.
- aptitudes: persist/self strong, strong → 2.0 (1.0): +50 points; persist/team mixed → 1.0 (0.5): +50;
  give-power-away/self weak → 0: only in the later run.
- actions: "name  the ACCOUNTABLE leader" again (open), and one new one.
"""

from __future__ import annotations

from summary_rooms import ROLE, STRUCTURE_QUESTION, Room_, mandate, participants, rating, structure

from bootcamp.store.model import Action, ActionStatus, Answer, RoleLine, RoomRecords


def earlier_room() -> Room_:
    people = participants(4, names=("Ana", "Ben", "Chloe", "Dev"))
    answers = [
        *mandate("no", "no", "yes", "dont-know"),
        *structure("no", "no", "no", "no"),
        rating(1, "persist", "self", "strong"),
        rating(2, "persist", "self", "weak"),
        rating(1, "persist", "team", "weak"),
    ]
    room = RoomRecords(
        role_lines=(
            RoleLine("l1", "Carry a personal quarterly quota", decision="tactical"),
            RoleLine("l2", "Lead the customer journey redesign", decision="strategic"),
            RoleLine("l3", "Chair the weekly escalation call", decision="tactical"),
        ),
        actions=(
            Action("a1", "Name the accountable leader", owner="Ana", due="2026-10-01"),
            Action("a2", "Draft a shared churn metric", owner="Ben", due="2027-06-01", status=ActionStatus.DOING),
            Action("a3", "Book the CEO for the kick-off", owner="Chloe", due="2026-09-30", status=ActionStatus.DONE),
            Action("a4", "Hire two analysts", owner="Dev", due="2026-11-01", status=ActionStatus.DROPPED),
            Action("a5", "Send the scorecard to the board", owner="Ana", due="2027-03-01"),
        ),
    )
    return Room_(people, answers, room)


def later_room() -> Room_:
    people = participants(4, names=("Ana", "Ben", "Chloe", "Eve"))
    answers = [
        *mandate("yes", "yes", "yes", "partly"),
        rating(1, "persist", "self", "strong"),
        rating(2, "persist", "self", "strong"),
        rating(1, "persist", "team", "mixed"),
        rating(1, "give-power-away", "self", "weak"),
    ]
    room = RoomRecords(
        actions=(
            Action("b1", "name  the ACCOUNTABLE leader", owner="Eve", due="2027-04-01"),
            Action("b2", "Publish the customer scorecard", owner="Ben", due="2027-05-01"),
        )
    )
    return Room_(people, answers, room, agenda="half", workshop_id="w2", date="2027-03-01")


def structure_room(workshop_id: str, date: str, *values: str) -> Room_:
    """A full-day room where only the structure question was answered."""
    people = participants(len(values))
    answers = [Answer(f"p{n}", ROLE, item=STRUCTURE_QUESTION, value=v) for n, v in enumerate(values, 1)]
    return Room_(people, answers, workshop_id=workshop_id, date=date)


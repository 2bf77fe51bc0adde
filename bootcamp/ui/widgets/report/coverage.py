"""What the figures rest on: how far the room got (skipped for time, jumped past, not reached), who answered how
much, and how the figures were made."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from bootcamp.export.report_text import (
    NOTHING_MISSED,
    ROLES_IN_THE_ROOM,
    STATUS_PHRASES,
    coverage_phrase,
    method_notes,
    missed_steps,
    number,
    people_said,
)
from bootcamp.summary.model import CommitmentReport, ParticipantResult
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.report.charts import bar, fit
from bootcamp.ui.widgets.report.part import ReportPart, line

BAR_WIDTH = 12
LEFT = "  left; answers count"


class Coverage(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        muted, heading = self.themed("muted"), self.themed("heading")
        pieces: list[RenderableType] = [line(plain("What the room got through", heading)), plain(coverage_phrase(report))]
        missed = missed_steps(report)
        if report.started and not missed:
            pieces.append(plain(NOTHING_MISSED, muted))
        for said, steps in missed:
            pieces.append(plain(said, muted))
            pieces += [
                joined(
                    ("• ", muted), step.session, (" › ", muted), step.title, (f"  {number(step.minutes, 0)} min", muted)
                )
                for step in steps
            ]
        for dimension in report.not_measured:
            pieces.append(
                joined(("Not measured: ", muted), dimension.title, (f" ({STATUS_PHRASES[dimension.status]})", muted))
            )

        people = report.present + report.removed
        counted = plain(f"  {people_said(report)}", muted) if people else ""  # those who left count: their answers do
        pieces += [Text(), line(plain("Who answered", heading), counted)]
        if people:
            pieces += self._people(people, width)
            if report.roles:  # an anonymous room: its roles, tied to no seat, each once, a line each
                pieces.append(plain(ROLES_IN_THE_ROOM, muted))
                pieces += [joined(("• ", muted), r.role, (f" ({r.count})", muted)) for r in report.roles_counted]
        else:
            pieces.append(plain("Nobody is on the roster yet.", muted))
        if report.unmatched_answers:
            pieces.append(
                plain(
                    f"{report.unmatched_answers} stored answers name nothing on this agenda and are not counted.", muted
                )
            )

        pieces += [Text(), line(plain("How these figures were made", heading))]
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True, style=muted)
        notes.add_column(ratio=1, style=muted)
        for note in method_notes(report):
            notes.add_row("•", plain(note))
        pieces.append(notes)
        pieces.append(
            plain(
                f"{report.program} · workshop {report.workshop_id} · content version {report.content_hash[:12]} · "
                f"report as of {report.as_of or '–'}",
                muted,
            )
        )
        return pieces

    def _people(self, people: Sequence[ParticipantResult], width: int) -> list[Text]:
        """One line each: name, role, a bar of the answers given (the most anyone gave is full), the count."""
        muted, track, colour = self.themed("muted"), self.themed("track"), self.themed("heading").color
        most = max(person.answers for person in people)
        name_width = min(22, max(len(person.name) for person in people))
        note = len(LEFT) if any(person.removed for person in people) else 0
        room = width - name_width - BAR_WIDTH - note - 6  # the gaps and the count
        role_width = max(0, min(28, max(len(person.role) for person in people), room))
        lines = []
        for person in people:
            pieces: list[Text | str] = [
                fit(plain(person.name, "dim" if person.removed else "bold"), name_width),
                " ",
                fit(plain(person.role, muted), role_width),
                " " if role_width else "",
                bar(person.answers / most if most else 0.0, BAR_WIDTH, track, colour),
                fit(str(person.answers), 4, align="right"),
            ]
            if person.removed:
                pieces.append(plain(LEFT, muted))
            lines.append(line(*pieces))
        return lines

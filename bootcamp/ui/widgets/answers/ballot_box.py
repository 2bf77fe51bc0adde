"""A secret ballot at the facilitator's keyboard: each key press casts one ballot that names nobody.

For when the boss is in the room. The box shows how many ballots were cast, never whose
or which; the tally waits for the facilitator's reveal like any other.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static

from bootcamp.content.model import Scale
from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import CastBallot, WithdrawBallot
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.ui.messages import request
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.answers.scale_keys import AnswerKeys, bind_scale


class BallotBox(AnswerKeys, Static, can_focus=True):
    DEFAULT_CSS = """
    BallotBox {
        width: 1fr;
        height: auto;
        padding: 1 2;
        border: round $accent;
    }
    BallotBox:focus {
        border: round $accent;
        background: $boost;
    }
    """
    BINDINGS = [Binding("x,delete", "take_back", "Take back", tooltip="Take back the ballot just cast")]

    def __init__(self, live: LiveRecords, step_key: str, scale: Scale) -> None:
        super().__init__()  # no id: a box on its way out and the next one may meet (QuestionView)
        self.live = live
        self.step_key = step_key
        self.scale = scale
        self._last_ballot = ""
        bind_scale(self, scale)

    def show(self, data: WorkshopSnapshot) -> None:
        cast = data.ballots_for(self.step_key)
        self.update(
            joined(
                ("Secret ballot", "bold"),
                f"  ·  {cast} ballot{'s' if cast != 1 else ''} cast\n",
                ("Pass the keyboard: each person presses the key of their answer. ", "dim"),
                ("Answers are stored without a name.", "dim"),
            )
        )

    def action_answer(self, option_id: str) -> None:
        ballot = CastBallot(self.step_key, (("", "", option_id),))
        request(self, ballot)
        self._last_ballot = ballot.ballot_id
        self.notify("Ballot cast. Pass the keyboard on.", title="Secret ballot", markup=False, timeout=2)

    def action_take_back(self) -> None:
        if self._last_ballot and self.live.has_ballot(self.step_key, self._last_ballot):
            request(self, WithdrawBallot(self.step_key, self._last_ballot))
            self._last_ballot = ""
            self.notify("The last ballot was taken back.", title="Secret ballot", markup=False, timeout=2)

"""``question``: a probing question on a named scale, answered by each participant, with an optional comment.

The console holds the round-the-room table (or the secret ballot box) and the tally; the
room's screen holds the question, its options and, once revealed, the tally.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from bootcamp.content.model import Scale
from bootcamp.limits import COMMENT
from bootcamp.live.requests import CommentAnswer
from bootcamp.live.snapshot import Tally, WorkshopSnapshot
from bootcamp.store.model import WorkshopState
from bootcamp.ui.messages import request
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.answers.answer_table import AnswerTable
from bootcamp.ui.widgets.answers.ballot_box import BallotBox
from bootcamp.ui.widgets.answers.moved_on import KeysHint, MovedOn
from bootcamp.ui.widgets.answers.question_table import QuestionTable
from bootcamp.ui.widgets.answers.tally import TallyBars
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body, scale_choices
from bootcamp.ui.widgets.typed_text import AutosaveInput

SECRET_BALLOT_SAID = "Secret ballot: your answer is stored without your name."


class CommentField(Vertical):
    """The comment of the person at the cursor: saved as it is typed; Enter or Esc goes back to the table."""

    DEFAULT_CSS = """
    CommentField {
        height: auto;
        margin: 1 0 0 0;
    }
    CommentField > Static {
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("escape", "done", "Back to the answers", show=False)]

    def __init__(self, live_save, label: str, comment: str) -> None:  # noqa: ANN001 - a LiveRecords callback
        super().__init__(classes="comment-field")  # a class: the next comment's field may mount before this goes
        self._save = live_save
        self._label = label
        self._comment = comment

    def compose(self) -> ComposeResult:
        yield Static(self._label, markup=False)
        yield AutosaveInput(
            self._comment, save=self._save, placeholder="Type the comment; Enter saves", max_length=COMMENT.chars
        )

    def on_mount(self) -> None:
        self.query_one(AutosaveInput).focus()

    @on(AutosaveInput.Submitted)
    def _submitted(self) -> None:
        self.action_done()

    def action_done(self) -> None:
        table = self.screen.query(QuestionTable)
        self.remove()
        if table:
            table.first().focus()


class QuestionView(StepView):
    DEFAULT_CSS = """
    QuestionView #answers {
        height: auto;
    }
    QuestionView QuestionTable {
        height: auto;
        max-height: 20;
    }
    QuestionView .hint {
        color: $text-muted;
    }
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # The table or the ballot box answering now. Held here, not queried: one being removed stays in the DOM until
        # its removal is processed, and v pressed twice in that moment found the old table and kept it (the ballot
        # box stayed on a step whose answers were named again).
        self._answering: QuestionTable | BallotBox | None = None
        self._shown: tuple[WorkshopSnapshot, WorkshopState] | None = None

    def compose(self) -> ComposeResult:
        question = self.step.question
        if question is not None:
            yield Prompt(question.text, classes="-question")
        yield from body(self.step.body, presenter=self.presenter)
        yield from scale_choices(self.program, self.scale.id if self.scale else "")
        if self.presenter:
            # Shown while the step is a secret ballot (v on the console): the room is told, as each phone is.
            ballot = Prompt(SECRET_BALLOT_SAID, classes="-muted -ballot")
            ballot.display = False
            yield ballot
        if self.step.comment and self.presenter:
            yield Prompt("A comment is welcome with any answer.", classes="-muted")
        if self.live is not None and self.scale is not None:
            yield Vertical(id="answers")
        yield TallyBars()

    @property
    def scale(self) -> Scale | None:
        question = self.step.question
        return self.program.scale(question.scale if question else self.step.scale)

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        scale = self.scale
        if scale is None:
            return
        self._shown = (data, state)
        secret = self.step.key in state.secret
        for ballot in self.query(".-ballot"):
            ballot.display = secret
        if self.live is not None:
            self._show_answering(data, state, scale, secret=secret)
        self.query_one(TallyBars).show(
            Tally.of(data.answers_for(self.step.key), scale),
            heading=data.answered(self.step.key, secret=secret),
            revealed=self.step.key in state.revealed,
            private=state.private_entry,
        )

    def _show_answering(self, data: WorkshopSnapshot, state: WorkshopState, scale: Scale, *, secret: bool) -> None:
        """The table round the room, or the ballot box on a secret step (swapped when the facilitator toggles it)."""
        assert self.live is not None
        holder = self.query_one("#answers", Vertical)
        widget = self._answering
        if not isinstance(widget, BallotBox if secret else QuestionTable):
            focused = self.app.focused is not None and self.app.focused in holder.query("*")
            holder.remove_children()
            widget = BallotBox(self.live, self.step.key, scale) if secret else QuestionTable(self.live, self.step.key, scale)
            self._answering = widget
            holder.mount(widget)
            holder.mount(KeysHint(_hint(secret)))
            if focused:
                widget.focus()
            self.call_after_refresh(self._show_latest)  # the new widget fills in once mounted, from the room then
            return
        if isinstance(widget, QuestionTable):
            if widget.is_mounted and widget.columns:
                widget.show(data, state)
        else:
            widget.show(data)

    def _show_latest(self) -> None:
        if self._shown is not None:
            self.show_room(*self._shown)

    def take_over(self, view: StepView) -> bool:
        """A question after a question on the same scale (the commitment test's eighteen in a row): the prompt,
        the body and the answers change in place, nothing is mounted; anything else gets a view of its own."""
        if not isinstance(view, QuestionView) or not self._same_shape(view) or self.query(BallotBox):
            return False  # a ballot box keeps the last ballot to take back: a secret step's box is never reused
        self._leave_focus()
        for old in self.query(CommentField):
            old.remove()  # a comment being typed is saved as it goes (its field saves on removal)
        self.step = view.step
        question = self.step.question
        if question is not None:
            self.query_one(".-question", Prompt).show(question.text)
        if self.step.body.strip():
            from bootcamp.ui.widgets.markdown_body import MarkdownBody

            self.query_one(MarkdownBody).update(self.step.body)
        for table in self.query(QuestionTable):
            table.start_step(self.step.key)
        for hint in self.query(KeysHint):
            hint.moved_on("")
        return True

    def _same_shape(self, view: QuestionView) -> bool:
        """Whether ``view`` is made of the same widgets: the same audience, scale (its keys and choices),
        a question and a body where this one has them."""
        mine, theirs = self.scale, view.scale
        return (
            type(view) is type(self)
            and view.presenter == self.presenter
            and view.live is self.live
            and mine is not None
            and theirs is not None
            and mine.id == theirs.id
            and (view.step.question is None) == (self.step.question is None)
            and bool(view.step.body.strip()) == bool(self.step.body.strip())
            and (view.step.comment and self.presenter) == (self.step.comment and self.presenter)
        )

    def _leave_focus(self) -> None:
        """The focus goes where it would go were this view removed (the step's scroll), never into the next step."""
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            return
        for ancestor in self.ancestors:
            if isinstance(ancestor, Widget) and ancestor.focusable:
                ancestor.focus(scroll_visible=False)
                return
        self.app.set_focus(None)

    @on(MovedOn)
    def _moved_on(self, message: MovedOn) -> None:
        for hint in self.query(KeysHint):
            hint.moved_on(message.said)

    def on_descendant_focus(self) -> None:
        self._show_hint()

    def on_descendant_blur(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        focused = self.app.focused
        commenting = "Enter or Esc goes back to the answers" if isinstance(focused, AutosaveInput) else ""
        for hint in self.query(KeysHint):
            hint.focus_here(isinstance(focused, (QuestionTable, BallotBox)), away=commenting)

    def focus_answers(self) -> bool:
        answers = self._answering
        if answers is not None and answers.can_focus:
            if isinstance(answers, AnswerTable):
                answers.land()
            else:
                answers.focus()
            return True
        return False

    @on(QuestionTable.CommentWanted)
    def _comment_wanted(self, message: QuestionTable.CommentWanted) -> None:
        assert self.live is not None
        for old in self.query(CommentField):
            old.remove()
        participant = message.participant
        live, step_key = self.live, self.step.key
        answer = live.answer(participant.id, step_key)

        def save(text: str) -> None:
            request(self, CommentAnswer(participant.id, step_key, text))

        label = joined("Comment from ", (participant.display_name, "bold"), ("  ·  Enter or Esc: back", "dim"))
        self.query_one("#answers", Vertical).mount(CommentField(save, label.plain, answer.comment if answer else ""))


def _hint(secret: bool) -> str:
    if secret:
        return "x takes back the last ballot · r reveals the tally"
    return "a key answers for the person at the cursor · c comment · x clear"


VIEW = QuestionView

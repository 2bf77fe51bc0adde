"""The agenda: sessions → steps, marking where the room is, what is done and what was skipped."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from bootcamp.content.model import Step
from bootcamp.flow import Flow, format_minutes
from bootcamp.ui.text import joined, one_line, plain

CURRENT, DONE, SKIPPED, AHEAD = "▶", "✓", "↷", "·"
LEGEND = f"{CURRENT} now  {DONE} done  {SKIPPED} skipped"
LABEL_INDENT = 2  # a step's guide, or a session's toggle (▼), before its label


class Agenda(Tree[str]):
    """Tree nodes carry the step key (sessions carry ""); choosing a step posts :class:`StepChosen`."""

    DEFAULT_CSS = """
    Agenda {
        padding: 0;
        overflow-x: hidden;  /* long titles are shortened with …, not scrolled: the step box shows them whole */
        scrollbar-size-vertical: 1;
        & > .tree--guides { color: $panel-lighten-2; }
    }
    """

    class StepChosen(Message):
        def __init__(self, step_key: str) -> None:
            super().__init__()
            self.step_key = step_key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Agenda", data="", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._step_nodes: dict[str, TreeNode[str]] = {}
        self._agenda_steps: dict[str, Step] = {}
        self._marks: dict[str, str] = {}
        self._sessions: list[tuple[TreeNode[str], str, str]] = []  # (node, title, minutes)
        self._room = 0  # cells a label has beside its guide or toggle; 0 until the agenda has a width

    def label_room(self) -> int:
        """Cells a label has: the width inside the agenda less the guide (steps) or the toggle (sessions)."""
        return max(8, self.scrollable_content_region.width - LABEL_INDENT) if self.size.width else 0

    def on_resize(self) -> None:
        room = self.label_room()
        if room != self._room and self._step_nodes:
            self._room = room
            self._relabel()

    def _relabel(self) -> None:
        for node, title, minutes in self._sessions:
            node.set_label(self._session_label(title, minutes))
        for key, node in self._step_nodes.items():
            if key in self._marks:
                node.set_label(self._label(self._agenda_steps[key], self._marks[key]))

    def show_flow(self, flow: Flow) -> None:
        """Build the tree on first use, then refresh the marks and move the cursor to the current step."""
        if not self._step_nodes:
            self._room = self.label_room()
            self._add_nodes(flow)
        current = flow.current.key
        for key, node in self._step_nodes.items():
            mark = self._mark(key, flow, current)
            if self._marks.get(key) != mark:  # relabel only what changed: a move touches two or three steps
                self._marks[key] = mark
                node.set_label(self._label(self._agenda_steps[key], mark))
        # After the next refresh: a tree that was just filled has not numbered its lines yet.
        self.call_after_refresh(self._place_cursor, current)

    def _place_cursor(self, step_key: str) -> None:
        node = self._step_nodes.get(step_key)
        if node is None:
            return
        self.move_cursor(node, animate=False)
        if node.parent is not None:
            # The session heading first, so the current step is seen with the session it belongs to.
            self.scroll_to_node(node.parent, animate=False)
        self.scroll_to_node(node, animate=False)

    def _add_nodes(self, flow: Flow) -> None:
        self.clear()
        session_node = None
        session_id = None
        for step in flow.steps:
            if step.session_id != session_id:
                session_id = step.session_id
                session = flow.program.session(session_id)
                minutes = sum(s.minutes for s in flow.steps if s.session_id == session_id)
                title = session.title if session else session_id
                session_node = self.root.add(self._session_label(title, format_minutes(minutes)), data="", expand=True)
                self._sessions.append((session_node, title, format_minutes(minutes)))
            assert session_node is not None
            self._step_nodes[step.key] = session_node.add_leaf(plain(self._fit(step.title, self._room - 2)), data=step.key)
            self._agenda_steps[step.key] = step

    def _fit(self, title: str, room: int) -> str:
        """The title shortened with … to ``room`` cells (whole while the agenda has no width yet)."""
        return one_line(title, room) if self._room else title

    def _session_label(self, title: str, minutes: str) -> Text:
        """The session's minutes always whole: the title makes way for them."""
        return joined((self._fit(title, self._room - len(minutes) - 2), "bold"), (f"  {minutes}", "dim"))

    @staticmethod
    def _mark(key: str, flow: Flow, current: str) -> str:
        if key == current:
            return CURRENT
        if flow.is_skipped(key):
            return SKIPPED
        return DONE if flow.is_done(key) else AHEAD

    def _label(self, step: Step, mark: str) -> Text:
        title = self._fit(step.title, self._room - len(mark) - 1)
        if mark == CURRENT:
            return joined((f"{mark} ", "bold"), (title, "bold"))
        if mark == SKIPPED:
            return joined((f"{mark} ", "dim"), (title, "dim strike"))
        if mark == DONE:
            return joined((f"{mark} ", "dim"), (title, "dim"))
        return joined((f"{mark} ", "dim"), title)

    @on(Tree.NodeSelected)
    def _chosen(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data:
            self.post_message(self.StepChosen(event.node.data))

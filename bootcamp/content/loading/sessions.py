"""Reading a session's file: its steps, each of a kind with the fields that kind needs, and the steps its
discussions show."""

from __future__ import annotations

from collections.abc import Iterable

from bootcamp.content.loading.fields import ID_PATTERN, FieldReader, describe
from bootcamp.content.model import AGENDA_IDS, SHOWN_KINDS, Perspective, ProbeQuestion, Session, Step, StepKind
from bootcamp.content.yamlnodes import Located

# The fields of every step, then each kind's own: (required, optional).
_STEP_COMMON = ("id", "kind", "title", "minutes")
_STEP_OPTIONAL = ("body", "notes", "agendas")
_STEP_KIND_FIELDS: dict[StepKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    StepKind.TEACH: (("body",), ()),
    StepKind.RATE: (("items", "scale", "perspectives"), ("rated_for",)),
    StepKind.QUESTION: (("question", "dimension", "scale", "ask_next", "do_next"), ("comment",)),
    StepKind.CHECK: (("exercise",), ()),
    StepKind.EXERCISE: (("exercise",), ()),
    StepKind.DISCUSS: (("body",), ("shows",)),
    StepKind.ACTIONS: ((), ()),
}
# The kinds whose body is the slide itself (the others show items, a question, an exercise under it)
_BODY_SHOWN = (StepKind.TEACH, StepKind.DISCUSS)
# (discuss step, line, field) of each ``shows`` in a session: checked once its steps are read
_Shows = list[tuple[Step, int, str]]


def read_session(reader: FieldReader, node: Located) -> Session | None:
    reader.fields(node, "", ["id", "title", "summary", "steps"], [])
    session_id = reader.ident(node, "id", "")
    shows: _Shows = []
    kind_unknown: set[str] = set()  # ids of steps whose kind is wrong: said once, on the kind
    steps = reader.listed(
        node, "steps", "", lambda n, f: _step(reader, n, f, session_id, shows, kind_unknown), "step"
    )
    _shown_steps(reader, steps, shows, kind_unknown)
    return Session(session_id, reader.text(node, "title", ""), reader.text(node, "summary", ""), tuple(steps))


def _shown_steps(reader: FieldReader, steps: list[Step], shows: _Shows, kind_unknown: set[str]) -> None:
    """Each discussion's ``shows`` names a rate or check step before it in the session, in every agenda it is in
    (a step whose kind is wrong is not known to be either: its kind is the one problem)."""
    position = {}
    for number, step in enumerate(steps):
        position.setdefault(step.id, number)
    for step, line, field in shows:
        if step.shows in kind_unknown and step.shows not in position:
            continue
        shown_at = position.get(step.shows)
        here = position.get(step.id, len(steps))
        if shown_at is None:
            earlier = ", ".join(s.id for s in steps[:here] if s.kind in SHOWN_KINDS) or "none"
            before = f"its rate and check steps before this one: {earlier}"
            message = f"no step '{step.shows}' in this session ({before})"
        elif (shown := steps[shown_at]).kind not in SHOWN_KINDS:
            message = (
                f"'{shown.id}' is a {shown.kind.value} step: a discussion shows the results of a rate or check step"
            )
        elif shown_at > here:
            message = (
                f"'{shown.id}' comes after this step: "
                "a discussion shows the results of a rate or check step before it"
            )
        elif missing := [agenda for agenda in step.agendas if agenda not in shown.agendas]:
            message = (
                f"'{shown.id}' is left out of the {missing[0]} agenda, which this step is in: add {missing[0]} to "
                f"its agendas, or leave this step out of the {missing[0]} agenda too"
            )
        else:
            continue
        reader.problem(line, field, message)


def _step(
    reader: FieldReader, node: Located, field: str, session_id: str, shows: _Shows, kind_unknown: set[str]
) -> Step | None:
    raw_kind = node.get("kind")
    if isinstance(raw_kind, str):  # as every text is read: a space pasted after it (a no-break one too) is not seen
        raw_kind = raw_kind.strip()
    try:
        kind = StepKind(raw_kind)
    except ValueError:
        line, message = _not_a_kind(node, raw_kind)
        reader.problem(line, f"{field}.kind", message)
        reader.fields(node, field, [k for k in _STEP_COMMON if k != "kind"], list(node))  # the kind is said once
        # the fields every step has are checked all the same: the author learns of them now, not after the kind
        kind_unknown.add(_common_fields(reader, node, field, session_id, None)["id"])
        return None
    required, optional = _STEP_KIND_FIELDS[kind]
    reader.fields(node, field, _STEP_COMMON + required, _STEP_OPTIONAL + optional)
    common = _common_fields(reader, node, field, session_id, kind)
    _body_shown(reader, node, field, kind)
    step_id = common["id"]
    step = Step(**common)  # type: ignore[arg-type]
    if kind is StepKind.RATE:
        perspectives = []
        for value, line, entry_field in reader.sequence(node, "perspectives", field) if "perspectives" in node else []:
            try:
                perspectives.append(Perspective(value))
            except ValueError:
                reader.problem(line, entry_field, f"unknown perspective '{value}' (expected self or team)")
        step = Step(  # type: ignore[arg-type]
            **common,
            items=reader.ref(node, "items", field, "item list"),
            scale=reader.ref(node, "scale", field, "scale"),
            perspectives=tuple(perspectives),
            rated_for=_rated_for(reader, node, field, perspectives),
        )
    elif kind is StepKind.QUESTION:
        question = ProbeQuestion(
            id=step_id,
            text=reader.plain_text(node, "question", field),
            dimension=reader.ref(node, "dimension", field, "dimension"),
            scale=reader.ref(node, "scale", field, "scale"),
            ask_next=reader.text(node, "ask_next", field),
            do_next=reader.text(node, "do_next", field),
        )
        comment = reader.boolean(node, "comment", field, True)
        step = Step(**common, scale=question.scale, question=question, comment=comment)  # type: ignore[arg-type]
    elif kind is StepKind.DISCUSS and "shows" in node:
        step = Step(**common, shows=_shown_id(reader, node, field))  # type: ignore[arg-type]
        if step.shows:
            shows.append((step, node.line_of("shows"), f"{field}.shows"))
    elif kind in (StepKind.CHECK, StepKind.EXERCISE):
        wanted = "role-check exercise" if kind is StepKind.CHECK else "poker exercise"
        step = Step(**common, exercise=reader.ref(node, "exercise", field, wanted))  # type: ignore[arg-type]
    return step


def _common_fields(
    reader: FieldReader, node: Located, field: str, session_id: str, kind: StepKind | None
) -> dict[str, object]:
    """The fields every step has, read whatever its kind (None: a kind that is wrong)."""
    return dict(
        id=reader.ident(node, "id", field),
        session_id=session_id,
        kind=kind,
        title=reader.plain_text(node, "title", field),
        minutes=reader.minutes(node, "minutes", field) if "minutes" in node else 0.0,
        body=reader.markdown(node, "body", field, default=""),
        notes=reader.text(node, "notes", field, default=""),
        agendas=tuple(_agenda_ids(reader, node, field)) if "agendas" in node else AGENDA_IDS,
    )


def _body_shown(reader: FieldReader, node: Located, field: str, kind: StepKind) -> None:
    """A teach or discuss step shows its body to the room: one left empty would project an empty slide. (Text that
    is no text, a list or nothing, is said by the reader; a stored copy opens as it was accepted.)"""
    body = node.get("body")
    if kind in _BODY_SHOWN and isinstance(body, str) and not body.strip() and not reader.stored_copy:
        message = f"must not be empty: a {kind.value} step shows its body to the room (write it under 'body: |')"
        reader.problem(node.line_of("body"), f"{field}.body", message)


def _not_a_kind(node: Located, raw_kind: object) -> tuple[int, str]:
    """Where and how a step's kind is wrong: left out, not a word (a list, nothing), or a word that is no kind."""
    kinds = ", ".join(k.value for k in StepKind)
    if "kind" not in node:
        return node.line, f"missing required field (expected one of: {kinds})"
    if not isinstance(raw_kind, str):
        return node.line_of("kind"), f"must be one of: {kinds}; got {describe(raw_kind)}"
    return node.line_of("kind"), f"unknown step kind '{raw_kind}' (expected one of: {kinds})"


def _rated_for(reader: FieldReader, node: Located, field: str, perspectives: list[Perspective]) -> str:
    """What a rate step with one perspective is rated for, in the room's words ("the company")."""
    if "rated_for" not in node:
        return ""
    text = reader.plain_text(node, "rated_for", field)
    if len(perspectives) > 1:
        listed = ", ".join(p.value for p in perspectives)
        message = (
            f"names what one perspective is rated for, and this step has more than one ({listed}), each "
            "asked in its own words: leave rated_for out, or keep one perspective"
        )
        reader.problem(node.line_of("rated_for"), f"{field}.rated_for", message)
        return ""
    return text


def _shown_id(reader: FieldReader, node: Located, field: str) -> str:
    """The id of the step a discussion shows: a step of its own session, so "session/step" is refused."""
    value = reader.text(node, "shows", field)
    if "/" in value:
        step_id = value.rpartition("/")[2]
        message = f"name the step by its id alone ('{step_id}'): a discussion shows a step of its own session"
        reader.problem(node.line_of("shows"), f"{field}.shows", message)
        return ""
    step_id = reader.ident(node, "shows", field)
    return step_id if ID_PATTERN.match(step_id) else ""  # a bad id is one problem, not also a missing step


def _agenda_ids(reader: FieldReader, node: Located, field: str) -> Iterable[str]:
    for value, line, entry_field in reader.sequence(node, "agendas", field):
        if value not in AGENDA_IDS:
            reader.problem(line, entry_field, f"unknown agenda '{value}' (expected one of: {', '.join(AGENDA_IDS)})")
        else:
            yield value


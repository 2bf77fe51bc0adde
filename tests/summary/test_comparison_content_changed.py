"""Progress between two runs whose content changed in between: a question removed, added, reworded or moved to
another scale. A dimension is compared on the questions both runs asked on the same scale, and the comparison names
the others, so a run cannot show progress by no longer asking what went badly, nor by a new question, nor by a
scale that counts differently.

Each run is scored with its own content (as a workshop keeps the copy it was run with): the earlier one on the
fixture content with a second mandate question, ``basics/mandate-ceo``, the later one on content edited by hand.
"""

from __future__ import annotations

from summary_rooms import FIXTURE, MANDATE, Room_, participants

from bootcamp.content.loader import load_sources, read_sources
from bootcamp.export.comparison_json import comparison_to_data
from bootcamp.export.comparison_markdown import render_comparison_markdown
from bootcamp.export.comparison_text import notes
from bootcamp.export.report_text import method_notes
from bootcamp.store.model import Answer
from bootcamp.summary.comparison import compare
from bootcamp.summary.comparison_model import Measured
from bootcamp.summary.report import build_report

CEO = "basics/mandate-ceo"
NEW = "basics/mandate-new"
MANDATE_TEXT = "Do leaders let one person drive agreement on the customer strategy?"
CEO_STEP = """
  - id: mandate-ceo
    kind: question
    title: The CEO's word
    minutes: 2
    question: Has the CEO said plainly what we should become for our customers?
    dimension: mandate
    scale: commitment
    ask_next: Where would an employee find it?
    do_next: Draft it with the CEO.
"""
NEW_STEP = CEO_STEP.replace("mandate-ceo", "mandate-new").replace(
    "Has the CEO said plainly what we should become for our customers?", "Does the board ask about customers?"
)
AGREEMENT = """
  agreement:
    title: Disagree to agree
    options:
      - {id: disagree, label: Disagree, value: 1, key: "1"}
      - {id: neutral, label: Neutral, value: 2, key: "2"}
      - {id: agree, label: Agree, value: 3, key: "3"}
      - {id: dont-know, label: Don't know, key: d, dont_know: true}
"""


def _content(*, steps: str = "", question: str = MANDATE_TEXT, scale: str = "commitment"):
    """The fixture content with ``steps`` after the mandate question, its text and scale as given."""
    sources = read_sources(FIXTURE)
    basics = sources["sessions/basics.yaml"]
    mandate_step = basics.index("  - id: mandate")
    after_it = basics.index("  - id: role")
    step = basics[mandate_step:after_it].replace(MANDATE_TEXT, question).replace("scale: commitment", f"scale: {scale}")
    sources["sessions/basics.yaml"] = basics[:mandate_step] + step + steps.lstrip("\n") + basics[after_it:]
    sources["sessions/program.yaml"] = sources["sessions/program.yaml"].replace("scales:\n", "scales:" + AGREEMENT, 1)
    return load_sources(sources)


def _report(program, answers: dict[str, tuple[str, ...]], *, workshop_id: str, date: str):
    room = Room_(
        participants(4),
        [Answer(f"p{n}", step, value=value) for step, values in answers.items() for n, value in enumerate(values, 1)],
        workshop_id=workshop_id,
        date=date,
    )
    return build_report(program, room.info, room.answers, room.room, room.state)


def _earlier(answers: dict[str, tuple[str, ...]], **content):
    return _report(_content(**content), answers, workshop_id="w1", date="2026-09-21")


def _later(answers: dict[str, tuple[str, ...]], **content):
    return _report(_content(**content), answers, workshop_id="w2", date="2027-03-01")


def _mandate(comparison):
    return next(d for d in comparison.dimensions if d.id == "mandate")


def test_a_question_removed_since_is_left_out_of_the_earlier_score_not_counted_as_progress() -> None:
    """The CCO's room answered 'the CEO's word' No a year ago; the content has dropped that question since. The
    room answered the question both runs asked the same (all Yes), and Progress read 'Mandate 50 → 100 (+50)'."""
    earlier = _earlier({MANDATE: ("yes",) * 4, CEO: ("no",) * 4}, steps=CEO_STEP)
    later = _later({MANDATE: ("yes",) * 4})
    assert earlier.dimensions[0].score == 50  # as the earlier run's own summary says
    comparison = compare(earlier, later)
    mandate = _mandate(comparison)
    assert (mandate.score_before, mandate.score_after, mandate.change) == (100, 100, 0)
    assert (mandate.run_score_before, mandate.run_score_after) == (50, 100)
    [left_out] = mandate.left_out
    assert (left_out.step_key, left_out.why.value) == (CEO, "earlier-only")
    assert comparison.overall.change == 0
    assert not comparison.overall.same_dimensions  # the two overall scores (50 and 100) are not compared
    said = " ".join(notes(comparison))
    assert "Has the CEO said plainly what we should become for our customers?" in said
    assert "asked only in the earlier run" in said
    markdown = render_comparison_markdown(comparison)
    assert "+50" not in markdown
    data = comparison_to_data(comparison)
    [dimension] = [d for d in data["dimensions"] if d["id"] == "mandate"]
    assert dimension["change"] == 0 and dimension["run_score_before"] == 50
    assert dimension["question_changes"][0]["why"] == "earlier-only"


def test_a_new_question_is_not_counted_as_progress() -> None:
    """The later content adds a question the room answers Yes: Progress read 'Mandate 50 → 75 (+25)'."""
    earlier = _earlier({MANDATE: ("partly",) * 4})
    later = _later({MANDATE: ("partly",) * 4, NEW: ("yes",) * 4}, steps=NEW_STEP)
    mandate = _mandate(compare(earlier, later))
    assert (mandate.score_before, mandate.score_after, mandate.change) == (50, 50, 0)
    assert [(q.step_key, q.why.value) for q in mandate.left_out] == [(NEW, "later-only")]


def test_a_question_moved_to_another_scale_is_not_compared_as_if_the_same() -> None:
    """The later content asks the mandate question on a three-point agreement scale: all No then (0) against all
    Agree now (100) read as '+100' progress, where the two scales count differently."""
    earlier = _earlier({MANDATE: ("no",) * 4})
    later = _later({MANDATE: ("agree",) * 4}, scale="agreement")
    comparison = compare(earlier, later)
    mandate = _mandate(comparison)
    assert mandate.change is None
    assert (mandate.run_score_before, mandate.run_score_after) == (0, 100)
    assert mandate.measured is Measured.NEITHER
    assert [q.why.value for q in mandate.left_out] == ["scale-changed"]
    said = " ".join(notes(comparison))
    assert "Yes, partly or no then, Disagree to agree now" in said
    assert "+100" not in render_comparison_markdown(comparison)


def test_a_reworded_question_is_compared_by_its_id_and_the_reader_told_both_wordings() -> None:
    earlier = _earlier({MANDATE: ("no",) * 4})
    later = _later({MANDATE: ("yes",) * 4}, question="Does one named leader drive the customer strategy?")
    comparison = compare(earlier, later)
    mandate = _mandate(comparison)
    assert mandate.change == 100 and not mandate.left_out
    assert [q.why.value for q in mandate.question_changes] == ["reworded"]
    said = " ".join(notes(comparison))
    assert MANDATE_TEXT in said and "Does one named leader drive the customer strategy?" in said


def test_unchanged_content_says_nothing_of_questions() -> None:
    earlier = _earlier({MANDATE: ("no",) * 4})
    later = _later({MANDATE: ("yes",) * 4})
    comparison = compare(earlier, later)
    assert not _mandate(comparison).question_changes
    assert _mandate(comparison).change == 100 and comparison.overall.same_dimensions


def test_the_content_versions_are_named_and_said_what_they_are() -> None:
    """The summary's last page showed 'content 88d67830c806' and the comparison 'The boot camp content changed',
    with nothing to tie the one to the other or say what the figure is."""
    earlier = _earlier({MANDATE: ("no",) * 4}, steps=CEO_STEP)
    later = _later({MANDATE: ("yes",) * 4})
    [said] = [note for note in notes(compare(earlier, later)) if note.startswith("The boot camp content changed")]
    assert f"version {earlier.content_hash[:12]} then, {later.content_hash[:12]} now" in said
    [method] = [note for note in method_notes(later) if "version" in note]
    assert later.content_hash[:12] in method and "kept with it" in method


def test_no_level_move_is_given_between_overall_scores_that_are_not_compared() -> None:
    """The earlier run asked the CEO question as well (Yes then Partly: 75, Hard-wired); the later one asked only the
    question both asked (Partly: 50, Lip service). The overall scores were said 'not compared', yet Progress and the
    JSON gave 'Level: Hard-wired → Lip service ↓' (level_move 'down'), the very comparison withheld."""
    earlier = _earlier({MANDATE: ("yes",) * 4, CEO: ("partly",) * 4}, steps=CEO_STEP)
    later = _later({MANDATE: ("partly",) * 4})
    comparison = compare(earlier, later)
    assert not comparison.overall.same_dimensions
    assert comparison.overall.level_move is None
    assert comparison_to_data(comparison)["overall"]["level_move"] is None
    markdown = render_comparison_markdown(comparison)
    overall = markdown[markdown.index("## Overall") : markdown.index("## Dimensions")]
    assert "Level: Hard-wired → Lip service." in overall  # each run's level, and no move between them


def test_a_scale_whose_option_ids_changed_under_the_same_title_is_said_so() -> None:
    """The scale kept its title and labels but its 'No' option's id changed ('no' → 'not'), so the answers are not
    compared; the note read 'asked on Yes, partly or no then, Yes, partly or no now', naming no difference."""
    sources = read_sources(FIXTURE)
    sources["sessions/program.yaml"] = sources["sessions/program.yaml"].replace('{id: "no",', '{id: "not",', 1)
    earlier = _earlier({MANDATE: ("no",) * 4})
    later = _report(load_sources(sources), {MANDATE: ("not",) * 4}, workshop_id="w2", date="2027-03-01")
    comparison = compare(earlier, later)
    assert [q.why.value for q in _mandate(comparison).left_out] == ["scale-changed"]
    said = " ".join(notes(comparison))
    assert "Yes, partly or no then, Yes, partly or no now" not in said
    assert "asked on Yes, partly or no both times, whose options changed" in said


def test_a_question_no_one_answered_is_not_said_asked_nor_keeps_the_overall_scores_apart() -> None:
    """The earlier run's content had the CEO question but the room never got to it (no answer); the content dropped
    it since. The note said it was 'asked only in the earlier run', and the two overall scores (100 and 100, of the
    very same answers) were 'not compared'."""
    earlier = _earlier({MANDATE: ("yes",) * 4}, steps=CEO_STEP)
    later = _later({MANDATE: ("yes",) * 4})
    comparison = compare(earlier, later)
    assert not _mandate(comparison).left_out
    assert comparison.overall.same_dimensions and comparison.overall.change == 0
    assert "asked only in the earlier run" not in " ".join(notes(comparison))


def test_a_question_answered_in_one_run_only_on_another_scale_is_still_left_out() -> None:
    """Nobody answered the mandate question in the earlier run; the later run asked it on another scale: the later
    run's answers count differently, so they stay out of its score."""
    earlier = _earlier({CEO: ("yes",) * 4}, steps=CEO_STEP)
    later = _later({MANDATE: ("agree",) * 4, CEO: ("yes",) * 4}, steps=CEO_STEP, scale="agreement")
    mandate = _mandate(compare(earlier, later))
    assert [(q.step_key, q.why.value) for q in mandate.left_out] == [(MANDATE, "scale-changed")]
    assert (mandate.score_before, mandate.score_after) == (100, 100)


def test_a_dimension_whose_only_question_changed_scale_is_said_so_not_called_measured_in_neither_run() -> None:
    """Mandate's one question moved to another scale: both runs scored Mandate on their own, nothing can be compared.
    The headline said "No dimension was measured in both runs" and "the runs measured different dimensions (1 and 1,
    0 in common)", where each run measured the same one, on a question asked differently."""
    comparison = compare(_earlier({MANDATE: ("no",) * 4}), _later({MANDATE: ("agree",) * 4}, scale="agreement"))
    assert comparison.overall.questions_left_out == 1
    shown = render_comparison_markdown(comparison)
    assert "No dimension was measured in both runs" not in shown
    assert "measured different dimensions" not in shown
    assert "No dimension was asked alike in both runs: no change can be told" in shown
    assert "The runs asked different questions (1 question left out)" in shown
    assert comparison_to_data(comparison)["overall"]["questions_left_out"] == 1

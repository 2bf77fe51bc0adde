"""The role check's learned words: where no marker decides they may, a marker's call stands, every reason names
the line's own words in one sentence, and the weights are content checked with file and line."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bootcamp.content import load_dir
from bootcamp.content.model import Leaning, LearnedWords, Marker, RoleCheck
from bootcamp.content.rolecheck import suggest
from bootcamp.content.rolecheck_words import stem, terms, weigh
from tests.content.role_check_copies import problem_said, row_added_to_block, setting_changed

ROOT = Path(__file__).resolve().parents[2]
CHECK = next(e for e in load_dir(ROOT).exercises if isinstance(e, RoleCheck))
# Small hand-made weights, so that each test says what it relies on (the shipped ones are learned and change).
WORDS = "rota -1.5\nagent -0.6\npicnic -1.5\nboard 1.2\nlead 0.3\nexperience 0.9\nstrategic 3.0\n"


def check_with(*, markers: bool = False, bias: float = 0.0, margin: float = 1.0, words: str = WORDS) -> RoleCheck:
    check = replace(CHECK, learned=LearnedWords(bias, margin, words))
    return check if markers else replace(check, markers=())


def one_sentence(reason: str) -> bool:
    return reason.endswith(".") and ". " not in reason.rstrip(".")


def test_where_no_marker_decides_the_learned_words_do_and_the_reason_names_the_lines_own_words() -> None:
    suggestion = suggest("Plan the agents' rota for the weekend", check_with())
    assert suggestion.leaning is Leaning.TACTICAL
    assert suggestion.reason == (
        'Leans tactical: no marker decides it, but in the labelled postings, duties that speak of "rota" and "agents" '
        "were mostly tactical."
    )


def test_a_real_sign_of_the_other_side_is_named_too() -> None:
    suggestion = suggest("Plan the rota and the agents' picnic with the board", check_with())
    assert suggestion.leaning is Leaning.TACTICAL
    assert '(it also speaks of "board", which leans strategic)' in suggestion.reason
    assert one_sentence(suggestion.reason)


def test_markers_that_tie_and_leave_the_call_to_the_words_are_still_named() -> None:
    # a vision (strategic) against one department's strategy (tactical, weight 2) with measures (strategic): the
    # markers tie, the words decide, and the room still hears the marker the words went against (held_out_23)
    words = "vision 0.2\nsuccess 1.5\n"
    line = "Set the vision and plan for customer success and the measures used to judge it"
    suggestion = suggest(line, check_with(markers=True, words=words))
    assert suggestion.leaning is Leaning.STRATEGIC, suggestion.reason
    assert "no marker decides it" in suggestion.reason
    assert "(it also touches on a support department's strategy, which leans tactical)" in suggestion.reason
    assert one_sentence(suggestion.reason)


def test_a_light_word_of_the_other_side_is_not_named() -> None:
    # "lead" weighs 0.3, under OTHER_SIDE_SIGN (0.4): naming every light word would name a side on nearly every line
    suggestion = suggest("Plan the rota with the leaders", check_with())
    assert suggestion.leaning is Leaning.TACTICAL
    assert "leaders" not in suggestion.reason and "strategic" not in suggestion.reason


def test_light_words_of_the_other_side_that_together_reach_the_margin_are_named() -> None:
    words = "rota -3.0\nlead 0.3\nexperience 0.3\nboard 0.3\n"  # each under OTHER_SIDE_SIGN, together over OTHER_SIDE_TOTAL
    suggestion = suggest("Plan the rota with the leaders, the board and the experience team", check_with(words=words))
    assert suggestion.leaning is Leaning.TACTICAL
    assert "which leans strategic)" in suggestion.reason


def test_below_the_margin_the_line_stays_undecided() -> None:
    assert suggest("Brief the board", check_with(margin=1.5)).leaning is Leaning.UNDECIDED
    assert suggest("Brief the board", check_with(margin=1.0)).leaning is Leaning.STRATEGIC


def test_the_bias_alone_never_decides_a_line_a_word_must() -> None:
    # most labelled lines are tactical, so the learned bias leans tactical: a line of unknown words is still undecided
    suggestion = suggest("Keep the office diary", check_with(bias=-5.0))
    assert suggestion.leaning is Leaning.UNDECIDED
    assert suggest("Keep the agents' diary", check_with(bias=-5.0)).leaning is Leaning.TACTICAL


def test_a_markers_tactical_call_stands_whatever_the_words_say() -> None:
    # doubting a tactical call when the words lean strategic removed no wrong call in the cross-check, only right ones
    line = "Handle the strategic escalations"
    markers_only = suggest(line, replace(CHECK, learned=None))
    assert markers_only.leaning is Leaning.TACTICAL
    assert suggest(line, check_with(markers=True)) == markers_only  # though "strategic" weighs 3.0 in WORDS


def test_a_markers_strategic_call_stands_unless_the_lines_words_doubt_it() -> None:
    # on postings the markers were not written against, doubting them removed most of their calls the wrong way (README)
    confirmed = "Set the vision for the board"  # "board" weighs 1.2
    assert suggest(confirmed, check_with(markers=True)) == suggest(confirmed, replace(CHECK, learned=None))
    assert suggest(confirmed, check_with(markers=True)).leaning is Leaning.STRATEGIC
    doubted = suggest("Set the vision for the staff picnic", check_with(markers=True))  # "picnic" -1.5: a real sign
    assert suggest("Set the vision for the staff picnic", replace(CHECK, learned=None)).leaning is Leaning.STRATEGIC
    assert doubted.leaning is Leaning.UNDECIDED
    assert doubted.reason == (
        "Undecided: it has strategic signs (vision and objectives), but in the labelled postings, duties that speak "
        'of "picnic" were mostly tactical, so the room decides.'
    )
    # words that were never learned, or a tactical word under DOUBTING_SIGN ("parking" -0.5), do not doubt it
    unknown = suggest("Set the vision for the garden", check_with(markers=True))
    assert unknown.leaning is Leaning.STRATEGIC and one_sentence(unknown.reason)
    light = suggest("Set the vision for the parking", check_with(markers=True, words=WORDS + "park -0.5\n"))
    assert light.leaning is Leaning.STRATEGIC
    assert '(it also speaks of "parking", which leans tactical)' in light.reason and one_sentence(light.reason)
    # strategic words outweighing the tactical sign by WORDS_CONFIRMING_STRATEGIC keep it too: -1.5 + 1.2 + 0.9 = 0.6
    outweighed = suggest("Set the vision for the staff picnic with the board and its experience", check_with(markers=True))
    assert outweighed.leaning is Leaning.STRATEGIC


def test_an_unconfirmed_strategic_call_gives_way_to_words_leaning_tactical_by_twice_the_margin() -> None:
    # "picnic" alone (-1.5) only doubts the marker's call; with "barbecue" (-3.0, twice the margin of 1.0) it outweighs it
    check = replace(check_with(markers=True), learned=LearnedWords(0.0, 1.0, WORDS + "barbecue -1.5\n"))
    outweighed = suggest("Set the vision for the staff picnic barbecue", check)
    assert outweighed.leaning is Leaning.TACTICAL
    assert outweighed.reason == (
        'Leans tactical: in the labelled postings, duties that speak of "picnic" and "barbecue" were mostly tactical, '
        "strongly enough to outweigh its strategic signs (it also speaks of vision and objectives, which leans strategic)."
    )
    wider = replace(check, learned=LearnedWords(0.0, 2.0, WORDS + "barbecue -1.5\n"))
    assert suggest("Set the vision for the staff picnic barbecue", wider).leaning is Leaning.UNDECIDED


def test_strategic_signs_far_ahead_stand_without_the_words() -> None:
    # a facilitator's own marker can be given a weight that needs no confirmation
    heavy = Marker("owners", Leaning.STRATEGIC, "Owner reporting", "Owners keep customers on their agenda.", (r"\bowners\b",), 4.0)
    check = replace(check_with(markers=True), markers=(*CHECK.markers, heavy))
    assert suggest("Plan the staff picnic with the owners", check).leaning is Leaning.STRATEGIC
    lighter = replace(check, markers=(*CHECK.markers, replace(heavy, weight=3.0)))
    assert suggest("Plan the staff picnic with the owners", lighter).leaning is Leaning.UNDECIDED


def test_the_words_never_call_a_duty_inside_the_leaders_own_unit_strategic() -> None:
    assert suggest("Brief the board on experience", check_with()).leaning is Leaning.STRATEGIC
    inside = suggest("Brief the board on the team's experience", check_with())
    assert inside.leaning is Leaning.UNDECIDED


def test_strategic_as_an_adjective_does_not_weigh_for_the_learned_words_either() -> None:
    # "strategic" weighs 3 in WORDS, but "strategic accounts" is set aside before the words are weighed
    suggestion = suggest("Plan visits to strategic accounts", check_with())
    assert suggestion.leaning is Leaning.UNDECIDED
    assert "says which accounts" in suggestion.reason


def test_spellings_of_one_word_share_a_stem_and_neighbouring_words_make_pairs() -> None:
    assert stem("escalated") == stem("escalations") == stem("escalate")
    assert stem("organisation") == stem("organization")
    assert stem("process") == "process" and stem("processes") == "process"
    found = terms("Handle the escalated cases personally")
    assert found["escal case"] == "escalated cases" and found["personal"] == "personally"
    assert "the" not in found


def test_the_heaviest_words_are_shown_each_once() -> None:
    weighed = weigh("rota for agents and the agent rota", "rota -1.5\nagent -0.6\nrota agent -0.2\n", 0.0)
    assert weighed.tactical == ("rota", "agents")


def test_the_learned_words_are_read_only_when_a_line_is_weighed_not_when_the_content_loads() -> None:
    code = (
        "import sys; from pathlib import Path; from bootcamp.content import load_dir; "
        f"load_dir(Path({str(ROOT)!r})); print('bootcamp.content.rolecheck_words' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert shown.stdout.strip() == "False", shown.stderr


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("    escal case", "'escal case' is not a word or a pair of words followed by its weight"),
        ("    Escalation -1", "'Escalation -1' is not a word or a pair of words followed by its weight"),
        ("    escal case handl -0.5", "'escal case handl -0.5' is not a word or a pair of words"),
    ],
    ids=["no weight", "capitals", "three words"],
)
def test_a_bad_row_of_learned_words_gets_a_one_sentence_error_with_file_and_line(
    tmp_path: Path, row: str, complaint: str
) -> None:
    at = row_added_to_block(tmp_path, "words", row)
    problem = problem_said(tmp_path, "learned.words")
    assert f"role-check.yaml:{at + 1}" in problem and complaint in problem, problem


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("  margin:", "  margin: -1  #", "learned.margin"),
        ("  margin:", "  margin: high  #", "learned.margin"),
        ("  bias:", "  tilt:", "learned.tilt"),
    ],
    ids=["negative margin", "margin not a number", "unknown field"],
)
def test_a_bad_field_of_the_learned_words_gets_an_error_with_file_and_line(
    tmp_path: Path, old: str, new: str, complaint: str
) -> None:
    at = setting_changed(tmp_path, old, new)
    assert f"role-check.yaml:{at + 1}:" in problem_said(tmp_path, complaint)


def test_the_shipped_learned_words_are_what_the_trainer_makes_from_the_development_parts() -> None:
    from tests.content.rolecheck_crossval import development_lines
    from tests.content.rolecheck_learning import train
    from tests.content.rolecheck_train import CONTENT, LEARNED_START, SETTINGS, block

    shipped = CONTENT.read_text(encoding="utf-8").split(LEARNED_START)[1]
    lines = [line for _, line in development_lines()]
    made = block(train(lines, SETTINGS), lines).split(LEARNED_START)[1]
    assert shipped == made, "the learned words were edited by hand or the corpus changed: run python -m tests.content.rolecheck_train --write"
    assert {"dev", "held_out", "held_out_3", "held_out_4", "held_out_5", "held_out_6", "held_out_7", "held_out_8", "held_out_9", "held_out_10", "held_out_11", "held_out_12", "held_out_13", "held_out_14", "held_out_15", "held_out_16", "held_out_17", "held_out_18", "held_out_19", "held_out_20", "held_out_21", "held_out_22", "held_out_23", "held_out_24", "held_out_25", "held_out_26", "held_out_27", "held_out_28"} == {
        part for part, _ in development_lines()
    }  # never a fresh part before it is measured


def test_a_reason_never_quotes_a_word_that_says_nothing_about_the_duty() -> None:
    # "against" may carry a learned weight, but "it also speaks of "against"" would tell the room nothing
    words = WORDS + "against -0.9\n"
    suggestion = suggest("Brief the board on strategic choices against rivals", check_with(words=words))
    assert suggestion.leaning is Leaning.STRATEGIC  # 1.2 + 3.0 - 0.9
    assert "against" not in suggestion.reason and one_sentence(suggestion.reason)
    quoted = suggest("Brief the board on strategic choices for the rota against rivals", check_with(words=words))
    assert '"rota"' in quoted.reason and '"against"' not in quoted.reason  # the real sign is quoted


def test_a_reason_never_says_the_word_that_made_the_call_leans_the_other_way() -> None:
    # "objectives" is a strategic sign of the markers (strategy words); learned, it may weigh tactical in the postings,
    # but "called strategic (…objectives…), it also speaks of "objectives", which leans tactical" contradicts itself
    words = WORDS + "objective -0.5\nqueue -0.45\n"
    line = "Set the vision and objectives for the customer experience"
    suggestion = suggest(line, check_with(markers=True, words=words))
    assert suggestion.leaning is Leaning.STRATEGIC, suggestion.reason
    assert '"objectives", which leans tactical' not in suggestion.reason and one_sentence(suggestion.reason)
    # a tactical word the markers did not call the line for is still named
    named = suggest(line + " and the queue", check_with(markers=True, words=words))
    assert named.leaning is Leaning.STRATEGIC and '"queue", which leans tactical' in named.reason, named.reason


def test_a_reason_never_quotes_fillers_alone_but_keeps_a_pair_with_a_real_word() -> None:
    """A tester was told a line leaned tactical for speaking of "sure", "see" and "days": the weights may hold such
    words, a reason read to the room never quotes them, alone or as a pair of fillers ("make sure")."""
    words = "sure -2.0\nmake sure -2.0\nsee -1.5\nsee escal -1.2\nday -0.5\n"
    weighed = weigh("Make sure you see escalations within days", words, 0.0)
    assert weighed.tactical == ("see escalations", "days")
    assert weighed.score == pytest.approx(-2.0 - 2.0 - 1.5 - 1.2 - 0.5)  # the fillers still count in the score
    only_fillers = weigh("Make sure you see it", words, 0.0)
    assert only_fillers.tactical == () and only_fillers.score < -1
    # with no word the room could be told, the words decide nothing: the line is left to the room
    assert suggest("Make sure you see it", check_with(words=words)).leaning is Leaning.UNDECIDED


def test_an_answer_within_24_hours_is_not_a_round_the_clock_centre() -> None:
    within = suggest("Respond to escalated customer complaints within 24 hours", replace(CHECK, learned=None))
    assert "contact centre" not in within.reason and "escalated cases" in within.reason, within.reason
    staffed = suggest("Run a help desk staffed 24 hours a day", replace(CHECK, learned=None))
    assert "24×7 contact centre" in staffed.reason or "contact centre" in staffed.reason, staffed.reason

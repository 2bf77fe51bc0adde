"""Validation finds every problem in one pass and names file, line and field for each."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from content_edits import FIXTURE, edit, line_of, problems

from bootcamp.content import ContentError, load_dir, load_sources, read_sources


def test_fixture_content_is_valid() -> None:
    program = load_dir(FIXTURE)
    assert {step.kind.value for step in program.steps("full")} == {
        "teach", "rate", "question", "check", "exercise", "discuss", "actions"
    }


def test_bad_yaml_names_file_and_line(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, "title: Welcome", "title: [Welcome")
    found = problems(content)
    assert len(found) == 1
    assert found[0].startswith("sessions/basics.yaml:")
    assert "not valid YAML" in found[0]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("    minutes: 5\n    body: |\n      # Why", "    body: |\n      # Why", "steps[1].minutes", "missing required field"),
        ("    minutes: 4\n", "    minutes: 4\n    colour: red\n", "steps[3].colour", "unknown field"),
        ("  - id: talk", "  - id: welcome", "steps[7].id", "duplicate step id 'welcome'"),
        ("kind: discuss", "kind: debate", "steps[7].kind", "unknown step kind 'debate'"),
        ("scale: strength", "scale: stars", "steps[2].scale", "unknown scale 'stars'"),
        ("dimension: mandate", "dimension: mood", "steps[3].dimension", "unknown dimension 'mood'"),
        ("exercise: aptitude-poker", "exercise: bridge", "steps[6].exercise", "unknown poker exercise 'bridge'"),
        ("exercise: role-check", "exercise: bridge", "steps[4].exercise", "unknown role-check exercise 'bridge'"),
        (
            "exercise: role-check",
            "exercise: aptitude-poker",
            "steps[4].exercise",
            "'aptitude-poker' is a poker exercise, run by a step of kind: exercise, not kind: check",
        ),
        ("minutes: 10\n    items", "minutes: 0\n    items", "steps[2].minutes", "must be a positive number, got 0"),
        ("minutes: 4\n", "minutes: soon\n", "steps[3].minutes", "must be a number, got 'soon'"),
        ("minutes: 15", "minutes: -15", "steps[5].minutes", "must be a positive number"),
        ("  - id: talk", "  - id: 42", "steps[7].id", "must be text, got the number 42; put it in quotes"),
        ("body: Back in fifteen minutes.", "body: 12", "steps[5].body", "must be text, got the number 12; put it in quotes"),
        ("title: Break", "title: 1.10", "steps[5].title", "must be text, got the number 1.1; put it in quotes"),
        ("minutes: 15", "minutes: 100000", "steps[5].minutes", "100000 minutes is longer than a day (at most 1440)"),
        (
            "title: Who drives agreement?",
            "title: Who **really** drives agreement?",
            "steps[3].title",
            "is shown as plain text, so the Markdown '**' would show as typed",
        ),
        (
            "question: Do leaders let one person",
            "question: Do [leaders](https://example.com/board) let one person",
            "steps[3].question",
            "is shown as plain text, so the Markdown '[leaders](' would show as typed",
        ),
    ],
)
def test_each_kind_of_mistake_is_reported_with_file_line_and_field(
    content: Path, old: str, new: str, field: str, message: str
) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, old, new)
    found = problems(content)
    matching = [p for p in found if f" {field}:" in p and message in p]
    assert matching, f"expected {field}: {message} in {found}"
    assert matching[0].startswith("sessions/basics.yaml:")
    line = int(matching[0].split(":")[1])
    assert line > 0


def test_an_exercise_of_the_other_kind_says_which_step_kind_runs_it(content: Path) -> None:
    # a content author wrote "kind: exercise" for the role check (and "kind: check" for Poker): the exercise exists, so
    # "unknown poker exercise 'role-check'" sent them looking for a missing file
    session = content / "sessions" / "basics.yaml"
    edit(session, "exercise: aptitude-poker", "exercise: role-check")
    found = problems(content)
    (message,) = [p for p in found if " steps[6].exercise:" in p]
    assert "'role-check' is a role-check exercise, run by a step of kind: check, not kind: exercise" in message, message
    assert "unknown" not in message


@pytest.mark.parametrize(
    ("old", "new", "line", "said"),
    [
        # the step's kind line deleted: it was said twice, once as "unknown step kind 'None'"
        ("    kind: teach\n", "", 5, "steps[1].kind: missing required field (expected one of: teach, rate, question, "),
        ("kind: teach", "kind:", 6, "steps[1].kind: must be one of: teach, rate, question, check, exercise, discuss, "
         "actions; got nothing"),
        ("kind: teach", "kind: [teach]", 6, "steps[1].kind: must be one of: teach, rate, question, check, exercise, "
         "discuss, actions; got a list"),
    ],
)
def test_a_step_kind_left_out_or_not_a_word_is_said_once_in_the_authors_terms(
    content: Path, old: str, new: str, line: int, said: str
) -> None:
    edit(content / "sessions" / "basics.yaml", old, new)
    (found,) = problems(content)
    assert found.startswith(f"sessions/basics.yaml:{line}: ") and said in found, found


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("kind: poker\n", "", "kind: missing required field (expected poker or role-check)"),
        ("kind: poker", "kind: [poker]", "kind: must be poker or role-check, got a list"),
    ],
)
def test_an_exercise_kind_left_out_or_not_a_word_is_said_in_the_authors_terms(
    content: Path, old: str, new: str, said: str
) -> None:
    edit(content / "exercises" / "aptitude-poker.yaml", old, new)
    found = [p for p in problems(content) if p.startswith("exercises/aptitude-poker.yaml:")]
    assert len(found) == 1 and said in found[0], found
    assert "None" not in found[0]


@pytest.mark.parametrize(
    ("old", "new", "field", "got"),
    [
        ('{id: "yes", label: "Yes"', '{id: "yes", label: Yes', "label", "true"),
        ('{id: "no", label: "No"', '{id: no, label: "No"', "id", "false"),
    ],
)
def test_a_yes_or_no_left_unquoted_says_yaml_reads_it_as_true_or_false(
    content: Path, old: str, new: str, field: str, got: str
) -> None:
    # the author typed Yes, and was told "must be text, got 'true'"
    program = content / "sessions" / "program.yaml"
    edit(program, old, new)
    found = [p for p in problems(content) if p.startswith("sessions/program.yaml:")]
    assert found[0].startswith(f"sessions/program.yaml:{line_of(program, new)}: scales.commitment.options["), found
    assert found[0].endswith(
        f".{field}: must be text, got {got}: YAML reads yes, no, on, off, true and false as true or false unless they "
        'are in quotes ("yes")'
    ), found


def test_what_a_reference_could_name_leaves_out_an_entry_without_its_id(content: Path) -> None:
    # the list read "(known: , structure)", the missing id an empty name at its head
    edit(content / "sessions" / "program.yaml", "{id: mandate, title: Mandate", "{title: Mandate")
    found = problems(content)
    (reference,) = [p for p in found if p.startswith("sessions/basics.yaml:")]
    assert reference.endswith("steps[3].dimension: unknown dimension 'mandate' (known: structure)"), found


def test_every_problem_is_found_in_one_pass(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, "kind: discuss", "kind: debate")
    edit(session, "minutes: 15", "minutes: 0")
    edit(session, "dimension: mandate", "dimension: mood")
    edit(content / "exercises" / "role-check.yaml", "leaning: tactical", "leaning: sideways")
    edit(content / "sessions" / "program.yaml", "key: y", "key: yes-please")
    found = problems(content)
    assert len(found) == 5, found
    files = {p.split(":")[0] for p in found}
    assert files == {"sessions/basics.yaml", "exercises/role-check.yaml", "sessions/program.yaml"}


def test_lines_point_at_the_offending_field(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, "scale: strength", "scale: stars")
    (found,) = problems(content)
    assert found.startswith(f"sessions/basics.yaml:{line_of(session, 'scale: stars')}: ")


def test_duplicate_ids_across_files(content: Path) -> None:
    shutil.copy(content / "sessions" / "basics.yaml", content / "sessions" / "basics-copy.yaml")
    found = problems(content)
    assert any("duplicate session id 'basics'" in p for p in found)


def test_unknown_session_in_agenda(content: Path) -> None:
    edit(content / "sessions" / "program.yaml", "sessions: [basics]", "sessions: [basics, lunch]")
    found = problems(content)
    assert any(p.startswith("sessions/program.yaml:") and "unknown session 'lunch'" in p for p in found)


def test_missing_program_file(content: Path) -> None:
    (content / "sessions" / "program.yaml").unlink()
    found = problems(content)
    assert any(p.startswith("sessions/program.yaml") and "missing" in p for p in found)


def test_yml_files_are_read_like_yaml_from_a_folder_and_from_a_stored_copy(content: Path) -> None:
    (content / "sessions" / "basics.yaml").rename(content / "sessions" / "basics.yml")
    (content / "sessions" / "program.yaml").rename(content / "sessions" / "program.yml")
    program = load_dir(content)
    assert [s.id for s in program.sessions] == [s.id for s in load_dir(FIXTURE).sessions]
    assert set(program.sources) == {"sessions/basics.yml", "sessions/program.yml", *read_sources(FIXTURE)} - {
        "sessions/basics.yaml",
        "sessions/program.yaml",
    }
    assert load_sources(read_sources(content)) == program  # a workshop's stored copy loads the same way


def test_a_program_file_saved_both_ways_is_one_problem(content: Path) -> None:
    shutil.copy(content / "sessions" / "program.yaml", content / "sessions" / "program.yml")
    assert problems(content) == [
        "sessions/program.yml: a second program file beside sessions/program.yaml: keep one of the two"
    ]


def test_a_stored_copy_keeps_loading_under_the_rules_it_was_accepted_with(content: Path) -> None:
    """A number where text is expected, or a step longer than a day, is refused in content being written; a
    workshop's stored copy (or an export's) holding one was accepted when the workshop was made, and still opens."""
    edit(content / "sessions" / "basics.yaml", "  - id: talk", "  - id: 42")
    edit(content / "sessions" / "basics.yaml", "minutes: 15", "minutes: 100000")
    assert len(problems(content)) == 2
    program = load_sources(read_sources(content))
    assert program.step("basics/42") is not None and program.step("basics/break").minutes == 100000
    with pytest.raises(ContentError):
        load_sources(read_sources(content), stored_copy=False)


def test_a_content_folder_that_does_not_exist_is_said_to_be_missing(tmp_path: Path) -> None:
    missing, a_file = tmp_path / "nonexist", tmp_path / "a-file"
    assert problems(missing) == [f"{missing}: the content folder does not exist: check the path"]
    a_file.write_text("sessions")
    assert problems(a_file) == [f"{a_file}: not a folder: give the folder that holds sessions/"]


def test_not_a_content_folder(tmp_path: Path) -> None:
    found = problems(tmp_path)
    assert found and "no sessions/ folder" in found[0]


def test_a_list_where_a_mapping_belongs(content: Path) -> None:
    (content / "exercises" / "extra.yaml").write_text("- just\n- a list\n")
    found = problems(content)
    assert any(p.startswith("exercises/extra.yaml:1:") and "must be a mapping" in p for p in found)


def test_duplicate_key_in_one_mapping(content: Path) -> None:
    edit(content / "sessions" / "basics.yaml", "    minutes: 4\n", "    minutes: 4\n    minutes: 5\n")
    found = problems(content)
    assert any("appears twice" in p for p in found)


def test_content_copy_loads_like_the_folder() -> None:
    sources = read_sources(FIXTURE)
    assert load_sources(sources) == load_dir(FIXTURE)
    assert load_sources(sources).content_hash == load_dir(FIXTURE).content_hash


def run_validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bootcamp", "validate", *args], capture_output=True, text=True, timeout=60
    )


def test_validate_command_exit_codes(content: Path) -> None:
    ok = run_validate("--content", str(FIXTURE))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("ok: Fixture boot camp")

    edit(content / "sessions" / "basics.yaml", "kind: discuss", "kind: debate")
    edit(content / "sessions" / "basics.yaml", "minutes: 15", "minutes: 0")
    broken = run_validate("--content", str(content))
    assert broken.returncode == 1
    lines = broken.stdout.strip().splitlines()
    assert len(lines) == 3, broken.stdout
    assert all(line.startswith("sessions/basics.yaml:") for line in lines[:2])
    assert lines[-1].startswith("2 problems in")
    assert "Traceback" not in broken.stdout + broken.stderr


def test_two_options_with_one_key_name_both_lines(content: Path) -> None:
    program = content / "sessions" / "program.yaml"
    edit(program, "{id: mixed, label: Mixed, value: 1, key: m}", "{id: mixed, label: Mixed, value: 1, key: s}")
    first, second = line_of(program, "{id: strong,"), line_of(program, "{id: mixed,")
    assert problems(content) == [
        f"sessions/program.yaml:{second}: scales.strength.options[2].key: the key 's' is taken (line {first}): "
        "each option needs its own key"
    ]


def test_levels_out_of_order_are_refused_with_file_line_and_field(content: Path) -> None:
    program = content / "sessions" / "program.yaml"
    edit(
        program,
        "  - {id: hard-wired, title: Hard-wired, min_score: 70, text: Built into how the company runs.}",
        "  - {id: hard-wired, title: Hard-wired, min_score: 70, text: Built into how the company runs.}\n"
        "  - {id: middle, title: Middle, min_score: 40, text: Between the two.}",
    )
    assert problems(content) == [
        f"sessions/program.yaml:{line_of(program, 'id: middle')}: levels[3].min_score: 40 is not above the level "
        "before's 70: list levels lowest first, each higher"
    ]


def test_a_hash_in_a_title_is_not_taken_for_a_comment(content: Path) -> None:
    """YAML reads ' #' and what follows as a comment: 'Priority #1 for us' became the title 'Priority', silently."""
    session = content / "sessions" / "basics.yaml"
    edit(session, "title: Welcome", "title: Welcome to priority #1  # what the day is")
    line = line_of(session, "title: Welcome")
    assert problems(content) == [
        f"sessions/basics.yaml:{line}:32: steps[1].title: YAML reads the ' #' and what follows as a comment, so only "
        "'Welcome to priority' is kept: put the whole value in quotes (\"…\")"
    ]
    edit(session, "title: Welcome to priority #1  # what the day is", 'title: "Welcome to priority #1"  # the day')
    load_dir(content)
    # a comment after an id, a kind or a number is a comment
    edit(session, "kind: discuss", "kind: discuss  # the room talks")
    load_dir(content)
    # a workshop's stored copy keeps loading as it was accepted
    edit(session, 'title: "Welcome to priority #1"', "title: Welcome to priority #1")
    assert load_sources(read_sources(content)).sessions


def test_a_kind_with_a_pasted_space_after_it_is_read_as_the_kind(content: Path) -> None:
    """'kind: question\\u00a0' (a no-break space pasted after it) read "unknown step kind 'question '"."""
    edit(content / "sessions" / "basics.yaml", "kind: discuss", "kind: discuss\u00a0")
    load_dir(content)


def test_validate_says_a_session_in_no_agenda_is_run_by_no_workshop(content: Path) -> None:
    """A session copied and renamed, ok to validate, never showed up in a workshop: no agenda listed it."""
    basics = (content / "sessions" / "basics.yaml").read_text()
    (content / "sessions" / "client.yaml").write_text(basics.replace("id: basics", "id: client", 1))
    result = run_validate("--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[1:] == [
        "note: session 'client' (Basics) is in no agenda, so no workshop runs it: add its id to the sessions of an "
        "agenda in sessions/program.yaml"
    ]
    assert run_validate("--content", str(FIXTURE)).stdout.count("\n") == 1


def test_validate_says_what_the_wall_cuts_off(content: Path) -> None:
    """A long German title and a tall body validated ok, then showed cut on the projector at 80×24 (presenter mode
    does not scroll): validate notes each, still ok, as the console shows them whole."""
    session = content / "sessions" / "basics.yaml"
    title = "Einführung in die Kundenorientierungsverantwortlichkeitsprüfung des ganzen Unternehmens"
    edit(session, "title: Welcome", f"title: {title}")
    edit(session, "    body: |\n", "    body: |\n" + "      - line\n" * 20, )
    result = run_validate("--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    notes = result.stdout.splitlines()[1:]
    assert notes[0] == (
        f"note: basics/welcome: the title is {len(title)} characters and the wall has room for 76 at 80×24, so it "
        "reads 'Einführung in die Kundenorientierungsverantwortlichkeitsprüfung des ganzen' there"
    )
    assert notes[1].startswith("note: basics/welcome: the body is ")
    assert notes[1].endswith(" rows at 76 columns and the wall shows 16 at 80×24: the last "
                             f"{int(notes[1].split(' rows')[0].rsplit(' ', 1)[1]) - 16} are cut off in presenter mode")
    assert len(notes) == 2


@pytest.mark.parametrize(("key", "what"), [("x", "clear an answer"), ("c", "write a comment")])
def test_a_scale_key_the_console_takes_for_itself_is_refused(content: Path, key: str, what: str) -> None:
    """A scale offering 'x Partly' validated ok, and x then cleared the answer instead of answering Partly."""
    program = content / "sessions" / "program.yaml"
    edit(program, "{id: mixed, label: Mixed, value: 1, key: m}", f"{{id: mixed, label: Mixed, value: 1, key: {key}}}")
    line = line_of(program, "{id: mixed,")
    assert problems(content) == [
        f"sessions/program.yaml:{line}: scales.strength.options[2].key: '{key}' is the console's key to {what} on "
        "every answering step: choose another"
    ]
    assert load_sources(read_sources(content)).scales  # a stored copy made before the rule still loads



_WELCOME_BODY = "    body: |\n      # Why we are here\n\n      - one\n      - two\n"


@pytest.mark.parametrize("folded", [">", ">-"])
def test_a_body_folded_with_a_greater_than_sign_that_joins_its_list_or_table_is_refused(
    content: Path, folded: str
) -> None:
    """`body: >-` (as `do_next: >-` is written beside it) joins every line into one: a body's bullets, or a table's
    rows, reached the wall run together on one line, and validate said ok."""
    session = content / "sessions" / "basics.yaml"
    edit(session, _WELCOME_BODY, _WELCOME_BODY.replace("|", folded, 1))
    assert problems(content) == [
        f"sessions/basics.yaml:{line_of(session, '- two')}: steps[1].body: written with '{folded}', which joins this "
        "line to the one before it, so the list or table there loses its lines: write 'body: |' to keep each line"
    ]
    edit(session, _WELCOME_BODY.replace("|", folded, 1), f"    body: {folded}\n      | a | b |\n      |---|---|\n")
    assert problems(content)[0].startswith(f"sessions/basics.yaml:{line_of(session, '|---|')}: steps[1].body: written")


def test_a_folded_body_of_prose_is_one_paragraph_as_meant(content: Path) -> None:
    session = content / "sessions" / "basics.yaml"
    edit(session, _WELCOME_BODY, "    body: >-\n      One paragraph\n      over two lines.\n\n      - one\n")
    assert load_dir(content).session("basics").steps[0].body == "One paragraph over two lines.\n- one"

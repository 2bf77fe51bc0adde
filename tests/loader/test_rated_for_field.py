"""A rate step with one perspective may say in the room's words what it is rated for (``rated_for``): the competency
audit rates the company as the team sees it, not "your team"; a wrong ``rated_for`` is one problem naming file, line
and field."""

from __future__ import annotations

from pathlib import Path

from content_edits import FIXTURE, problems

from bootcamp.content import load_dir, load_sources, read_sources

SHIPPED = Path(__file__).resolve().parents[2]
RATE = "    perspectives: [self, team]\n"


def rate_step(content: Path, lines: str) -> Path:
    session = content / "sessions" / "basics.yaml"
    text = session.read_text()
    assert RATE in text, "fixture changed"
    session.write_text(text.replace(RATE, lines, 1))
    return session


def test_the_audit_is_rated_for_the_company() -> None:
    program = load_dir(SHIPPED)
    audit, aptitudes = program.step("competencies/competency-audit"), program.step("aptitudes/rate-aptitudes")
    assert audit is not None and audit.rated_for == "the company"
    assert [program.asks(audit).asked_for(p) for p in program.asks(audit).perspectives] == ["the company"]
    assert [program.asks(aptitudes).asked_for(p) for p in ("self", "team")] == ["yourself", "your team"]


def test_a_step_with_one_perspective_names_what_it_is_rated_for(content: Path) -> None:
    rate_step(content, "    perspectives: [team]\n    rated_for: the company\n")
    program = load_dir(content)
    step = program.step("basics/rate-aptitudes")
    assert step is not None and step.rated_for == "the company"
    assert load_sources(read_sources(content)) == program  # a workshop's stored copy reads it the same way
    older = load_dir(FIXTURE).step("basics/rate-aptitudes")
    assert older is not None and older.rated_for == ""  # content without it: each perspective's own words


def test_rated_for_with_two_perspectives_is_one_problem_with_its_line(content: Path) -> None:
    session = rate_step(content, "    perspectives: [self, team]\n    rated_for: the company\n")
    line = next(n for n, text in enumerate(session.read_text().splitlines(), 1) if "rated_for" in text)
    assert problems(content) == [
        f"sessions/basics.yaml:{line}: steps[2].rated_for: names what one perspective is rated for, and this step has "
        "more than one (self, team), each asked in its own words: leave rated_for out, or keep one perspective"
    ]


def test_rated_for_is_plain_text(content: Path) -> None:
    rate_step(content, "    perspectives: [team]\n    rated_for: the **company**\n")
    (problem,) = problems(content)
    assert "steps[2].rated_for: is shown as plain text" in problem and "sessions/basics.yaml:" in problem

"""The names of the summary files the screen writes: safe on every file system, one pair per workshop."""

from __future__ import annotations

from dataclasses import replace

from summary_rooms import golden_room, hostile_room

from bootcamp.export.report_files import file_stem, slug, summary_files


def test_slug_folds_to_ascii_letters_digits_and_hyphens() -> None:
    assert slug("Customer leadership boot camp") == "customer-leadership-boot-camp"
    assert slug("Ünïcödé: Café & Co. 2026!") == "unicode-cafe-co-2026"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("名前") == ""
    assert len(slug("x" * 200)) == 40


def test_file_stem_carries_the_workshop_id_so_two_workshops_never_share_a_file() -> None:
    report = golden_room().report()
    assert file_stem(report) == "commitment-test-spring-boot-camp-w1"
    assert file_stem(replace(report, workshop="名前", workshop_id="a/b")) == "commitment-test-ab"


def test_hostile_names_give_safe_file_names_and_both_formats() -> None:
    report = hostile_room().report()
    files = summary_files(report)
    assert sorted(name.rsplit(".", 1)[1] for name in files) == ["html", "md"]
    for name in files:
        assert all(char.isascii() and (char.isalnum() or char in "-.") for char in name)
    markdown = next(text for name, text in files.items() if name.endswith(".md"))
    assert markdown.startswith("# Commitment test:")


def test_with_the_run_it_is_compared_with_the_progress_is_written_too_as_compare_writes_it() -> None:
    """``e`` on the summary's Progress page wrote a summary with no progress in it: given the earlier run, the files
    hold the comparison too, the same Markdown and HTML as ``bootcamp compare``."""
    from comparison_rooms import earlier_room, later_room

    from bootcamp.export.comparison_html import render_comparison_html
    from bootcamp.export.comparison_markdown import render_comparison_markdown
    from bootcamp.summary.comparison import compare

    earlier, later = earlier_room().report(), later_room().report()
    files = summary_files(later, earlier)
    stem = file_stem(later)
    assert sorted(files) == sorted(f"{stem}{end}" for end in (".md", ".html", "-progress.md", "-progress.html"))
    assert files[f"{stem}-progress.md"] == render_comparison_markdown(compare(earlier, later))
    assert files[f"{stem}-progress.html"] == render_comparison_html(compare(earlier, later))
    assert sorted(summary_files(later, later)) == sorted([f"{stem}.md", f"{stem}.html"])  # no comparison with itself
